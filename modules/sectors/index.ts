import { Sector } from './sector.entity.js';
import { SectorResolver } from './sector.resolver.js';
import { loadSectors } from './sector.reference.js';
import { defineModule } from '../../server/kit/index.js';

export { Sector };
export { SectorService } from './sector.service.js';
export { SECTOR_CODES } from './demo/sectors.data.js';

/** Sectors of activity (filières), shared by partners' criteria, organizations and sector studies. */
export default defineModule({
  name: 'sectors',
  description: 'Sectors of activity (filières) of the social and solidarity economy.',
  dependsOn: [],
  entities: [Sector],
  resolvers: [SectorResolver],
  reference: loadSectors,
  // The same data with the demo; what it added is for `npm run setup` to print, not the demo banner.
  demo: async (ctx) => void (await loadSectors(ctx)),
});
