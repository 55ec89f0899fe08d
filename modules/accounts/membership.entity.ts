import { Entity, Enum, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { OptionalProps } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Partner } from '../partners/index.js';
import { MembershipRoleEnum } from './account.enums.js';
import { Person } from './person.entity.js';
import { UuidEntity, Node } from '../../server/kit/index.js';

@Entity({ tableName: 'membership' })
@Unique({ properties: ['person', 'partner'] })
@ObjectType('Membership', {
  implements: Node,
  simpleResolvers: true,
  description: 'A person belongs to a partner, with a role.',
})
export class Membership extends UuidEntity {
  [OptionalProps]?: 'globalId' | 'createdAt';

  @Field(() => Person, { description: 'The person.' })
  @ManyToOne(() => Person, { ref: true, index: true, deleteRule: 'cascade' })
  person!: Ref<Person>;

  @Field(() => Partner, { description: 'The partner.' })
  @ManyToOne(() => Partner, { ref: true, index: true, deleteRule: 'cascade' })
  partner!: Ref<Partner>;

  @Field(() => MembershipRoleEnum, { description: 'Role in the partner.' })
  @Enum({ items: () => MembershipRoleEnum, nativeEnumName: 'membership_role' })
  role!: MembershipRoleEnum;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
