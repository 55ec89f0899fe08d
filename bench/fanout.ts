/**
 * The fan-out run of `npm run bench` (issue 13): N graphql-ws subscribers of one subscription (in a child
 * process, bench/fanout-clients.ts), one mutation, and the delivery latency from the moment the
 * mutation's answer is in to each subscriber's receipt (p50/p99 over FANOUT_ROUNDS mutations, each waiting
 * for every subscriber), plus the server's memory per idle connection: (heap or RSS after GC, with the
 * sockets open and subscribed) − (the same before they opened), ÷ N. The server is this process.
 *
 * The subscription and its mutation are a `FanoutPair` (`--fanout-pair NAME`): `partnerChanged` (a
 * partner's description updated) until the governance module's `sessionEvents` lands, then a pair for
 * `sessionEvents` + `recordPosition` can be added to FANOUT_PAIRS.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { TOKENS } from '../test/harness.js';
import { multiplexCounters } from '../server/multiplex.js';
import { post } from './load.js';
import type { ClientCommand, ClientReport } from './fanout-clients.js';

export const FANOUT_TARGETS = { p99Ms: { 1000: 100, 10000: 1000 } as Record<number, number>, bytesPerConnection: 20 * 1024 };
/** Measured mutations per N (each waits for every subscriber's event). */
const ROUNDS = Number(process.env.BENCH_FANOUT_ROUNDS ?? 5);

export interface FanoutPair {
  name: string;
  /** What the table says is measured. */
  title: string;
  subscription: string;
  /** The subject (found through the API) and the mutation that makes one event about it. */
  prepare(graphqlUrl: string): Promise<{ variables: Record<string, unknown>; mutation: (round: number) => { body: string; token: string } }>;
}

const partnerChanged: FanoutPair = {
  name: 'partnerChanged',
  title: 'partnerChanged(id) ← updatePartner(description)',
  subscription: 'subscription Fanout($id: ID) { partnerChanged(id: $id) { id name shortName kind description website } }',
  async prepare(graphqlUrl) {
    const page = await post(graphqlUrl, JSON.stringify({ query: '{ partners(first: 1) { edges { node { id } } } }' }), TOKENS.admin);
    const id = (JSON.parse(page.text) as { data: { partners: { edges: { node: { id: string } }[] } } }).data.partners.edges[0]!.node.id;
    return {
      variables: { id },
      mutation: (round) => ({
        body: JSON.stringify({
          query: 'mutation($id: ID!, $d: String!) { updatePartner(id: $id, input: { description: $d }) { id } }',
          variables: { id, d: `Banc d’essai de diffusion, tour ${round}.` },
        }),
        token: TOKENS.admin,
      }),
    };
  },
};

export const FANOUT_PAIRS: Record<string, FanoutPair> = { partnerChanged };

export interface FanoutResult {
  pair: string;
  subscribers: number;
  opened: number;
  rounds: number;
  received: number;
  missing: number;
  withErrors: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** From the moment the mutation was sent (its own time included): what a screen sees after a click. */
  fromRequestP50Ms: number;
  fromRequestP99Ms: number;
  /** Executions of the operation per event, all subscribers together (server/multiplex.ts). */
  executionsPerEvent: number;
  heapBytesPerConnection: number;
  rssBytesPerConnection: number;
  targetP99Ms: number | null;
  firstError: string | null;
}

/** The server's memory after a full GC (the bench runs with --expose-gc, or gets it here). */
async function memoryAfterGc(): Promise<{ heap: number; rss: number }> {
  const gc = (globalThis as { gc?: () => void }).gc ?? exposeGc();
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const m = process.memoryUsage();
  return { heap: m.heapUsed, rss: m.rss };
}

function exposeGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** The client process and a way to ask it something and await its answer. */
function startClients(): { child: ChildProcess; ask: (command: ClientCommand) => Promise<ClientReport> } {
  const child = fork(fileURLToPath(new URL('./fanout-clients.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const waiting: ((report: ClientReport) => void)[] = [];
  child.on('message', (report: ClientReport) => waiting.shift()?.(report));
  const ask = (command: ClientCommand) =>
    new Promise<ClientReport>((resolve, reject) => {
      waiting.push(resolve);
      child.send(command, (err) => err && reject(err));
    });
  return { child, ask };
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN);

const now = () => performance.timeOrigin + performance.now();

/** Mutations until every subscriber has had an event (their subscriptions are then live); false if some never did. */
async function warmUp(ask: (c: ClientCommand) => Promise<ClientReport>, graphqlUrl: string, mutation: (round: number) => { body: string; token: string }, n: number): Promise<boolean> {
  for (let attempt = 0; attempt < 10; attempt++) {
    await ask({ type: 'mark' });
    const { body, token } = mutation(-1 - attempt);
    await post(graphqlUrl, body, token);
    const report = await ask({ type: 'await', timeoutMs: 5_000 + n });
    if (report.type === 'arrived' && report.missing === 0) return true;
  }
  return false;
}

/** ROUNDS mutations, each awaited by every subscriber: latencies from each answer, and executions per event. */
async function measureRounds(ask: (c: ClientCommand) => Promise<ClientReport>, graphqlUrl: string, mutation: (round: number) => { body: string; token: string }, n: number) {
  const latencies: number[] = [];
  const sinceRequest: number[] = [];
  let missing = 0;
  let withErrors = 0;
  let firstError: string | null = null;
  const executionsBefore = multiplexCounters.executions;
  for (let round = 0; round < ROUNDS; round++) {
    await ask({ type: 'mark' });
    const { body, token } = mutation(round);
    const sentAt = now();
    const answer = await post(graphqlUrl, body, token);
    const answeredAt = now();
    if (answer.status !== 200 || answer.text.includes('"errors"')) throw new Error(`fan-out: the mutation failed: ${answer.text.slice(0, 300)}`);
    const report = await ask({ type: 'await', timeoutMs: 30_000 + 5 * n });
    if (report.type !== 'arrived') throw new Error(`fan-out: unexpected report ${report.type}`);
    // An event may leave before the answer does (delivery starts at commit): counted as 0 ms.
    for (const at of report.times) {
      latencies.push(Math.max(0, at - answeredAt));
      sinceRequest.push(at - sentAt);
    }
    missing += report.missing;
    withErrors += report.withErrors;
    firstError ??= report.firstError;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { latencies, sinceRequest, missing, withErrors, firstError, executionsPerEvent: (multiplexCounters.executions - executionsBefore) / ROUNDS };
}

/** One fan-out run of `n` subscribers of `pair` on the server at `graphqlUrl` (this process). */
export async function runFanout(graphqlUrl: string, pair: FanoutPair, n: number): Promise<FanoutResult> {
  const subject = await pair.prepare(graphqlUrl);
  const before = await memoryAfterGc();
  const { child, ask } = startClients();
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    process.stdout.write(`  fan-out ${pair.name} N=${n}: opening… `);
    const tokens = [TOKENS.admin, TOKENS.funder, TOKENS.expert];
    const opened = await ask({ type: 'open', url: graphqlUrl, count: n, tokens, query: pair.subscription, variables: subject.variables });
    if (opened.type !== 'opened') throw new Error('fan-out: the clients did not open');
    process.stdout.write(`${opened.opened} open${opened.failed ? ` (${opened.failed} refused: ${opened.firstError})` : ''}; warm-up… `);
    if (!(await warmUp(ask, graphqlUrl, subject.mutation, n))) console.warn('warning: some subscribers never had an event during the warm-up');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const idle = await memoryAfterGc();
    process.stdout.write(`measuring ${ROUNDS} events… `);
    const rounds = await measureRounds(ask, graphqlUrl, subject.mutation, n);
    const sorted = rounds.latencies.sort((a, b) => a - b);
    const fromRequest = rounds.sinceRequest.sort((a, b) => a - b);
    const result: FanoutResult = {
      pair: pair.name,
      subscribers: n,
      opened: opened.opened,
      rounds: ROUNDS,
      received: sorted.length,
      missing: rounds.missing,
      withErrors: rounds.withErrors,
      p50Ms: percentile(sorted, 50),
      p99Ms: percentile(sorted, 99),
      maxMs: sorted.at(-1) ?? NaN,
      fromRequestP50Ms: percentile(fromRequest, 50),
      fromRequestP99Ms: percentile(fromRequest, 99),
      executionsPerEvent: rounds.executionsPerEvent,
      heapBytesPerConnection: (idle.heap - before.heap) / Math.max(1, opened.opened),
      rssBytesPerConnection: (idle.rss - before.rss) / Math.max(1, opened.opened),
      targetP99Ms: FANOUT_TARGETS.p99Ms[n] ?? null,
      firstError: rounds.firstError ?? opened.firstError,
    };
    console.log(`p50 ${result.p50Ms.toFixed(0)} ms, p99 ${result.p99Ms.toFixed(0)} ms (from the request: ${result.fromRequestP50Ms.toFixed(0)} / ${result.fromRequestP99Ms.toFixed(0)} ms)`);
    return result;
  } finally {
    if (child.connected) await ask({ type: 'close' }).catch(() => undefined);
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    if (child.exitCode === null) child.kill();
    await new Promise((resolve) => setTimeout(resolve, 1000)); // the server sees the sockets close
  }
}
