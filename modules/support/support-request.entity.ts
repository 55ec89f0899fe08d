import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, OptionalProps, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { MaxItems, Node, UuidEntity } from '../../server/kit/index.js';
import { LegalForm, Organization, Stage } from '../organizations/index.js';
import { NeedType, Partner } from '../partners/index.js';
import { Sector } from '../sectors/index.js';
import { Commune } from '../territory/index.js';
import { Person } from '../accounts/index.js';
import { IntakeChannel, SupportStatus } from './support.enums.js';
import { PartnerPosition } from './partner-position.entity.js';
import { StrategyDecision, SupportAction } from './strategy.entity.js';
import { SupportDocument } from './support-document.entity.js';
import { PositionInvitation } from './position-invitation.entity.js';

/** Limits shared by the columns, the inputs' rules and their messages. */
export const SUPPORT_LIMITS = {
  holderName: 200,
  holderContact: 254,
  title: 200,
  description: 5_000,
  useOfFunds: 2_000,
  reason: 1_000,
  /** The most euros a request may seek (10 million). */
  amount: 10_000_000,
  /** Status changes a request shows (a request moves through at most 7 statuses). */
  history: 20,
} as const;

/** How French messages name a request. */
export const SUPPORT_REQUEST_LABEL = 'Demande d’accompagnement';

@Entity({ tableName: 'support_request' })
@Index({ properties: ['receivedAt', 'id'] }) // the list's keyset order
@Index({ properties: ['status'] })
@ObjectType('SupportRequest', {
  implements: Node,
  simpleResolvers: true,
  description:
    'A support request (demande d’accompagnement): technical and/or financial help sought by a project holder, received by any partner and examined collectively. Without the holder’s consent to share, only the receiving partner (and administrators) see it.',
})
export class SupportRequest extends UuidEntity {
  [OptionalProps]?:
    | 'globalId'
    | 'organization'
    | 'holderName'
    | 'holderContact'
    | 'targetLegalForm'
    | 'technicalNeed'
    | 'financialNeed'
    | 'amountSought'
    | 'needTypes'
    | 'useOfFunds'
    | 'description'
    | 'consentToShare'
    | 'status'
    | 'version'
    | 'receivedAt'
    | 'statusChangedAt'
    | 'qualifiedAt'
    | 'createdAt'
    | 'updatedAt'
    | 'history'
    | 'positions'
    | 'invitations'
    | 'actions'
    | 'decision'
    | 'documents'
    | 'satisfactionScore'
    | 'satisfactionComment'
    | 'satisfactionRecordedAt';

  @Field(() => String, { description: 'Short title of the project, e.g. "Atelier vélo solidaire".' })
  @Property({ type: 'string', length: SUPPORT_LIMITS.title })
  title!: string;

  @Field(() => Organization, {
    nullable: true,
    description: 'The holder when it is an organization of the directory; set later for a project holder whose structure is created, the history kept.',
  })
  @ManyToOne(() => Organization, { ref: true, nullable: true, index: true, deleteRule: 'set null' })
  organization: Ref<Organization> | null = null;

  @Field(() => String, { nullable: true, description: 'Name of the project holder (a person) when the project is not yet an organization of the directory.' })
  @Property({ type: 'string', length: SUPPORT_LIMITS.holderName, nullable: true })
  holderName: string | null = null;

  @Field(() => String, { nullable: true, description: 'How to reach the project holder (e-mail or phone).' })
  @Property({ type: 'string', length: SUPPORT_LIMITS.holderContact, nullable: true })
  holderContact: string | null = null;

  @Field(() => Partner, { description: 'The partner that received the request.' })
  @ManyToOne(() => Partner, { ref: true, index: true, deleteRule: 'restrict' })
  receivingPartner!: Ref<Partner>;

  @Field(() => IntakeChannel, { description: 'How the request reached the platform.' })
  @Enum({ items: () => IntakeChannel, nativeEnumName: 'intake_channel' })
  intakeChannel!: IntakeChannel;

  @Field(() => Stage, { description: 'Stage of the project at the request (creation, development, consolidation…).' })
  @Enum({ items: () => Stage, nativeEnumName: 'stage' })
  stage!: Stage;

  @Field(() => LegalForm, {
    nullable: true,
    description: 'The legal form the project leads to (a SARL taken over as a SCOP, the association a holder will create): matching checks criteria against it; null: the organization’s.',
  })
  @Enum({ items: () => LegalForm, nativeEnumName: 'legal_form', nullable: true })
  targetLegalForm: LegalForm | null = null;

  @Field(() => Boolean, { description: 'Technical help is sought (advice, diagnosis, coaching).' })
  @Property({ type: 'boolean', default: false })
  technicalNeed: boolean = false;

  @Field(() => Boolean, { description: 'Financial help is sought.' })
  @Property({ type: 'boolean', default: false })
  financialNeed: boolean = false;

  @Field(() => Int, { nullable: true, description: 'Amount sought, in euros; null when no money is sought or not yet known.' })
  @Property({ type: 'integer', nullable: true })
  amountSought: number | null = null;

  @Field(() => [NeedType], { description: 'What the help is for (investment, working capital, operations, technical support).' })
  @Enum({ items: () => NeedType, array: true, default: [] })
  needTypes: NeedType[] = [];

  @Field(() => String, { description: 'Use of the funds, in the holder’s words (French).' })
  @Property({ type: 'text', default: '' })
  useOfFunds: string = '';

  @Field(() => Sector, { description: 'Sector (filière) of the project.' })
  @ManyToOne(() => Sector, { ref: true, index: true, fieldName: 'sector_code', deleteRule: 'restrict' })
  sector!: Ref<Sector>;

