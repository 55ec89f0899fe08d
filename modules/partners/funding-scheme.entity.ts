import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { OptionalProps } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { FundingSchemeKind, StateAidFrame } from './partner.enums.js';
import { Partner } from './partner.entity.js';
import { EligibilityRules, type EligibilityDefaults } from './eligibility-rules.entity.js';
import { Node, LocalDateType } from '../../server/kit/index.js';

@Entity({ tableName: 'funding_scheme' })
@Index({ name: 'funding_scheme_name_id_index', properties: ['name', 'id'] })
@ObjectType('FundingScheme', {
  implements: Node,
  simpleResolvers: true,
  description: 'A funding scheme (dispositif) a partner can mobilise: grant, loan, honour loan, guarantee, quasi-equity, equity or support programme, with who it is for.',
})
export class FundingScheme extends EligibilityRules {
  [OptionalProps]?:
    | EligibilityDefaults
    | 'shortName'
    | 'description'
    | 'eligibility'
    | 'guaranteeRate'
    | 'decidingBody'
    | 'calendar'
    | 'typicalDelayDays'
    | 'yearlyEnvelope'
    | 'validFrom'
    | 'validUntil'
    | 'stateAidFrame'
    | 'legalFrame'
    | 'active';

  @Field(() => Partner, { description: 'The partner that mobilises the scheme.' })
  @ManyToOne(() => Partner, { ref: true, index: true, deleteRule: 'cascade' })
  partner!: Ref<Partner>;

  @Field(() => String, { description: 'Name (French).' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Short name the reasons of the matching use, e.g. "DLA".' })
  @Property({ type: 'string', length: 60, nullable: true })
  shortName: string | null = null;

  @Field(() => FundingSchemeKind, { description: 'Kind of scheme.' })
  @Enum({ items: () => FundingSchemeKind, nativeEnumName: 'funding_scheme_kind' })
  kind!: FundingSchemeKind;

  @Field(() => String, { description: 'What the scheme offers (French).' })
  @Property({ type: 'text', default: '' })
  description: string = '';

  @Field(() => String, { description: 'Who is eligible and on what conditions (French).' })
  @Property({ type: 'text', default: '' })
  eligibility: string = '';

  @Field(() => Float, { nullable: true, description: 'For a guarantee, the share of the loan guaranteed, in percent (e.g. 65); null otherwise.' })
  @Property({ type: 'double', nullable: true })
  guaranteeRate: number | null = null;

  @Field(() => String, { description: 'Who decides (French), e.g. "Comité d\'engagement"; may be empty.' })
  @Property({ type: 'string', length: 200, default: '' })
  decidingBody: string = '';

  @Field(() => String, { description: 'When decisions are taken (French), e.g. "Comité mensuel"; may be empty.' })
  @Property({ type: 'text', default: '' })
  calendar: string = '';

  @Field(() => Int, { nullable: true, description: 'Typical delay from a complete file to the decision, in days.' })
  @Property({ type: 'integer', nullable: true })
  typicalDelayDays: number | null = null;

  @Field(() => Int, { nullable: true, description: 'Yearly envelope of the scheme, in euros, when known.' })
  @Property({ type: 'integer', nullable: true })
  yearlyEnvelope: number | null = null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'First day the scheme is offered; null: since before the platform.' })
  @Property({ type: LocalDateType, nullable: true })
  validFrom: string | null = null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Last day the scheme is offered; null: no end known.' })
  @Property({ type: LocalDateType, nullable: true })
  validUntil: string | null = null;

  @Field(() => StateAidFrame, { nullable: true, description: 'State-aid frame of the scheme (its ceiling at the reference date: `stateAidRule`); null: not State aid or not known.' })
  @Enum({ items: () => StateAidFrame, nativeEnumName: 'state_aid_frame', nullable: true })
  stateAidFrame: StateAidFrame | null = null;

  @Field(() => String, { description: 'Legal frame (French): the texts the scheme rests on; may be empty.' })
  @Property({ type: 'text', default: '' })
  legalFrame: string = '';

  @Field(() => Boolean, { description: 'False for a scheme no longer offered.' })
  @Property({ type: 'boolean', default: true })
  active: boolean = true;
}
