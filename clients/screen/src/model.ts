/**
 * The screen's data, as its operations (clients/screen/operations.graphql) select it. Until the
 * governance schema is on main these are written by hand after the contract; once it is, they become
 * aliases of the generated types (clients/generated), and nothing else changes.
 */
export type SessionState = 'SCHEDULED' | 'OPEN' | 'SUSPENDED' | 'CLOSED';
export type AgendaItemState = 'PENDING' | 'IN_DISCUSSION' | 'DECIDED' | 'DEFERRED';
export type DecisionOutcome = 'APPROVED' | 'REJECTED' | 'DEFERRED';
export type DecisionMode = 'CONSENSUS' | 'VOTE';
export type VoteChoice = 'FOR' | 'AGAINST' | 'ABSTAIN';
export type AttendanceStatus = 'PRESENT' | 'REMOTE' | 'EXCUSED' | 'ABSENT';
export type SessionEventKind =
  'SESSION_OPENED' | 'ITEM_STARTED' | 'POSITION_RECORDED' | 'VOTE_CAST' | 'ITEM_DECIDED' | 'ATTENDANCE_CHANGED' | 'SESSION_SUSPENDED' | 'SESSION_RESUMED' | 'SESSION_CLOSED' | 'PRESENCE_CHANGED';

interface Named {
  name: string;
}
interface NamedPartner {
  id: string;
  name: string;
}

export interface ScreenPosition {
  id: string;
  kind: string;
  amount?: number | null;
  conditions: string;
  comment: string;
  revision: number;
  recordedAt: string;
  request: { id: string };
  partner: NamedPartner;
  scheme?: Named | null;
  redirectTo?: Named | null;
}

export interface ScreenDecision {
  mode: DecisionMode;
  outcome: DecisionOutcome;
  text: string;
  votesFor: number;
  votesAgainst: number;
  abstentions: number;
  votes: { choice: VoteChoice; partner: NamedPartner }[];
}

export interface ScreenCheck {
  axis: string;
  passed: boolean;
  reason?: string | null;
}

export interface ScreenMatch {
  eligible: boolean;
  partner: NamedPartner;
  criteria: { eligible: boolean; checks: ScreenCheck[] }[];
  schemes: { eligible: boolean; scheme: Named; checks: ScreenCheck[] }[];
}

export interface ScreenRequest {
  id: string;
  title: string;
  description: string;
  amountSought?: number | null;
  financialNeed: boolean;
  technicalNeed: boolean;
  needTypes: string[];
  stage: string;
  holderName?: string | null;
  status: string;
  organization?: Named | null;
  commune: Named;
  sector: Named;
  receivingPartner: Named;
  matches: ScreenMatch[];
  positions: ScreenPosition[];
  actions: { id: string; title: string; dueOn: string; status: string; owner: Named }[];
}

export interface ScreenItem {
  id: string;
  rank: number;
  title: string;
  kind: string;
  state: AgendaItemState;
  decision?: ScreenDecision | null;
  supportRequest?: ScreenRequest | null;
}

export interface ScreenAttendance {
  status: AttendanceStatus;
  partner: NamedPartner;
}

export interface QuorumStatus {
  required: number;
  present: number;
  reached: boolean;
}

export interface ScreenSession {
  id: string;
  title: string;
  state: SessionState;
  scheduledAt: string;
  mode: string;
  lastSeq: number;
  body: { name: string; decisionMode: DecisionMode; majority: string };
  quorum: QuorumStatus;
  currentItem?: { id: string } | null;
  agenda: ScreenItem[];
  attendance: ScreenAttendance[];
}

export interface ScreenEvent {
  seq: number;
  kind: SessionEventKind;
  at: string;
  session: { id: string; state: SessionState; lastSeq: number; currentItem?: { id: string } | null; quorum: QuorumStatus };
  item?: Omit<ScreenItem, 'supportRequest'> | null;
  position?: ScreenPosition | null;
  vote?: { choice: VoteChoice; partner: NamedPartner } | null;
  decision?: ScreenDecision | null;
  attendance?: ScreenAttendance | null;
}
