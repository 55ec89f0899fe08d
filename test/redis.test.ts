import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { collect, createTestDatabase, TOKENS } from './harness.js';
import { whenReady } from './processes.js';

/**
 * Two server processes sharing PostgreSQL and Redis: a change committed through one is pushed to a
 * subscriber of the other. Needs TEST_DATABASE_URL and TEST_REDIS_URL (CI sets both).
 */
const enabled = Boolean(process.env.TEST_DATABASE_URL && process.env.TEST_REDIS_URL);

function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return whenReady(child, 60_000);
}

describe.skipIf(!enabled)('two processes sharing Redis and PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const children: ChildProcess[] = [];
  let urlA = '';
  let urlB = '';

  beforeAll(async () => {
    database = await createTestDatabase();
    const common = { DATABASE_URL: database.url!, REDIS_URL: process.env.TEST_REDIS_URL! };
    const a = await startServer({ ...common, DEMO: 'true' }); // migrates and loads demo data first
    children.push(a.child);
    const b = await startServer({ ...common, DEMO: 'false' });
    children.push(b.child);
    urlA = a.url;
    urlB = b.url;
  });

  afterAll(async () => {
    await Promise.all(children.map((c) => new Promise<void>((r) => (c.exitCode !== null ? r() : (c.once('exit', () => r()), c.kill('SIGTERM'))))));
    await database?.drop();
  });

  it('pushes a change made on process A to a subscriber on process B', async () => {
    const gqlA = async (query: string, variables: Record<string, unknown>) =>
      (await (
        await fetch(urlA, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKENS.admin}` }, body: JSON.stringify({ query, variables }) })
      ).json()) as any;
    const list = await gqlA('{ partners(first: 1) { edges { node { id } } } }', {});
    const id = list.data.partners.edges[0].node.id;

    const client = createClient({ url: urlB.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${TOKENS.expert}` }, retryAttempts: 0 });
    try {
      const sub = collect(client, 'subscription($id: ID) { partnerChanged(id: $id) { id description } }', { id }, 1, 15_000);
      await sub.ready;
      const update = await gqlA('mutation($id: ID!) { updatePartner(id: $id, input: { description: "Modifié sur le processus A." }) { id } }', { id });
      expect(update.errors).toBeUndefined();
      const [result] = await sub.results;
      expect(result!.data.partnerChanged).toEqual({ id, description: 'Modifié sur le processus A.' });
    } finally {
      await client.dispose();
    }
  });

  it('stops gracefully on SIGTERM', async () => {
    const b = children[1]!;
    const exit = new Promise<number | null>((r) => b.once('exit', (code) => r(code)));
    b.kill('SIGTERM');
    expect(await exit).toBe(0);
  });
});
