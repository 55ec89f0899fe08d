import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Viewer } from '../server/auth.js';
import { Context, type Gateway } from '../server/context.js';
import { multiplexCounters, sharedExecution, visibilityClass } from '../server/multiplex.js';
import type { CompiledQuery } from 'graphql-jit';
import type { Client } from 'graphql-ws';
import { startTestApp, TOKENS, type TestApp } from './harness.js';

/*
 * Multiplexing (server/multiplex.ts): one pushed event is executed once per operation and visibility
 * class, and each subscriber still receives exactly what the same query answers as itself.
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('sharedExecution (unit)', () => {
  const gateway = { orm: { em: { fork: () => ({}) } } } as unknown as Gateway;
  const person = (personId: string, partnerId = 'p1') => Viewer.person({ personId, tokenId: `t-${personId}`, platformRole: null, memberships: [{ partnerId, role: 'MEMBER' }] });
  const contextOf = (viewer: Viewer) => new Context(gateway, viewer, 'r', {} as never);
  /** A compiled query whose result names what it read: the partners, and the person when `readsPerson`. */
  const fakeQuery = (readsPerson: boolean) =>
    ({
      query: async (_root: unknown, ctx: Context) => ({ data: { partners: ctx.viewer.partnerIds, ...(readsPerson ? { person: ctx.viewer.personId } : {}) } }),
    }) as unknown as CompiledQuery;

  async function deliver(readsPerson: boolean, viewers: Viewer[], payload: unknown = { id: 1 }) {
    const before = multiplexCounters.executions;
    const results = await Promise.all(viewers.map((v) => sharedExecution(fakeQuery(readsPerson), payload, contextOf(v), 'op', {})));
    return { results: results.map((r) => r.data), executions: multiplexCounters.executions - before };
  }

  it('runs once for viewers of one class when nothing reads the person', async () => {
    const { results, executions } = await deliver(false, [person('a'), person('b'), person('c')]);
    expect(executions).toBe(1);
    expect(results).toEqual([{ partners: ['p1'] }, { partners: ['p1'] }, { partners: ['p1'] }]);
  });

  it('runs once per class', async () => {
    const { results, executions } = await deliver(false, [person('a'), person('b', 'p2'), person('c'), Viewer.anonymous()]);
    expect(executions).toBe(3);
    expect(results).toEqual([{ partners: ['p1'] }, { partners: ['p2'] }, { partners: ['p1'] }, { partners: [] }]);
  });

  it('runs once per person (and token) when the execution reads the person', async () => {
    const { results, executions } = await deliver(true, [person('a'), person('b'), person('a')]);
    expect(executions).toBe(2);
    expect(results).toEqual([
      { partners: ['p1'], person: 'a' },
      { partners: ['p1'], person: 'b' },
      { partners: ['p1'], person: 'a' },
    ]);
  });

  it('runs per subscriber a payload that is not an object', async () => {
    const { executions } = await deliver(false, [person('a'), person('b')], 42);
    expect(executions).toBe(2);
  });

  it('tells classes apart by platform role and by membership role', () => {
    const admin = Viewer.person({ personId: 'a', tokenId: null, platformRole: 'ADMIN', memberships: [] });
    const manager = Viewer.person({ personId: 'a', tokenId: null, platformRole: null, memberships: [{ partnerId: 'p1', role: 'MANAGER' }] });
    const classes = new Set([admin, manager, person('a'), Viewer.person({ personId: 'a', tokenId: null, platformRole: null, memberships: [] }), Viewer.anonymous()].map(visibilityClass));
    expect(classes.size).toBe(5);
  });
});

describe('one event, many graphql-ws subscribers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { tokenRecheckMs: 600_000 } });
  });
  afterAll(async () => t?.close());

  const SELECTION = 'id name contacts { firstName lastName }';
  const SUBSCRIBE = `subscription Watch($id: ID) { organizationChanged(id: $id) { ${SELECTION} } }`;
  const UPDATE = 'mutation($id: ID!, $website: String) { updateOrganization(id: $id, input: { website: $website }) { id } }';

  async function organizationWithContacts(): Promise<string> {
    const page = await t.gql('{ organizations(first: 40) { edges { node { id consentToShare contacts { id } } } } }', {}, TOKENS.admin);
    const found = page.data.organizations.edges.map((e: any) => e.node).find((n: any) => n.consentToShare && n.contacts.length > 0);
    expect(found).toBeTruthy();
    return found.id;
  }

  function subscribe(client: Client, id: string): any[] {
    const events: any[] = [];
    client.subscribe({ query: SUBSCRIBE, variables: { id } }, { next: (value) => void events.push(value), error: (err) => void events.push({ error: err }), complete: () => {} });
    return events;
  }

  it('executes once per visibility class and gives each subscriber what a query as itself answers', async () => {
    const id = await organizationWithContacts();
    const second = await t.gql('mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token } }', { input: { name: 'Deuxième écran' } }, TOKENS.funder);
    expect(second.errors).toBeUndefined();
    const tokens = [null, TOKENS.funder, second.data.createApiToken.token as string, TOKENS.expert];
    const received = tokens.map((token) => subscribe(t.ws(token), id));

    // Live once every subscriber has an event.
    for (let i = 0; i < 50 && received.some((events) => events.length === 0); i++) {
      await t.gql(UPDATE, { id, website: `https://exemple.org/pret-${i}` }, TOKENS.admin);
      await sleep(100);
    }
    expect(received.every((events) => events.length > 0)).toBe(true);
    await sleep(300);
    const counts = received.map((events) => events.length);
    const before = { ...multiplexCounters };

    expect((await t.gql(UPDATE, { id, website: 'https://exemple.org/un-evenement' }, TOKENS.admin)).errors).toBeUndefined();
    for (let i = 0; i < 50 && received.some((events, k) => events.length === counts[k]); i++) await sleep(50);
    await sleep(300);

    // Anonymous, the funder's two tokens (one class), the expert: three executions for four subscribers.
    expect(multiplexCounters.executions - before.executions).toBe(3);
    expect(multiplexCounters.deliveries - before.deliveries).toBe(4);
    const events = received.map((list, k) => list.slice(counts[k]!));
    expect(events.map((list) => list.length)).toEqual([1, 1, 1, 1]);
    for (const [k, token] of tokens.entries()) {
      const asItself = await t.gql(`query($id: ID!) { node(id: $id) { ... on Organization { ${SELECTION} } } }`, { id }, token);
      expect(events[k]![0].data?.organizationChanged ?? null, `subscriber ${k}`).toEqual(asItself.data?.node ?? null);
      expect(events[k]![0].errors, `subscriber ${k}`).toEqual(asItself.errors);
    }
    // Different classes were shown different things (anonymous sees no contact people; the funder does).
    expect(JSON.stringify(events[0]![0])).not.toEqual(JSON.stringify(events[1]![0]));
    expect(events[1]![0]).toEqual(events[2]![0]);
  });
});
