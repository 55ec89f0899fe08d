import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byKeyLoader, type KeyedLoader } from '../../server/loaders.js';
import { Sector } from './sector.entity.js';

declare module '../../server/context.js' {
  interface Loaders {
    sectorByCode: KeyedLoader<Sector | null>;
  }
}

/**
 * Kept for the partners module (`InterventionCriteria.sectors`) until it reads sectors through the kit
 * (`loadMany(ctx, Sector, codes)`); this module's own reads go through the kit.
 */
export const sectorLoaders = (em: SqlEntityManager) => ({
  sectorByCode: byKeyLoader(em, Sector, 'code'),
});
