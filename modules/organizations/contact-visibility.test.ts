import { describe, expect, it } from 'vitest';
import { contextOf, type ViewerKey } from '../../test/policy-context.js';
import { ContactVisibility } from './contact-visibility.js';

describe("who sees an organization's contacts", () => {
  it.each<[ViewerKey, boolean, boolean, boolean, string | null]>([
    // viewer, may read any, with consent, without consent, SQL condition
    ['anonymous', false, false, false, 'false'],
    ['loner', false, false, false, 'false'],
    ['member', true, true, false, 'o.consent_to_share'],
    ['manager', true, true, false, 'o.consent_to_share'],
    ['otherManager', true, true, false, 'o.consent_to_share'],
    ['admin', true, true, true, null],
  ])('%s: any %s, with consent %s, without %s, in SQL %s', (viewer, any, withConsent, withoutConsent, sql) => {
    const ctx = contextOf(viewer);
    expect(ContactVisibility.mayReadAny(ctx)).toBe(any);
    expect(ContactVisibility.allows(ctx, { consentToShare: true })).toBe(withConsent);
    expect(ContactVisibility.allows(ctx, { consentToShare: false })).toBe(withoutConsent);
    expect(ContactVisibility.sqlCondition(ctx, 'o')).toBe(sql);
  });
});
