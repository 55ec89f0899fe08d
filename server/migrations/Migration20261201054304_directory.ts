import { Migration } from '@mikro-orm/migrations';

export class Migration20261201054304_directory extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "accreditation_kind" as enum ('SIAE_ACI', 'SIAE_AI', 'SIAE_EI', 'SIAE_ETTI', 'ESUS', 'EA', 'ESAT', 'SAP', 'JEP', 'GENERAL_INTEREST');`);
    this.addSql(
      `create table "platform_settings" ("id" varchar(20) not null default 'platform', "fixed_reference_date" date null, "data_describes" date null, "updated_at" timestamptz not null, constraint "platform_settings_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "organization_figures" ("id" uuid not null, "organization_id" uuid not null, "year" int not null, "headcount" int not null, "fte" double precision not null default 0, "insertion_employees" int not null default 0, "subsidised_contracts" int not null default 0, "volunteers" int not null default 0, "members" int not null default 0, "income" int null, "payroll" int null, "public_funding_share" double precision null, "main_funders" text[] not null default '{}', "equity" int null, constraint "organization_figures_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "organization_figures" add constraint "organization_figures_organization_id_year_unique" unique ("organization_id", "year");`);

    this.addSql(
      `create table "accreditation" ("id" uuid not null, "organization_id" uuid not null, "kind" "accreditation_kind" not null, "since" date not null, "until" date null, "posts_fte" double precision null, "reference" varchar(60) null, constraint "accreditation_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "accreditation_organization_id_index" on "accreditation" ("organization_id");`);
    this.addSql(
      `alter table "organization_figures" add constraint "organization_figures_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "accreditation" add constraint "accreditation_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(`alter table "sector" add column "naf_codes" text[] not null default '{}';`);
    this.addSql(`alter table "commune" add column "rural_revitalisation_zone" boolean null, add column "priority_districts" text[] not null default '{}';`);
    // The commune of Desvres-Samer was misnamed: it is Questrecques.
    this.addSql(`update "commune" set "name" = 'Questrecques', "slug" = 'questrecques' where "slug" = 'zoteux' and not exists (select 1 from "commune" where "slug" = 'questrecques');`);

    // Insertion kinds were legal forms: they become conventionnements held by an entity of a form that
    // may hold them (an ACI or an AI by an association; an EI or an ETTI by a company, here a SARL), and
    // ESUS an accreditation (automatic for SIAE, so recorded for the others only). Dates not recorded
    // before are taken from the creation year, else from the record's creation.
    this.addSql(
      `insert into "accreditation" ("id", "organization_id", "kind", "since") select gen_random_uuid(), "id", "legal_form"::text::"accreditation_kind", coalesce(make_date("founded_year", 1, 1), "created_at"::date) from "organization" where "legal_form"::text like 'SIAE\\_%';`,
    );
    this.addSql(
      `insert into "accreditation" ("id", "organization_id", "kind", "since") select gen_random_uuid(), "id", 'ESUS', greatest(date '2014-08-01', "created_at"::date) from "organization" where "esus" and "legal_form"::text not like 'SIAE\\_%';`,
    );
    this.addSql(`alter table "organization" drop column "esus";`);
    this.addSql(
      `create type "legal_form_v2" as enum ('ASSOCIATION', 'SCOP', 'SCIC', 'COOPERATIVE', 'MUTUAL_HEALTH', 'MUTUAL_INSURANCE', 'FOUNDATION', 'SARL', 'SAS', 'SA', 'COMMUNE', 'CCAS', 'INDIVIDUAL');`,
    );
    this.addSql(
      `alter table "organization" alter column "legal_form" type "legal_form_v2" using (case "legal_form"::text when 'MUTUAL' then 'MUTUAL_HEALTH' when 'SIAE_ACI' then 'ASSOCIATION' when 'SIAE_AI' then 'ASSOCIATION' when 'SIAE_EI' then 'SARL' when 'SIAE_ETTI' then 'SARL' else "legal_form"::text end)::"legal_form_v2";`,
    );
    this.addSql(`drop type "legal_form";`);
    this.addSql(`alter type "legal_form_v2" rename to "legal_form";`);
    this.addSql(`create type "stage_v2" as enum ('EMERGENCE', 'CREATION', 'DEVELOPMENT', 'CONSOLIDATION', 'RECOVERY');`);
    this.addSql(`alter table "organization" alter column "stage" type "stage_v2" using "stage"::text::"stage_v2";`);
    this.addSql(`drop type "stage";`);
    this.addSql(`alter type "stage_v2" rename to "stage";`);

    this.addSql(
      `alter table "organization" add column "head_office" boolean null, add column "naf_code" varchar(6) null, add column "rna" varchar(10) null, add column "sector_codes" text[] not null default '{}', add column "creation_date" date null, add column "address" varchar(200) null, add column "postal_code" varchar(5) null, add column "priority_district" varchar(100) null, add column "publics" text[] not null default '{}';`,
    );
    this.addSql(`alter table "organization" add constraint "organization_rna_unique" unique ("rna");`);
    // Insertion is a mode, not a sector: organizations filed under it move to social action (NAF 88.99B,
    // the code most ACIs register under); their conventionnement says they work in insertion.
    this.addSql(`update "organization" set "sector_code" = 'action-sociale-sante' where "sector_code" = 'insertion' and exists (select 1 from "sector" where "code" = 'action-sociale-sante');`);
    this.addSql(`update "organization" set "sector_codes" = array["sector_code"::text];`);
    this.addSql(`delete from "sector" where "code" = 'insertion' and not exists (select 1 from "organization" where "sector_code" = 'insertion');`);

    this.addSql(
      `alter table "organization_consent" add column "purpose" text not null default 'Examen collectif de la demande et accompagnement par les partenaires de la plate-forme ESS', add column "scope" text not null default 'Coordonnées des personnes contacts et dossier de la structure, partagés avec les partenaires de la plate-forme', add column "retain_until" date null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "platform_settings" cascade;`);
    this.addSql(`alter table "organization" add column "esus" bool not null default false;`);
    this.addSql(`update "organization" set "esus" = true where exists (select 1 from "accreditation" a where a."organization_id" = "organization"."id" and a."kind" = 'ESUS');`);
    this.addSql(`drop table if exists "organization_figures" cascade;`);
    this.addSql(`drop table if exists "accreditation" cascade;`);
    this.addSql(`alter table "commune" drop column "rural_revitalisation_zone", drop column "priority_districts";`);
    this.addSql(`alter table "organization" drop constraint "organization_rna_unique";`);
    this.addSql(
      `alter table "organization" drop column "head_office", drop column "naf_code", drop column "rna", drop column "sector_codes", drop column "creation_date", drop column "address", drop column "postal_code", drop column "priority_district", drop column "publics";`,
    );
    this.addSql(`alter table "organization_consent" drop column "purpose", drop column "scope", drop column "retain_until";`);
    this.addSql(`alter table "sector" drop column "naf_codes";`);
    this.addSql(`drop type "accreditation_kind";`);
  }
}
