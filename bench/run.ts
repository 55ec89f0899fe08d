/**
 * `npm run bench`: seeds a larger demo data set, then loads the PortalList operation on the GraphQL
 * server and on a raw-SQL floor (three hand-written statements in one round trip, JSON built in Node:
 * bench/floor.ts), and prints a comparison table. Results also go to bench/results/latest.json (git-ignored).
 *
 * The run stops with an error, measuring nothing more, when:
 *   - the floor's `data` differ from the GraphQL answer's (compared byte for byte after sorting keys);
 *   - an answer sampled during the load (every 100 ms, on each target, warm-ups included) has errors,
 *     is not a 200, or differs from that reference;
 *   - autocannon counts a non-2xx answer, a connection error or a timeout.
 *
 * Environment:
 *   BENCH_DATABASE_URL / TEST_DATABASE_URL  PostgreSQL server: a fresh `maillage_bench` database is
 *                                           created there (and dropped at the end); else PGlite in memory.
 *   BENCH_DURATION      measured seconds per run (default 10)
 *   BENCH_WARMUP        warm-up seconds per run (default 3)
 *   BENCH_CONNECTIONS   comma-separated connection counts (default 10,50)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createApp, type App } from '../server/app.js';
import { DEFAULT_LIMITS } from '../server/config.js';
import type { DemoScale } from '../server/module.js';
import { testConfig, TOKENS } from '../test/harness.js';
import { FLOOR_SQL, FLOOR_STATEMENTS, floorExecutor, startFloorServer, type FloorServer } from './floor.js';
import { canonicalData, firstDifference, LoadChecker } from './check.js';
import { InFlight } from './inflight.js';
import { DatabaseCpu } from './dbcpu.js';

const SCALE: DemoScale = { organizations: 10_000, employers: 4_600, partners: 200 };
const BENCH_DB = 'maillage_bench';
const PAGE_SIZE = 100;
const SQL_SAMPLE_REQUESTS = 20;
/** How often each target's answer is checked during the load. */
const CHECK_INTERVAL_MS = 100;

const QUERY = `query PortalList { organizations(first: ${PAGE_SIZE}) { totalCount edges { node { id name legalForm employees sector { code name } commune { name } contacts { firstName lastName email phone role } } } } }`;
const BODY = JSON.stringify({ query: QUERY, operationName: 'PortalList' });

type Target = 'graphql' | 'floor';

interface RunResult {
  target: Target;
  connections: number;
  durationS: number;
  /** Requests autocannon saw answered within the measured window. */
  requests: number;
  /** Requests the server finished for this run, including those still in flight when autocannon stopped. */
  served: number;
  /** Time the server needed, after the run, to finish its requests in flight. */
  drainMs: number;
  /** Requests the server was working on when autocannon's promise resolved. */
  inFlightAtStop: number;
  reqPerSec: number;
  /** Server side: requests finished ÷ (measured duration + drain time). */
  servedPerSec: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMeanMs: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  sqlPerRequest: number;
  /** Answers sampled during the measured run and found identical to the reference. */
  checkedDuringLoad: number;
  cpuMsPerRequest: number;
  /** PostgreSQL's processes (local server only), same window, ÷ requests finished. */
  dbCpuMsPerRequest: number;
  ratioVsFloor: number | null;
}

function positiveNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name}: expected a positive number, got "${raw}"`);
  return value;
}

const DURATION = positiveNumber('BENCH_DURATION', 10);
const WARMUP = positiveNumber('BENCH_WARMUP', 3);
const CONNECTIONS = (process.env.BENCH_CONNECTIONS?.trim() || '10,50').split(',').map((c) => {
  const n = Number(c.trim());
  if (!Number.isInteger(n) || n <= 0) throw new Error(`BENCH_CONNECTIONS: "${c}" is not a positive whole number`);
  return n;
});

/** A fresh `maillage_bench` database on the server of `base`; dropped by `drop()`. */
async function createBenchDatabase(base: string): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`drop database if exists ${BENCH_DB} with (force)`);
  await admin(`create database ${BENCH_DB}`);
  const url = new URL(base);
  url.pathname = `/${BENCH_DB}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${BENCH_DB} with (force)`) };
}

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

async function post(url: string): Promise<{ status: number; text: string }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKENS.expert}` },
    body: BODY,
  });
  return { status: res.status, text: await res.text() };
}

