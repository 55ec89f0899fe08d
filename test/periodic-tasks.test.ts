import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { defineModule, definePeriodicTask } from '../server/kit/index.js';
import { currentSlot, describeSchedule, nextSlot } from '../server/kit/periodic.js';
import { PeriodicTaskRun } from '../server/kit/periodic.entity.js';
import { ALL_MODULES } from '../modules/index.js';
import { createTestDatabase, startTestApp, TOKENS, type TestApp } from './harness.js';

/*
 * Periodic tasks (server/kit/periodic.ts): declared in a manifest, run by the server process once per
 * scheduled time across processes, their last run recorded and shown to administrators.
 */

/** Runs of each task, counted in memory: both apps of the two-process test share this module. */
const runs = new Map<string, number>();
const count = (name: string) => runs.get(name) ?? 0;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const probe = defineModule({
  name: 'probe-tasks',
  description: 'Test probe for periodic tasks.',
  dependsOn: [],
  entities: [],
  resolvers: [],
  periodicTasks: [
    definePeriodicTask({
      name: 'probe-tasks.count',
      every: 3_600_000,
      run: async (ctx) => {
        expect(ctx.viewer.isAdmin).toBe(true); // the system viewer
        await ctx.em.count(PeriodicTaskRun, {}); // a context of its own, with a working em
        runs.set('probe-tasks.count', count('probe-tasks.count') + 1);
        await sleep(300); // long enough for a second process to find the lock taken
      },
    }),
    definePeriodicTask({
      name: 'probe-tasks.fail',
      dailyAt: '03:00',
      run: async () => {
        throw new Error('Le fournisseur ne répond pas');
      },
    }),
    definePeriodicTask({
      name: 'probe-tasks.tick',
      every: 1000,
      run: async () => void runs.set('probe-tasks.tick', count('probe-tasks.tick') + 1),
    }),
  ],
});

const available = [...ALL_MODULES, probe];
const logLines: any[] = [];
let t: TestApp;

beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) logLines.push(JSON.parse(line));
      done();
    },
  });
  t = await startTestApp({ modules: ['probe-tasks', 'accounts'], available, logger: pino({ level: 'warn' }, sink) });
});
afterAll(async () => t?.close());

const LIST = '{ periodicTasks { name schedule everyMs dailyAt nextRunAt lastRun { startedAt finishedAt outcome error } } }';

