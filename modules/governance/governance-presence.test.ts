import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Client } from 'graphql-ws';
import { startTestApp, TOKENS, type TestApp } from '../../test/harness.js';

/*
 * Presence on a committee session: a screen subscribed to `sessionEvents` is present (person, the
 * partner it sits for, since, connections) for the body's chair, who hears each change through
 * `sessionPresenceChanged`; a closed socket is gone; others read an empty list and may not subscribe.
 * On PGlite and PostgreSQL (TEST_DATABASE_URL). With TEST_DATABASE_URL and TEST_REDIS_URL, a second
 * gateway on the same database and Redis (in this test's Node process: two gateways, each with its own
 * presence tracker and pubsub connection, not two OS processes; the kit's test/follow-processes.test.ts
 * runs the mechanism in two real processes) serves a screen the first gateway's chair sees come and go.
 */

let t: TestApp;
const redisUrl = process.env.TEST_DATABASE_URL ? process.env.TEST_REDIS_URL : undefined;
let sessionId: string;
let apesId: string;
const personOf = async (token: string) => (await t.gql('{ viewer { person { id } } }', {}, token)).data.viewer.person.id as string;

beforeAll(async () => {
  t = await startTestApp({ modules: ['governance', 'accounts'], demoScale: { organizations: 40 }, config: redisUrl ? { redisUrl } : {} });
  const bodies = await t.gql('{ governanceBodies { id kind members { partner { id slug } } } }', {}, TOKENS.admin);
  const committee = bodies.data.governanceBodies.find((b: any) => b.kind === 'TECHNICAL_COMMITTEE');
  apesId = committee.members.find((m: any) => m.partner.slug === 'apes').partner.id;
  const input = { bodyId: committee.id, title: 'Comité technique de mars', scheduledAt: '2027-03-11T09:30:00Z' };
  const res = await t.gql('mutation($input: ScheduleSessionInput!) { scheduleSession(input: $input) { id } }', { input }, TOKENS.funder);
  expect(res.errors).toBeUndefined();
  sessionId = res.data.scheduleSession.id;
}, 120_000);
afterAll(async () => t?.close());

const PRESENCE = 'query($id: ID!) { committeeSession(id: $id) { presence { person { id } partner { id slug } since connections } } }';
const presence = async (token: string) => {
  const res = await t.gql(PRESENCE, { id: sessionId }, token);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data.committeeSession.presence as any[];
};

/** A committee screen: listens to the session's events (it is then present). */
function screen(client: Client): void {
  client.subscribe({ query: 'subscription($id: ID!) { sessionEvents(sessionId: $id) { seq } }', variables: { id: sessionId } }, { next: () => {}, error: () => {}, complete: () => {} });
}

/** The chair's view: each push of `sessionPresenceChanged` (or the error it got). */
function watch(client: Client): { pushes: any[]; errors: any[] } {
  const seen = { pushes: [] as any[], errors: [] as any[] };
  client.subscribe(
    { query: 'subscription($id: ID!) { sessionPresenceChanged(sessionId: $id) { id presence { connections } } }', variables: { id: sessionId } },
    { next: (v) => void (v.errors ? seen.errors.push(...v.errors) : seen.pushes.push(v.data!.sessionPresenceChanged)), error: (e) => void seen.errors.push(e), complete: () => {} },
  );
  return seen;
}

describe('presence on a committee session', () => {
  it('shows the chair who has a screen open, for the partner seated in the body, and forgets a closed socket', async () => {
    const chair = watch(t.ws(TOKENS.funder));
    await new Promise((resolve) => setTimeout(resolve, 500)); // the chair's subscription registered
    expect(await presence(TOKENS.funder)).toEqual([]);
    const expert = await personOf(TOKENS.expert);
    const first = t.ws(TOKENS.expert);
    const second = t.ws(TOKENS.expert);
    screen(first);
    screen(second);
    await vi.waitFor(async () => expect((await presence(TOKENS.funder))[0]?.connections).toBe(2), { timeout: 10_000, interval: 100 });
    const [entry] = await presence(TOKENS.funder); // the chair
    expect(entry).toMatchObject({ person: { id: expert }, partner: { id: apesId, slug: 'apes' }, connections: 2 });
    expect(Date.parse(entry.since)).toBeLessThanOrEqual(Date.now());
    await vi.waitFor(() => expect(chair.pushes.at(-1)?.presence).toEqual([{ connections: 2 }]), { timeout: 10_000, interval: 50 });
    expect(chair.pushes.every((p) => p.id === sessionId)).toBe(true);

    await first.dispose(); // one socket closes: the chair hears it
    await vi.waitFor(() => expect(chair.pushes.at(-1)?.presence).toEqual([{ connections: 1 }]), { timeout: 10_000, interval: 50 });
    await second.dispose();
    await vi.waitFor(() => expect(chair.pushes.at(-1)?.presence).toEqual([]), { timeout: 10_000, interval: 50 });
    expect(await presence(TOKENS.funder)).toEqual([]);
    expect(chair.errors).toEqual([]);
  });

  it('hides presence from who does not run the body: null, and the subscription refused', async () => {
    const funder = t.ws(TOKENS.funder);
    screen(funder);
    await vi.waitFor(async () => expect(await presence(TOKENS.admin)).toHaveLength(1), { timeout: 10_000, interval: 100 });
    expect(await presence(TOKENS.expert)).toBeNull(); // a member, not the chair: null, not an empty list (a screen hides its panel)
    const refused = watch(t.ws(TOKENS.expert));
    await vi.waitFor(() => expect(refused.errors[0]?.extensions?.code).toBe('FORBIDDEN'), { timeout: 10_000, interval: 50 });
    expect(refused.errors[0].message).toBe('Seuls la présidence et le secrétariat de l’instance, et les administrateurs, peuvent le faire.');
    const anonymous = watch(t.ws(null));
    await vi.waitFor(() => expect(anonymous.errors[0]?.extensions?.code).toBe('UNAUTHENTICATED'), { timeout: 10_000, interval: 50 });
    await funder.dispose();
  });

  it.skipIf(!redisUrl)('counts a screen served by another gateway (PostgreSQL and Redis), and pushes its leaving to the chair', async () => {
    const other = await startTestApp({ modules: ['governance', 'accounts'], database: { url: t.databaseUrl, drop: async () => {} }, config: { redisUrl, demo: false } });
    try {
      const chair = watch(t.ws(TOKENS.funder));
      await new Promise((resolve) => setTimeout(resolve, 500));
      const far = other.ws(TOKENS.expert);
      screen(far);
      screen(t.ws(TOKENS.expert));
      await vi.waitFor(() => expect(chair.pushes.at(-1)?.presence).toEqual([{ connections: 2 }]), { timeout: 10_000, interval: 50 });
      const onOther = await other.gql(PRESENCE, { id: sessionId }, TOKENS.funder);
      expect(onOther.data.committeeSession.presence).toMatchObject([{ partner: { slug: 'apes' }, connections: 2 }]);
      await far.dispose(); // the socket on the other gateway closes: the chair hears it
      await vi.waitFor(() => expect(chair.pushes.at(-1)?.presence).toEqual([{ connections: 1 }]), { timeout: 10_000, interval: 50 });
    } finally {
      await other.close();
    }
  });
});
