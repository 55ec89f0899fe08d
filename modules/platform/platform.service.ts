import { PlatformSettings, SETTINGS_ID } from './platform-settings.entity.js';
import { badInput, find, once, todayInFrance, type Context } from '../../server/kit/index.js';

/** The earliest reference date accepted: the platform's history starts with the 2012 call. */
const EARLIEST = '2000-01-01';
const LATEST = '2100-12-31';

async function settings(ctx: Context): Promise<PlatformSettings | null> {
  return once(ctx, 'platform.settings', async () => (await find(ctx, PlatformSettings, { where: { id: SETTINGS_ID }, orderBy: [['id', 'asc']], limit: 1 }))[0] ?? null);
}

/** The reference date the settings give: the fixed one, else today in France. */
export function effectiveDate(settings: Pick<PlatformSettings, 'fixedReferenceDate'> | null): string {
  return settings?.fixedReferenceDate ?? todayInFrance();
}

export const PlatformService = {
  settings,

  /**
   * The day that decides validity (schemes, accreditations) and ages: the date an administrator fixed,
   * else today in France. Worked out once per operation (field resolvers ask it once per row, and an
   * operation running over midnight keeps one day).
   */
  referenceDate(ctx: Context): Promise<string> {
    return once(ctx, 'platform.referenceDate', async () => effectiveDate(await settings(ctx)));
  },

  /** Fixes the reference date, or (null) makes the platform follow today again. */
  async setReferenceDate(ctx: Context, date: string | null): Promise<PlatformSettings> {
    if (date != null && (date < EARLIEST || date > LATEST)) throw badInput('date', 'La date de référence doit être comprise entre 2000 et 2100.');
    return ctx.transaction(async (tx) => {
      const row = (await tx.em.findOne(PlatformSettings, SETTINGS_ID)) ?? tx.em.create(PlatformSettings, { id: SETTINGS_ID });
      row.fixedReferenceDate = date;
      await tx.em.flush();
      return row;
    });
  },

  /** Records the day the loaded demonstration data describes (demo seeding). */
  async recordDataDate(ctx: Context, date: string): Promise<void> {
    await ctx.transaction(async (tx) => {
      const row = (await tx.em.findOne(PlatformSettings, SETTINGS_ID)) ?? tx.em.create(PlatformSettings, { id: SETTINGS_ID });
      row.dataDescribes = date;
      await tx.em.flush();
    });
  },
};
