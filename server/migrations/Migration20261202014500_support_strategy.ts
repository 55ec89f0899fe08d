import { Migration } from '@mikro-orm/migrations';

export class Migration20261202014500_support_strategy extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "support_action_status" as enum ('PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED');`);
    this.addSql(
      `create table "support_decision" ("id" uuid not null, "request_id" uuid not null, "diagnosis" text not null, "strategy" text not null, "contact_person" varchar(200) not null, "next_step" text not null default '', "validated_by_id" uuid null, "validated_at" timestamptz not null, constraint "support_decision_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "support_decision" add constraint "support_decision_request_id_unique" unique ("request_id");`);

    this.addSql(
      `create table "support_action" ("id" uuid not null, "request_id" uuid not null, "title" varchar(300) not null, "owner_id" uuid not null, "due_on" date not null, "status" "support_action_status" not null default 'PLANNED', "position_id" uuid null, "scheme_id" uuid null, "created_at" timestamptz not null, "done_at" timestamptz null, "overdue_flagged_on" date null, constraint "support_action_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "support_action_request_id_index" on "support_action" ("request_id");`);
    this.addSql(`create index "support_action_owner_id_index" on "support_action" ("owner_id");`);

    this.addSql(
      `alter table "support_decision" add constraint "support_decision_request_id_foreign" foreign key ("request_id") references "support_request" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "support_decision" add constraint "support_decision_validated_by_id_foreign" foreign key ("validated_by_id") references "person" ("id") on update cascade on delete set null;`,
    );

    this.addSql(`alter table "support_action" add constraint "support_action_request_id_foreign" foreign key ("request_id") references "support_request" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "support_action" add constraint "support_action_owner_id_foreign" foreign key ("owner_id") references "partner" ("id") on update cascade on delete cascade;`);
    this.addSql(
      `alter table "support_action" add constraint "support_action_position_id_foreign" foreign key ("position_id") references "support_position" ("id") on update cascade on delete set null;`,
    );
    this.addSql(`alter table "support_action" add constraint "support_action_scheme_id_foreign" foreign key ("scheme_id") references "funding_scheme" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "support_request" add column "satisfaction_score" smallint null, add column "satisfaction_comment" text null, add column "satisfaction_recorded_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "support_decision" cascade;`);

    this.addSql(`drop table if exists "support_action" cascade;`);

    this.addSql(`alter table "support_request" drop column "satisfaction_score", drop column "satisfaction_comment", drop column "satisfaction_recorded_at";`);

    this.addSql(`drop type "support_action_status";`);
  }
}
