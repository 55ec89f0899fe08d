import { Migration } from '@mikro-orm/migrations';

export class Migration20261202104326_add_governance_bodies extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "governance_body_kind" as enum ('TECHNICAL_COMMITTEE', 'STEERING_BOARD');`);
    this.addSql(`create type "governance_decision_mode" as enum ('CONSENSUS', 'VOTE');`);
    this.addSql(`create type "governance_majority" as enum ('SIMPLE', 'TWO_THIRDS', 'UNANIMITY');`);
    this.addSql(`create type "governance_meeting_mode" as enum ('IN_PERSON', 'REMOTE', 'HYBRID');`);
    this.addSql(`create type "governance_member_role" as enum ('CHAIR', 'SECRETARY', 'MEMBER', 'OBSERVER');`);
    this.addSql(
      `create table "governance_body" ("id" uuid not null, "kind" "governance_body_kind" not null, "name" varchar(200) not null, "description" text not null default '', "quorum" int not null, "decision_mode" "governance_decision_mode" not null, "majority" "governance_majority" not null, "rhythm" varchar(100) not null, "meeting_mode" "governance_meeting_mode" not null, "created_at" timestamptz not null, constraint "governance_body_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "governance_body" add constraint "governance_body_name_unique" unique ("name");`);
    this.addSql(`create index "governance_body_name_id_index" on "governance_body" ("name", "id");`);

    this.addSql(
      `create table "governance_body_member" ("id" uuid not null, "body_id" uuid not null, "partner_id" uuid not null, "person_id" uuid null, "role" "governance_member_role" not null, "votes" boolean not null, "rank" int not null default 2, constraint "governance_body_member_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "governance_body_member_partner_id_index" on "governance_body_member" ("partner_id");`);
    this.addSql(`alter table "governance_body_member" add constraint "governance_body_member_body_id_partner_id_unique" unique ("body_id", "partner_id");`);

    this.addSql(
      `alter table "governance_body_member" add constraint "governance_body_member_body_id_foreign" foreign key ("body_id") references "governance_body" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "governance_body_member" add constraint "governance_body_member_partner_id_foreign" foreign key ("partner_id") references "partner" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "governance_body_member" add constraint "governance_body_member_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "governance_body_member" drop constraint "governance_body_member_body_id_foreign";`);

    this.addSql(`drop table if exists "governance_body" cascade;`);

    this.addSql(`drop table if exists "governance_body_member" cascade;`);

    this.addSql(`drop type "governance_body_kind";`);
    this.addSql(`drop type "governance_decision_mode";`);
    this.addSql(`drop type "governance_majority";`);
    this.addSql(`drop type "governance_meeting_mode";`);
    this.addSql(`drop type "governance_member_role";`);
  }
}
