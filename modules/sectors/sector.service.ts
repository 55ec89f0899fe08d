import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { GraphQLResolveInfo } from 'graphql';
import { Sector } from './sector.entity.js';
import { find, type Context, badInput, fromGlobalId } from '../../server/kit/index.js';

/** The most sectors `sectors` lists: the cost the operation limits charge for a list without a declared bound. */
export const MAX_SECTORS = 100;

/** Sectors (filières): public reference data. */
export const SectorService = {
  /** Every sector in display order, at most `MAX_SECTORS` (what the operation limits charge for the list). */
  list(ctx: Context, info: GraphQLResolveInfo): Promise<Sector[]> {
    return find(ctx, Sector, {
      orderBy: [
        ['position', 'asc'],
        ['name', 'asc'],
        ['code', 'asc'],
      ],
      info,
      limit: MAX_SECTORS,
    });
  },

  /**
   * Sector codes from what a client sent: codes ("insertion") or global ids. Unknown ones are refused
   * as bad input on `field[i]`, or on `field` itself for a single value (`single`).
   */
  async resolveCodes(em: SqlEntityManager, values: readonly string[], field: string, options: { single?: boolean } = {}): Promise<string[]> {
    const codes = values.map((v) => {
      const parsed = fromGlobalId(v);
      return parsed?.type === 'Sector' ? parsed.id : v;
    });
    if (codes.length === 0) return [];
    const known = new Set((await em.find(Sector, { code: { $in: codes } }, { fields: ['code'] })).map((s) => s.code));
    codes.forEach((code, i) => {
      if (!known.has(code)) throw badInput(options.single ? field : `${field}[${i}]`, `Filière inconnue : « ${String(values[i]).slice(0, 64)} ».`);
    });
    return [...new Set(codes)];
  },

  async allCodes(em: SqlEntityManager): Promise<string[]> {
    return (await em.find(Sector, {}, { orderBy: { position: 'asc' } })).map((s) => s.code);
  },
};
