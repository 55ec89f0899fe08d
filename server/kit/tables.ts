import { PeriodicTaskRun } from './periodic.entity.js';
import { PeriodicTaskResolver } from './periodic.resolver.js';

/*
 * What the kit's shared mechanisms add to every gateway, whatever modules are enabled: their tables
 * (registered with the server's own, server/database.ts) and their GraphQL operations (server/schema.ts).
 */

/** The kit's entities: the last run of each periodic task. */
export const KIT_ENTITIES = [PeriodicTaskRun];

/** The kit's resolvers: `periodicTasks` (administrators). */
export const KIT_RESOLVERS = [PeriodicTaskResolver];
