import { ArrayType, Collection, Entity, Enum, Index, ManyToOne, OneToMany, OptionalProps, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { GraphQLDateTime, GraphQLLocalDate } from 'graphql-scalars';
import { LocalDateType, MaxItems, Node, UuidEntity, registerLabelledEnum } from '../../server/kit/index.js';
import { Partner } from '../partners/index.js';
import { Person } from '../accounts/index.js';
import { GovernanceBody } from './governance-body.entity.js';

/*
 * The partnership charter (charte de partenariat): versions of numbered articles, each adopted by a
 * body's decision; amendments proposed by a partner's person, adopted (a new version) or rejected by a
 * body, or withdrawn; signatures of a version per partner, with the commitments the partner held when
 * it signed (its contributions, constraints and needs, from the partners module).
 */

/** Limits shared by the columns and the inputs. */
export const CHARTER_LIMITS = {
  title: 300,
  articleTitle: 200,
  articleText: 10_000,
  summary: 2_000,
  rationale: 5_000,
  reference: 100,
  articles: 60,
  changes: 20,
  versions: 100,
  signatures: 200,
} as const;

/** Where a proposed amendment stands. */
export enum AmendmentStatus {
  PROPOSED = 'PROPOSED',
  ADOPTED = 'ADOPTED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}
registerLabelledEnum(AmendmentStatus, {
  name: 'AmendmentStatus',
  description: 'Where a proposed amendment of the charter stands.',
  labels: { PROPOSED: 'Proposé', ADOPTED: 'Adopté', REJECTED: 'Rejeté', WITHDRAWN: 'Retiré' },
});

/** What one change of an amendment does to the articles of the version it amends. */
export enum AmendmentChangeKind {
  REPLACE = 'REPLACE',
  INSERT = 'INSERT',
  REMOVE = 'REMOVE',
}
registerLabelledEnum(AmendmentChangeKind, {
  name: 'AmendmentChangeKind',
  description: 'What one change of an amendment does, numbers being those of the version amended (the new version is numbered again from 1).',
  labels: { REPLACE: 'Remplace l’article', INSERT: 'Insère un article avant celui de ce numéro (nombre + 1 : à la fin)', REMOVE: 'Supprime l’article' },
});

@Entity({ tableName: 'charter' })
@ObjectType('Charter', { implements: Node, simpleResolvers: true, description: 'The partnership charter of the platform (charte de partenariat): its versions, amendments and signatures.' })
export class Charter extends UuidEntity {
  [OptionalProps]?: 'globalId' | 'createdAt' | 'versions';

  @Field(() => String, { description: 'Title (French), e.g. « Charte de partenariat de la plate-forme ESS du Boulonnais ».' })
  @Property({ type: 'string', length: CHARTER_LIMITS.title })
  title!: string;

  /** Number of the current version (`currentVersion`, charter.resolver.ts). */
  @Property({ type: 'integer' })
  currentNumber!: number;

  @Field(() => [CharterVersion], { description: 'Every version, the latest first.' })
  @MaxItems(CHARTER_LIMITS.versions)
  @OneToMany(() => CharterVersion, (v) => v.charter, { orderBy: { number: 'desc', id: 'asc' } })
  versions = new Collection<CharterVersion>(this);

  @Field(() => GraphQLDateTime, { description: 'When it was written in the platform.' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}

@Entity({ tableName: 'charter_version' })
@Unique({ properties: ['charter', 'number'] })
@ObjectType('CharterVersion', { implements: Node, simpleResolvers: true, description: 'One version of the charter: its numbered articles and the body’s decision that adopted it.' })
export class CharterVersion extends UuidEntity {
  [OptionalProps]?: 'globalId' | 'recordedBy' | 'recordedAt' | 'articles' | 'signatures' | 'adoptedBy';

  @ManyToOne(() => Charter, { ref: true, deleteRule: 'cascade' })
  charter!: Ref<Charter>;

  @Field(() => Int, { description: 'Version number: 1, 2, 3…' })
  @Property({ type: 'integer' })
  number!: number;

  @Field(() => String, { description: 'What this version brings (French), e.g. « Version initiale » or the amendment adopted.' })
  @Property({ type: 'string', length: CHARTER_LIMITS.summary })
  summary!: string;

  @Field(() => GovernanceBody, { nullable: true, description: 'The body whose decision adopted it (null once that body is deleted).' })
  @ManyToOne(() => GovernanceBody, { ref: true, nullable: true, index: true, deleteRule: 'set null' })
  adoptedBy: Ref<GovernanceBody> | null = null;

  @Field(() => GraphQLLocalDate, { description: 'Day of the decision.' })
  @Property({ type: LocalDateType })
  decidedOn!: string;

  @Field(() => String, { description: 'Reference of the decision, e.g. « IP-2026-04 ».' })
  @Property({ type: 'string', length: CHARTER_LIMITS.reference })
  decisionReference!: string;

  @Field(() => Person, { nullable: true, description: 'Who recorded the decision in the platform.' })
  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'set null' })
  recordedBy: Ref<Person> | null = null;

  @Field(() => GraphQLDateTime, { description: 'When the decision was recorded.' })
  @Property({ type: 'datetime' })
  recordedAt: Date = new Date();

  @Field(() => [CharterArticle], { description: 'Its articles, by number.' })
  @MaxItems(CHARTER_LIMITS.articles)
  @OneToMany(() => CharterArticle, (a) => a.version, { orderBy: { number: 'asc', id: 'asc' } })
  articles = new Collection<CharterArticle>(this);

  @Field(() => [CharterSignature], { description: 'Signatures of this very version, in the order they were given.' })
  @MaxItems(CHARTER_LIMITS.signatures)
  @OneToMany(() => CharterSignature, (s) => s.version, { orderBy: { signedOn: 'asc', id: 'asc' } })
  signatures = new Collection<CharterSignature>(this);
}

@Entity({ tableName: 'charter_article' })
@Unique({ properties: ['version', 'number'] })
@ObjectType('CharterArticle', { implements: Node, simpleResolvers: true, description: 'A numbered article of a charter version (French text).' })
export class CharterArticle extends UuidEntity {
  [OptionalProps]?: 'globalId';

  @ManyToOne(() => CharterVersion, { ref: true, deleteRule: 'cascade' })
  version!: Ref<CharterVersion>;

  @Field(() => Int, { description: 'Article number: 1, 2, 3…' })
  @Property({ type: 'integer' })
  number!: number;

  @Field(() => String, { description: 'Title (French), e.g. « Objet de la charte ».' })
  @Property({ type: 'string', length: CHARTER_LIMITS.articleTitle })
  title!: string;

  @Field(() => String, { description: 'Text (French).' })
  @Property({ type: 'text' })
  text!: string;
}

@Entity({ tableName: 'charter_amendment' })
@Index({ properties: ['proposedAt', 'id'] }) // the list's order
@ObjectType('CharterAmendment', { implements: Node, simpleResolvers: true, description: 'An amendment of the charter proposed by a partner: its changes, and the body’s decision on it.' })
export class CharterAmendment extends UuidEntity {
  [OptionalProps]?: 'globalId' | 'status' | 'proposedAt' | 'proposedBy' | 'changes' | 'decidedBy' | 'decidedOn' | 'decisionReference' | 'decisionRecordedBy' | 'resultingVersion' | 'closedAt';

  @ManyToOne(() => Charter, { ref: true, index: true, deleteRule: 'cascade' })
  charter!: Ref<Charter>;

  @Field(() => CharterVersion, { description: 'The version it amends (its article numbers are this version’s).' })
  @ManyToOne(() => CharterVersion, { ref: true, index: true, deleteRule: 'cascade' })
  baseVersion!: Ref<CharterVersion>;

  @Field(() => String, { description: 'Title (French).' })
  @Property({ type: 'string', length: CHARTER_LIMITS.title })
  title!: string;

  @Field(() => String, { description: 'Why (French: exposé des motifs).' })
  @Property({ type: 'text' })
  rationale!: string;

  @Field(() => AmendmentStatus, { description: 'Where it stands.' })
  @Enum({ items: () => AmendmentStatus, nativeEnumName: 'charter_amendment_status', default: AmendmentStatus.PROPOSED })
  status: AmendmentStatus = AmendmentStatus.PROPOSED;

  @Field(() => Partner, { description: 'The partner proposing it.' })
  @ManyToOne(() => Partner, { ref: true, index: true, deleteRule: 'cascade' })
  partner!: Ref<Partner>;

  @Field(() => Person, { nullable: true, description: 'The person who proposed it for the partner.' })
  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'set null' })
  proposedBy: Ref<Person> | null = null;

  @Field(() => GraphQLDateTime, { description: 'When it was proposed.' })
  @Property({ type: 'datetime' })
  proposedAt: Date = new Date();

  @Field(() => [CharterAmendmentChange], { description: 'Its changes, in order.' })
  @MaxItems(CHARTER_LIMITS.changes)
  @OneToMany(() => CharterAmendmentChange, (c) => c.amendment, { orderBy: { rank: 'asc', id: 'asc' } })
  changes = new Collection<CharterAmendmentChange>(this);

  @Field(() => GovernanceBody, { nullable: true, description: 'The body that adopted or rejected it.' })
  @ManyToOne(() => GovernanceBody, { ref: true, nullable: true, deleteRule: 'set null' })
  decidedBy: Ref<GovernanceBody> | null = null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Day of the body’s decision.' })
  @Property({ type: LocalDateType, nullable: true })
  decidedOn: string | null = null;

  @Field(() => String, { nullable: true, description: 'Reference of the body’s decision.' })
  @Property({ type: 'string', length: CHARTER_LIMITS.reference, nullable: true })
  decisionReference: string | null = null;

  @Field(() => Person, { nullable: true, description: 'Who recorded the decision, or withdrew it.' })
  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'set null' })
  decisionRecordedBy: Ref<Person> | null = null;

  @Field(() => CharterVersion, { nullable: true, description: 'The version its adoption produced.' })
  @ManyToOne(() => CharterVersion, { ref: true, nullable: true, deleteRule: 'set null' })
  resultingVersion: Ref<CharterVersion> | null = null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When it was adopted, rejected or withdrawn.' })
  @Property({ type: 'datetime', nullable: true })
  closedAt: Date | null = null;
}

