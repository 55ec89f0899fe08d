import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, OptionalProps, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { MaxItems, Needs, Node, UuidEntity } from '../../server/kit/index.js';
import { Partner } from '../partners/index.js';
import { Person } from '../accounts/index.js';
import { SupportRequest } from '../support/index.js';
import { GovernanceBody } from './governance-body.entity.js';
import { AgendaItemKind, AgendaItemState, AttendanceStatus, DecisionMode, DecisionOutcome, MeetingMode, SessionState, VoteChoice } from './governance.enums.js';

/** The title shown, instead of an item's, to whoever may not see the support request it reviews. */
export const HIDDEN_REQUEST_TITLE = 'Demande d’accompagnement non partagée avec votre structure';

/**
 * The text shown, instead of a decision's, to whoever may not see the support request its item reviews:
 * the chair's words (the holder's situation, the amounts, the action plan agreed) would tell what the
 * hidden request holds. Shown whether or not the decision has a text, so that neither is told.
 */
export const HIDDEN_DECISION_TEXT = 'Décision sur une demande d’accompagnement non partagée avec votre structure : son texte ne vous est pas communiqué.';

/** Limits shared by the columns and the inputs. */

export const SESSION_LIMITS = { title: 300, text: 5_000, items: 40, attendance: 60 } as const;
export const SESSION_LABEL = 'Séance';
export const ITEM_LABEL = 'Point de l’ordre du jour';

@Entity({ tableName: 'governance_session' })
@Index({ properties: ['scheduledAt', 'id'] }) // the list's order
@ObjectType('CommitteeSession', { implements: Node, simpleResolvers: true, description: 'A session of a body: its agenda, attendance, live state, decisions and minutes.' })
export class CommitteeSession extends UuidEntity {
  [OptionalProps]?: 'globalId' | 'state' | 'currentItem' | 'agenda' | 'attendance' | 'openedAt' | 'closedAt' | 'createdAt';

  @Field(() => GovernanceBody, { description: 'The body meeting.' })
  @ManyToOne(() => GovernanceBody, { ref: true, index: true, deleteRule: 'cascade' })
  body!: Ref<GovernanceBody>;

  @Field(() => String, { description: 'Title (French), e.g. « Comité technique de janvier ».' })
  @Property({ type: 'string', length: SESSION_LIMITS.title })
  title!: string;

  @Field(() => GraphQLDateTime, { description: 'When it is to be held.' })
  @Property({ type: 'datetime' })
  scheduledAt!: Date;

  @Field(() => MeetingMode, { description: 'How it meets.' })
  @Enum({ items: () => MeetingMode, nativeEnumName: 'governance_meeting_mode' })
  mode!: MeetingMode;

  @Field(() => SessionState, { description: 'Its live state.' })
  @Enum({ items: () => SessionState, nativeEnumName: 'governance_session_state', default: SessionState.SCHEDULED })
  state: SessionState = SessionState.SCHEDULED;

  @Field(() => AgendaItem, { nullable: true, description: 'The item in discussion, or the last one discussed; null before the first.' })
  @ManyToOne(() => AgendaItem, { ref: true, nullable: true, deleteRule: 'set null' })
  currentItem: Ref<AgendaItem> | null = null;

  @Field(() => [AgendaItem], { description: 'The agenda, by rank.' })
  @MaxItems(SESSION_LIMITS.items)
  @OneToMany(() => AgendaItem, (i) => i.session, { orderBy: { rank: 'asc', id: 'asc' } })
  agenda = new Collection<AgendaItem>(this);

  @Field(() => [SessionAttendance], { description: 'Attendance of the body’s members, as recorded.' })
  @MaxItems(SESSION_LIMITS.attendance)
  @OneToMany(() => SessionAttendance, (a) => a.session, { orderBy: { recordedAt: 'asc', id: 'asc' } })
  attendance = new Collection<SessionAttendance>(this);

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When it was opened.' })
  @Property({ type: 'datetime', nullable: true })
  openedAt: Date | null = null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When it was closed.' })
  @Property({ type: 'datetime', nullable: true })
  closedAt: Date | null = null;

  @Field(() => String, { nullable: true, description: 'Path of the minutes in HTML (GET with the bearer token) once closed; null before.' })
  @Needs('state')
  get minutesHtmlPath(): string | null {
    return this.state === SessionState.CLOSED ? `/files/governance/sessions/${this.globalId}/minutes.html` : null;
  }

  @Field(() => String, { nullable: true, description: 'Path of the minutes in PDF once closed; null before.' })
  @Needs('state')
  get minutesPdfPath(): string | null {
    return this.state === SessionState.CLOSED ? `/files/governance/sessions/${this.globalId}/minutes.pdf` : null;
  }

