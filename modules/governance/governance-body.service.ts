import type { GraphQLResolveInfo } from 'graphql';
import { applyChanges, badInput, conflict, decodeId, find, forbidden, load, notFound, type Context, type Order } from '../../server/kit/index.js';
import { Partner } from '../partners/index.js';
import { Membership } from '../accounts/index.js';
import { adoptsCharterByDefault, BODY_LIMITS, BodyMember, GovernanceBody, GOVERNANCE_BODY_LABEL, ROLE_RANK } from './governance-body.entity.js';
import type { BodyMemberInput, CreateGovernanceBodyInput, UpdateGovernanceBodyInput } from './governance-body.inputs.js';
import { MemberRole } from './governance.enums.js';
import { assertRunsBody } from './governance.policy.js';

const ORDER: Order<GovernanceBody> = [
  ['name', 'asc'],
  ['id', 'asc'],
];

export const GovernanceBodyService = {
  /** Every body the viewer may see, by name (a handful: one statement, members gathered). */
  all(ctx: Context, info: GraphQLResolveInfo): Promise<GovernanceBody[]> {
    return find(ctx, GovernanceBody, { where: {}, orderBy: ORDER, limit: 50, info });
  },

  /** The body `globalId` as the viewer may see it; null when hidden or gone. */
  one(ctx: Context, globalId: string, field = 'id'): Promise<GovernanceBody | null> {
    return load(ctx, GovernanceBody, decodeId(globalId, 'GovernanceBody', field));
  },

  /** Creates a body (administrators only: the composition of the platform's bodies is theirs). */
  async create(ctx: Context, input: CreateGovernanceBodyInput): Promise<GovernanceBody> {
    if (!ctx.viewer.isAdmin) throw forbidden('Seuls les administrateurs de la plate-forme créent une instance.');
    const id = await ctx.transaction(async (tx) => {
      if ((await tx.em.count(GovernanceBody, { name: input.name })) > 0) throw conflict('Une instance porte déjà ce nom.', 'input.name');
      const body = tx.em.create(GovernanceBody, { ...input, description: input.description ?? '', adoptsCharter: input.adoptsCharter ?? adoptsCharterByDefault(input.kind) });
      await tx.em.flush();
      return body.id;
    });
    return (await load(ctx, GovernanceBody, id))!;
  },

  /** Changes a body's rules, rhythm or mode (its chair and secretary, or administrators); whether it adopts the charter: administrators only. */
  async update(ctx: Context, globalId: string, input: UpdateGovernanceBodyInput): Promise<GovernanceBody> {
    const id = decodeId(globalId, 'GovernanceBody', 'id');
    // Which body holds the charter is the platform's governance model, not a body's own rule: a chair may not give it to itself.
    if (input.adoptsCharter !== undefined && !ctx.viewer.isAdmin) {
      throw forbidden('Seuls les administrateurs de la plate-forme décident quelle instance adopte la charte (input.adoptsCharter).');
    }
    await ctx.transaction(async (tx) => {
      const body = await tx.em.findOne(GovernanceBody, { id });
      if (!body) throw notFound(GOVERNANCE_BODY_LABEL, globalId);
      await assertRunsBody(ctx, tx, id);
      applyChanges(body, input, {
        required: {
          name: 'Le nom',
          quorum: 'Le quorum',
          decisionMode: 'Le mode de décision',
          majority: 'La majorité',
          rhythm: 'Le rythme',
          meetingMode: 'Le mode de réunion',
          adoptsCharter: 'L’adoption de la charte (oui ou non)',
        },
        clearTo: { description: '' },
      });
      await tx.em.flush();
    });
    return (await load(ctx, GovernanceBody, id))!;
  },

  /** Seats a partner on a body, or changes its seat (representative, role, vote). */
  async setMember(ctx: Context, input: BodyMemberInput): Promise<GovernanceBody> {
    const bodyId = decodeId(input.bodyId, 'GovernanceBody', 'input.bodyId');
    const partnerId = decodeId(input.partnerId, 'Partner', 'input.partnerId');
    const personId = input.personId ? decodeId(input.personId, 'Person', 'input.personId') : null;
    const votes = input.role === MemberRole.OBSERVER ? false : (input.votes ?? true);
    if (input.role === MemberRole.OBSERVER && input.votes) throw badInput('input.votes', 'Un observateur ne vote pas.');
    await ctx.transaction(async (tx) => {
      if ((await tx.em.count(GovernanceBody, { id: bodyId })) === 0) throw notFound(GOVERNANCE_BODY_LABEL, input.bodyId);
      await assertRunsBody(ctx, tx, bodyId);
      if ((await tx.em.count(Partner, { id: partnerId })) === 0) throw notFound('Partenaire', input.partnerId);
      if (personId && (await tx.em.count(Membership, { person: personId, partner: partnerId })) === 0) {
        throw badInput('input.personId', 'Le représentant est une personne de ce partenaire.');
      }
      const seats = await tx.em.find(BodyMember, { body: bodyId }, { fields: ['partner', 'role'] });
      const existing = await tx.em.findOne(BodyMember, { body: bodyId, partner: partnerId });
      if (!existing && seats.length >= BODY_LIMITS.members) throw conflict(`Cette instance a déjà ${BODY_LIMITS.members} membres : ${BODY_LIMITS.members} au plus.`, 'input.partnerId');
      const values = { person: personId, role: input.role, votes, rank: ROLE_RANK[input.role] };
      if (existing) tx.em.assign(existing, values);
      else tx.em.create(BodyMember, { ...values, body: bodyId, partner: partnerId });
      await tx.em.flush();
    });
    return (await load(ctx, GovernanceBody, bodyId))!;
  },

  /** Removes a partner from a body (its chair and secretary, or administrators). */
  async removeMember(ctx: Context, bodyGlobalId: string, partnerGlobalId: string): Promise<GovernanceBody> {
    const bodyId = decodeId(bodyGlobalId, 'GovernanceBody', 'bodyId');
    const partnerId = decodeId(partnerGlobalId, 'Partner', 'partnerId');
    await ctx.transaction(async (tx) => {
      if ((await tx.em.count(GovernanceBody, { id: bodyId })) === 0) throw notFound(GOVERNANCE_BODY_LABEL, bodyGlobalId);
      await assertRunsBody(ctx, tx, bodyId);
      const member = await tx.em.findOne(BodyMember, { body: bodyId, partner: partnerId });
      if (!member) throw notFound('Membre', partnerGlobalId);
      tx.em.remove(member);
      await tx.em.flush();
    });
    return (await load(ctx, GovernanceBody, bodyId))!;
  },
};
