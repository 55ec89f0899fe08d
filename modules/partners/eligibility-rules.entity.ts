import { Enum, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { AccreditationKind, LegalForm, Stage, TargetPublic } from '../organizations/index.js';
import { NeedType } from './partner.enums.js';
import { UuidEntity } from '../../server/kit/index.js';

/**
 * The eligibility rules a partner's intervention criteria and a funding scheme share, declared once: the
 * matching engine (criteria-match.ts) reads the same axes on both. An empty list or a null bound
 * restricts nothing.
 */
/** The rules' properties with defaults: optional when an entity extending the rules is created. */
export type EligibilityDefaults =
  | 'globalId'
  | 'minAmount'
  | 'maxAmount'
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
  | 'coFinancingRequired';

// Registered only so that subclasses inherit its fields, as UuidEntity's.
@ObjectType('EligibilityRulesBase', { description: 'Eligibility rules shared by intervention criteria and funding schemes.' })
export abstract class EligibilityRules extends UuidEntity {
  @Field(() => Int, { nullable: true, description: 'Smallest amount, in euros; null: no minimum.' })
  @Property({ type: 'integer', nullable: true })
  minAmount: number | null = null;

  @Field(() => Int, { nullable: true, description: 'Largest amount, in euros; null: no maximum.' })
  @Property({ type: 'integer', nullable: true })
  maxAmount: number | null = null;

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

  @Field(() => [NeedType], { description: 'Types of need covered (any of them); empty: every need.' })
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

  @Field(() => Boolean, { description: 'Only with another funder already committed (co-financing secured).' })
  @Property({ type: 'boolean', default: false })
  coFinancingRequired: boolean = false;
}
