import { ArrayType, Entity, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { OptionalProps } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Organization } from './organization.entity.js';
import { UuidEntity, Node, MaxItems } from '../../server/kit/index.js';

/** Funders `mainFunders` may name. */
export const MAX_MAIN_FUNDERS = 10;

/**
 * People and money of an organization for one year (the year of its accounts): confidential, for
 * partners' people and administrators (figures-visibility.ts).
 */
@Entity({ tableName: 'organization_figures' })
@Unique({ properties: ['organization', 'year'] })
@ObjectType('OrganizationFigures', {
  implements: Node,
  simpleResolvers: true,
  description: "People and money of an organization for one year (its accounts' year). Partners' people and administrators only.",
})
export class OrganizationFigures extends UuidEntity {
  [OptionalProps]?: 'globalId' | 'fte' | 'insertionEmployees' | 'subsidisedContracts' | 'volunteers' | 'members' | 'income' | 'payroll' | 'publicFundingShare' | 'mainFunders' | 'equity';

  @Field(() => Organization, { description: 'The organization they describe.' })
  @ManyToOne(() => Organization, { ref: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  @Field(() => Int, { description: 'The year they describe (the accounts’ year).' })
  @Property({ type: 'integer' })
  year!: number;

  @Field(() => Int, { description: 'Employees at the end of the year, insertion employees included.' })
  @Property({ type: 'integer' })
  headcount!: number;

  @Field(() => Float, { description: 'Full-time equivalents over the year (équivalents temps plein).' })
  @Property({ type: 'double', default: 0 })
  fte: number = 0;

  @Field(() => Int, { description: 'Employees on an insertion pathway (salariés en parcours, SIAE).' })
  @Property({ type: 'integer', default: 0 })
  insertionEmployees: number = 0;

  @Field(() => Int, { description: 'Employees on a subsidised contract (contrats aidés: PEC, adultes-relais, FONJEP posts…).' })
  @Property({ type: 'integer', default: 0 })
  subsidisedContracts: number = 0;

  @Field(() => Int, { description: 'Regular volunteers (bénévoles).' })
  @Property({ type: 'integer', default: 0 })
  volunteers: number = 0;

  @Field(() => Int, { description: 'Members (adhérents, sociétaires, associés).' })
  @Property({ type: 'integer', default: 0 })
  members: number = 0;

  @Field(() => Int, { nullable: true, description: 'Income of the year in euros: total revenue (produits) for an association, turnover (chiffre d’affaires) for a company.' })
  @Property({ type: 'integer', nullable: true })
  income: number | null = null;

  @Field(() => Int, { nullable: true, description: 'Payroll in euros, employer contributions included (masse salariale chargée).' })
  @Property({ type: 'integer', nullable: true })
  payroll: number | null = null;

  @Field(() => Float, { nullable: true, description: 'Share of public funding in the income, in percent (0–100).' })
  @Property({ type: 'double', nullable: true })
  publicFundingShare: number | null = null;

  @MaxItems(MAX_MAIN_FUNDERS)
  @Field(() => [String], { description: 'Main funders, largest first, as the organization names them (e.g. "Conseil départemental", "État (aide au poste)").' })
  @Property({ type: ArrayType, default: '{}' })
  mainFunders: string[] = [];

  @Field(() => Int, { nullable: true, description: 'Equity at the end of the year in euros (fonds propres; may be negative).' })
  @Property({ type: 'integer', nullable: true })
  equity: number | null = null;
}
