import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TOKENS, type TestApp } from './harness.js';

/*
 * The Relay paging contract, for every order of every list: forward (first/after) and backward
 * (last/before), first, middle and last pages, pageInfo on every page, no gap, no repeat, and pages that
 * put together give the full list in the order computed here with SQL of its own.
 *
 * The data are arranged so that orders have something to get wrong: distinct `updatedAt` values (and a
 * group that shares one), names that several organizations share, many employers with the same
 * headcount. Pages are sized so that the last one is partial, and so that it is full.
 */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ modules: ['organizations', 'partners', 'accounts'] });
});
afterAll(async () => t?.close());

function execute(sql: string): Promise<Record<string, unknown>[]> {
  return t.app.gateway.orm.em.fork().getConnection().execute(sql, [], 'all') as Promise<Record<string, unknown>[]>;
}

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');

interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}
interface Page {
  ids: string[];
  cursors: string[];
  pageInfo: PageInfo;
}

/** One list and how to ask for a page of it. */
interface ListCase {
  label: string;
  fetch(args: { first?: number; after?: string; last?: number; before?: string }): Promise<Page>;
  /** Global ids in the expected order, from SQL written here. */
  expected: () => Promise<string[]>;
}

function connectionQuery(field: string, argTypes: string, argUse: string): string {
  return `query($first: Int, $after: String, $last: Int, $before: String${argTypes}) {
    ${field}(first: $first, after: $after, last: $last, before: $before${argUse}) {
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id } }
    }
  }`;
}

async function fetchPage(query: string, field: string, variables: Record<string, unknown>): Promise<Page> {
  const res = await t.gql(query, variables, TOKENS.admin);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  const connection = res.data[field];
  return {
    ids: connection.edges.map((e: any) => e.node.id),
    cursors: connection.edges.map((e: any) => e.cursor),
    pageInfo: connection.pageInfo,
  };
}

/** The pageInfo a page must have: cursors of its own first and last edges, and where it stands. */
function expectPage(page: Page, expected: string[], from: number, size: number, hasPreviousPage: boolean, hasNextPage: boolean, where: string): void {
  expect(page.ids, `${where}: ids`).toEqual(expected.slice(from, from + size));
  expect(page.ids.length, `${where}: not empty`).toBeGreaterThan(0);
  expect(page.pageInfo, `${where}: pageInfo`).toEqual({
    hasNextPage,
    hasPreviousPage,
    startCursor: page.cursors[0],
    endCursor: page.cursors.at(-1),
  });
  expect(new Set(page.cursors).size, `${where}: distinct cursors`).toBe(page.cursors.length);
}

async function checkContract(list: ListCase, size: number): Promise<void> {
  const expected = await list.expected();
  // Enough for a first, at least one middle, and a last page.
  expect(expected.length, `${list.label}: records to page through`).toBeGreaterThan(3 * size);
  expect(new Set(expected).size).toBe(expected.length);
  const n = expected.length;
  const pages = Math.ceil(n / size);

  // Forward: first, then after the previous page's endCursor, until hasNextPage is false.
  const forward: string[] = [];
  const cursorAt: string[] = [];
  let after: string | undefined;
  for (let k = 0; k < pages; k++) {
    const page = await list.fetch({ first: size, after });
    const from = k * size;
    expectPage(page, expected, from, size, k > 0, from + size < n, `${list.label} forward page ${k + 1}/${pages}`);
    forward.push(...page.ids);
    cursorAt.push(...page.cursors);
    after = page.pageInfo.endCursor!;
  }
  expect(forward).toEqual(expected);
  // Past the end: nothing, and nothing after it.
  const beyond = await list.fetch({ first: size, after });
  expect(beyond.ids).toEqual([]);
  expect(beyond.pageInfo).toMatchObject({ hasNextPage: false, startCursor: null, endCursor: null });

  // Backward: last, then before the previous page's startCursor, until hasPreviousPage is false.
  const backward: string[][] = [];
  let before: string | undefined;
  for (let k = 0; k < pages; k++) {
    const page = await list.fetch({ last: size, before });
    const to = n - k * size;
    const from = Math.max(0, to - size);
    expectPage(page, expected, from, to - from, from > 0, k > 0, `${list.label} backward page ${k + 1}/${pages}`);
    backward.unshift(page.ids);
    before = page.pageInfo.startCursor!;
  }
  expect(backward.flat()).toEqual(expected);
  const before0 = await list.fetch({ last: size, before });
  expect(before0.ids).toEqual([]);
  expect(before0.pageInfo).toMatchObject({ hasPreviousPage: false, startCursor: null, endCursor: null });

  // Pages that start or end anywhere: after / before the cursor of any record (middle ones included).
  for (const i of [0, size - 1, size, Math.floor(n / 2), n - size - 1, n - 2]) {
    const fromCursor = await list.fetch({ first: size, after: cursorAt[i] });
    expectPage(fromCursor, expected, i + 1, size, true, i + 1 + size < n, `${list.label} first ${size} after record ${i}`);
  }
  for (const j of [n - 1, n - size, Math.floor(n / 2), size + 1, 1]) {
    const toCursor = await list.fetch({ last: size, before: cursorAt[j] });
    const from = Math.max(0, j - size);
    expectPage(toCursor, expected, from, j - from, from > 0, true, `${list.label} last ${size} before record ${j}`);
  }
}

