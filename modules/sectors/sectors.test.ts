import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ modules: ['sectors'] });
});
afterAll(async () => t?.close());

describe('sectors', () => {
  it('lists the sectors in display order in one statement, reading only the columns the fields asked for need', async () => {
    const q = '{ sectors { id code name } }';
    await t.gql(q, {});
    t.resetSql();
    const res = await t.gql(q, {});
    expect(res.errors).toBeUndefined();
    expect(res.data.sectors[0]).toMatchObject({ code: 'services-a-la-personne', name: 'Services à la personne' });
    const statements = [...t.sql];
    expect(statements).toHaveLength(1);
    // `id` (the global id) and `code` read the code: `description` is not read.
    const columns = [...statements[0]!.split(' from ')[0]!.matchAll(/e\."(\w+)"/g)].map((m) => m[1]).sort();
    expect(columns).toEqual(['code', 'name', 'position']);
  });

  it('fetches a sector by node id, and answers null for a code it does not know', async () => {
    const { data } = await t.gql('{ sectors { id code } }');
    const res = await t.gql('query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Sector { code } } }', {
      ids: [data.sectors[1].id, Buffer.from('Sector:no-such-sector').toString('base64url')],
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.nodes).toEqual([{ id: data.sectors[1].id, code: data.sectors[1].code }, null]);
  });
});
