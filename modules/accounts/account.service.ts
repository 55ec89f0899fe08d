import { LockMode } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context.js';
import { Viewer, type PlatformRole, type ViewerMembership } from '../../server/auth.js';
import { conflict, forbidden, notFound } from '../../server/errors.js';
import { decodeId } from '../../server/relay.js';
import { batchedRead, inlineParams } from '../../server/read.js';
import { Partner } from '../partners/index.js';
import { AccountPolicy } from './account.policy.js';
import { ApiToken } from './api-token.entity.js';
import { Membership } from './membership.entity.js';
import { Person } from './person.entity.js';
import { MembershipRoleEnum, PlatformRoleEnum } from './account.enums.js';
import { hashToken, newToken, tokenPrefix } from './token.js';

interface TokenRow {
  token_id: string;
  person_id: string;
  platform_role: string | null;
  memberships: ViewerMembership[] | string;
}

/** People, memberships and API tokens. */
export const AccountService = {
  /**
   * One SQL statement: the token, its person and their memberships; null when unknown, expired or
   * revoked. It goes in `em`'s next batch of reads, so a check of a remembered token travels with the
   * operation's first reads (see server/viewers.ts).
   */
  async authenticate(em: SqlEntityManager, token: string): Promise<Viewer | null> {
    if (!/^mlg_[\w-]{20,100}$/.test(token)) return null;
    const rows = (await batchedRead(em, inlineParams(
      `select t.id as token_id, p.id as person_id, p.platform_role,
              coalesce(json_agg(json_build_object('partnerId', m.partner_id, 'role', m.role)) filter (where m.id is not null), '[]') as memberships
         from api_token t
         join person p on p.id = t.person_id and p.active
         left join membership m on m.person_id = p.id
        where t.token_hash = ? and t.revoked_at is null and (t.expires_at is null or t.expires_at > now())
        group by t.id, p.id`,
      [hashToken(token)],
    ))) as unknown as TokenRow[];
    const row = rows[0];
    if (!row) return null;
    const memberships = typeof row.memberships === 'string' ? (JSON.parse(row.memberships) as ViewerMembership[]) : row.memberships;
    return Viewer.person({
      personId: row.person_id,
      tokenId: row.token_id,
      platformRole: (row.platform_role as PlatformRole | null) ?? null,
      memberships,
    });
  },

  viewerPerson(ctx: Context): Promise<Person | null> {
    return ctx.viewer.personId ? ctx.loaders.personById.load(ctx.viewer.personId) : Promise.resolve(null);
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
      const parent = ctx.viewer.tokenId
        ? await tx.em.findOne(ApiToken, ctx.viewer.tokenId, { lockMode: LockMode.PESSIMISTIC_READ })
        : null;
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
      // Every token it created, and those they created, in the same transaction.
      await tx.em.getConnection().execute(
        `with recursive descendant(id) as (
           select id from api_token where parent_token_id = ?
           union
           select t.id from api_token t join descendant d on t.parent_token_id = d.id
         )
         update api_token set revoked_at = ? where id in (select id from descendant) and revoked_at is null`,
        [apiToken.id, apiToken.revokedAt],
        'run',
        tx.em.getTransactionContext(),
      );
      return apiToken;
    });
  },

  tokensOf(ctx: Context, person: Person): Promise<ApiToken[]> {
    if (!AccountPolicy.mayManageTokensOf(ctx, person.id)) throw forbidden();
    return ctx.em.find(ApiToken, { person: person.id }, { orderBy: { createdAt: 'desc' } });
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
