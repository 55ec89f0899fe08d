import { ArrayType, Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { OptionalProps } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Sector } from '../sectors/index.js';
import { Commune, Intercommunality } from '../territory/index.js';
import { Partner } from './partner.entity.js';
import { EligibilityRules, type EligibilityDefaults } from './eligibility-rules.entity.js';
import { Node, KeysOf } from '../../server/kit/index.js';

@Entity({ tableName: 'intervention_criteria' })
@ObjectType('InterventionCriteria', {
  implements: Node,
  simpleResolvers: true,
  description: "One set of a partner's intervention criteria (critères d'intervention). An empty list means no restriction on that axis.",
})
export class InterventionCriteria extends EligibilityRules {
  [OptionalProps]?: EligibilityDefaults | 'sectorCodes' | 'wholeTerritory' | 'communeIds' | 'intercommunalityIds' | 'departmentCodes' | 'regionCodes';

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

  @Field(() => Boolean, { description: 'True when no place restricts the criteria; otherwise only `communes`, `intercommunalities`, `departmentCodes` and `regionCodes`.' })
  @Property({ type: 'boolean', default: true })
  wholeTerritory: boolean = true;

  /** Commune ids, when not the whole territory. */
  @Property({ type: ArrayType, default: '{}' })
  @KeysOf(() => Commune)
  communeIds: string[] = [];

  /** Intercommunality ids covered (any commune of them). */
  @Property({ type: ArrayType, default: '{}' })
  @KeysOf(() => Intercommunality)
  intercommunalityIds: string[] = [];

  @Field(() => [String], { description: "INSEE codes of the départements covered, e.g. ['62']." })
  @Property({ type: ArrayType, default: '{}' })
  departmentCodes: string[] = [];

  @Field(() => [String], { description: "INSEE codes of the régions covered, e.g. ['32'] (Hauts-de-France)." })
  @Property({ type: ArrayType, default: '{}' })
  regionCodes: string[] = [];
}
