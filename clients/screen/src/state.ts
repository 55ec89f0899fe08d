import { labels } from './labels.js';
import type {
  QuorumStatus,
  ScreenAgendaItem,
  ScreenAttendance,
  ScreenDecision,
  ScreenEvent,
  ScreenItem,
  ScreenPosition,
  ScreenPresence,
  ScreenRequest,
  ScreenSession,
  SessionState,
  VoteChoice,
} from './model.js';

/** A decision as shown: its votes when an event or the item's details gave them. */
export type ShownDecision = NonNullable<ScreenAgendaItem['decision']> & { votes?: ScreenDecision['votes'] };
/** An agenda item as shown. */
export type ShownItem = Omit<ScreenAgendaItem, 'decision'> & { decision: ShownDecision | null };

/** A line of the session's log: one per event, by sequence. */
export interface LogEntry {
  seq: number;
  at: string;
  text: string;
}

/**
 * What the screen shows, built from the session's snapshot then kept up to date by its events:
 * each event is applied once, by sequence (a replayed or duplicated one is ignored).
 */
export interface ScreenState {
  sessionId: string;
  title: string;
  bodyName: string;
  decisionMode: string;
  state: SessionState;
  quorum: QuorumStatus;
  currentItemId: string | null;
  /** The agenda, by rank. */
  items: ShownItem[];
  /** The requests' details by agenda item id, once loaded (summary, matches, action plan). */
  details: Map<string, ScreenRequest>;
  /** Current positions by request id, then by partner id, the first answered first. */
  positions: Map<string, Map<string, ScreenPosition>>;
  attendance: Map<string, ScreenAttendance>;
  /** Votes cast so far by item id, then by partner id (before the decision gives the tally). */
  votes: Map<string, Map<string, { choice: VoteChoice; partner: { id: string; name: string } }>>;
  /** The last sequence applied: the stream is followed after it. */
  lastSeq: number;
  log: LogEntry[];
  /** Positions recorded since the last render (shown highlighted once). */
  fresh: Set<string>;
  /** Who has a screen open on the session, earliest first; null when the viewer may not see it (no panel). */
  presence: ScreenPresence[] | null;
}

/** The state of a freshly loaded session. */
export function fromSnapshot(session: ScreenSession): ScreenState {
  const state: ScreenState = {
    sessionId: session.id,
    title: session.title,
    bodyName: session.body.name,
    decisionMode: session.body.decisionMode,
    state: session.state,
    quorum: session.quorum,
    currentItemId: session.currentItem?.id ?? null,
    items: [],
    details: new Map(),
    positions: new Map(),
    attendance: new Map(session.attendance.map((a) => [a.partner.id, a])),
    votes: new Map(),
    lastSeq: session.lastSeq,
    log: [],
    fresh: new Set(),
    presence: session.presence ?? null,
  };
  mergeDetails(state, session);
  return state;
}

/**
 * The agenda's details from a snapshot loaded later (a new item, a request's action plan): what the
 * events carry (item states, decisions, positions) is only taken when newer than what is shown.
 */
export function mergeDetails(state: ScreenState, session: ScreenSession): void {
  const known = new Map(state.items.map((i) => [i.id, i]));
  state.items = [...session.agenda]
    .map((item) => {
      const shown = known.get(item.id);
      return shown && session.lastSeq < state.lastSeq ? { ...item, state: shown.state, decision: shown.decision ?? item.decision } : item;
    })
    .sort((a, b) => a.rank - b.rank);
}

/** Who has a screen open, as last pushed (the whole list each time); null hides the panel. */
export function setPresence(state: ScreenState, present: ScreenPresence[] | null): void {
  state.presence = present ? [...present].sort((a, b) => a.since.localeCompare(b.since)) : null;
}

/** The details of an item's request, loaded apart: its positions join those the events brought. */
export function setDetails(state: ScreenState, item: ScreenItem): void {
  if (item.supportRequest) {
    state.details.set(item.id, item.supportRequest);
    for (const position of item.supportRequest.positions) upsertPosition(state, position);
  }
  const index = state.items.findIndex((i) => i.id === item.id);
  const shown = state.items[index];
  if (shown && item.decision && !shown.decision?.votes) state.items[index] = { ...shown, decision: item.decision };
}

