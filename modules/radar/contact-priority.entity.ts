import { ArrayType, Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { DEFAULT_PRIORITY_WEIGHTS } from './priority.js';

/** The one row of the weights. */
export const WEIGHTS_ID = 'platform';

/**
 * The platform's contact priority weights (a platform-wide setting the steering board and administrators change,
 * read as the root field `contactPriorityWeights`): how much each factor counts in `contactPriorities`
 * (priority.ts), and the sectors the steering board made a priority. One row; the defaults until changed.
 */
@Entity({ tableName: 'contact_priority_weights' })
@ObjectType('ContactPriorityWeights', { simpleResolvers: true, description: 'How much each factor counts in the contact priority score (0–100 each; they are normalized by their sum).' })
export class ContactPriorityWeights {
  [OptionalProps]?: 'risk' | 'staleness' | 'size' | 'sector' | 'stage' | 'prioritySectorCodes' | 'updatedAt';

  @PrimaryKey({ type: 'string', length: 20 })
  id: string = WEIGHTS_ID;

  @Field(() => Int, { description: "Weight of the latest radar's alert level." })
  @Property({ type: 'integer' })
  risk: number = DEFAULT_PRIORITY_WEIGHTS.risk;

  @Field(() => Int, { description: 'Weight of the time since the last interview.' })
  @Property({ type: 'integer' })
  staleness: number = DEFAULT_PRIORITY_WEIGHTS.staleness;

  @Field(() => Int, { description: 'Weight of the jobs at stake (employees).' })
  @Property({ type: 'integer' })
  size: number = DEFAULT_PRIORITY_WEIGHTS.size;

  @Field(() => Int, { description: 'Weight of belonging to a priority sector.' })
  @Property({ type: 'integer' })
  sector: number = DEFAULT_PRIORITY_WEIGHTS.sector;

  @Field(() => Int, { description: 'Weight of the stage (difficulty first, then emergence and creation).' })
  @Property({ type: 'integer' })
  stage: number = DEFAULT_PRIORITY_WEIGHTS.stage;

  @Field(() => [String], { description: 'Codes of the sectors the steering board made a priority.' })
  @Property({ type: ArrayType, default: '{}' })
  prioritySectorCodes: string[] = [];

  @Field(() => GraphQLDateTime, { description: 'When the weights last changed.' })
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
