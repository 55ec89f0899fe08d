import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { OptionalProps } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Organization } from './organization.entity.js';
import { UuidEntity, Node } from '../../server/kit/index.js';

@Entity({ tableName: 'organization_contact' })
@ObjectType('OrganizationContact', {
  implements: Node,
  simpleResolvers: true,
  description: "A contact person of an organization (personal data: visible to partners only, with the holder's consent).",
})
export class OrganizationContact extends UuidEntity {
  [OptionalProps]?: 'globalId' | 'role' | 'email' | 'phone' | 'isHolder' | 'createdAt';

  @ManyToOne(() => Organization, { ref: true, index: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  @Field(() => String, { description: 'First name.' })
  @Property({ type: 'string', length: 100 })
  firstName!: string;

  @Field(() => String, { description: 'Last name.' })
  @Property({ type: 'string', length: 100 })
  lastName!: string;

  @Field(() => String, { description: 'Role in the organization (French), e.g. "Présidente", "Porteur de projet".' })
  @Property({ type: 'string', length: 100, default: '' })
  role: string = '';

  @Field(() => String, { nullable: true, description: 'E-mail address.' })
  @Property({ type: 'string', length: 254, nullable: true })
  email: string | null = null;

  @Field(() => String, { nullable: true, description: 'Phone number.' })
  @Property({ type: 'string', length: 30, nullable: true })
  phone: string | null = null;

  @Field(() => Boolean, { description: 'True for the project holder (porteur de projet).' })
  @Property({ type: 'boolean', default: false })
  isHolder: boolean = false;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
