import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { whenReady } from './processes.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The real server (`node --import tsx server/main.ts`, as `npm start` runs it) started with each wrong
 * setting: one sentence naming the variable on stderr, exit code 2, within 5 s of being spawned.
 */
const root = join(import.meta.dirname, '..');
const folder = mkdtempSync(join(tmpdir(), 'maillage-startup-'));
const testDatabase = process.env.TEST_DATABASE_URL;

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function serverEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, DATABASE_URL: '', REDIS_URL: '', DATA_DIR: join(folder, 'default'), PORT: '0', HOST: '127.0.0.1', DEMO: 'false', LOG_LEVEL: 'warn', ...env };
}

function start(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: root, env: serverEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Runs the server until it exits (or 20 s, then kills it). */
function runServer(env: Record<string, string>): Promise<Exit> {
  const started = performance.now();
  const child = start(env);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  return new Promise((resolve) => {
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/** Starts the server and resolves once it listens. */
function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  return whenReady(start({ LOG_LEVEL: 'info', ...env }), 90_000);
}

function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

/** A TCP server on a free port: `silent` accepts and says nothing, `garbage` answers like a web server. */
const sockets = new WeakMap<Server, Set<Socket>>();

async function fakeServer(mode: 'silent' | 'garbage'): Promise<{ server: Server; port: number }> {
  const open = new Set<Socket>();
  const server = createServer((socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    socket.on('error', () => undefined);
    if (mode === 'garbage') socket.write('HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n');
  });
  sockets.set(server, open);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, port: (server.address() as { port: number }).port };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((r) => {
    server.close(() => r());
    for (const socket of sockets.get(server) ?? []) socket.destroy();
  });
}

/** A port where nothing listens (bound, then released). */
async function closedPort(): Promise<number> {
  const { server, port } = await fakeServer('silent');
  await closeServer(server);
  return port;
}

/**
 * Exit code 2 and one line on stderr, naming `variable`, well before the 20 s kill. The preflight's own deadline
 * (2.5 s) is in the message; the rest is tsx compiling the server, seconds on a loaded two-core machine, so the
 * bound here only says "it gives up rather than hangs" (start-up speed is measured by farm-bench, not here).
 */
function expectOneSentence(result: Exit, variable: string, pattern: RegExp): void {
  const lines = result.stderr.trim().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]!.startsWith(`${variable}: `), result.stderr).toBe(true);
  expect(lines[0]).toMatch(pattern);
  expect(lines[0]).not.toMatch(/\n\s+at /);
  expect(result.code).toBe(2);
  expect(result.ms).toBeLessThan(15_000);
}

const servers: Server[] = [];

afterAll(async () => {
  await Promise.all(servers.map(closeServer));
  rmSync(folder, { recursive: true, force: true });
});

