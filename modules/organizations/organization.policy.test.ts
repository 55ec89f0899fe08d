import { describe, expect, it } from 'vitest';
import { toGlobalId } from '../../server/relay.js';
import { contextOf, OTHER_PARTNER, PARTNER, person, expectAllowedOrForbidden, thrown, viewers, type ViewerKey } from '../../test/policy-context.js';
import { DEFAULT_CONSENT_PURPOSE, DEFAULT_CONSENT_SCOPE } from './organization-consent.entity.js';
import { ConsentMethod } from './organization-consent.enums.js';
import type { ConsentInput } from './organization-consent.inputs.js';
import type { Organization } from './organization.entity.js';
import { assertMayEditContacts, consentEntry } from './organization.policy.js';

const consenting = { consentToShare: true } as Organization;
const refusing = { consentToShare: false } as Organization;
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 24 * 3600 * 1000).toISOString().slice(0, 10);
const input = (values: Partial<ConsentInput> = {}): ConsentInput => ({ given: true, method: ConsentMethod.WRITTEN_FORM, obtainedOn: day(0), ...values }) as ConsentInput;

describe("who may edit an organization's contacts", () => {
  it.each<[ViewerKey, boolean, boolean]>([
    // viewer, with consent, without consent
    ['anonymous', false, false],
    ['loner', false, false],
    ['member', true, false],
    ['manager', true, false],
    ['admin', true, true],
  ])('%s: with consent %s, without %s', (viewer, withConsent, withoutConsent) => {
    for (const [organization, allowed] of [
      [consenting, withConsent],
      [refusing, withoutConsent],
    ] as const) {
      const check = () => assertMayEditContacts(contextOf(viewer), organization);
      expectAllowedOrForbidden(check, allowed, "Vous ne pouvez pas modifier les contacts de cette organisation : son porteur n'a pas consenti à leur partage.");
    }
  });
});

