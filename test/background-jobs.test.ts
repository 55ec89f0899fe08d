import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { Arg, Ctx, Int, Mutation, Resolver } from 'type-graphql';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Client } from 'graphql-ws';
import { BackgroundJob, JobStatus, conflict, defineModule, startJob, type Context } from '../server/kit/index.js';
import { Viewer } from '../server/auth.js';
import { ALL_MODULES } from '../modules/index.js';
import { createTestDatabase, startTestApp, TOKENS, type GraphQLResponse, type TestApp } from './harness.js';

/*
 * Background jobs (server/kit/jobs.ts): started by an operation, run after its commit in the server
 * process, progress recorded and pushed (throttled, final state always), errors masked, seen by their
 * starter and administrators, abandoned ones failed at the next start.
 */

let gate: Promise<void> = Promise.resolve();
let openGate: () => void = () => {};
const closeGate = () => void (gate = new Promise<void>((resolve) => (openGate = resolve)));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ranBy: (string | null)[] = [];

@Resolver()
class ProbeJobsResolver {
  @Mutation(() => BackgroundJob, { description: 'Starts a probe job: count (steps, after the gate), crash, refuse, or rollback (the operation fails after starting it).' })
  async probeJobStart(
    @Arg('mode', () => String, { description: 'What the job does.' }) mode: string,
    @Arg('steps', () => Int, { description: 'Steps to count.' }) steps: number,
    @Ctx() ctx: Context,
  ): Promise<BackgroundJob> {
    return ctx.transaction(async (tx) => {
      const job = await startJob(tx, {
        kind: 'probe-jobs.count',
        label: `Compter jusqu’à ${steps}`,
        run: async (handle) => {
          ranBy.push(handle.ctx.viewer.personId);
          await gate;
          if (mode === 'crash') throw new Error('password=hunter2 at db.internal');
          if (mode === 'refuse') throw conflict('Le fichier contient déjà 5 000 lignes : 5 000 au plus.');
          handle.total = steps;
          for (let i = 1; i <= steps; i++) {
            await sleep(10);
            await handle.progress(i);
          }
        },
      });
      if (mode === 'rollback') throw conflict('Refusé après coup.');
      return job;
    });
  }
}

const probe = defineModule({ name: 'probe-jobs', description: 'Test probe for background jobs.', dependsOn: ['accounts'], entities: [], resolvers: [ProbeJobsResolver] });
const START = 'mutation($mode: String!, $steps: Int!) { probeJobStart(mode: $mode, steps: $steps) { id kind label status done total } }';
const JOB = 'query($id: ID!) { backgroundJob(id: $id) { id kind label status done total errorMessage createdAt startedAt finishedAt } }';
const CHANGED = 'subscription($id: ID!) { backgroundJobChanged(id: $id) { status done total errorMessage } }';

const logLines: any[] = [];
let t: TestApp;
beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) logLines.push(JSON.parse(line));
      done();
    },
  });
  t = await startTestApp({ modules: ['probe-jobs'], available: [...ALL_MODULES, probe], logger: pino({ level: 'warn' }, sink) });
});
afterAll(async () => t?.close());

async function start(mode: string, steps = 0, token = TOKENS.funder): Promise<any> {
  const res = await t.gql(START, { mode, steps }, token);
  expect(res.errors).toBeUndefined();
  return res.data.probeJobStart;
}

async function job(id: string, token: string | null = TOKENS.funder): Promise<any> {
  const res = await t.gql(JOB, { id }, token);
  expect(res.errors).toBeUndefined();
  return res.data.backgroundJob;
}

const final = (status: string) => status === 'SUCCEEDED' || status === 'FAILED';

async function finished(id: string): Promise<any> {
  await expect.poll(async () => (await job(id)).status, { timeout: 10_000, interval: 50 }).toSatisfy(final);
  return job(id);
}

