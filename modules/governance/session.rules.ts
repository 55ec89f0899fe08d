import { badInput, conflict } from '../../server/kit/index.js';
import { AttendanceStatus, DecisionOutcome, Majority, SESSION_STATE_LABELS, SessionState, VoteChoice } from './governance.enums.js';

/*
 * The rules of a session, written once and pure (unit-tested in session.rules.test.ts): the quorum, the
 * majority of a vote, and the live state machine.
 */

export interface Quorum {
  required: number;
  present: number;
  reached: boolean;
}

/** Attendance counting for the quorum: in the room or remote. */
export const COUNTS_FOR_QUORUM: readonly AttendanceStatus[] = [AttendanceStatus.PRESENT, AttendanceStatus.REMOTE];

/** The quorum: voting members present (in the room or remote) against the body's `required`. */
export function quorumOf(required: number, attendance: readonly { partnerId: string; status: AttendanceStatus }[], votingPartnerIds: ReadonlySet<string>): Quorum {
  const present = attendance.filter((a) => votingPartnerIds.has(a.partnerId) && COUNTS_FOR_QUORUM.includes(a.status)).length;
  return { required, present, reached: present >= required };
}

/** Refuses a decision or a vote without quorum (CONFLICT, naming the figures). */
export function assertQuorum(quorum: Quorum, field: string): void {
  if (!quorum.reached) {
    throw conflict(
      `Le quorum n’est pas atteint (${quorum.present} membre${quorum.present > 1 ? 's' : ''} votant${quorum.present > 1 ? 's' : ''} présent${quorum.present > 1 ? 's' : ''} sur ${quorum.required} requis) : aucune décision ni aucun vote n’est possible.`,
      field,
    );
  }
}

export interface Tally {
  votesFor: number;
  votesAgainst: number;
  abstentions: number;
}

export function tally(choices: readonly VoteChoice[]): Tally {
  return {
    votesFor: choices.filter((c) => c === VoteChoice.FOR).length,
    votesAgainst: choices.filter((c) => c === VoteChoice.AGAINST).length,
    abstentions: choices.filter((c) => c === VoteChoice.ABSTAIN).length,
  };
}

/** True when the votes cast (FOR and AGAINST; abstentions do not count) reach the majority. */
export function majorityReached(majority: Majority, t: Tally): boolean {
  const cast = t.votesFor + t.votesAgainst;
  if (t.votesFor === 0) return false;
  if (majority === Majority.SIMPLE) return t.votesFor > t.votesAgainst;
  if (majority === Majority.TWO_THIRDS) return 3 * t.votesFor >= 2 * cast;
  return t.votesAgainst === 0;
}

/** The outcome of a vote under `majority`. */
export function voteOutcome(majority: Majority, t: Tally): DecisionOutcome {
  return majorityReached(majority, t) ? DecisionOutcome.APPROVED : DecisionOutcome.REJECTED;
}

/** The live state machine: from each state, the moves allowed. */
export type SessionMove = 'open' | 'suspend' | 'resume' | 'close';
const MOVES: Record<SessionMove, { from: readonly SessionState[]; to: SessionState; verb: string }> = {
  open: { from: [SessionState.SCHEDULED], to: SessionState.OPEN, verb: 'ouverte' },
  suspend: { from: [SessionState.OPEN], to: SessionState.SUSPENDED, verb: 'suspendue' },
  resume: { from: [SessionState.SUSPENDED], to: SessionState.OPEN, verb: 'reprise' },
  close: { from: [SessionState.OPEN, SessionState.SUSPENDED], to: SessionState.CLOSED, verb: 'close' },
};

/** The state after `move`, or CONFLICT with a French sentence when the session's state forbids it. */
export function nextState(state: SessionState, move: SessionMove): SessionState {
  const rule = MOVES[move];
  if (!rule.from.includes(state)) {
    throw conflict(`Une séance ${SESSION_STATE_LABELS[state]} ne peut pas être ${rule.verb} (possible depuis l’état : ${rule.from.map((s) => SESSION_STATE_LABELS[s]).join(' ou ')}).`, 'id');
  }
  return rule.to;
}

/** Refuses work on items unless the session is open (CONFLICT). */
export function assertOpen(state: SessionState, what: string): void {
  if (state !== SessionState.OPEN) throw conflict(`La séance est ${SESSION_STATE_LABELS[state]} : ${what} seulement quand elle est ouverte.`, 'id');
}

/** A deciding input: a vote needs votes; a consensus needs its outcome. */
export function assertDecisionInput(mode: 'CONSENSUS' | 'VOTE', outcome: DecisionOutcome | null | undefined, t: Tally): void {
  if (mode === 'CONSENSUS' && !outcome) throw badInput('input.outcome', 'Indiquez la décision prise par consensus.');
  if (mode === 'VOTE' && outcome !== DecisionOutcome.DEFERRED && t.votesFor + t.votesAgainst + t.abstentions === 0) {
    throw badInput('input.mode', 'Aucun vote n’a été exprimé sur ce point : décidez par consensus ou faites voter.');
  }
}
