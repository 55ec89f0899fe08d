import { Migration } from '@mikro-orm/migrations';

export class Migration20261202111500_add_partnership_charter extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "charter_amendment_status" as enum ('PROPOSED', 'ADOPTED', 'REJECTED', 'WITHDRAWN');`);
    this.addSql(`create type "charter_amendment_change_kind" as enum ('REPLACE', 'INSERT', 'REMOVE');`);
    this.addSql(
      `create table "charter" ("id" uuid not null, "title" varchar(300) not null, "current_number" int not null, "created_at" timestamptz not null, constraint "charter_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "charter_version" ("id" uuid not null, "charter_id" uuid not null, "number" int not null, "summary" varchar(2000) not null, "adopted_by_id" uuid null, "decided_on" date not null, "decision_reference" varchar(100) not null, "recorded_by_id" uuid null, "recorded_at" timestamptz not null, constraint "charter_version_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "charter_version_adopted_by_id_index" on "charter_version" ("adopted_by_id");`);
    this.addSql(`alter table "charter_version" add constraint "charter_version_charter_id_number_unique" unique ("charter_id", "number");`);

    this.addSql(
      `create table "charter_article" ("id" uuid not null, "version_id" uuid not null, "number" int not null, "title" varchar(200) not null, "text" text not null, constraint "charter_article_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "charter_article" add constraint "charter_article_version_id_number_unique" unique ("version_id", "number");`);

    this.addSql(
      `create table "charter_signature" ("id" uuid not null, "charter_id" uuid not null, "version_id" uuid not null, "version_number" int not null, "partner_id" uuid not null, "signatory_id" uuid null, "signed_on" date not null, "recorded_at" timestamptz not null, "recorded_by_id" uuid null, "contributions" text[] not null default '{}', "constraints" text[] not null default '{}', "needs" text[] not null default '{}', constraint "charter_signature_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "charter_signature_charter_id_index" on "charter_signature" ("charter_id");`);
    this.addSql(`create index "charter_signature_partner_id_index" on "charter_signature" ("partner_id");`);
    this.addSql(`alter table "charter_signature" add constraint "charter_signature_version_id_partner_id_unique" unique ("version_id", "partner_id");`);

    this.addSql(
      `create table "charter_amendment" ("id" uuid not null, "charter_id" uuid not null, "base_version_id" uuid not null, "title" varchar(300) not null, "rationale" text not null, "status" "charter_amendment_status" not null default 'PROPOSED', "partner_id" uuid not null, "proposed_by_id" uuid null, "proposed_at" timestamptz not null, "decided_by_id" uuid null, "decided_on" date null, "decision_reference" varchar(100) null, "decision_recorded_by_id" uuid null, "resulting_version_id" uuid null, "closed_at" timestamptz null, constraint "charter_amendment_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "charter_amendment_charter_id_index" on "charter_amendment" ("charter_id");`);
    this.addSql(`create index "charter_amendment_base_version_id_index" on "charter_amendment" ("base_version_id");`);
    this.addSql(`create index "charter_amendment_partner_id_index" on "charter_amendment" ("partner_id");`);
    this.addSql(`create index "charter_amendment_proposed_at_id_index" on "charter_amendment" ("proposed_at", "id");`);

    this.addSql(
      `create table "charter_amendment_change" ("id" uuid not null, "amendment_id" uuid not null, "rank" int not null, "kind" "charter_amendment_change_kind" not null, "article_number" int not null, "title" varchar(200) null, "text" text null, constraint "charter_amendment_change_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "charter_amendment_change_amendment_id_index" on "charter_amendment_change" ("amendment_id");`);

    this.addSql(`alter table "charter_version" add constraint "charter_version_charter_id_foreign" foreign key ("charter_id") references "charter" ("id") on update cascade on delete cascade;`);
    this.addSql(
      `alter table "charter_version" add constraint "charter_version_adopted_by_id_foreign" foreign key ("adopted_by_id") references "governance_body" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "charter_version" add constraint "charter_version_recorded_by_id_foreign" foreign key ("recorded_by_id") references "person" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "charter_article" add constraint "charter_article_version_id_foreign" foreign key ("version_id") references "charter_version" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(`alter table "charter_signature" add constraint "charter_signature_charter_id_foreign" foreign key ("charter_id") references "charter" ("id") on update cascade on delete cascade;`);
    this.addSql(
      `alter table "charter_signature" add constraint "charter_signature_version_id_foreign" foreign key ("version_id") references "charter_version" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(`alter table "charter_signature" add constraint "charter_signature_partner_id_foreign" foreign key ("partner_id") references "partner" ("id") on update cascade on delete cascade;`);
    this.addSql(
      `alter table "charter_signature" add constraint "charter_signature_signatory_id_foreign" foreign key ("signatory_id") references "person" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "charter_signature" add constraint "charter_signature_recorded_by_id_foreign" foreign key ("recorded_by_id") references "person" ("id") on update cascade on delete set null;`,
    );

    this.addSql(`alter table "charter_amendment" add constraint "charter_amendment_charter_id_foreign" foreign key ("charter_id") references "charter" ("id") on update cascade on delete cascade;`);
    this.addSql(
      `alter table "charter_amendment" add constraint "charter_amendment_base_version_id_foreign" foreign key ("base_version_id") references "charter_version" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(`alter table "charter_amendment" add constraint "charter_amendment_partner_id_foreign" foreign key ("partner_id") references "partner" ("id") on update cascade on delete cascade;`);
    this.addSql(
      `alter table "charter_amendment" add constraint "charter_amendment_proposed_by_id_foreign" foreign key ("proposed_by_id") references "person" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "charter_amendment" add constraint "charter_amendment_decided_by_id_foreign" foreign key ("decided_by_id") references "governance_body" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "charter_amendment" add constraint "charter_amendment_decision_recorded_by_id_foreign" foreign key ("decision_recorded_by_id") references "person" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "charter_amendment" add constraint "charter_amendment_resulting_version_id_foreign" foreign key ("resulting_version_id") references "charter_version" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "charter_amendment_change" add constraint "charter_amendment_change_amendment_id_foreign" foreign key ("amendment_id") references "charter_amendment" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "charter_version" drop constraint "charter_version_charter_id_foreign";`);

    this.addSql(`alter table "charter_signature" drop constraint "charter_signature_charter_id_foreign";`);

    this.addSql(`alter table "charter_amendment" drop constraint "charter_amendment_charter_id_foreign";`);

    this.addSql(`alter table "charter_article" drop constraint "charter_article_version_id_foreign";`);

    this.addSql(`alter table "charter_signature" drop constraint "charter_signature_version_id_foreign";`);

    this.addSql(`alter table "charter_amendment" drop constraint "charter_amendment_base_version_id_foreign";`);

    this.addSql(`alter table "charter_amendment" drop constraint "charter_amendment_resulting_version_id_foreign";`);

    this.addSql(`alter table "charter_amendment_change" drop constraint "charter_amendment_change_amendment_id_foreign";`);

    this.addSql(`drop table if exists "charter" cascade;`);

    this.addSql(`drop table if exists "charter_version" cascade;`);

    this.addSql(`drop table if exists "charter_article" cascade;`);

    this.addSql(`drop table if exists "charter_signature" cascade;`);

    this.addSql(`drop table if exists "charter_amendment" cascade;`);

    this.addSql(`drop table if exists "charter_amendment_change" cascade;`);

    this.addSql(`drop type "charter_amendment_status";`);
    this.addSql(`drop type "charter_amendment_change_kind";`);
  }
}
