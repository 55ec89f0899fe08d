import { Entity, Enum, Property } from '@mikro-orm/core';
import { OptionalProps } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { StateAidFrame } from './partner.enums.js';
import { UuidEntity, Node, LocalDateType } from '../../server/kit/index.js';

@Entity({ tableName: 'state_aid_rule' })
@ObjectType('StateAidRule', {
  implements: Node,
  simpleResolvers: true,
  description: 'A State-aid rule with its ceiling over a period, in force between two dates (the de minimis regulations): data, not code, since the ceilings change.',
})
export class StateAidRule extends UuidEntity {
  [OptionalProps]?: 'globalId' | 'description' | 'validFrom' | 'validUntil';

  @Field(() => String, { description: 'Stable ASCII identifier, e.g. "de-minimis-2023-2831".' })
  @Property({ type: 'string', length: 80, unique: true })
  slug!: string;

  @Field(() => StateAidFrame, { description: 'The frame this rule sets the ceiling of.' })
  @Enum({ items: () => StateAidFrame, nativeEnumName: 'state_aid_frame' })
  frame!: StateAidFrame;

  @Field(() => String, { description: 'Name (French), e.g. "De minimis général".' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => String, { description: 'The regulation, e.g. "Règlement (UE) 2023/2831".' })
  @Property({ type: 'string', length: 200 })
  regulation!: string;

  @Field(() => Int, { description: 'Most aid one undertaking may receive under this frame over the period, in euros.' })
  @Property({ type: 'integer' })
  ceiling!: number;

  @Field(() => Int, { description: 'The period the ceiling counts over, in years.' })
  @Property({ type: 'integer' })
  periodYears!: number;

  @Field(() => String, { description: 'How the period is counted and what the rule covers (French).' })
  @Property({ type: 'text', default: '' })
  description: string = '';

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'First day the rule applies; null: since before the platform.' })
  @Property({ type: LocalDateType, nullable: true })
  validFrom: string | null = null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Last day the rule applies; null: still in force, no end known.' })
  @Property({ type: LocalDateType, nullable: true })
  validUntil: string | null = null;
}
