import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byKeyLoader, type KeyedLoader } from '../../server/loaders.js';
import { Sector } from './sector.entity.js';

declare module '../../server/context.js' {
  interface Loaders {
    sectorByCode: KeyedLoader<Sector | null>;
  }
}

export const sectorLoaders = (em: SqlEntityManager) => ({
  sectorByCode: byKeyLoader(em, Sector, 'code'),
});
