import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../server/app.js';
import { DEFAULT_LIMITS } from '../server/config.js';
import { createTestDatabase, testConfig, TOKENS } from './harness.js';

/*
 * Lists answer in a number of SQL statements that does not grow with the page: the same count for a
 * page of 5 and a page of 50, nested fields included. A generated demo with 60 partners, so that a page
 * of 50 partners is full.
 */

let app: App;
let url: string;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
const sql: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createApp(
    // A page of 50 partners with every nested list costs more than the default limit allows.
    testConfig({ databaseUrl: database.url, limits: { ...DEFAULT_LIMITS, maxCost: Number.MAX_SAFE_INTEGER } }),
    { demoScale: { organizations: 300, employers: 120, partners: 60 }, onQuery: (s) => sql.push(s) },
  );
  url = await app.listen();
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

async function gql(query: string, variables: Record<string, unknown>, token: string): Promise<any> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return res.json();
}

/** Statements one operation ran, after a first run (tokens seen, statistics, caches warm). */
async function statementsOf(query: string, variables: Record<string, unknown>, token: string): Promise<{ data: any; statements: string[] }> {
  const warm = await gql(query, variables, token);
  expect(warm.errors, JSON.stringify(warm.errors)).toBeUndefined();
  sql.length = 0;
  const res = await gql(query, variables, token);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return { data: res.data, statements: sql.splice(0, sql.length) };
}

// Statements of one level leave in the order their loaders were first used: compared as a set.
const shape = (statements: string[]) => statements.map((s) => s.replace(/\s+/g, ' ').slice(0, 70)).sort();

const PARTNERS = `query($first: Int) { partners(first: $first) { totalCount pageInfo { hasNextPage endCursor }
  edges { cursor node { id name kind
    criteria { label stages legalForms minAmount maxAmount wholeTerritory sectors { code name } communes { name intercommunality { name } } partner { name } }
    fundingSchemes { name kind minAmount maxAmount partner { name } }
    members { role person { name } partner { name } }
  } } } }`;

const PARTNERS_AFTER = PARTNERS.replace('query($first: Int) { partners(first: $first)', 'query($first: Int, $after: String) { partners(first: $first, after: $after)');

