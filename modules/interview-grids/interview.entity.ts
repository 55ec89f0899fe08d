import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, OptionalProps, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { GraphQLDateTime, GraphQLJSON, GraphQLLocalDate } from 'graphql-scalars';
import { LocalDateType, MaxItems, Node, UuidEntity } from '../../server/kit/index.js';
import { Organization } from '../organizations/index.js';
import { Partner } from '../partners/index.js';
import { Person } from '../accounts/index.js';
import type { AnswerValue } from './grid.js';
import { GridVersion } from './grid-version.entity.js';
import { AnswerConfidentiality, InterviewStatus } from './interview.enums.js';

/** How a record of this module is named in French messages. */
export const INTERVIEW_LABEL = 'Entretien';
export const QUESTION_CODE_MAX = 60;
/** Answers of one interview: a grid has at most this many questions. */
export const MAX_ANSWERS = 300;

/**
 * An interview of an organization by a partner's person, with a grid version: answers are saved as the
 * interviewer goes (draft), checked on completion, then validated. `version` is an optimistic lock: every
 * change bumps it, and a save that names a stale version is refused with CONFLICT.
 */
@Entity({ tableName: 'interview' })
@Index({ properties: ['date', 'id'] }) // the list's keyset order
@Index({ properties: ['organization', 'date'] })
@ObjectType('Interview', { implements: Node, simpleResolvers: true, description: 'An interview of an organization by a partner, following a grid version.' })
export class Interview extends UuidEntity {
  [OptionalProps]?: 'globalId' | 'status' | 'version' | 'interviewer' | 'completedAt' | 'validatedAt' | 'createdAt' | 'updatedAt';

  @Field(() => Organization, { description: 'The organization interviewed.' })
  @ManyToOne(() => Organization, { ref: true, index: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  @Field(() => GridVersion, { description: 'The grid version it follows (kept for good).' })
  @ManyToOne(() => GridVersion, { ref: true, index: true, deleteRule: 'restrict' })
  gridVersion!: Ref<GridVersion>;

  @Field(() => Partner, { description: 'The interviewing partner.' })
  @ManyToOne(() => Partner, { ref: true, index: true, deleteRule: 'cascade' })
  partner!: Ref<Partner>;

  @Field(() => Person, { nullable: true, description: 'The person who held it; null when unknown or gone.' })
  @ManyToOne(() => Person, { ref: true, nullable: true, index: true, deleteRule: 'set null' })
  interviewer: Ref<Person> | null = null;

  @Field(() => GraphQLLocalDate, { description: 'The day it was held.' })
  @Property({ type: LocalDateType })
  date!: string;

  @Field(() => InterviewStatus, { description: 'Draft, completed or validated.' })
  @Enum({ items: () => InterviewStatus, nativeEnumName: 'interview_status', default: InterviewStatus.DRAFT })
  status: InterviewStatus = InterviewStatus.DRAFT;

  @Field(() => Int, { description: 'Optimistic lock: give it back as `expectedVersion` when saving answers.' })
  @Property({ type: 'integer', version: true })
  version: number = 1;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When it was completed.' })
  @Property({ type: 'datetime', nullable: true })
  completedAt: Date | null = null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When it was validated.' })
  @Property({ type: 'datetime', nullable: true })
  validatedAt: Date | null = null;

  @Field(() => GraphQLDateTime, { description: 'When it was started.' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => GraphQLDateTime, { description: 'When it last changed.' })
  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();

  @Field(() => [InterviewAnswer], { description: 'The answers the viewer may read (confidential ones only for those allowed), by question code.' })
  @MaxItems(MAX_ANSWERS)
  @OneToMany(() => InterviewAnswer, (a) => a.interview, { orderBy: { questionCode: 'asc', id: 'asc' } })
  answers = new Collection<InterviewAnswer>(this);
}

/** One answer of an interview; its confidentiality is the question's, copied when saved (a published grid never changes). */
@Entity({ tableName: 'interview_answer' })
@Unique({ properties: ['interview', 'questionCode'] })
@ObjectType('InterviewAnswer', { implements: Node, simpleResolvers: true, description: 'The answer to one question of an interview.' })
export class InterviewAnswer extends UuidEntity {
  [OptionalProps]?: 'globalId' | 'updatedAt' | 'updatedById';

  @Field(() => Interview, { description: 'The interview.' })
  @ManyToOne(() => Interview, { ref: true, deleteRule: 'cascade' })
  interview!: Ref<Interview>;

  @Field(() => String, { description: 'Code of the question.' })
  @Property({ type: 'string', length: QUESTION_CODE_MAX })
  questionCode!: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The value: "yes" | "partly" | "no", 0–4, a number, euros, a percentage 0–100, "YYYY-MM-DD", a choice code, a list of codes or a text.' })
  @Property({ type: 'json', nullable: true })
  value: AnswerValue = null;

  @Field(() => AnswerConfidentiality, { description: 'Who may read it (the question’s confidentiality).' })
  @Enum({ items: () => AnswerConfidentiality, nativeEnumName: 'answer_confidentiality' })
  confidentiality!: AnswerConfidentiality;

  @Field(() => GraphQLDateTime, { description: 'When it was last saved.' })
  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();

  /** Who saved it last (a person of the accounts module). */
  @Property({ type: 'uuid', nullable: true })
  updatedById: string | null = null;
}
