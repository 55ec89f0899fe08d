import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHECK_INTERVAL_MS } from './load.js';
import { FANOUT_TARGETS, type FanoutResult } from './fanout.js';

export type Target = 'graphql' | 'floor';

export interface RunResult {
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
  /** req/s ÷ the floor's req/s at the same connection count (higher is better). */
  ratioVsFloor: number | null;
  /** p99 ÷ the floor's p99 at the same connection count (lower is better). */
  p99VsFloor: number | null;
}

/** One scenario's outcome, as printed and written to bench/results/latest.json. */
export interface ScenarioResult {
  scenario: string;
  title: string;
  /** The demo person whose token the requests carry. */
  viewer: string;
  query: string;
  floorSql: string;
  /** Cost of the query by the server's default operation limits (it must be accepted under them). */
  cost: number;
  summary: string;
  responseBytes: { graphql: number; floor: number };
  floorIdenticalData: true;
  sqlPerRequest: number;
  /** Statements per request for a smaller page of the same operation: equal to `sqlPerRequest`, or the run stops. */
  sqlPerSmallPage: { first: number; perRequest: number };
  sqlStatements: string[];
  results: RunResult[];
}

/** The goals of the module kit issue: throughput at least half the floor's, p99 at most twice its. */
export const GOALS = { minThroughputRatio: 0.5, maxP99Ratio: 2 } as const;

/** Fills each GraphQL row's ratios to the floor's row at the same connection count. */
export function withRatios(results: RunResult[]): RunResult[] {
  return results.map((row) => {
    const base = results.find((r) => r.target === 'floor' && r.connections === row.connections);
    return {
      ...row,
      ratioVsFloor: base && base.reqPerSec > 0 ? row.reqPerSec / base.reqPerSec : null,
      p99VsFloor: base && base.latencyP99Ms > 0 ? row.latencyP99Ms / base.latencyP99Ms : null,
    };
  });
}

export function fmt(n: number, digits: number): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

const orDash = (n: number | null, digits: number) => (n == null || Number.isNaN(n) ? '-' : fmt(n, digits));

function printTable(headers: string[], rows: string[][]): void {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  // The first column (target) reads left to right; numbers line up on the right.
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(headers));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

const COLUMNS: [string, (r: RunResult) => string][] = [
  ['target', (r) => r.target],
  ['connections', (r) => String(r.connections)],
  ['req/s', (r) => fmt(r.reqPerSec, 1)],
  ['req/s vs floor', (r) => orDash(r.ratioVsFloor, 2)],
  ['p50 ms', (r) => fmt(r.latencyP50Ms, 1)],
  ['p99 ms', (r) => fmt(r.latencyP99Ms, 1)],
  ['p99 vs floor', (r) => orDash(r.p99VsFloor, 2)],
  ['SQL/req', (r) => fmt(r.sqlPerRequest, 2)],
  ['served/s', (r) => fmt(r.servedPerSec, 1)],
  ['CPU ms/req', (r) => fmt(r.cpuMsPerRequest, 2)],
  ['DB CPU ms/req', (r) => orDash(r.dbCpuMsPerRequest, 2)],
  ['non-2xx', (r) => String(r.non2xx)],
  ['errors', (r) => String(r.errors + r.timeouts)],
];

/** Whether the GraphQL rows meet GOALS, one phrase per connection count. */
function verdict(results: RunResult[]): string {
  return results
    .filter((r) => r.target === 'graphql')
    .map((r) => {
      const throughput = r.ratioVsFloor != null && r.ratioVsFloor >= GOALS.minThroughputRatio;
      const p99 = r.p99VsFloor != null && r.p99VsFloor <= GOALS.maxP99Ratio;
      return `c=${r.connections}: req/s ${throughput ? 'met' : 'NOT met'}, p99 ${p99 ? 'met' : 'NOT met'}`;
    })
    .join('; ');
}

export function printScenario(s: ScenarioResult, database: string, durationS: number): void {
  console.log('');
  console.log(`${s.scenario}, ${s.title} — ${database}, ${durationS} s per run`);
  printTable(
    COLUMNS.map(([h]) => h),
    s.results.map((r) => COLUMNS.map(([, cell]) => cell(r))),
  );
  console.log(`Goals (req/s ≥ ${GOALS.minThroughputRatio}× the floor's, p99 ≤ ${GOALS.maxP99Ratio}× the floor's): ${verdict(s.results)}`);
}

