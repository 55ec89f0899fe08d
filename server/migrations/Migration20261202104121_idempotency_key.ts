import { Migration } from '@mikro-orm/migrations';

/** Idempotency keys of mutations (server/idempotency.ts): the first call's result, kept 24 hours. */
export class Migration20261202104121_idempotency_key extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "idempotency_key" ("identity" varchar(200) not null, "operation" varchar(200) not null, "key" varchar(200) not null, "fingerprint" varchar(64) not null, "result" jsonb null, "created_at" timestamptz not null default now(), constraint "idempotency_key_pkey" primary key ("identity", "operation", "key"));`,
    );
    this.addSql(`create index "idempotency_key_created_at_index" on "idempotency_key" ("created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "idempotency_key" cascade;`);
  }
}
