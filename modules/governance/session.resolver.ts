import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import {
  Authorized,
  ConnectionArgs,
  decodeId,
  find,
  followStream,
  lastSeqOf,
  load,
  Needs,
  notFound,
  related,
  toConnection,
  trackPresence,
  type Context,
  type StoredEvent,
} from '../../server/kit/index.js';
import { PartnerPosition, SupportRequest } from '../support/index.js';
import { BodyMember, GovernanceBody } from './governance-body.entity.js';
import { AgendaItem, CommitteeSession, HIDDEN_DECISION_TEXT, HIDDEN_REQUEST_TITLE, SESSION_LABEL, SessionAttendance, SessionVote } from './session.entity.js';
import { AddAgendaItemInput, CastVoteInput, CommitteeSessionFilter, DecideAgendaItemInput, RecordAttendanceInput, ScheduleSessionInput } from './session.inputs.js';
import { GovernancePermissions } from './governance.permissions.js';
import { SessionService } from './session.service.js';
import { SessionLiveService } from './session-live.service.js';
import { CommitteeSessionConnection, EVENT_KINDS, QuorumStatus, SessionDecision, SessionEvent, SessionEventKind } from './session.types.js';
import { quorumOf, tally } from './session.rules.js';
import { sessionStream } from './governance.events.js';
import { seatedPartner } from './session-presence.resolver.js';

const KEY = { nullable: true, description: 'Idempotency key: a retry with the same key answers the first result without recording twice.' } as const;

/** The session `id` as the viewer sees it (after a write). */
async function visibleSession(ctx: Context, id: string): Promise<CommitteeSession> {
  const session = await load(ctx, CommitteeSession, id);
  if (!session) throw notFound(SESSION_LABEL);
  return session;
}

async function visibleItem(ctx: Context, id: string): Promise<AgendaItem> {
  const item = await load(ctx, AgendaItem, id);
  if (!item) throw notFound(SESSION_LABEL);
  return item;
}

/** True when `item` reviews a support request the viewer may not see (one batched load per operation, shared with the title). */
async function hidesRequest(ctx: Context, item: AgendaItem): Promise<boolean> {
  return item.supportRequest !== null && !(await load(ctx, SupportRequest, item.supportRequest.id));
}

/**
 * The decision on `item` once taken, with its votes (gathered with the page, else one loader per level).
 * Its text is hidden with the request, as the item's title is: on the agenda, `node`, `sessionEvents`.
 */
export async function decisionOf(ctx: Context, item: AgendaItem): Promise<SessionDecision | null> {
  if (!item.outcome || !item.decisionMode || !item.decidedAt) return null;
  const [votes, hidden] = await Promise.all([related<SessionVote>(ctx, item, 'votes'), hidesRequest(ctx, item)]);
  const text = hidden ? HIDDEN_DECISION_TEXT : item.decisionText;
  return { mode: item.decisionMode, outcome: item.outcome, text, decidedAt: item.decidedAt, votes, ...tally(votes.map((v) => v.choice)) };
}

@Resolver(() => CommitteeSession)
export class SessionResolver {
  @Query(() => CommitteeSession, { nullable: true, description: 'One session; null when hidden or unknown.' })
  committeeSession(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: Context): Promise<CommitteeSession | null> {
    return SessionService.one(ctx, id);
  }

  @Query(() => CommitteeSessionConnection, { description: 'Sessions, the latest scheduled first; only for those who may see them.' })
  async committeeSessions(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => CommitteeSessionFilter, { nullable: true, description: 'Filters to apply.' }) filter: CommitteeSessionFilter | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommitteeSessionConnection> {
    return toConnection(CommitteeSessionConnection, await SessionService.list(ctx, filter, args, info));
  }

  @FieldResolver(() => QuorumStatus, { description: 'The quorum: voting members present (in the room or remote) against the body’s quorum.' })
  @Needs('body', 'attendance')
  async quorum(@Root() session: CommitteeSession, @Ctx() ctx: Context): Promise<QuorumStatus> {
    const [body, attendance] = await Promise.all([load(ctx, GovernanceBody, session.body.id), related<SessionAttendance>(ctx, session, 'attendance')]);
    const members = body ? await related<BodyMember>(ctx, body, 'members') : [];
    const voting = new Set(members.filter((m) => m.votes).map((m) => m.partner.id));
    return quorumOf(
      body?.quorum ?? 0,
      attendance.map((a) => ({ partnerId: a.partner.id, status: a.status })),
      voting,
    );
  }

