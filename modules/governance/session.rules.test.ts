import { describe, expect, it } from 'vitest';
import { AttendanceStatus, DecisionOutcome, Majority, SessionState, VoteChoice } from './governance.enums.js';
import { assertQuorum, majorityReached, nextState, quorumOf, tally, voteOutcome } from './session.rules.js';

const t = (f: number, a: number, abs = 0) => ({ votesFor: f, votesAgainst: a, abstentions: abs });

describe('session rules', () => {
  it('counts voting members present or remote for the quorum, never observers, excused or absent', () => {
    const attendance = [
      { partnerId: 'a', status: AttendanceStatus.PRESENT },
      { partnerId: 'b', status: AttendanceStatus.REMOTE },
      { partnerId: 'c', status: AttendanceStatus.EXCUSED },
      { partnerId: 'd', status: AttendanceStatus.ABSENT },
      { partnerId: 'observer', status: AttendanceStatus.PRESENT },
    ];
    expect(quorumOf(2, attendance, new Set(['a', 'b', 'c', 'd']))).toEqual({ required: 2, present: 2, reached: true });
    expect(quorumOf(3, attendance, new Set(['a', 'b', 'c', 'd']))).toEqual({ required: 3, present: 2, reached: false });
    expect(() => assertQuorum({ required: 3, present: 1, reached: false }, 'input.itemId')).toThrow(
      'Le quorum n’est pas atteint (1 membre votant présent sur 3 requis) : aucune décision ni aucun vote n’est possible.',
    );
    expect(() => assertQuorum({ required: 3, present: 3, reached: true }, 'x')).not.toThrow();
  });

  it('computes majorities on the votes cast, abstentions aside', () => {
    expect(tally([VoteChoice.FOR, VoteChoice.AGAINST, VoteChoice.ABSTAIN, VoteChoice.FOR])).toEqual(t(2, 1, 1));
    expect(majorityReached(Majority.SIMPLE, t(2, 1, 5))).toBe(true);
    expect(majorityReached(Majority.SIMPLE, t(2, 2))).toBe(false);
    expect(majorityReached(Majority.TWO_THIRDS, t(2, 1))).toBe(true);
    expect(majorityReached(Majority.TWO_THIRDS, t(3, 2))).toBe(false);
    expect(majorityReached(Majority.TWO_THIRDS, t(4, 2, 3))).toBe(true);
    expect(majorityReached(Majority.UNANIMITY, t(5, 0, 2))).toBe(true);
    expect(majorityReached(Majority.UNANIMITY, t(5, 1))).toBe(false);
    expect(majorityReached(Majority.SIMPLE, t(0, 0, 3))).toBe(false);
    expect(voteOutcome(Majority.SIMPLE, t(1, 0))).toBe(DecisionOutcome.APPROVED);
    expect(voteOutcome(Majority.UNANIMITY, t(3, 1))).toBe(DecisionOutcome.REJECTED);
  });

  it('moves a session SCHEDULED → OPEN ⇄ SUSPENDED → CLOSED only, refusing the rest in French', () => {
    expect(nextState(SessionState.SCHEDULED, 'open')).toBe(SessionState.OPEN);
    expect(nextState(SessionState.OPEN, 'suspend')).toBe(SessionState.SUSPENDED);
    expect(nextState(SessionState.SUSPENDED, 'resume')).toBe(SessionState.OPEN);
    expect(nextState(SessionState.SUSPENDED, 'close')).toBe(SessionState.CLOSED);
    expect(nextState(SessionState.OPEN, 'close')).toBe(SessionState.CLOSED);
    expect(() => nextState(SessionState.SCHEDULED, 'close')).toThrow('Une séance programmée ne peut pas être close (possible depuis l’état : ouverte ou suspendue).');
    expect(() => nextState(SessionState.CLOSED, 'open')).toThrow('Une séance close ne peut pas être ouverte');
    expect(() => nextState(SessionState.OPEN, 'resume')).toThrow('Une séance ouverte ne peut pas être reprise');
    expect(() => nextState(SessionState.SUSPENDED, 'suspend')).toThrow();
  });
});
