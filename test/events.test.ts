import { load, loadMany } from '../server/kit/index.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { defineModule } from '../server/module.js';
import { defineEvent, on } from '../server/events.js';
import { WriteInQueryError, type Context } from '../server/context.js';
import { createLogger } from '../server/logger.js';
import { Viewer } from '../server/auth.js';
import { ALL_MODULES } from '../modules/index.js';
import { Sector } from '../modules/sectors/index.js';
import { collect, startTestApp, TOKENS, type TestApp } from './harness.js';

/*
 * Durable events in one process (PGlite, or PostgreSQL with TEST_DATABASE_URL): retries with backoff
 * that leave the other subscribers alone, per-stream order under concurrent writers, idempotent
 * handlers that write and publish, loaders inside a transaction, and queries that may not write.
 * Crashes and several processes: test/events-processes.test.ts.
 */

const ProbeWritten = defineEvent<{ code: string; n: number }>('events-probe.written');
const ProbeFollowed = defineEvent<{ from: string }>('events-probe.followed', { stream: (p) => `followed:${p.from}` });

interface Seen {
  eventId: string;
  stream: string | null;
  seq: number | null;
  code: string;
}
const recorded: Seen[] = [];
const flakyAttempts = new Map<string, number[]>();
const flakyDone: Seen[] = [];
const markAttempts = new Map<string, number>();
const followed: { from: string; stream: string | null; seq: number | null }[] = [];

@Resolver()
class EventsProbeResolver {
  @Mutation(() => Boolean, { description: 'Publishes `count` events of `code` on `stream` in one transaction.' })
  async eventsProbeWrite(@Arg('code', () => String) code: string, @Arg('stream', () => String) stream: string, @Arg('count', () => Int) count: number, @Ctx() ctx: Context): Promise<boolean> {
    return ctx.transaction(async (tx) => {
      for (let n = 0; n < count; n++) tx.publish(ProbeWritten, { code, n }, { stream });
      return true;
    });
  }

  @Mutation(() => String, { description: 'Creates a sector, then reads it through the context loaders inside the same transaction.' })
  async eventsProbeLoadersInTx(@Arg('code', () => String) code: string, @Ctx() ctx: Context): Promise<string> {
    return ctx.transaction(async (tx) => {
      tx.em.create(Sector, { code, name: `Filière ${code}` });
      await tx.em.flush();
      // The kit's loaders of the context read on the transaction's connection while it runs.
      const viaContext = await load(ctx, Sector, code);
      const [viaMany] = await loadMany(ctx, Sector, [code]);
      return `${viaContext?.name}|${viaMany?.name}`;
    });
  }

  @Query(() => Boolean, { description: 'A query that (wrongly) opens a transaction.' })
  async eventsProbeTransactionInQuery(@Ctx() ctx: Context): Promise<boolean> {
    return ctx.transaction(async (tx) => {
      tx.em.create(Sector, { code: 'written-by-a-query', name: 'Écrite par une requête' });
      return true;
    });
  }

  @Query(() => Boolean, { description: 'A query that (wrongly) flushes a change.' })
  async eventsProbeFlushInQuery(@Ctx() ctx: Context): Promise<boolean> {
    ctx.em.create(Sector, { code: 'flushed-by-a-query', name: 'Écrite par une requête' });
    await ctx.em.flush();
    return true;
  }
}

