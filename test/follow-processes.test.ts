import { spawn, type ChildProcess } from 'node:child_process';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase } from './harness.js';

/*
 * followStream across two server processes sharing PostgreSQL and Redis (test/fixtures/follow-server.ts):
 * four concurrent writers, two on each process; subscribers on both processes see every seq once, in
 * order, without gap; one that loses its connection and comes back to the other process with its last
 * seq misses nothing. Presence: screens on both processes are counted by either, and a socket closing
 * on one is pushed to the screens of the other. Needs TEST_DATABASE_URL and TEST_REDIS_URL.
 */

const children: ChildProcess[] = [];
const clients: Client[] = [];

function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/follow-server.ts'], {
    env: { ...process.env, NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 90_000);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /\{"probe":true,"ready":"([^"]+)"\}/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]! });
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

function follow(url: string, stream: string, after: number | null): { seqs: number[]; stop: () => void } {
  const client = createClient({ url: url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, lazy: false, onNonLazyError: () => {} });
  clients.push(client);
  const seqs: number[] = [];
  let stopped = false; // what arrives after the cut is not the screen's
  client.subscribe<{ followProbe: { seq: number } }>(
    { query: 'subscription($s: String!, $a: Int) { followProbe(stream: $s, after: $a) { seq } }', variables: { s: stream, a: after } },
    { next: (value) => void (stopped || seqs.push(value.data!.followProbe.seq)), error: () => {}, complete: () => {} },
  );
  return {
    seqs,
    stop: () => {
      stopped = true;
      void client.dispose();
    },
  };
}

/** A screen present on `topic` (anonymous): the counts pushed to it; `close` closes its socket. */
function present(url: string, topic: string): { counts: number[]; close: () => Promise<void> } {
  const client = createClient({ url: url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, lazy: false, onNonLazyError: () => {} });
  clients.push(client);
  const counts: number[] = [];
  client.subscribe<{ presenceProbe: number }>(
    { query: 'subscription($t: String!) { presenceProbe(topic: $t) }', variables: { t: topic } },
    { next: (v) => void counts.push(v.data!.presenceProbe), error: () => {}, complete: () => {} },
  );
  return { counts, close: async () => client.dispose() };
}

async function presentCount(url: string, topic: string): Promise<number> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'query($t: String!) { presenceProbeList(topic: $t) }', variables: { t: topic } }),
  });
  const body = (await res.json()) as { data: { presenceProbeList: string } };
  return (JSON.parse(body.data.presenceProbeList) as { connections: number }[]).reduce((n, p) => n + p.connections, 0);
}

async function write(url: string, stream: string, writer: string, count: number): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation($s: String!, $w: String!, $c: Int!) { followProbeWrite(stream: $s, writer: $w, count: $c) }', variables: { s: stream, w: writer, c: count } }),
  });
  const body = (await res.json()) as { errors?: unknown };
  if (body.errors) throw new Error(`write failed: ${JSON.stringify(body)}`);
}

afterAll(async () => {
  await Promise.all(clients.map(async (c) => c.dispose()));
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

const shared = Boolean(process.env.TEST_DATABASE_URL && process.env.TEST_REDIS_URL);
const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe.skipIf(!shared)('followStream across two processes (PostgreSQL and Redis)', () => {
  it('gives every subscriber each seq once, in order, without gap, under four writers; a reconnection misses nothing', async () => {
    const database = await createTestDatabase();
    try {
      const env = { DATABASE_URL: database.url!, REDIS_URL: process.env.TEST_REDIS_URL! };
      const a = await startServer(env); // migrates first
      const b = await startServer(env);
      const stream = 'session:shared';
      await write(a.url, stream, 'before', 3); // replayed by everyone
      const followers = [follow(a.url, stream, null), follow(a.url, stream, 1), follow(b.url, stream, null), follow(b.url, stream, 2)];
      const firstSeq = [1, 2, 1, 3];
      const cut = follow(a.url, stream, null);
      let resumed: { seqs: number[]; stop: () => void } | null = null;
      await new Promise((resolve) => setTimeout(resolve, 500));
      const rounds = 12;
      const writers = [a, a, b, b].map(async (server, w) => {
        for (let i = 0; i < rounds; i++) {
          await write(server.url, stream, `w${w}`, 1 + (i % 3));
          if (w === 2 && i === 5) {
            cut.stop(); // the screen's connection is cut; it comes back on the other process with its last seq
            resumed = follow(b.url, stream, cut.seqs.at(-1) ?? 0);
          }
        }
      });
      await Promise.all(writers);
      const total = 3 + 4 * Array.from({ length: rounds }, (_, i) => 1 + (i % 3)).reduce((x, y) => x + y, 0);
      await vi.waitFor(() => expect(followers.map((f) => f.seqs.length)).toEqual(firstSeq.map((s) => total - s + 1)), { timeout: 20_000, interval: 100 });
      followers.forEach((f, i) => expect(f.seqs).toEqual(upTo(total).slice(firstSeq[i]! - 1)));
      const back = resumed as unknown as { seqs: number[] };
      await vi.waitFor(() => expect(cut.seqs.length + back.seqs.length).toBe(total), { timeout: 20_000, interval: 100 });
      expect([...cut.seqs, ...back.seqs]).toEqual(upTo(total));
      // Nothing more arrives (no duplicate published late).
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(followers.map((f) => f.seqs.length)).toEqual(firstSeq.map((s) => total - s + 1));

      // Presence across the two processes.
      const chair = present(a.url, 'room');
      const onB = [present(b.url, 'room'), present(b.url, 'room')];
      await vi.waitFor(() => expect(chair.counts.at(-1)).toBe(3), { timeout: 10_000, interval: 50 });
      expect(await presentCount(b.url, 'room')).toBe(3);
      await onB[0]!.close(); // a socket on the other process closes: the chair's screen hears it
      await vi.waitFor(() => expect(chair.counts.at(-1)).toBe(2), { timeout: 10_000, interval: 50 });
      expect(await presentCount(a.url, 'room')).toBe(2);
      for (const child of [a.child, b.child]) child.kill('SIGTERM');
    } finally {
      await database.drop();
    }
  }, 180_000);
});
