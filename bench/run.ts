/**
 * `npm run bench`: seeds a larger demo data set, then, for each scenario (bench/scenarios.ts: PortalList,
 * the organizations directory page; PartnerList, the partners page with their criteria and funding
 * schemes; CommitteeList, the committee's working list of open support requests with their matching
 * partners and positions), loads the operation on the GraphQL server and on the scenario's raw-SQL floor
 * (hand-written statements in one round trip, JSON built in Node: bench/floor.ts, bench/partner-floor.ts,
 * bench/support-floor.ts), each request carrying the token of the scenario's viewer, and prints a
 * comparison table per scenario. Results also go to bench/results/latest.json (git-ignored).
 *
 * The run stops with an error, measuring nothing more, when:
 *   - a scenario's query costs more than the server's default operation limits accept;
 *   - the GraphQL server sends more statements for the scenario's page than for a page of SMALL_PAGE
 *     (statements must not grow with the page);
 *   - the floor's `data` differ from the GraphQL answer's (compared byte for byte after sorting keys);
 *   - an answer sampled during the load (every 100 ms, on each target, warm-ups included) has errors,
 *     is not a 200, or differs from that reference;
 *   - autocannon counts a non-2xx answer, a connection error or a timeout.
 *
 * Options and environment:
 *   --scenario NAME[,NAME] / BENCH_SCENARIO  only these scenarios (PortalList, PartnerList, CommitteeList); default all
 *   BENCH_DATABASE_URL / TEST_DATABASE_URL  PostgreSQL server: a fresh `<database>_bench` database is
 *                                           created there (and dropped at the end); else PGlite in memory.
 *   BENCH_DURATION      measured seconds per run (default 10)
 *   BENCH_WARMUP        warm-up seconds per run (default 3)
 *   BENCH_CONNECTIONS   comma-separated connection counts (default 10,50)
 *
 * Then the fan-out run (bench/fanout.ts): N graphql-ws subscribers of one subscription, one mutation at a
 * time, delivery latency p50/p99 and the server's memory per idle connection, against the issue's targets.
 *   --fanout N[,N] / BENCH_FANOUT        subscriber counts (default 1000; 0 skips it), e.g. --fanout 1000,10000
 *   --fanout-pair NAME                   the subscription and its mutation (default sessionEvents; or partnerChanged)
 *   --fanout-only                        only the fan-out run, on the ordinary demo data (no scaled seed, no scenarios)
 *   BENCH_FANOUT_ROUNDS                  measured events per N (default 5)
 *   BENCH_FANOUT_SNAPSHOT=FILE           writes a heap snapshot of the server with the N sockets idle (where the memory per connection goes)
 *   BENCH_FANOUT_PROFILE=PREFIX          writes a CPU profile of the server during the measured events (PREFIX-N.cpuprofile)
 * For the fan-out run only, the bench's server accepts N sockets and subscriptions from one address and
 * person (MAX_SOCKETS_PER_ADDRESS, MAX_CONNECTIONS_PER_ADDRESS, MAX_SUBSCRIPTIONS_PER_PERSON raised in its
 * config); the defaults stay as they are.
 */
import { parseArgs } from 'node:util';
import { parse, type GraphQLSchema } from 'graphql';
import pg from 'pg';
import { createApp, type App } from '../server/app.js';
import { DEFAULT_LIMITS, type OperationLimits } from '../server/config.js';
import { checkOperationLimits } from '../server/limits.js';
import type { DemoScale } from '../server/module.js';
import { testConfig, TOKENS } from '../test/harness.js';
import { floorExecutor, startFloorServer, type ExecuteMany } from './floor.js';
import { canonicalData, firstDifference } from './check.js';
import { InFlight } from './inflight.js';
import { DatabaseCpu } from './dbcpu.js';
import { checkedLoad, post } from './load.js';
import { fmt, printFanout, printNotes, printScenario, withRatios, writeResults, type RunResult, type ScenarioResult, type Target } from './report.js';
import { selectScenarios, type Scenario } from './scenarios.js';
import { OPEN_STATUSES } from '../modules/support/support.enums.js';
import { printRadarBench } from './radar.bench.js';
import { DEFAULT_FANOUT_PAIR, FANOUT_PAIRS, runFanout, type FanoutPair, type FanoutResult } from './fanout.js';

