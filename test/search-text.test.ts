import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKENS, startTestApp, type TestApp } from './harness.js';

/*
 * An organization's search text is its name and description. An update that changes neither must
 * keep every search result as it was (it once wrote "undefined" in place of the lazy description).
 */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

const SEARCH = `query ($search: String!) { organizations(first: 100, filter: { search: $search }) { totalCount edges { node { id } } } }`;

async function found(search: string): Promise<{ total: number; ids: string[] }> {
  const res = await t.gql(SEARCH, { search }, TOKENS.admin);
  expect(res.errors).toBeUndefined();
  // Sorted: a rename moves the organization in the default order (by name), not out of the results.
  return { total: res.data.organizations.totalCount, ids: res.data.organizations.edges.map((e: any) => e.node.id).sort() };
}

/** A word of the description that the name does not hold (so only the description can match it). */
function descriptionWord(name: string, description: string): string | undefined {
  const nameWords = new Set(name.toLowerCase().split(/[^\p{L}\d]+/u));
  return description
    .split(/[^\p{L}\d]+/u)
    .filter((w) => w.length >= 6 && !nameWords.has(w.toLowerCase()))
    .sort((a, b) => b.length - a.length)[0];
}

describe('search text after an update', () => {
  it('keeps the description words and never holds "undefined"', async () => {
    const page = await t.gql(`{ organizations(first: 50) { edges { node { id name description } } } }`, {}, TOKENS.admin);
    expect(page.errors).toBeUndefined();
    const candidates = page.data.organizations.edges.map((e: any) => ({ ...e.node, word: descriptionWord(e.node.name, e.node.description) })).filter((o: any) => o.word);
    expect(candidates.length).toBeGreaterThanOrEqual(2);
    const [a, b] = candidates as { id: string; name: string; word: string }[];

    const before = { a: await found(a!.word), b: await found(b!.word), undefinedWord: await found('undefined') };
    expect(before.a.ids).toContain(a!.id);
    expect(before.b.ids).toContain(b!.id);
    expect(before.undefinedWord.total).toBe(0);

    // Only the number of employees, then only the name: the description is not part of either input.
    const employees = await t.gql(`mutation ($id: ID!) { updateOrganization(id: $id, input: { employees: 12 }) { id employees } }`, { id: a!.id }, TOKENS.admin);
    expect(employees.errors).toBeUndefined();
    const renamed = await t.gql(`mutation ($id: ID!) { updateOrganization(id: $id, input: { name: "Atelier Zéphyrin" }) { id name } }`, { id: b!.id }, TOKENS.admin);
    expect(renamed.errors).toBeUndefined();

    expect(await found(a!.word)).toEqual(before.a);
    expect(await found(b!.word)).toEqual(before.b);
    expect((await found('undefined')).total).toBe(0);
    expect((await found('zephyrin')).ids).toEqual([b!.id]);
  });
});
