import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TOKENS, type TestApp } from './harness.js';
import { databaseDigest } from './people.js';

/*
 * Tokens are scoped by the token that creates them (item 13 of issue 8): a token creates only tokens
 * that expire no later than itself, and revoking a token revokes those it created, transitively.
 */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ modules: ['accounts'] });
});
afterAll(async () => t?.close());

const CREATE = 'mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { id expiresAt revokedAt } } }';
const REVOKE = 'mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }';

async function create(token: string, input: Record<string, unknown>) {
  const res = await t.gql(CREATE, { input }, token);
  expect(res.errors).toBeUndefined();
  return res.data.createApiToken as { token: string; apiToken: { id: string; expiresAt: string | null; revokedAt: string | null } };
}

async function works(token: string): Promise<boolean> {
  const res = await t.gql('{ viewer { isAuthenticated } }', {}, token);
  return res.data?.viewer?.isAuthenticated === true;
}

describe('tokens created by tokens', () => {
  it('expire no later than the token that creates them, administrators included', async () => {
    for (const demo of [TOKENS.expert, TOKENS.admin]) {
      const inOneHour = new Date(Date.now() + 3600_000).toISOString();
      const parent = await create(demo, { name: 'Portail, une heure', expiresAt: inOneHour });
      expect(parent.apiToken.expiresAt).toBe(inOneHour);

      // Omitted expiry: the child expires with its parent, not never.
      const inherited = await create(parent.token, { name: 'Sans date' });
      expect(inherited.apiToken.expiresAt).toBe(inOneHour);
      const sooner = new Date(Date.now() + 600_000).toISOString();
      expect((await create(parent.token, { name: 'Plus court', expiresAt: sooner })).apiToken.expiresAt).toBe(sooner);

      const before = await databaseDigest(t);
      const later = await t.gql(CREATE, { input: { name: 'Plus long', expiresAt: new Date(Date.now() + 7200_000).toISOString() } }, parent.token);
      expect(later.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.expiresAt' });
      expect(await databaseDigest(t)).toBe(before);
      // A grandchild is bound by its own parent's expiry too.
      const short = await create(parent.token, { name: 'Intermédiaire', expiresAt: sooner });
      const grandchild = await t.gql(CREATE, { input: { name: 'Petit-enfant', expiresAt: new Date(Date.now() + 1200_000).toISOString() } }, short.token);
      expect(grandchild.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.expiresAt' });
    }
  });

  it('never expire only when their parent never expires', async () => {
    const child = await create(TOKENS.funder, { name: 'Intégration permanente' });
    expect(child.apiToken.expiresAt).toBeNull();
    const grandchild = await create(child.token, { name: 'Intégration dérivée' });
    expect(grandchild.apiToken.expiresAt).toBeNull();
  });

  it('are revoked with the token that created them, transitively, and only them', async () => {
    const root = await create(TOKENS.expert, { name: 'Racine' });
    const child = await create(root.token, { name: 'Enfant' });
    const sibling = await create(root.token, { name: 'Enfant bis' });
    const grandchild = await create(child.token, { name: 'Petit-enfant' });
    const unrelated = await create(TOKENS.expert, { name: 'Sans lien' });
    for (const x of [root, child, sibling, grandchild, unrelated]) expect(await works(x.token)).toBe(true);

    // Revoking the child: the child and its own descendants, not its parent or sibling.
    expect((await t.gql(REVOKE, { id: child.apiToken.id }, TOKENS.expert)).errors).toBeUndefined();
    expect([await works(root.token), await works(child.token), await works(sibling.token), await works(grandchild.token)]).toEqual([true, false, true, false]);

    // Revoking the root (with the token itself): every descendant, in one go.
    const revoked = await t.gql(REVOKE, { id: root.apiToken.id }, root.token);
    expect(revoked.errors).toBeUndefined();
    expect([await works(root.token), await works(sibling.token), await works(unrelated.token)]).toEqual([false, false, true]);
    const mine = (await t.gql('{ viewer { person { apiTokens { id revokedAt } } } }', {}, TOKENS.expert)).data.viewer.person.apiTokens;
    const byId = new Map(mine.map((x: any) => [x.id, x.revokedAt]));
    for (const x of [root, child, sibling, grandchild]) expect(byId.get(x.apiToken.id)).not.toBeNull();
    expect(byId.get(unrelated.apiToken.id)).toBeNull();
  });

  it('cannot be created by a revoked token’s descendants, nor create new ones', async () => {
    const root = await create(TOKENS.expert, { name: 'Racine 2' });
    const child = await create(root.token, { name: 'Enfant 2' });
    await t.gql(REVOKE, { id: root.apiToken.id }, TOKENS.expert);
    const before = await databaseDigest(t);
    const res = await t.gql(CREATE, { input: { name: 'Après' } }, child.token);
    expect(res.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await databaseDigest(t)).toBe(before);
  });

  it('issued by an administrator for another person: work for that person, depend on the issuing token, never for an inactive or unknown person', async () => {
    const admin = await create(TOKENS.admin, { name: 'Administration', expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
    const person = await t.gql(
      'mutation($input: CreatePersonInput!) { createPerson(input: $input) { id name } }',
      { input: { name: 'Inès Porteuse', email: `ines.${Date.now()}@example.org` } },
      admin.token,
    );
    expect(person.errors).toBeUndefined();
    const ISSUE = 'mutation($p: ID!, $input: CreateApiTokenInput!) { issueApiToken(personId: $p, input: $input) { token apiToken { expiresAt } } }';
    const issued = await t.gql(ISSUE, { p: person.data.createPerson.id, input: { name: 'Portail' } }, admin.token);
    expect(issued.errors).toBeUndefined();
    expect(issued.data.issueApiToken.apiToken.expiresAt).toBe(admin.apiToken.expiresAt);
    const who = await t.gql('{ viewer { person { name } } }', {}, issued.data.issueApiToken.token);
    expect(who.data.viewer.person.name).toBe('Inès Porteuse');
    // A longer life than the issuing token's is refused, as for one's own tokens.
    const longer = await t.gql(ISSUE, { p: person.data.createPerson.id, input: { name: 'Trop long', expiresAt: new Date(Date.now() + 7_200_000).toISOString() } }, admin.token);
    expect(longer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.expiresAt' });
    const unknown = await t.gql(ISSUE, { p: 'UGVyc29uOjAwMDAwMDAwLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMA', input: { name: 'Personne' } }, admin.token);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // Revoking the issuing token revokes the token it issued.
    expect((await t.gql(REVOKE, { id: admin.apiToken.id }, TOKENS.admin)).errors).toBeUndefined();
    expect(await works(issued.data.issueApiToken.token)).toBe(false);
  });
});
