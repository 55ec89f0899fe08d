import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { connectionType } from '../../server/kit/index.js';
import { PartnerPosition } from '../support/index.js';
import { AgendaItem, CommitteeSession, SessionAttendance, SessionVote } from './session.entity.js';
import { DecisionMode, DecisionOutcome } from './governance.enums.js';

@ObjectType('CommitteeSessionConnection', { description: 'A page of sessions.' })
export class CommitteeSessionConnection extends connectionType(CommitteeSession, 'CommitteeSession') {}

@ObjectType('QuorumStatus', { description: 'Where the quorum stands: voting members present (in the room or remote) against those required.' })
export class QuorumStatus {
  @Field(() => Int, { description: 'Voting members that must be present (the body’s quorum).' })
  required!: number;

  @Field(() => Int, { description: 'Voting members present or remote.' })
  present!: number;

  @Field(() => Boolean, { description: 'True when decisions and votes may be taken.' })
  reached!: boolean;
}

@ObjectType('SessionDecision', { description: 'The decision on an agenda item: its mode, outcome, text and, for a vote, the votes and their tally.' })
export class SessionDecision {
  @Field(() => DecisionMode, { description: 'How it was decided.' })
  mode!: DecisionMode;

  @Field(() => DecisionOutcome, { description: 'What was decided.' })
  outcome!: DecisionOutcome;

  @Field(() => String, {
    description: 'What was decided, in words (French); for an item reviewing a support request the viewer may not see, a neutral text instead (the words would tell the request).',
  })
  text!: string;

  @Field(() => GraphQLDateTime, { description: 'When.' })
  decidedAt!: Date;

  @Field(() => [SessionVote], { description: 'The votes cast (empty by consensus).' })
  votes!: SessionVote[];

  @Field(() => Int, { description: 'Votes FOR.' })
  votesFor!: number;

  @Field(() => Int, { description: 'Votes AGAINST.' })
  votesAgainst!: number;

  @Field(() => Int, { description: 'Abstentions.' })
  abstentions!: number;
}

export enum SessionEventKind {
  SESSION_OPENED = 'SESSION_OPENED',
  AGENDA_ITEM_ADDED = 'AGENDA_ITEM_ADDED',
  ITEM_STARTED = 'ITEM_STARTED',
  POSITION_RECORDED = 'POSITION_RECORDED',
  VOTE_CAST = 'VOTE_CAST',
  ITEM_DECIDED = 'ITEM_DECIDED',
  ATTENDANCE_CHANGED = 'ATTENDANCE_CHANGED',
  SESSION_SUSPENDED = 'SESSION_SUSPENDED',
  SESSION_RESUMED = 'SESSION_RESUMED',
  SESSION_CLOSED = 'SESSION_CLOSED',
}
registerEnumType(SessionEventKind, {
  name: 'SessionEventKind',
  description: 'What happened in a session.',
  valuesConfig: {
    SESSION_OPENED: { description: 'The session was opened.' },
    AGENDA_ITEM_ADDED: { description: 'An item was added to the agenda of the open session.' },
    ITEM_STARTED: { description: 'An item of the agenda came into discussion.' },
    POSITION_RECORDED: { description: 'A partner recorded or changed its position on the request in discussion.' },
    VOTE_CAST: { description: 'A voting member cast or changed its vote on the item in discussion.' },
    ITEM_DECIDED: { description: 'The item in discussion was decided (consensus or votes) or deferred.' },
    ATTENDANCE_CHANGED: { description: "A member's attendance changed during the session." },
    SESSION_SUSPENDED: { description: 'The session was suspended.' },
    SESSION_RESUMED: { description: 'The suspended session was resumed.' },
    SESSION_CLOSED: { description: 'The session was closed; its minutes are ready.' },
  },
});

/** The kind of each stored event name. */
export const EVENT_KINDS: Record<string, SessionEventKind> = {
  'governance.session-opened': SessionEventKind.SESSION_OPENED,
  'governance.agenda-item-added': SessionEventKind.AGENDA_ITEM_ADDED,
  'governance.item-started': SessionEventKind.ITEM_STARTED,
  'governance.position-recorded': SessionEventKind.POSITION_RECORDED,
  'governance.vote-cast': SessionEventKind.VOTE_CAST,
  'governance.item-decided': SessionEventKind.ITEM_DECIDED,
  'governance.attendance-changed': SessionEventKind.ATTENDANCE_CHANGED,
  'governance.session-suspended': SessionEventKind.SESSION_SUSPENDED,
  'governance.session-resumed': SessionEventKind.SESSION_RESUMED,
  'governance.session-closed': SessionEventKind.SESSION_CLOSED,
};

@ObjectType('SessionEvent', { description: 'One event of a session’s stream, with what it names as the viewer may see it.' })
export class SessionEvent {
  @Field(() => Int, { description: 'Its number in the session’s stream (1, 2, 3… without gap): give the last one seen as `after` to resume.' })
  seq!: number;

  @Field(() => SessionEventKind, { description: 'What happened.' })
  kind!: SessionEventKind;

  @Field(() => GraphQLDateTime, { description: 'When.' })
  at!: Date;

  @Field(() => CommitteeSession, { description: 'The session, as it stands now.' })
  session!: CommitteeSession;

  @Field(() => AgendaItem, { nullable: true, description: 'The item concerned (item started, position, vote, decision).' })
  item!: AgendaItem | null;

  @Field(() => PartnerPosition, { nullable: true, description: 'For POSITION_RECORDED: the position, null when the viewer may not see it (the request’s visibility).' })
  position!: PartnerPosition | null;

  @Field(() => SessionVote, { nullable: true, description: 'For VOTE_CAST: the vote.' })
  vote!: SessionVote | null;

  @Field(() => SessionDecision, { nullable: true, description: 'For ITEM_DECIDED: the decision.' })
  decision!: SessionDecision | null;

  @Field(() => SessionAttendance, { nullable: true, description: 'For ATTENDANCE_CHANGED: the attendance.' })
  attendance!: SessionAttendance | null;
}
