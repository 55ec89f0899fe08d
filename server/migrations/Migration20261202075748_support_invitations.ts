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
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "support_invitation" cascade;`);

    this.addSql(`drop type "support_invitation_reason";`);
  }
}
