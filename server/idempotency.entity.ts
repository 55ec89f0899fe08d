import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A mutation already done under an idempotency key (server/idempotency.ts): its JSON result, written in
 * the mutation's own transaction, returned again to a retry with the same key. The server registers it
 * (server/database.ts), not a module; rows are read and written with SQL; expired ones are purged by the
 * kit's periodic task `kit.idempotency-purge`.
 */
@Entity({ tableName: 'idempotency_key' })
@Index({ name: 'idempotency_key_created_at_index', properties: ['createdAt'] })
export class IdempotencyKeyRecord {
  /** Who called: `person:<id>`, `token:<id>` or `system`. */
  @PrimaryKey({ type: 'string', length: 200 })
  identity!: string;

  /** The operation the key was given to (e.g. `governance.castVote`): one key may serve several. */
  @PrimaryKey({ type: 'string', length: 200 })
  operation!: string;

  @PrimaryKey({ type: 'string', length: 200 })
  key!: string;

  /** SHA-256 of the first call's arguments: a retry with other arguments is refused. */
  @Property({ type: 'string', length: 64 })
  fingerprint!: string;

  /** What the first call returned (JSON); null only while it runs. */
  @Property({ type: 'json', nullable: true })
  result!: unknown;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date;
}
