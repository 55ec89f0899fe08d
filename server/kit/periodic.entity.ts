import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The last run of each periodic task (server/kit/periodic.ts), one row per task, written by the server
 * (not a module) and shown to administrators (`periodicTasks`).
 */
@Entity({ tableName: 'periodic_task_run' })
export class PeriodicTaskRun {
  /** The task's name, `<module>.<what>`. */
  @PrimaryKey({ type: 'string', length: 200 })
  name!: string;

  /** The scheduled time the last scheduled run was for (a run on demand leaves it as it was). */
  @Property({ type: 'datetime', nullable: true })
  slot!: Date | null;

  @Property({ type: 'datetime' })
  startedAt!: Date;

  /** Null while it runs (or when its process died during the run). */
  @Property({ type: 'datetime', nullable: true })
  finishedAt!: Date | null;

  /** running, succeeded or failed. */
  @Property({ type: 'string', length: 20 })
  outcome!: string;

  /** The error's message when it failed (administrators read it). */
  @Property({ type: 'text', nullable: true })
  error!: string | null;
}
