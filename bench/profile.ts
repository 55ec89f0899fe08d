/**
 * `npx tsx bench/profile.ts`: the PortalList (or PartnerList, CommitteeList) operation run in-process against the demo
 * data at the bench's scale, to see where a request's CPU goes without the load generator:
 *   - the statements one request sends, and EXPLAIN ANALYZE of each (PostgreSQL only);
 *   - server CPU per request (process.cpuUsage over N requests, `PROFILE_CONCURRENCY` at a time);
 *   - with PROFILE_CPU=1, a V8 CPU profile of those requests (node:inspector), its top self-time
 *     functions printed and the profile written to bench/results/profile.cpuprofile; PROFILE_CPU=floor
 *     profiles the floor's requests instead (PostgreSQL only: the floor runs there only).
 *
 * Environment: BENCH_DATABASE_URL (a database of your own: it is seeded once, then reused when it
 * already holds the demo data), PROFILE_SCENARIO (default PortalList), PROFILE_REQUESTS (default 2000),
 * PROFILE_CONCURRENCY (default 10).
 */
import { Session } from 'node:inspector/promises';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { createApp } from '../server/app.js';
import { DEFAULT_LIMITS } from '../server/config.js';
import { testConfig } from '../test/harness.js';
import { post } from './load.js';
import { selectScenarios } from './scenarios.js';
import { floorExecutor, startFloorServer } from './floor.js';
import { TOKENS } from '../test/harness.js';

const SCALE = { organizations: 10_000, employers: 4_600, partners: 200 };
const url = process.env.BENCH_DATABASE_URL?.trim() || null;
const [scenario] = selectScenarios(process.env.PROFILE_SCENARIO ?? 'PortalList');
const TOKEN = TOKENS[scenario!.viewer];
const N = Number(process.env.PROFILE_REQUESTS ?? 2000);
const CONCURRENCY = Number(process.env.PROFILE_CONCURRENCY ?? 10);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

function topSelf(profile: { nodes: ProfileNode[]; samples?: number[] }, count: number): string[] {
  const total = profile.nodes.reduce((s, n) => s + (n.hitCount ?? 0), 0);
  const byFn = new Map<string, number>();
  for (const n of profile.nodes) {
    const file = n.callFrame.url.replace(/^.*node_modules\//, '').replace(/^.*wt-perf\//, '');
    const key = `${n.callFrame.functionName || '(anonymous)'} ${file}:${n.callFrame.lineNumber + 1}`;
    byFn.set(key, (byFn.get(key) ?? 0) + (n.hitCount ?? 0));
  }
  const byFile = new Map<string, number>();
  for (const n of profile.nodes) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(n.callFrame.url);
    const file = m ? m[1]! : n.callFrame.url ? 'app/node' : n.callFrame.functionName;
    byFile.set(file, (byFile.get(file) ?? 0) + (n.hitCount ?? 0));
  }
  const pct = (v: number) => ((100 * v) / total).toFixed(1).padStart(5);
  return [
    ...[...byFn]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([k, v]) => `${pct(v)}%  ${k}`),
    '--- by package',
    ...[...byFile]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([k, v]) => `${pct(v)}%  ${k}`),
  ];
}

async function seeded(): Promise<boolean> {
  if (!url) return false;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{ t: boolean }>(`select to_regclass('organization') is not null as t`);
    if (!r.rows[0].t) return false;
    const c = await client.query<{ n: number }>('select count(*)::int as n from organization');
    return c.rows[0].n >= SCALE.organizations;
  } finally {
    await client.end();
  }
}

/** CPU ms (user+system) of the PostgreSQL backends connected to the database of `url`, by pid. */
async function backendCpu(databaseUrl: string): Promise<Map<number, number>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let pids: number[];
  try {
    const r = await client.query('select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
    pids = r.rows.map((row: { pid: number }) => row.pid);
  } finally {
    await client.end();
  }
  const times = new Map<number, number>();
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      times.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / 100);
    } catch {
      // ended meanwhile
    }
  }
  return times;
}

