import { Migration } from '@mikro-orm/migrations';

export class Migration20261202010324_add_interview_grids extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "grid_version_status" as enum ('draft', 'published');`);
    this.addSql(`create type "interview_status" as enum ('draft', 'completed', 'validated');`);
    this.addSql(`create type "answer_confidentiality" as enum ('shared', 'partnerAndCommittee', 'interviewerOnly');`);
    this.addSql(
      `create table "grid_version" ("id" uuid not null, "code" varchar(60) not null, "version" int not null, "title" varchar(200) not null, "status" "grid_version_status" not null default 'draft', "published_at" timestamptz null, "definition" jsonb not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "grid_version_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "grid_version_code_version_id_index" on "grid_version" ("code", "version", "id");`);
    this.addSql(`alter table "grid_version" add constraint "grid_version_code_version_unique" unique ("code", "version");`);

    this.addSql(
      `create table "interview" ("id" uuid not null, "organization_id" uuid not null, "grid_version_id" uuid not null, "partner_id" uuid not null, "interviewer_id" uuid null, "date" date not null, "status" "interview_status" not null default 'draft', "version" int not null default 1, "completed_at" timestamptz null, "validated_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "interview_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "interview_organization_id_index" on "interview" ("organization_id");`);
    this.addSql(`create index "interview_grid_version_id_index" on "interview" ("grid_version_id");`);
    this.addSql(`create index "interview_partner_id_index" on "interview" ("partner_id");`);
    this.addSql(`create index "interview_interviewer_id_index" on "interview" ("interviewer_id");`);
    this.addSql(`create index "interview_organization_id_date_index" on "interview" ("organization_id", "date");`);
    this.addSql(`create index "interview_date_id_index" on "interview" ("date", "id");`);

    this.addSql(
      `create table "interview_answer" ("id" uuid not null, "interview_id" uuid not null, "question_code" varchar(60) not null, "value" jsonb null, "confidentiality" "answer_confidentiality" not null, "updated_at" timestamptz not null, "updated_by_id" uuid null, constraint "interview_answer_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "interview_answer" add constraint "interview_answer_interview_id_question_code_unique" unique ("interview_id", "question_code");`);

    this.addSql(`alter table "interview" add constraint "interview_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "interview" add constraint "interview_grid_version_id_foreign" foreign key ("grid_version_id") references "grid_version" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "interview" add constraint "interview_partner_id_foreign" foreign key ("partner_id") references "partner" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "interview" add constraint "interview_interviewer_id_foreign" foreign key ("interviewer_id") references "person" ("id") on update cascade on delete set null;`);

    this.addSql(
      `alter table "interview_answer" add constraint "interview_answer_interview_id_foreign" foreign key ("interview_id") references "interview" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "interview" drop constraint "interview_grid_version_id_foreign";`);

    this.addSql(`alter table "interview_answer" drop constraint "interview_answer_interview_id_foreign";`);

    this.addSql(`drop table if exists "grid_version" cascade;`);

    this.addSql(`drop table if exists "interview" cascade;`);

    this.addSql(`drop table if exists "interview_answer" cascade;`);

    this.addSql(`drop type "grid_version_status";`);
    this.addSql(`drop type "interview_status";`);
    this.addSql(`drop type "answer_confidentiality";`);
  }
}