const SCALE: DemoScale = { organizations: 10_000, employers: 4_600, partners: 200 };
/**
 * The bench's own database, next to the one named in the URL (`<name>_bench`), so that benches run by
 * different people on one server never drop each other's; `maillage_bench` when the URL names none or
 * a shared one (`postgres`, `test`).
 */
function benchDatabaseName(base: string): string {
  const name = decodeURIComponent(new URL(base).pathname.slice(1));
  return /^[a-z_][a-z0-9_]{0,50}$/.test(name) && name !== 'postgres' && name !== 'test' ? `${name}_bench` : 'maillage_bench';
}
const SQL_SAMPLE_REQUESTS = 20;
/** The smaller page whose statements per request must equal those of the scenario's page. */
const SMALL_PAGE = 5;

function positiveNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name}: expected a positive number, got "${raw}"`);
  return value;
}

function connectionCounts(): number[] {
  return (process.env.BENCH_CONNECTIONS?.trim() || '10,50').split(',').map((c) => {
    const n = Number(c.trim());
    if (!Number.isInteger(n) || n <= 0) throw new Error(`BENCH_CONNECTIONS: "${c}" is not a positive whole number`);
    return n;
  });
}

const DURATION = positiveNumber('BENCH_DURATION', 10);
const WARMUP = positiveNumber('BENCH_WARMUP', 3);
const CONNECTIONS = connectionCounts();
const { values: ARGS } = parseArgs({ options: { scenario: { type: 'string' }, fanout: { type: 'string' }, 'fanout-pair': { type: 'string' }, 'fanout-only': { type: 'boolean' } } });
const FANOUT_ONLY = ARGS['fanout-only'] === true;
const SCENARIOS = FANOUT_ONLY ? [] : selectScenarios(ARGS.scenario ?? process.env.BENCH_SCENARIO);
const FANOUT = fanoutCounts(ARGS.fanout ?? process.env.BENCH_FANOUT);
const FANOUT_PAIR = fanoutPair(ARGS['fanout-pair']);

function fanoutCounts(raw: string | undefined): number[] {
  return (raw?.trim() || '1000')
    .split(',')
    .map((c) => {
      const n = Number(c.trim());
      if (!Number.isInteger(n) || n < 0) throw new Error(`--fanout: "${c}" is not a whole number`);
      return n;
    })
    .filter((n) => n > 0);
}

function fanoutPair(name: string | undefined): FanoutPair {
  const pair = FANOUT_PAIRS[name ?? DEFAULT_FANOUT_PAIR];
  if (!pair) throw new Error(`--fanout-pair: "${name}" is not one of ${Object.keys(FANOUT_PAIRS).join(', ')}`);
  return pair;
}

/** The bench's server limits: the defaults, with room for the fan-out's N sockets from one address and person. */
function benchLimits(): OperationLimits {
  const limits: OperationLimits = { ...DEFAULT_LIMITS, maxCost: 1_000_000, rateLimit: 0 };
  const most = Math.max(0, ...FANOUT);
  if (most === 0) return limits;
  return { ...limits, maxSocketsPerAddress: most + 100, maxConnectionsPerAddress: most + 500, maxSubscriptionsPerPerson: most + 100 };
}

/** What every scenario shares: the seeded app, the database and the recorder of SQL statements. */
interface Bench {
  app: App;
  graphqlUrl: string;
  /** One counter on the app's server for every scenario: each would otherwise wrap `res.end` once more. */
  graphqlInFlight: InFlight;
  postgres: boolean;
  floorExecute: ExecuteMany;
  /** Statements the app sent while `recording` (off during the load, so the array does not grow). */
  sql: { statements: string[]; recording: boolean };
  dbCpu: DatabaseCpu | null;
}

interface LoadTarget {
  target: Target;
  url: string;
  body: string;
  token: string;
  reference: string;
  sqlPerRequest: number;
  inFlight: InFlight;
}

/** A fresh bench database (`benchDatabaseName`) on the server of `base`; dropped by `drop()`. */
async function createBenchDatabase(base: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = benchDatabaseName(base);
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`drop database if exists ${name} with (force)`);
  await admin(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

/** createApp with the demo data at SCALE, recording statements into `sql` while asked to. */
async function seededApp(databaseUrl: string | null, sql: Bench['sql']): Promise<App> {
  const start = performance.now();
  const app = await createApp(testConfig({ databaseUrl, demo: true, logLevel: 'silent', limits: benchLimits() }), {
    demoScale: FANOUT_ONLY ? null : SCALE,
    onQuery: (s) => {
      if (sql.recording) sql.statements.push(s);
    },
  });
  const seconds = fmt((performance.now() - start) / 1000, 1);
  const [c] = (await app.gateway.orm.em
    .fork()
    .getConnection()
    .execute(
      'select (select count(*) from organization)::int as organizations, (select count(*) from organization_contact)::int as contacts, (select count(*) from organization where consent_to_share)::int as consenting, (select count(*) from partner)::int as partners, (select count(*) from intervention_criteria)::int as criteria, (select count(*) from funding_scheme)::int as schemes, ' +
        `(select count(*) from support_request)::int as requests, (select count(*) from support_request where status in (${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')}))::int as open, (select count(*) from support_position)::int as positions`,
      [],
      'all',
    )) as Array<Record<string, number>>;
  console.log(
    `Seeding (createApp: migrations + demo data + schema): ${seconds} s — ${c!.organizations} organizations (${c!.consenting} consenting), ` +
      `${c!.contacts} contacts, ${c!.partners} partners, ${c!.criteria} intervention criteria, ${c!.schemes} funding schemes, ` +
      `${c!.requests} support requests (${c!.open} open), ${c!.positions} partners' positions`,
  );
  return app;
}

