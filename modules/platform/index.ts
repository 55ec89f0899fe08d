import { PlatformSettings } from './platform-settings.entity.js';
import { PlatformResolver } from './platform.resolver.js';
import { PlatformPermissions } from './platform.permissions.js';
import { PlatformService } from './platform.service.js';
import { defineModule, type Context } from '../../server/kit/index.js';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { SETTINGS_ID } from './platform-settings.entity.js';

export { PlatformService, PlatformPermissions, PlatformSettings };

/** Records, with the demo data, the day that data describes (demo seeding, outside any request). */
export async function recordDemoDataDate(em: SqlEntityManager, date: string): Promise<void> {
  const row = (await em.findOne(PlatformSettings, SETTINGS_ID)) ?? em.create(PlatformSettings, { id: SETTINGS_ID });
  row.dataDescribes = date;
  await em.flush();
}

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
