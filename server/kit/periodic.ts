import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { Viewer } from '../auth.js';
import { Context, type Gateway } from '../context.js';
import type { Logger } from '../logger.js';
import type { ModuleManifest } from '../module.js';
import { PeriodicTaskRun } from './periodic.entity.js';

/*
 * Periodic tasks: work a module declares in its manifest (`periodicTasks`) and the server process runs
 * on a schedule (every n ms, or each day at a time of Paris), once per scheduled time across processes.
 *
 * Each scheduled time is a "slot": for `every`, the multiples of `every` since 1970 (UTC); for
 * `dailyAt`, that time of day in Europe/Paris. A task runs at most once per slot: the run reads the slot
 * of the last run (table periodic_task_run) and skips a slot already run. A slot missed while no server
 * ran (a restart across 03:00) is run once at the next start. On PostgreSQL the check and the run happen
 * under `pg_try_advisory_xact_lock(class, hashtext(name))` taken in a transaction held for the run: a
 * second process finds the lock taken and skips that round. PGlite is one process (its folder is
 * locked), where the runner itself never runs a task twice at once.
 */

export interface PeriodicTask {
  /** `<module>.<what>` (e.g. `support-requests.close-stale`): the key of its last run. */
  readonly name: string;
  /** Every so many milliseconds (1 s to 24 days), at multiples of it since 1970 UTC. */
  readonly every?: number;
  /** Each day at this time of Paris, 'HH:MM' (24 h). */
  readonly dailyAt?: string;
  /** The work: a context of its own (system viewer, fresh `em`); write with `ctx.transaction`. */
  readonly run: (ctx: Context) => Promise<void>;
}

/** How a run ended: `skipped` when another process held the task or its slot was already run. */
export type PeriodicOutcome = 'succeeded' | 'failed' | 'skipped';

const MAX_EVERY_MS = 24 * 86_400_000;

/** Declares a periodic task for a manifest's `periodicTasks`: exactly one of `every` and `dailyAt`. */
export function definePeriodicTask(task: PeriodicTask): PeriodicTask {
  if (!/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-.]*$/.test(task.name)) throw new Error(`Periodic task name "${task.name}" must read "module.what"`);
  if ((task.every === undefined) === (task.dailyAt === undefined)) throw new Error(`Periodic task "${task.name}": give exactly one of every and dailyAt`);
  if (task.every !== undefined && (!Number.isInteger(task.every) || task.every < 1000 || task.every > MAX_EVERY_MS)) {
    throw new Error(`Periodic task "${task.name}": every is a whole number of milliseconds, from 1000 to ${MAX_EVERY_MS} (24 days)`);
  }
  if (task.dailyAt !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(task.dailyAt)) throw new Error(`Periodic task "${task.name}": dailyAt reads 'HH:MM', got "${task.dailyAt}"`);
  return task;
}

