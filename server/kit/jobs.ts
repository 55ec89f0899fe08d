import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth.js';
import { Context, contextOf, type Gateway, type Transaction } from '../context.js';
import { AppError } from '../errors.js';
import { defineEvent, publishLive } from '../events.js';
import type { Logger } from '../logger.js';
import { BackgroundJob, JobStatus } from './job.entity.js';

/*
 * Background jobs: work an operation starts and the server process runs after the operation's
 * transaction commits, recording its progress in `background_job` and pushing it to
 * `backgroundJobChanged(id)` subscribers (at most 4 updates a second, and always the final state).
 * A job runs in the process that started it, 2 at a time (others wait, queued). When a process stops
 * or dies, its jobs end failed: at once on a clean stop, at the next start otherwise (on PostgreSQL,
 * the jobs whose process gave no sign of life for 2 minutes: others may be running them).
 */

/** What `run` receives: set `total` when known, report `progress(done)`; `ctx` is the starter's. */
export interface JobHandle {
  /** The job's key (its row in background_job). */
  readonly id: string;
  /** A context of its own, as the viewer who started the job (their visibility), with a fresh `em`. */
  readonly ctx: Context;
  /** How many steps there are (null: unknown); shown with the next progress. */
  total: number | null;
  /** Steps done so far. */
  readonly done: number;
  /** Records `done` steps (at most every 250 ms; the final state is always written). */
  progress(done: number): Promise<void>;
}

export interface JobSpec {
  /** The kind of work, `<module>.<what>` (e.g. 'organizations.export'). */
  kind: string;
  /** What it does, in French, as people read it (« Export des organisations »). */
  label: string;
  /** The work. Throw an AppError (badInput, conflict…) for a failure whose French message people should read. */
  run: (job: JobHandle) => Promise<void>;
}

/** Pushed (live only, never stored) when a job's state or progress changes. */
export const BackgroundJobChanged = defineEvent<{ jobId: string }>('kit.background-job-changed');

const THROTTLE_MS = 250;
const HEARTBEAT_MS = 30_000;
const STALE_MS = 120_000;
const MAX_RUNNING = 2;
const STOP_WAIT_MS = 5_000;
const INTERRUPTED = 'Interrompu : le serveur s’est arrêté pendant le travail. Relancez-le.';

/**
 * Creates the job (queued) in the operation's transaction, or in one of its own, and runs it in this
 * process once that transaction commits; nothing runs if it rolls back. Returns the job's row at once.
 */
export async function startJob(ctxOrTx: Context | Transaction, spec: JobSpec): Promise<BackgroundJob> {
  if (!/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-.]*$/.test(spec.kind) || spec.kind.length > 100) throw new Error(`Job kind "${spec.kind}" must read "module.what" (100 characters at most)`);
  if (spec.label.trim() === '' || spec.label.length > 300) throw new Error('A job label is a French sentence of 1 to 300 characters');
  const create = async (tx: Transaction): Promise<BackgroundJob> => {
    const ctx = contextOf(tx);
    const job = new BackgroundJob();
    Object.assign(job, { kind: spec.kind, label: spec.label, startedBy: ctx.viewer.personId });
    await tx.em.insert(BackgroundJob, job);
    const viewer = ctx.viewer;
    tx.afterCommit(() => jobRunner(ctx.gateway).launch(job.id, viewer, spec));
    return job;
  };
  return ctxOrTx instanceof Context ? ctxOrTx.transaction(create) : create(ctxOrTx);
}

/**
 * At start (server/app.ts): jobs left queued or running by a process that is gone end failed. On PGlite
 * (one process) that is all of them; on PostgreSQL, those without a sign of life for 2 minutes.
 */
export async function failAbandonedJobs(orm: MikroORM, shared: boolean): Promise<number> {
  const em = orm.em.fork({ clear: true, useContext: false }) as SqlEntityManager;
  return em.nativeUpdate(
    BackgroundJob,
    { status: { $in: [JobStatus.QUEUED, JobStatus.RUNNING] }, ...(shared ? { heartbeatAt: { $lt: new Date(Date.now() - STALE_MS) } } : {}) },
    { status: JobStatus.FAILED, errorMessage: INTERRUPTED, finishedAt: new Date() },
  );
}

const runners = new WeakMap<Gateway, JobRunner>();

/** The job runner of a gateway (created with its first job). */
export function jobRunner(gateway: Gateway): JobRunner {
  let runner = runners.get(gateway);
  if (!runner) runners.set(gateway, (runner = new JobRunner(gateway)));
  return runner;
}

/** Resolves once no job of the gateway is queued or running (tests compare the database before and after a call). */
export async function jobsIdle(gateway: Gateway): Promise<void> {
  await runners.get(gateway)?.idle();
}

/** Stops a gateway's jobs, if it ran any (app.close, before the database closes). */
export async function stopJobs(gateway: Gateway): Promise<void> {
  await runners.get(gateway)?.stop();
}

/** Runs a process's jobs, 2 at a time, keeping their rows alive (heartbeat) and up to date. */
export class JobRunner {
  /** Jobs this process holds, queued or running. */
  private readonly live = new Set<string>();
  private readonly under = new Set<Promise<void>>();
  private readonly waiting: (() => void)[] = [];
  private active = 0;
  private stopped = false;
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(private readonly gateway: Gateway) {}

