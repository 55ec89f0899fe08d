import { definePermissions } from '../../server/kit/index.js';

/** What the platform module lets roles do. */
export const PlatformPermissions = definePermissions('platform', {
  settings: {
    update: { roles: [], description: 'Change the platform settings, such as the reference date (administrators).' },
  },
});