interface PortalList {
  data?: { organizations?: { totalCount: number; edges: { node: { contacts: unknown[] } }[] } };
  errors?: unknown[];
}

/**
 * Loads `url` for `duration` s while a checker compares one answer every CHECK_INTERVAL_MS with the
 * reference; the first wrong answer kills autocannon and rejects. Autocannon's own count of non-2xx
 * answers, connection errors and timeouts must be zero too.
 */
async function checkedLoad(label: string, url: string, reference: string, connections: number, duration: number): Promise<{ result: autocannon.Result; checked: number }> {
  const controller = new AbortController();
  const checker = new LoadChecker(label, url, reference, post, (err) => controller.abort(err), CHECK_INTERVAL_MS).start();
  let result: autocannon.Result;
  try {
    result = await load(url, connections, duration, controller.signal);
  } finally {
    await checker.stop();
  }
  if (checker.failure) throw checker.failure;
  if (checker.checked === 0) throw new Error(`${label}: no answer could be checked during the load`);
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(`${label}: autocannon counted ${result.non2xx} non-2xx answers, ${result.errors} connection errors and ${result.timeouts} timeouts`);
  }
  return { result, checked: checker.checked };
}

/** Checks one answer: 200, no errors, a full page. */
function checkResponse(label: string, status: number, text: string): PortalList {
  const json = JSON.parse(text) as PortalList;
  if (status !== 200 || json.errors) throw new Error(`${label}: HTTP ${status}, errors: ${JSON.stringify(json.errors ?? text.slice(0, 500))}`);
  const edges = json.data?.organizations?.edges ?? [];
  if (edges.length !== PAGE_SIZE) throw new Error(`${label}: expected ${PAGE_SIZE} edges, got ${edges.length}`);
  return json;
}

/**
 * Runs autocannon in a process of its own, so the load generator's CPU (measured: about a fifth of the
 * server's when in process) is neither counted against the server nor taken from its event loop.
 * `signal` kills it (a sampled answer was wrong): the promise then rejects with the signal's reason.
 */