/** The query's cost by the server's default limits; throws when those limits refuse it. */
function acceptedCost(schema: GraphQLSchema, scenario: Scenario): number {
  const document = parse(scenario.query);
  checkOperationLimits(schema, document, null, scenario.name, DEFAULT_LIMITS);
  try {
    checkOperationLimits(schema, document, null, scenario.name, { ...DEFAULT_LIMITS, maxCost: 0 });
  } catch (err) {
    const value = (err as { extensions?: { value?: unknown } }).extensions?.value;
    if (typeof value === 'number') return value;
  }
  throw new Error(`${scenario.name}: could not read the query's cost`);
}

/**
 * Correctness first: the scenario's own checks on the GraphQL answer, and the floor answering the same
 * data, byte for byte once keys are sorted. Anything else stops here: a floor that answers something
 * else measures nothing. Returns the reference (canonical data) and what the answers hold.
 */
async function compareAnswers(scenario: Scenario, body: string, token: string, graphqlUrl: string, floorUrl: string) {
  const g = await post(graphqlUrl, body, token);
  const reference = canonicalData(`${scenario.name} graphql`, g.status, g.text);
  const summary = scenario.inspect((JSON.parse(g.text) as { data: unknown }).data);
  const f = await post(floorUrl, body, token);
  const floorData = canonicalData(`${scenario.name} floor`, f.status, f.text);
  if (floorData !== reference) {
    throw new Error(`${scenario.name}: the floor's data differ from the GraphQL answer's; nothing measured ${firstDifference(reference, floorData)}`);
  }
  const kib = (text: string) => fmt(Buffer.byteLength(text) / 1024, 1);
  console.log(
    `${scenario.name} response: ${summary}; body ${kib(g.text)} KiB (graphql) vs ${kib(f.text)} KiB (floor); ` +
      `floor data identical to GraphQL's (${kib(reference)} KiB canonical)${g.text === f.text ? ', bodies identical byte for byte' : ''}`,
  );
  return { reference, summary, responseBytes: { graphql: Buffer.byteLength(g.text), floor: Buffer.byteLength(f.text) } };
}

/** The statements the app sent for SQL_SAMPLE_REQUESTS sequential requests of `body`, each answer checked by `check`. */
async function recordStatements(bench: Bench, body: string, token: string, check: (status: number, text: string) => void): Promise<string[]> {
  bench.sql.statements.length = 0;
  bench.sql.recording = true;
  try {
    for (let i = 0; i < SQL_SAMPLE_REQUESTS; i++) {
      const res = await post(bench.graphqlUrl, body, token);
      check(res.status, res.text);
    }
    return [...bench.sql.statements];
  } finally {
    bench.sql.recording = false;
    bench.sql.statements.length = 0;
  }
}

/**
 * SQL statements per GraphQL request, over a few sequential requests, and their kinds; throws when a
 * page of SMALL_PAGE takes a different number (statements must not grow with the page).
 */
