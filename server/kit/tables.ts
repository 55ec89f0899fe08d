import { BackgroundJob } from './job.entity.js';
import { BackgroundJobResolver } from './jobs.resolver.js';
import { PeriodicTaskRun } from './periodic.entity.js';
import { PeriodicTaskResolver } from './periodic.resolver.js';
import { StoredFile } from './stored-file.entity.js';
import { PresenceRecord } from './presence.entity.js';
import { visibleTo, type VisibilityRule } from './visibility.js';
import { definePeriodicTask, type PeriodicTask } from './periodic.js';
import { purgeIdempotencyKeys } from '../idempotency.js';

/*
 * What the kit's shared mechanisms add to every gateway, whatever modules are enabled: their tables
 * (registered with the server's own, server/database.ts), their GraphQL operations (server/schema.ts)
 * and who sees their rows (server/app.ts).
 */

/** The kit's entities: periodic tasks' last runs, background jobs, stored files, presence on live topics. */
export const KIT_ENTITIES = [PeriodicTaskRun, BackgroundJob, StoredFile, PresenceRecord];

/** The kit's resolvers: `periodicTasks` (administrators), `backgroundJob` and `backgroundJobChanged`. */
export const KIT_RESOLVERS = [PeriodicTaskResolver, BackgroundJobResolver];

/** A background job is seen by whoever started it and by administrators. */
export const KIT_VISIBILITY: VisibilityRule[] = [visibleTo(BackgroundJob, { rows: (r) => (r.viewer.isAdmin ? true : r.viewer.personId ? { startedBy: r.viewer.personId } : false) })];

/** The kit's periodic tasks: expired idempotency keys deleted every hour (server/idempotency.ts). */
export const KIT_PERIODIC_TASKS: PeriodicTask[] = [
  definePeriodicTask({
    name: 'kit.idempotency-purge',
    every: 3_600_000,
    run: async (ctx) => {
      const purged = await ctx.transaction(async (tx) => purgeIdempotencyKeys(tx.em));
      if (purged > 0) ctx.logger.info({ purged }, 'expired idempotency keys deleted');
    },
  }),
];
