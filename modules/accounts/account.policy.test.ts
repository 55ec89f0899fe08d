import { describe, expect, it } from 'vitest';
import { contextOf, OTHER_PARTNER, PARTNER, person, expectAllowedOrForbidden, thrown, viewers, type ViewerKey, PARTNER_MANAGERS_ONLY } from '../../test/policy-context.js';
import { AccountPolicy } from './account.policy.js';

const DAY = 24 * 3600 * 1000;

describe("who may act on a person's tokens", () => {
  it('the person themself and administrators, nobody else', () => {
    const owner = viewers.member.personId!;
    expect(AccountPolicy.mayManageTokensOf(contextOf('member'), owner)).toBe(true);
    expect(AccountPolicy.mayManageTokensOf(contextOf('admin'), owner)).toBe(true);
    for (const viewer of ['anonymous', 'loner', 'manager', 'otherManager'] as const) {
      expect(AccountPolicy.mayManageTokensOf(contextOf(viewer), owner)).toBe(false);
    }
  });
});

describe('who may issue a token for a person', () => {
  it('anyone signed in for themself; for another person, administrators only', () => {
    const other = viewers.member.personId!;
    expect(() => AccountPolicy.assertMayIssueTokenFor(contextOf('member'), other)).not.toThrow();
    expect(() => AccountPolicy.assertMayIssueTokenFor(contextOf('admin'), other)).not.toThrow();
    for (const viewer of ['loner', 'manager', 'otherManager'] as const) {
      expectAllowedOrForbidden(() => AccountPolicy.assertMayIssueTokenFor(contextOf(viewer), other), false, 'Seuls les administrateurs créent un jeton pour une autre personne.');
    }
  });
});

describe("who may manage a partner's members", () => {
  it.each<[ViewerKey, boolean]>([...PARTNER_MANAGERS_ONLY])('%s: %s', (viewer, allowed) => {
    const check = () => AccountPolicy.assertCanManageMembers(contextOf(viewer), PARTNER, 'Seuls les gestionnaires.');
    expectAllowedOrForbidden(check, allowed, 'Seuls les gestionnaires.');
  });

  it('a manager of one partner does not manage the members of another; the default message is the generic one', () => {
    const error = thrown(() => AccountPolicy.assertCanManageMembers(contextOf('manager'), OTHER_PARTNER));
    expect(error.extensions.code).toBe('FORBIDDEN');
    expect(error.message).toBe("Vous n'avez pas les droits nécessaires pour cette opération.");
  });
});

describe('how long a new token may live', () => {
  const now = Date.UTC(2026, 0, 1);

  it('a requested expiry must be strictly in the future', () => {
    expect(() => AccountPolicy.checkRequestedExpiry(null, now)).not.toThrow();
    expect(() => AccountPolicy.checkRequestedExpiry(new Date(now + 1), now)).not.toThrow();
    for (const at of [now, now - 1]) {
      const error = thrown(() => AccountPolicy.checkRequestedExpiry(new Date(at), now));
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.expiresAt' });
      expect(error.message).toBe("La date d'expiration doit être dans le futur.");
    }
  });

  it('checks against the present by default', () => {
    expect(() => AccountPolicy.checkRequestedExpiry(new Date(Date.now() + 60_000))).not.toThrow();
    expect(thrown(() => AccountPolicy.checkRequestedExpiry(new Date(Date.now() - 60_000))).extensions.code).toBe('BAD_USER_INPUT');
  });

  it('without a token (no parent), the expiry asked for, or none', () => {
    const ctx = contextOf(person([], null, null));
    const at = new Date(now + DAY);
    expect(AccountPolicy.childTokenExpiry(ctx, null, at, now)).toBe(at);
    expect(AccountPolicy.childTokenExpiry(ctx, null, null, now)).toBeNull();
  });

  it('a token that is missing, revoked or expired creates nothing', () => {
    const ctx = contextOf('member');
    for (const parent of [null, { revokedAt: new Date(now - DAY), expiresAt: null }, { expiresAt: new Date(now) }, { expiresAt: new Date(now - 1) }]) {
      const error = thrown(() => AccountPolicy.childTokenExpiry(ctx, parent, null, now));
      expect(error.extensions.code).toBe('UNAUTHENTICATED');
      expect(error.message).toBe('Jeton invalide, expiré ou révoqué.');
    }
  });

  it('a token that never expires creates tokens with the expiry asked for, or none', () => {
    const ctx = contextOf('member');
    const at = new Date(now + 1000 * DAY);
    expect(AccountPolicy.childTokenExpiry(ctx, { revokedAt: null, expiresAt: null }, at, now)).toBe(at);
    expect(AccountPolicy.childTokenExpiry(ctx, { revokedAt: null, expiresAt: null }, null, now)).toBeNull();
  });

  it('a child expires no later than its parent, and with it by default', () => {
    const ctx = contextOf('member');
    const limit = new Date(now + 1);
    const parent = { revokedAt: null, expiresAt: limit };
    expect(AccountPolicy.childTokenExpiry(ctx, parent, null, now)).toBe(limit);
    const same = new Date(limit.getTime());
    expect(AccountPolicy.childTokenExpiry(ctx, parent, same, now)).toBe(same);
    const earlier = new Date(now);
    expect(AccountPolicy.childTokenExpiry(ctx, parent, earlier, now)).toBe(earlier);
    const error = thrown(() => AccountPolicy.childTokenExpiry(ctx, parent, new Date(limit.getTime() + 1), now));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.expiresAt' });
    expect(error.message).toBe(`Un jeton ne peut pas expirer après celui qui le crée (le vôtre expire le ${limit.toISOString()}).`);
  });

  it('checks the parent against the present by default', () => {
    const ctx = contextOf('member');
    expect(AccountPolicy.childTokenExpiry(ctx, { expiresAt: new Date(Date.now() + 60_000) }, null)).toEqual(expect.any(Date));
    expect(thrown(() => AccountPolicy.childTokenExpiry(ctx, { expiresAt: new Date(Date.now() - 60_000) }, null)).extensions.code).toBe('UNAUTHENTICATED');
  });
});
