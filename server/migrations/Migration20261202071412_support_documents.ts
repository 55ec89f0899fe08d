import { Migration } from '@mikro-orm/migrations';

export class Migration20261202071412_support_documents extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "support_document_kind" as enum ('STATUTES', 'ANNUAL_ACCOUNTS', 'CASH_PLAN', 'BUDGET', 'FINANCING_PLAN', 'GENERAL_ASSEMBLY_MINUTES', 'BUSINESS_PLAN', 'QUOTE', 'OTHER');`);
    this.addSql(
      `create table "support_document" ("id" uuid not null, "request_id" uuid not null, "kind" "support_document_kind" not null, "title" varchar(200) not null default '', "file_id" uuid not null, "added_by_id" uuid null, "added_by_partner_id" uuid null, "added_at" timestamptz not null, constraint "support_document_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "support_document_request_id_added_at_index" on "support_document" ("request_id", "added_at");`);

    this.addSql(
      `alter table "support_document" add constraint "support_document_request_id_foreign" foreign key ("request_id") references "support_request" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(`alter table "support_document" add constraint "support_document_file_id_foreign" foreign key ("file_id") references "stored_file" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "support_document" add constraint "support_document_added_by_id_foreign" foreign key ("added_by_id") references "person" ("id") on update cascade on delete set null;`);
    this.addSql(
      `alter table "support_document" add constraint "support_document_added_by_partner_id_foreign" foreign key ("added_by_partner_id") references "partner" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "support_document" cascade;`);

    this.addSql(`drop type "support_document_kind";`);
  }
}
