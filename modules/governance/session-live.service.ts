import { badInput, conflict, decodeId, type Context, type Transaction } from '../../server/kit/index.js';
import { AgendaItem, CommitteeSession, SessionAttendance, SessionVote } from './session.entity.js';
import { GovernanceBody } from './governance-body.entity.js';
import { AgendaItemState, DecisionMode, DecisionOutcome } from './governance.enums.js';
import { ItemDecided, ItemStarted, SessionClosed, SessionOpened, SessionResumed, SessionSuspended, stamp, VoteCast } from './governance.events.js';
import type { CastVoteInput, DecideAgendaItemInput } from './session.inputs.js';
import { assertRunsBody } from './governance.policy.js';
import { assertDecisionInput, assertOpen, assertQuorum, COUNTS_FOR_QUORUM, nextState, tally, voteOutcome, type SessionMove } from './session.rules.js';
import { assertSpeaksFor, assertStartable, lockItem, lockSession, quorumIn, seatsOf } from './session.service.js';

/**
 * A live mutation's transaction, keyed by the caller's idempotency key (the kit's): a retry with the
 * same key answers the first result (the id) without running again. `fn` returns JSON (ids); the
 * resolver loads what they name.
 */
export function liveTransaction<T>(ctx: Context, call: { operation: string; request: unknown }, idempotencyKey: string | null | undefined, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  return ctx.transaction(fn, { idempotencyKey, ...call });
}

const MOVE_EVENTS = { open: SessionOpened, suspend: SessionSuspended, resume: SessionResumed, close: SessionClosed } as const;

