import type { FilterQuery } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { GraphQLResolveInfo } from 'graphql';
import { Commune } from './commune.entity.js';
import { Intercommunality } from './intercommunality.entity.js';
import { Territory } from './territory.entity.js';
import { find, list, type Order, type Context, decodeId, notFound, type ConnectionArgs, type Page, containsPattern } from '../../server/kit/index.js';

export interface CommuneFilterValues {
  intercommunalityId?: string | null;
  search?: string | null;
}

/** At most this many territories (a platform serves one network) and intercommunalities (3 of 25). */
export const MAX_TERRITORIES = 3;
export const MAX_INTERCOMMUNALITIES = 75;

const BY_NAME: Order<{ name: string; id: string }> = [
  ['name', 'asc'],
  ['id', 'asc'],
];

/** Territories, intercommunalities and communes: public reference data. */
export const TerritoryService = {
  /** Records a commune's zoning (ZRR flag, priority districts), trimmed, without duplicates. */
  async setZoning(ctx: Context, globalId: string, input: { ruralRevitalisationZone?: boolean | null; priorityDistricts?: string[] | null }): Promise<Commune> {
    const id = decodeId(globalId, 'Commune', 'id');
    return ctx.transaction(async (tx) => {
      const commune = await tx.em.findOne(Commune, id);
      if (!commune) throw notFound('Commune', globalId);
      if (input.ruralRevitalisationZone !== undefined) commune.ruralRevitalisationZone = input.ruralRevitalisationZone;
      if (input.priorityDistricts != null) commune.priorityDistricts = [...new Set(input.priorityDistricts.map((d) => d.trim()))];
      await tx.em.flush();
      return commune;
    });
  },

  territories(ctx: Context, info: GraphQLResolveInfo): Promise<Territory[]> {
    return find<Territory>(ctx, Territory, { orderBy: BY_NAME, info, limit: MAX_TERRITORIES });
  },

  intercommunalities(ctx: Context, info: GraphQLResolveInfo): Promise<Intercommunality[]> {
    return find<Intercommunality>(ctx, Intercommunality, { orderBy: BY_NAME, info, limit: MAX_INTERCOMMUNALITIES });
  },

  /** Communes by name; `search` matches the slug ("saint mar" finds "saint-martin-boulogne"). */
  communes(ctx: Context, filter: CommuneFilterValues | null | undefined, args: ConnectionArgs, info: GraphQLResolveInfo): Promise<Page<Commune>> {
    const where: FilterQuery<Commune> = {};
    if (filter?.intercommunalityId) {
      where.intercommunality = decodeId(filter.intercommunalityId, 'Intercommunality', 'filter.intercommunalityId');
    }
    if (filter?.search?.trim()) where.slug = { $like: containsPattern(filter.search).replace(/ /g, '-') };
    return list<Commune>(ctx, Commune, { where, orderBy: BY_NAME, args, info });
  },

  /** Communes by exact name, for other modules' demo data and imports. */
  async communesByName(em: SqlEntityManager): Promise<Map<string, Commune>> {
    const communes = await em.find(Commune, {});
    return new Map(communes.map((c) => [c.name, c]));
  },
};
