import type { FilterQuery } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context.js';
import { decodeId, paginate, type ConnectionArgs, type Page } from '../../server/relay.js';
import { containsPattern } from '../../server/text.js';
import { Commune } from './commune.entity.js';
import { Intercommunality } from './intercommunality.entity.js';
import { Territory } from './territory.entity.js';

export interface CommuneFilterValues {
  intercommunalityId?: string | null;
  search?: string | null;
}

/** Territories, intercommunalities and communes: public reference data. */
export const TerritoryService = {
  territories(ctx: Context): Promise<Territory[]> {
    return ctx.em.find(Territory, {}, { orderBy: { name: 'asc' } });
  },

  intercommunalities(ctx: Context): Promise<Intercommunality[]> {
    return ctx.em.find(Intercommunality, {}, { orderBy: { name: 'asc' } });
  },

  communes(ctx: Context, filter: CommuneFilterValues | null | undefined, args: ConnectionArgs): Promise<Page<Commune>> {
    const where: FilterQuery<Commune> = {};
    if (filter?.intercommunalityId) {
      where.intercommunality = decodeId(filter.intercommunalityId, 'Intercommunality', 'filter.intercommunalityId');
    }
    if (filter?.search?.trim()) where.slug = { $like: containsPattern(filter.search).replace(/ /g, '-') };
    return paginate(ctx.em, Commune, where, { name: 'asc', id: 'asc' }, args);
  },

  /** Communes by exact name, for other modules' demo data and imports. */
  async communesByName(em: SqlEntityManager): Promise<Map<string, Commune>> {
    const communes = await em.find(Commune, {});
    return new Map(communes.map((c) => [c.name, c]));
  },
};
