import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/core';
import { openDatabase } from '../server/database.js';
import { ALL_MODULES } from '../modules/index.js';
import { createTestDatabase } from './harness.js';

/* Data migrations, on PGlite and PostgreSQL: each is run on rows written as the code before it wrote them. */

let orm: MikroORM;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  orm = await openDatabase({ databaseUrl: database.url, dataDir: null, entities: ALL_MODULES.flatMap((m) => m.entities) });
});
afterAll(async () => {
  await orm?.close(true);
  await database?.drop();
});

describe('Migration20261201010000_repair_search_text', () => {
  it('recomputes the search text that updates wrote with "undefined" in place of the description, and only that', async () => {
    const migrator = orm.getMigrator();
    await migrator.up({ to: 'Migration20261201001334_consent_history_token_parent' });
    const sql = (q: string) => orm.em.fork().getConnection().execute(q);
    await sql(`insert into sector (code, name) values ('culture', 'Culture')`);
    await sql(`insert into territory (id, name) values ('00000000-0000-4000-8000-000000000001', 'Boulonnais')`);
    await sql(`insert into intercommunality (id, name, short_name, territory_id) values ('00000000-0000-4000-8000-000000000002', 'CAB', 'CAB', '00000000-0000-4000-8000-000000000001')`);
    await sql(`insert into commune (id, name, slug, intercommunality_id) values ('00000000-0000-4000-8000-000000000003', 'Wimereux', 'wimereux', '00000000-0000-4000-8000-000000000002')`);
    const organization = (id: string, name: string, description: string, searchText: string) =>
      sql(`insert into organization (id, name, search_text, legal_form, sector_code, commune_id, stage, description, created_at, updated_at)
           values ('${id}', '${name}', '${searchText}', 'ASSOCIATION', 'culture', '00000000-0000-4000-8000-000000000003', 'CREATION', '${description}', now(), now())`);
    await organization('00000000-0000-4000-8000-00000000000a', 'Théâtre du Détroit', 'Spectacles vivants, Côte Opale', 'theatre du detroit undefined');
    await organization('00000000-0000-4000-8000-00000000000b', 'Le Bon Café', 'Café associatif', 'le bon cafe cafe associatif');

    await migrator.up();

    const rows = (await sql(`select id, search_text from organization order by id`)) as { id: string; search_text: string }[];
    expect(rows.map((r) => r.search_text)).toEqual(['theatre du detroit spectacles vivants, cote opale', 'le bon cafe cafe associatif']);
  });
});
