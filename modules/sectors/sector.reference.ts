import { Sector } from './sector.entity.js';
import { SECTORS } from './demo/sectors.data.js';
import { type ReferenceContext, type ReferenceResult } from '../../server/kit/index.js';

/**
 * The sectors (filières) of the platform, loaded by `npm run setup` and with the demo data. Adds the
 * codes that are missing and leaves existing sectors as they are (names or order an administrator
 * may have changed), except for NAF codes a sector has none of, so running it again adds nothing.
 */
export async function loadSectors({ em }: ReferenceContext): Promise<ReferenceResult> {
  const existing = new Map((await em.find(Sector, { code: { $in: SECTORS.map((s) => s.code) } })).map((s) => [s.code, s]));
  let added = 0;
  let mapped = 0;
  SECTORS.forEach((seed, position) => {
    const sector = existing.get(seed.code);
    if (!sector) {
      em.create(Sector, { ...seed, position });
      added++;
    } else if (sector.nafCodes.length === 0 && seed.nafCodes.length > 0) {
      sector.nafCodes = seed.nafCodes;
      mapped++;
    }
  });
  await em.flush();
  return { lines: [`sectors: ${added} added, ${mapped} given their NAF codes (${SECTORS.length} in the reference data)`] };
}
