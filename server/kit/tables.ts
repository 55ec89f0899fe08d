import { BackgroundJob } from './job.entity.js';
import { BackgroundJobResolver } from './jobs.resolver.js';
import { PeriodicTaskRun } from './periodic.entity.js';
import { PeriodicTaskResolver } from './periodic.resolver.js';
import { StoredFile } from './stored-file.entity.js';
import { visibleTo, type VisibilityRule } from './visibility.js';

/*
 * What the kit's shared mechanisms add to every gateway, whatever modules are enabled: their tables
 * (registered with the server's own, server/database.ts), their GraphQL operations (server/schema.ts)
 * and who sees their rows (server/app.ts).
 */

/** The kit's entities: periodic tasks' last runs, background jobs, stored files. */
export const KIT_ENTITIES = [PeriodicTaskRun, BackgroundJob, StoredFile];

/** The kit's resolvers: `periodicTasks` (administrators), `backgroundJob` and `backgroundJobChanged`. */
export const KIT_RESOLVERS = [PeriodicTaskResolver, BackgroundJobResolver];

/** A background job is seen by whoever started it and by administrators. */
export const KIT_VISIBILITY: VisibilityRule[] = [visibleTo(BackgroundJob, { rows: (r) => (r.viewer.isAdmin ? true : r.viewer.personId ? { startedBy: r.viewer.personId } : false) })];
