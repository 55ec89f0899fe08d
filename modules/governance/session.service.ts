import { LockMode } from '@mikro-orm/core';
import type { GraphQLResolveInfo } from 'graphql';
import { badInput, conflict, decodeId, forbidden, list, load, notFound, type ConnectionArgs, type Context, type Order, type Page, type Transaction } from '../../server/kit/index.js';
import { SupportRequestService } from '../support/index.js';
import { BodyMember, GovernanceBody, GOVERNANCE_BODY_LABEL } from './governance-body.entity.js';
import { AgendaItem, CommitteeSession, ITEM_LABEL, SESSION_LABEL, SESSION_LIMITS, SessionAttendance } from './session.entity.js';
import { AgendaItemKind, AgendaItemState } from './governance.enums.js';
import { GovernancePermissions } from './governance.permissions.js';
import { AgendaItemAdded, AttendanceChanged, stamp } from './governance.events.js';
import type { AddAgendaItemInput, CommitteeSessionFilter, RecordAttendanceInput, ScheduleSessionInput } from './session.inputs.js';
import { assertRunsBody } from './governance.policy.js';
import { quorumOf, type Quorum } from './session.rules.js';
import { SessionState } from './governance.enums.js';

const ORDER: Order<CommitteeSession> = [
  ['scheduledAt', 'desc'],
  ['id', 'desc'],
];

/** The session `globalId` locked for a write (rows of one session's changes serialize on it); NOT_FOUND when hidden or gone. */
export async function lockSession(ctx: Context, tx: Transaction, globalId: string, field: string): Promise<CommitteeSession> {
  const id = decodeId(globalId, 'CommitteeSession', field);
  const session = await tx.em.findOne(CommitteeSession, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!session || !ctx.can(GovernancePermissions.read)) throw notFound(SESSION_LABEL, globalId);
  return session;
}

/** The item `globalId` and its session, locked; NOT_FOUND when hidden or gone. */
export async function lockItem(ctx: Context, tx: Transaction, globalId: string, field: string): Promise<{ item: AgendaItem; session: CommitteeSession }> {
  const id = decodeId(globalId, 'AgendaItem', field);
  const found = await tx.em.findOne(AgendaItem, { id }, { fields: ['session'] });
  if (!found || !ctx.can(GovernancePermissions.read)) throw notFound(ITEM_LABEL, globalId);
  const session = await lockSession(ctx, tx, found.session.unwrap().globalId, field);
  const item = await tx.em.findOneOrFail(AgendaItem, { id }, { refresh: true });
  return { item, session };
}

/** The body's seats: who votes, and each member's representative. */
export async function seatsOf(tx: Transaction, bodyId: string): Promise<Pick<BodyMember, 'partner' | 'person' | 'role' | 'votes'>[]> {
  return tx.em.find(BodyMember, { body: bodyId }, { fields: ['partner', 'person', 'role', 'votes'] });
}

/** The session's quorum as its rows stand in the transaction. */
export async function quorumIn(tx: Transaction, session: CommitteeSession): Promise<Quorum> {
  const [body, seats, attendance] = await Promise.all([
    tx.em.findOneOrFail(GovernanceBody, { id: session.body.id }, { fields: ['quorum'] }),
    seatsOf(tx, session.body.id),
    tx.em.find(SessionAttendance, { session: session.id }, { fields: ['partner', 'status'] }),
  ]);
  const voting = new Set(seats.filter((s) => s.votes).map((s) => s.partner.id));
  return quorumOf(
    body.quorum,
    attendance.map((a) => ({ partnerId: a.partner.id, status: a.status })),
    voting,
  );
}

