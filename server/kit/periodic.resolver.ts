import { Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import type { Context } from '../context.js';
import { forbidden, unauthenticated } from '../errors.js';
import { registerLabelledEnum } from './enums.js';
import { PeriodicTaskRun } from './periodic.entity.js';
import { describeSchedule, nextSlot, periodicTasksOf } from './periodic.js';

export const PeriodicTaskOutcome = { RUNNING: 'running', SUCCEEDED: 'succeeded', FAILED: 'failed' } as const;
export type PeriodicTaskOutcome = (typeof PeriodicTaskOutcome)[keyof typeof PeriodicTaskOutcome];
registerLabelledEnum(PeriodicTaskOutcome, {
  name: 'PeriodicTaskOutcome',
  description: 'How the last run of a periodic task went.',
  labels: { running: 'En cours', succeeded: 'Réussie', failed: 'En échec' },
});

@ObjectType('PeriodicTaskLastRun', { description: 'The last run of a periodic task.' })
export class PeriodicTaskLastRun {
  @Field(() => GraphQLDateTime, { description: 'When it started.' })
  startedAt!: Date;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When it ended; null while it runs (or if its process stopped during the run).' })
  finishedAt!: Date | null;

  @Field(() => PeriodicTaskOutcome, { description: 'Running, succeeded or failed.' })
  outcome!: PeriodicTaskOutcome;

  @Field(() => String, { nullable: true, description: "The error's message when it failed." })
  error!: string | null;
}

@ObjectType('PeriodicTask', { description: 'Work a module runs on a schedule, once per scheduled time across server processes.' })
export class PeriodicTaskStatus {
  @Field(() => String, { description: 'Its name, `<module>.<what>`.' })
  name!: string;

  @Field(() => String, { description: 'Its schedule, in French (« toutes les 5 minutes », « chaque jour à 03:00 (heure de Paris) »).' })
  schedule!: string;

  @Field(() => Int, { nullable: true, description: 'Its period in milliseconds, when it runs every so often.' })
  everyMs!: number | null;

  @Field(() => String, { nullable: true, description: "Its time of day in Paris ('HH:MM'), when it runs daily." })
  dailyAt!: string | null;

  @Field(() => GraphQLDateTime, { description: 'Its next scheduled time.' })
  nextRunAt!: Date;

  @Field(() => PeriodicTaskLastRun, { nullable: true, description: 'Its last run; null if it never ran.' })
  lastRun!: PeriodicTaskLastRun | null;
}

/** Administrators see the enabled modules' periodic tasks and how each last ran. */
@Resolver()
export class PeriodicTaskResolver {
  @Query(() => [PeriodicTaskStatus], { description: 'The periodic tasks of the enabled modules, by name, with their last run (administrators).' })
  async periodicTasks(@Ctx() ctx: Context): Promise<PeriodicTaskStatus[]> {
    if (!ctx.viewer.isAuthenticated) throw unauthenticated();
    if (!ctx.viewer.isAdmin) throw forbidden();
    const tasks = [...periodicTasksOf(ctx.gateway.modules).values()].sort((a, b) => a.name.localeCompare(b.name));
    const runs = tasks.length === 0 ? [] : await ctx.em.find(PeriodicTaskRun, { name: { $in: tasks.map((t) => t.name) } });
    const byName = new Map(runs.map((r) => [r.name, r]));
    const now = Date.now();
    return tasks.map((task) => {
      const run = byName.get(task.name);
      return Object.assign(new PeriodicTaskStatus(), {
        name: task.name,
        schedule: describeSchedule(task),
        everyMs: task.every ?? null,
        dailyAt: task.dailyAt ?? null,
        nextRunAt: new Date(nextSlot(task, now)),
        lastRun: run ? Object.assign(new PeriodicTaskLastRun(), { startedAt: run.startedAt, finishedAt: run.finishedAt, outcome: run.outcome as PeriodicTaskOutcome, error: run.error }) : null,
      });
    });
  }
}