  /** Runs the job (after commit); it waits for a free place when 2 are running. */
  launch(id: string, viewer: Viewer, spec: JobSpec): void {
    this.live.add(id); // queued or running here: kept alive from now on
    this.beat();
    const run = this.execute(id, viewer, spec)
      .catch((err: unknown) => this.gateway.logger.error({ err, jobId: id }, 'background job: could not be run or recorded'))
      .finally(() => this.under.delete(run));
    this.under.add(run);
  }

  /** Resolves once no job is queued or running here (including those launched while waiting). */
  async idle(): Promise<void> {
    while (this.under.size > 0) await Promise.allSettled([...this.under]);
  }

  /** Jobs waiting fail at once; those running get a few seconds, then are recorded as interrupted. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.waiting.splice(0).forEach((go) => go());
    await Promise.race([Promise.allSettled([...this.under]), new Promise((resolve) => setTimeout(resolve, STOP_WAIT_MS).unref())]);
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (this.live.size > 0) await this.update([...this.live], { status: JobStatus.FAILED, errorMessage: INTERRUPTED, finishedAt: new Date() }).catch(() => undefined);
  }

  private async execute(id: string, viewer: Viewer, spec: JobSpec): Promise<void> {
    const logger = this.gateway.logger.child({ jobId: id, job: spec.kind });
    await this.place();
    try {
      if (this.stopped) {
        await this.finish(id, { status: JobStatus.FAILED, errorMessage: INTERRUPTED, finishedAt: new Date() }, logger);
        return;
      }
      const handle = new JobProgress(id, new Context(this.gateway, viewer, `job:${id}`, logger), (values) => this.write(id, values), logger);
      await this.write(id, { status: JobStatus.RUNNING, startedAt: new Date() });
      try {
        await spec.run(handle);
        await handle.settle();
        await this.finish(id, { status: JobStatus.SUCCEEDED, done: handle.done, total: handle.total, finishedAt: new Date() }, logger);
      } catch (err) {
        await handle.settle();
        logger.error({ err }, 'background job failed');
        const errorMessage = err instanceof AppError ? err.message : `Le travail a échoué sur une erreur inattendue (référence ${id}).`;
        await this.finish(id, { status: JobStatus.FAILED, errorMessage, done: handle.done, total: handle.total, finishedAt: new Date() }, logger);
      }
    } finally {
      this.live.delete(id);
      this.active--;
      this.waiting.shift()?.();
    }
  }

  /** Waits for one of the places. */
  private async place(): Promise<void> {
    if (this.active >= MAX_RUNNING && !this.stopped) await new Promise<void>((go) => this.waiting.push(go));
    this.active++;
  }

  /** Keeps the rows of the jobs this process holds (queued or running) alive, so another process's start does not fail them. */
  private beat(): void {
    if (this.heartbeat) return;
    this.heartbeat = setInterval(() => {
      if (this.live.size === 0) return;
      this.update([...this.live], { heartbeatAt: new Date() }).catch((err: unknown) => this.gateway.logger.warn({ err }, 'background jobs: heartbeat failed'));
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** The final state, written and pushed; a failure to write is logged (the next start fails the job). */
  private async finish(id: string, values: Partial<BackgroundJob>, logger: Logger): Promise<void> {
    await this.write(id, values).catch((err: unknown) => logger.error({ err }, 'background job: could not record its end'));
  }

  /** Writes a job's row (while it is not over) and tells its subscribers. */
  private async write(id: string, values: Partial<BackgroundJob>): Promise<void> {
    await this.update([id], { ...values, heartbeatAt: new Date() });
    publishLive(this.gateway, BackgroundJobChanged, { jobId: id });
  }

  /** Only jobs still queued or running change: one failed by a stop or a sweep stays failed. */
  private update(ids: string[], values: Partial<BackgroundJob>): Promise<number> {
    const em = this.gateway.orm.em.fork({ clear: true, useContext: false }) as SqlEntityManager;
    return em.nativeUpdate(BackgroundJob, { id: { $in: ids }, status: { $in: [JobStatus.QUEUED, JobStatus.RUNNING] } }, values);
  }
}

/** The handle a job's `run` receives: progress written at most every 250 ms, in order. */
class JobProgress implements JobHandle {
  done = 0;
  private steps: number | null = null;
  private lastWrite = 0;
  private timer: NodeJS.Timeout | null = null;
  private chain: Promise<void> = Promise.resolve();
  private settled = false;

  constructor(
    readonly id: string,
    readonly ctx: Context,
    private readonly save: (values: Partial<BackgroundJob>) => Promise<void>,
    private readonly logger: Logger,
  ) {}

  get total(): number | null {
    return this.steps;
  }

  set total(value: number | null) {
    this.steps = value === null ? null : Math.max(0, Math.floor(value));
  }

  async progress(done: number): Promise<void> {
    this.done = Math.max(0, Math.floor(done));
    if (this.settled) return;
    const wait = this.lastWrite + THROTTLE_MS - Date.now();
    if (wait <= 0) return this.flush();
    if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.flush();
      }, wait);
      this.timer.unref();
    }
  }

  /** No more progress: what is pending is cancelled (the final state follows), writes under way end. */
  async settle(): Promise<void> {
    this.settled = true;
    if (this.timer) clearTimeout(this.timer);
    await this.chain;
  }

  private flush(): Promise<void> {
    if (this.settled) return this.chain;
    this.lastWrite = Date.now();
    const values = { done: this.done, total: this.total };
    this.chain = this.chain.then(() => this.save(values)).catch((err: unknown) => this.logger.warn({ err }, 'background job: could not record progress'));
    return this.chain;
  }
}
