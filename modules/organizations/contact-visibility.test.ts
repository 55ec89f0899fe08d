import { describe, expect, it } from 'vitest';
import { contextOf, type ViewerKey } from '../../test/policy-context.js';
import { CONTACT_VISIBILITY, mayEditContacts } from './contact-visibility.js';

describe("who sees an organization's contacts", () => {
  const [contacts, consents] = CONTACT_VISIBILITY;
  it.each<[ViewerKey, unknown, boolean, boolean]>([
    // viewer, rows of contacts they may see, may edit with consent, without consent
    ['anonymous', false, false, false],
    ['loner', false, false, false],
    ['member', { organization: { consentToShare: true } }, true, false],
    ['manager', { organization: { consentToShare: true } }, true, false],
    ['otherManager', { organization: { consentToShare: true } }, true, false],
    ['admin', true, true, true],
  ])('%s: sees %j, edits with consent %s, without %s', (viewer, rows, withConsent, withoutConsent) => {
    const ctx = contextOf(viewer);
    expect(contacts!.rows(ctx)).toEqual(rows);
    expect(consents!.rows(ctx)).toEqual(rows); // the consent history follows the same rule
    expect(mayEditContacts(ctx, { consentToShare: true })).toBe(withConsent);
    expect(mayEditContacts(ctx, { consentToShare: false })).toBe(withoutConsent);
  });
});
