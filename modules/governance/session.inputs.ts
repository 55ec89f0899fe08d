import { Field, ID, InputType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { IsEnum, IsOptional, Length, MaxLength } from 'class-validator';
import { SESSION_LIMITS } from './session.entity.js';
import { AgendaItemKind, AttendanceStatus, DecisionMode, DecisionOutcome, MeetingMode, SessionState, VoteChoice } from './governance.enums.js';

const ID_MESSAGE = "L'identifiant est limité à 100 caractères.";

@InputType('ScheduleSessionInput', { description: 'A session to schedule.' })
export class ScheduleSessionInput {
  @Field(() => ID, { description: 'The body.' })
  @MaxLength(100, { message: ID_MESSAGE })
  bodyId!: string;

  @Field(() => String, { description: `Title (at most ${SESSION_LIMITS.title} characters).` })
  @Length(1, SESSION_LIMITS.title, { message: `Le titre doit compter de 1 à ${SESSION_LIMITS.title} caractères.` })
  title!: string;

  @Field(() => GraphQLDateTime, { description: 'When.' })
  scheduledAt!: Date;

  @Field(() => MeetingMode, { nullable: true, description: 'How it meets (default: the body’s mode).' })
  @IsOptional()
  @IsEnum(MeetingMode, { message: 'Mode de réunion inconnu.' })
  mode?: MeetingMode | null;
}

@InputType('AddAgendaItemInput', { description: 'An item to add at the end of an agenda.' })
export class AddAgendaItemInput {
  @Field(() => ID, { description: 'The session.' })
  @MaxLength(100, { message: ID_MESSAGE })
  sessionId!: string;

  @Field(() => AgendaItemKind, { description: 'What it is about.' })
  @IsEnum(AgendaItemKind, { message: 'Type de point inconnu.' })
  kind!: AgendaItemKind;

  @Field(() => ID, { nullable: true, description: 'For SUPPORT_REQUEST: the request (one the viewer may see).' })
  @IsOptional()
  @MaxLength(100, { message: ID_MESSAGE })
  supportRequestId?: string | null;

  @Field(() => String, { nullable: true, description: 'Title (required for OTHER; default: the request’s title).' })
  @IsOptional()
  @Length(1, SESSION_LIMITS.title, { message: `Le titre doit compter de 1 à ${SESSION_LIMITS.title} caractères.` })
  title?: string | null;
}

@InputType('RecordAttendanceInput', { description: 'A member’s attendance.' })
export class RecordAttendanceInput {
  @Field(() => ID, { description: 'The session.' })
  @MaxLength(100, { message: ID_MESSAGE })
  sessionId!: string;

  @Field(() => ID, { description: 'The member partner.' })
  @MaxLength(100, { message: ID_MESSAGE })
  partnerId!: string;

  @Field(() => AttendanceStatus, { description: 'Its attendance.' })
  @IsEnum(AttendanceStatus, { message: 'Présence inconnue.' })
  status!: AttendanceStatus;
}

@InputType('CastVoteInput', { description: 'A vote on the item in discussion.' })
export class CastVoteInput {
  @Field(() => ID, { description: 'The item.' })
  @MaxLength(100, { message: ID_MESSAGE })
  itemId!: string;

  @Field(() => ID, { description: 'The voting partner (one the viewer belongs to).' })
  @MaxLength(100, { message: ID_MESSAGE })
  partnerId!: string;

  @Field(() => VoteChoice, { description: 'The vote.' })
  @IsEnum(VoteChoice, { message: 'Vote inconnu.' })
  choice!: VoteChoice;
}

@InputType('DecideAgendaItemInput', { description: 'The decision on the item in discussion.' })
export class DecideAgendaItemInput {
  @Field(() => ID, { description: 'The item.' })
  @MaxLength(100, { message: ID_MESSAGE })
  itemId!: string;

  @Field(() => DecisionMode, { nullable: true, description: 'How it is decided (default: the body’s mode).' })
  @IsOptional()
  @IsEnum(DecisionMode, { message: 'Mode de décision inconnu.' })
  mode?: DecisionMode | null;

  @Field(() => DecisionOutcome, {
    nullable: true,
    description: 'The outcome: required by consensus; by vote, computed from the votes under the body’s majority (given, it must agree, or be DEFERRED).',
  })
  @IsOptional()
  @IsEnum(DecisionOutcome, { message: 'Décision inconnue.' })
  outcome?: DecisionOutcome | null;

  @Field(() => String, { nullable: true, description: `What is decided (French, at most ${SESSION_LIMITS.text} characters).` })
  @IsOptional()
  @MaxLength(SESSION_LIMITS.text, { message: `Le texte est limité à ${SESSION_LIMITS.text} caractères.` })
  text?: string | null;
}

@InputType('CommitteeSessionFilter', { description: 'Filters on sessions; all given filters apply together.' })
export class CommitteeSessionFilter {
  @Field(() => ID, { nullable: true, description: 'Only those of this body.' })
  @IsOptional()
  @MaxLength(100, { message: ID_MESSAGE })
  bodyId?: string | null;

  @Field(() => SessionState, { nullable: true, description: 'Only those in this state.' })
  @IsOptional()
  @IsEnum(SessionState, { message: 'État inconnu.' })
  state?: SessionState | null;
}
