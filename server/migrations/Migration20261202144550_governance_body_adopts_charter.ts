import { Migration } from '@mikro-orm/migrations';

/**
 * Which body adopts the partnership charter becomes each body's rule (`adoptsCharter`, set by
 * administrators). Existing bodies get their kind's default: the steering board adopts it, the technical
 * committee does not (until now any body's chair could record the charter's amendments).
 */
export class Migration20261202144550_governance_body_adopts_charter extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "governance_body" add column "adopts_charter" boolean not null default false;`);
    this.addSql(`update "governance_body" set "adopts_charter" = true where "kind" = 'STEERING_BOARD';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "governance_body" drop column "adopts_charter";`);
  }
}
