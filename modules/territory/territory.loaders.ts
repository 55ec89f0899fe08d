import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, type KeyedLoader } from '../../server/loaders.js';
import { Commune } from './commune.entity.js';

declare module '../../server/context.js' {
  interface Loaders {
    communeById: KeyedLoader<Commune | null>;
  }
}

/**
 * Kept for the partners module (`InterventionCriteria.communes`) until it reads communes through the
 * kit (`loadMany(ctx, Commune, ids)`); this module's own fields resolve through the kit.
 */
export const territoryLoaders = (em: SqlEntityManager) => ({
  communeById: byIdLoader(em, Commune),
});