export function printNotes(postgres: boolean, measureDb: boolean): void {
  console.log('');
  console.log(`Every ${CHECK_INTERVAL_MS} ms during each run one more request (same body) goes to the target and its answer is compared`);
  console.log('with the reference (the run stops at the first error or difference); served/s and CPU ms/req include those requests.');
  console.log('req/s: autocannon mean of per-second samples; p50/p99: latency of 2xx answers; errors: connection errors + timeouts.');
  console.log("req/s vs floor and p99 vs floor: the GraphQL row's figure ÷ the floor's at the same connection count.");
  console.log('served/s: requests the server finished ÷ (run + time to finish those in flight when autocannon stopped); steadier');
  console.log('than req/s when latency nears the run length (PGlite runs one statement at a time, so answers come in waves).');
  console.log('CPU ms/req: process.cpuUsage() (user + system, all threads) from the start of the measured run until the server is idle');
  console.log(`again, ÷ requests the server finished; autocannon runs in its own process${postgres ? '' : '; PGlite (WASM) runs in the server process'}.`);
  if (measureDb) console.log('DB CPU ms/req: the local PostgreSQL processes (from /proc), same window, ÷ requests the server finished.');
}

/** Writes bench/results/latest.json (git-ignored) and returns its path. */
export function writeResults(report: Record<string, unknown>): string {
  const out = resolve(dirname(fileURLToPath(import.meta.url)), 'results', 'latest.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), node: process.version, ...report }, null, 2) + '\n');
  return out;
}

const KIB = 1024;

/** The fan-out runs (bench/fanout.ts) against the targets. */
export function printFanout(results: readonly FanoutResult[], title: string, database: string): void {
  if (results.length === 0) return;
  const { bytesPerConnection } = FANOUT_TARGETS;
  console.log('');
  console.log(`Fan-out, ${title} — ${database}; subscribers in a child process on the same machine, tokens admin/funder/expert in turn`);
  const p99 = (r: FanoutResult) => (r.targetP99Ms == null ? '-' : `${r.p99Ms <= r.targetP99Ms ? 'met' : 'NOT met'} (≤ ${r.targetP99Ms})`);
  const memory = (r: FanoutResult) => (r.heapBytesPerConnection <= bytesPerConnection && r.rssBytesPerConnection <= bytesPerConnection ? 'met' : 'NOT met');
  printTable(
    [
      'subscribers',
      'open',
      'events',
      'missing',
      'before answer',
      'errors',
      'p50 ms',
      'p99 ms',
      'max ms',
      'p99 target',
      'from request p50/p99 ms',
      'executions/event',
      'heap KiB/conn',
      'RSS KiB/conn',
      `≤ ${bytesPerConnection / KIB} KiB/conn`,
    ],
    results.map((r) => [
      String(r.subscribers),
      String(r.opened),
      String(r.received),
      String(r.missing),
      String(r.beforeAnswer ?? 0),
      String(r.withErrors),
      fmt(r.p50Ms, 1),
      fmt(r.p99Ms, 1),
      fmt(r.maxMs, 1),
      p99(r),
      `${fmt(r.fromRequestP50Ms, 1)} / ${fmt(r.fromRequestP99Ms, 1)}`,
      fmt(r.executionsPerEvent, 1),
      fmt(r.heapBytesPerConnection / KIB, 1),
      fmt(r.rssBytesPerConnection / KIB, 1),
      memory(r),
    ]),
  );
  console.log("Latency: from the mutation's answer, read by the subscribers' process (which sends it), to each subscriber's receipt (an event read before");
  console.log('the answer counts 0 and is counted in "before answer"; the server sends events once its answer has left: Context.afterAnswer),');
  console.log('every subscriber of every measured event; "from request": from the moment the mutation was sent, its own time included;');
  console.log("executions/event: executions of the subscription's operation per event, all subscribers together (server/multiplex.ts);");
  console.log(
    'memory: server heap / RSS after GC with all N sockets open and subscribed, minus the same with the first tenth open, ÷ the other nine tenths (one-off costs of the first connections apart; RSS is noisy: pages GC frees are not always returned).',
  );
  const failed = results.find((r) => r.firstError);
  if (failed) console.log(`First error seen (N=${failed.subscribers}): ${failed.firstError}`);
}