/** Organizations of one sector: small enough to page through in pages of 7 for every order. */
const SECTOR = 'services-a-la-personne';
const ORDERS: Record<string, string> = {
  NAME: 'name asc, id asc',
  NAME_DESC: 'name desc, id desc',
  EMPLOYEES_DESC: 'employees desc, id asc',
  UPDATED_AT_DESC: 'updated_at desc, id asc',
};

function organizationsCase(orderBy: string, filtered: boolean): ListCase {
  const query = connectionQuery('organizations', ', $filter: OrganizationFilter, $orderBy: OrganizationOrder', ', filter: $filter, orderBy: $orderBy');
  return {
    label: `organizations ${orderBy}${filtered ? ` (sector ${SECTOR})` : ''}`,
    fetch: (args) => fetchPage(query, 'organizations', { ...args, orderBy, filter: filtered ? { sectors: [SECTOR] } : null }),
    expected: async () => {
      const rows = await execute(`select id from organization${filtered ? ` where '${SECTOR}' = any(sector_codes)` : ''} order by ${ORDERS[orderBy]}`);
      return rows.map((r) => globalId('Organization', String(r.id)));
    },
  };
}

describe('paging contract', () => {
  beforeAll(async () => {
    // Distinct updatedAt values, one minute apart, in an order unrelated to names (by id)…
    await execute(`update organization o set updated_at = timestamptz '2026-01-01 00:00:00+00' + r.n * interval '1 minute'
      from (select id, row_number() over (order by id) as n from organization) r where r.id = o.id`);
    // …but a group of the sector sharing one (ties broken by id), and three organizations sharing a name.
    await execute(`update organization set updated_at = timestamptz '2026-06-01 00:00:00+00'
      where id in (select id from organization where '${SECTOR}' = any(sector_codes) order by name limit 5)`);
    await execute(`update organization set name = 'Atelier Commun'
      where id in (select id from organization where '${SECTOR}' = any(sector_codes) order by id desc limit 3)`);
    await execute(`update partner p set updated_at = timestamptz '2026-02-01 00:00:00+00' + r.n * interval '1 minute'
      from (select id, row_number() over (order by name desc) as n from partner) r where r.id = p.id`);
    const [check] = await execute(`select count(distinct updated_at)::int as distinct_dates, count(*)::int as n from organization`);
    expect(check!.n).toBeGreaterThan(0);
    expect(check!.distinct_dates).toBe((check!.n as number) - 4);
  });

  it('knows every order of the organizations list', async () => {
    const res = await t.gql('{ __type(name: "OrganizationOrder") { enumValues { name } } }');
    expect(res.data.__type.enumValues.map((v: any) => v.name).sort()).toEqual(Object.keys(ORDERS).sort());
  });

  for (const orderBy of Object.keys(ORDERS)) {
    it(`pages organizations ${orderBy}, filtered, both ways, with and without a partial last page`, async () => {
      const list = organizationsCase(orderBy, true);
      const n = (await list.expected()).length;
      const partial = [7, 6, 5].find((size) => n % size !== 0)!;
      const exact = Array.from({ length: Math.floor(n / 4) }, (_, i) => i + 4).find((size) => n % size === 0 && n > 3 * size);
      expect(exact, `a page size that divides ${n}`).toBeDefined();
      await checkContract(list, partial);
      await checkContract(list, exact!);
    });

    it(`pages every organization ${orderBy}, both ways, in pages of 100`, async () => {
      await checkContract(organizationsCase(orderBy, false), 100);
    });
  }

  it('orders ties by id and puts the most recently updated first', async () => {
    const byDate = await organizationsCase('UPDATED_AT_DESC', false).expected();
    const [latest] = await execute(`select id from organization order by updated_at desc, id asc limit 1`);
    expect(byDate[0]).toBe(globalId('Organization', String(latest!.id)));
    const shared = await execute(`select id from organization where name = 'Atelier Commun' order by id asc`);
    expect(shared).toHaveLength(3);
    const names = await organizationsCase('NAME', true).expected();
    const positions = shared.map((r) => names.indexOf(globalId('Organization', String(r.id))));
    expect(positions[1]).toBe(positions[0]! + 1);
    expect(positions[2]).toBe(positions[0]! + 2);
  });

  it('pages partners (by name, their only order) both ways, in pages of 3 and 4', async () => {
    const query = connectionQuery('partners', '', '');
    const list: ListCase = {
      label: 'partners',
      fetch: (args) => fetchPage(query, 'partners', args),
      expected: async () => (await execute('select id from partner where active order by name asc, id asc')).map((r) => globalId('Partner', String(r.id))),
    };
    await checkContract(list, 3);
    await checkContract(list, 4);
  });

  it('pages funding schemes (by name) both ways', async () => {
    const query = connectionQuery('fundingSchemes', '', '');
    const list: ListCase = {
      label: 'funding schemes',
      fetch: (args) => fetchPage(query, 'fundingSchemes', args),
      expected: async () =>
        (
          await execute(
            'select f.id from funding_scheme f join partner p on p.id = f.partner_id where f.active and p.active and (f.valid_from is null or f.valid_from <= current_date) and (f.valid_until is null or f.valid_until >= current_date) order by f.name asc, f.id asc',
          )
        ).map((r) => globalId('FundingScheme', String(r.id))),
    };
    await checkContract(list, 4);
  });
});
