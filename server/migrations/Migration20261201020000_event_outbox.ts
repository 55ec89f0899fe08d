import { Migration } from '@mikro-orm/migrations';

/**
 * Durable events (server/events.ts, server/outbox.ts): the event table written in each change's
 * transaction, the per-stream counters, and the delivery of each event to each subscriber.
 */
export class Migration20261201020000_event_outbox extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "event_delivery" ("event_id" bigint not null, "subscriber" varchar(200) not null, "stream" varchar(200) null, "position" bigint not null, "attempts" int not null default 0, "next_at" timestamptz not null, "locked_until" timestamptz null, "done_at" timestamptz null, "last_error" text null, constraint "event_delivery_pkey" primary key ("event_id", "subscriber"));`,
    );
    this.addSql(`create index "event_delivery_done_at_next_at_index" on "event_delivery" ("done_at", "next_at");`);
    this.addSql(`create index "event_delivery_subscriber_stream_position_index" on "event_delivery" ("subscriber", "stream", "position");`);

    this.addSql(
      `create table "event" ("id" bigserial primary key, "name" varchar(200) not null, "stream" varchar(200) null, "seq" bigint null, "position" bigint null, "payload" jsonb not null, "created_at" timestamptz not null default now(), "published_at" timestamptz null);`,
    );
    this.addSql(`alter table "event" add constraint "event_position_unique" unique ("position");`);
    this.addSql(`alter table "event" add constraint "event_stream_seq_unique" unique ("stream", "seq");`);

    this.addSql(`create table "event_stream" ("stream" varchar(200) not null, "last_seq" bigint not null, constraint "event_stream_pkey" primary key ("stream"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "event_delivery" cascade;`);

    this.addSql(`drop table if exists "event" cascade;`);

    this.addSql(`drop table if exists "event_stream" cascade;`);
  }
}
