import { Migration } from '@mikro-orm/migrations';

/** Presence on live topics (server/kit/presence.ts): one row per connection, refreshed by its process's heartbeat. */
export class Migration20261202110935_presence extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "presence" ("topic" varchar(200) not null, "connection_id" varchar(64) not null, "process_id" varchar(64) not null, "person_id" varchar(64) null, "partner_id" varchar(64) null, "since" timestamptz not null default now(), "seen_at" timestamptz not null default now(), constraint "presence_pkey" primary key ("topic", "connection_id"));`,
    );
    this.addSql(`create index "presence_seen_at_index" on "presence" ("seen_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "presence" cascade;`);
  }
}
