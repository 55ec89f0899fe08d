/**
 * The fan-out run of `npm run bench` (issue 13): N graphql-ws subscribers of one subscription (in a child
 * process, bench/fanout-clients.ts), one mutation, and the delivery latency from the moment the
 * mutation's answer is in to each subscriber's receipt (p50/p99 over FANOUT_ROUNDS mutations, each waiting
 * for every subscriber), plus the server's memory per idle connection: N/10 subscribers are opened first
 * (and have an event), then the rest; (heap or RSS after GC with all open) − (the same with the first
 * tenth open), ÷ the rest. So what the first connections cost once (code compiled for the subscription's
 * path, caches) is not counted per connection; the former figure (from before any opened, ÷ N) is kept
 * in the results as `…FromStart`. The server is this process.
 *
 * The subscription and its mutation are a `FanoutPair` (`--fanout-pair NAME`): `sessionEvents` (the
 * default: N screens on one committee session, one position recorded) or `partnerChanged` (a partner's
 * description updated, the spine's baseline).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString, writeHeapSnapshot } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { TOKENS } from '../test/harness.js';
import { supportRequestInput } from '../test/people.js';
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

/** A GraphQL call of the bench's set-up, its data or an error naming what failed. */
async function call<T>(graphqlUrl: string, token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const answer = await post(graphqlUrl, JSON.stringify({ query, variables }), token);
  const body = JSON.parse(answer.text) as { data?: T; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(`fan-out set-up: ${query.slice(0, 60)}… failed: ${answer.text.slice(0, 300)}`);
  return body.data;
}

/**
 * Issue 13's run: N screens on one committee session, one position recorded on the request in discussion.
 * Set up through the API as an administrator: a qualified request (received by the funder's partner), a
 * session of the technical committee with that request on its agenda, opened, the item started; the
 * funder then records its position each round (POSITION_RECORDED in the session's stream). Subscribers
 * start after the stream's last seq (no replay).
 */
const sessionEvents: FanoutPair = {
  name: 'sessionEvents',
  title: 'sessionEvents(sessionId) ← recordPosition (item in discussion of an open session)',
  subscription: `subscription Fanout($id: ID!, $after: Int) { sessionEvents(sessionId: $id, after: $after) { seq kind at
    session { id state title } item { rank title state } position { kind comment partner { name shortName } } } }`,
  async prepare(graphqlUrl) {
    const admin = TOKENS.admin;
    const { communes } = await call<{ communes: { edges: { node: { id: string } }[] } }>(graphqlUrl, admin, '{ communes(first: 1) { edges { node { id } } } }');
    const request = supportRequestInput(communes.edges[0]!.node.id, { title: 'Banc d’essai de diffusion', holderName: 'Porteur du banc' });
    const { receiveSupportRequest } = await call<{ receiveSupportRequest: { id: string } }>(
      graphqlUrl,
      TOKENS.funder,
      'mutation($input: ReceiveSupportRequestInput!) { receiveSupportRequest(input: $input) { id } }',
      { input: request },
    );
    const requestId = receiveSupportRequest.id;
    await call(graphqlUrl, TOKENS.funder, 'mutation($id: ID!) { qualifySupportRequest(id: $id) { status } }', { id: requestId });
    const { governanceBodies } = await call<{ governanceBodies: { id: string; kind: string }[] }>(graphqlUrl, admin, '{ governanceBodies { id kind } }');
    const bodyId = governanceBodies.find((b) => b.kind === 'TECHNICAL_COMMITTEE')!.id;
    const schedule = { bodyId, title: 'Comité du banc d’essai', scheduledAt: new Date().toISOString() };
    const { scheduleSession } = await call<{ scheduleSession: { id: string } }>(graphqlUrl, admin, 'mutation($input: ScheduleSessionInput!) { scheduleSession(input: $input) { id } }', {
      input: schedule,
    });
    const id = scheduleSession.id;
    const item = { sessionId: id, kind: 'SUPPORT_REQUEST', supportRequestId: requestId };
    const { addAgendaItem } = await call<{ addAgendaItem: { id: string } }>(graphqlUrl, admin, 'mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }', { input: item });
    await call(graphqlUrl, admin, 'mutation($id: ID!) { openSession(id: $id) { state } }', { id });
    await call(graphqlUrl, admin, 'mutation($id: ID!) { startAgendaItem(itemId: $id) { state } }', { id: addAgendaItem.id });
    const { committeeSession } = await call<{ committeeSession: { lastSeq: number } }>(graphqlUrl, admin, 'query($id: ID!) { committeeSession(id: $id) { lastSeq } }', { id });
    return {
      variables: { id, after: committeeSession.lastSeq },
      mutation: (round) => ({
        body: JSON.stringify({
          query: 'mutation($id: ID!, $input: PositionInput!) { recordPosition(requestId: $id, input: $input) { id } }',
          variables: { id: requestId, input: { kind: 'NEEDS_INFORMATION', comment: `Banc d’essai de diffusion, tour ${round}.` } },
        }),
        token: TOKENS.funder,
      }),
    };
  },
};

export const FANOUT_PAIRS: Record<string, FanoutPair> = { sessionEvents, partnerChanged };
/** The pair `npm run bench` measures unless `--fanout-pair` names another: issue 13's, N screens on one session. */
export const DEFAULT_FANOUT_PAIR = 'sessionEvents';

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
  /** Events read by a subscriber before the mutation's answer was (counted 0 ms in p50/p99). */
  beforeAnswer: number;
  /** From the moment the mutation was sent (its own time included): what a screen sees after a click. */
  fromRequestP50Ms: number;
  fromRequestP99Ms: number;
  /** Executions of the operation per event, all subscribers together (server/multiplex.ts). */
  executionsPerEvent: number;
  /** Per connection past the first tenth (what one more idle connection costs): see runFanout. */
  heapBytesPerConnection: number;
  rssBytesPerConnection: number;
  /** The former figure: from before any connection (one-off costs of the first ones included) ÷ N. */
  heapBytesPerConnectionFromStart: number;
  rssBytesPerConnectionFromStart: number;
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

/** Starts the V8 profiler on this process (the server); the function returned stops it and writes the profile. */
async function startProfile(): Promise<(file: string) => Promise<string>> {
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  return async (file) => {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
    return file;
  };
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

/** Mutations (rounds −1−offset, −2−offset…, each a change) until every subscriber has had an event (their subscriptions are then live); false if some never did. */
async function warmUp(ask: (c: ClientCommand) => Promise<ClientReport>, graphqlUrl: string, mutation: (round: number) => { body: string; token: string }, n: number, offset: number): Promise<boolean> {
  for (let attempt = 0; attempt < 10; attempt++) {
    await ask({ type: 'mark' });
    const { body, token } = mutation(-1 - offset - attempt);
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
  let before = 0;
  let withErrors = 0;
  let firstError: string | null = null;
  const executionsBefore = multiplexCounters.executions;
  for (let round = 0; round < ROUNDS; round++) {
    await ask({ type: 'mark' });
    const { body, token } = mutation(round);
    // Sent by the clients' process: this one is the server, busy with the fan-out once its answer has left.
    const answer = await ask({ type: 'mutate', url: graphqlUrl, body, token });
    if (answer.type !== 'mutated') throw new Error(`fan-out: unexpected report ${answer.type}`);
    const { sentAt, answeredAt } = answer;
    if (answer.status !== 200 || answer.text.includes('"errors"')) throw new Error(`fan-out: the mutation failed: ${answer.text.slice(0, 300)}`);
    const report = await ask({ type: 'await', timeoutMs: 30_000 + 5 * n });
    if (report.type !== 'arrived') throw new Error(`fan-out: unexpected report ${report.type}`);
    // Delivery starts once the answer has left (Context.afterAnswer); an event read before the answer
    // (another kick, the dispatcher already running) counts 0 ms, and `before` counts them.
    for (const at of report.times) {
      if (at < answeredAt) before++;
      latencies.push(Math.max(0, at - answeredAt));
      sinceRequest.push(at - sentAt);
    }
    missing += report.missing;
    withErrors += report.withErrors;
    firstError ??= report.firstError;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { latencies, sinceRequest, missing, before, withErrors, firstError, executionsPerEvent: (multiplexCounters.executions - executionsBefore) / ROUNDS };
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
    let warmUps = 0;
    const openMore = async (count: number) => {
      const report = await ask({ type: 'open', url: graphqlUrl, count, tokens, query: pair.subscription, variables: subject.variables });
      if (report.type !== 'opened') throw new Error('fan-out: the clients did not open');
      if (!(await warmUp(ask, graphqlUrl, subject.mutation, n, 100 * warmUps++))) console.warn('warning: some subscribers never had an event during the warm-up');
      await new Promise((resolve) => setTimeout(resolve, 1000));
      return { report, memory: await memoryAfterGc() };
    };
    // A tenth first, each with an event: what the first connections cost once (code compiled, caches
    // filled) is then in `base`, and the rest measure what one more idle connection costs.
    const first = await openMore(Math.max(1, Math.round(n / 10)));
    const rest = await openMore(n - Math.max(1, Math.round(n / 10)));
    const opened = { opened: first.report.opened + rest.report.opened, failed: first.report.failed + rest.report.failed, firstError: first.report.firstError ?? rest.report.firstError };
    process.stdout.write(`${opened.opened} open${opened.failed ? ` (${opened.failed} refused: ${opened.firstError})` : ''}; `);
    const idle = rest.memory;
    if (process.env.BENCH_FANOUT_SNAPSHOT) console.log(`heap snapshot: ${writeHeapSnapshot(process.env.BENCH_FANOUT_SNAPSHOT)}`);
    process.stdout.write(`measuring ${ROUNDS} events… `);
    const profile = process.env.BENCH_FANOUT_PROFILE ? await startProfile() : null;
    const rounds = await measureRounds(ask, graphqlUrl, subject.mutation, n);
    if (profile) console.log(`CPU profile of the measured events: ${await profile(`${process.env.BENCH_FANOUT_PROFILE!}-${n}.cpuprofile`)}`);
    const sorted = rounds.latencies.sort((a, b) => a - b);
    const fromRequest = rounds.sinceRequest.sort((a, b) => a - b);
    const result: FanoutResult = {
      pair: pair.name,
      subscribers: n,
      opened: opened.opened,
      rounds: ROUNDS,
      received: sorted.length,
      missing: rounds.missing,
      beforeAnswer: rounds.before,
      withErrors: rounds.withErrors,
      p50Ms: percentile(sorted, 50),
      p99Ms: percentile(sorted, 99),
      maxMs: sorted.at(-1) ?? NaN,
      fromRequestP50Ms: percentile(fromRequest, 50),
      fromRequestP99Ms: percentile(fromRequest, 99),
      executionsPerEvent: rounds.executionsPerEvent,
      heapBytesPerConnection: (idle.heap - first.memory.heap) / Math.max(1, rest.report.opened),
      rssBytesPerConnection: (idle.rss - first.memory.rss) / Math.max(1, rest.report.opened),
      heapBytesPerConnectionFromStart: (idle.heap - before.heap) / Math.max(1, opened.opened),
      rssBytesPerConnectionFromStart: (idle.rss - before.rss) / Math.max(1, opened.opened),
      targetP99Ms: FANOUT_TARGETS.p99Ms[n] ?? null,
      firstError: rounds.firstError ?? opened.firstError,
    };
    console.log(
      `p50 ${result.p50Ms.toFixed(0)} ms, p99 ${result.p99Ms.toFixed(0)} ms, ${result.beforeAnswer} before the answer (from the request: ${result.fromRequestP50Ms.toFixed(0)} / ${result.fromRequestP99Ms.toFixed(0)} ms)`,
    );
    return result;
  } finally {
    if (child.connected) await ask({ type: 'close' }).catch(() => undefined);
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    if (child.exitCode === null) child.kill();
    await new Promise((resolve) => setTimeout(resolve, 1000)); // the server sees the sockets close
  }
}
