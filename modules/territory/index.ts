import { Commune } from './commune.entity.js';
import { Intercommunality } from './intercommunality.entity.js';
import { Territory } from './territory.entity.js';
import { CommuneResolver, IntercommunalityResolver, TerritoryResolver } from './territory.resolver.js';
import { loadTerritory } from './territory.demo.js';
import { TerritoryPermissions } from './territory.permissions.js';
import { defineModule } from '../../server/kit/index.js';

export { Commune, Intercommunality, Territory };
export { TerritoryService } from './territory.service.js';
export { communeNamesOf, PERIMETER_COMMUNES } from './demo/territory.data.js';

/** The platform's perimeter: territories, intercommunalities, communes. */
export default defineModule({
  name: 'territory',
  description: "The platform's perimeter: territories, intercommunalities and communes.",
  dependsOn: [],
  entities: [Territory, Intercommunality, Commune],
  resolvers: [TerritoryResolver, IntercommunalityResolver, CommuneResolver],
  permissions: TerritoryPermissions,
  reference: loadTerritory,
  // The same data with the demo; what it added is for `npm run setup` to print, not the demo banner.
  demo: async (ctx) => void (await loadTerritory(ctx)),
});
