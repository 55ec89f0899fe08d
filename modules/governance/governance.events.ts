import { defineEvent } from '../../server/kit/index.js';

/*
 * Every change of a live session, defined once; all belong to the session's stream
 * `governance-session:<uuid>` (numbered 1, 2, 3… per session, in commit order), published in the
 * transaction of the change. Payloads carry ids only; `sessionEvents` loads what they name as the
 * viewer may see it.
 */
const stream = (p: { sessionId: string }) => `governance-session:${p.sessionId}`;
export const sessionStream = (sessionId: string) => `governance-session:${sessionId}`;

type S = { sessionId: string; at: string };
export const SessionOpened = defineEvent<S>('governance.session-opened', { stream });
export const AgendaItemAdded = defineEvent<S & { itemId: string }>('governance.agenda-item-added', { stream });
export const ItemStarted = defineEvent<S & { itemId: string }>('governance.item-started', { stream });
export const SessionPositionRecorded = defineEvent<S & { itemId: string; requestId: string; partnerId: string }>('governance.position-recorded', { stream });
export const VoteCast = defineEvent<S & { itemId: string; voteId: string; partnerId: string; choice: string }>('governance.vote-cast', { stream });
export const ItemDecided = defineEvent<S & { itemId: string; outcome: string }>('governance.item-decided', { stream });
export const AttendanceChanged = defineEvent<S & { attendanceId: string; partnerId: string; status: string }>('governance.attendance-changed', { stream });
export const SessionSuspended = defineEvent<S>('governance.session-suspended', { stream });
export const SessionResumed = defineEvent<S>('governance.session-resumed', { stream });
export const SessionClosed = defineEvent<S>('governance.session-closed', { stream });

/** Every event of a session's stream, by name (for `sessionEvents`). */
export const SESSION_EVENTS = [
  SessionOpened,
  AgendaItemAdded,
  ItemStarted,
  SessionPositionRecorded,
  VoteCast,
  ItemDecided,
  AttendanceChanged,
  SessionSuspended,
  SessionResumed,
  SessionClosed,
] as const;

/** The time an event is stamped with (its `at`). */
export const stamp = (): string => new Date().toISOString();
