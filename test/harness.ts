import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { createApp, type App } from '../server/app.js';
import { DEFAULT_LIMITS, type Config } from '../server/config.js';
import { withDependencies, type DemoScale, type ModuleManifest } from '../server/module.js';
import type { DispatcherOptions } from '../server/events.js';
import type { PeriodicOutcome } from '../server/kit/periodic.js';
import type { Logger } from '../server/logger.js';
import { ALL_MODULES } from '../modules/index.js';
import { DEMO_PEOPLE } from '../modules/accounts/index.js';

/** Tokens of the demo people: admin, funder (manager of a funder), expert (member of an expert partner). */
export const TOKENS = Object.fromEntries(DEMO_PEOPLE.map((p) => [p.key, p.token])) as Record<'admin' | 'funder' | 'expert', string>;

/** Loosely typed on purpose: tests assert on shapes; the typed client is tested in test/client.test.ts. */
export interface GraphQLResponse<T = any> {
  data: T;
  errors: any;
}

export interface TestApp {
  app: App;
  url: string;
  databaseUrl: string | null;
  /** SQL statements run since the last `resetSql()`. */
  sql: string[];
  resetSql(): void;
  /** POSTs an operation over real HTTP. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GraphQLResponse<T>>;
  /** A graphql-ws client on the same port and path. */
  ws(token?: string | null): Client;
  /** Runs the periodic task `name` now (once across processes, as the server would): its outcome. */
  runPeriodicTask(name: string): Promise<PeriodicOutcome>;
  close(): Promise<void>;
}

/** A database of its own for one test file: a fresh PostgreSQL database when TEST_DATABASE_URL is set, else PGlite in memory. */
export async function createTestDatabase(): Promise<{ url: string | null; drop(): Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) return { url: null, drop: async () => {} };
  const name = `maillage_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    databaseUrl: null,
    dataDir: null,
    redisUrl: null,
    modules: null,
    logLevel: 'silent',
    demo: true,
    limits: { ...DEFAULT_LIMITS },
    ...overrides,
  };
}

/** Boots the gateway on its own database with `modules` and their dependencies (all by default). */
export async function startTestApp(
  options: {
    modules?: string[];
    config?: Partial<Config>;
    database?: { url: string | null; drop(): Promise<void> };
    available?: readonly ModuleManifest[];
    /** Delivery of durable events (shorter delays in tests of retries). */
    events?: DispatcherOptions;
    logger?: Logger;
    /** Demo data at another size (a smaller directory for tests that walk every row). */
    demoScale?: DemoScale;
    /** Schedule the modules' periodic tasks as the server does (off: run one with `t.runPeriodicTask`). */
    periodicTasks?: boolean;
  } = {},
): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const sql: string[] = [];
  const available = options.available ?? ALL_MODULES;
  const modules = options.modules ? withDependencies(available, options.modules) : null;
  // Stored files go to a folder of this app's own, removed at close (unless the test gives one).
  const filesDir = options.config?.filesDir === undefined ? await mkdtemp(join(tmpdir(), 'maillage-files-')) : null;
  const app = await createApp(testConfig({ databaseUrl: database.url, modules, ...(filesDir ? { filesDir } : {}), ...options.config }), {
    onQuery: (statement) => sql.push(statement),
    available,
    events: options.events,
    logger: options.logger,
    demoScale: options.demoScale ?? null,
  });
  const url = await app.listen();
  if (options.periodicTasks) app.periodicTasks.start();
  const clients: Client[] = [];
  return {
    app,
    url,
    databaseUrl: database.url,
    sql,
    resetSql: () => void sql.splice(0, sql.length),
    gql: async (query, variables, token) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as GraphQLResponse;
    },
    ws: (token) => {
      const client = createClient({
        url: url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: token ? { authorization: `Bearer ${token}` } : {},
        retryAttempts: 0,
        lazy: false,
        onNonLazyError: () => {},
      });
      clients.push(client);
      return client;
    },
    runPeriodicTask: (name) => app.periodicTasks.run(name),
    close: async () => {
      await Promise.all(clients.map(async (c) => c.dispose()));
      await app.close();
      await database.drop();
      if (filesDir) await rm(filesDir, { recursive: true, force: true });
    },
  };
}

/** Collects `count` results of a subscription, or rejects after `timeoutMs`. */
export function collect<T = any>(
  client: Client,
  query: string,
  variables: Record<string, unknown>,
  count: number,
  timeoutMs = 10_000,
): { ready: Promise<void>; results: Promise<GraphQLResponse<T>[]> } {
  const results: GraphQLResponse<T>[] = [];
  let readyResolve!: () => void;
  const ready = new Promise<void>((r) => (readyResolve = r));
  const done = new Promise<GraphQLResponse<T>[]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out with ${results.length}/${count} results`)), timeoutMs);
    const unsubscribe = client.subscribe<T>(
      { query, variables },
      {
        next: (value) => {
          results.push(value as GraphQLResponse<T>);
          if (results.length >= count) {
            clearTimeout(timer);
            unsubscribe();
            resolve(results);
          }
        },
        error: (err) => {
          clearTimeout(timer);
          reject(err);
        },
        complete: () => {
          clearTimeout(timer);
          resolve(results);
        },
      },
    );
    // graphql-ws sends `subscribe` right after the connection is acknowledged; give the server a beat to register it.
    setTimeout(readyResolve, 1000);
  });
  return { ready, results: done };
}

/** An open graphql-ws connection and the code it will close with. */
export interface OpenSocket {
  client: Client;
  closed: Promise<number>;
}

/** Opens a graphql-ws connection with `token` and resolves once the server acknowledged it (rejects if refused). */
export function openSocket(url: string, token: string): Promise<OpenSocket> {
  let closedResolve!: (code: number) => void;
  const closed = new Promise<number>((resolve) => (closedResolve = resolve));
  return new Promise((resolve, reject) => {
    const client = createClient({
      url: url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: reject,
      on: {
        connected: () => resolve({ client, closed }),
        closed: (event) => closedResolve((event as { code: number }).code),
      },
    });
  });
}
