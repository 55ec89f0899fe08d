import { Migration } from '@mikro-orm/migrations';

export class Migration20261202014650_add_radar extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "radar_level" as enum ('low', 'watch', 'high', 'critical');`);
    this.addSql(
      `create table "radar" ("id" uuid not null, "organization_id" uuid not null, "interview_id" uuid not null, "partner_id" uuid not null, "interviewer_id" uuid null, "grid_version_id" uuid not null, "grid_title" varchar(200) not null, "interview_date" date not null, "computed_at" timestamptz not null, "axes" jsonb not null, "signals" jsonb not null, "level" "radar_level" not null, "previous_radar_id" uuid null, constraint "radar_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "radar_organization_id_index" on "radar" ("organization_id");`);
    this.addSql(`alter table "radar" add constraint "radar_interview_id_unique" unique ("interview_id");`);
    this.addSql(`create index "radar_partner_id_index" on "radar" ("partner_id");`);
    this.addSql(`create index "radar_grid_version_id_index" on "radar" ("grid_version_id");`);
    this.addSql(`create index "radar_organization_id_interview_date_computed_at_id_index" on "radar" ("organization_id", "interview_date", "computed_at", "id");`);

    this.addSql(`alter table "radar" add constraint "radar_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "radar" add constraint "radar_interview_id_foreign" foreign key ("interview_id") references "interview" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "radar" add constraint "radar_partner_id_foreign" foreign key ("partner_id") references "partner" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "radar" add constraint "radar_grid_version_id_foreign" foreign key ("grid_version_id") references "grid_version" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "radar" add constraint "radar_previous_radar_id_foreign" foreign key ("previous_radar_id") references "radar" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "radar" drop constraint "radar_previous_radar_id_foreign";`);

    this.addSql(`drop table if exists "radar" cascade;`);

    this.addSql(`drop type "radar_level";`);
  }
}
