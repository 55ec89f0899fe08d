import { Migration } from '@mikro-orm/migrations';

export class Migration20261202105603_add_governance_sessions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "governance_session_state" as enum ('SCHEDULED', 'OPEN', 'SUSPENDED', 'CLOSED');`);
    this.addSql(`create type "governance_attendance_status" as enum ('PRESENT', 'REMOTE', 'EXCUSED', 'ABSENT');`);
    this.addSql(`create type "governance_agenda_item_kind" as enum ('SUPPORT_REQUEST', 'OTHER');`);
    this.addSql(`create type "governance_agenda_item_state" as enum ('PENDING', 'IN_DISCUSSION', 'DECIDED', 'DEFERRED');`);
    this.addSql(`create type "governance_decision_outcome" as enum ('APPROVED', 'REJECTED', 'DEFERRED');`);
    this.addSql(`create type "governance_vote_choice" as enum ('FOR', 'AGAINST', 'ABSTAIN');`);
    this.addSql(
      `create table "governance_session" ("id" uuid not null, "body_id" uuid not null, "title" varchar(300) not null, "scheduled_at" timestamptz not null, "mode" "governance_meeting_mode" not null, "state" "governance_session_state" not null default 'SCHEDULED', "current_item_id" uuid null, "opened_at" timestamptz null, "closed_at" timestamptz null, "created_at" timestamptz not null, constraint "governance_session_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "governance_session_body_id_index" on "governance_session" ("body_id");`);
    this.addSql(`create index "governance_session_scheduled_at_id_index" on "governance_session" ("scheduled_at", "id");`);

    this.addSql(
      `create table "governance_attendance" ("id" uuid not null, "session_id" uuid not null, "partner_id" uuid not null, "person_id" uuid null, "status" "governance_attendance_status" not null, "recorded_at" timestamptz not null, constraint "governance_attendance_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "governance_attendance_partner_id_index" on "governance_attendance" ("partner_id");`);
    this.addSql(`alter table "governance_attendance" add constraint "governance_attendance_session_id_partner_id_unique" unique ("session_id", "partner_id");`);

    this.addSql(
      `create table "governance_agenda_item" ("id" uuid not null, "session_id" uuid not null, "rank" int not null, "title" varchar(300) not null, "kind" "governance_agenda_item_kind" not null, "state" "governance_agenda_item_state" not null default 'PENDING', "support_request_id" uuid null, "decision_mode" "governance_decision_mode" null, "outcome" "governance_decision_outcome" null, "decision_text" text not null default '', "decided_at" timestamptz null, constraint "governance_agenda_item_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "governance_agenda_item_support_request_id_index" on "governance_agenda_item" ("support_request_id");`);
    this.addSql(`alter table "governance_agenda_item" add constraint "governance_agenda_item_session_id_rank_unique" unique ("session_id", "rank");`);

    this.addSql(
      `create table "governance_vote" ("id" uuid not null, "item_id" uuid not null, "partner_id" uuid not null, "choice" "governance_vote_choice" not null, "person_id" uuid null, "cast_at" timestamptz not null, constraint "governance_vote_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "governance_vote_partner_id_index" on "governance_vote" ("partner_id");`);
    this.addSql(`alter table "governance_vote" add constraint "governance_vote_item_id_partner_id_unique" unique ("item_id", "partner_id");`);

    this.addSql(
      `alter table "governance_session" add constraint "governance_session_body_id_foreign" foreign key ("body_id") references "governance_body" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "governance_session" add constraint "governance_session_current_item_id_foreign" foreign key ("current_item_id") references "governance_agenda_item" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "governance_attendance" add constraint "governance_attendance_session_id_foreign" foreign key ("session_id") references "governance_session" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "governance_attendance" add constraint "governance_attendance_partner_id_foreign" foreign key ("partner_id") references "partner" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "governance_attendance" add constraint "governance_attendance_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "governance_agenda_item" add constraint "governance_agenda_item_session_id_foreign" foreign key ("session_id") references "governance_session" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "governance_agenda_item" add constraint "governance_agenda_item_support_request_id_foreign" foreign key ("support_request_id") references "support_request" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "governance_vote" add constraint "governance_vote_item_id_foreign" foreign key ("item_id") references "governance_agenda_item" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(`alter table "governance_vote" add constraint "governance_vote_partner_id_foreign" foreign key ("partner_id") references "partner" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "governance_vote" add constraint "governance_vote_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "governance_attendance" drop constraint "governance_attendance_session_id_foreign";`);

    this.addSql(`alter table "governance_agenda_item" drop constraint "governance_agenda_item_session_id_foreign";`);

    this.addSql(`alter table "governance_session" drop constraint "governance_session_current_item_id_foreign";`);

    this.addSql(`alter table "governance_vote" drop constraint "governance_vote_item_id_foreign";`);

    this.addSql(`drop table if exists "governance_session" cascade;`);

    this.addSql(`drop table if exists "governance_attendance" cascade;`);

    this.addSql(`drop table if exists "governance_agenda_item" cascade;`);

    this.addSql(`drop table if exists "governance_vote" cascade;`);

    this.addSql(`drop type "governance_session_state";`);
    this.addSql(`drop type "governance_attendance_status";`);
    this.addSql(`drop type "governance_agenda_item_kind";`);
    this.addSql(`drop type "governance_agenda_item_state";`);
    this.addSql(`drop type "governance_decision_outcome";`);
    this.addSql(`drop type "governance_vote_choice";`);
  }
}
