import { Migration } from '@mikro-orm/migrations';

export class Migration20261128030938_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "partner_kind" as enum ('FUNDER', 'EXPERT', 'TECHNICAL_PARTNER', 'SSE_REPRESENTATIVE', 'HOST');`);
    this.addSql(`create type "funding_scheme_kind" as enum ('GRANT', 'LOAN', 'HONOUR_LOAN', 'GUARANTEE', 'EQUITY', 'SUPPORT_PROGRAMME');`);
    this.addSql(`create type "platform_role" as enum ('ADMIN');`);
    this.addSql(`create type "membership_role" as enum ('MANAGER', 'MEMBER');`);
    this.addSql(`create type "legal_form" as enum ('ASSOCIATION', 'MUTUAL', 'SCOP', 'SCIC', 'COOPERATIVE', 'SARL', 'SAS', 'FOUNDATION', 'SIAE_ACI', 'SIAE_EI', 'SIAE_ETTI', 'SIAE_AI');`);
    this.addSql(`create type "stage" as enum ('CREATION', 'DEVELOPMENT', 'CONSOLIDATION');`);
    this.addSql(
      `create table "partner" ("id" uuid not null, "slug" varchar(80) not null, "name" varchar(200) not null, "short_name" varchar(60) null, "kind" "partner_kind" not null, "description" text not null default '', "website" varchar(300) null, "email" varchar(254) null, "technical_committee" boolean not null default false, "steering_board" boolean not null default false, "constraints" text[] not null default '{}', "needs" text[] not null default '{}', "contributions" text[] not null default '{}', "active" boolean not null default true, "search_text" text not null default '', "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "partner_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "partner" add constraint "partner_slug_unique" unique ("slug");`);
    this.addSql(`alter table "partner" add constraint "partner_name_unique" unique ("name");`);
    this.addSql(`create index "partner_name_id_index" on "partner" ("name", "id");`);

    this.addSql(
      `create table "intervention_criteria" ("id" uuid not null, "partner_id" uuid not null, "label" varchar(200) not null, "sector_codes" text[] not null default '{}', "stages" text[] not null default '{}', "legal_forms" text[] not null default '{}', "min_amount" int null, "max_amount" int null, "whole_territory" boolean not null default true, "commune_ids" text[] not null default '{}', constraint "intervention_criteria_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "intervention_criteria_partner_id_index" on "intervention_criteria" ("partner_id");`);

    this.addSql(
      `create table "funding_scheme" ("id" uuid not null, "partner_id" uuid not null, "name" varchar(200) not null, "kind" "funding_scheme_kind" not null, "description" text not null default '', "eligibility" text not null default '', "min_amount" int null, "max_amount" int null, "stages" text[] not null default '{}', "active" boolean not null default true, constraint "funding_scheme_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "funding_scheme_partner_id_index" on "funding_scheme" ("partner_id");`);
    this.addSql(`create index "funding_scheme_name_id_index" on "funding_scheme" ("name", "id");`);

    this.addSql(
      `create table "person" ("id" uuid not null, "name" varchar(200) not null, "email" varchar(254) not null, "platform_role" "platform_role" null, "active" boolean not null default true, "created_at" timestamptz not null, constraint "person_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "person" add constraint "person_email_unique" unique ("email");`);

    this.addSql(
      `create table "membership" ("id" uuid not null, "person_id" uuid not null, "partner_id" uuid not null, "role" "membership_role" not null, "created_at" timestamptz not null, constraint "membership_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "membership_person_id_index" on "membership" ("person_id");`);
    this.addSql(`create index "membership_partner_id_index" on "membership" ("partner_id");`);
    this.addSql(`alter table "membership" add constraint "membership_person_id_partner_id_unique" unique ("person_id", "partner_id");`);

    this.addSql(
      `create table "api_token" ("id" uuid not null, "person_id" uuid not null, "name" varchar(200) not null, "token_hash" varchar(64) not null, "prefix" varchar(16) not null, "created_at" timestamptz not null, "expires_at" timestamptz null, "revoked_at" timestamptz null, constraint "api_token_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "api_token_person_id_index" on "api_token" ("person_id");`);
    this.addSql(`alter table "api_token" add constraint "api_token_token_hash_unique" unique ("token_hash");`);

    this.addSql(
      `create table "sector" ("code" varchar(64) not null, "name" varchar(120) not null, "description" text not null default '', "position" int not null default 0, constraint "sector_pkey" primary key ("code"));`,
    );

    this.addSql(`create table "territory" ("id" uuid not null, "name" varchar(200) not null, "description" text not null default '', constraint "territory_pkey" primary key ("id"));`);
    this.addSql(`alter table "territory" add constraint "territory_name_unique" unique ("name");`);

    this.addSql(
      `create table "intercommunality" ("id" uuid not null, "name" varchar(200) not null, "short_name" varchar(20) not null, "territory_id" uuid not null, constraint "intercommunality_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "intercommunality" add constraint "intercommunality_name_unique" unique ("name");`);
    this.addSql(`create index "intercommunality_territory_id_index" on "intercommunality" ("territory_id");`);

    this.addSql(
      `create table "commune" ("id" uuid not null, "name" varchar(120) not null, "slug" varchar(120) not null, "intercommunality_id" uuid not null, constraint "commune_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "commune_name_index" on "commune" ("name");`);
    this.addSql(`alter table "commune" add constraint "commune_slug_unique" unique ("slug");`);
    this.addSql(`create index "commune_intercommunality_id_index" on "commune" ("intercommunality_id");`);

    this.addSql(
      `create table "organization" ("id" uuid not null, "name" varchar(200) not null, "search_text" text not null default '', "legal_form" "legal_form" not null, "siret" varchar(14) null, "sector_code" varchar(64) not null, "commune_id" uuid not null, "employees" int not null default 0, "founded_year" int null, "stage" "stage" not null, "esus" boolean not null default false, "description" text not null default '', "email" varchar(254) null, "phone" varchar(30) null, "website" varchar(300) null, "consent_to_share" boolean not null default false, "consent_recorded_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "organization_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "organization" add constraint "organization_siret_unique" unique ("siret");`);
    this.addSql(`create index "organization_sector_code_index" on "organization" ("sector_code");`);
    this.addSql(`create index "organization_commune_id_index" on "organization" ("commune_id");`);
    this.addSql(`create index "organization_updated_at_index" on "organization" ("updated_at");`);
    this.addSql(`create index "organization_name_id_index" on "organization" ("name", "id");`);

    this.addSql(
      `create table "organization_contact" ("id" uuid not null, "organization_id" uuid not null, "first_name" varchar(100) not null, "last_name" varchar(100) not null, "role" varchar(100) not null default '', "email" varchar(254) null, "phone" varchar(30) null, "is_holder" boolean not null default false, "created_at" timestamptz not null, constraint "organization_contact_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "organization_contact_organization_id_index" on "organization_contact" ("organization_id");`);

    this.addSql(
      `alter table "intervention_criteria" add constraint "intervention_criteria_partner_id_foreign" foreign key ("partner_id") references "partner" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(`alter table "funding_scheme" add constraint "funding_scheme_partner_id_foreign" foreign key ("partner_id") references "partner" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "membership" add constraint "membership_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "membership" add constraint "membership_partner_id_foreign" foreign key ("partner_id") references "partner" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "api_token" add constraint "api_token_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);

    this.addSql(
      `alter table "intercommunality" add constraint "intercommunality_territory_id_foreign" foreign key ("territory_id") references "territory" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "commune" add constraint "commune_intercommunality_id_foreign" foreign key ("intercommunality_id") references "intercommunality" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(`alter table "organization" add constraint "organization_sector_code_foreign" foreign key ("sector_code") references "sector" ("code") on update cascade;`);
    this.addSql(`alter table "organization" add constraint "organization_commune_id_foreign" foreign key ("commune_id") references "commune" ("id") on update cascade;`);

    this.addSql(
      `alter table "organization_contact" add constraint "organization_contact_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "intervention_criteria" drop constraint "intervention_criteria_partner_id_foreign";`);

    this.addSql(`alter table "funding_scheme" drop constraint "funding_scheme_partner_id_foreign";`);

    this.addSql(`alter table "membership" drop constraint "membership_partner_id_foreign";`);

    this.addSql(`alter table "membership" drop constraint "membership_person_id_foreign";`);

    this.addSql(`alter table "api_token" drop constraint "api_token_person_id_foreign";`);

    this.addSql(`alter table "organization" drop constraint "organization_sector_code_foreign";`);

    this.addSql(`alter table "intercommunality" drop constraint "intercommunality_territory_id_foreign";`);

    this.addSql(`alter table "commune" drop constraint "commune_intercommunality_id_foreign";`);

    this.addSql(`alter table "organization" drop constraint "organization_commune_id_foreign";`);

    this.addSql(`alter table "organization_contact" drop constraint "organization_contact_organization_id_foreign";`);

    this.addSql(`drop table if exists "partner" cascade;`);

    this.addSql(`drop table if exists "intervention_criteria" cascade;`);

    this.addSql(`drop table if exists "funding_scheme" cascade;`);

    this.addSql(`drop table if exists "person" cascade;`);

    this.addSql(`drop table if exists "membership" cascade;`);

    this.addSql(`drop table if exists "api_token" cascade;`);

    this.addSql(`drop table if exists "sector" cascade;`);

    this.addSql(`drop table if exists "territory" cascade;`);

    this.addSql(`drop table if exists "intercommunality" cascade;`);

    this.addSql(`drop table if exists "commune" cascade;`);

    this.addSql(`drop table if exists "organization" cascade;`);

    this.addSql(`drop table if exists "organization_contact" cascade;`);

    this.addSql(`drop type "partner_kind";`);
    this.addSql(`drop type "funding_scheme_kind";`);
    this.addSql(`drop type "platform_role";`);
    this.addSql(`drop type "membership_role";`);
    this.addSql(`drop type "legal_form";`);
    this.addSql(`drop type "stage";`);
  }
}
