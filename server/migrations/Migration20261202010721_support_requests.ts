import { Migration } from '@mikro-orm/migrations';

export class Migration20261202010721_support_requests extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "intake_channel" as enum ('PARTNER_OFFICE', 'PROACTIVE_VISIT', 'WEB_FORM', 'EVENT', 'PARTNER_REFERRAL', 'PLATFORM_OUTREACH');`);
    this.addSql(`create type "support_status" as enum ('RECEIVED', 'QUALIFIED', 'SCHEDULED', 'UNDER_REVIEW', 'STRATEGY_VALIDATED', 'IN_FOLLOW_UP', 'CLOSED', 'WITHDRAWN', 'REDIRECTED');`);
    this.addSql(
      `create table "support_request" ("id" uuid not null, "title" varchar(200) not null, "organization_id" uuid null, "holder_name" varchar(200) null, "holder_contact" varchar(254) null, "receiving_partner_id" uuid not null, "intake_channel" "intake_channel" not null, "stage" "stage" not null, "target_legal_form" "legal_form" null, "technical_need" boolean not null default false, "financial_need" boolean not null default false, "amount_sought" int null, "need_types" text[] not null default '{}', "use_of_funds" text not null default '', "sector_code" varchar(64) not null, "commune_id" uuid not null, "description" text not null default '', "consent_to_share" boolean not null default false, "status" "support_status" not null default 'RECEIVED', "version" int not null default 1, "received_at" timestamptz not null, "status_changed_at" timestamptz not null, "qualified_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "support_request_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "support_request_organization_id_index" on "support_request" ("organization_id");`);
    this.addSql(`create index "support_request_receiving_partner_id_index" on "support_request" ("receiving_partner_id");`);
    this.addSql(`create index "support_request_sector_code_index" on "support_request" ("sector_code");`);
    this.addSql(`create index "support_request_commune_id_index" on "support_request" ("commune_id");`);
    this.addSql(`create index "support_request_status_index" on "support_request" ("status");`);
    this.addSql(`create index "support_request_received_at_id_index" on "support_request" ("received_at", "id");`);

    this.addSql(
      `create table "support_status_change" ("id" uuid not null, "request_id" uuid not null, "from" "support_status" null, "to" "support_status" not null, "by_id" uuid null, "reason" text not null default '', "at" timestamptz not null, constraint "support_status_change_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "support_status_change_request_id_index" on "support_status_change" ("request_id");`);

    this.addSql(
      `alter table "support_request" add constraint "support_request_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "support_request" add constraint "support_request_receiving_partner_id_foreign" foreign key ("receiving_partner_id") references "partner" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(`alter table "support_request" add constraint "support_request_sector_code_foreign" foreign key ("sector_code") references "sector" ("code") on update cascade on delete restrict;`);
    this.addSql(`alter table "support_request" add constraint "support_request_commune_id_foreign" foreign key ("commune_id") references "commune" ("id") on update cascade on delete restrict;`);

    this.addSql(
      `alter table "support_status_change" add constraint "support_status_change_request_id_foreign" foreign key ("request_id") references "support_request" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(`alter table "support_status_change" add constraint "support_status_change_by_id_foreign" foreign key ("by_id") references "person" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "support_status_change" drop constraint "support_status_change_request_id_foreign";`);

    this.addSql(`drop table if exists "support_request" cascade;`);

    this.addSql(`drop table if exists "support_status_change" cascade;`);

    this.addSql(`drop type "intake_channel";`);
    this.addSql(`drop type "support_status";`);
  }
}
