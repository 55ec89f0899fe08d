import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, childrenLoader, type KeyedLoader } from '../../server/loaders.js';
import { Commune } from './commune.entity.js';
import { Intercommunality } from './intercommunality.entity.js';
import { Territory } from './territory.entity.js';

declare module '../../server/context.js' {
  interface Loaders {
    territoryById: KeyedLoader<Territory | null>;
    intercommunalityById: KeyedLoader<Intercommunality | null>;
    intercommunalitiesByTerritoryId: KeyedLoader<Intercommunality[]>;
    communeById: KeyedLoader<Commune | null>;
    communesByIntercommunalityId: KeyedLoader<Commune[]>;
  }
}

export const territoryLoaders = (em: SqlEntityManager) => ({
  territoryById: byIdLoader(em, Territory),
  intercommunalityById: byIdLoader(em, Intercommunality),
  intercommunalitiesByTerritoryId: childrenLoader(em, Intercommunality, 'territory', { name: 'asc' }),
  communeById: byIdLoader(em, Commune),
  communesByIntercommunalityId: childrenLoader(em, Commune, 'intercommunality', { name: 'asc' }),
});
