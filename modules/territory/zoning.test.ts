import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TOKENS, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ modules: ['territory', 'accounts'], demoScale: { organizations: 10 } });
});
afterAll(async () => t?.close());

const SET = 'mutation($id: ID!, $input: CommuneZoningInput!) { setCommuneZoning(id: $id, input: $input) { name ruralRevitalisationZone priorityDistricts } }';

async function communeId(name: string): Promise<string> {
  const res = await t.gql('query($s: String) { communes(first: 5, filter: { search: $s }) { edges { node { id name } } } }', { s: name });
  return res.data.communes.edges.find((e: any) => e.node.name === name).node.id;
}

describe("a commune's zoning", () => {
  it('carries the priority districts the reference data knows, and no ZRR classification until one is recorded', async () => {
    const res = await t.gql('{ communes(first: 100) { edges { node { name ruralRevitalisationZone priorityDistricts } } } }');
    const byName = new Map(res.data.communes.edges.map((e: any) => [e.node.name, e.node]));
    expect(byName.get('Boulogne-sur-Mer')).toMatchObject({ priorityDistricts: ['Chemin Vert'], ruralRevitalisationZone: null });
    expect(byName.get('Outreau')).toMatchObject({ priorityDistricts: ['Tour du Renard'] });
    expect(byName.has('Questrecques')).toBe(true);
    expect(byName.has('Zoteux')).toBe(false);
  });

  it('is recorded by administrators only, trimmed and without duplicates; bad input changes nothing', async () => {
    const id = await communeId('Colembert');
    for (const token of [undefined, TOKENS.expert, TOKENS.funder]) {
      const denied = await t.gql(SET, { id, input: { ruralRevitalisationZone: true } }, token);
      expect(denied.errors[0].extensions.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    }
    const bad = await t.gql(SET, { id, input: { ruralRevitalisationZone: true, priorityDistricts: ['x'] } }, TOKENS.admin);
    expect(bad.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const set = await t.gql(SET, { id, input: { ruralRevitalisationZone: true, priorityDistricts: [' Centre bourg ', 'Centre bourg'] } }, TOKENS.admin);
    expect(set.errors).toBeUndefined();
    expect(set.data.setCommuneZoning).toEqual({ name: 'Colembert', ruralRevitalisationZone: true, priorityDistricts: ['Centre bourg'] });
    const partial = await t.gql(SET, { id, input: { ruralRevitalisationZone: null } }, TOKENS.admin);
    expect(partial.data.setCommuneZoning).toEqual({ name: 'Colembert', ruralRevitalisationZone: null, priorityDistricts: ['Centre bourg'] });
  });
});