async function load(url: string, connections: number, duration: number, signal?: AbortSignal): Promise<autocannon.Result> {
  const cli = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
  const args = [cli, '--json', '-c', String(connections), '-d', String(duration), '-t', '30', '-m', 'POST',
    '-H', 'content-type=application/json', '-H', `authorization=Bearer ${TOKENS.expert}`, '-b', BODY, url];
  return new Promise((resolve, reject) => {
    // With Node's defaults: the server's V8 tuning (NODE_OPTIONS in `npm run bench`) is not the load tool's.
    const { NODE_OPTIONS: _serverOptions, ...env } = process.env;
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
    const abort = () => {
      child.kill('SIGKILL');
      reject(signal!.reason);
    };
    if (signal?.aborted) return abort();
    signal?.addEventListener('abort', abort, { once: true });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      signal?.removeEventListener('abort', abort);
      if (signal?.aborted) return;
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}: ${err.slice(-500)}`));
      try {
        resolve(JSON.parse(out.slice(out.indexOf('{'))) as autocannon.Result);
      } catch (e) {
        reject(new Error(`autocannon output not JSON: ${out.slice(0, 300)} ${err.slice(-300)}`));
      }
    });
  });
}

function fmt(n: number, digits: number): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function printTable(headers: string[], rows: string[][], rightAligned: boolean[]): void {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (rightAligned[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  console.log(line(headers));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

async function main(): Promise<void> {
  const baseUrl = process.env.BENCH_DATABASE_URL?.trim() || process.env.TEST_DATABASE_URL?.trim() || null;
  let database: { url: string; drop(): Promise<void> } | null = null;
  let app: App | null = null;
  let floor: FloorServer | null = null;
  let floorDb: ReturnType<typeof floorExecutor> | null = null;

  try {
    if (baseUrl) {
      database = await createBenchDatabase(baseUrl);
      console.log(`Database: PostgreSQL, fresh database ${redact(database.url)}`);
    } else {
      console.log('Database: PGlite in memory (set BENCH_DATABASE_URL or TEST_DATABASE_URL for PostgreSQL)');
    }
    console.log(`Scale: ${SCALE.organizations} organizations, ${SCALE.employers} employers, ${SCALE.partners} partners`);
    console.log(`Runs: ${WARMUP} s warm-up + ${DURATION} s measured, connections ${CONNECTIONS.join(', ')}; Node ${process.version}`);

    // Statements are recorded only while counting, so the array does not grow during the load.
    const sql: string[] = [];
    let recording = false;
    const seedStart = performance.now();
    app = await createApp(
      testConfig({ databaseUrl: database?.url ?? null, demo: true, logLevel: 'silent', limits: { ...DEFAULT_LIMITS, maxCost: 1_000_000, rateLimit: 0 } }),
      { demoScale: SCALE, onQuery: (s) => { if (recording) sql.push(s); } },
    );
    const seedMs = performance.now() - seedStart;
    const graphqlUrl = await app.listen();

    const orm = app.gateway.orm;
    const ormExecute = (statement: string) => orm.em.fork().getConnection().execute(statement, [], 'all') as Promise<Array<Record<string, unknown>>>;
    const [counts] = await ormExecute(
      'select (select count(*) from organization)::int as organizations, (select count(*) from organization_contact)::int as contacts, (select count(*) from organization where consent_to_share)::int as consenting, (select count(*) from partner)::int as partners',
    );
    console.log(
      `Seeding (createApp: migrations + demo data + schema): ${fmt(seedMs / 1000, 1)} s — ${counts!.organizations} organizations (${counts!.consenting} consenting), ${counts!.contacts} contacts, ${counts!.partners} partners`,
    );

    // The floor: its own pg.Pool on PostgreSQL, the app's own PGlite instance otherwise; both send the
    // three statements as one multi-statement query (one round trip).
    floorDb = floorExecutor(orm, database?.url ?? null);
    floor = await startFloorServer(floorDb.execute);

    // Correctness first: full pages, no errors, and the floor answers the same data, byte for byte once
    // keys are sorted. Anything else stops here: a floor that answers something else measures nothing.
    const g = await post(graphqlUrl);
    const graphqlJson = checkResponse('graphql', g.status, g.text);
    const f = await post(floor.url);
    checkResponse('floor', f.status, f.text);
    const edges = graphqlJson.data!.organizations!.edges;
    const withContacts = edges.filter((e) => e.node.contacts.length > 0).length;
    if (withContacts === 0) throw new Error('graphql: no contacts in the page — is the expert token entitled to organizations.contacts.read?');
    const reference = canonicalData('graphql', g.status, g.text);
    const floorData = canonicalData('floor', f.status, f.text);
    if (floorData !== reference) {
      throw new Error(`The floor's data differ from the GraphQL answer's; nothing measured ${firstDifference(reference, floorData)}`);
    }
    console.log(
      `Response: ${PAGE_SIZE} edges, totalCount ${graphqlJson.data!.organizations!.totalCount}, ${withContacts} with contacts; ` +
        `body ${fmt(Buffer.byteLength(g.text) / 1024, 1)} KiB (graphql) vs ${fmt(Buffer.byteLength(f.text) / 1024, 1)} KiB (floor); ` +
        `floor data identical to GraphQL's (${fmt(Buffer.byteLength(reference) / 1024, 1)} KiB canonical)${g.text === f.text ? ', bodies identical byte for byte' : ''}`,
    );

    // SQL statements per GraphQL request, over a few sequential requests.
    sql.length = 0;
    recording = true;
    for (let i = 0; i < SQL_SAMPLE_REQUESTS; i++) {
      const res = await post(graphqlUrl);
      checkResponse('graphql', res.status, res.text);
    }
    recording = false;
    const sqlPerRequest = sql.length / SQL_SAMPLE_REQUESTS;
    const statementKinds = [...new Set(sql.map((s) => s.replace(/\s+/g, ' ').slice(0, 90)))];
    console.log(`SQL statements per GraphQL request: ${fmt(sqlPerRequest, 2)}`);
    for (const s of statementKinds) console.log(`  ${s}${s.length >= 90 ? '…' : ''}`);

    const targets: { target: Target; url: string; sqlPerRequest: number; inFlight: InFlight }[] = [
      { target: 'graphql', url: graphqlUrl, sqlPerRequest, inFlight: new InFlight(app.httpServer) },
      { target: 'floor', url: floor.url, sqlPerRequest: FLOOR_STATEMENTS.length, inFlight: new InFlight(floor.server) },
    ];
    const drain = async (t: (typeof targets)[number]) => {
      if (!(await t.inFlight.idle())) console.warn(`  warning: ${t.target} still has ${t.inFlight.inFlight} requests in flight after 120 s`);
    };
    const dbCpu = new DatabaseCpu();
    const measureDb = database !== null && dbCpu.available;
    const results: RunResult[] = [];
    for (const t of targets) {
      for (const connections of CONNECTIONS) {
        process.stdout.write(`  ${t.target.padEnd(7)} c=${String(connections).padEnd(3)} warm-up ${WARMUP} s… `);
        await checkedLoad(`${t.target} c=${connections} warm-up`, t.url, reference, connections, WARMUP);
        await drain(t); // the server finishes what the warm-up left in flight before measuring
        process.stdout.write(`measuring ${DURATION} s… `);
        const completedBefore = t.inFlight.completed;
        const cpuBefore = process.cpuUsage();
        const dbBefore = dbCpu.sample();
        const { result: r, checked } = await checkedLoad(`${t.target} c=${connections}`, t.url, reference, connections, DURATION);
        const inFlightAtStop = t.inFlight.inFlight;
        const drainStart = performance.now();
        await drain(t);
        // Until the last request finished, not counting the quiet time `idle()` waits for.
        const drainMs = Math.max(0, t.inFlight.lastCompletion - drainStart);
        // CPU from the start of the run until the server is idle again, over the requests it finished.
        const cpu = process.cpuUsage(cpuBefore);
        const dbMs = measureDb ? dbCpu.since(dbBefore) : NaN;
        const served = t.inFlight.completed - completedBefore;
        const row: RunResult = {
          target: t.target,
          connections,
          durationS: r.duration,
          requests: r.requests.total,
          served,
          drainMs: Math.round(drainMs),
          inFlightAtStop,
          reqPerSec: r.requests.mean,
          servedPerSec: served / (r.duration + drainMs / 1000),
          latencyP50Ms: r.latency.p50,
          latencyP99Ms: r.latency.p99,
          latencyMeanMs: r.latency.mean,
          non2xx: r.non2xx,
          errors: r.errors,
          timeouts: r.timeouts,
          sqlPerRequest: t.sqlPerRequest,
          checkedDuringLoad: checked,
          cpuMsPerRequest: served > 0 ? (cpu.user + cpu.system) / 1000 / served : NaN,
          dbCpuMsPerRequest: served > 0 ? dbMs / served : NaN,
          ratioVsFloor: null,
        };
        results.push(row);
        console.log(`${fmt(row.reqPerSec, 1)} req/s, ${checked} sampled answers checked`);
      }
    }
    for (const row of results) {
      const base = results.find((r) => r.target === 'floor' && r.connections === row.connections);
      row.ratioVsFloor = base && base.reqPerSec > 0 ? row.reqPerSec / base.reqPerSec : null;
    }

    console.log('');
    console.log(`PortalList, organizations(first: ${PAGE_SIZE}) with sector, commune and contacts — ${database ? 'PostgreSQL' : 'PGlite in memory'}, ${DURATION} s per run`);
    printTable(
      ['target', 'connections', 'req/s', 'p50 ms', 'p99 ms', 'SQL/req', 'ratio vs floor', 'served/s', 'CPU ms/req', 'DB CPU ms/req', 'non-2xx', 'errors'],
      results.map((r) => [
        r.target,
        String(r.connections),
        fmt(r.reqPerSec, 1),
        fmt(r.latencyP50Ms, 1),
        fmt(r.latencyP99Ms, 1),
        fmt(r.sqlPerRequest, 2),
        r.ratioVsFloor == null ? '-' : fmt(r.ratioVsFloor, 2),
        fmt(r.servedPerSec, 1),
        fmt(r.cpuMsPerRequest, 2),
        Number.isNaN(r.dbCpuMsPerRequest) ? '-' : fmt(r.dbCpuMsPerRequest, 2),
        String(r.non2xx),
        String(r.errors + r.timeouts),
      ]),
      [false, true, true, true, true, true, true, true, true, true, true, true],
    );
    console.log('');
    console.log(`Seeding: ${fmt(seedMs / 1000, 1)} s.`);
    console.log(`Every ${CHECK_INTERVAL_MS} ms during each run one more request (same body) goes to the target and its answer is compared`);
    console.log('with the reference (the run stops at the first error or difference); served/s and CPU ms/req include those requests.');
    console.log('req/s: autocannon mean of per-second samples; p50/p99: latency of 2xx answers; errors: connection errors + timeouts.');
    console.log('served/s: requests the server finished ÷ (run + time to finish those in flight when autocannon stopped); steadier');
    console.log('than req/s when latency nears the run length (PGlite runs one statement at a time, so answers come in waves).');
    console.log('CPU ms/req: process.cpuUsage() (user + system, all threads) from the start of the measured run until the server is idle');
    console.log(`again, ÷ requests the server finished; autocannon runs in its own process${database ? '' : '; PGlite (WASM) runs in the server process'}.`);
    if (measureDb) console.log('DB CPU ms/req: the local PostgreSQL processes (from /proc), same window, ÷ requests the server finished.');

    const out = resolve(dirname(fileURLToPath(import.meta.url)), 'results', 'latest.json');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(
      out,
      JSON.stringify(
        {
          date: new Date().toISOString(),
          node: process.version,
          database: database ? 'postgresql' : 'pglite',
          scale: SCALE,
          counts,
          warmupS: WARMUP,
          durationS: DURATION,
          seedMs: Math.round(seedMs),
          query: QUERY,
          floorSql: FLOOR_SQL,
          responseBytes: { graphql: Buffer.byteLength(g.text), floor: Buffer.byteLength(f.text) },
          floorIdenticalData: true,
          sqlPerRequest,
          sqlStatements: statementKinds,
          results,
        },
        null,
        2,
      ) + '\n',
    );
    console.log(`Results written to ${out}`);
  } finally {
    await floor?.close().catch((err: unknown) => console.error('closing the floor server:', err));
    await floorDb?.close().catch((err: unknown) => console.error("closing the floor's database connection:", err));
    await app?.close().catch((err: unknown) => console.error('closing the app:', err));
    await database?.drop().catch((err: unknown) => console.error(`dropping ${BENCH_DB}:`, err));
  }
}

// No process.exit() on success: everything is closed, so the process ends on its own.
main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
