import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import WebSocket from 'ws';
import { DEFAULT_LIMITS } from '../server/config.js';
import { openSocket, startTestApp, TOKENS, type OpenSocket, type TestApp } from './harness.js';
import { SET_MANAGER, makeManagerOfFundersPartner } from './people.js';

/*
 * The token of an open WebSocket is checked again for every operation and while the socket is idle:
 * revoked or expired since, the socket is refused and closed with 4403 (item 8). Messages larger than
 * the HTTP body limit are refused before they are parsed (item 12).
 */

const MAX_BODY = 64 * 1024;
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ config: { tokenRecheckMs: 300, limits: { ...DEFAULT_LIMITS, maxBodyBytes: MAX_BODY } } });
});
afterAll(async () => t?.close());

const CREATE_TOKEN = 'mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { id name } } }';
const REVOKE = 'mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }';

const open = (token: string): Promise<OpenSocket> => openSocket(t.url, token);

/** One query or mutation over the socket: its result, or what refused it (errors, or the close code). */
function run(client: Client, query: string, variables: Record<string, unknown> = {}): Promise<{ data?: any; errors?: any[]; closed?: number }> {
  return new Promise((resolve) => {
    let result: { data?: any; errors?: any[] } | null = null;
    client.subscribe(
      { query, variables },
      {
        next: (value) => (result = value as typeof result),
        error: (err) => {
          if (result) return resolve(result);
          if (Array.isArray(err)) resolve({ errors: err });
          else resolve({ closed: (err as { code?: number }).code ?? -1 });
        },
        complete: () => resolve(result ?? {}),
      },
    );
  });
}

async function freshToken(name: string, expiresAt?: Date): Promise<{ token: string; id: string }> {
  const created = await t.gql(CREATE_TOKEN, { input: { name, ...(expiresAt ? { expiresAt: expiresAt.toISOString() } : {}) } }, TOKENS.expert);
  expect(created.errors).toBeUndefined();
  return { token: created.data.createApiToken.token, id: created.data.createApiToken.apiToken.id };
}

async function tokenNames(): Promise<string[]> {
  const mine = await t.gql('{ viewer { person { apiTokens { name } } } }', {}, TOKENS.expert);
  return mine.data.viewer.person.apiTokens.map((x: { name: string }) => x.name);
}

const refused = (answer: { data?: any; errors?: any[]; closed?: number }) => answer.closed === 4403 || (answer.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED' && !answer.data);

describe('WebSocket and token revocation', () => {
  it('refuses a query and a mutation on a socket opened before its token was revoked, and closes it with 4403', async () => {
    const { token, id } = await freshToken('Socket révoqué');
    const reader = await open(token);
    const writer = await open(token);
    expect((await run(reader.client, '{ viewer { isAuthenticated } }')).data.viewer.isAuthenticated).toBe(true);
    expect((await run(writer.client, '{ viewer { isAuthenticated } }')).data.viewer.isAuthenticated).toBe(true);

    expect((await t.gql(REVOKE, { id }, TOKENS.expert)).errors).toBeUndefined();

    const read = await run(reader.client, '{ organizations(first: 2) { totalCount edges { node { name } } } }');
    expect(refused(read)).toBe(true);
    expect(read.data).toBeUndefined();
    expect(await reader.closed).toBe(4403);

    // A token minted over the revoked socket: refused, and nothing written.
    const minted = await run(writer.client, CREATE_TOKEN, { input: { name: 'Créé par un socket révoqué' } });
    expect(refused(minted)).toBe(true);
    expect(await writer.closed).toBe(4403);
    expect(await tokenNames()).not.toContain('Créé par un socket révoqué');
  });

  it('closes an idle socket with 4403 once its token is revoked', async () => {
    const { token, id } = await freshToken('Socket inactif');
    const idle = await open(token);
    expect((await run(idle.client, '{ viewer { isAuthenticated } }')).data.viewer.isAuthenticated).toBe(true);
    await t.gql(REVOKE, { id }, TOKENS.expert);
    expect(await idle.closed).toBe(4403);
  });

  it('closes a socket with 4403 once its token expires, and ends its subscriptions', async () => {
    const { token } = await freshToken('Socket expirant', new Date(Date.now() + 2500));
    const socket = await open(token);
    let ended: unknown = null;
    socket.client.subscribe({ query: 'subscription { partnerChanged { id } }' }, { next: () => {}, error: (err) => (ended = err), complete: () => (ended = 'complete') });
    expect(await socket.closed).toBe(4403);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(ended).not.toBeNull();
  });

  it('refuses with 4403 a token already revoked, and keeps working for a valid one', async () => {
    const { token, id } = await freshToken('Déjà révoqué');
    await t.gql(REVOKE, { id }, TOKENS.expert);
    await expect(open(token)).rejects.toBeTruthy();
    const valid = await open(TOKENS.expert);
    expect((await run(valid.client, '{ viewer { isAuthenticated } }')).data.viewer.isAuthenticated).toBe(true);
    const write = await run(valid.client, CREATE_TOKEN, { input: { name: 'Par WebSocket' } });
    expect(write.errors).toBeUndefined();
    expect(write.data.createApiToken.token).toMatch(/^mlg_/);
    await valid.client.dispose();
  });
});

describe('WebSocket and changed roles', () => {
  it('answers with the roles the token has now, on a socket opened before they changed, and a mutation waits for them', async () => {
    const PERMISSIONS = '{ viewer { permissions person { id } } }';
    const socket = await open(TOKENS.expert);
    const before = await run(socket.client, PERMISSIONS);
    expect(before.data.viewer.permissions).not.toContain('accounts.memberships.manage');
    const { partnerId, membershipId } = await makeManagerOfFundersPartner(t, before.data.viewer.person.id);

    const promoted = await run(socket.client, PERMISSIONS);
    expect(promoted.data.viewer.permissions).toContain('accounts.memberships.manage');

    expect((await t.gql('mutation($id: ID!) { removeMembership(id: $id) }', { id: membershipId }, TOKENS.admin)).errors).toBeUndefined();
    const refused = await run(socket.client, SET_MANAGER, { p: before.data.viewer.person.id, q: partnerId });
    expect(refused.errors?.[0].extensions.code).toBe('FORBIDDEN');
    await socket.client.dispose();
  });
});

describe('WebSocket message size', () => {
  it('closes with 1009 on a message larger than the HTTP body limit, without parsing it', async () => {
    const socket = new WebSocket(t.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    await new Promise((resolve) => socket.once('open', resolve));
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { padding: 'x'.repeat(MAX_BODY + 1) } }));
    expect(await closed).toBe(1009);
  });
});
