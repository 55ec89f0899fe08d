import { LockMode } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { Partner } from '../partners/index.js';
import { AccountPolicy } from './account.policy.js';
import { ApiToken } from './api-token.entity.js';
import { Membership } from './membership.entity.js';
import { Person } from './person.entity.js';
import { MembershipRoleEnum, PlatformRoleEnum } from './account.enums.js';
import { hashToken, newToken, tokenPrefix } from './token.js';
import {
  find,
  load,
  loadChildren,
  orderBy,
  platformReader,
  related,
  type Order,
  type Context,
  Viewer,
  type PlatformRole,
  type ViewerMembership,
  conflict,
  forbidden,
  notFound,
  decodeId,
} from '../../server/kit/index.js';

/** The order of a partner's members: managers first, then by seniority. */
const MEMBERS_ORDER: Order<Membership> = [
  ['role', 'asc'],
  ['createdAt', 'asc'],
  ['id', 'asc'],
];

/** The order of a person's tokens: newest first. */
const TOKENS_ORDER: Order<ApiToken> = [
  ['createdAt', 'desc'],
  ['id', 'desc'],
];

/** People, memberships and API tokens. */
export const AccountService = {
  /**
   * The viewer of a bearer token: the token, its person and their memberships in one statement; null
   * when the token is unknown, expired or revoked, or its person inactive. Read rows, outside `em`'s
   * identity map, so an operation that checks its token keeps a clean unit of work.
   */
  async authenticate(em: SqlEntityManager, token: string): Promise<Viewer | null> {
    if (!/^mlg_[\w-]{20,100}$/.test(token)) return null;
    // Read as the platform (the caller is not known yet), through the kit: one statement for the token,
    // its person joined and their memberships gathered, built without a query builder.
    const reader = platformReader(em);
    const where = { tokenHash: hashToken(token), revokedAt: null, $or: [{ expiresAt: null }, { expiresAt: { $gt: new Date() } }], person: { active: true } };
    const [found] = await find(reader, ApiToken, { where, orderBy: orderBy('id'), limit: 1, with: ['person', 'person.memberships'] });
    if (!found) return null;
    const person = found.person as unknown as Person; // joined with the token
    const memberships = await related<Membership>(reader, person, 'memberships'); // gathered with the person: no statement
    return Viewer.person({
      personId: person.id,
      tokenId: found.id,
      platformRole: (person.platformRole as PlatformRole | null) ?? null,
      memberships: memberships.map((m): ViewerMembership => ({ partnerId: m.partner.id, role: m.role as ViewerMembership['role'] })),
    });
  },

  viewerPerson(ctx: Context): Promise<Person | null> {
    return ctx.viewer.personId ? load(ctx, Person, ctx.viewer.personId) : Promise.resolve(null);
  },

  /**
   * Issues a token for the viewer, or, with `personGlobalId`, for another person (administrators: see
   * `AccountPolicy.assertMayIssueTokenFor`); the token is returned once and only its hash is kept. A token creates
   * only tokens that expire no later than itself (administrators too: a token is the only credential, so
   * a longer-lived one comes from a longer-lived token, e.g. the one `npm run setup` prints); without
   * `expiresAt` the new token expires with the one that creates it. The new token records its parent, so
   * that revoking the parent revokes it too.
   */
  async createToken(ctx: Context, name: string, expiresAt: Date | null, personGlobalId?: string): Promise<{ token: string; apiToken: ApiToken }> {
    AccountPolicy.checkRequestedExpiry(expiresAt);
    const personId = personGlobalId === undefined ? ctx.viewer.personId! : decodeId(personGlobalId, 'Person', 'personId');
    AccountPolicy.assertMayIssueTokenFor(ctx, personId);
    const token = newToken();
    const apiToken = await ctx.transaction(async (tx) => {
      const holder = await tx.em.findOne(Person, personId);
      if (!holder || !holder.active) throw notFound('Personne', personGlobalId);
      // Locked against a revocation under way: once it commits, this sees the parent revoked (and the
      // revocation, had it come second, would see this child).
      const parent = ctx.viewer.tokenId ? await tx.em.findOne(ApiToken, ctx.viewer.tokenId, { lockMode: LockMode.PESSIMISTIC_READ }) : null;
      const expiry = AccountPolicy.childTokenExpiry(ctx, parent, expiresAt);
      const created = tx.em.create(ApiToken, {
        person: holder,
        parentToken: parent,
        name: name.trim(),
        tokenHash: hashToken(token),
        prefix: tokenPrefix(token),
        expiresAt: expiry,
      });
      await tx.em.flush();
      return created;
    });
    return { token, apiToken };
  },

  async revokeToken(ctx: Context, globalId: string): Promise<ApiToken> {
    const id = decodeId(globalId, 'ApiToken', 'id');
    return ctx.transaction(async (tx) => {
      const apiToken = await tx.em.findOne(ApiToken, id);
      if (!apiToken || !AccountPolicy.mayManageTokensOf(ctx, apiToken.person.id)) throw notFound('Jeton', globalId);
      apiToken.revokedAt ??= new Date();
      await tx.em.flush();
      // Every token it created, and those they created, in the same transaction: a level per statement
      // (a chain of tokens is short: each expires no later than its parent), then one update.
      const descendants: string[] = [];
      for (let level = [apiToken.id]; level.length > 0;) {
        const children = await tx.em.find(ApiToken, { parentToken: { $in: level } }, { fields: ['id'], disableIdentityMap: true });
        level = children.map((t) => t.id).filter((id) => !descendants.includes(id));
        descendants.push(...level);
      }
      if (descendants.length > 0) await tx.em.nativeUpdate(ApiToken, { id: { $in: descendants }, revokedAt: null }, { revokedAt: apiToken.revokedAt });
      return apiToken;
    });
  },

  /** A person's tokens, newest first: for that person and administrators (others: FORBIDDEN). */
  tokensOf(ctx: Context, person: Person): Promise<ApiToken[]> {
    if (!AccountPolicy.mayManageTokensOf(ctx, person.id)) throw forbidden();
    return loadChildren(ctx, ApiToken, 'person', person.id, { orderBy: TOKENS_ORDER });
  },

  /** A partner's people and their roles, managers first (one statement for every partner of a page). */
  membersOf(ctx: Context, partner: Partner): Promise<Membership[]> {
    return loadChildren(ctx, Membership, 'partner', partner.id, { orderBy: MEMBERS_ORDER });
  },

  async createPerson(ctx: Context, input: { name: string; email: string; platformRole?: PlatformRoleEnum | null }): Promise<Person> {
    const email = input.email.trim().toLowerCase();
    return ctx.transaction(async (tx) => {
      if (await tx.em.count(Person, { email })) throw conflict('Une personne utilise déjà cette adresse e-mail.', 'input.email');
      const person = tx.em.create(Person, { name: input.name.trim(), email, platformRole: input.platformRole ?? null });
      await tx.em.flush();
      return person;
    });
  },

  /** Adds a person to a partner or changes their role: administrators, or managers of that partner. */
  async setMembership(ctx: Context, personGlobalId: string, partnerGlobalId: string, role: MembershipRoleEnum): Promise<Membership> {
    const personId = decodeId(personGlobalId, 'Person', 'personId');
    const partnerId = decodeId(partnerGlobalId, 'Partner', 'partnerId');
    AccountPolicy.assertCanManageMembers(ctx, partnerId, 'Seuls les gestionnaires de ce partenaire et les administrateurs gèrent ses membres.');
    return ctx.transaction(async (tx) => {
      const [person, partner] = await Promise.all([tx.em.findOne(Person, personId), tx.em.findOne(Partner, partnerId)]);
      if (!person) throw notFound('Personne', personGlobalId);
      if (!partner) throw notFound('Partenaire', partnerGlobalId);
      let membership = await tx.em.findOne(Membership, { person: personId, partner: partnerId });
      if (membership) membership.role = role;
      else membership = tx.em.create(Membership, { person, partner, role });
      await tx.em.flush();
      return membership;
    });
  },

  async removeMembership(ctx: Context, globalId: string): Promise<string> {
    const id = decodeId(globalId, 'Membership', 'id');
    return ctx.transaction(async (tx) => {
      const membership = await tx.em.findOne(Membership, id);
      if (!membership) throw notFound('Adhésion', globalId);
      AccountPolicy.assertCanManageMembers(ctx, membership.partner.id);
      tx.em.remove(membership);
      await tx.em.flush();
      return globalId;
    });
  },
};

export { MembershipRoleEnum, PlatformRoleEnum };
