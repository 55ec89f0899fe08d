import { Arg, Ctx, ID, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../context.js';
import { notFound } from '../errors.js';
import { subscribeTo } from '../events.js';
import { decodeId } from '../relay.js';
import { BackgroundJob } from './job.entity.js';
import { BackgroundJobChanged } from './jobs.js';
import { load } from './loaders.js';

/** A background job and its progress, for whoever started it and administrators (KIT_VISIBILITY). */
@Resolver(() => BackgroundJob)
export class BackgroundJobResolver {
  @Query(() => BackgroundJob, { nullable: true, description: 'A background job, for whoever started it and administrators; null otherwise.' })
  backgroundJob(@Arg('id', () => ID, { description: 'Global id of the job.' }) id: string, @Ctx() ctx: Context): Promise<BackgroundJob | null> {
    return load(ctx, BackgroundJob, decodeId(id, 'BackgroundJob', 'id'));
  }

  @Subscription(() => BackgroundJob, {
    subscribe: async ({ args, context }) => {
      const ctx = context as Context;
      const id = (args as { id: string }).id;
      const key = decodeId(id, 'BackgroundJob', 'id');
      if (!(await load(ctx, BackgroundJob, key))) throw notFound('Travail', id);
      return subscribeTo(ctx, BackgroundJobChanged, (payload) => payload.jobId === key);
    },
    description: 'Pushes the job at each change of its state or progress (at most 4 times a second, and always its final state).',
  })
  async backgroundJobChanged(@Arg('id', () => ID, { description: 'Global id of the job.' }) id: string, @Root() payload: { jobId: string }, @Ctx() ctx: Context): Promise<BackgroundJob> {
    const job = await load(ctx, BackgroundJob, payload.jobId);
    if (!job) throw notFound('Travail', id);
    return job;
  }
}