@Entity({ tableName: 'charter_amendment_change' })
@ObjectType('CharterAmendmentChange', { implements: Node, simpleResolvers: true, description: 'One change of an amendment: replace, insert or remove an article.' })
export class CharterAmendmentChange extends UuidEntity {
  [OptionalProps]?: 'globalId' | 'title' | 'text';

  @ManyToOne(() => CharterAmendment, { ref: true, index: true, deleteRule: 'cascade' })
  amendment!: Ref<CharterAmendment>;

  /** Order of the change in the amendment. */
  @Property({ type: 'integer' })
  rank!: number;

  @Field(() => AmendmentChangeKind, { description: 'What it does.' })
  @Enum({ items: () => AmendmentChangeKind, nativeEnumName: 'charter_amendment_change_kind' })
  kind!: AmendmentChangeKind;

  @Field(() => Int, { description: 'The article it concerns, numbered as in the version amended (INSERT: the new article comes before this one).' })
  @Property({ type: 'integer' })
  articleNumber!: number;

  @Field(() => String, { nullable: true, description: 'The new title (REPLACE, INSERT).' })
  @Property({ type: 'string', length: CHARTER_LIMITS.articleTitle, nullable: true })
  title: string | null = null;

  @Field(() => String, { nullable: true, description: 'The new text (REPLACE, INSERT).' })
  @Property({ type: 'text', nullable: true })
  text: string | null = null;
}