async function countStatements(bench: Bench, scenario: Scenario, body: string, token: string, reference: string) {
  const statements = await recordStatements(bench, body, token, (status, text) => {
    if (canonicalData(`${scenario.name} graphql`, status, text) !== reference) throw new Error(`${scenario.name}: answers changed between requests`);
  });
  const perRequest = statements.length / SQL_SAMPLE_REQUESTS;
  const smallBody = JSON.stringify({ query: scenario.queryAt(SMALL_PAGE), operationName: scenario.name });
  const small = await recordStatements(bench, smallBody, token, (status, text) => void canonicalData(`${scenario.name} graphql (first ${SMALL_PAGE})`, status, text));
  const perSmallRequest = small.length / SQL_SAMPLE_REQUESTS;
  const kinds = [...new Set(statements.map((s) => s.replace(/\s+/g, ' ').slice(0, 90)))];
  console.log(`${scenario.name}: SQL statements per GraphQL request: ${fmt(perRequest, 2)} (first ${scenario.pageSize}), ${fmt(perSmallRequest, 2)} (first ${SMALL_PAGE})`);
  for (const s of kinds) console.log(`  ${s}${s.length >= 90 ? '…' : ''}`);
  if (perSmallRequest !== perRequest) {
    throw new Error(`${scenario.name}: ${fmt(perRequest, 2)} statements per request for a page of ${scenario.pageSize}, ${fmt(perSmallRequest, 2)} for a page of ${SMALL_PAGE}; nothing measured`);
  }
  return { perRequest, perSmallRequest, kinds };
}

/** Waits for the server to finish what a run left in flight. */
async function drain(t: LoadTarget): Promise<void> {
  if (!(await t.inFlight.idle())) console.warn(`  warning: ${t.target} still has ${t.inFlight.inFlight} requests in flight after 120 s`);
}

/** One warm-up then one measured run of `t` at `connections`, with the server's and the database's CPU. */
async function measure(t: LoadTarget, connections: number, dbCpu: DatabaseCpu | null): Promise<RunResult> {
  const label = `${t.target} c=${connections}`;
  process.stdout.write(`  ${t.target.padEnd(7)} c=${String(connections).padEnd(3)} warm-up ${WARMUP} s… `);
  await checkedLoad(`${label} warm-up`, t.url, t.body, t.token, t.reference, connections, WARMUP);
  await drain(t); // the server finishes what the warm-up left in flight before measuring
  process.stdout.write(`measuring ${DURATION} s… `);
  const completedBefore = t.inFlight.completed;
  const cpuBefore = process.cpuUsage();
  const dbBefore = dbCpu?.sample();
  const { result: r, checked } = await checkedLoad(label, t.url, t.body, t.token, t.reference, connections, DURATION);
  const inFlightAtStop = t.inFlight.inFlight;
  const drainStart = performance.now();
  await drain(t);
  // Until the last request finished, not counting the quiet time `idle()` waits for.
  const drainMs = Math.max(0, t.inFlight.lastCompletion - drainStart);
  // CPU from the start of the run until the server is idle again, over the requests it finished.
  const cpu = process.cpuUsage(cpuBefore);
  const dbMs = dbCpu && dbBefore ? dbCpu.since(dbBefore) : NaN;
  const served = t.inFlight.completed - completedBefore;
  console.log(`${fmt(r.requests.mean, 1)} req/s, ${checked} sampled answers checked`);
  return {
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
    p99VsFloor: null,
  };
}

/** Checks, counts and loads one scenario against its own floor server (closed at the end). */
async function runScenario(bench: Bench, scenario: Scenario): Promise<ScenarioResult> {
  const cost = acceptedCost(bench.app.schema, scenario);
  console.log('');
  console.log(`${scenario.name}: cost ${cost} (the server accepts up to ${DEFAULT_LIMITS.maxCost}); viewer: ${scenario.viewer}`);
  const body = JSON.stringify({ query: scenario.query, operationName: scenario.name });
  const token = TOKENS[scenario.viewer];
  const floor = await startFloorServer(bench.floorExecute, scenario.floor);
  try {
    const answers = await compareAnswers(scenario, body, token, bench.graphqlUrl, floor.url);
    const sql = await countStatements(bench, scenario, body, token, answers.reference);
    const common = { body, token, reference: answers.reference };
    const targets: LoadTarget[] = [
      { ...common, target: 'graphql', url: bench.graphqlUrl, sqlPerRequest: sql.perRequest, inFlight: bench.graphqlInFlight },
      { ...common, target: 'floor', url: floor.url, sqlPerRequest: scenario.floor.statements.length, inFlight: new InFlight(floor.server) },
    ];
    const results: RunResult[] = [];
    for (const t of targets) for (const connections of CONNECTIONS) results.push(await measure(t, connections, bench.dbCpu));
    return {
      scenario: scenario.name,
      title: scenario.title,
      viewer: scenario.viewer,
      query: scenario.query,
      floorSql: scenario.floor.statements.join(';\n'),
      cost,
      summary: answers.summary,
      responseBytes: answers.responseBytes,
      floorIdenticalData: true,
      sqlPerRequest: sql.perRequest,
      sqlPerSmallPage: { first: SMALL_PAGE, perRequest: sql.perSmallRequest },
      sqlStatements: sql.kinds,
      results: withRatios(results),
    };
  } finally {
    await floor.close().catch((err: unknown) => console.error(`closing the ${scenario.name} floor server:`, err));
  }
}