  @Field(() => GraphQLDateTime, { description: 'When it was scheduled.' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}

@Entity({ tableName: 'governance_agenda_item' })
@Unique({ properties: ['session', 'rank'] })
@ObjectType('AgendaItem', { implements: Node, simpleResolvers: true, description: 'An item of a session’s agenda: a support request to review, or another matter.' })
export class AgendaItem extends UuidEntity {
  [OptionalProps]?: 'globalId' | 'state' | 'supportRequest' | 'decisionMode' | 'outcome' | 'decisionText' | 'decidedAt' | 'votes';

  @ManyToOne(() => CommitteeSession, { ref: true, deleteRule: 'cascade' })
  session!: Ref<CommitteeSession>;

  @Field(() => Int, { description: 'Its rank in the agenda, from 1.' })
  @Property({ type: 'integer' })
  rank!: number;

  @Field(() => String, { description: 'Title (French).' })
  @Property({ type: 'string', length: SESSION_LIMITS.title })
  title!: string;

  @Field(() => AgendaItemKind, { description: 'What it is about.' })
  @Enum({ items: () => AgendaItemKind, nativeEnumName: 'governance_agenda_item_kind' })
  kind!: AgendaItemKind;

  @Field(() => AgendaItemState, { description: 'Where it stands.' })
  @Enum({ items: () => AgendaItemState, nativeEnumName: 'governance_agenda_item_state', default: AgendaItemState.PENDING })
  state: AgendaItemState = AgendaItemState.PENDING;

  @Field(() => SupportRequest, { nullable: true, description: 'The support request reviewed, as the viewer may see it (null for another item, or when hidden).' })
  @ManyToOne(() => SupportRequest, { ref: true, nullable: true, index: true, deleteRule: 'cascade' })
  supportRequest: Ref<SupportRequest> | null = null;

  /** The decision, once taken (`decision` field, session.resolver.ts). */
  @Enum({ items: () => DecisionMode, nativeEnumName: 'governance_decision_mode', nullable: true })
  decisionMode: DecisionMode | null = null;

  @Enum({ items: () => DecisionOutcome, nativeEnumName: 'governance_decision_outcome', nullable: true })
  outcome: DecisionOutcome | null = null;

  @Property({ type: 'text', default: '' })
  decisionText: string = '';

  @Property({ type: 'datetime', nullable: true })
  decidedAt: Date | null = null;

  /** The votes cast on it (one per voting partner). */
  @MaxItems(SESSION_LIMITS.attendance)
  @OneToMany(() => SessionVote, (v) => v.item, { orderBy: { castAt: 'asc', id: 'asc' } })
  votes = new Collection<SessionVote>(this);
}

@Entity({ tableName: 'governance_vote' })
@Unique({ properties: ['item', 'partner'] })
@ObjectType('SessionVote', { implements: Node, simpleResolvers: true, description: 'A voting member’s vote on an item (one per partner, changeable until the item is decided).' })
export class SessionVote extends UuidEntity {
  [OptionalProps]?: 'globalId' | 'person' | 'castAt';

  @ManyToOne(() => AgendaItem, { ref: true, deleteRule: 'cascade' })
  item!: Ref<AgendaItem>;

  @Field(() => Partner, { description: 'The partner voting.' })
  @ManyToOne(() => Partner, { ref: true, index: true, deleteRule: 'cascade' })
  partner!: Ref<Partner>;

  @Field(() => VoteChoice, { description: 'Its vote.' })
  @Enum({ items: () => VoteChoice, nativeEnumName: 'governance_vote_choice' })
  choice!: VoteChoice;

  @Field(() => Person, { nullable: true, description: 'Who cast it.' })
  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'set null' })
  person: Ref<Person> | null = null;

  @Field(() => GraphQLDateTime, { description: 'When it was (last) cast.' })
  @Property({ type: 'datetime' })
  castAt: Date = new Date();
}

@Entity({ tableName: 'governance_attendance' })
@Unique({ properties: ['session', 'partner'] })
@ObjectType('SessionAttendance', { implements: Node, simpleResolvers: true, description: 'A member’s attendance at a session.' })
export class SessionAttendance extends UuidEntity {
  [OptionalProps]?: 'globalId' | 'person' | 'recordedAt';

  @ManyToOne(() => CommitteeSession, { ref: true, deleteRule: 'cascade' })
  session!: Ref<CommitteeSession>;

  @Field(() => Partner, { description: 'The member partner.' })
  @ManyToOne(() => Partner, { ref: true, index: true, deleteRule: 'cascade' })
  partner!: Ref<Partner>;

  @Field(() => Person, { nullable: true, description: 'Who represented it.' })
  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'set null' })
  person: Ref<Person> | null = null;

  @Field(() => AttendanceStatus, { description: 'Present, remote, excused or absent.' })
  @Enum({ items: () => AttendanceStatus, nativeEnumName: 'governance_attendance_status' })
  status!: AttendanceStatus;

  @Property({ type: 'datetime' })
  recordedAt: Date = new Date();
}
