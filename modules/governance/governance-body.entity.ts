import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, OptionalProps, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { MaxItems, Node, UuidEntity } from '../../server/kit/index.js';
import { Partner } from '../partners/index.js';
import { Person } from '../accounts/index.js';
import { BodyKind, DecisionMode, Majority, MeetingMode, MemberRole } from './governance.enums.js';

/** Limits shared by the columns and the inputs. */
export const BODY_LIMITS = { name: 200, description: 2_000, rhythm: 100, members: 60, quorum: 60 } as const;

/** Whether a new body of `kind` adopts the charter when its creator does not say (the steering board does). */
export const adoptsCharterByDefault = (kind: BodyKind): boolean => kind === BodyKind.STEERING_BOARD;

/** How French messages name a body. */
export const GOVERNANCE_BODY_LABEL = 'Instance';

@Entity({ tableName: 'governance_body' })
@Index({ properties: ['name', 'id'] }) // the list's order
@ObjectType('GovernanceBody', {
  implements: Node,
  simpleResolvers: true,
  description: 'A governance body of the platform (technical committee or steering board): its members, its rules (quorum, decision mode, majority), its rhythm and meeting mode.',
})
export class GovernanceBody extends UuidEntity {
  [OptionalProps]?: 'globalId' | 'description' | 'createdAt' | 'members' | 'adoptsCharter';

  @Field(() => BodyKind, { description: 'Kind of body.' })
  @Enum({ items: () => BodyKind, nativeEnumName: 'governance_body_kind' })
  kind!: BodyKind;

  @Field(() => String, { description: 'Name (French), e.g. « Comité technique ».' })
  @Property({ type: 'string', length: BODY_LIMITS.name, unique: true })
  name!: string;

  @Field(() => String, { description: 'What the body does (French).' })
  @Property({ type: 'text', default: '' })
  description: string = '';

  @Field(() => Int, { description: 'Quorum: how many voting members (members with a vote) must be present, in the room or remote, before any decision or vote.' })
  @Property({ type: 'integer' })
  quorum!: number;

  @Field(() => DecisionMode, { description: 'How the body decides by default (a decision may say otherwise).' })
  @Enum({ items: () => DecisionMode, nativeEnumName: 'governance_decision_mode' })
  decisionMode!: DecisionMode;

  @Field(() => Majority, { description: 'The majority a vote needs.' })
  @Enum({ items: () => Majority, nativeEnumName: 'governance_majority' })
  majority!: Majority;

  @Field(() => String, { description: 'Rhythm of its sessions (French), e.g. « mensuel ».' })
  @Property({ type: 'string', length: BODY_LIMITS.rhythm })
  rhythm!: string;

  @Field(() => MeetingMode, { description: 'How it usually meets.' })
  @Enum({ items: () => MeetingMode, nativeEnumName: 'governance_meeting_mode' })
  meetingMode!: MeetingMode;

  @Field(() => Boolean, {
    description:
      'True when this body’s decisions may adopt or reject amendments of the partnership charter (and adopt its first version): each governance model says which body holds the charter. Default at creation: true for a steering board, false for a technical committee; set by administrators only.',
  })
  @Property({ type: 'boolean', default: false })
  adoptsCharter: boolean = false;

  @Field(() => [BodyMember], { description: 'Its members: chair and secretary first, then by rank of creation.' })
  @MaxItems(BODY_LIMITS.members)
  @OneToMany(() => BodyMember, (m) => m.body, { orderBy: { rank: 'asc', id: 'asc' } })
  members = new Collection<BodyMember>(this);

  @Field(() => GraphQLDateTime, { description: 'When it was created.' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}

@Entity({ tableName: 'governance_body_member' })
@Unique({ properties: ['body', 'partner'] })
@ObjectType('BodyMember', { implements: Node, simpleResolvers: true, description: 'A partner sitting on a body, with its representative, role and vote.' })
export class BodyMember extends UuidEntity {
  [OptionalProps]?: 'globalId' | 'person' | 'rank';

  @ManyToOne(() => GovernanceBody, { ref: true, deleteRule: 'cascade' })
  body!: Ref<GovernanceBody>;

  @Field(() => Partner, { description: 'The partner sitting on the body.' })
  @ManyToOne(() => Partner, { ref: true, index: true, deleteRule: 'cascade' })
  partner!: Ref<Partner>;

  @Field(() => Person, { nullable: true, description: 'Its representative, when named.' })
  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'set null' })
  person: Ref<Person> | null = null;

  @Field(() => MemberRole, { description: 'Its role.' })
  @Enum({ items: () => MemberRole, nativeEnumName: 'governance_member_role' })
  role!: MemberRole;

  @Field(() => Boolean, { description: 'True when it votes (observers never do).' })
  @Property({ type: 'boolean' })
  votes!: boolean;

  /** Order in the body: 0 chair, 1 secretary, 2 members, 3 observers. */
  @Property({ type: 'integer', default: 2 })
  rank: number = 2;
}

/** The rank that orders members: chair, secretary, members, observers. */
export const ROLE_RANK: Record<MemberRole, number> = { CHAIR: 0, SECRETARY: 1, MEMBER: 2, OBSERVER: 3 };
