import { Migration } from '@mikro-orm/migrations';

export class Migration20261202075748_support_invitations extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "support_invitation_reason" as enum ('MATCHED', 'RECEIVING', 'ADDED');`);
    this.addSql(
      `create table "support_invitation" ("id" uuid not null, "request_id" uuid not null, "partner_id" uuid not null, "reason" "support_invitation_reason" not null, "invited_at" timestamptz not null, "invited_by_id" uuid null, constraint "support_invitation_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "support_invitation_partner_id_index" on "support_invitation" ("partner_id");`);
    this.addSql(`alter table "support_invitation" add constraint "support_invitation_request_id_partner_id_unique" unique ("request_id", "partner_id");`);

    this.addSql(
      `alter table "support_invitation" add constraint "support_invitation_request_id_foreign" foreign key ("request_id") references "support_request" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(`alter table "support_invitation" add constraint "support_invitation_partner_id_foreign" foreign key ("partner_id") references "partner" ("id") on update cascade on delete cascade;`);
    this.addSql(
      `alter table "support_invitation" add constraint "support_invitation_invited_by_id_foreign" foreign key ("invited_by_id") references "person" ("id") on update cascade on delete set null;`,
    );

    // Requests qualified before invitations existed: their receiving partner and the partners that took position
    // were asked (the matching as it stood at their qualification is not known any more).
    this.addSql(
      `insert into "support_invitation" ("id", "request_id", "partner_id", "reason", "invited_at") select gen_random_uuid(), r."id", r."receiving_partner_id", 'RECEIVING', r."qualified_at" from "support_request" r where r."qualified_at" is not null on conflict ("request_id", "partner_id") do nothing;`,
    );
    this.addSql(
      `insert into "support_invitation" ("id", "request_id", "partner_id", "reason", "invited_at") select gen_random_uuid(), p."request_id", p."partner_id", 'MATCHED', r."qualified_at" from "support_position" p join "support_request" r on r."id" = p."request_id" where r."qualified_at" is not null on conflict ("request_id", "partner_id") do nothing;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "support_invitation" cascade;`);

    this.addSql(`drop type "support_invitation_reason";`);
  }
}
