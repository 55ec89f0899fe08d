import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Client } from 'graphql-ws';
import { streamTopic, type StoredEvent } from '../server/events.js';
import { followStream } from '../server/kit/follow.js';
import { insertEvents } from '../server/outbox.js';
import { ALL_MODULES } from '../modules/index.js';
import { followProbe } from './fixtures/follow-probe.js';
import { startTestApp, type TestApp } from './harness.js';

/*
 * followStream in one process (PGlite, or PostgreSQL with TEST_DATABASE_URL): replay after k then live,
 * a gap filled from the database, no duplicate when the dispatcher publishes again, return() at once,
 * and four concurrent writers followed over graphql-ws. Two processes: test/follow-processes.test.ts.
 */

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ modules: ['follow-probe'], available: [...ALL_MODULES, followProbe], config: { demo: false } });
});
afterAll(async () => t?.close());

const write = async (stream: string, writer: string, count: number) => {
  const res = await t.gql('mutation($s: String!, $w: String!, $c: Int!) { followProbeWrite(stream: $s, writer: $w, count: $c) }', { s: stream, w: writer, c: count });
  expect(res.errors).toBeUndefined();
};

/** Takes `count` events of `iterator` (rejects after `timeoutMs`). */
async function take(iterator: AsyncIterator<StoredEvent>, count: number, timeoutMs = 10_000): Promise<number[]> {
  const seqs: number[] = [];
  const deadline = Date.now() + timeoutMs;
  while (seqs.length < count) {
    const next = await Promise.race([iterator.next(), new Promise<null>((resolve) => setTimeout(() => resolve(null), Math.max(0, deadline - Date.now())))]);
    if (next === null) throw new Error(`timed out with ${seqs.join(',')}`);
    if (next.done) break;
    seqs.push(next.value.seq!);
  }
  return seqs;
}

/** Follows `stream` over graphql-ws, collecting each seq; `stop` unsubscribes. */
function follow(client: Client, stream: string, after: number | null): { seqs: number[]; stop: () => void } {
  const seqs: number[] = [];
  let stopped = false; // what arrives after the cut is not the screen's
  const unsubscribe = client.subscribe<{ followProbe: { seq: number } }>(
    { query: 'subscription($s: String!, $a: Int) { followProbe(stream: $s, after: $a) { seq writer } }', variables: { s: stream, a: after } },
    { next: (value) => void (stopped || seqs.push(value.data!.followProbe.seq)), error: () => {}, complete: () => {} },
  );
  return {
    seqs,
    stop: () => {
      stopped = true;
      unsubscribe();
    },
  };
}

const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('followStream', () => {
  it('replays after k, then follows live', async () => {
    await write('replay', 'w', 5);
    const it = followStream({ gateway: t.app.gateway }, 'replay', 2);
    expect(await take(it, 3)).toEqual([3, 4, 5]);
    await write('replay', 'w', 2);
    expect(await take(it, 2)).toEqual([6, 7]);
    await it.return!();
    // From the start (after null), in small pages.
    const all = followStream({ gateway: t.app.gateway }, 'replay', null, { pageSize: 2 });
    expect(await take(all, 7)).toEqual(upTo(7));
    await all.return!();
  });

  it('refuses a negative or fractional after', () => {
    expect(() => followStream({ gateway: t.app.gateway }, 'x', -1)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ field: 'after' }) }));
    expect(() => followStream({ gateway: t.app.gateway }, 'x', 1.5)).toThrow();
  });

  it('fills a gap from the database when a live event jumps, and drops what the dispatcher publishes again', async () => {
    const it = followStream({ gateway: t.app.gateway }, 'gap', 0);
    await new Promise((resolve) => setTimeout(resolve, 100)); // the replay (empty) is done
    const em = t.app.gateway.orm.em.fork() as SqlEntityManager;
    // Written without the dispatcher's kick; the live copy of seq 2 arrives first.
    await em.transactional(async (tx) =>
      insertEvents(
        tx as SqlEntityManager,
        [1, 2].map((n) => ({ name: 'follow-probe.written', payload: { writer: 'raw', n }, stream: 'gap' })),
      ),
    );
    const [second] = (await em.execute(`select id, name, stream, seq::int as seq from event where stream = 'gap' and seq = 2`)) as StoredEvent[];
    t.app.gateway.pubSub.publish(streamTopic('gap'), { ...second!, position: null, payload: { writer: 'raw', n: 2 } });
    expect(await take(it, 2)).toEqual([1, 2]);
    t.app.gateway.events.kick(); // the dispatcher publishes 1 and 2 again
    await t.app.gateway.events.idle();
    await write('gap', 'w', 1);
    expect(await take(it, 1)).toEqual([3]);
    await it.return!();
  });

  it('ends at once on return(), while waiting for an event', async () => {
    const it = followStream({ gateway: t.app.gateway }, 'idle', 0);
    const pending = it.next();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const begun = Date.now();
    await it.return!();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(Date.now() - begun).toBeLessThan(100);
    expect(await it.next()).toEqual({ value: undefined, done: true });
  });

  it('gives every subscriber each seq once, in order, under four concurrent writers; a reconnection with its last seq misses nothing', async () => {
    const early = follow(t.ws(), 'busy', null);
    const late = follow(t.ws(), 'busy', null);
    await new Promise((resolve) => setTimeout(resolve, 300));
    let cut: { seqs: number[]; stop: () => void } | null = follow(t.ws(), 'busy', null);
    let resumed: { seqs: number[]; stop: () => void } | null = null;
    const rounds = 10;
    const writers = Array.from({ length: 4 }, async (_, w) => {
      for (let i = 0; i < rounds; i++) {
        await write('busy', `w${w}`, 1 + (i % 3));
        if (w === 0 && i === 4 && cut) {
          cut.stop(); // the screen loses its connection, then comes back with its last seq
          const last = cut.seqs.at(-1) ?? 0;
          resumed = follow(t.ws(), 'busy', last);
        }
      }
    });
    await Promise.all(writers);
    const total = 4 * [0, 1, 2, 0, 1, 2, 0, 1, 2, 0].reduce((a, b) => a + b + 1, 0);
    await vi.waitFor(() => expect([early.seqs.length, late.seqs.length]).toEqual([total, total]), { timeout: 15_000, interval: 50 });
    expect(early.seqs).toEqual(upTo(total));
    expect(late.seqs).toEqual(upTo(total));
    await vi.waitFor(() => expect(cut!.seqs.length + resumed!.seqs.length).toBe(total), { timeout: 15_000, interval: 50 });
    expect([...cut!.seqs, ...resumed!.seqs]).toEqual(upTo(total));
    for (const s of [early, late, resumed!]) s.stop();
    cut = null;
  });
});
