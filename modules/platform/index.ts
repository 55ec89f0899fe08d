import { PlatformSettings } from './platform-settings.entity.js';
import { PlatformResolver } from './platform.resolver.js';
import { PlatformPermissions } from './platform.permissions.js';
import { PlatformService } from './platform.service.js';
import { defineModule, type Context } from '../../server/kit/index.js';

export { PlatformService, PlatformPermissions };

/** The platform's reference date ('YYYY-MM-DD'): what every validity and age is computed at. */
export const referenceDate = (ctx: Context): Promise<string> => PlatformService.referenceDate(ctx);

/** Settings of the platform as a whole, starting with its reference date. */
export default defineModule({
  name: 'platform',
  description: 'Settings of the platform as a whole: the reference date that decides what is valid.',
  dependsOn: [],
  entities: [PlatformSettings],
  resolvers: [PlatformResolver],
  permissions: PlatformPermissions,
});
