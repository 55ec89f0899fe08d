import { Migration } from '@mikro-orm/migrations';

/**
 * Partners with several roles, representation and names over time; intervention criteria with the new
 * axes; schemes with their eligibility, validity and State-aid frame; the State-aid rules. Existing
 * criteria move to the new vocabulary: insertion kinds leave the legal forms (and the removed insertion
 * sector) for the accreditations, MUTUAL becomes both kinds of mutual; every partner's roles start with its kind.
 */
export class Migration20261201054814_partners_matching extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "state_aid_frame" as enum ('DE_MINIMIS_GENERAL', 'DE_MINIMIS_SIEG');`);

    this.addSql(
      `create table "state_aid_rule" ("id" uuid not null, "slug" varchar(80) not null, "frame" "state_aid_frame" not null, "name" varchar(200) not null, "regulation" varchar(200) not null, "ceiling" int not null, "period_years" int not null, "description" text not null default '', "valid_from" date null, "valid_until" date null, constraint "state_aid_rule_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "state_aid_rule" add constraint "state_aid_rule_slug_unique" unique ("slug");`);

    this.addSql(
      `alter table "partner" add column "current_name" varchar(200) null, add column "name_changed_year" int null, add column "roles" text[] not null default '{}', add column "represents_ids" text[] not null default '{}';`,
    );

    this.addSql(
      `alter table "intervention_criteria" add column "accreditations" text[] not null default '{}', add column "publics" text[] not null default '{}', add column "need_types" text[] not null default '{}', add column "employer_required" boolean not null default false, add column "min_employees" int null, add column "max_employees" int null, add column "min_age_years" int null, add column "max_age_years" int null, add column "co_financing_required" boolean not null default false, add column "intercommunality_ids" text[] not null default '{}', add column "department_codes" text[] not null default '{}', add column "region_codes" text[] not null default '{}';`,
    );

    this.addSql(`alter type "funding_scheme_kind" add value if not exists 'QUASI_EQUITY' after 'GUARANTEE';`);

    this.addSql(`update "partner" set "roles" = array["kind"::text];`);
    this.addSql(
      `update "intervention_criteria" set ` +
        `"accreditations" = array(select distinct f from unnest("legal_forms") f where f like 'SIAE\\_%' order by f), ` +
        `"legal_forms" = array(select f from unnest("legal_forms") f where f not like 'SIAE\\_%' and f <> 'MUTUAL') || ` +
        `case when 'MUTUAL' = any("legal_forms") then array['MUTUAL_HEALTH', 'MUTUAL_INSURANCE']::text[] else '{}'::text[] end ` +
        `where exists (select 1 from unnest("legal_forms") f where f like 'SIAE\\_%' or f = 'MUTUAL');`,
    );
    this.addSql(
      `update "intervention_criteria" set ` +
        `"sector_codes" = array_remove("sector_codes", 'insertion'), ` +
        `"accreditations" = case when cardinality("accreditations") = 0 then array['SIAE_ACI', 'SIAE_AI', 'SIAE_EI', 'SIAE_ETTI']::text[] else "accreditations" end ` +
        `where 'insertion' = any("sector_codes");`,
    );

    this.addSql(
      `alter table "funding_scheme" add column "short_name" varchar(60) null, add column "legal_forms" text[] not null default '{}', add column "accreditations" text[] not null default '{}', add column "publics" text[] not null default '{}', add column "need_types" text[] not null default '{}', add column "employer_required" boolean not null default false, add column "min_employees" int null, add column "max_employees" int null, add column "min_age_years" int null, add column "max_age_years" int null, add column "co_financing_required" boolean not null default false, add column "guarantee_rate" double precision null, add column "deciding_body" varchar(200) not null default '', add column "calendar" text not null default '', add column "typical_delay_days" int null, add column "yearly_envelope" int null, add column "valid_from" date null, add column "valid_until" date null, add column "state_aid_frame" "state_aid_frame" null, add column "legal_frame" text not null default '';`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "state_aid_rule" cascade;`);

    this.addSql(
      `alter table "funding_scheme" drop column "short_name", drop column "legal_forms", drop column "accreditations", drop column "publics", drop column "need_types", drop column "employer_required", drop column "min_employees", drop column "max_employees", drop column "min_age_years", drop column "max_age_years", drop column "co_financing_required", drop column "guarantee_rate", drop column "deciding_body", drop column "calendar", drop column "typical_delay_days", drop column "yearly_envelope", drop column "valid_from", drop column "valid_until", drop column "state_aid_frame", drop column "legal_frame";`,
    );

    this.addSql(
      `alter table "intervention_criteria" drop column "accreditations", drop column "publics", drop column "need_types", drop column "employer_required", drop column "min_employees", drop column "max_employees", drop column "min_age_years", drop column "max_age_years", drop column "co_financing_required", drop column "intercommunality_ids", drop column "department_codes", drop column "region_codes";`,
    );

    this.addSql(`alter table "partner" drop column "current_name", drop column "name_changed_year", drop column "roles", drop column "represents_ids";`);

    this.addSql(`drop type "state_aid_frame";`);
  }
}
