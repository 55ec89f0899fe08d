import { badInput, conflict, decodeId, forbidden, load, notFound, todayInFrance, type Context } from '../../server/kit/index.js';
import { FundingScheme, Partner } from '../partners/index.js';
import { PartnerPosition } from './partner-position.entity.js';
import { STRATEGY_LIMITS, StrategyDecision, SupportAction } from './strategy.entity.js';
import { ActionStatus, SupportStatus } from './support.enums.js';
import { SupportRequest } from './support-request.entity.js';
import { StatusChange } from './support-request.entity.js';
import { SupportStatusChanged } from './support.events.js';
import type { SatisfactionInput, StrategyInput, SupportActionInput } from './strategy.inputs.js';
import { lockRequest } from './support-request.service.js';
import { maySee } from './support.visibility.js';
import { assertTransition } from './support.workflow.js';

/** Statuses in which the action plan is written and followed. */
const PLAN_STATUSES: readonly SupportStatus[] = [SupportStatus.UNDER_REVIEW, SupportStatus.STRATEGY_VALIDATED, SupportStatus.IN_FOLLOW_UP];

const validDay = (day: string, field: string) => {
  const d = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== day) throw badInput(field, 'Cette date n’existe pas.');
};

export const StrategyService = {
  /** The committee validates the strategy: the decision (who, when), and the request moves to STRATEGY_VALIDATED. */
  async validate(ctx: Context, requestGlobalId: string, input: StrategyInput, expectedVersion: number | null): Promise<SupportRequest> {
    // Administrators, or managers of a partner sitting in the technical committee.
    if (!ctx.viewer.isAdmin) {
      const committee = await ctx.em.count(Partner, { id: { $in: ctx.viewer.partnerIds }, technicalCommittee: true });
      if (committee === 0) throw forbidden('Seuls les membres du comité technique valident une stratégie.');
    }
    const id = await ctx.transaction(async (tx) => {
      const request = await lockRequest(ctx, tx, requestGlobalId, expectedVersion, 'requestId');
      assertTransition(request.status, SupportStatus.STRATEGY_VALIDATED, 'requestId');
      const now = new Date();
      tx.em.create(StrategyDecision, {
        request,
        diagnosis: input.diagnosis,
        strategy: input.strategy,
        contactPerson: input.contactPerson,
        nextStep: input.nextStep ?? '',
        validatedBy: ctx.viewer.personId,
        validatedAt: now,
      });
      const from = request.status;
      request.status = SupportStatus.STRATEGY_VALIDATED;
      request.statusChangedAt = now;
      request.version += 1;
      tx.em.create(StatusChange, { request, from, to: request.status, by: ctx.viewer.personId, reason: 'Stratégie partagée validée en comité.', at: now });
      await tx.em.flush();
      tx.publish(SupportStatusChanged, { requestId: request.id, from, to: request.status });
      return request.id;
    });
    return (await load(ctx, SupportRequest, id))!;
  },

  /** Adds an action to the plan (from the collective review to the follow-up). */
  async addAction(ctx: Context, requestGlobalId: string, input: SupportActionInput): Promise<SupportAction> {
    const ownerId = decodeId(input.ownerId, 'Partner', 'input.ownerId');
    const positionId = input.positionId ? decodeId(input.positionId, 'PartnerPosition', 'input.positionId') : null;
    const schemeId = input.schemeId ? decodeId(input.schemeId, 'FundingScheme', 'input.schemeId') : null;
    validDay(input.dueOn, 'input.dueOn');
    const id = await ctx.transaction(async (tx) => {
      const request = await lockRequest(ctx, tx, requestGlobalId, null, 'requestId');
      if (!PLAN_STATUSES.includes(request.status)) throw conflict('Le plan d’actions s’écrit pendant l’examen collectif et se suit jusqu’à la clôture.');
      if ((await tx.em.count(Partner, { id: ownerId })) === 0) throw notFound('Partenaire', input.ownerId);
      if (positionId && (await tx.em.count(PartnerPosition, { id: positionId, request: request.id })) === 0) throw badInput('input.positionId', 'Cette position ne porte pas sur cette demande.');
      if (schemeId && (await tx.em.count(FundingScheme, { id: schemeId, partner: ownerId })) === 0) throw badInput('input.schemeId', 'Ce dispositif n’est pas celui du partenaire en charge.');
      if ((await tx.em.count(SupportAction, { request: request.id })) >= STRATEGY_LIMITS.actions)
        throw conflict(`Ce plan a déjà ${STRATEGY_LIMITS.actions} actions : ${STRATEGY_LIMITS.actions} au plus.`);
      const action = tx.em.create(SupportAction, { request, title: input.title, owner: ownerId, dueOn: input.dueOn, position: positionId, scheme: schemeId });
      await tx.em.flush();
      return action.id;
    });
    return (await load(ctx, SupportAction, id))!;
  },

  /** Changes an action's status: its owner partner's people, or administrators. */
  async setActionStatus(ctx: Context, globalId: string, status: ActionStatus): Promise<SupportAction> {
    const id = decodeId(globalId, 'SupportAction', 'id');
    await ctx.transaction(async (tx) => {
      const action = await tx.em.findOne(SupportAction, { id }, { populate: ['request'] });
      if (!action || !maySee(ctx, action.request.getEntity())) throw notFound('Action', globalId);
      if (!ctx.viewer.hasRoleIn(action.owner.id)) throw forbidden('Seul le partenaire en charge change le statut de son action.');
      action.status = status;
      action.doneAt = status === ActionStatus.DONE ? new Date() : null;
      await tx.em.flush();
    });
    return (await load(ctx, SupportAction, id))!;
  },

  /** Records the holder's feedback after closing (once; the receiving partner's people or administrators). */
  async recordSatisfaction(ctx: Context, requestGlobalId: string, input: SatisfactionInput): Promise<SupportRequest> {
    const id = await ctx.transaction(async (tx) => {
      const request = await lockRequest(ctx, tx, requestGlobalId, null, 'requestId');
      if (!ctx.viewer.hasRoleIn(request.receivingPartner.id)) throw forbidden('Le retour du porteur est recueilli par le partenaire qui a reçu la demande.');
      if (request.status !== SupportStatus.CLOSED) throw conflict('Le retour du porteur se recueille après la clôture de la demande.');
      if (request.satisfactionRecordedAt) throw conflict('Le retour du porteur a déjà été recueilli.');
      request.satisfactionScore = input.score;
      request.satisfactionComment = input.comment ?? null;
      request.satisfactionRecordedAt = new Date();
      request.version += 1;
      await tx.em.flush();
      return request.id;
    });
    return (await load(ctx, SupportRequest, id))!;
  },

  /** Today in Paris, as actions' due dates read. */
  today: todayInFrance,
};
