import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One connection present on a topic (server/kit/presence.ts): a subscription wrapped by
 * `trackPresence`, kept while it runs, refreshed by its process's heartbeat, counted by `presenceOf`
 * until it leaves or its process stops beating. Written and read with SQL by the kit.
 */
@Entity({ tableName: 'presence' })
@Index({ name: 'presence_seen_at_index', properties: ['seenAt'] })
export class PresenceRecord {
  /** What the connection is present on (e.g. `governance-session:<id>`). */
  @PrimaryKey({ type: 'string', length: 200 })
  topic!: string;

  /** The connection's id (one per tracked subscription). */
  @PrimaryKey({ type: 'string', length: 64 })
  connectionId!: string;

  /** The server process holding it (its heartbeat refreshes `seenAt`). */
  @Property({ type: 'string', length: 64 })
  processId!: string;

  /** Who is connected (null: anonymous or the platform). */
  @Property({ type: 'string', length: 64, nullable: true })
  personId!: string | null;

  /** For which partner (the one given, else the person's first). */
  @Property({ type: 'string', length: 64, nullable: true })
  partnerId!: string | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  since!: Date;

  /** The last heartbeat of its process: past the expiry, the connection counts as gone. */
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  seenAt!: Date;
}
