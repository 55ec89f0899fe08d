import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { OptionalProps } from '@mikro-orm/core';
import { Field, Float, ObjectType } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Organization } from './organization.entity.js';
import { AccreditationKind } from './organization.enums.js';
import { UuidEntity, Node, LocalDateType } from '../../server/kit/index.js';

/**
 * An agrément or conventionnement an organization holds, apart from its legal form: an ACI run by an
 * association, an EI run by a SARL, an ESUS accreditation of a SCOP. Each has its dates; whether it is
 * valid is read at the platform's reference date (`valid`).
 */
@Entity({ tableName: 'accreditation' })
@ObjectType('Accreditation', {
  implements: Node,
  simpleResolvers: true,
  description: 'An agrément or conventionnement held by an organization (SIAE kinds, ESUS, EA, ESAT, SAP, JEP, intérêt général), with its dates.',
})
export class Accreditation extends UuidEntity {
  [OptionalProps]?: 'globalId' | 'until' | 'postsFte' | 'reference';

  @Field(() => Organization, { description: 'The organization (legal entity) that holds it.' })
  @ManyToOne(() => Organization, { ref: true, index: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  @Field(() => AccreditationKind, { description: 'What it is.' })
  @Enum({ items: () => AccreditationKind, nativeEnumName: 'accreditation_kind' })
  kind!: AccreditationKind;

  @Field(() => GraphQLLocalDate, { description: 'First day it applies.' })
  @Property({ type: LocalDateType })
  since!: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Last day it applies (ESUS: 5 years, 2 for a young company; SIAE: the conventionnement’s end); null when open-ended.' })
  @Property({ type: LocalDateType, nullable: true })
  until: string | null = null;

  @Field(() => Float, { nullable: true, description: 'Insertion posts it funds, in full-time equivalents (SIAE conventionnements only).' })
  @Property({ type: 'double', nullable: true })
  postsFte: number | null = null;

  @Field(() => String, { nullable: true, description: 'Number or reference of the decision (arrêté, convention), as written on it.' })
  @Property({ type: 'string', length: 60, nullable: true })
  reference: string | null = null;
}
