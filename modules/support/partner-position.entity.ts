import { Collection, Entity, Enum, ManyToOne, OneToMany, OptionalProps, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { MaxItems, Node, UuidEntity } from '../../server/kit/index.js';
import { FundingScheme, Partner } from '../partners/index.js';
import { Person } from '../accounts/index.js';
import { PositionKind } from './support.enums.js';
import { SupportRequest } from './support-request.entity.js';

/** Limits shared by the columns and the inputs. */
export const POSITION_LIMITS = { conditions: 2_000, comment: 2_000, versions: 50 } as const;

/**
 * What a position says; shared by the current position and each of its versions (the kit reads the
 * fields and relations declared here as each entity's own). `request` stays on each: the position's is
 * a field, the version's an indexed key for the visibility rule.
 */
@ObjectType('PositionContentBase', { description: 'What a position says.' })
export abstract class PositionContent extends UuidEntity {
  @Field(() => PositionKind, { description: 'The position taken.' })
  @Enum({ items: () => PositionKind, nativeEnumName: 'position_kind' })
  kind!: PositionKind;

  @Field(() => Int, { nullable: true, description: 'Amount the partner would mobilise, in euros.' })
  @Property({ type: 'integer', nullable: true })
  amount: number | null = null;

  @Field(() => String, { description: 'Conditions (French), e.g. "si la banque accorde le prêt"; each partner decides under its own deciding body.' })
  @Property({ type: 'text', default: '' })
  conditions: string = '';

  @Field(() => String, { description: 'Comment (French).' })
  @Property({ type: 'text', default: '' })
  comment: string = '';

  @Field(() => FundingScheme, { nullable: true, description: 'The scheme the partner would mobilise.' })
  @ManyToOne(() => FundingScheme, { ref: true, nullable: true, deleteRule: 'set null' })
  scheme: Ref<FundingScheme> | null = null;

  @Field(() => Partner, { nullable: true, description: 'For a redirection, the partner the holder is sent to.' })
  @ManyToOne(() => Partner, { ref: true, nullable: true, deleteRule: 'set null' })
  redirectTo: Ref<Partner> | null = null;

  @Field(() => Person, { nullable: true, description: 'Who recorded it.' })
  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'set null' })
  recordedBy: Ref<Person> | null = null;

  @Field(() => GraphQLDateTime, { description: 'When it was recorded.' })
  @Property({ type: 'datetime' })
  recordedAt: Date = new Date();
}

type ContentDefaults = 'globalId' | 'scheme' | 'amount' | 'conditions' | 'comment' | 'redirectTo' | 'recordedBy' | 'recordedAt';

@Entity({ tableName: 'support_position' })
@Unique({ properties: ['request', 'partner'] })
@ObjectType('PartnerPosition', {
  implements: Node,
  simpleResolvers: true,
  description: "A partner's current position on a support request (positionnement), under its own intervention criteria; every earlier version is kept in `versions`.",
})
export class PartnerPosition extends PositionContent {
  [OptionalProps]?: ContentDefaults | 'revision' | 'versions' | 'firstRecordedAt';

  @Field(() => SupportRequest, { description: 'The request.' })
  @ManyToOne(() => SupportRequest, { ref: true, deleteRule: 'cascade' })
  request!: Ref<SupportRequest>;

  @Field(() => Partner, { description: 'The partner taking the position.' })
  @ManyToOne(() => Partner, { ref: true, index: true, deleteRule: 'cascade' })
  partner!: Ref<Partner>;

  @Field(() => Int, { description: 'How many times the partner recorded its position (1 for the first).' })
  @Property({ type: 'integer', default: 1 })
  revision: number = 1;

  @Field(() => GraphQLDateTime, { description: 'When the partner first answered.' })
  @Property({ type: 'datetime' })
  firstRecordedAt: Date = new Date();

  @MaxItems(POSITION_LIMITS.versions)
  @Field(() => [PositionVersion], { description: 'Every version recorded, the first first (the current one last).' })
  @OneToMany(() => PositionVersion, (v) => v.position, { orderBy: { revision: 'asc' } })
  versions = new Collection<PositionVersion>(this);
}

@Entity({ tableName: 'support_position_version' })
@Unique({ properties: ['position', 'revision'] })
@ObjectType('PositionVersion', { implements: Node, simpleResolvers: true, description: 'One version of a partner’s position, as it was recorded (never changed afterwards).' })
export class PositionVersion extends PositionContent {
  [OptionalProps]?: ContentDefaults;

  @ManyToOne(() => PartnerPosition, { ref: true, deleteRule: 'cascade' })
  position!: Ref<PartnerPosition>;

  /** The request, for the visibility rule (the same as the position's). */
  @ManyToOne(() => SupportRequest, { ref: true, index: true, deleteRule: 'cascade' })
  request!: Ref<SupportRequest>;

  @Field(() => Int, { description: 'Its number, from 1.' })
  @Property({ type: 'integer' })
  revision!: number;
}