  @FieldResolver(() => Int, { description: 'The last sequence number of the session’s event stream (0 before its first event): subscribe with it as `after`.' })
  lastSeq(@Root() session: CommitteeSession, @Ctx() ctx: Context): Promise<number> {
    return lastSeqOf(ctx, sessionStream(session.id));
  }

  @Authorized(GovernancePermissions.manage)
  @Mutation(() => CommitteeSession, { description: 'Schedules a session of a body (its chair and secretary, administrators).' })
  scheduleSession(@Arg('input', () => ScheduleSessionInput, { description: 'The session.' }) input: ScheduleSessionInput, @Ctx() ctx: Context): Promise<CommitteeSession> {
    return SessionService.schedule(ctx, input);
  }

  @Authorized(GovernancePermissions.manage)
  @Mutation(() => AgendaItem, { description: 'Adds an item at the end of a session’s agenda: a support request the viewer may see, or another matter.' })
  addAgendaItem(@Arg('input', () => AddAgendaItemInput, { description: 'The item.' }) input: AddAgendaItemInput, @Ctx() ctx: Context): Promise<AgendaItem> {
    return SessionService.addItem(ctx, input);
  }

  @Authorized(GovernancePermissions.run)
  @Mutation(() => CommitteeSession, { description: 'Records a member’s attendance (present, remote, excused, absent).' })
  async recordAttendance(
    @Arg('input', () => RecordAttendanceInput, { description: 'The attendance.' }) input: RecordAttendanceInput,
    @Arg('idempotencyKey', () => String, KEY) key: string | null,
    @Ctx() ctx: Context,
  ): Promise<CommitteeSession> {
    return visibleSession(ctx, await SessionService.recordAttendance(ctx, input, key));
  }

  @Authorized(GovernancePermissions.run)
  @Mutation(() => CommitteeSession, { description: 'Opens a scheduled session (CONFLICT from any other state).' })
  async openSession(@Arg('id', () => ID, { description: 'The session.' }) id: string, @Arg('idempotencyKey', () => String, KEY) key: string | null, @Ctx() ctx: Context): Promise<CommitteeSession> {
    return visibleSession(ctx, await SessionLiveService.move(ctx, 'open', id, key));
  }

  @Authorized(GovernancePermissions.run)
  @Mutation(() => CommitteeSession, { description: 'Suspends an open session: nothing is decided until it resumes.' })
  async suspendSession(@Arg('id', () => ID, { description: 'The session.' }) id: string, @Arg('idempotencyKey', () => String, KEY) key: string | null, @Ctx() ctx: Context): Promise<CommitteeSession> {
    return visibleSession(ctx, await SessionLiveService.move(ctx, 'suspend', id, key));
  }

  @Authorized(GovernancePermissions.run)
  @Mutation(() => CommitteeSession, { description: 'Resumes a suspended session.' })
  async resumeSession(@Arg('id', () => ID, { description: 'The session.' }) id: string, @Arg('idempotencyKey', () => String, KEY) key: string | null, @Ctx() ctx: Context): Promise<CommitteeSession> {
    return visibleSession(ctx, await SessionLiveService.move(ctx, 'resume', id, key));
  }

  @Authorized(GovernancePermissions.run)
  @Mutation(() => CommitteeSession, { description: 'Closes an open or suspended session; its minutes are then at minutesHtmlPath and minutesPdfPath.' })
  async closeSession(@Arg('id', () => ID, { description: 'The session.' }) id: string, @Arg('idempotencyKey', () => String, KEY) key: string | null, @Ctx() ctx: Context): Promise<CommitteeSession> {
    return visibleSession(ctx, await SessionLiveService.move(ctx, 'close', id, key));
  }

