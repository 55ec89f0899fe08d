import { ArrayType, Collection, Entity, Enum, Index, OneToMany, Property } from '@mikro-orm/core';
import { OptionalProps } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { PartnerKind } from './partner.enums.js';
import { PARTNER_LISTS } from './partner.inputs.js';
import { FundingScheme } from './funding-scheme.entity.js';
import { InterventionCriteria } from './intervention-criteria.entity.js';
import { UuidEntity, Node, MaxItems, SearchText, KeysOf } from '../../server/kit/index.js';

@Entity({ tableName: 'partner' })
@Index({ name: 'partner_name_id_index', properties: ['name', 'id'] })
@ObjectType('Partner', {
  implements: Node,
  simpleResolvers: true,
  description: 'A partner organization of the platform: funder, expert, technical partner, SSE representative or host.',
})
export class Partner extends UuidEntity {
  [OptionalProps]?:
    | 'globalId'
    | 'criteria'
    | 'schemes'
    | 'shortName'
    | 'currentName'
    | 'nameChangedYear'
    | 'roles'
    | 'representsIds'
    | 'description'
    | 'website'
    | 'email'
    | 'technicalCommittee'
    | 'steeringBoard'
    | 'constraints'
    | 'needs'
    | 'contributions'
    | 'active'
    | 'searchText'
    | 'createdAt'
    | 'updatedAt';

  @Field(() => String, { description: 'Stable ASCII identifier, e.g. "conseil-regional".' })
  @Property({ type: 'string', length: 80, unique: true })
  slug!: string;

  @Field(() => String, { description: 'Name, e.g. "Conseil Régional Nord-Pas-de-Calais".' })
  @Property({ type: 'string', length: 200, unique: true })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Acronym or short name, e.g. "CRESS".' })
  @Property({ type: 'string', length: 60, nullable: true })
  shortName: string | null = null;

  @Field(() => String, { nullable: true, description: 'Today\'s name when it changed since `name` (the name the platform knew in 2012), e.g. "DREETS Hauts-de-France"; null when unchanged.' })
  @Property({ type: 'string', length: 200, nullable: true })
  currentName: string | null = null;

  @Field(() => Int, { nullable: true, description: 'Year `currentName` took effect; null when the name did not change or the year is not known.' })
  @Property({ type: 'integer', nullable: true })
  nameChangedYear: number | null = null;

  @Field(() => PartnerKind, { description: 'Main role of the partner (the first of `roles`).' })
  @Enum({ items: () => PartnerKind, nativeEnumName: 'partner_kind' })
  kind!: PartnerKind;

  @Field(() => [PartnerKind], { description: 'Every role of the partner, the main one first (a network may be expert and funder).' })
  @Enum({ items: () => PartnerKind, array: true, default: [] })
  roles: PartnerKind[] = [];

  /** Ids of the partners this one speaks for (`represents`, partner.resolver.ts). */
  @Property({ type: ArrayType, default: '{}' })
  @KeysOf(() => Partner)
  representsIds: string[] = [];

  @Field(() => String, { description: 'What the partner does (French).' })
  @Property({ type: 'text', default: '' })
  description: string = '';

  @Field(() => String, { nullable: true, description: 'Website URL.' })
  @Property({ type: 'string', length: 300, nullable: true })
  website: string | null = null;

  @Field(() => String, { nullable: true, description: 'Contact e-mail address of the partner.' })
  @Property({ type: 'string', length: 254, nullable: true })
  email: string | null = null;

  @Field(() => Boolean, { description: 'Sits in the technical committee (comité technique).' })
  @Property({ type: 'boolean', default: false })
  technicalCommittee: boolean = false;

  @Field(() => Boolean, { description: 'Sits in the steering board (instance de pilotage).' })
  @Property({ type: 'boolean', default: false })
  steeringBoard: boolean = false;

  @MaxItems(30) // as many as the inputs accept, here and below
  @Field(() => [String], { description: 'Constraints the platform must respect for this partner (French).' })
  @Property({ type: ArrayType, default: '{}' })
  constraints: string[] = [];

  @MaxItems(30)
  @Field(() => [String], { description: 'What the partner needs from the platform (French).' })
  @Property({ type: ArrayType, default: '{}' })
  needs: string[] = [];

  @MaxItems(30)
  @Field(() => [String], { description: 'What the partner contributes to the platform (French).' })
  @Property({ type: ArrayType, default: '{}' })
  contributions: string[] = [];

  @Field(() => Boolean, { description: 'False for a partner that left the platform.' })
  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  @Field(() => [InterventionCriteria], { description: "The partner's intervention criteria." })
  @MaxItems(PARTNER_LISTS.criteria)
  @OneToMany(() => InterventionCriteria, (c) => c.partner, { orderBy: { label: 'asc', id: 'asc' } })
  criteria = new Collection<InterventionCriteria>(this);

  /** Every funding scheme, active or not: the `fundingSchemes` field (partner.resolver.ts) shows them. */
  @OneToMany(() => FundingScheme, (s) => s.partner, { orderBy: { name: 'asc', id: 'asc' } })
  schemes = new Collection<FundingScheme>(this);

  /** Lower-case, accent-free name, short name and description for search. */
  @SearchText('name', 'shortName', 'currentName', 'description')
  @Property({ type: 'text', default: '', lazy: true, hidden: true })
  searchText: string = '';

  @Field(() => GraphQLDateTime, { description: 'When the record was created.' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => GraphQLDateTime, { description: 'When the record was last changed.' })
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
