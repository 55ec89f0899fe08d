import { ArrayType, Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { OptionalProps } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { LegalForm, Stage } from '../organizations/index.js';
import { Sector } from '../sectors/index.js';
import { Commune } from '../territory/index.js';
import { Partner } from './partner.entity.js';
import { UuidEntity, Node, KeysOf } from '../../server/kit/index.js';

@Entity({ tableName: 'intervention_criteria' })
@ObjectType('InterventionCriteria', {
  implements: Node,
  simpleResolvers: true,
  description: "One set of a partner's intervention criteria (critères d'intervention). An empty list means no restriction on that axis.",
})
export class InterventionCriteria extends UuidEntity {
  [OptionalProps]?: 'globalId' | 'sectorCodes' | 'stages' | 'legalForms' | 'minAmount' | 'maxAmount' | 'wholeTerritory' | 'communeIds';

  @Field(() => Partner, { description: 'The partner these criteria belong to.' })
  @ManyToOne(() => Partner, { ref: true, index: true, deleteRule: 'cascade' })
  partner!: Ref<Partner>;

  @Field(() => String, { description: 'What these criteria cover (French), e.g. "Création de SCOP".' })
  @Property({ type: 'string', length: 200 })
  label!: string;

  /** Sector codes; empty: every sector. */
  @Property({ type: ArrayType, default: '{}' })
  @KeysOf(() => Sector)
  sectorCodes: string[] = [];

  @Field(() => [Stage], { description: 'Stages covered; empty: every stage.' })
  @Enum({ items: () => Stage, array: true, default: [] })
  stages: Stage[] = [];

  @Field(() => [LegalForm], { description: 'Legal forms covered; empty: every legal form.' })
  @Enum({ items: () => LegalForm, array: true, default: [] })
  legalForms: LegalForm[] = [];

  @Field(() => Int, { nullable: true, description: 'Smallest amount the partner handles, in euros.' })
  @Property({ type: 'integer', nullable: true })
  minAmount: number | null = null;

  @Field(() => Int, { nullable: true, description: 'Largest amount the partner handles, in euros.' })
  @Property({ type: 'integer', nullable: true })
  maxAmount: number | null = null;

  @Field(() => Boolean, { description: 'True when the whole territory is covered; otherwise only `communes`.' })
  @Property({ type: 'boolean', default: true })
  wholeTerritory: boolean = true;

  /** Commune ids, when not the whole territory. */
  @Property({ type: ArrayType, default: '{}' })
  @KeysOf(() => Commune)
  communeIds: string[] = [];
}
