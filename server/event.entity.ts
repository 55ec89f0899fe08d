import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/*
 * The tables of durable events (server/events.ts). The server registers them (server/database.ts), not a
 * module: every module publishes through them. Rows are written and read with SQL in server/events.ts
 * (one statement per step, bound parameters); these classes exist for the schema and its drift check.
 */

/** One event, written in the transaction of the change it announces. */
@Entity({ tableName: 'event' })
@Unique({ name: 'event_stream_seq_unique', properties: ['stream', 'seq'] })
export class EventRecord {
  /** The event's id: the key of idempotent subscribers. Assigned at insert; not the global order. */
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  /** The stream it belongs to (e.g. `organization:<id>`), or none. */
  @Property({ type: 'string', length: 200, nullable: true })
  stream!: string | null;

  /** Its number in its stream: 1, 2, 3… without gap, in commit order (event_stream's row lock). */
  @Property({ type: 'bigint', nullable: true })
  seq!: string | null;

  /**
   * Its place in the global order, assigned after commit by the dispatcher under an advisory lock: null
   * until then. Read "events after position X" in this order, never in id order (ids are taken before
   * commit, so a smaller id can commit later).
   */
  @Property({ type: 'bigint', nullable: true, unique: 'event_position_unique' })
  position!: string | null;

  @Property({ type: 'json' })
  payload!: Record<string, unknown>;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date;

  /** When it was handed to the pubsub (GraphQL subscriptions); set with its position. */
  @Property({ type: 'datetime', nullable: true })
  publishedAt!: Date | null;
}

/** The last sequence number of each stream: the row writers of one stream serialize on. */
@Entity({ tableName: 'event_stream' })
export class EventStreamRecord {
  @PrimaryKey({ type: 'string', length: 200 })
  stream!: string;

  @Property({ type: 'bigint' })
  lastSeq!: string;
}

/** The delivery of one event to one subscriber: retried with backoff until done. */
@Entity({ tableName: 'event_delivery' })
@Index({ name: 'event_delivery_subscriber_stream_position_index', properties: ['subscriber', 'stream', 'position'] })
@Index({ name: 'event_delivery_done_at_next_at_index', properties: ['doneAt', 'nextAt'] })
export class EventDeliveryRecord {
  @PrimaryKey({ type: 'bigint' })
  eventId!: string;

  @PrimaryKey({ type: 'string', length: 200 })
  subscriber!: string;

  /** The event's stream and position, copied so that per-stream order is checked on this table alone. */
  @Property({ type: 'string', length: 200, nullable: true })
  stream!: string | null;

  @Property({ type: 'bigint' })
  position!: string;

  /** Failed attempts so far. */
  @Property({ type: 'integer', default: 0 })
  attempts!: number;

  /** Not before this time (backoff after a failure). */
  @Property({ type: 'datetime' })
  nextAt!: Date;

  /** Claimed by a dispatcher until this time (a process that dies mid-delivery frees it then). */
  @Property({ type: 'datetime', nullable: true })
  lockedUntil!: Date | null;

  @Property({ type: 'datetime', nullable: true })
  doneAt!: Date | null;

  @Property({ type: 'text', nullable: true })
  lastError!: string | null;
}

export const EVENT_ENTITIES = [EventRecord, EventStreamRecord, EventDeliveryRecord];
