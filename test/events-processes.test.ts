import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase } from './harness.js';

/*
 * Durable events against real processes (test/fixtures/events-server.ts): an event committed just
 * before a `kill -9` is delivered after restart (PGlite on disk, and PostgreSQL with TEST_DATABASE_URL);
 * two processes sharing PostgreSQL and Redis with four concurrent writers deliver every stream's events
 * once, in sequence, without gap (needs TEST_DATABASE_URL and TEST_REDIS_URL; PGlite's folder cannot be
 * shared by two processes).
 */

interface ProbeLine {
  pid: number;
  ready?: string;
  delivered?: string;
  published?: boolean;
  eventId?: string;
  stream?: string | null;
  seq?: number | null;
}

interface Server {
  child: ChildProcess;
  url: string;
  lines: ProbeLine[];
  exited: Promise<number | null>;
}

const children: ChildProcess[] = [];

function startServer(env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/events-server.ts'], {
    env: { ...process.env, NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', REDIS_URL: '', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const lines: ProbeLine[] = [];
  let output = '';
  let buffer = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 90_000);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      buffer += chunk.toString();
      let end;
      while ((end = buffer.indexOf('\n')) >= 0) {
        const text = buffer.slice(0, end);
        buffer = buffer.slice(end + 1);
        if (!text.startsWith('{"probe":true')) continue;
        const line = JSON.parse(text) as ProbeLine;
        lines.push(line);
        if (line.ready) {
          clearTimeout(timer);
          resolve({ child, url: line.ready, lines, exited });
        }
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}

async function write(url: string, stream: string, writer: string, count: number): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation($s: String!, $w: String!, $c: Int!) { procProbeWrite(stream: $s, writer: $w, count: $c) }', variables: { s: stream, w: writer, c: count } }),
  });
  const body = (await res.json()) as { data?: { procProbeWrite: boolean }; errors?: unknown };
  if (body.errors || !body.data?.procProbeWrite) throw new Error(`write failed: ${JSON.stringify(body)}`);
}

async function stop(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return;
  server.child.kill('SIGTERM');
  await server.exited;
}

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

const backends: { name: string; setUp(): Promise<{ env: Record<string, string>; tearDown(): Promise<void> }> }[] = [
  {
    name: 'PGlite on disk',
    setUp: async () => {
      const folder = await mkdtemp(join(tmpdir(), 'maillage-events-'));
      return { env: { DATA_DIR: join(folder, 'pglite') }, tearDown: () => rm(folder, { recursive: true, force: true }) };
    },
  },
  ...(process.env.TEST_DATABASE_URL
    ? [
        {
          name: 'PostgreSQL',
          setUp: async () => {
            const database = await createTestDatabase();
            return { env: { DATABASE_URL: database.url! }, tearDown: () => database.drop() };
          },
        },
      ]
    : []),
];

describe.each(backends)('an event committed just before kill -9 ($name)', (backend) => {
  it('is delivered to every subscriber and to the pubsub after restart', async () => {
    const { env, tearDown } = await backend.setUp();
    try {
      // Delivery stopped: the kill lands between the commit and the delivery.
      const first = await startServer({ ...env, EVENTS_DISPATCH: 'off' });
      await write(first.url, 'crash', 'w', 2);
      first.child.kill('SIGKILL');
      expect(await first.exited).toBe(null);
      expect(first.lines.filter((l) => l.delivered || l.published)).toEqual([]);

      const second = await startServer(env);
      await vi.waitFor(() => expect(second.lines.filter((l) => l.delivered || l.published)).toHaveLength(6), { timeout: 20_000, interval: 50 });
      for (const subscriber of ['a', 'b']) {
        expect(second.lines.filter((l) => l.delivered === subscriber).map((l) => [l.stream, l.seq])).toEqual([
          ['crash', 1],
          ['crash', 2],
        ]);
      }
      expect(second.lines.filter((l) => l.published).map((l) => l.seq)).toEqual([1, 2]);
      await stop(second);
    } finally {
      await tearDown();
    }
  }, 180_000);
});

const shared = Boolean(process.env.TEST_DATABASE_URL && process.env.TEST_REDIS_URL);

describe.skipIf(!shared)('two processes, four writers (PostgreSQL and Redis)', () => {
  it('delivers each stream to every subscriber once, in sequence, without gap, and publishes each event once to every process', async () => {
    const database = await createTestDatabase();
    const env = { DATABASE_URL: database.url!, REDIS_URL: process.env.TEST_REDIS_URL! };
    const client = new pg.Client({ connectionString: database.url! });
    try {
      const a = await startServer(env); // migrates and creates probe_log first
      const b = await startServer(env);
      await client.connect();
      const streams = ['s1', 's2', 's3'];
      const rounds = 12;
      let expected = 0;
      const writers = [a, a, b, b].map(async (server, w) => {
        for (let i = 0; i < rounds; i++) await write(server.url, streams[(w + i) % streams.length]!, `w${w}`, 1 + (i % 3));
      });
      for (let w = 0; w < 4; w++) for (let i = 0; i < rounds; i++) expected += 1 + (i % 3);
      await Promise.all(writers);

      await vi.waitFor(
        async () => {
          const { rows } = await client.query('select count(*)::int as n from probe_log');
          expect(rows[0].n).toBe(2 * expected);
        },
        { timeout: 30_000, interval: 100 },
      );
      // The event table: each stream numbered 1..n; positions 1..total, in stream order within each stream.
      const events = (await client.query('select id, stream, seq::int, "position"::int as position from event order by "position"')).rows;
      expect(events).toHaveLength(expected);
      expect(events.map((e) => e.position)).toEqual(events.map((_, i) => i + 1));
      for (const stream of streams) {
        const seqs = events.filter((e) => e.stream === stream).map((e) => e.seq);
        expect(seqs).toEqual(seqs.map((_, i) => i + 1));
      }
      // Every subscriber: each event once, each stream in sequence (the log's id is the delivery order).
      for (const subscriber of ['a', 'b']) {
        const log = (await client.query('select event_id::text as event_id, stream, seq::int from probe_log where subscriber = $1 order by id', [subscriber])).rows;
        expect(log).toHaveLength(expected);
        expect(new Set(log.map((l) => l.event_id)).size).toBe(expected);
        for (const stream of streams) {
          const count = events.filter((e) => e.stream === stream).length;
          expect(log.filter((l) => l.stream === stream).map((l) => l.seq)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
        }
      }
      // The pubsub (Redis): every process receives every event once.
      await vi.waitFor(
        () => {
          for (const server of [a, b]) expect(server.lines.filter((l) => l.published)).toHaveLength(expected);
        },
        { timeout: 10_000, interval: 100 },
      );
      for (const server of [a, b]) expect(new Set(server.lines.filter((l) => l.published).map((l) => l.eventId)).size).toBe(expected);
      await Promise.all([stop(a), stop(b)]);
    } finally {
      await client.end().catch(() => undefined);
      await database.drop();
    }
  }, 180_000);
});