/** Sends N requests from a child process (so its CPU is not the server's), CONCURRENCY at a time. */
function load(target: string, body: string, n: number): Promise<void> {
  const code = `
    const [target, body, n, c, token] = process.argv.slice(1);
    let next = 0;
    const worker = async () => { while (next++ < Number(n)) { const r = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer ' + token }, body }); const t = await r.text(); if (r.status !== 200 || t.includes('"errors"')) { console.error(t.slice(0, 300)); process.exit(1); } } };
    Promise.all(Array.from({ length: Number(c) }, worker)).then(() => process.exit(0));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', code, target, body, String(n), String(CONCURRENCY), TOKEN], { stdio: 'inherit' });
    child.on('exit', (status) => (status === 0 ? resolve() : reject(new Error(`load: exit ${status}`))));
  });
}

/** Server CPU (this process) and database CPU (its backends) per request over N requests to `target`. */
async function measure(label: string, target: string, body: string, databaseUrl: string | null, profiled: boolean): Promise<{ cpu: number; db: number }> {
  await load(target, body, Math.min(N, 300)); // warm-up
  const session = profiled && process.env.PROFILE_CPU ? new Session() : null;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
  }
  const db = databaseUrl ? await backendCpu(databaseUrl) : null;
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  await load(target, body, N);
  const used = process.cpuUsage(cpu);
  const wall = performance.now() - t0;
  let dbMs = NaN;
  if (db && databaseUrl) {
    dbMs = 0;
    for (const [pid, ms] of await backendCpu(databaseUrl)) dbMs += ms - (db.get(pid) ?? ms);
  }
  console.log(
    `${label}: server CPU ${((used.user + used.system) / 1000 / N).toFixed(3)} ms/request, database CPU ${(dbMs / N).toFixed(3)} ms/request, ` +
      `wall ${(wall / N).toFixed(3)} ms/request (${N} requests, ${CONCURRENCY} at a time)`,
  );
  if (session) {
    const { profile } = await session.post('Profiler.stop');
    mkdirSync('bench/results', { recursive: true });
    writeFileSync(`bench/results/profile${label === 'graphql' ? '' : `-${label}`}.cpuprofile`, JSON.stringify(profile));
    for (const line of topSelf(profile as never, Number(process.env.PROFILE_TOP ?? 40))) console.log(line);
    session.disconnect();
  }
  return { cpu: (used.user + used.system) / 1000 / N, db: dbMs / N };
}

async function main(): Promise<void> {
  const demo = !(await seeded());
  const statements: { sql: string; params: unknown[] }[] = [];
  let recording = false;
  const app = await createApp(testConfig({ databaseUrl: url, demo, logLevel: 'silent', limits: { ...DEFAULT_LIMITS, maxCost: 1_000_000, rateLimit: 0 } }), {
    demoScale: SCALE,
    onQuery: (sql) => {
      if (recording) statements.push({ sql, params: [] });
    },
  });
  const origin = await app.listen();
  const body = JSON.stringify({ query: scenario!.query, operationName: scenario!.name });
  try {
    const first = await post(origin, body, TOKEN);
    if (first.status !== 200 || first.text.includes('"errors"')) throw new Error(first.text.slice(0, 500));
    recording = true;
    await post(origin, body, TOKEN);
    recording = false;
    console.log(`${scenario!.name}: ${statements.length} statements per request`);
    for (const s of statements) console.log(`  ${s.sql}`);
    const floorDb = url ? floorExecutor(app.gateway.orm, url) : null;
    const floor = floorDb ? await startFloorServer(floorDb.execute, scenario!.floor) : null;
    try {
      // Alternating rounds, so that both face the same load on a shared machine.
      const totals = { graphql: { cpu: 0, db: 0 }, floor: { cpu: 0, db: 0 } };
      const rounds = Number(process.env.PROFILE_ROUNDS ?? 4);
      for (let r = 0; r < rounds; r++) {
        const last = r === rounds - 1;
        const g = await measure('graphql', origin, body, url, last && process.env.PROFILE_CPU !== 'floor');
        totals.graphql.cpu += g.cpu;
        totals.graphql.db += g.db;
        if (!floor) continue;
        const f = await measure('floor', floor.url, body, url, last && process.env.PROFILE_CPU === 'floor');
        totals.floor.cpu += f.cpu;
        totals.floor.db += f.db;
      }
      const per = (v: number) => (v / rounds).toFixed(3);
      console.log(
        `mean of ${rounds} rounds: graphql server ${per(totals.graphql.cpu)} / database ${per(totals.graphql.db)} ms; floor server ${per(totals.floor.cpu)} / database ${per(totals.floor.db)} ms`,
      );
      if (floor) {
        const g = totals.graphql.cpu + totals.graphql.db;
        const f = totals.floor.cpu + totals.floor.db;
        console.log(
          `server ${(totals.graphql.cpu / totals.floor.cpu).toFixed(2)}× the floor's, database ${(totals.graphql.db / totals.floor.db).toFixed(2)}×, both ${(g / f).toFixed(2)}× (floor/graphql ${(f / g).toFixed(2)})`,
        );
      }
    } finally {
      await floor?.close();
      await floorDb?.close();
    }
  } finally {
    await app.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
