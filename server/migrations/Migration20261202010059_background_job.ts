import { Migration } from '@mikro-orm/migrations';

/** Background jobs and their progress (server/kit/jobs.ts). */
export class Migration20261202010059_background_job extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "background_job_status" as enum ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED');`);
    this.addSql(
      `create table "background_job" ("id" uuid not null, "kind" varchar(100) not null, "label" varchar(300) not null, "status" "background_job_status" not null default 'QUEUED', "total" int null, "done" int not null default 0, "error_message" text null, "started_by" uuid null, "created_at" timestamptz not null, "started_at" timestamptz null, "finished_at" timestamptz null, "heartbeat_at" timestamptz not null, constraint "background_job_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "background_job_started_by_index" on "background_job" ("started_by");`);
    this.addSql(`create index "background_job_status_heartbeat_at_index" on "background_job" ("status", "heartbeat_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "background_job" cascade;`);

    this.addSql(`drop type "background_job_status";`);
  }
}
