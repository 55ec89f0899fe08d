import { Entity, Enum, ManyToOne, OptionalProps, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { Node, UuidEntity } from '../../server/kit/index.js';
import { Partner } from '../partners/index.js';
import { Person } from '../accounts/index.js';
import { InvitationReason } from './support.enums.js';
import { SupportRequest } from './support-request.entity.js';

/**
 * A partner asked for its position on a request: recorded when the request is qualified (its receiving
 * partner and the partners the matching proposes then) or later by the committee. What a partner is
 * asked, not the whole list of partners, is what its positioning rate and the reminders count.
 */
@Entity({ tableName: 'support_invitation' })
@Unique({ properties: ['request', 'partner'] })
@ObjectType('PositionInvitation', {
  implements: Node,
  simpleResolvers: true,
  description: 'A partner asked for its position on a support request (sollicitation): who, why, when and by whom; the positioning rate and the reminders count these.',
})
export class PositionInvitation extends UuidEntity {
  [OptionalProps]?: 'globalId' | 'invitedAt' | 'invitedBy';

  @Field(() => SupportRequest, { description: 'The request.' })
  @ManyToOne(() => SupportRequest, { ref: true, deleteRule: 'cascade' })
  request!: Ref<SupportRequest>;

  @Field(() => Partner, { description: 'The partner asked.' })
  @ManyToOne(() => Partner, { ref: true, index: true, deleteRule: 'cascade' })
  partner!: Ref<Partner>;

  @Field(() => InvitationReason, { description: 'Why it was asked: proposed by the matching, receiving partner, or added by the committee.' })
  @Enum({ items: () => InvitationReason, nativeEnumName: 'support_invitation_reason' })
  reason!: InvitationReason;

  @Field(() => GraphQLDateTime, { description: 'When it was asked (the qualification, or when the committee added it).' })
  @Property({ type: 'datetime' })
  invitedAt: Date = new Date();

  @Field(() => Person, { nullable: true, description: 'Who asked it; null for the platform itself or once that person is deleted.' })
  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'set null' })
  invitedBy: Ref<Person> | null = null;
}
