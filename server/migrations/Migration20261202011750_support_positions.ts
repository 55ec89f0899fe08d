import { Migration } from '@mikro-orm/migrations';

export class Migration20261202011750_support_positions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "position_kind" as enum ('WILL_SUPPORT', 'CONDITIONAL', 'OUTSIDE_CRITERIA', 'NEEDS_INFORMATION', 'REDIRECTS', 'ABSTAINS');`);
    this.addSql(
      `create table "support_position" ("id" uuid not null, "kind" "position_kind" not null, "scheme_id" uuid null, "amount" int null, "conditions" text not null default '', "comment" text not null default '', "redirect_to_id" uuid null, "recorded_by_id" uuid null, "recorded_at" timestamptz not null, "request_id" uuid not null, "partner_id" uuid not null, "revision" int not null default 1, "first_recorded_at" timestamptz not null, constraint "support_position_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "support_position_partner_id_index" on "support_position" ("partner_id");`);
    this.addSql(`alter table "support_position" add constraint "support_position_request_id_partner_id_unique" unique ("request_id", "partner_id");`);

    this.addSql(
      `create table "support_position_version" ("id" uuid not null, "kind" "position_kind" not null, "scheme_id" uuid null, "amount" int null, "conditions" text not null default '', "comment" text not null default '', "redirect_to_id" uuid null, "recorded_by_id" uuid null, "recorded_at" timestamptz not null, "position_id" uuid not null, "request_id" uuid not null, "revision" int not null, constraint "support_position_version_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "support_position_version_request_id_index" on "support_position_version" ("request_id");`);
    this.addSql(`alter table "support_position_version" add constraint "support_position_version_position_id_revision_unique" unique ("position_id", "revision");`);

    this.addSql(
      `alter table "support_position" add constraint "support_position_scheme_id_foreign" foreign key ("scheme_id") references "funding_scheme" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "support_position" add constraint "support_position_redirect_to_id_foreign" foreign key ("redirect_to_id") references "partner" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "support_position" add constraint "support_position_recorded_by_id_foreign" foreign key ("recorded_by_id") references "person" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "support_position" add constraint "support_position_request_id_foreign" foreign key ("request_id") references "support_request" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(`alter table "support_position" add constraint "support_position_partner_id_foreign" foreign key ("partner_id") references "partner" ("id") on update cascade on delete cascade;`);

    this.addSql(
      `alter table "support_position_version" add constraint "support_position_version_scheme_id_foreign" foreign key ("scheme_id") references "funding_scheme" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "support_position_version" add constraint "support_position_version_redirect_to_id_foreign" foreign key ("redirect_to_id") references "partner" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "support_position_version" add constraint "support_position_version_recorded_by_id_foreign" foreign key ("recorded_by_id") references "person" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "support_position_version" add constraint "support_position_version_position_id_foreign" foreign key ("position_id") references "support_position" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "support_position_version" add constraint "support_position_version_request_id_foreign" foreign key ("request_id") references "support_request" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "support_position_version" drop constraint "support_position_version_position_id_foreign";`);

    this.addSql(`drop table if exists "support_position" cascade;`);

    this.addSql(`drop table if exists "support_position_version" cascade;`);

    this.addSql(`drop type "position_kind";`);
  }
}
