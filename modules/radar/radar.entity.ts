import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLDateTime, GraphQLLocalDate } from 'graphql-scalars';
import { LocalDateType, Node, toGlobalId } from '../../server/kit/index.js';
import { Organization } from '../organizations/index.js';
import { Partner } from '../partners/index.js';
import { GridVersion, Interview } from '../interview-grids/index.js';
import { RadarLevelEnum } from './radar.enums.js';
import type { RadarSignal } from './rules.js';
import type { AxisScore } from './scoring.js';

/** How French messages name a record of this module (« Radar introuvable. »). */
export const RADAR_LABEL = 'Radar';

/**
 * The radar of one completed interview: per-axis scores and coverage, the signals its grid's rules fired, the
 * overall level, and the organization's previous radar (for the trend). Computed by the `InterviewCompleted`
 * listener (radar.service.ts), one per interview (recomputed in place when the grid's rules change).
 */
@Entity({ tableName: 'radar' })
@Index({ properties: ['organization', 'interviewDate', 'computedAt', 'id'] }) // the latest radar of an organization
@ObjectType('Radar', { implements: Node, simpleResolvers: true, description: 'The radar of an interview of an organization: scores per axis, risks and margins, alert level.' })
export class Radar {
  [OptionalProps]?: 'globalId' | 'computedAt' | 'previousRadar' | 'interviewerId';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID, { name: 'id', description: 'Opaque global id.', simple: false })
  get globalId(): string {
    return toGlobalId('Radar', this.id);
  }

  @Field(() => Organization, { description: 'The organization interviewed.' })
  @ManyToOne(() => Organization, { ref: true, index: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  @Field(() => Interview, { nullable: true, description: 'The interview it reads (one radar per interview); null when the viewer may not see the interview.' })
  @ManyToOne(() => Interview, { ref: true, unique: true, deleteRule: 'cascade' })
  interview!: Ref<Interview>;

  @Field(() => Partner, { description: 'The partner that held the interview.' })
  @ManyToOne(() => Partner, { ref: true, index: true, deleteRule: 'cascade' })
  partner!: Ref<Partner>;

  /** The person who held the interview (accounts' Person), for answers and signals reserved to them. */
  @Property({ type: 'uuid', nullable: true })
  interviewerId: string | null = null;

  @Field(() => GridVersion, { nullable: true, description: 'The grid version the interview answered.' })
  @ManyToOne(() => GridVersion, { ref: true, index: true, deleteRule: 'restrict' })
  gridVersion!: Ref<GridVersion>;

  @Field(() => String, { description: 'Title of the grid answered, with its version (French).' })
  @Property({ type: 'string', length: 200 })
  gridTitle!: string;

  @Field(() => GraphQLLocalDate, { description: 'Day of the interview.' })
  @Property({ type: LocalDateType })
  interviewDate!: string;

  @Field(() => GraphQLDateTime, { description: 'When the radar was computed.' })
  @Property({ type: 'datetime' })
  computedAt: Date = new Date();

  /** [{axis, label, score, coverage}] in the grid's order (exposed by `Radar.axes`). */
  @Property({ type: 'json' })
  axes!: AxisScore[];

  /** The signals the rules fired, explanations in full (exposed by `Radar.signals`, per the viewer's rights). */
  @Property({ type: 'json' })
  signals!: RadarSignal[];

  @Field(() => RadarLevelEnum, { description: 'Overall alert level.' })
  @Enum({ items: () => RadarLevelEnum, nativeEnumName: 'radar_level' })
  level!: RadarLevelEnum;

  @Field(() => Radar, { nullable: true, description: "The organization's radar of its previous interview, null for the first." })
  @ManyToOne(() => Radar, { ref: true, nullable: true, deleteRule: 'set null' })
  previousRadar: Ref<Radar> | null = null;
}
