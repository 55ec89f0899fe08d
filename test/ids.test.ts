import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKENS, startTestApp, type TestApp } from './harness.js';

/*
 * Global ids and cursors come from clients: a malformed one is the client's mistake (BAD_USER_INPUT
 * with its field), never an internal error, and never reaches the database. For node(id)/nodes(ids),
 * a global id whose key its type could not hold names no record: null (Relay's convention); a string
 * that is not a global id at all is BAD_USER_INPUT.
 */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

const gid = (type: string, key: string) => Buffer.from(`${type}:${key}`, 'utf8').toString('base64url');
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/** Bad keys for a uuid primary key. */
const BAD_UUID_KEYS = ['not-a-uuid', '1', '0000', 'ffffffff-ffff-ffff-ffff-fffffffffffff', "x' or '1'='1"];

function expectBadInput(res: { data: any; errors: any }, field: string, label: string) {
  expect(res.errors, label).toBeDefined();
  expect(
    res.errors.map((e: any) => e.extensions?.code),
    label,
  ).toEqual(['BAD_USER_INPUT']);
  expect(res.errors[0].extensions.field, label).toBe(field);
}

describe('global ids', () => {
  it('node(id) and nodes(ids): a key its type cannot hold is null, without a statement', async () => {
    const cases = [
      ...BAD_UUID_KEYS.map((k) => gid('Organization', k)),
      ...BAD_UUID_KEYS.map((k) => gid('Partner', k)),
      gid('Commune', 'abc'),
      gid('OrganizationContact', '42'),
      gid('Sector', 'a'.repeat(65)), // sector codes are varchar(64)
      gid('Unknown', 'whatever'),
    ];
    for (const id of cases) {
      t.resetSql();
      const res = await t.gql('query ($id: ID!) { node(id: $id) { id } }', { id }, TOKENS.admin);
      expect(res.errors, Buffer.from(id, 'base64url').toString()).toBeUndefined();
      expect(res.data.node, id).toBeNull();
      expect(
        t.sql.filter((s) => !/api_token/.test(s)),
        id,
      ).toEqual([]);
    }
    const many = await t.gql('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: cases }, TOKENS.admin);
    expect(many.errors).toBeUndefined();
    expect(many.data.nodes).toEqual(cases.map(() => null));
  });

  it('node(id): a string that is not a global id is BAD_USER_INPUT on id', async () => {
    expectBadInput(await t.gql('{ node(id: "") { id } }', {}, TOKENS.admin), 'id', 'empty');
    expectBadInput(await t.gql(`{ node(id: "${b64('no separator')}") { id } }`, {}, TOKENS.admin), 'id', 'no separator');
    // No key holds control characters (PostgreSQL refuses NUL in any text).
    expectBadInput(await t.gql('query ($id: ID!) { node(id: $id) { id } }', { id: gid('Sector', 'insertion\u0000') }, TOKENS.admin), 'id', 'NUL');
    expectBadInput(await t.gql(`{ nodes(ids: ["${gid('Partner', 'x')}", "${b64(':x')}"]) { id } }`, {}, TOKENS.admin), 'ids[1]', 'nodes');
  });

  it('a valid node(id) still answers (the checks refuse only what cannot exist)', async () => {
    const page = await t.gql('{ organizations(first: 1) { edges { node { id } } } partners(first: 1) { edges { node { id } } } sectors { id } }', {}, TOKENS.admin);
    const ids = [page.data.organizations.edges[0].node.id, page.data.partners.edges[0].node.id, page.data.sectors[0].id];
    expect(ids).toHaveLength(3);
    for (const id of ids) {
      const res = await t.gql('query ($id: ID!) { node(id: $id) { id } }', { id }, TOKENS.admin);
      expect(res.data.node?.id).toBe(id);
    }
  });

  it('arguments and filters refuse a key of the right type that is not a UUID, with the field', async () => {
    const cases: [string, string, Record<string, unknown>][] = [];
    for (const key of BAD_UUID_KEYS) {
      cases.push(
        ['id', 'mutation ($id: ID!) { updateOrganization(id: $id, input: { employees: 1 }) { id } }', { id: gid('Organization', key) }],
        ['id', 'mutation ($id: ID!) { updatePartner(id: $id, input: { website: "https://exemple.fr" }) { id } }', { id: gid('Partner', key) }],
        ['filter.communeIds[0]', 'query ($id: ID!) { organizations(filter: { communeIds: [$id] }) { totalCount } }', { id: gid('Commune', key) }],
        ['filter.intercommunalityId', 'query ($id: ID!) { organizations(filter: { intercommunalityId: $id }) { totalCount } }', { id: gid('Intercommunality', key) }],
        ['filter.intercommunalityId', 'query ($id: ID!) { communes(filter: { intercommunalityId: $id }) { totalCount } }', { id: gid('Intercommunality', key) }],
        ['filter.partnerIds[0]', 'query ($id: ID!) { fundingSchemes(filter: { partnerIds: [$id] }) { totalCount } }', { id: gid('Partner', key) }],
        ['filter.canSupport.communeId', 'query ($id: ID!) { partners(filter: { canSupport: { communeId: $id } }) { totalCount } }', { id: gid('Commune', key) }],
        ['organizationId', 'mutation ($id: ID!) { addOrganizationContact(organizationId: $id, input: { firstName: "A", lastName: "B" }) { id } }', { id: gid('Organization', key) }],
        ['id', 'mutation ($id: ID!) { removeOrganizationContact(id: $id) }', { id: gid('OrganizationContact', key) }],
      );
    }
    // Sector ids hold codes (varchar(64)), not UUIDs: a code it cannot hold is refused too.
    for (const key of ['insertion\u0000', 'a'.repeat(65)]) {
      cases.push(['filter.sectors[0]', 'query ($id: String!) { organizations(filter: { sectors: [$id] }) { totalCount } }', { id: gid('Sector', key) }]);
    }
    for (const [field, query, variables] of cases) {
      const res = await t.gql(query, variables, TOKENS.admin);
      expectBadInput(res, field, `${query} ${Buffer.from(String(variables.id), 'base64url').toString()}`);
    }
  });
});

describe('cursors', () => {
  const LISTS: [string, string][] = [
    ['organizations(NAME)', 'organizations(orderBy: NAME, CURSOR) { edges { node { id } } }'],
    ['organizations(NAME_DESC)', 'organizations(orderBy: NAME_DESC, CURSOR) { edges { node { id } } }'],
    ['organizations(EMPLOYEES_DESC)', 'organizations(orderBy: EMPLOYEES_DESC, CURSOR) { edges { node { id } } }'],
    ['organizations(UPDATED_AT_DESC)', 'organizations(orderBy: UPDATED_AT_DESC, CURSOR) { edges { node { id } } }'],
    ['communes', 'communes(CURSOR) { edges { node { id } } }'],
    ['partners', 'partners(CURSOR) { edges { node { id } } }'],
    ['fundingSchemes', 'fundingSchemes(CURSOR) { edges { node { id } } }'],
  ];

  const FORGED = [
    '!!!',
    'abc',
    b64('{}'),
    b64('"text"'),
    b64('[]'),
    b64('[1]'),
    b64('[1,2,3]'),
    b64('[null,null]'),
    b64('[{"a":1},["b"]]'),
    b64('["Recyclerie", 12]'),
    b64('["Recyclerie", "not-a-uuid"]'),
    b64('[12, "00000000-0000-4000-8000-000000000000"]'), // a valid position in (employees, id) only
    b64('["2026-13-45T99:00:00.000Z", "00000000-0000-4000-8000-000000000000"]'),
    b64('[1e300, "00000000-0000-4000-8000-000000000000"]'),
    b64('["a\\u0000b", "00000000-0000-4000-8000-000000000000"]'),
  ];

  it('a forged cursor is BAD_USER_INPUT on after or before, on every list and order', async () => {
    let checked = 0;
    for (const [name, list] of LISTS) {
      for (const cursor of FORGED) {
        for (const [field, args] of [
          ['after', `first: 5, after: $c`],
          ['before', `last: 5, before: $c`],
        ] as const) {
          const res = await t.gql(`query ($c: String!) { ${list.replace('CURSOR', args)} }`, { c: cursor }, TOKENS.admin);
          if (name === 'organizations(EMPLOYEES_DESC)' && cursor === FORGED[11]) {
            expect(res.errors, name).toBeUndefined();
          } else {
            expectBadInput(res, field, `${name} ${field} ${Buffer.from(cursor, 'base64url').toString()}`);
          }
          checked++;
        }
      }
    }
    expect(checked).toBe(LISTS.length * FORGED.length * 2);
  });

  it('a cursor of another order is refused when its values do not fit, and pages still work with their own', async () => {
    const orders = ['NAME', 'EMPLOYEES_DESC', 'UPDATED_AT_DESC'];
    const cursors: Record<string, string> = {};
    for (const order of orders) {
      const res = await t.gql(`{ organizations(orderBy: ${order}, first: 3) { pageInfo { endCursor } edges { node { id } } } }`, {}, TOKENS.admin);
      expect(res.errors).toBeUndefined();
      cursors[order] = res.data.organizations.pageInfo.endCursor;
      expect(cursors[order]).toBeTruthy();
      const next = await t.gql(`query ($c: String!) { organizations(orderBy: ${order}, first: 3, after: $c) { edges { node { id } } } }`, { c: cursors[order] }, TOKENS.admin);
      expect(next.errors, order).toBeUndefined();
      expect(next.data.organizations.edges).toHaveLength(3);
    }
    for (const from of orders) {
      for (const to of orders) {
        if (from === to) continue;
        const res = await t.gql(`query ($c: String!) { organizations(orderBy: ${to}, first: 3, after: $c) { edges { node { id } } } }`, { c: cursors[from] }, TOKENS.admin);
        expectBadInput(res, 'after', `${from} cursor on ${to}`);
      }
    }
    const commune = await t.gql('{ communes(first: 2) { pageInfo { endCursor } } }', {}, TOKENS.admin);
    const onPartners = await t.gql('query ($c: String!) { partners(first: 2, after: $c) { totalCount } }', { c: commune.data.communes.pageInfo.endCursor }, TOKENS.admin);
    // Same order (name, id) on two lists: a cursor of one is a valid position in the other.
    expect(onPartners.errors).toBeUndefined();
  });
});
