import DataLoader from 'dataloader';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { readByKeys } from '../../server/read.js';
import { Sector } from './sector.entity.js';

declare module '../../server/context.js' {
  interface Loaders {
    sectorByCode: DataLoader<string, Sector | null>;
  }
}

export const sectorLoaders = (em: SqlEntityManager) => ({
  sectorByCode: new DataLoader<string, Sector | null>(async (codes) => {
    const rows = await readByKeys(em, Sector, 'code', codes);
    const byCode = new Map(rows.map((s) => [s.code, s]));
    return codes.map((c) => byCode.get(c) ?? null);
  }),
});