describe('start-up with a wrong setting', () => {
  let silent: number;
  let garbage: number;

  beforeAll(async () => {
    const a = await fakeServer('silent');
    const b = await fakeServer('garbage');
    servers.push(a.server, b.server);
    silent = a.port;
    garbage = b.port;
  });

  it('DATABASE_URL where nothing listens', async () => {
    const port = await closedPort();
    const result = await runServer({ DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/maillage` });
    expectOneSentence(result, 'DATABASE_URL', new RegExp(`nothing accepts connections at 127\\.0\\.0\\.1:${port} \\(connection refused\\); check that PostgreSQL is running`));
  });

  it('DATABASE_URL with an unknown host', async () => {
    const result = await runServer({ DATABASE_URL: 'postgres://postgres:secret@no-such-host.invalid:5432/maillage' });
    expectOneSentence(result, 'DATABASE_URL', /the host name "no-such-host\.invalid" cannot be resolved/);
    expect(result.stderr).not.toMatch(/secret/);
  });

  it('DATABASE_URL on a port that accepts and says nothing', async () => {
    const result = await runServer({ DATABASE_URL: `postgres://postgres@127.0.0.1:${silent}/maillage` });
    expectOneSentence(result, 'DATABASE_URL', new RegExp(`127\\.0\\.0\\.1:${silent} did not answer like PostgreSQL within 2\\.5 s`));
  });

  it('DATABASE_URL on a port that answers something else', async () => {
    const result = await runServer({ DATABASE_URL: `postgres://postgres@127.0.0.1:${garbage}/maillage` });
    expectOneSentence(result, 'DATABASE_URL', new RegExp(`127\\.0\\.0\\.1:${garbage} (did not answer|does not answer) like PostgreSQL`));
  });

  it.skipIf(!testDatabase)('DATABASE_URL with an unknown role', async () => {
    const url = new URL(testDatabase!);
    url.username = 'no_such_role';
    const result = await runServer({ DATABASE_URL: url.toString() });
    expectOneSentence(result, 'DATABASE_URL', /refused user "no_such_role" \(role "no_such_role" does not exist\); check the user name/);
  });

  it.skipIf(!testDatabase)('DATABASE_URL naming a database that does not exist (reported, not created)', async () => {
    const url = new URL(testDatabase!);
    url.pathname = '/maillage_no_such_database';
    const result = await runServer({ DATABASE_URL: url.toString() });
    expectOneSentence(result, 'DATABASE_URL', /the database "maillage_no_such_database" does not exist on .*; create it \(createdb /);
  });

  it('REDIS_URL where nothing listens', async () => {
    const port = await closedPort();
    const result = await runServer({ REDIS_URL: `redis://127.0.0.1:${port}` });
    expectOneSentence(result, 'REDIS_URL', new RegExp(`nothing accepts connections at 127\\.0\\.0\\.1:${port} \\(connection refused\\); check that Redis is running`));
  });

  it('REDIS_URL on a port that accepts and says nothing', async () => {
    const result = await runServer({ REDIS_URL: `redis://127.0.0.1:${silent}` });
    expectOneSentence(result, 'REDIS_URL', new RegExp(`127\\.0\\.0\\.1:${silent} did not answer like Redis`));
  });

  it('PORT already in use', async () => {
    const { server, port } = await fakeServer('silent');
    servers.push(server);
    const result = await runServer({ PORT: String(port) });
    expectOneSentence(result, 'PORT', new RegExp(`port ${port} on 127\\.0\\.0\\.1 is already in use by another process; stop that process or set PORT`));
    expect(result.stderr).not.toMatch(/graphql-ws|Internal error/);
  });

  it('reports every wrong setting at once', async () => {
    const port = await closedPort();
    const result = await runServer({ DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/x`, REDIS_URL: `redis://127.0.0.1:${port}` });
    expect(result.code).toBe(2);
    expect(
      result.stderr
        .trim()
        .split('\n')
        .map((l) => l.split(':')[0]),
    ).toEqual(['DATABASE_URL', 'REDIS_URL']);
  });
});

describe('one process per PGlite data folder', () => {
  it("refuses a second server on the same folder at once, naming the folder and the PID holding it; the lock goes with the first (a dead process's lock: test/data-dir-lock.test.ts)", async () => {
    const dataDir = join(folder, 'shared');
    const lockFile = `${resolve(dataDir)}.lock`;
    const first = await startServer({ DATA_DIR: dataDir });
    try {
      expect(readFileSync(lockFile, 'utf8').trim()).toBe(String(first.child.pid));
      const second = await runServer({ DATA_DIR: dataDir });
      expectOneSentence(second, 'DATA_DIR', new RegExp(`the PGlite data folder ${resolve(dataDir).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is in use by another process \\(PID ${first.child.pid}\\)`));
      // The first one still works.
      const answer = await fetch(first.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ sectors { code } }' }) });
      expect(answer.status).toBe(200);
    } finally {
      await stop(first.child);
    }
    expect(existsSync(lockFile)).toBe(false);
  }, 240_000);
});