const probe = defineModule({
  name: 'events-probe',
  description: 'Test probe for durable events.',
  dependsOn: ['sectors'],
  entities: [],
  resolvers: [EventsProbeResolver],
  subscribers: [
    on(ProbeWritten, (p, ctx) => void recorded.push({ eventId: ctx.eventId, stream: ctx.event.stream, seq: ctx.event.seq, code: p.code }), { id: 'record' }),
    on(
      ProbeWritten,
      (p, ctx) => {
        if (p.code !== 'flaky') return;
        const attempts = flakyAttempts.get(ctx.eventId) ?? [];
        attempts.push(Date.now());
        flakyAttempts.set(ctx.eventId, attempts);
        if (ctx.event.seq === 1 && attempts.length < 3) throw new Error(`flaky failure ${attempts.length}`);
        flakyDone.push({ eventId: ctx.eventId, stream: ctx.event.stream, seq: ctx.event.seq, code: p.code });
      },
      { id: 'flaky' },
    ),
    // Idempotent by event id: writes a mark and publishes a follow-up once, even when run twice.
    on(
      ProbeWritten,
      async (p, ctx) => {
        if (p.code !== 'mark') return;
        await ctx.transaction(async (tx) => {
          const rows = (await tx.em.execute('insert into events_probe_mark (event_id) values (?) on conflict do nothing returning event_id', [ctx.eventId])) as unknown[];
          if (rows.length > 0) tx.publish(ProbeFollowed, { from: ctx.eventId });
        });
        const attempt = (markAttempts.get(ctx.eventId) ?? 0) + 1;
        markAttempts.set(ctx.eventId, attempt);
        if (attempt === 1) throw new Error('failure after the handler committed');
      },
      { id: 'mark' },
    ),
    on(ProbeFollowed, (p, ctx) => void followed.push({ from: p.from, stream: ctx.event.stream, seq: ctx.event.seq })),
  ],
});

const RETRY_BASE_MS = 150;
const logLines: string[] = [];
let t: TestApp;
let em: () => SqlEntityManager;

beforeAll(async () => {
  t = await startTestApp({
    modules: ['events-probe', 'partners', 'accounts'],
    available: [...ALL_MODULES, probe],
    events: { pollMs: 50, retryBaseMs: RETRY_BASE_MS },
    logger: createLogger('info', { write: (line: string) => void logLines.push(line) }),
  });
  em = () => t.app.gateway.orm.em.fork() as SqlEntityManager;
  await em().execute('create table events_probe_mark (event_id bigint primary key)');
});
afterAll(async () => t?.close());

const write = (code: string, stream: string, count: number) =>
  t.gql('mutation($code: String!, $stream: String!, $count: Int!) { eventsProbeWrite(code: $code, stream: $stream, count: $count) }', { code, stream, count }, TOKENS.admin);

describe('durable events', () => {
  it('retries a failing subscriber with backoff, holds the later events of its stream, and does not run the others again', async () => {
    const res = await write('flaky', 'flaky-stream', 2);
    expect(res.errors).toBeUndefined();
    await vi.waitFor(() => expect(flakyDone).toHaveLength(2), { timeout: 10_000, interval: 20 });
    // In stream order, although seq 1 failed twice and seq 2 was ready all along.
    expect(flakyDone.map((d) => d.seq)).toEqual([1, 2]);
    const first = flakyDone[0]!.eventId;
    const times = flakyAttempts.get(first)!;
    expect(times).toHaveLength(3);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(RETRY_BASE_MS - 10);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(2 * RETRY_BASE_MS - 10); // doubled
    expect(flakyAttempts.get(flakyDone[1]!.eventId)).toHaveLength(1);
    // The subscriber that did not fail ran once per event.
    const others = recorded.filter((r) => r.code === 'flaky');
    expect(others.map((r) => r.seq).sort()).toEqual([1, 2]);
    const rows = (await em().execute(`select attempts, done_at is not null as done, last_error from event_delivery where event_id = ? and subscriber = 'events-probe:flaky'`, [first])) as any[];
    expect(rows).toEqual([{ attempts: 2, done: true, last_error: null }]);
    expect(logLines.filter((l) => l.includes('event subscriber failed')).length).toBeGreaterThanOrEqual(2);
  });

  it('lets an idempotent handler (keyed by the event id) write and publish once, though it runs twice', async () => {
    expect((await write('mark', 'mark-stream', 1)).errors).toBeUndefined();
    await vi.waitFor(() => expect([...markAttempts.values()]).toEqual([2]), { timeout: 10_000, interval: 20 });
    await vi.waitFor(() => expect(followed).toHaveLength(1), { timeout: 10_000, interval: 20 });
    const [eventId] = [...markAttempts.keys()];
    expect(await em().execute('select count(*)::int as n from events_probe_mark where event_id = ?', [eventId])).toEqual([{ n: 1 }]);
    expect(followed[0]).toEqual({ from: eventId, stream: `followed:${eventId}`, seq: 1 });
    await t.app.gateway.events.idle();
    expect(followed).toHaveLength(1);
  });

  it('numbers each stream without gap or repeat, in order, under concurrent writers', async () => {
    const streams = ['order-a', 'order-b', 'order-c'];
    const writers = Array.from({ length: 4 }, async (_, w) => {
      for (let i = 0; i < 8; i++) {
        const res = await write('order', streams[(w + i) % streams.length]!, 1 + (i % 2));
        expect(res.errors).toBeUndefined();
      }
    });
    await Promise.all(writers);
    const expected = 4 * 8 * 1.5;
    await vi.waitFor(() => expect(recorded.filter((r) => r.code === 'order')).toHaveLength(expected), { timeout: 15_000, interval: 20 });
    for (const stream of streams) {
      const seqs = recorded.filter((r) => r.stream === stream).map((r) => r.seq);
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    }
    expect(new Set(recorded.map((r) => r.eventId)).size).toBe(recorded.length);
    // The global order: every delivered event has a position, none shared, in stream order.
    const positions = (await em().execute(`select stream, seq, "position" from event where stream like 'order-%' order by "position"`)) as any[];
    expect(positions.every((p) => p.position !== null)).toBe(true);
    for (const stream of streams) {
      const seqs = positions.filter((p) => p.stream === stream).map((p) => Number(p.seq));
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    }
  });
});

