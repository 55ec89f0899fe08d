import { ArrayType, Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { OptionalProps } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { LegalForm, Stage } from '../organizations/index.js';
import { AccreditationKind, TargetPublic } from '../organizations/index.js';
import { Sector } from '../sectors/index.js';
import { Commune, Intercommunality } from '../territory/index.js';
import { Partner } from './partner.entity.js';
import { NeedType } from './partner.enums.js';
import { UuidEntity, Node, KeysOf } from '../../server/kit/index.js';

@Entity({ tableName: 'intervention_criteria' })
@ObjectType('InterventionCriteria', {
  implements: Node,
  simpleResolvers: true,
  description: "One set of a partner's intervention criteria (critères d'intervention). An empty list means no restriction on that axis.",
})
export class InterventionCriteria extends UuidEntity {
  [OptionalProps]?:
    | 'globalId'
    | 'sectorCodes'
    | 'stages'
    | 'legalForms'
    | 'accreditations'
    | 'publics'
    | 'needTypes'
    | 'employerRequired'
    | 'minEmployees'
    | 'maxEmployees'
    | 'minAgeYears'
    | 'maxAgeYears'
    | 'coFinancingRequired'
    | 'minAmount'
    | 'maxAmount'
    | 'wholeTerritory'
    | 'communeIds'
    | 'intercommunalityIds'
    | 'departmentCodes'
    | 'regionCodes';

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

  @Field(() => [LegalForm], { description: "Legal forms covered (checked against a project's target legal form when it has one); empty: every legal form." })
  @Enum({ items: () => LegalForm, array: true, default: [] })
  legalForms: LegalForm[] = [];

  @Field(() => [AccreditationKind], { description: 'Accreditations of which the holder must hold one, valid at the reference date; empty: none required.' })
  @Enum({ items: () => AccreditationKind, array: true, default: [] })
  accreditations: AccreditationKind[] = [];

  @Field(() => [TargetPublic], { description: 'Publics the project must serve (any of them); empty: any public.' })
  @Enum({ items: () => TargetPublic, array: true, default: [] })
  publics: TargetPublic[] = [];

  @Field(() => [NeedType], { description: 'Types of need handled (any of them); empty: every need.' })
  @Enum({ items: () => NeedType, array: true, default: [] })
  needTypes: NeedType[] = [];

  @Field(() => Boolean, { description: 'Reserved to employers (at least one employee).' })
  @Property({ type: 'boolean', default: false })
  employerRequired: boolean = false;

  @Field(() => Int, { nullable: true, description: 'Fewest employees; null: no minimum.' })
  @Property({ type: 'integer', nullable: true })
  minEmployees: number | null = null;

  @Field(() => Int, { nullable: true, description: 'Most employees; null: no maximum.' })
  @Property({ type: 'integer', nullable: true })
  maxEmployees: number | null = null;

  @Field(() => Int, { nullable: true, description: 'Youngest age of the structure, in whole years at the reference date; null: no minimum.' })
  @Property({ type: 'integer', nullable: true })
  minAgeYears: number | null = null;

  @Field(() => Int, { nullable: true, description: 'Oldest age of the structure, in whole years at the reference date; null: no maximum.' })
  @Property({ type: 'integer', nullable: true })
  maxAgeYears: number | null = null;

  @Field(() => Boolean, { description: 'The partner acts only with another funder (co-financing secured).' })
  @Property({ type: 'boolean', default: false })
  coFinancingRequired: boolean = false;

  @Field(() => Int, { nullable: true, description: 'Smallest amount the partner handles, in euros.' })
  @Property({ type: 'integer', nullable: true })
  minAmount: number | null = null;

  @Field(() => Int, { nullable: true, description: 'Largest amount the partner handles, in euros.' })
  @Property({ type: 'integer', nullable: true })
  maxAmount: number | null = null;

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
