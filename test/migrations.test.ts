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

describe('Migration20261201054814_partners_matching', () => {
  let own: MikroORM;
  let ownDatabase: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    ownDatabase = await createTestDatabase();
    own = await openDatabase({ databaseUrl: ownDatabase.url, dataDir: null, entities: ALL_MODULES.flatMap((m) => m.entities) });
  });
  afterAll(async () => {
    await own?.close(true);
    await ownDatabase?.drop();
  });

  it('moves insertion kinds from legal forms and the insertion sector to accreditations, splits MUTUAL, and gives each partner its kind as role', async () => {
    const migrator = own.getMigrator();
    await migrator.up({ to: 'Migration20261201020000_event_outbox' });
    const sql = (q: string) => own.em.fork().getConnection().execute(q);
    await sql(`insert into partner (id, slug, name, kind, created_at, updated_at) values ('00000000-0000-4000-8000-000000000001', 'direccte', 'Direccte', 'FUNDER', now(), now())`);
    const criteria = (n: number, sectors: string, forms: string) =>
      sql(
        `insert into intervention_criteria (id, partner_id, label, sector_codes, legal_forms) values ('00000000-0000-4000-8000-00000000001${n}', '00000000-0000-4000-8000-000000000001', 'c${n}', '${sectors}', '${forms}')`,
      );
    await criteria(1, '{insertion}', '{SIAE_ACI,SIAE_EI,SIAE_ETTI,SIAE_AI}');
    await criteria(2, '{insertion}', '{}');
    await criteria(3, '{culture}', '{ASSOCIATION,MUTUAL,SIAE_ACI}');
    await criteria(4, '{culture,insertion}', '{SCOP}');
    await criteria(5, '{}', '{ASSOCIATION}');

    await migrator.up({ to: 'Migration20261201054814_partners_matching' });

    const rows = (await sql(`select label, sector_codes, legal_forms, accreditations from intervention_criteria order by label`)) as Record<string, unknown>[];
    expect(rows).toEqual([
      { label: 'c1', sector_codes: [], legal_forms: [], accreditations: ['SIAE_ACI', 'SIAE_AI', 'SIAE_EI', 'SIAE_ETTI'] },
      { label: 'c2', sector_codes: [], legal_forms: [], accreditations: ['SIAE_ACI', 'SIAE_AI', 'SIAE_EI', 'SIAE_ETTI'] },
      { label: 'c3', sector_codes: ['culture'], legal_forms: ['ASSOCIATION', 'MUTUAL_HEALTH', 'MUTUAL_INSURANCE'], accreditations: ['SIAE_ACI'] },
      { label: 'c4', sector_codes: ['culture'], legal_forms: ['SCOP'], accreditations: ['SIAE_ACI', 'SIAE_AI', 'SIAE_EI', 'SIAE_ETTI'] },
      { label: 'c5', sector_codes: [], legal_forms: ['ASSOCIATION'], accreditations: [] },
    ]);
    expect(await sql(`select roles, represents_ids from partner`)).toEqual([{ roles: ['FUNDER'], represents_ids: [] }]);
  });
});
