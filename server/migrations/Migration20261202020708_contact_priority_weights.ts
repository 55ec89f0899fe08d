import { Migration } from '@mikro-orm/migrations';

export class Migration20261202020708_contact_priority_weights extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "contact_priority_weights" ("id" varchar(20) not null default 'platform', "risk" int not null default 40, "staleness" int not null default 25, "size" int not null default 15, "sector" int not null default 10, "stage" int not null default 10, "priority_sector_codes" text[] not null default '{}', "updated_at" timestamptz not null, constraint "contact_priority_weights_pkey" primary key ("id"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "contact_priority_weights" cascade;`);
  }
}