export const SessionService = {
  /** A page of sessions, the latest scheduled first: one statement. */
  list(ctx: Context, filter: CommitteeSessionFilter | null | undefined, args: ConnectionArgs, info: GraphQLResolveInfo): Promise<Page<CommitteeSession>> {
    const where: Record<string, unknown> = {};
    if (filter?.bodyId) where.body = decodeId(filter.bodyId, 'GovernanceBody', 'filter.bodyId');
    if (filter?.state) where.state = filter.state;
    return list(ctx, CommitteeSession, { where, orderBy: ORDER, args, info });
  },

  one(ctx: Context, globalId: string): Promise<CommitteeSession | null> {
    return load(ctx, CommitteeSession, decodeId(globalId, 'CommitteeSession', 'id'));
  },

  /** Schedules a session of a body (its chair and secretary, administrators). */
  async schedule(ctx: Context, input: ScheduleSessionInput): Promise<CommitteeSession> {
    const bodyId = decodeId(input.bodyId, 'GovernanceBody', 'input.bodyId');
    if (Number.isNaN(input.scheduledAt.getTime())) throw badInput('input.scheduledAt', 'Date invalide.');
    const id = await ctx.transaction(async (tx) => {
      const body = await tx.em.findOne(GovernanceBody, { id: bodyId }, { fields: ['meetingMode'] });
      if (!body) throw notFound(GOVERNANCE_BODY_LABEL, input.bodyId);
      await assertRunsBody(ctx, tx, bodyId);
      const session = tx.em.create(CommitteeSession, { body: bodyId, title: input.title, scheduledAt: input.scheduledAt, mode: input.mode ?? body.meetingMode });
      await tx.em.flush();
      return session.id;
    });
    return (await load(ctx, CommitteeSession, id))!;
  },

  /** Adds an item at the end of the agenda (a request the viewer may see, or another matter). */
  async addItem(ctx: Context, input: AddAgendaItemInput): Promise<AgendaItem> {
    const id = await ctx.transaction(async (tx) => {
      const session = await lockSession(ctx, tx, input.sessionId, 'input.sessionId');
      await assertRunsBody(ctx, tx, session.body.id);
      if (session.state === SessionState.CLOSED) throw conflict('La séance est close : son ordre du jour ne change plus.', 'input.sessionId');
      const count = await tx.em.count(AgendaItem, { session: session.id });
      if (count >= SESSION_LIMITS.items) throw conflict(`L’ordre du jour compte déjà ${SESSION_LIMITS.items} points : ${SESSION_LIMITS.items} au plus.`, 'input.sessionId');
      let title = input.title ?? null;
      let requestId: string | null = null;
      if (input.kind === AgendaItemKind.SUPPORT_REQUEST) {
        if (!input.supportRequestId) throw badInput('input.supportRequestId', 'Indiquez la demande à examiner.');
        const request = await SupportRequestService.one(ctx, input.supportRequestId);
        if (!request) throw notFound('Demande', input.supportRequestId);
        if ((await tx.em.count(AgendaItem, { session: session.id, supportRequest: request.id })) > 0) throw conflict('Cette demande est déjà à l’ordre du jour.', 'input.supportRequestId');
        requestId = request.id;
        title ??= request.title.slice(0, SESSION_LIMITS.title);
      } else if (input.supportRequestId) {
        throw badInput('input.supportRequestId', 'Seul un point de type demande porte une demande.');
      }
      if (!title) throw badInput('input.title', 'Indiquez le titre du point.');
      const item = tx.em.create(AgendaItem, { session: session.id, rank: count + 1, title, kind: input.kind, supportRequest: requestId });
      await tx.em.flush();
      if (session.state !== SessionState.SCHEDULED) tx.publish(AgendaItemAdded, { sessionId: session.id, at: stamp(), itemId: item.id });
      return item.id;
    });
    return (await load(ctx, AgendaItem, id))!;
  },

  /** Records a member's attendance (the chair and secretary); streamed once the session is open. */
  async recordAttendance(ctx: Context, input: RecordAttendanceInput, idempotencyKey: string | null | undefined): Promise<string> {
    const partnerId = decodeId(input.partnerId, 'Partner', 'input.partnerId');
    return ctx.transaction(
      async (tx) => {
        const session = await lockSession(ctx, tx, input.sessionId, 'input.sessionId');
        await assertRunsBody(ctx, tx, session.body.id);
        if (session.state === SessionState.CLOSED) throw conflict('La séance est close : sa feuille de présence ne change plus.', 'input.sessionId');
        const seat = (await seatsOf(tx, session.body.id)).find((s) => s.partner.id === partnerId);
        if (!seat) throw badInput('input.partnerId', 'Ce partenaire ne siège pas dans cette instance.');
        let row = await tx.em.findOne(SessionAttendance, { session: session.id, partner: partnerId });
        if (row) tx.em.assign(row, { status: input.status, recordedAt: new Date() });
        else row = tx.em.create(SessionAttendance, { session: session.id, partner: partnerId, person: seat.person?.id ?? null, status: input.status });
        await tx.em.flush();
        if (session.state !== SessionState.SCHEDULED) tx.publish(AttendanceChanged, { sessionId: session.id, at: stamp(), attendanceId: row.id, partnerId, status: input.status });
        return session.id;
      },
      { idempotencyKey, operation: 'governance.recordAttendance', request: input },
    );
  },
};

/** Refuses a vote for a partner the viewer does not belong to (administrators may record any). */
export function assertSpeaksFor(ctx: Context, partnerId: string): void {
  if (!ctx.viewer.hasRoleIn(partnerId)) throw forbidden('Un partenaire vote pour lui-même : vous n’en êtes pas membre.');
}

/** A pending item of the session can be started. */
export function assertStartable(item: AgendaItem): void {
  if (item.state === AgendaItemState.DECIDED) throw conflict(`Le point ${item.rank} est déjà décidé.`, 'itemId');
  if (item.state === AgendaItemState.IN_DISCUSSION) throw conflict(`Le point ${item.rank} est déjà en discussion.`, 'itemId');
}