const PARIS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Paris's offset from UTC at `instant`, in ms (+1 h in winter, +2 h in summer). */
function parisOffsetMs(instant: number): number {
  const parts = Object.fromEntries(PARIS.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant of Paris wall time y-m-d h:min (in a DST gap, the hour after). */
function parisTime(year: number, month: number, day: number, hour: number, minute: number): number {
  const wall = Date.UTC(year, month, day, hour, minute);
  const guess = wall - parisOffsetMs(wall);
  return wall - parisOffsetMs(guess);
}

/** The slot `now` falls in: the start of the last scheduled time at or before it. */
export function currentSlot(task: PeriodicTask, now: number): number {
  if (task.every !== undefined) return Math.floor(now / task.every) * task.every;
  const [hour, minute] = task.dailyAt!.split(':').map(Number) as [number, number];
  const parts = Object.fromEntries(PARIS.formatToParts(new Date(now)).map((p) => [p.type, p.value]));
  const today = parisTime(+parts.year!, +parts.month! - 1, +parts.day!, hour, minute);
  if (today <= now) return today;
  return parisTime(+parts.year!, +parts.month! - 1, +parts.day! - 1, hour, minute);
}

/** The next scheduled time after `now`. */
export function nextSlot(task: PeriodicTask, now: number): number {
  if (task.every !== undefined) return currentSlot(task, now) + task.every;
  // The next day's time is 23 to 25 hours on (DST changes); 26 hours on, that is the current slot.
  return currentSlot(task, currentSlot(task, now) + 26 * 3_600_000);
}

/** What people read of a schedule (French). */
export function describeSchedule(task: PeriodicTask): string {
  if (task.dailyAt !== undefined) return `chaque jour à ${task.dailyAt} (heure de Paris)`;
  const every = task.every!;
  if (every % 86_400_000 === 0) return every === 86_400_000 ? 'toutes les 24 heures' : `tous les ${every / 86_400_000} jours`;
  if (every % 3_600_000 === 0) return every === 3_600_000 ? 'toutes les heures' : `toutes les ${every / 3_600_000} heures`;
  if (every % 60_000 === 0) return every === 60_000 ? 'toutes les minutes' : `toutes les ${every / 60_000} minutes`;
  return `toutes les ${every / 1000} secondes`.replace('.', ',');
}

/** The advisory lock class of periodic tasks (the second key is `hashtext(name)`); events use the one-key form. */
const TASK_LOCK_CLASS = 7_309_644;
/** The longest a timer sleeps before looking again (clock changes, a late wake-up). */
const MAX_SLEEP_MS = 3_600_000;
/** How long `stop` waits for runs under way before closing anyway. */
const STOP_WAIT_MS = 5_000;

/** The enabled modules' tasks, by name; a duplicate name or one outside its module's prefix stops the start. */
export function periodicTasksOf(modules: readonly ModuleManifest[]): Map<string, PeriodicTask> {
  const tasks = new Map<string, PeriodicTask>();
  for (const m of modules) {
    for (const task of m.periodicTasks ?? []) {
      if (!task.name.startsWith(`${m.name}.`)) throw new Error(`Periodic task "${task.name}" of module "${m.name}" must be named "${m.name}.…"`);
      if (tasks.has(task.name)) throw new Error(`Two periodic tasks are named "${task.name}"`);
      tasks.set(task.name, task);
    }
  }
  return tasks;
}

/**
 * Runs the enabled modules' periodic tasks in the server process: `start` (main.ts) schedules them,
 * `stop` (app.close) clears the timers and waits a little for runs under way; `run` runs one now
 * (tests, `t.runPeriodicTask`). A task's error is logged and recorded, never thrown further.
 */
export class PeriodicTaskRunner {
  readonly tasks: ReadonlyMap<string, PeriodicTask>;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Map<string, Promise<PeriodicOutcome>>();
  private stopped = false;

  /** `kitTasks`: the kit's own (named `kit.…`), run with the modules'. */
  constructor(
    private readonly gateway: Gateway,
    kitTasks: readonly PeriodicTask[] = [],
  ) {
    this.tasks = new Map([...periodicTasksOf(gateway.modules), ...kitTasks.map((task) => [task.name, task] as const)]);
  }

  private get logger(): Logger {
    return this.gateway.logger;
  }

  /** Schedules every task: a slot not run yet (missed while stopped) runs now, then each at its time. */
  start(): void {
    this.stopped = false;
    for (const task of this.tasks.values()) this.wake(task);
  }

  /** Clears the timers; waits (at most a few seconds) for the runs under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    const under = Promise.allSettled([...this.running.values()]);
    await Promise.race([under, new Promise((resolve) => setTimeout(resolve, STOP_WAIT_MS).unref())]);
  }

  /** Runs task `name` now, whatever its schedule (still once across processes); its outcome. */
  run(name: string): Promise<PeriodicOutcome> {
    const task = this.tasks.get(name);
    if (!task) throw new Error(`No periodic task "${name}" (enabled: ${[...this.tasks.keys()].join(', ') || 'none'})`);
    return this.guarded(task, null);
  }

  /** Runs `name` for the slot `now` falls in, unless that slot was run already (here or by another process). */
  runDue(name: string, now = Date.now()): Promise<PeriodicOutcome> {
    const task = this.tasks.get(name);
    if (!task) throw new Error(`No periodic task "${name}"`);
    return this.guarded(task, new Date(currentSlot(task, now)));
  }

  /** Runs what is due and sleeps until the next slot. */
  private wake(task: PeriodicTask): void {
    if (this.stopped) return;
    void this.runDue(task.name).finally(() => {
      if (this.stopped) return;
      const now = Date.now();
      const delay = Math.min(Math.max(nextSlot(task, now) - now, 0) + 50, MAX_SLEEP_MS);
      const timer = setTimeout(() => this.wake(task), delay);
      timer.unref();
      this.timers.set(task.name, timer);
    });
  }

  /** One run at a time per task in this process; errors of the bookkeeping itself are logged. */
  private guarded(task: PeriodicTask, slot: Date | null): Promise<PeriodicOutcome> {
    if (this.running.has(task.name)) return Promise.resolve('skipped');
    const run = this.locked(task, slot)
      .catch((err: unknown) => {
        this.logger.error({ err, task: task.name }, 'periodic task: could not run or record the run');
        return 'failed' as const;
      })
      .finally(() => this.running.delete(task.name));
    this.running.set(task.name, run);
    return run;
  }

  /** On PostgreSQL, under the task's advisory lock, held by a transaction until the run ends. */
  private async locked(task: PeriodicTask, slot: Date | null): Promise<PeriodicOutcome> {
    const em = this.fork();
    if (!this.gateway.config.databaseUrl) return (await this.alreadyRan(em, task, slot)) ? 'skipped' : this.execute(task, slot);
    return em.transactional(async (tx) => {
      const [row] = (await (tx as SqlEntityManager).execute('select pg_try_advisory_xact_lock(?, hashtext(?)) as locked', [TASK_LOCK_CLASS, task.name], 'all')) as { locked: boolean }[];
      if (!row?.locked) return 'skipped';
      if (await this.alreadyRan(tx as SqlEntityManager, task, slot)) return 'skipped';
      return this.execute(task, slot); // records on connections of its own, so the start shows while it runs
    });
  }

  private async alreadyRan(em: SqlEntityManager, task: PeriodicTask, slot: Date | null): Promise<boolean> {
    if (!slot) return false;
    const last = await em.findOne(PeriodicTaskRun, { name: task.name }, { fields: ['slot'] });
    return last?.slot != null && last.slot.getTime() >= slot.getTime();
  }

  /** Records the start, runs the task with a system context, records the end; the task's error is caught. */
  private async execute(task: PeriodicTask, slot: Date | null): Promise<PeriodicOutcome> {
    const logger = this.logger.child({ task: task.name });
    await this.record(task.name, { slot, startedAt: new Date(), finishedAt: null, outcome: 'running', error: null });
    let error: string | null = null;
    try {
      await task.run(new Context(this.gateway, Viewer.system(), `task:${task.name}:${randomUUID()}`, logger));
    } catch (err) {
      error = (err instanceof Error ? err.message : String(err)).slice(0, 2000) || 'Erreur sans message';
      logger.error({ err }, 'periodic task failed');
    }
    await this.record(task.name, { finishedAt: new Date(), outcome: error === null ? 'succeeded' : 'failed', error });
    return error === null ? 'succeeded' : 'failed';
  }

  /** Upserts the task's row; a null `slot` (a run on demand) keeps the one recorded. */
  private async record(name: string, values: Partial<Omit<PeriodicTaskRun, 'name'>>): Promise<void> {
    const em = this.fork();
    if (!('startedAt' in values)) {
      await em.nativeUpdate(PeriodicTaskRun, { name }, values);
      return;
    }
    await em.execute(
      `insert into periodic_task_run (name, slot, started_at, finished_at, outcome, error) values (?, ?, ?, null, 'running', null)
       on conflict (name) do update set slot = coalesce(excluded.slot, periodic_task_run.slot), started_at = excluded.started_at, finished_at = null, outcome = 'running', error = null`,
      [name, values.slot ?? null, values.startedAt],
      'run',
    );
  }

  private fork(): SqlEntityManager {
    return this.gateway.orm.em.fork({ clear: true, useContext: false }) as SqlEntityManager;
  }
}
