import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { OptionalProps } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Node, toGlobalId } from '../../server/relay.js';
import { Partner } from '../partners/index.js';
import { MembershipRoleEnum } from './account.enums.js';
import { Person } from './person.entity.js';

@Entity({ tableName: 'membership' })
@Unique({ properties: ['person', 'partner'] })
@ObjectType('Membership', {
 implements: Node,
 simpleResolvers: true, description: 'A person belongs to a partner, with a role.' })
export class Membership {
  [OptionalProps]?: 'globalId' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID, { name: 'id', description: 'Opaque global id.', simple: false })
  get globalId(): string {
    return toGlobalId('Membership', this.id);
  }

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
