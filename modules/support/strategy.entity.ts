import { Entity, Enum, ManyToOne, OptionalProps, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { GraphQLDateTime, GraphQLLocalDate } from 'graphql-scalars';
import { LocalDateType, Node, UuidEntity } from '../../server/kit/index.js';
import { FundingScheme, Partner } from '../partners/index.js';
import { Person } from '../accounts/index.js';
import { ActionStatus } from './support.enums.js';
import { SupportRequest } from './support-request.entity.js';
import { PartnerPosition } from './partner-position.entity.js';

/** Limits shared by the columns and the inputs. */
export const STRATEGY_LIMITS = { title: 300, text: 5_000, contact: 200, actions: 30 } as const;

@Entity({ tableName: 'support_action' })
@ObjectType('SupportAction', { implements: Node, simpleResolvers: true, description: 'An action of the shared action plan: who does what by when.' })
export class SupportAction extends UuidEntity {
  [OptionalProps]?: 'globalId' | 'status' | 'position' | 'scheme' | 'createdAt' | 'doneAt' | 'overdueFlaggedOn';

  @ManyToOne(() => SupportRequest, { ref: true, index: true, deleteRule: 'cascade' })
  request!: Ref<SupportRequest>;

  @Field(() => String, { description: 'What is to be done (French).' })
  @Property({ type: 'string', length: STRATEGY_LIMITS.title })
  title!: string;

  @Field(() => Partner, { description: 'The partner in charge.' })
  @ManyToOne(() => Partner, { ref: true, index: true, deleteRule: 'cascade' })
  owner!: Ref<Partner>;

  @Field(() => GraphQLLocalDate, { description: 'By when.' })
  @Property({ type: LocalDateType })
  dueOn!: string;

  @Field(() => ActionStatus, { description: 'Where it stands.' })
  @Enum({ items: () => ActionStatus, nativeEnumName: 'support_action_status', default: ActionStatus.PLANNED })
  status: ActionStatus = ActionStatus.PLANNED;

  @Field(() => PartnerPosition, { nullable: true, description: 'The position it follows from.' })
  @ManyToOne(() => PartnerPosition, { ref: true, nullable: true, deleteRule: 'set null' })
  position: Ref<PartnerPosition> | null = null;

  @Field(() => FundingScheme, { nullable: true, description: 'The scheme it mobilises.' })
  @ManyToOne(() => FundingScheme, { ref: true, nullable: true, deleteRule: 'set null' })
  scheme: Ref<FundingScheme> | null = null;

  @Field(() => GraphQLDateTime, { description: 'When it was planned.' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When it was done.' })
  @Property({ type: 'datetime', nullable: true })
  doneAt: Date | null = null;

  /** The day the follow-up last flagged it overdue (once per action). */
  @Property({ type: LocalDateType, nullable: true })
  overdueFlaggedOn: string | null = null;
}

@Entity({ tableName: 'support_decision' })
@ObjectType('StrategyDecision', { implements: Node, simpleResolvers: true, description: 'The committee’s validation of the shared strategy for a request: what, who validated it, when.' })
export class StrategyDecision extends UuidEntity {
  [OptionalProps]?: 'globalId' | 'validatedBy' | 'validatedAt' | 'nextStep';

  @ManyToOne(() => SupportRequest, { ref: true, unique: true, deleteRule: 'cascade' })
  request!: Ref<SupportRequest>;

  @Field(() => String, { description: 'The shared diagnosis (French).' })
  @Property({ type: 'text' })
  diagnosis!: string;

  @Field(() => String, { description: 'The short- and medium-term strategy (French).' })
  @Property({ type: 'text' })
  strategy!: string;

  @Field(() => String, { description: 'The holder’s one contact person for the platform.' })
  @Property({ type: 'string', length: STRATEGY_LIMITS.contact })
  contactPerson!: string;

  @Field(() => String, { description: 'The next step (French).' })
  @Property({ type: 'text', default: '' })
  nextStep: string = '';

  @Field(() => Person, { nullable: true, description: 'Who validated it for the committee.' })
  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'set null' })
  validatedBy: Ref<Person> | null = null;

  @Field(() => GraphQLDateTime, { description: 'When.' })
  @Property({ type: 'datetime' })
  validatedAt: Date = new Date();
}