/** What `backgroundJobChanged(id)` pushes until the job's final state. */
function watch(client: Client, id: string): { ready: Promise<void>; results: Promise<GraphQLResponse[]> } {
  const results: GraphQLResponse[] = [];
  const ready = new Promise<void>((resolve) => setTimeout(resolve, 1000));
  const done = new Promise<GraphQLResponse[]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${results.length} results`)), 15_000);
    const stop = client.subscribe(
      { query: CHANGED, variables: { id } },
      {
        next: (value) => {
          results.push(value as GraphQLResponse);
          if (value.errors || final((value.data as any).backgroundJobChanged.status)) {
            clearTimeout(timer);
            stop();
            resolve(results);
          }
        },
        error: (err) => reject(err instanceof Error ? err : new Error(JSON.stringify(err))),
        complete: () => resolve(results),
      },
    );
  });
  return { ready, results: done };
}

describe('progress', () => {
  it('returns the job queued at once, then runs it after commit and pushes throttled progress and its final state', async () => {
    closeGate();
    const started = await start('count', 60);
    expect(started).toMatchObject({ kind: 'probe-jobs.count', label: 'Compter jusqu’à 60', status: 'QUEUED', done: 0, total: null });
    const { ready, results } = watch(t.ws(TOKENS.funder), started.id);
    await ready;
    const since = Date.now();
    openGate();
    const pushed = (await results).map((r) => {
      expect(r.errors).toBeUndefined();
      return r.data.backgroundJobChanged;
    });
    const elapsed = Date.now() - since;
    expect(pushed.at(-1)).toEqual({ status: 'SUCCEEDED', done: 60, total: 60, errorMessage: null });
    const dones = pushed.map((p) => p.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b)); // never backwards
    expect(pushed.some((p) => p.status === 'RUNNING' && p.done > 0 && p.done < 60)).toBe(true);
    // 60 progress calls over at least 600 ms: at most one push per 250 ms, plus the start and the end.
    expect(pushed.length).toBeLessThanOrEqual(Math.ceil(elapsed / 250) + 3);
    expect(pushed.length).toBeLessThan(20);
    const row = await job(started.id);
    expect(row).toMatchObject({ status: 'SUCCEEDED', done: 60, total: 60, errorMessage: null });
    expect(Date.parse(row.finishedAt)).toBeGreaterThanOrEqual(Date.parse(row.startedAt));
    expect(Date.parse(row.startedAt)).toBeGreaterThanOrEqual(Date.parse(row.createdAt));
  });

  it("runs as its starter's viewer, two at a time: a third waits queued", async () => {
    closeGate();
    const before = ranBy.length;
    const jobs = [await start('count', 1), await start('count', 1), await start('count', 1)];
    await expect.poll(() => ranBy.length, { timeout: 5000, interval: 20 }).toBe(before + 2);
    const statuses = await Promise.all(jobs.map(async (j) => (await job(j.id)).status));
    expect(statuses.sort()).toEqual(['QUEUED', 'RUNNING', 'RUNNING']);
    openGate();
    for (const j of jobs) expect((await finished(j.id)).status).toBe('SUCCEEDED');
    expect(ranBy.slice(before)).toHaveLength(3);
    expect(new Set(ranBy.slice(before)).size).toBe(1);
    expect(ranBy[before]).toMatch(/^[0-9a-f-]{36}$/); // the funder's person, not the system (null)
  });

  it('runs nothing when the operation that started it rolls back', async () => {
    const before = ranBy.length;
    const res = await t.gql(START, { mode: 'rollback', steps: 1 }, TOKENS.funder);
    expect(res.errors[0].extensions.code).toBe('CONFLICT');
    await sleep(300);
    expect(ranBy.length).toBe(before);
    const em = t.app.gateway.orm.em.fork() as SqlEntityManager;
    expect(await em.count(BackgroundJob, { label: 'Compter jusqu’à 1', status: JobStatus.QUEUED })).toBe(0);
  });
});

describe('failures', () => {
  it('shows an unexpected error only as a reference, and logs it', async () => {
    gate = Promise.resolve();
    const started = await start('crash');
    const row = await finished(started.id);
    expect(row.status).toBe('FAILED');
    const key = Buffer.from(started.id, 'base64url').toString().split(':')[1] ?? '';
    expect(row.errorMessage).toBe(`Le travail a échoué sur une erreur inattendue (référence ${key}).`);
    expect(JSON.stringify(row)).not.toContain('hunter2');
    expect(logLines.some((l) => l.msg === 'background job failed' && l.err?.message.includes('hunter2'))).toBe(true);
  });

  it("shows an expected refusal's French message as it is", async () => {
    gate = Promise.resolve();
    const row = await finished((await start('refuse')).id);
    expect(row).toMatchObject({ status: 'FAILED', errorMessage: 'Le fichier contient déjà 5 000 lignes : 5 000 au plus.' });
  });
});

describe('who sees a job', () => {
  it('its starter and administrators; others find nothing, and may not subscribe', async () => {
    gate = Promise.resolve();
    const { id } = await start('count', 1);
    await finished(id);
    expect((await job(id, TOKENS.admin)).id).toBe(id);
    expect(await job(id, TOKENS.expert)).toBeNull();
    expect(await job(id, null)).toBeNull();
    const { results } = watch(t.ws(TOKENS.expert), id);
    const refused = await results.then(
      (r) => r[0]?.errors?.[0],
      (err: unknown) => (Array.isArray(err) ? err[0] : err),
    );
    expect(refused?.extensions?.code ?? refused?.message).toBe('NOT_FOUND');
  });
});

describe('a process that stopped', () => {
  it('fails its running jobs at a clean stop, and leaves jobs that are failed at the next start (on PostgreSQL, only those without a sign of life)', async () => {
    const shared = !!process.env.TEST_DATABASE_URL;
    const folder = shared ? null : await mkdtemp(join(tmpdir(), 'maillage-jobs-'));
    const database = shared ? await createTestDatabase() : { url: null, drop: async () => {} };
    const keep = { url: database.url, drop: async () => {} };
    const config = folder ? { dataDir: join(folder, 'pglite') } : {};
    try {
      const first = await startTestApp({ modules: ['platform'], database: keep, config });
      const em = first.app.gateway.orm.em.fork() as SqlEntityManager;
      const old = new Date(Date.now() - 10 * 60_000);
      const rows = {
        queued: em.create(BackgroundJob, { kind: 'probe.a', label: 'En attente', status: JobStatus.QUEUED, heartbeatAt: old }),
        running: em.create(BackgroundJob, { kind: 'probe.b', label: 'En cours', status: JobStatus.RUNNING, heartbeatAt: old }),
        alive: em.create(BackgroundJob, { kind: 'probe.c', label: 'Vivant', status: JobStatus.RUNNING, heartbeatAt: new Date() }),
        done: em.create(BackgroundJob, { kind: 'probe.d', label: 'Fini', status: JobStatus.SUCCEEDED, heartbeatAt: old }),
      };
      await em.flush();
      // A job still running at a clean stop gets a few seconds, then ends failed.
      const hanging = await startJob(first.app.contextFor(Viewer.system()), { kind: 'probe.hang', label: 'Sans fin', run: () => new Promise<void>(() => {}) });
      await expect.poll(async () => (await first.app.gateway.orm.em.fork().findOneOrFail(BackgroundJob, hanging.id)).status).toBe('RUNNING');
      await first.close();
      const second = await startTestApp({ modules: ['platform'], database: keep, config });
      const after = second.app.gateway.orm.em.fork() as SqlEntityManager;
      const status = async (row: BackgroundJob) => (await after.findOneOrFail(BackgroundJob, row.id)).status;
      expect(await status(rows.queued)).toBe('FAILED');
      expect(await status(rows.running)).toBe('FAILED');
      expect(await status(rows.alive)).toBe(shared ? 'RUNNING' : 'FAILED'); // PGlite: one process, so none is alive
      expect(await status(rows.done)).toBe('SUCCEEDED');
      expect(await status(hanging)).toBe('FAILED');
      expect((await after.findOneOrFail(BackgroundJob, rows.running.id)).errorMessage).toMatch(/^Interrompu/);
      await second.close();
    } finally {
      await database.drop();
      if (folder) await rm(folder, { recursive: true, force: true });
    }
  }, 90_000);
});
