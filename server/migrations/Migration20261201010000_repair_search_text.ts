import { Migration } from '@mikro-orm/migrations';
import { searchKey } from '../text.js';

/**
 * Organizations updated before the fix of issue 8 (item 2) had "undefined" in their search text, in place
 * of their description (the lazy description was not loaded when the text was recomputed). Recomputes the
 * search text of those rows from their name and description, as `searchTextOf` does.
 */
export class Migration20261201010000_repair_search_text extends Migration {
  override async up(): Promise<void> {
    const rows = (await this.execute(`select id, name, description from organization where search_text like '%undefined%'`)) as { id: string; name: string; description: string }[];
    for (const row of rows) {
      const text = searchKey(`${row.name} ${row.description}`);
      this.addSql(this.getKnex().raw('update organization set search_text = ? where id = ?', [text, row.id]).toQuery());
    }
  }

  override async down(): Promise<void> {
    // Nothing to undo: the repaired text is what the code writes.
  }
}