describe('transactions', () => {
  it('reads through the kit inside the transaction (without waiting for it on PGlite)', async () => {
    const res = await t.gql('mutation { eventsProbeLoadersInTx(code: "lue-dans-la-transaction") }', {}, TOKENS.admin);
    expect(res.errors).toBeUndefined();
    expect(res.data.eventsProbeLoadersInTx).toBe('Filière lue-dans-la-transaction|Filière lue-dans-la-transaction');
  }, 15_000);

  it('refuses a transaction or a flush in a query operation, on HTTP and WebSocket, with a clear error', async () => {
    for (const field of ['eventsProbeTransactionInQuery', 'eventsProbeFlushInQuery']) {
      const res = await t.gql(`{ ${field} }`, {}, TOKENS.admin);
      expect(res.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
    }
    const [overWs] = await collect(t.ws(TOKENS.admin), '{ eventsProbeTransactionInQuery }', {}, 1).results;
    expect(overWs!.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(logLines.filter((l) => l.includes('WriteInQueryError') && l.includes('queries are read-only')).length).toBeGreaterThanOrEqual(3);
    const sectors = (await t.gql('{ sectors { code } }')).data.sectors.map((s: any) => s.code);
    expect(sectors).not.toContain('written-by-a-query');
    expect(sectors).not.toContain('flushed-by-a-query');
    // The same context as a mutation's may write.
    const ctx = t.app.contextFor(Viewer.system());
    ctx.readOnly = true;
    await expect(ctx.transaction(async () => true)).rejects.toBeInstanceOf(WriteInQueryError);
    ctx.readOnly = false;
    await expect(ctx.transaction(async () => true)).resolves.toBe(true);
  });
});

describe('subscriptions', () => {
  it('gives each pushed event a fresh context: the second push shows the second change', async () => {
    const list = await t.gql('{ partners(first: 1) { edges { node { id } } } }');
    const id = list.data.partners.edges[0].node.id;
    const sub = collect(t.ws(TOKENS.expert), 'subscription($id: ID) { partnerChanged(id: $id) { id description } }', { id }, 2);
    await sub.ready;
    for (const description of ['Première version.', 'Seconde version.']) {
      const res = await t.gql('mutation($id: ID!, $d: String!) { updatePartner(id: $id, input: { description: $d }) { id } }', { id, d: description }, TOKENS.admin);
      expect(res.errors).toBeUndefined();
      await t.app.gateway.events.idle();
    }
    const results = await sub.results;
    expect(results.map((r) => r.data.partnerChanged.description)).toEqual(['Première version.', 'Seconde version.']);
  });
});
