import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { OptionalProps } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Stage } from '../organizations/index.js';
import { FundingSchemeKind } from './partner.enums.js';
import { Partner } from './partner.entity.js';
import { UuidEntity, Node } from '../../server/kit/index.js';

@Entity({ tableName: 'funding_scheme' })
@Index({ name: 'funding_scheme_name_id_index', properties: ['name', 'id'] })
@ObjectType('FundingScheme', {
  implements: Node,
  simpleResolvers: true,
  description: 'A funding scheme (dispositif) a partner can mobilise: grant, loan, honour loan, guarantee, equity or support programme.',
})
export class FundingScheme extends UuidEntity {
  [OptionalProps]?: 'globalId' | 'description' | 'eligibility' | 'minAmount' | 'maxAmount' | 'stages' | 'active';

  @Field(() => Partner, { description: 'The partner that mobilises the scheme.' })
  @ManyToOne(() => Partner, { ref: true, index: true, deleteRule: 'cascade' })
  partner!: Ref<Partner>;

  @Field(() => String, { description: 'Name (French).' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => FundingSchemeKind, { description: 'Kind of scheme.' })
  @Enum({ items: () => FundingSchemeKind, nativeEnumName: 'funding_scheme_kind' })
  kind!: FundingSchemeKind;

  @Field(() => String, { description: 'What the scheme offers (French).' })
  @Property({ type: 'text', default: '' })
  description: string = '';

  @Field(() => String, { description: 'Who is eligible and on what conditions (French).' })
  @Property({ type: 'text', default: '' })
  eligibility: string = '';

  @Field(() => Int, { nullable: true, description: 'Smallest amount, in euros.' })
  @Property({ type: 'integer', nullable: true })
  minAmount: number | null = null;

  @Field(() => Int, { nullable: true, description: 'Largest amount, in euros.' })
  @Property({ type: 'integer', nullable: true })
  maxAmount: number | null = null;

  @Field(() => [Stage], { description: 'Stages the scheme is for; empty: every stage.' })
  @Enum({ items: () => Stage, array: true, default: [] })
  stages: Stage[] = [];

  @Field(() => Boolean, { description: 'False for a scheme no longer offered.' })
  @Property({ type: 'boolean', default: true })
  active: boolean = true;
}
