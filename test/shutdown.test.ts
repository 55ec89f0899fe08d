import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DEFAULT_LIMITS } from '../server/config.js';
import pg from 'pg';
import { createTestDatabase, startTestApp, TOKENS } from './harness.js';
import { whenReady } from './processes.js';

/*
 * SIGTERM against a real server process (`node --import tsx server/main.ts`, as `npm start` runs it) on
 * its own database (PGlite in a temporary folder, or a fresh PostgreSQL database with TEST_DATABASE_URL):
 * every request received before the signal gets its whole answer, WebSockets close with 1001, new
 * connections are refused, and the process exits 0.
 */

const ALIASES = 150;
const BIG = `{ ${Array.from({ length: ALIASES }, (_, i) => `a${i}: organizations(first: 100) { edges { node { id name description email website siret employees esus commune { name } } } }`).join(' ')} }`;

let child: ChildProcess;
let url: string;
let dataDir: string;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
const output: string[] = [];
let exited: Promise<number | null>;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'maillage-shutdown-'));
  database = await createTestDatabase();
  child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: database.url ?? '',
      REDIS_URL: '',
      DEMO: 'true',
      LOG_LEVEL: 'info',
      MAX_QUERY_ALIASES: String(ALIASES),
      MAX_QUERY_COST: '10000000',
      SHUTDOWN_GRACE_MS: '60000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output.join('')}`)), 90_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output.push(chunk.toString());
      const match = /"msg":"Maillage ready"/.test(chunk.toString()) ? /"url":"([^"]+)"/.exec(chunk.toString()) : null;
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output.join('')}`)));
  });
});

afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
  await database?.drop();
});

/** One HTTP/1.1 response read from raw bytes: status, headers, body (content-length or chunked). */
function parseResponses(raw: Buffer): { status: number; headers: Record<string, string>; body: string }[] {
  const responses = [];
  let offset = 0;
  while (offset < raw.length) {
    const end = raw.indexOf('\r\n\r\n', offset);
    if (end < 0) throw new Error(`incomplete headers after ${offset} bytes`);
    const [statusLine, ...lines] = raw.subarray(offset, end).toString('latin1').split('\r\n');
    const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
    let bodyStart = end + 4;
    let body: Buffer;
    if (headers['content-length'] !== undefined) {
      const length = Number(headers['content-length']);
      body = raw.subarray(bodyStart, bodyStart + length);
      if (body.length !== length) throw new Error(`body cut: ${body.length} of ${length} bytes`);
      offset = bodyStart + length;
    } else {
      const parts: Buffer[] = [];
      for (;;) {
        const lineEnd = raw.indexOf('\r\n', bodyStart);
        const size = parseInt(raw.subarray(bodyStart, lineEnd).toString(), 16);
        if (Number.isNaN(size)) throw new Error('body cut inside a chunk header');
        const chunk = raw.subarray(lineEnd + 2, lineEnd + 2 + size);
        if (chunk.length !== size) throw new Error(`body cut: chunk of ${chunk.length} of ${size} bytes`);
        parts.push(chunk);
        bodyStart = lineEnd + 2 + size + 2;
        if (size === 0) break;
      }
      body = Buffer.concat(parts);
      offset = bodyStart;
    }
    responses.push({ status: Number(statusLine!.split(' ')[1]), headers, body: body.toString('utf8') });
  }
  return responses;
}

/** POSTs on a kept-alive connection of `agent`, resolves to status and parsed body. */
function post(agent: Agent, body: unknown, token?: string): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        try {
          resolve({ status: res.statusCode!, body: JSON.parse(Buffer.concat(chunks).toString()) });
        } catch (err) {
          reject(err);
        }
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe('shutdown on SIGTERM', () => {
  it('answers every request already received in full, closes WebSockets with 1001, then exits 0', async () => {
    const { hostname: host, port } = new URL(url);

    // A large answer that the client reads slowly: it is still being written when the signal comes.
    const big: Socket = connect(Number(port), host);
    const bigBody = JSON.stringify({ query: BIG });
    const received: Buffer[] = [];
    const firstBytes = new Promise<void>((resolve) => big.once('data', () => resolve()));
    big.on('data', (c: Buffer) => received.push(c));
    const bigEnded = new Promise<void>((resolve) => big.once('end', () => resolve()));
    big.write(`POST /graphql HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(bigBody)}\r\n\r\n${bigBody}`);
    await firstBytes;
    big.pause();

    // Kept-alive connections, opened before the signal.
    const agent = new Agent({ keepAlive: true, maxSockets: 8 });
    await Promise.all(Array.from({ length: 8 }, () => post(agent, { query: '{ viewer { isAuthenticated } }' })));

    // A WebSocket open before the signal.
    const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
    await new Promise((resolve) => socket.once('message', resolve));
    const wsClosed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));

    // Requests sent on those connections (one each: none waits in the agent's queue), then the signal at once.
    const reads = Array.from({ length: 7 }, (_, i) => post(agent, { query: `{ r${i}: organizations(first: 50) { totalCount edges { node { id name } } } }` }));
    const write = post(
      agent,
      { query: 'mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { apiToken { id name } } }', variables: { input: { name: 'Pendant l’arrêt' } } },
      TOKENS.expert,
    );
    await new Promise((resolve) => setTimeout(resolve, 5));
    child.kill('SIGTERM');

    // Once the process has taken the signal, the listening socket is closed: a new connection is refused.
    for (let i = 0; i < 200 && !output.join('').includes('not accepting connections any more'); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    const refused = await new Promise<string>((resolve) => {
      const probe = connect(Number(port), host);
      probe.once('connect', () => {
        probe.destroy();
        resolve('accepted');
      });
      probe.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
    });
    expect(refused).toBe('ECONNREFUSED');

    // Readiness, asked on the busy connection after the signal: 503 (pipelined after the large answer).
    big.write(`GET /readyz HTTP/1.1\r\nHost: ${host}\r\n\r\n`);
    big.resume();
    await bigEnded;

    const answers = await Promise.all(reads);
    for (const [i, answer] of answers.entries()) {
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.data[`r${i}`].edges.length).toBeGreaterThan(0);
    }
    const written = await write;
    expect(written.status).toBe(200);
    expect(written.body.data.createApiToken.apiToken.name).toBe('Pendant l’arrêt');

    const [bigAnswer, readiness] = parseResponses(Buffer.concat(received));
    expect(bigAnswer!.status).toBe(200);
    const data = JSON.parse(bigAnswer!.body).data;
    expect(Object.keys(data)).toHaveLength(ALIASES);
    expect(bigAnswer!.body.length).toBeGreaterThan(4_000_000);
    expect(readiness!.status).toBe(503);

    expect(await wsClosed).toBe(1001);
    expect(await exited).toBe(0);
    agent.destroy();
    expect(output.join('')).toMatch(/"cut":0/);
  });
});

describe('shutdown grace period', () => {
  it('cuts what is left when SHUTDOWN_GRACE_MS is over, and says how many connections it cut', async () => {
    const t = await startTestApp({ config: { limits: { ...DEFAULT_LIMITS, maxCost: 10_000_000 } } });
    const { hostname, port } = new URL(t.url);
    const stalled = connect(Number(port), hostname);
    // Smaller than BIG: whether the answer still sits in Node or in the kernel's buffers, the connection
    // stays open while the client does not read it.
    const body = JSON.stringify({ query: `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: organizations(first: 100) { edges { node { id name description } } }`).join(' ')} }` });
    const firstBytes = new Promise<void>((resolve) => stalled.once('data', () => resolve()));
    stalled.on('error', () => {});
    stalled.write(`POST /graphql HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    await firstBytes;
    stalled.pause(); // a client that never reads the rest

    const started = Date.now();
    const { cut } = await t.app.close({ graceMs: 500 });
    expect(cut).toBe(1);
    expect(Date.now() - started).toBeLessThan(5000);
    await t.close();
    stalled.destroy();
  }, 120_000); // the test app loads the whole demo (every module) before the request
});

/*
 * Under a keep-alive load, SIGTERM used to leave a write committed whose client got a reset instead of
 * its answer: Node still reads a request on a connection the drain has ended, runs it, and cannot answer
 * (measured: 4 of 10 runs of this scenario). Such a request is now dropped unrun (ConnectionDrainer): a
 * reset then means "not run", which a client may retry. PostgreSQL only: the count is read after the
 * server has exited.
 */
describe.runIf(Boolean(process.env.TEST_DATABASE_URL))('SIGTERM under a keep-alive load', () => {
  it('answers every write it commits (3 rounds of 40 clients, 1 request in 5 a write)', async () => {
    for (let round = 0; round < 3; round++) {
      const db = await createTestDatabase();
      const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        env: { ...process.env, DATABASE_URL: db.url!, DEMO: 'true', PORT: '0', LOG_LEVEL: 'info', RATE_LIMIT: '0' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const { url } = await whenReady(child, 60_000);
      const { hostname, port } = new URL(url);
      const agent = new Agent({ keepAlive: true, maxSockets: 40 });
      let answeredWrites = 0;
      let stop = false;
      let n = 0;
      const post = (body: string) =>
        new Promise<{ status?: number; text?: string; error?: string }>((resolve) => {
          const req = request({ host: hostname, port, path: '/graphql', method: 'POST', agent, headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKENS.admin}` } }, (res) => {
            let text = '';
            res.on('data', (c: Buffer) => (text += c.toString()));
            res.on('end', () => resolve({ status: res.statusCode, text }));
            res.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
          });
          req.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
          req.end(body);
        });
      const client = async (k: number) => {
        while (!stop) {
          const write = n++ % 5 === 0;
          const query = write
            ? `mutation { createPerson(input: { name: "Charge ${k} ${n}", email: "charge.${round}.${k}.${n}@example.org" }) { id } }`
            : '{ organizations(first: 20) { edges { node { name } } } }';
          const answer = await post(JSON.stringify({ query }));
          if (answer.error === 'ECONNREFUSED') return; // stopped listening: nothing more to send
          if (write && answer.status === 200 && answer.text && !answer.text.includes('"errors"')) answeredWrites++;
        }
      };
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      const clients = Array.from({ length: 40 }, (_, k) => client(k));
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      stop = true;
      await Promise.all(clients);
      agent.destroy();
      const check = new pg.Client({ connectionString: db.url! });
      await check.connect();
      const committed = Number((await check.query(`select count(*) from person where name like 'Charge %'`)).rows[0].count);
      await check.end();
      await db.drop();
      expect(answeredWrites).toBeGreaterThan(0);
      expect(committed, `round ${round}`).toBe(answeredWrites);
    }
  }, 120_000);
});
