/**
 * The screen's data, as its operations (clients/operations/screen.graphql) select it: the types generated
 * by `npm run codegen` (clients/generated), named for the screen.
 */
import type {
  AgendaItemState,
  DecisionMode,
  ScreenAgendaItemFragment,
  ScreenAttendanceFragment,
  ScreenDecisionFragment,
  ScreenItemFragment,
  ScreenPositionFragment,
  ScreenPresenceFragment,
  ScreenSessionEventsSubscription,
  ScreenSessionQuery,
  SessionState,
  VoteChoice,
} from '../../generated/graphql.js';

export type { AgendaItemState, DecisionMode, SessionState, VoteChoice };
export type ScreenSession = NonNullable<ScreenSessionQuery['committeeSession']>;
export type ScreenEvent = ScreenSessionEventsSubscription['sessionEvents'];
/** An agenda item as the session's snapshot lists it (its request's details are loaded apart). */
export type ScreenAgendaItem = ScreenAgendaItemFragment;
/** An agenda item with its request's details (summary, matches, positions, action plan). */
export type ScreenItem = ScreenItemFragment;
export type ScreenRequest = NonNullable<ScreenItemFragment['supportRequest']>;
export type ScreenMatch = ScreenRequest['matches'][number];
export type ScreenPosition = ScreenPositionFragment;
export type ScreenDecision = ScreenDecisionFragment;
export type ScreenAttendance = ScreenAttendanceFragment;
export type QuorumStatus = ScreenSession['quorum'];
/** Someone with a screen open on the session (shown to the chair, the secretary and administrators only). */
export type ScreenPresence = ScreenPresenceFragment;
