import { Sector } from './sector.entity.js';
import { SECTORS } from './demo/sectors.data.js';
import { type ReferenceContext, type ReferenceResult } from '../../server/kit/index.js';

/**
 * The sectors (filières) of the platform, loaded by `npm run setup` and with the demo data. Adds the
 * codes that are missing and leaves existing sectors as they are (names or order an administrator
 * may have changed), so running it again adds nothing.
 */
export async function loadSectors({ em }: ReferenceContext): Promise<ReferenceResult> {
  const existing = new Set((await em.find(Sector, { code: { $in: SECTORS.map((s) => s.code) } }, { fields: ['code'] })).map((s) => s.code));
  let added = 0;
  SECTORS.forEach((seed, position) => {
    if (existing.has(seed.code)) return;
    em.create(Sector, { ...seed, position });
    added++;
  });
  await em.flush();
  return { lines: [`sectors: ${added} added (${SECTORS.length} in the reference data)`] };
}
