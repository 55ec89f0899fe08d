import { Migration } from '@mikro-orm/migrations';

/** The last run of each periodic task (server/kit/periodic.ts): one row per task. */
export class Migration20261202005346_periodic_task_run extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "periodic_task_run" ("name" varchar(200) not null, "slot" timestamptz null, "started_at" timestamptz not null, "finished_at" timestamptz null, "outcome" varchar(20) not null, "error" text null, constraint "periodic_task_run_pkey" primary key ("name"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "periodic_task_run" cascade;`);
  }
}
