import { Migration } from '@mikro-orm/migrations';

export class Migration20261201001334_consent_history_token_parent extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "consent_method" as enum ('WRITTEN_FORM', 'SIGNED_AGREEMENT', 'EMAIL', 'ONLINE_FORM', 'ORAL');`);
    this.addSql(
      `create table "organization_consent" ("id" uuid not null, "organization_id" uuid not null, "given" boolean not null, "method" "consent_method" not null, "obtained_on" date not null, "note" text not null default '', "recorded_by_id" uuid null, "recorded_by_partner_id" uuid null, "recorded_at" timestamptz not null, constraint "organization_consent_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "organization_consent_organization_id_index" on "organization_consent" ("organization_id");`);

    this.addSql(
      `alter table "organization_consent" add constraint "organization_consent_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(`alter table "api_token" add column "parent_token_id" uuid null;`);
    this.addSql(`alter table "api_token" add constraint "api_token_parent_token_id_foreign" foreign key ("parent_token_id") references "api_token" ("id") on update cascade on delete cascade;`);
    this.addSql(`create index "api_token_parent_token_id_index" on "api_token" ("parent_token_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "organization_consent" cascade;`);

    this.addSql(`alter table "api_token" drop constraint "api_token_parent_token_id_foreign";`);

    this.addSql(`drop index "api_token_parent_token_id_index";`);
    this.addSql(`alter table "api_token" drop column "parent_token_id";`);

    this.addSql(`drop type "consent_method";`);
  }
}
