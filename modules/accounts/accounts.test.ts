import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TOKENS, type TestApp } from '../../test/harness.js';
import { SET_MANAGER, makeManagerOfFundersPartner } from '../../test/people.js';
import { DEFAULT_LIMITS } from '../../server/config.js';
import { ApiToken } from './api-token.entity.js';

let t: TestApp;
beforeAll(async () => {
  // Pages of members with each person's memberships cost more than the default limit allows.
  t = await startTestApp({ modules: ['accounts'], config: { limits: { ...DEFAULT_LIMITS, maxCost: Number.MAX_SAFE_INTEGER } } });
});
afterAll(async () => t?.close());

const CREATE_TOKEN = 'mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { id name prefix expiresAt revokedAt } } }';

describe('API tokens', () => {
  it('shows a new token once, stores only its hash, and revokes it at once', async () => {
    const created = await t.gql(CREATE_TOKEN, { input: { name: 'Portail test' } }, TOKENS.expert);
    expect(created.errors).toBeUndefined();
    const { token, apiToken } = created.data.createApiToken;
    expect(token).toMatch(/^mlg_/);
    expect(token.startsWith(apiToken.prefix)).toBe(true);
    expect(await t.app.gateway.orm.em.fork().count(ApiToken, { tokenHash: token })).toBe(0); // never stored in clear

    const me = await t.gql('{ viewer { person { name apiTokens { name } } } }', {}, token);
    expect(me.data.viewer.person.name).toContain('Experte');
    expect(me.data.viewer.person.apiTokens.map((x: any) => x.name)).toContain('Portail test');

    const revoked = await t.gql('mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }', { id: apiToken.id }, TOKENS.expert);
    expect(revoked.data.revokeApiToken.revokedAt).not.toBeNull();
    // The process still remembers this token's viewer: a mutation waits for the check, and changes nothing.
    const write = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: CREATE_TOKEN, variables: { input: { name: 'Après révocation' } } }),
    });
    expect(write.status).toBe(401);
    expect(((await write.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const mine = await t.gql('{ viewer { person { apiTokens { name } } } }', {}, TOKENS.expert);
    expect(mine.data.viewer.person.apiTokens.map((x: any) => x.name)).not.toContain('Après révocation');
    const after = await t.gql('{ viewer { isAuthenticated } }', {}, token);
    expect(after.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses with 401 a remembered token revoked since, on a query too', async () => {
    const created = await t.gql(CREATE_TOKEN, { input: { name: 'Révoquée' } }, TOKENS.expert);
    const { token, apiToken } = created.data.createApiToken;
    expect((await t.gql('{ organizations(first: 2) { totalCount } }', {}, token)).errors).toBeUndefined();
    await t.gql('mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }', { id: apiToken.id }, TOKENS.expert);
    const res = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ organizations(first: 2) { totalCount edges { node { name } } } }' }),
    });
    expect(res.status).toBe(401);
    const body = (await res.json()) as any;
    expect(body.data).toBeUndefined();
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses with 401 a remembered token revoked since, even when the operation fails validation', async () => {
    const created = await t.gql(CREATE_TOKEN, { input: { name: 'Révoquée aussi' } }, TOKENS.expert);
    const { token, apiToken } = created.data.createApiToken;
    expect((await t.gql('{ viewer { isAuthenticated } }', {}, token)).errors).toBeUndefined();
    await t.gql('mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }', { id: apiToken.id }, TOKENS.expert);
    const res = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ noSuchField }' }),
    });
    expect(res.status).toBe(401);
    expect(((await res.json()) as any).errors).toEqual([{ message: 'Jeton invalide, expiré ou révoqué.', extensions: { code: 'UNAUTHENTICATED' } }]);
  });

  it('refuses an expiry in the past, and someone else’s token', async () => {
    const past = await t.gql(CREATE_TOKEN, { input: { name: 'Vieux', expiresAt: '2020-01-01T00:00:00Z' } }, TOKENS.expert);
    expect(past.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.expiresAt' });
    const funders = await t.gql(CREATE_TOKEN, { input: { name: 'Financeur' } }, TOKENS.funder);
    const steal = await t.gql('mutation($id: ID!) { revokeApiToken(id: $id) { id } }', { id: funders.data.createApiToken.apiToken.id }, TOKENS.expert);
    expect(steal.errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('answers with the roles a token has now, even when the process remembers older ones', async () => {
    // The process remembers each token's viewer and checks the token again with the first reads
    // (server/viewers.ts): a change of roles in between must show in the very next answer.
    const PERMISSIONS = '{ viewer { permissions person { id memberships { id partner { id } } } } }';
    const before = await t.gql(PERMISSIONS, {}, TOKENS.expert);
    expect(before.data.viewer.permissions).not.toContain('accounts.memberships.manage');
    const { partnerId, membershipId } = await makeManagerOfFundersPartner(t, before.data.viewer.person.id);

    const promoted = await t.gql(PERMISSIONS, {}, TOKENS.expert);
    expect(promoted.data.viewer.permissions).toContain('accounts.memberships.manage');
    expect(promoted.data.viewer.person.memberships.map((m: any) => m.partner.id)).toContain(partnerId);

    const removed = await t.gql('mutation($id: ID!) { removeMembership(id: $id) }', { id: membershipId }, TOKENS.admin);
    expect(removed.errors).toBeUndefined();
    // A mutation waits for the check before it starts: refused at once, nothing changed.
    const refused = await t.gql(SET_MANAGER, { p: before.data.viewer.person.id, q: partnerId }, TOKENS.expert);
    expect(refused.errors[0].extensions.code).toBe('FORBIDDEN');
    const after = await t.gql(PERMISSIONS, {}, TOKENS.expert);
    expect(after.data.viewer.permissions).toEqual(before.data.viewer.permissions);
    expect(after.data.viewer.person.memberships).toEqual(before.data.viewer.person.memberships);
  });

  it('stops accepting an expired token', async () => {
    const soon = new Date(Date.now() + 1500).toISOString();
    const created = await t.gql(CREATE_TOKEN, { input: { name: 'Court', expiresAt: soon } }, TOKENS.expert);
    const token = created.data.createApiToken.token;
    expect((await t.gql('{ viewer { isAuthenticated } }', {}, token)).data.viewer.isAuthenticated).toBe(true);
    await new Promise((r) => setTimeout(r, 1700));
    expect((await t.gql('{ viewer { isAuthenticated } }', {}, token)).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('people and memberships', () => {
  it('lets administrators create people and managers add them to their partner', async () => {
    const person = await t.gql('mutation { createPerson(input: { name: "Jean Nouveau", email: "jean.nouveau@example.org" }) { id name } }', {}, TOKENS.admin);
    expect(person.errors).toBeUndefined();
    const dup = await t.gql('mutation { createPerson(input: { name: "Jean Bis", email: "JEAN.NOUVEAU@example.org" }) { id } }', {}, TOKENS.admin);
    expect(dup.errors[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.email' });
    const refused = await t.gql('mutation { createPerson(input: { name: "X Y", email: "x@example.org" }) { id } }', {}, TOKENS.funder);
    expect(refused.errors[0].extensions.code).toBe('FORBIDDEN');

    const funder = await t.gql('{ viewer { person { memberships { partner { id } } } } }', {}, TOKENS.funder);
    const partnerId = funder.data.viewer.person.memberships[0].partner.id;
    const SET = 'mutation($p: ID!, $q: ID!) { setMembership(personId: $p, partnerId: $q, role: MEMBER) { role person { name } partner { id } } }';
    const added = await t.gql(SET, { p: person.data.createPerson.id, q: partnerId }, TOKENS.funder);
    expect(added.errors).toBeUndefined();
    expect(added.data.setMembership).toMatchObject({ role: 'MEMBER', person: { name: 'Jean Nouveau' } });
    const members = await t.gql('query($id: ID!) { node(id: $id) { ... on Partner { members { role person { name } } } } }', { id: partnerId }, TOKENS.funder);
    expect(members.data.node.members.map((m: any) => m.person.name)).toContain('Jean Nouveau');

    const expert = await t.gql('{ viewer { person { memberships { partner { id } } } } }', {}, TOKENS.expert);
    const expertPartner = expert.data.viewer.person.memberships[0].partner.id;
    const notManager = await t.gql(SET, { p: person.data.createPerson.id, q: expertPartner }, TOKENS.funder);
    expect(notManager.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('hides e-mail addresses and memberships from anonymous callers', async () => {
    const res = await t.gql('{ partners(first: 3) { edges { node { members { person { email } } } } } }');
    expect(res.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('statements', () => {
  /** The statements of an operation after a first run (its token remembered, caches warm). */
  async function statementsOf(query: string, variables: Record<string, unknown>, token: string): Promise<{ data: any; statements: string[] }> {
    const warm = await t.gql(query, variables, token);
    expect(warm.errors, JSON.stringify(warm.errors)).toBeUndefined();
    t.resetSql();
    const res = await t.gql(query, variables, token);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return { data: res.data, statements: [...t.sql] };
  }
  const shape = (statements: string[]) => statements.map((s) => s.replace(/\s+/g, ' ').slice(0, 80));

  it('checks a token in one statement, its hash a bound parameter', async () => {
    const { data, statements } = await statementsOf('{ viewer { isAuthenticated person { name } } }', {}, TOKENS.funder);
    expect(data.viewer.person.name).toContain('Financeur');
    const checks = statements.filter((s) => s.includes('"api_token"'));
    expect(checks).toHaveLength(1);
    // The token, its person joined and their memberships gathered, by the kit (no query builder).
    expect(checks[0]).toMatch(/from "membership" g where g."person_id" = j0."id"/);
    expect(checks[0]).toMatch(/left join "person" j0 on j0."id" = e."person_id"/);
    expect(checks[0]).toContain('"token_hash" = ?');
    expect(statements).toHaveLength(2); // and the person
  });

  it("lists partners' members with their people, memberships and partners in as many statements for 3 as for 10", async () => {
    const q = `query($first: Int, $after: String) { partners(first: $first, after: $after) { edges { cursor node { name
      members { role person { name email memberships { role partner { name } } } partner { name } } } } } }`;
    const large = await statementsOf(q, { first: 10 }, TOKENS.admin);
    const edges = large.data.partners.edges;
    const members = edges.flatMap((e: any) => e.node.members);
    expect(members.length).toBeGreaterThan(0);
    expect(members.every((m: any) => m.person.memberships.length > 0 && m.partner.name)).toBe(true);
    // Three partners in a row, one of them with members, so every loader of the large page runs.
    const start = edges.findIndex((_: unknown, i: number) => i + 3 <= edges.length && edges.slice(i, i + 3).some((e: any) => e.node.members.length > 0));
    const small = await statementsOf(q, { first: 3, after: start > 0 ? edges[start - 1].cursor : null }, TOKENS.admin);
    expect(small.data.partners.edges.map((e: any) => e.node.name)).toEqual(edges.slice(start, start + 3).map((e: any) => e.node.name));
    expect(shape(large.statements)).toEqual(shape(small.statements));
    // token, partners, members, people, people's memberships, partners (of members and memberships)
    expect(large.statements.length).toBeLessThanOrEqual(7);
    // Values are bound parameters, never in the text (keys, and the token's hash).
    expect(large.statements.join('\n')).not.toMatch(/'[0-9a-f]{8}-[0-9a-f]{4}|'[0-9a-f]{64}'/);
  });
});
