import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ modules: ['territory'] });
});
afterAll(async () => t?.close());

/** The statements of an operation, after a first run (caches warm); anonymous: the module runs without accounts. */
async function statementsOf(query: string, variables: Record<string, unknown> = {}): Promise<{ data: any; statements: string[] }> {
  const warm = await t.gql(query, variables);
  expect(warm.errors, JSON.stringify(warm.errors)).toBeUndefined();
  t.resetSql();
  const res = await t.gql(query, variables);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return { data: res.data, statements: [...t.sql] };
}

const shape = (statements: string[]) => statements.map((s) => s.replace(/\s+/g, ' ').slice(0, 80));

describe('territory', () => {
  it('lists communes with their intercommunality, its territory and its communes in as many statements for 5 as for 50', async () => {
    const q = `query($first: Int) { communes(first: $first) { totalCount edges { node { id name slug
      intercommunality { id shortName territory { name } communes { name } } } } } }`;
    const small = await statementsOf(q, { first: 5 });
    const large = await statementsOf(q, { first: 50 });
    expect(small.data.communes.edges).toHaveLength(5);
    expect(large.data.communes.edges).toHaveLength(50);
    expect(large.data.communes.totalCount).toBe(53);
    expect(large.data.communes.edges.every((e: any) => e.node.intercommunality.territory.name === 'Boulonnais')).toBe(true);
    expect(shape(large.statements)).toEqual(shape(small.statements));
    // The page with its count and intercommunalities joined, then one statement per level below.
    expect(large.statements).toHaveLength(3);
    expect(large.statements[0]).toContain('left join "intercommunality" j0');
    expect(large.statements[0]).toContain('count(*)');
    // Values are bound parameters, never in the text.
    expect(large.statements.join('\n')).not.toMatch(/'[0-9a-f]{8}-[0-9a-f]{4}/);
  });

  it('reads territories with their intercommunalities gathered, and their communes, in two statements', async () => {
    const { data, statements } = await statementsOf('{ territories { id name intercommunalities { id name shortName communes { name } } } }');
    const [boulonnais] = data.territories;
    expect(boulonnais.intercommunalities.map((i: any) => i.shortName)).toEqual(['CAB', 'CCDS']);
    expect(boulonnais.intercommunalities.map((i: any) => i.communes.length)).toEqual([22, 31]);
    expect(boulonnais.intercommunalities[0].communes[0].name).toBe('Baincthun');
    expect(statements).toHaveLength(2);
    expect(statements[0]).toMatch(/from \(select \* from "intercommunality" g where g."territory_id" = e."id" order by g."name" asc, g."id" asc limit 25\) g/);
  });

  it('searches communes by slug, words in order, and filters by intercommunality', async () => {
    const search = await t.gql('{ communes(first: 10, filter: { search: "Saint Mar" }) { edges { node { name } } } }');
    expect(search.data.communes.edges.map((e: any) => e.node.name)).toEqual(['Saint-Martin-Boulogne', 'Saint-Martin-Choquel']);
    const ccds = (await t.gql('{ intercommunalities { id shortName } }')).data.intercommunalities.find((i: any) => i.shortName === 'CCDS');
    const inCcds = await t.gql('query($id: ID!) { communes(first: 100, filter: { intercommunalityId: $id }) { totalCount } }', { id: ccds.id });
    expect(inCcds.data.communes.totalCount).toBe(31);
  });

  it('fetches territories, intercommunalities and communes by node id', async () => {
    const { data } = await t.gql('{ communes(first: 1) { edges { node { id name intercommunality { id name territory { id name } } } } } }');
    const commune = data.communes.edges[0].node;
    const ids = [commune.id, commune.intercommunality.id, commune.intercommunality.territory.id];
    const nodes = await t.gql('query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Commune { name } ... on Intercommunality { name } ... on Territory { name } } }', { ids });
    expect(nodes.data.nodes.map((n: any) => n.name)).toEqual([commune.name, commune.intercommunality.name, 'Boulonnais']);
  });
});