describe('constant statement counts', () => {
  it('lists partners with criteria, sectors, communes, schemes and members in as many statements for 5 as for 50', async () => {
    const large = await statementsOf(PARTNERS, { first: 50 }, TOKENS.admin);
    const edges = large.data.partners.edges;
    expect(edges).toHaveLength(50);
    // A loader with no key sends no statement: compare with 5 partners that have every nested list too.
    const fills = (nodes: any[]) => {
      const criteria = nodes.flatMap((n) => n.criteria);
      return (
        criteria.some((c: any) => c.sectors.length > 0) && criteria.some((c: any) => c.communes.length > 0) && nodes.some((n) => n.fundingSchemes.length > 0) && nodes.some((n) => n.members.length > 0)
      );
    };
    expect(fills(edges.map((e: any) => e.node)), 'the page of 50 has every nested list').toBe(true);
    const start = edges.findIndex((_: unknown, i: number) => i + 5 <= edges.length && fills(edges.slice(i, i + 5).map((e: any) => e.node)));
    expect(start, 'five partners in a row with every nested list').toBeGreaterThanOrEqual(0);
    const small = await statementsOf(PARTNERS_AFTER, { first: 5, after: start > 0 ? edges[start - 1].cursor : null }, TOKENS.admin);
    expect(small.data.partners.edges.map((e: any) => e.node.id)).toEqual(edges.slice(start, start + 5).map((e: any) => e.node.id));
    expect(shape(large.statements)).toEqual(shape(small.statements));
    // token; the page with its criteria, their sectors and communes (@KeysOf) and schemes; members;
    // their people; the partners of their memberships; the schemes' partners; the platform's reference
    // date (which schemes are valid).
    expect(large.statements.length).toBeLessThanOrEqual(7);
    expect(large.statements.some((s) => s.startsWith('select e."code"'))).toBe(false); // no statement of its own for sectors
  });

  it("gathers partners' funding schemes with the columns the field shows and those its resolver filters on (@Needs('schemes.active', …)), for 5 as for 50", async () => {
    const q = 'query($first: Int) { partners(first: $first) { edges { node { name fundingSchemes { name kind } } } } }';
    const large = await statementsOf(q, { first: 50 }, TOKENS.expert);
    const small = await statementsOf(q, { first: 5 }, TOKENS.expert);
    expect(shape(large.statements)).toEqual(shape(small.statements));
    // The schemes' columns the page gathers: those shown, the order's, and those the filter reads; no other.
    const gathered = (statements: string[]) => {
      const page = statements.filter((s) => s.includes('from "funding_scheme" g'));
      expect(page, 'the schemes are gathered once, in the page').toHaveLength(1);
      return /json_build_array\(([^)]*)\) order by g."name"[^)]*\), '\[\]'::json\) from "funding_scheme"/
        .exec(page[0]!)![1]!
        .match(/g\."\w+"/g)!
        .map((c) => c.slice(3, -1));
    };
    expect(gathered(large.statements).sort()).toEqual(['active', 'id', 'kind', 'name', 'valid_from', 'valid_until']);
    // The filter still reads what it needs: the schemes shown are the active ones valid at the reference date.
    const all = await gql('{ platform { referenceDate } partners(first: 50) { edges { node { fundingSchemes(includeInactive: true) { name active validFrom validUntil } } } } }', {}, TOKENS.expert);
    const day: string = all.data.platform.referenceDate;
    const shown = (s: any) => s.active && (s.validFrom == null || s.validFrom <= day) && (s.validUntil == null || day <= s.validUntil);
    const expected = all.data.partners.edges.map((e: any) => e.node.fundingSchemes.filter(shown).map((s: any) => s.name));
    expect(expected.flat().length).toBeGreaterThan(0);
    expect(large.data.partners.edges.map((e: any) => e.node.fundingSchemes.map((s: any) => s.name))).toEqual(expected);
    // Two fields on the same relation gather it once, with what either reads.
    const both = await statementsOf('query { partners(first: 50) { edges { node { fundingSchemes { name } every: fundingSchemes(includeInactive: true) { yearlyEnvelope } } } } }', {}, TOKENS.expert);
    expect(both.statements).toHaveLength(large.statements.length);
    expect(gathered(both.statements).sort()).toEqual(['active', 'id', 'name', 'valid_from', 'valid_until', 'yearly_envelope']);
  });

  it('finds the eligible partners of a page of organizations, with their criteria and schemes, in as many statements for 5 as for 50', async () => {
    const q = `query($first: Int) { organizations(first: $first) { edges { node { name
      eligiblePartners(first: 100) { partner { name kind criteria { label sectors { code } communes { name } } fundingSchemes { name } } }
    } } } }`;
    const small = await statementsOf(q, { first: 5 }, TOKENS.expert);
    const large = await statementsOf(q, { first: 50 }, TOKENS.expert);
    expect(small.data.organizations.edges).toHaveLength(5);
    expect(large.data.organizations.edges).toHaveLength(50);
    for (const { data, min } of [
      { data: small.data, min: 5 },
      { data: large.data, min: 50 },
    ]) {
      const eligible = data.organizations.edges.flatMap((e: any) => e.node.eligiblePartners.map((m: any) => m.partner));
      expect(eligible.length).toBeGreaterThan(min);
      expect(eligible.some((p: any) => p.fundingSchemes.length > 0)).toBe(true);
      expect(eligible.some((p: any) => p.criteria.some((c: any) => c.sectors.length > 0))).toBe(true);
      expect(eligible.some((p: any) => p.criteria.some((c: any) => c.communes.length > 0))).toBe(true);
    }
    expect(shape(large.statements)).toEqual(shape(small.statements));
    expect(large.statements.length).toBeLessThanOrEqual(10);
  });
});
