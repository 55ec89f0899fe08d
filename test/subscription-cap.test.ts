import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { DEFAULT_LIMITS } from '../server/config.js';
import { startTestApp, TOKENS, type TestApp } from './harness.js';

/*
 * The per-socket subscription cap counts open subscriptions: a slot taken is given back when the
 * subscription ends, whether the client completes it or it ends in an error, so a long-lived socket
 * that opens and closes subscriptions is never locked out.
 */

const CAP = 3;
const SETTLE_MS = 300;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ modules: ['partners', 'accounts'], config: { limits: { ...DEFAULT_LIMITS, maxSubscriptionsPerSocket: CAP } } });
});
afterAll(async () => t?.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Opened {
  events: any[];
  errors: unknown[];
  completed: boolean;
  unsubscribe(): void;
}

function open(client: Client, query: string, variables: Record<string, unknown> = {}): Opened {
  const opened: Opened = { events: [], errors: [], completed: false, unsubscribe: () => {} };
  opened.unsubscribe = client.subscribe(
    { query, variables },
    {
      next: (value) => void opened.events.push(value),
      error: (err) => void opened.errors.push(err),
      complete: () => void (opened.completed = true),
    },
  );
  return opened;
}

const CHANGED = 'subscription($id: ID) { partnerChanged(id: $id) { id name } }';

/** Messages of a refused subscription (graphql-ws passes the server's error array to `error`). */
const refusal = (s: Opened) => JSON.stringify(s.errors);
const isCapRefusal = (s: Opened) => s.errors.length > 0 && /Trop d'abonnements/.test(refusal(s));

let partnerId: string;
async function touchPartner(): Promise<void> {
  if (!partnerId) partnerId = (await t.gql('{ partners(first: 1) { edges { node { id } } } }')).data.partners.edges[0].node.id;
  const res = await t.gql('mutation($id: ID!, $d: String!) { updatePartner(id: $id, input: { description: $d }) { id } }', { id: partnerId, d: `Touché à ${Date.now()}.` }, TOKENS.admin);
  expect(res.errors).toBeUndefined();
}

/** Opens `count` subscriptions that must all be accepted: each gets the next event, none an error. */
async function openAccepted(client: Client, count: number): Promise<Opened[]> {
  const subs = Array.from({ length: count }, () => open(client, CHANGED));
  await sleep(SETTLE_MS);
  for (const s of subs) expect(s.errors, refusal(s)).toEqual([]);
  await touchPartner();
  const deadline = Date.now() + 5000;
  while (subs.some((s) => s.events.length === 0) && Date.now() < deadline) await sleep(20);
  for (const s of subs) {
    expect(s.errors, refusal(s)).toEqual([]);
    expect(s.events.length, 'each accepted subscription receives the event').toBeGreaterThan(0);
    expect(s.events.at(-1).errors).toBeUndefined();
    expect(s.events.at(-1).data.partnerChanged.id).toBe(partnerId);
  }
  return subs;
}

/** Opens one more subscription and expects the cap's refusal. */
async function expectRefused(client: Client): Promise<void> {
  const extra = open(client, CHANGED);
  const deadline = Date.now() + 5000;
  while (extra.errors.length === 0 && Date.now() < deadline) await sleep(20);
  expect(isCapRefusal(extra), refusal(extra)).toBe(true);
}

describe('subscriptions per socket', () => {
  it(`refuses subscription ${CAP + 1} on one socket, and counts sockets apart`, async () => {
    const client = t.ws(TOKENS.admin);
    const subs = await openAccepted(client, CAP);
    await expectRefused(client);
    // Another socket has its own slots.
    const other = t.ws(TOKENS.admin);
    const otherSubs = await openAccepted(other, CAP);
    for (const s of [...subs, ...otherSubs]) s.unsubscribe();
  });

  // A subscription's `complete` ends it at once, also while it waits for its next event (server/events.ts).
  it('gives a slot back when the client completes a subscription, as many times as it likes', async () => {
    const client = t.ws(TOKENS.admin);
    const subs = await openAccepted(client, CAP);
    for (let round = 0; round < 3; round++) {
      // Complete one, without any event in between: its slot is free again, and only that one.
      subs.shift()!.unsubscribe();
      await sleep(SETTLE_MS);
      subs.push(...(await openAccepted(client, 1)));
      await expectRefused(client);
    }
    // Complete all of them: the whole cap is free again.
    for (const s of subs.splice(0)) s.unsubscribe();
    await sleep(SETTLE_MS);
    subs.push(...(await openAccepted(client, CAP)));
    await expectRefused(client);
    for (const s of subs) s.unsubscribe();
  });

  it('gives a slot back when a subscription ends in an error', async () => {
    const client = t.ws(TOKENS.admin);
    // More failed subscriptions than the cap: each passed the checks, took a slot, then failed at its start
    // (an id of the wrong type is refused when the subscription resolves its arguments).
    const organizationId = Buffer.from('Organization:00000000-0000-4000-8000-000000000000').toString('base64url');
    for (let i = 0; i < CAP + 2; i++) {
      const failed = open(client, CHANGED, { id: organizationId });
      const deadline = Date.now() + 5000;
      while (failed.events.length === 0 && failed.errors.length === 0 && Date.now() < deadline) await sleep(20);
      const answer = JSON.stringify([...failed.events, ...failed.errors]);
      expect(answer).toMatch(/BAD_USER_INPUT/);
      expect(isCapRefusal(failed), answer).toBe(false);
    }
    await sleep(SETTLE_MS);
    const subs = await openAccepted(client, CAP);
    await expectRefused(client);
    for (const s of subs) s.unsubscribe();
  });

  it('does not count subscriptions refused before they start (validation)', async () => {
    const client = t.ws(TOKENS.admin);
    for (let i = 0; i < CAP + 2; i++) {
      const invalid = open(client, 'subscription { partnerChanged { noSuchField } }');
      const deadline = Date.now() + 5000;
      while (invalid.errors.length === 0 && Date.now() < deadline) await sleep(20);
      expect(refusal(invalid)).toMatch(/noSuchField/);
    }
    const subs = await openAccepted(client, CAP);
    await expectRefused(client);
    for (const s of subs) s.unsubscribe();
  });
});
