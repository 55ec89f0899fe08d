import { ApiToken } from './api-token.entity.js';
import { Membership } from './membership.entity.js';
import { Person } from './person.entity.js';
import { visibleTo, type Context, MembershipRole, badInput, forbidden, invalidToken } from '../../server/kit/index.js';

/**
 * Who may act on people's tokens and partners' memberships, and how long a new token may live, written
 * once so that it can be read, tested and mutation-tested on its own (`npm run test:mutation`).
 */
export const AccountPolicy = {
  /** A person's tokens are theirs: only they, or an administrator, list or revoke them. */
  mayManageTokensOf(ctx: Context, personId: string): boolean {
    return personId === ctx.viewer.personId || ctx.viewer.isAdmin;
  },

  /**
   * A token is issued for oneself, or by an administrator for another person (a partner's people get
   * their first token this way); a manager may not, since the person may belong to other partners too.
   */
  assertMayIssueTokenFor(ctx: Context, personId: string): void {
    if (personId !== ctx.viewer.personId && !ctx.viewer.isAdmin) {
      throw forbidden('Seuls les administrateurs créent un jeton pour une autre personne.');
    }
  },

  /** Adding, changing or removing a partner's members: administrators, or managers of that partner. */
  assertCanManageMembers(ctx: Context, partnerId: string, message?: string): void {
    if (!ctx.viewer.hasRoleIn(partnerId, MembershipRole.Manager)) throw forbidden(message);
  },

  /** A requested expiry must be in the future. */
  checkRequestedExpiry(expiresAt: Date | null, now = Date.now()): void {
    if (expiresAt && expiresAt.getTime() <= now) throw badInput('input.expiresAt', "La date d'expiration doit être dans le futur.");
  },

  /**
   * The expiry of a token created with the viewer's token `parent` (null when the viewer has no token):
   * the parent must still be valid, the child expires no later than it, and without `expiresAt` it
   * expires with it.
   */
  childTokenExpiry(ctx: Context, parent: { revokedAt?: Date | null; expiresAt?: Date | null } | null, expiresAt: Date | null, now = Date.now()): Date | null {
    if (ctx.viewer.tokenId && (!parent || parent.revokedAt || (parent.expiresAt && parent.expiresAt.getTime() <= now))) throw invalidToken();
    const limit = parent?.expiresAt ?? null;
    if (limit && expiresAt && expiresAt.getTime() > limit.getTime()) {
      throw badInput('input.expiresAt', `Un jeton ne peut pas expirer après celui qui le crée (le vôtre expire le ${limit.toISOString()}).`);
    }
    return expiresAt ?? limit;
  },
};

/**
 * Who sees people, memberships and tokens on every read path (the kit applies it): people and
 * memberships, signed-in callers; a token, the person it is for, or administrators.
 */
export const ACCOUNT_VISIBILITY = [
  visibleTo(Person, { rows: (r) => r.viewer.isAuthenticated }),
  visibleTo(Membership, { rows: (r) => r.viewer.isAuthenticated }),
  visibleTo(ApiToken, { rows: (r) => (r.viewer.isAdmin ? true : r.viewer.personId ? { person: r.viewer.personId } : false) }),
];
