import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Client } from 'graphql-ws';
import { beatPresence } from '../server/kit/presence.js';
import { ALL_MODULES } from '../modules/index.js';
import { followProbe } from './fixtures/follow-probe.js';
import { startTestApp, TOKENS, type TestApp } from './harness.js';

/*
 * Presence in one process (PGlite, or PostgreSQL with TEST_DATABASE_URL): who is present on a topic
 * (person, partner, since, connections), pushed live to a screen as sockets come and go, and expired
 * when a process stops beating. Across two processes: test/follow-processes.test.ts.
 */

let t: TestApp;
const em = () => t.app.gateway.orm.em.fork() as SqlEntityManager;

beforeAll(async () => {
  t = await startTestApp({ modules: ['follow-probe', 'accounts'], available: [...ALL_MODULES, followProbe] });
});
afterAll(async () => t?.close());

/** A screen present on `topic`: the counts pushed to it. */
function present(client: Client, topic: string): number[] {
  const counts: number[] = [];
  client.subscribe<{ presenceProbe: number }>(
    { query: 'subscription($t: String!) { presenceProbe(topic: $t) }', variables: { t: topic } },
    { next: (v) => void counts.push(v.data!.presenceProbe), error: () => {}, complete: () => {} },
  );
  return counts;
}

const list = async (topic: string) => JSON.parse((await t.gql('query($t: String!) { presenceProbeList(topic: $t) }', { t: topic }, TOKENS.admin)).data.presenceProbeList) as any[];

describe('presence', () => {
  it('lists who is connected, pushes each change to the screens, and forgets a closed socket', async () => {
    const chair = present(t.ws(TOKENS.admin), 'room');
    await vi.waitFor(async () => expect(await list('room')).toHaveLength(1), { timeout: 5000 });
    const funderA = t.ws(TOKENS.funder);
    present(funderA, 'room');
    const funderB = t.ws(TOKENS.funder);
    present(funderB, 'room');
    await vi.waitFor(() => expect(chair.at(-1)).toBe(3), { timeout: 5000 });
    const people = await list('room');
    expect(people).toHaveLength(2);
    const funder = people.find((p) => p.connections === 2);
    expect(funder.personId).toBeTruthy();
    expect(funder.partnerId).toBeTruthy(); // the funder's partner
    expect(people.find((p) => p.connections === 1).personId).not.toBe(funder.personId);
    expect(Date.parse(funder.since)).toBeLessThanOrEqual(Date.now());
    expect(await list('elsewhere')).toEqual([]);
    await funderA.dispose(); // a socket closes
    await vi.waitFor(() => expect(chair.at(-1)).toBe(2), { timeout: 5000 });
    await funderB.dispose();
    await vi.waitFor(() => expect(chair.at(-1)).toBe(1), { timeout: 5000 });
    expect(await list('room')).toHaveLength(1);
  });

  it('forgets the connections of a process that stopped beating, and says so', async () => {
    const chair = present(t.ws(TOKENS.admin), 'expiry');
    await vi.waitFor(async () => expect(await list('expiry')).toHaveLength(1), { timeout: 5000 });
    await em().execute(
      "insert into presence (topic, connection_id, process_id, person_id, partner_id, since, seen_at) values ('expiry', 'gone', 'dead-process', null, null, now() - interval '5 minutes', now() - interval '1 minute')",
    );
    expect(await list('expiry')).toHaveLength(1); // expired: not counted
    await beatPresence(t.app.gateway);
    expect(await em().execute("select connection_id from presence where process_id = 'dead-process'")).toEqual([]);
    await vi.waitFor(() => expect(chair.length).toBeGreaterThanOrEqual(2), { timeout: 5000 }); // pushed again
  });
});