  @Subscription(() => SessionEvent, {
    subscribe: async ({ args, context }) => {
      const ctx = context as Context;
      ctx.require(GovernancePermissions.read);
      const { sessionId, after } = args as { sessionId: string; after?: number | null };
      const id = decodeId(sessionId, 'CommitteeSession', 'sessionId');
      const session = await load(ctx, CommitteeSession, id);
      if (!session) throw notFound(SESSION_LABEL, sessionId);
      // The screen is present on the session (its `presence`) until it stops listening or its socket closes.
      const partnerId = await seatedPartner(ctx, session.body.id);
      const stream = sessionStream(id);
      return trackPresence(ctx, stream, followStream(ctx, stream, after ?? null), partnerId ? { partnerId } : {});
    },
    description:
      'The events of a session after `after` (all when null), then live as they are committed: no gap, no duplicate (give the last `seq` seen to resume). The subscriber is present on the session (`presence`) while it listens.',
  })
  async sessionEvents(
    @Arg('sessionId', () => ID, { description: 'The session.' }) _sessionId: string,
    @Arg('after', () => Int, { nullable: true, description: 'The last sequence number already seen.' }) _after: number | null,
    @Root() event: StoredEvent,
    @Ctx() ctx: Context,
  ): Promise<SessionEvent> {
    return sessionEventOf(ctx, event);
  }
}

/** A stored event as the viewer may see what it names (a hidden position is null). */
async function sessionEventOf(ctx: Context, event: StoredEvent): Promise<SessionEvent> {
  const p = event.payload as Record<string, string | undefined>;
  const [session, item, vote, attendance, positions] = await Promise.all([
    visibleSession(ctx, p.sessionId!),
    p.itemId ? load(ctx, AgendaItem, p.itemId) : null,
    p.voteId ? load(ctx, SessionVote, p.voteId) : null,
    p.attendanceId ? load(ctx, SessionAttendance, p.attendanceId) : null,
    p.requestId && p.partnerId ? find(ctx, PartnerPosition, { where: { request: p.requestId, partner: p.partnerId }, orderBy: [['id', 'asc']], limit: 1 }) : [],
  ]);
  const decision = item && EVENT_KINDS[event.name] === SessionEventKind.ITEM_DECIDED ? await decisionOf(ctx, item) : null;
  return { seq: event.seq!, kind: EVENT_KINDS[event.name]!, at: new Date(p.at!), session, item, vote, attendance, position: positions[0] ?? null, decision };
}

@Resolver(() => AgendaItem)
export class AgendaItemResolver {
  @FieldResolver(() => String, { description: 'Title (French); for a support request the viewer may not see, a neutral title instead (its own, copied from the request, would tell it).' })
  @Needs('title', 'supportRequest')
  async title(@Root() item: AgendaItem, @Ctx() ctx: Context): Promise<string> {
    return (await hidesRequest(ctx, item)) ? HIDDEN_REQUEST_TITLE : item.title;
  }

  @FieldResolver(() => SessionDecision, {
    nullable: true,
    description: 'The decision, once taken; for a support request the viewer may not see, its text is a neutral one (the outcome and votes stay).',
  })
  @Needs('outcome', 'decisionMode', 'decisionText', 'decidedAt', 'votes', 'supportRequest')
  decision(@Root() item: AgendaItem, @Ctx() ctx: Context): Promise<SessionDecision | null> {
    return decisionOf(ctx, item);
  }

  @Authorized(GovernancePermissions.run)
  @Mutation(() => AgendaItem, { description: 'Puts an item in discussion (the session open, the previous item decided or deferred).' })
  async startAgendaItem(@Arg('itemId', () => ID, { description: 'The item.' }) itemId: string, @Arg('idempotencyKey', () => String, KEY) key: string | null, @Ctx() ctx: Context): Promise<AgendaItem> {
    return visibleItem(ctx, await SessionLiveService.startItem(ctx, itemId, key));
  }

  @Authorized(GovernancePermissions.vote)
  @Mutation(() => AgendaItem, { description: 'Casts (or changes) one’s partner’s vote on the item in discussion; the quorum must be reached.' })
  async castVote(
    @Arg('input', () => CastVoteInput, { description: 'The vote.' }) input: CastVoteInput,
    @Arg('idempotencyKey', () => String, KEY) key: string | null,
    @Ctx() ctx: Context,
  ): Promise<AgendaItem> {
    return visibleItem(ctx, await SessionLiveService.vote(ctx, input, key));
  }

  @Authorized(GovernancePermissions.run)
  @Mutation(() => AgendaItem, { description: 'Decides the item in discussion, by consensus or by the votes under the body’s majority; the quorum must be reached (except to defer).' })
  async decideAgendaItem(
    @Arg('input', () => DecideAgendaItemInput, { description: 'The decision.' }) input: DecideAgendaItemInput,
    @Arg('idempotencyKey', () => String, KEY) key: string | null,
    @Ctx() ctx: Context,
  ): Promise<AgendaItem> {
    return visibleItem(ctx, await SessionLiveService.decide(ctx, input, key));
  }
}