/** Runs every selected scenario on `bench`, then prints and writes the results. */
async function runAll(bench: Bench): Promise<void> {
  const outcomes: ScenarioResult[] = [];
  for (const scenario of SCENARIOS) outcomes.push(await runScenario(bench, scenario));
  const fanout: FanoutResult[] = [];
  if (FANOUT.length > 0) console.log(`\nFan-out: ${FANOUT_PAIR.title}, N = ${FANOUT.join(', ')}`);
  for (const n of FANOUT) fanout.push(await runFanout(bench.graphqlUrl, FANOUT_PAIR, n));
  const database = bench.postgres ? 'PostgreSQL' : 'PGlite in memory';
  for (const outcome of outcomes) printScenario(outcome, database, DURATION);
  if (outcomes.length > 0) printNotes(bench.postgres, bench.dbCpu !== null);
  printFanout(fanout, FANOUT_PAIR.title, database);
  const out = writeResults({ database: bench.postgres ? 'postgresql' : 'pglite', scale: FANOUT_ONLY ? 'demo' : SCALE, warmupS: WARMUP, durationS: DURATION, scenarios: outcomes, fanout });
  console.log(`Results written to ${out}`);
}

async function main(): Promise<void> {
  const baseUrl = process.env.BENCH_DATABASE_URL?.trim() || process.env.TEST_DATABASE_URL?.trim() || null;
  const database = baseUrl ? await createBenchDatabase(baseUrl) : null;
  let app: App | null = null;
  let floorDb: ReturnType<typeof floorExecutor> | null = null;
  try {
    console.log(database ? `Database: PostgreSQL, fresh database ${redact(database.url)}` : 'Database: PGlite in memory (set BENCH_DATABASE_URL or TEST_DATABASE_URL for PostgreSQL)');
    console.log(FANOUT_ONLY ? 'Scale: the ordinary demo data (--fanout-only)' : `Scale: ${SCALE.organizations} organizations, ${SCALE.employers} employers, ${SCALE.partners} partners`);
    console.log(`Scenarios: ${SCENARIOS.map((s) => s.name).join(', ')}; runs: ${WARMUP} s warm-up + ${DURATION} s measured, connections ${CONNECTIONS.join(', ')}; Node ${process.version}`);
    const sql = { statements: [] as string[], recording: false };
    app = await seededApp(database?.url ?? null, sql);
    // The floors: a pg.Pool of their own on PostgreSQL, the app's own PGlite instance otherwise; each
    // sends its statements as one multi-statement query (one round trip).
    floorDb = floorExecutor(app.gateway.orm, database?.url ?? null);
    const dbCpu = new DatabaseCpu();
    const graphqlUrl = await app.listen();
    await runAll({
      app,
      graphqlUrl,
      graphqlInFlight: new InFlight(app.httpServer),
      postgres: database !== null,
      floorExecute: floorDb.execute,
      sql,
      dbCpu: database && dbCpu.available ? dbCpu : null,
    });
    if (!FANOUT_ONLY) printRadarBench(); // the radar's computations alone (bench/radar.bench.ts)
  } finally {
    await floorDb?.close().catch((err: unknown) => console.error("closing the floor's database connection:", err));
    await app?.close().catch((err: unknown) => console.error('closing the app:', err));
    await database?.drop().catch((err: unknown) => console.error('dropping the bench database:', err));
  }
}

// No process.exit() on success: everything is closed, so the process ends on its own.
main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
