import { randomUUID } from 'node:crypto';
import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';

/**
 * A file a module stored (server/kit/files.ts): its row here, its bytes on disk under
 * `<FILES_DIR>/<module>/<first two hex digits of sha256>/<id>`. A module points at it with a relation
 * (`@ManyToOne(() => StoredFile, { ref: true })`) and serves it from a route with `readStoredFile`,
 * after checking the reader may see the record it belongs to: the kit gives files no visibility of
 * their own. Its GraphQL type shows what people read of it (a relation field on a module's entity);
 * it is not a Node: it is reached only through the record it belongs to.
 */
@Entity({ tableName: 'stored_file' })
@Index({ properties: ['module', 'createdAt'] })
@ObjectType('StoredFile', { simpleResolvers: true, description: 'A stored file: what people read of it (download it through its module).' })
export class StoredFile {
  [OptionalProps]?: 'createdAt' | 'createdBy';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The module that stored it (its folder on disk). */
  @Property({ type: 'string', length: 100 })
  module!: string;

  /** Its name as given (the last path segment, control characters removed), for downloads. */
  @Field(() => String, { description: 'Its name as given.' })
  @Property({ type: 'string', length: 255 })
  name!: string;

  /** Its type as its content shows it (e.g. application/pdf), checked against what was declared. */
  @Field(() => String, { description: 'Its type as its content shows it (e.g. application/pdf).' })
  @Property({ type: 'string', length: 100 })
  type!: string;

  /** Its size in bytes. */
  @Field(() => Int, { description: 'Its size in bytes.' })
  @Property({ type: 'integer' })
  size!: number;

  /** The SHA-256 of its bytes, in hex. */
  @Field(() => String, { description: 'The SHA-256 of its bytes, in hex.' })
  @Property({ type: 'string', length: 64 })
  sha256!: string;

  /** The person who stored it; null for the platform itself. */
  @Property({ type: 'uuid', nullable: true })
  createdBy: string | null = null;

  @Field(() => GraphQLDateTime, { description: 'When it was stored.' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
