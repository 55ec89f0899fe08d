import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { openSocket, startTestApp, TOKENS, type TestApp } from './harness.js';

/*
 * A subscription's events are answers too: once the socket's token is revoked or expired, no event may
 * leave with data (an organization's contact people, for instance), even before the idle re-check runs.
 * The re-check timer is set far away here so that only the check done for the event itself can stop it.
 */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ config: { tokenRecheckMs: 600_000 } });
});
afterAll(async () => t?.close());

const CREATE_TOKEN = 'mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { id } } }';
const REVOKE = 'mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }';
const UPDATE = 'mutation($id: ID!, $website: String) { updateOrganization(id: $id, input: { website: $website }) { id } }';
const SUBSCRIBE = 'subscription($id: ID) { organizationChanged(id: $id) { id contacts { firstName lastName } } }';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Watched {
  client: Client;
  events: { data?: any; errors?: any[] }[];
  closed: Promise<number>;
}

async function watch(token: string, organizationId: string): Promise<Watched> {
  const events: Watched['events'] = [];
  const { client, closed } = await openSocket(t.url, token);
  client.subscribe({ query: SUBSCRIBE, variables: { id: organizationId } }, { next: (value) => void events.push(value as any), error: () => {}, complete: () => {} });
  return { client, events, closed };
}

async function sharedOrganization(): Promise<string> {
  const page = await t.gql('{ organizations(first: 40) { edges { node { id consentToShare contacts { id } } } } }', {}, TOKENS.admin);
  const found = page.data.organizations.edges.map((e: any) => e.node).find((n: any) => n.consentToShare && n.contacts.length > 0);
  expect(found).toBeTruthy();
  return found.id;
}

/** Updates the organization until the subscriber has `count` events (the subscription is then live). */
async function eventsReach(watched: Watched, organizationId: string, count: number): Promise<void> {
  for (let i = 0; i < 50 && watched.events.length < count; i++) {
    await t.gql(UPDATE, { id: organizationId, website: `https://exemple.org/${i}` }, TOKENS.admin);
    await sleep(50);
  }
  expect(watched.events.length).toBeGreaterThanOrEqual(count);
}

describe('subscription events after the token stops being valid', () => {
  it('sends no more data once the token is revoked, and closes the socket with 4403', async () => {
    const organizationId = await sharedOrganization();
    const created = await t.gql(CREATE_TOKEN, { input: { name: 'Abonné révoqué' } }, TOKENS.funder);
    expect(created.errors).toBeUndefined();
    const watched = await watch(created.data.createApiToken.token, organizationId);
    await eventsReach(watched, organizationId, 1);
    expect(watched.events.at(-1)!.data.organizationChanged.contacts.length).toBeGreaterThan(0);

    expect((await t.gql(REVOKE, { id: created.data.createApiToken.apiToken.id }, TOKENS.funder)).errors).toBeUndefined();
    const before = watched.events.length;
    await t.gql(UPDATE, { id: organizationId, website: 'https://exemple.org/apres' }, TOKENS.admin);
    expect(await Promise.race([watched.closed, sleep(3000).then(() => 'still open')])).toBe(4403);
    const after = watched.events.slice(before);
    expect(after.every((event) => event.data == null)).toBe(true);
  });

  it('sends no more data once the token has expired, and closes the socket with 4403', async () => {
    const organizationId = await sharedOrganization();
    const created = await t.gql(CREATE_TOKEN, { input: { name: 'Abonné expirant', expiresAt: new Date(Date.now() + 2000).toISOString() } }, TOKENS.funder);
    expect(created.errors).toBeUndefined();
    const watched = await watch(created.data.createApiToken.token, organizationId);
    await eventsReach(watched, organizationId, 1);
    await sleep(2200);
    const before = watched.events.length;
    await t.gql(UPDATE, { id: organizationId, website: 'https://exemple.org/expire' }, TOKENS.admin);
    expect(await Promise.race([watched.closed, sleep(3000).then(() => 'still open')])).toBe(4403);
    expect(watched.events.slice(before).every((event) => event.data == null)).toBe(true);
  });
});