describe('declaring', () => {
  it('refuses a misnamed task, both or neither schedule, and a malformed time', () => {
    const run = async () => {};
    expect(() => definePeriodicTask({ name: 'nodot', every: 1000, run })).toThrow(/module\.what/);
    expect(() => definePeriodicTask({ name: 'a.b', every: 1000, dailyAt: '03:00', run })).toThrow(/exactly one/);
    expect(() => definePeriodicTask({ name: 'a.b', run })).toThrow(/exactly one/);
    expect(() => definePeriodicTask({ name: 'a.b', every: 10, run })).toThrow(/at least|from 1000/);
    expect(() => definePeriodicTask({ name: 'a.b', dailyAt: '3:00', run })).toThrow(/HH:MM/);
    expect(() => definePeriodicTask({ name: 'a.b', dailyAt: '24:00', run })).toThrow(/HH:MM/);
  });

  it('refuses at start a task outside its module prefix', async () => {
    const stray = defineModule({ ...probe, name: 'probe-stray', periodicTasks: [definePeriodicTask({ name: 'other.task', every: 1000, run: async () => {} })] });
    await expect(startTestApp({ modules: ['probe-stray'], available: [...ALL_MODULES, stray], database: { url: null, drop: async () => {} } })).rejects.toThrow(/must be named "probe-stray\.…"/);
  });

  it('schedules every n ms at multiples of n, and daily at a time of Paris, summer and winter', () => {
    const every = definePeriodicTask({ name: 'a.b', every: 300_000, run: async () => {} });
    const now = Date.parse('2026-12-02T10:07:30Z');
    expect(new Date(currentSlot(every, now)).toISOString()).toBe('2026-12-02T10:05:00.000Z');
    expect(new Date(nextSlot(every, now)).toISOString()).toBe('2026-12-02T10:10:00.000Z');
    const daily = definePeriodicTask({ name: 'a.c', dailyAt: '03:00', run: async () => {} });
    // Winter: 03:00 in Paris is 02:00 UTC; before it, the slot is yesterday's.
    expect(new Date(currentSlot(daily, Date.parse('2026-12-02T01:59:00Z'))).toISOString()).toBe('2026-12-01T02:00:00.000Z');
    expect(new Date(currentSlot(daily, Date.parse('2026-12-02T02:00:00Z'))).toISOString()).toBe('2026-12-02T02:00:00.000Z');
    // Summer: 01:00 UTC.
    expect(new Date(currentSlot(daily, Date.parse('2026-07-14T12:00:00Z'))).toISOString()).toBe('2026-07-14T01:00:00.000Z');
    // Across the change to summer time (29 March 2026): the next 03:00 is 23 hours later.
    expect(new Date(nextSlot(daily, Date.parse('2026-03-28T12:00:00Z'))).toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(describeSchedule(every)).toBe('toutes les 5 minutes');
    expect(describeSchedule(daily)).toBe('chaque jour à 03:00 (heure de Paris)');
  });
});

describe('running', () => {
  it('records a failing task with its error, logs it, and goes on serving', async () => {
    expect(await t.runPeriodicTask('probe-tasks.fail')).toBe('failed');
    const res = await t.gql(LIST, {}, TOKENS.admin);
    expect(res.errors).toBeUndefined();
    const fail = res.data.periodicTasks.find((task: any) => task.name === 'probe-tasks.fail');
    expect(fail).toMatchObject({ schedule: 'chaque jour à 03:00 (heure de Paris)', dailyAt: '03:00', everyMs: null, lastRun: { outcome: 'FAILED', error: 'Le fournisseur ne répond pas' } });
    expect(Date.parse(fail.lastRun.finishedAt)).toBeGreaterThanOrEqual(Date.parse(fail.lastRun.startedAt));
    expect(logLines.some((l) => l.msg === 'periodic task failed' && l.task === 'probe-tasks.fail' && l.err?.message === 'Le fournisseur ne répond pas')).toBe(true);
    // A later success clears the error.
    expect(await t.runPeriodicTask('probe-tasks.count')).toBe('succeeded');
    const again = (await t.gql(LIST, {}, TOKENS.admin)).data.periodicTasks.find((task: any) => task.name === 'probe-tasks.count');
    expect(again.lastRun).toMatchObject({ outcome: 'SUCCEEDED', error: null });
    expect(again.everyMs).toBe(3_600_000);
    expect(Date.parse(again.nextRunAt)).toBe(Math.floor(Date.now() / 3_600_000) * 3_600_000 + 3_600_000);
  });

  it('lists tasks by name to administrators only', async () => {
    const admin = await t.gql(LIST, {}, TOKENS.admin);
    expect(admin.data.periodicTasks.map((task: any) => task.name)).toEqual(['probe-tasks.count', 'probe-tasks.fail', 'probe-tasks.tick']);
    expect((await t.gql(LIST, {}, TOKENS.expert)).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await t.gql(LIST, {}, null)).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('runs a task once at a time in a process, and a scheduled time once', async () => {
    const before = count('probe-tasks.count');
    const outcomes = await Promise.all([t.runPeriodicTask('probe-tasks.count'), t.runPeriodicTask('probe-tasks.count')]);
    expect(outcomes.sort()).toEqual(['skipped', 'succeeded']);
    const now = Date.now();
    expect(await t.app.periodicTasks.runDue('probe-tasks.count', now)).toBe('succeeded');
    expect(await t.app.periodicTasks.runDue('probe-tasks.count', now)).toBe('skipped'); // this hour's slot has run
    expect(count('probe-tasks.count')).toBe(before + 2);
  });

  it('runs on schedule once started, and stops', async () => {
    const before = count('probe-tasks.tick');
    t.app.periodicTasks.start();
    try {
      await expect.poll(() => count('probe-tasks.tick'), { timeout: 5000, interval: 50 }).toBeGreaterThanOrEqual(before + 2);
    } finally {
      await t.app.periodicTasks.stop();
    }
    const stopped = count('probe-tasks.tick');
    await sleep(1200);
    expect(count('probe-tasks.tick')).toBe(stopped);
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('two processes on one PostgreSQL database', () => {
  let a: TestApp;
  let b: TestApp;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    const shared = { url: database.url, drop: async () => {} };
    a = await startTestApp({ modules: ['probe-tasks'], available, database: shared });
    b = await startTestApp({ modules: ['probe-tasks'], available, database: shared });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await drop?.();
  });

  it('runs a task triggered in both at once exactly once', async () => {
    const before = count('probe-tasks.count');
    const outcomes = await Promise.all([a.runPeriodicTask('probe-tasks.count'), b.runPeriodicTask('probe-tasks.count')]);
    expect(outcomes.sort()).toEqual(['skipped', 'succeeded']);
    expect(count('probe-tasks.count')).toBe(before + 1);
  });

  it('runs a scheduled time once, whichever process comes first or later', async () => {
    const before = count('probe-tasks.count');
    const now = Date.now() + 3_600_000; // the next hour's slot, not run yet
    const outcomes = await Promise.all([a.app.periodicTasks.runDue('probe-tasks.count', now), b.app.periodicTasks.runDue('probe-tasks.count', now)]);
    expect(outcomes.sort()).toEqual(['skipped', 'succeeded']);
    expect(await b.app.periodicTasks.runDue('probe-tasks.count', now)).toBe('skipped');
    expect(await a.app.periodicTasks.runDue('probe-tasks.count', now)).toBe('skipped');
    expect(count('probe-tasks.count')).toBe(before + 1);
  });
});
