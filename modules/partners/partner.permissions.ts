import { definePermissions } from '../../server/kit/index.js';

/** What the partners module lets roles do; name them as `PartnerPermissions.update`. */
export const PartnerPermissions = definePermissions('partners', {
  create: { roles: [], description: 'Add a partner to the platform (administrators).' },
  update: { roles: ['MANAGER'], description: 'Change a partner, its intervention criteria and funding schemes (the service keeps managers to their own partner).' },
});