describe("recording a holder's consent", () => {
  it.each<[ViewerKey, boolean]>([
    ['anonymous', false],
    ['loner', false],
    ['member', false],
    ['manager', true],
    ['admin', true],
  ])('%s may record it: %s', (viewer, allowed) => {
    const record = () => consentEntry(contextOf(viewer), input(), 'input.consent');
    if (allowed) expect(record).not.toThrow();
    else {
      const error = thrown(record);
      expect(error.extensions).toEqual({ code: 'FORBIDDEN', field: 'input.consent' });
      expect(error.message).toBe("Seuls les gestionnaires des partenaires et les administrateurs enregistrent le consentement d'un porteur.");
    }
  });

  it('returns what to store: the decision, how and when, a trimmed note, who recorded it and for which partner', () => {
    const ctx = contextOf('manager');
    expect(consentEntry(ctx, input({ note: '  signé en réunion  ' }), 'input')).toEqual({
      given: true,
      method: ConsentMethod.WRITTEN_FORM,
      obtainedOn: day(0),
      purpose: DEFAULT_CONSENT_PURPOSE,
      scope: DEFAULT_CONSENT_SCOPE,
      retainUntil: `${Number(day(0).slice(0, 4)) + 3}${day(0).slice(4) === '-02-29' ? '-02-28' : day(0).slice(4)}`,
      note: 'signé en réunion',
      recordedById: viewers.manager.personId,
      recordedByPartnerId: PARTNER,
    });
    expect(consentEntry(ctx, input({ note: null, given: false }), 'input')).toMatchObject({ given: false, note: '', retainUntil: null });
  });

  it('keeps the purpose and scope told to the holder, and a retention that ends after the day it was obtained', () => {
    const ctx = contextOf('manager');
    const entry = consentEntry(ctx, input({ purpose: ' Demande de prêt ', scope: 'Contacts seulement', retainUntil: '2099-12-31' }), 'input');
    expect(entry).toMatchObject({ purpose: 'Demande de prêt', scope: 'Contacts seulement', retainUntil: '2099-12-31' });
    const early = thrown(() => consentEntry(ctx, input({ retainUntil: day(0) }), 'input'));
    expect(early.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.retainUntil' });
    const refusal = thrown(() => consentEntry(ctx, input({ given: false, retainUntil: '2099-12-31' }), 'input'));
    expect(refusal.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.retainUntil' });
  });

  it('consent given needs a written trace; a withdrawal may be oral', () => {
    const ctx = contextOf('manager');
    for (const method of [ConsentMethod.WRITTEN_FORM, ConsentMethod.SIGNED_AGREEMENT, ConsentMethod.EMAIL, ConsentMethod.ONLINE_FORM]) {
      expect(consentEntry(ctx, input({ method }), 'input').method).toBe(method);
    }
    const error = thrown(() => consentEntry(ctx, input({ method: ConsentMethod.ORAL }), 'input'));
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.method' });
    expect(error.message).toMatch(/^Le consentement doit être recueilli par écrit/);
    expect(consentEntry(ctx, input({ given: false, method: ConsentMethod.ORAL }), 'input')).toMatchObject({ given: false, method: ConsentMethod.ORAL });
  });

  it('is dated from 1 January 2000 to tomorrow (a day of margin for time zones)', () => {
    const ctx = contextOf('manager');
    for (const obtainedOn of ['2000-01-01', day(-1), day(0), day(1)]) {
      expect(consentEntry(ctx, input({ obtainedOn }), 'input').obtainedOn).toBe(obtainedOn);
    }
    const future = thrown(() => consentEntry(ctx, input({ obtainedOn: day(2) }), 'input'));
    expect(future.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.obtainedOn' });
    expect(future.message).toBe('La date du consentement ne peut pas être dans le futur.');
    const old = thrown(() => consentEntry(ctx, input({ obtainedOn: '1999-12-31' }), 'input'));
    expect(old.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.obtainedOn' });
    expect(old.message).toBe('La date du consentement doit être postérieure au 1er janvier 2000.');
  });

  it('is recorded for one of the viewer’s partners: the one named, or their only one', () => {
    const both = person([
      { partnerId: PARTNER, role: 'MANAGER' },
      { partnerId: OTHER_PARTNER, role: 'MANAGER' },
    ]);
    expect(consentEntry(contextOf(both), input({ partnerId: toGlobalId('Partner', OTHER_PARTNER) }), 'input').recordedByPartnerId).toBe(OTHER_PARTNER);
    expect(consentEntry(contextOf('manager'), input({ partnerId: toGlobalId('Partner', PARTNER) }), 'input').recordedByPartnerId).toBe(PARTNER);

    const notMine = thrown(() => consentEntry(contextOf('manager'), input({ partnerId: toGlobalId('Partner', OTHER_PARTNER) }), 'input'));
    expect(notMine.extensions).toEqual({ code: 'FORBIDDEN', field: 'input.partnerId' });
    expect(notMine.message).toBe("Vous n'êtes pas membre de ce partenaire.");

    const which = thrown(() => consentEntry(contextOf(both), input(), 'input'));
    expect(which.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.partnerId' });
    expect(which.message).toMatch(/^Vous êtes membre de plusieurs partenaires/);

    const bad = thrown(() => consentEntry(contextOf('manager'), input({ partnerId: toGlobalId('Organization', PARTNER) }), 'input'));
    expect(bad.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.partnerId' });
  });

  it('an administrator without a partner records it for the platform; two roles in one partner are one partner', () => {
    expect(consentEntry(contextOf('admin'), input(), 'input').recordedByPartnerId).toBeNull();
    const twice = person([
      { partnerId: PARTNER, role: 'MANAGER' },
      { partnerId: PARTNER, role: 'MEMBER' },
    ]);
    expect(consentEntry(contextOf(twice), input(), 'input').recordedByPartnerId).toBe(PARTNER);
  });
});