@Entity({ tableName: 'charter_signature' })
@Unique({ properties: ['version', 'partner'] })
@ObjectType('CharterSignature', { implements: Node, simpleResolvers: true, description: 'A partner’s signature of one charter version, with the commitments it held when signing.' })
export class CharterSignature extends UuidEntity {
  [OptionalProps]?: 'globalId' | 'recordedAt' | 'recordedBy' | 'signatory' | 'contributions' | 'constraints' | 'needs';

  @ManyToOne(() => Charter, { ref: true, index: true, deleteRule: 'cascade' })
  charter!: Ref<Charter>;

  @Field(() => CharterVersion, { description: 'The version signed.' })
  @ManyToOne(() => CharterVersion, { ref: true, deleteRule: 'cascade' })
  version!: Ref<CharterVersion>;

  /** The signed version's number (which partners signed the current one, in one statement). */
  @Field(() => Int, { description: 'Number of the version signed.' })
  @Property({ type: 'integer' })
  versionNumber!: number;

  @Field(() => Partner, { description: 'The partner signing.' })
  @ManyToOne(() => Partner, { ref: true, index: true, deleteRule: 'cascade' })
  partner!: Ref<Partner>;

  @Field(() => Person, { nullable: true, description: 'The person who signed for the partner.' })
  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'set null' })
  signatory: Ref<Person> | null = null;

  @Field(() => GraphQLLocalDate, { description: 'Day of the signature.' })
  @Property({ type: LocalDateType })
  signedOn!: string;

  @Field(() => GraphQLDateTime, { description: 'When it was recorded.' })
  @Property({ type: 'datetime' })
  recordedAt: Date = new Date();

  @Field(() => Person, { nullable: true, description: 'Who recorded it (the signatory, or an administrator for a paper signature).' })
  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'set null' })
  recordedBy: Ref<Person> | null = null;

  @MaxItems(30)
  @Field(() => [String], { description: 'What the partner contributed to the platform when it signed (French, from the partner’s record).' })
  @Property({ type: ArrayType, default: '{}' })
  contributions: string[] = [];

  @MaxItems(30)
  @Field(() => [String], { description: 'The constraints the platform respects for it, when it signed (French).' })
  @Property({ type: ArrayType, default: '{}' })
  constraints: string[] = [];

  @MaxItems(30)
  @Field(() => [String], { description: 'What it needed from the platform when it signed (French).' })
  @Property({ type: ArrayType, default: '{}' })
  needs: string[] = [];
}

/** A partner expected to sign, and where it stands with the current version. */
@ObjectType('CharterSignatory', { description: 'An active partner and its signature of the current charter version (null when it has not signed it).' })
export class CharterSignatory {
  @Field(() => Partner, { description: 'The partner (its current contributions, constraints and needs are on it).' })
  partner!: Partner;

  @Field(() => Boolean, { description: 'True when it signed the current version.' })
  signed!: boolean;

  @Field(() => CharterSignature, { nullable: true, description: 'Its signature of the current version, with the commitments it signed.' })
  signature!: CharterSignature | null;

  @Field(() => CharterSignature, { nullable: true, description: 'Its latest signature of an earlier version, when it has not signed the current one.' })
  earlierSignature!: CharterSignature | null;
}
