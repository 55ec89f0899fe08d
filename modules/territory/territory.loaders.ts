import type DataLoader from 'dataloader';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, childrenLoader } from '../../server/loaders.js';
import { Commune } from './commune.entity.js';
import { Intercommunality } from './intercommunality.entity.js';
import { Territory } from './territory.entity.js';

declare module '../../server/context.js' {
  interface Loaders {
    territoryById: DataLoader<string, Territory | null>;
    intercommunalityById: DataLoader<string, Intercommunality | null>;
    intercommunalitiesByTerritoryId: DataLoader<string, Intercommunality[]>;
    communeById: DataLoader<string, Commune | null>;
    communesByIntercommunalityId: DataLoader<string, Commune[]>;
  }
}

export const territoryLoaders = (em: SqlEntityManager) => ({
  territoryById: byIdLoader(em, Territory),
  intercommunalityById: byIdLoader(em, Intercommunality),
  intercommunalitiesByTerritoryId: childrenLoader(em, Intercommunality, 'territory', { name: 'asc' }),
  communeById: byIdLoader(em, Commune),
  communesByIntercommunalityId: childrenLoader(em, Commune, 'intercommunality', { name: 'asc' }),
});