function upsertPosition(state: ScreenState, position: ScreenPosition): boolean {
  let byPartner = state.positions.get(position.request.id);
  if (!byPartner) state.positions.set(position.request.id, (byPartner = new Map<string, ScreenPosition>()));
  const shown = byPartner.get(position.partner.id);
  if (shown && shown.revision >= position.revision) return false;
  byPartner.set(position.partner.id, position);
  return true;
}

/** The positions on an item's request, the first answered first. */
export function positionsOf(state: ScreenState, item: ShownItem): ScreenPosition[] {
  const requestId = item.supportRequest?.id;
  return requestId ? [...(state.positions.get(requestId)?.values() ?? [])] : [];
}

export interface Applied {
  /** False for an event already applied (its sequence is not after the last one). */
  applied: boolean;
  /** The event names an agenda item the screen does not know: its details must be loaded. */
  needsDetails: boolean;
}

/** Applies one event of the session's stream, once. */
export function applyEvent(state: ScreenState, event: ScreenEvent): Applied {
  if (event.seq <= state.lastSeq) return { applied: false, needsDetails: false };
  state.lastSeq = event.seq;
  state.state = event.session.state;
  state.quorum = event.session.quorum;
  state.currentItemId = event.session.currentItem?.id ?? null;
  let needsDetails = state.currentItemId !== null && !state.items.some((i) => i.id === state.currentItemId);
  if (event.item) {
    const index = state.items.findIndex((i) => i.id === event.item!.id);
    if (index < 0) needsDetails = true;
    else state.items[index] = { ...state.items[index]!, ...event.item, decision: event.item.decision ?? state.items[index]!.decision };
  }
  if (event.decision && event.item) {
    const index = state.items.findIndex((i) => i.id === event.item!.id);
    if (index >= 0) state.items[index] = { ...state.items[index]!, decision: event.decision };
  }
  if (event.position && upsertPosition(state, event.position)) state.fresh.add(`${event.position.partner.id}:${event.position.revision}`);
  if (event.vote && event.item) {
    const votes = state.votes.get(event.item.id) ?? new Map<string, { choice: VoteChoice; partner: { id: string; name: string } }>();
    votes.set(event.vote.partner.id, event.vote);
    state.votes.set(event.item.id, votes);
  }
  if (event.attendance) state.attendance.set(event.attendance.partner.id, event.attendance);
  if (event.kind === 'ITEM_DECIDED') needsDetails = true; // the action plan validated with the decision
  state.log.push({ seq: event.seq, at: event.at, text: describe(state, event) });
  return { applied: true, needsDetails };
}

/** The event in one French sentence, for the session's log. */
function describe(state: ScreenState, event: ScreenEvent): string {
  const item = event.item ?? state.items.find((i) => i.id === state.currentItemId);
  const point = item ? `point ${item.rank} « ${item.title} »` : 'point';
  switch (event.kind) {
    case 'SESSION_OPENED':
      return 'Séance ouverte';
    case 'ITEM_STARTED':
      return `Début de l’examen du ${point}`;
    case 'POSITION_RECORDED':
      return event.position
        ? `${event.position.partner.name} : ${labels.positionKind(event.position.kind)}${event.position.revision > 1 ? ' (position modifiée)' : ''}`
        : 'Position enregistrée (confidentielle)';
    case 'VOTE_CAST':
      return event.vote ? `Vote de ${event.vote.partner.name} : ${labels.vote(event.vote.choice)}` : `Vote enregistré sur le ${point}`;
    case 'ITEM_DECIDED':
      return `Décision sur le ${point} : ${labels.outcome(event.decision?.outcome ?? event.item?.decision?.outcome ?? '')}`;
    case 'ATTENDANCE_CHANGED':
      return event.attendance ? `${event.attendance.partner.name} : ${labels.attendance(event.attendance.status)}` : 'Présences mises à jour';
    case 'SESSION_SUSPENDED':
      return 'Séance suspendue';
    case 'SESSION_RESUMED':
      return 'Séance reprise';
    case 'SESSION_CLOSED':
      return 'Séance close';
    default:
      return 'Connexions à la séance mises à jour';
  }
}
