import { Migration } from '@mikro-orm/migrations';

/** Stored files (server/kit/files.ts): one row per file, its bytes under FILES_DIR. */
export class Migration20261202011851_stored_file extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "stored_file" ("id" uuid not null, "module" varchar(100) not null, "name" varchar(255) not null, "type" varchar(100) not null, "size" int not null, "sha256" varchar(64) not null, "created_by" uuid null, "created_at" timestamptz not null, constraint "stored_file_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "stored_file_module_created_at_index" on "stored_file" ("module", "created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "stored_file" cascade;`);
  }
}
