import { registerEnumType } from 'type-graphql';

/** The two bodies of the platform's governance. */
export enum BodyKind {
  TECHNICAL_COMMITTEE = 'TECHNICAL_COMMITTEE',
  STEERING_BOARD = 'STEERING_BOARD',
}
registerEnumType(BodyKind, {
  name: 'BodyKind',
  description: 'Kind of governance body.',
  valuesConfig: {
    TECHNICAL_COMMITTEE: { description: 'Comité technique: operational, funders and support structures review requests.' },
    STEERING_BOARD: { description: 'Instance de pilotage: SSE actors, banks, the development agency, foundations.' },
  },
});

/** How a body decides. */
export enum DecisionMode {
  CONSENSUS = 'CONSENSUS',
  VOTE = 'VOTE',
}
registerEnumType(DecisionMode, {
  name: 'DecisionMode',
  description: 'How a decision is taken.',
  valuesConfig: { CONSENSUS: { description: 'By consensus, without recorded votes.' }, VOTE: { description: 'By recorded votes of the voting members, under the body’s majority.' } },
});

/** The majority a vote needs. */
export enum Majority {
  SIMPLE = 'SIMPLE',
  TWO_THIRDS = 'TWO_THIRDS',
  UNANIMITY = 'UNANIMITY',
}
registerEnumType(Majority, {
  name: 'Majority',
  description: 'Majority a vote needs, counted on the votes cast FOR or AGAINST (abstentions do not count).',
  valuesConfig: {
    SIMPLE: { description: 'More FOR than AGAINST.' },
    TWO_THIRDS: { description: 'At least two thirds of the votes cast FOR.' },
    UNANIMITY: { description: 'Every vote cast FOR, at least one.' },
  },
});

/** How a body meets. */
export enum MeetingMode {
  IN_PERSON = 'IN_PERSON',
  REMOTE = 'REMOTE',
  HYBRID = 'HYBRID',
}
registerEnumType(MeetingMode, {
  name: 'MeetingMode',
  description: 'How a body or a session meets.',
  valuesConfig: { IN_PERSON: { description: 'En présentiel.' }, REMOTE: { description: 'À distance.' }, HYBRID: { description: 'Hybride.' } },
});

/** A member's role in a body. */
export enum MemberRole {
  CHAIR = 'CHAIR',
  SECRETARY = 'SECRETARY',
  MEMBER = 'MEMBER',
  OBSERVER = 'OBSERVER',
}
registerEnumType(MemberRole, {
  name: 'MemberRole',
  description: 'Role of a member in a body.',
  valuesConfig: {
    CHAIR: { description: 'Président(e): runs the sessions.' },
    SECRETARY: { description: 'Secrétaire: runs the sessions with the chair and writes the minutes.' },
    MEMBER: { description: 'Membre.' },
    OBSERVER: { description: 'Observateur: attends, never votes.' },
  },
});

export const MEMBER_ROLE_LABELS: Record<MemberRole, string> = { CHAIR: 'présidence', SECRETARY: 'secrétariat', MEMBER: 'membre', OBSERVER: 'observateur' };
export const BODY_KIND_LABELS: Record<BodyKind, string> = { TECHNICAL_COMMITTEE: 'comité technique', STEERING_BOARD: 'instance de pilotage' };
export const MEETING_MODE_LABELS: Record<MeetingMode, string> = { IN_PERSON: 'en présentiel', REMOTE: 'à distance', HYBRID: 'hybride' };
export const MAJORITY_LABELS: Record<Majority, string> = { SIMPLE: 'majorité simple', TWO_THIRDS: 'majorité des deux tiers', UNANIMITY: 'unanimité' };

/** The live state of a session (an OPEN session may have an item in discussion: `currentItem`). */
export enum SessionState {
  SCHEDULED = 'SCHEDULED',
  OPEN = 'OPEN',
  SUSPENDED = 'SUSPENDED',
  CLOSED = 'CLOSED',
}
registerEnumType(SessionState, {
  name: 'SessionState',
  description: 'Live state of a session: SCHEDULED → OPEN (an item in discussion) ⇄ SUSPENDED → CLOSED.',
  valuesConfig: {
    SCHEDULED: { description: 'Programmée, pas encore ouverte.' },
    OPEN: { description: 'Ouverte: its items are discussed one at a time.' },
    SUSPENDED: { description: 'Suspendue: nothing is decided until it resumes.' },
    CLOSED: { description: 'Close: the minutes are written; nothing changes any more.' },
  },
});

export enum AgendaItemKind {
  SUPPORT_REQUEST = 'SUPPORT_REQUEST',
  OTHER = 'OTHER',
}
registerEnumType(AgendaItemKind, {
  name: 'AgendaItemKind',
  description: 'What an agenda item is about.',
  valuesConfig: { SUPPORT_REQUEST: { description: 'A support request to review.' }, OTHER: { description: 'Any other item.' } },
});

export enum AgendaItemState {
  PENDING = 'PENDING',
  IN_DISCUSSION = 'IN_DISCUSSION',
  DECIDED = 'DECIDED',
  DEFERRED = 'DEFERRED',
}
registerEnumType(AgendaItemState, {
  name: 'AgendaItemState',
  description: 'Where an agenda item stands.',
  valuesConfig: {
    PENDING: { description: 'Not discussed yet.' },
    IN_DISCUSSION: { description: 'In discussion (the session’s current item).' },
    DECIDED: { description: 'Decided (approved or rejected).' },
    DEFERRED: { description: 'Deferred to a later session.' },
  },
});

export enum DecisionOutcome {
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  DEFERRED = 'DEFERRED',
}
registerEnumType(DecisionOutcome, {
  name: 'DecisionOutcome',
  description: 'What a body decided on an item.',
  valuesConfig: { APPROVED: { description: 'Adopté / validé.' }, REJECTED: { description: 'Rejeté.' }, DEFERRED: { description: 'Ajourné.' } },
});

export enum VoteChoice {
  FOR = 'FOR',
  AGAINST = 'AGAINST',
  ABSTAIN = 'ABSTAIN',
}
registerEnumType(VoteChoice, {
  name: 'VoteChoice',
  description: 'A voting member’s vote.',
  valuesConfig: { FOR: { description: 'Pour.' }, AGAINST: { description: 'Contre.' }, ABSTAIN: { description: 'Abstention.' } },
});

export enum AttendanceStatus {
  PRESENT = 'PRESENT',
  REMOTE = 'REMOTE',
  EXCUSED = 'EXCUSED',
  ABSENT = 'ABSENT',
}
registerEnumType(AttendanceStatus, {
  name: 'AttendanceStatus',
  description: 'A member’s attendance at a session (PRESENT and REMOTE count for the quorum).',
  valuesConfig: { PRESENT: { description: 'Présent.' }, REMOTE: { description: 'À distance.' }, EXCUSED: { description: 'Excusé.' }, ABSENT: { description: 'Absent.' } },
});

export const SESSION_STATE_LABELS: Record<SessionState, string> = { SCHEDULED: 'programmée', OPEN: 'ouverte', SUSPENDED: 'suspendue', CLOSED: 'close' };
export const OUTCOME_LABELS: Record<DecisionOutcome, string> = { APPROVED: 'adopté', REJECTED: 'rejeté', DEFERRED: 'ajourné' };
export const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = { PRESENT: 'présent', REMOTE: 'à distance', EXCUSED: 'excusé', ABSENT: 'absent' };
