import { Collection, Entity, Enum, OneToMany, Property } from '@mikro-orm/core';
import { OptionalProps } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { PlatformRoleEnum } from './account.enums.js';
import { Membership } from './membership.entity.js';
import { UuidEntity, Node } from '../../server/kit/index.js';

@Entity({ tableName: 'person' })
@ObjectType('Person', {
  implements: Node,
  simpleResolvers: true,
  description: "A person using the platform on behalf of partners (a partner's representative, an expert, an administrator).",
})
export class Person extends UuidEntity {
  [OptionalProps]?: 'globalId' | 'platformRole' | 'active' | 'createdAt' | 'memberships';

  @Field(() => String, { description: 'Display name.' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 254, unique: true })
  email!: string;

  @Field(() => PlatformRoleEnum, { nullable: true, description: 'Platform-wide role, if any.' })
  @Enum({ items: () => PlatformRoleEnum, nullable: true, nativeEnumName: 'platform_role' })
  platformRole: PlatformRoleEnum | null = null;

  @Field(() => Boolean, { description: 'False for a person whose access was withdrawn.' })
  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  /** Memberships, like people, are rows only signed-in callers see (ACCOUNT_VISIBILITY in account.policy.ts). */
  @Field(() => [Membership], { description: 'Partners the person belongs to, with their role (signed-in callers only).' })
  @OneToMany(() => Membership, (m) => m.person, { orderBy: { createdAt: 'asc', id: 'asc' } })
  memberships = new Collection<Membership>(this);
}