export const SessionLiveService = {
  /** Opens, suspends, resumes or closes a session (its chair and secretary); an illegal move is a CONFLICT. */
  move(ctx: Context, move: SessionMove, globalId: string, idempotencyKey: string | null | undefined): Promise<string> {
    return liveTransaction(ctx, { operation: `governance.${move}Session`, request: globalId }, idempotencyKey, async (tx) => {
      const session = await lockSession(ctx, tx, globalId, 'id');
      await assertRunsBody(ctx, tx, session.body.id);
      session.state = nextState(session.state, move);
      if (move === 'open') session.openedAt = new Date();
      if (move === 'close') {
        session.closedAt = new Date();
        const discussed = session.currentItem ? await tx.em.findOne(AgendaItem, { id: session.currentItem.id }) : null;
        if (discussed?.state === AgendaItemState.IN_DISCUSSION) discussed.state = AgendaItemState.PENDING; // not decided: stays to be discussed
      }
      await tx.em.flush();
      tx.publish(MOVE_EVENTS[move], { sessionId: session.id, at: stamp() });
      return session.id;
    });
  },

  /** Puts an item in discussion (the session open, no other item undecided in discussion). */
  startItem(ctx: Context, itemGlobalId: string, idempotencyKey: string | null | undefined): Promise<string> {
    return liveTransaction(ctx, { operation: 'governance.startAgendaItem', request: itemGlobalId }, idempotencyKey, async (tx) => {
      const { item, session } = await lockItem(ctx, tx, itemGlobalId, 'itemId');
      await assertRunsBody(ctx, tx, session.body.id);
      assertOpen(session.state, 'un point se discute');
      assertStartable(item);
      const current = session.currentItem ? await tx.em.findOne(AgendaItem, { id: session.currentItem.id }, { fields: ['state', 'rank'] }) : null;
      if (current?.state === AgendaItemState.IN_DISCUSSION) throw conflict(`Le point ${current.rank} est en discussion : décidez-le ou ajournez-le d’abord.`, 'itemId');
      item.state = AgendaItemState.IN_DISCUSSION;
      session.currentItem = tx.em.getReference(AgendaItem, item.id) as never;
      await tx.em.flush();
      tx.publish(ItemStarted, { sessionId: session.id, at: stamp(), itemId: item.id });
      return item.id;
    });
  },

  /** Records (or changes) a voting member's vote on the item in discussion; the quorum must be reached. */
  vote(ctx: Context, input: CastVoteInput, idempotencyKey: string | null | undefined): Promise<string> {
    return liveTransaction(ctx, { operation: 'governance.castVote', request: input }, idempotencyKey, async (tx) => {
      const { item, session, partnerId } = await itemInDiscussion(ctx, tx, input.itemId, input.partnerId, 'voter');
      assertSpeaksFor(ctx, partnerId);
      const seat = (await seatsOf(tx, session.body.id)).find((s) => s.partner.id === partnerId);
      if (!seat) throw badInput('input.partnerId', 'Ce partenaire ne siège pas dans cette instance.');
      if (!seat.votes) throw badInput('input.partnerId', 'Ce partenaire siège sans voix délibérative : il ne vote pas.');
      assertQuorum(await quorumIn(tx, session), 'input.itemId');
      await assertPresent(tx, session.id, partnerId);
      let vote = await tx.em.findOne(SessionVote, { item: item.id, partner: partnerId });
      if (vote) tx.em.assign(vote, { choice: input.choice, person: ctx.viewer.personId, castAt: new Date() });
      else vote = tx.em.create(SessionVote, { item: item.id, partner: partnerId, choice: input.choice, person: ctx.viewer.personId });
      await tx.em.flush();
      tx.publish(VoteCast, { sessionId: session.id, at: stamp(), itemId: item.id, voteId: vote.id, partnerId, choice: input.choice });
      return item.id;
    });
  },

  /** Decides the item in discussion: by consensus (the outcome given) or by the votes under the body's majority; the quorum must be reached. */
  decide(ctx: Context, input: DecideAgendaItemInput, idempotencyKey: string | null | undefined): Promise<string> {
    return liveTransaction(ctx, { operation: 'governance.decideAgendaItem', request: input }, idempotencyKey, async (tx) => {
      const { item, session } = await itemInDiscussion(ctx, tx, input.itemId, null, 'décider');
      await assertRunsBody(ctx, tx, session.body.id);
      const body = await tx.em.findOneOrFail(GovernanceBody, { id: session.body.id }, { fields: ['decisionMode', 'majority'] });
      const mode = input.mode ?? body.decisionMode;
      const votes = await tx.em.find(SessionVote, { item: item.id }, { fields: ['choice'] });
      const counted = tally(votes.map((v) => v.choice));
      assertDecisionInput(mode, input.outcome, counted);
      if (input.outcome !== DecisionOutcome.DEFERRED) assertQuorum(await quorumIn(tx, session), 'input.itemId');
      let outcome = input.outcome!;
      if (mode === DecisionMode.VOTE && input.outcome !== DecisionOutcome.DEFERRED) {
        outcome = voteOutcome(body.majority, counted);
        if (input.outcome && input.outcome !== outcome) {
          throw badInput(
            'input.outcome',
            `Les votes (${counted.votesFor} pour, ${counted.votesAgainst} contre, ${counted.abstentions} abstention(s)) donnent « ${outcome === DecisionOutcome.APPROVED ? 'adopté' : 'rejeté'} » à la majorité de l’instance.`,
          );
        }
      }
      tx.em.assign(item, {
        decisionMode: mode,
        outcome,
        decisionText: input.text ?? '',
        decidedAt: new Date(),
        state: outcome === DecisionOutcome.DEFERRED ? AgendaItemState.DEFERRED : AgendaItemState.DECIDED,
      });
      await tx.em.flush();
      tx.publish(ItemDecided, { sessionId: session.id, at: stamp(), itemId: item.id, outcome });
      return item.id;
    });
  },
};

/** The item `itemId`, which must be the open session's item in discussion. */
async function itemInDiscussion(ctx: Context, tx: Transaction, itemId: string, partner: string | null, what: string): Promise<{ item: AgendaItem; session: CommitteeSession; partnerId: string }> {
  const { item, session } = await lockItem(ctx, tx, itemId, 'input.itemId');
  assertOpen(session.state, what === 'voter' ? 'on vote' : 'on décide');
  if (item.state !== AgendaItemState.IN_DISCUSSION) throw conflict(`Le point ${item.rank} n’est pas en discussion : on ne peut pas ${what} sur lui.`, 'input.itemId');
  const partnerId = partner ? decodeId(partner, 'Partner', 'input.partnerId') : '';
  return { item, session, partnerId };
}

/** Refuses the vote of a partner not recorded present (in the room or remote) at the session. */
async function assertPresent(tx: Transaction, sessionId: string, partnerId: string): Promise<void> {
  const row = await tx.em.findOne(SessionAttendance, { session: sessionId, partner: partnerId }, { fields: ['status'] });
  if (!row || !COUNTS_FOR_QUORUM.includes(row.status)) {
    throw badInput('input.partnerId', 'Ce partenaire n’est pas inscrit présent (en salle ou à distance) sur la feuille de présence : il ne vote pas.');
  }
}
