import { Entity, Enum, Index, ManyToOne, OptionalProps, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { FileType, Needs, Node, StoredFile, UuidEntity } from '../../server/kit/index.js';
import { Partner } from '../partners/index.js';
import { Person } from '../accounts/index.js';
import { DocumentKind } from './support.enums.js';
import { SupportRequest } from './support-request.entity.js';

/** Limits of the documents of a request: their number, size, types and title. */
export const DOCUMENT_LIMITS = {
  /** Documents one request holds. */
  perRequest: 40,
  /** Largest document, in bytes (10 MiB: a scanned set of accounts). */
  maxBytes: 10 * 1024 * 1024,
  title: 200,
  /** What people send: PDF, scans, office files, spreadsheets. */
  types: [FileType.pdf, FileType.png, FileType.jpeg, FileType.docx, FileType.xlsx, FileType.odt, FileType.csv] as readonly FileType[],
} as const;

/**
 * A document attached to a support request (statutes, accounts, cash plan…): its bytes are a stored
 * file of the kit (size and type checked, kept under FILES_DIR); who sees the request sees its
 * documents, on every path (the visibility follows the request), and downloads them at `downloadPath`.
 */
@Entity({ tableName: 'support_document' })
@Index({ properties: ['request', 'addedAt'] })
@ObjectType('SupportDocument', {
  implements: Node,
  simpleResolvers: true,
  description: 'A document attached to a support request (statutes, accounts, cash plan…), downloaded at `downloadPath` with the same token.',
})
export class SupportDocument extends UuidEntity {
  [OptionalProps]?: 'globalId' | 'downloadPath' | 'title' | 'addedBy' | 'addedByPartner' | 'addedAt';

  @Field(() => SupportRequest, { description: 'The request it belongs to.' })
  @ManyToOne(() => SupportRequest, { ref: true, deleteRule: 'cascade' })
  request!: Ref<SupportRequest>;

  @Field(() => DocumentKind, { description: 'What the document is.' })
  @Enum({ items: () => DocumentKind, nativeEnumName: 'support_document_kind' })
  kind!: DocumentKind;

  @Field(() => String, { description: 'A title (French); empty: the file’s name stands for it.' })
  @Property({ type: 'string', length: DOCUMENT_LIMITS.title, default: '' })
  title: string = '';

  @Field(() => StoredFile, { description: 'The file: its name, type, size and checksum.' })
  @ManyToOne(() => StoredFile, { ref: true, deleteRule: 'restrict' })
  file!: Ref<StoredFile>;

  @Field(() => Person, { nullable: true, description: 'Who added it; null once that person is deleted.' })
  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'set null' })
  addedBy: Ref<Person> | null = null;

  @Field(() => Partner, { nullable: true, description: 'The partner of the person who added it (null for an administrator outside any partner).' })
  @ManyToOne(() => Partner, { ref: true, nullable: true, deleteRule: 'set null' })
  addedByPartner: Ref<Partner> | null = null;

  @Field(() => GraphQLDateTime, { description: 'When it was added.' })
  @Property({ type: 'datetime' })
  addedAt: Date = new Date();

  @Needs('id')
  @Field(() => String, { description: 'Where to download it (GET with the same bearer token), relative to the server: `/files/support/documents/<id>`.' })
  get downloadPath(): string {
    return `/files/support/documents/${this.globalId}`;
  }
}