  @Field(() => Commune, { description: 'Commune where the project takes place.' })
  @ManyToOne(() => Commune, { ref: true, index: true, deleteRule: 'restrict' })
  commune!: Ref<Commune>;

  @Field(() => String, { description: 'The request as the holder put it (French).' })
  @Property({ type: 'text', default: '' })
  description: string = '';

  @Field(() => Boolean, { description: 'The holder consented to share the request with the platform’s partners; without it only the receiving partner sees it.' })
  @Property({ type: 'boolean', default: false })
  consentToShare: boolean = false;

  @Field(() => SupportStatus, { description: 'Where the request stands.' })
  @Enum({ items: () => SupportStatus, nativeEnumName: 'support_status', default: SupportStatus.RECEIVED })
  status: SupportStatus = SupportStatus.RECEIVED;

  @Field(() => Int, { description: 'Version, raised by every change: give it back as `expectedVersion` so that a concurrent change is refused (CONFLICT) rather than overwritten.' })
  @Property({ type: 'integer', default: 1 })
  version: number = 1;

  @Field(() => GraphQLDateTime, { description: 'When the request was received.' })
  @Property({ type: 'datetime' })
  receivedAt: Date = new Date();

  @Field(() => GraphQLDateTime, { description: 'When the status last changed.' })
  @Property({ type: 'datetime' })
  statusChangedAt: Date = new Date();

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When the request was qualified (partners are asked for their position from then on).' })
  @Property({ type: 'datetime', nullable: true })
  qualifiedAt: Date | null = null;

  @Field(() => GraphQLDateTime, { description: 'When the record was created.' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => GraphQLDateTime, { description: 'When the record was last changed.' })
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @MaxItems(SUPPORT_LIMITS.history)
  @Field(() => [StatusChange], { description: 'Every status change, oldest first: who, when, from, to and why.' })
  @OneToMany(() => StatusChange, (c) => c.request, { orderBy: { at: 'asc', id: 'asc' } })
  history = new Collection<StatusChange>(this);

  @MaxItems(100)
  @Field(() => [PartnerPosition], { description: "The partners' current positions, the first answered first (each with its earlier versions); never shown to the holder." })
  @OneToMany(() => PartnerPosition, (p) => p.request, { orderBy: { recordedAt: 'asc', id: 'asc' } })
  positions = new Collection<PartnerPosition>(this);

  @MaxItems(100)
  @Field(() => [PositionInvitation], { description: 'The partners asked for their position (at the qualification, or added by the committee), the first asked first; never shown to the holder.' })
  @OneToMany(() => PositionInvitation, (i) => i.request, { orderBy: { invitedAt: 'asc', id: 'asc' } })
  invitations = new Collection<PositionInvitation>(this);

  @MaxItems(30)
  @Field(() => [SupportAction], { description: 'The shared action plan, by due date.' })
  @OneToMany(() => SupportAction, (a) => a.request, { orderBy: { dueOn: 'asc', id: 'asc' } })
  actions = new Collection<SupportAction>(this);

  @MaxItems(1)
  @Field(() => [StrategyDecision], { description: 'The committee’s decision on the strategy (one at most; empty before).' })
  @OneToMany(() => StrategyDecision, (d) => d.request)
  decision = new Collection<StrategyDecision>(this);

  @MaxItems(40) // DOCUMENT_LIMITS.perRequest
  @Field(() => [SupportDocument], { description: 'The documents attached (statutes, accounts, cash plan…), the first added first; see `missingDocuments`.' })
  @OneToMany(() => SupportDocument, (d) => d.request, { orderBy: { addedAt: 'asc', id: 'asc' } })
  documents = new Collection<SupportDocument>(this);

  @Field(() => Int, { nullable: true, description: 'The holder’s satisfaction after closing, from 1 to 5; null when not given.' })
  @Property({ type: 'smallint', nullable: true })
  satisfactionScore: number | null = null;

  @Field(() => String, { nullable: true, description: 'The holder’s comment after closing.' })
  @Property({ type: 'text', nullable: true })
  satisfactionComment: string | null = null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When the holder’s feedback was recorded.' })
  @Property({ type: 'datetime', nullable: true })
  satisfactionRecordedAt: Date | null = null;
}

@Entity({ tableName: 'support_status_change' })
@ObjectType('StatusChange', { implements: Node, simpleResolvers: true, description: 'A change of status of a support request: who, when, from, to, why.' })
export class StatusChange extends UuidEntity {
  [OptionalProps]?: 'globalId' | 'from' | 'by' | 'reason' | 'at';

  @ManyToOne(() => SupportRequest, { ref: true, index: true, deleteRule: 'cascade' })
  request!: Ref<SupportRequest>;

  @Field(() => SupportStatus, { nullable: true, description: 'Status before; null for the reception.' })
  @Enum({ items: () => SupportStatus, nativeEnumName: 'support_status', nullable: true })
  from: SupportStatus | null = null;

  @Field(() => SupportStatus, { description: 'Status after.' })
  @Enum({ items: () => SupportStatus, nativeEnumName: 'support_status' })
  to!: SupportStatus;

  @Field(() => Person, { nullable: true, description: 'Who changed it; null for the platform itself.' })
  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'set null' })
  by: Ref<Person> | null = null;

  @Field(() => String, { description: 'Why (French); empty when not said.' })
  @Property({ type: 'text', default: '' })
  reason: string = '';

  @Field(() => GraphQLDateTime, { description: 'When.' })
  @Property({ type: 'datetime' })
  at: Date = new Date();
}
