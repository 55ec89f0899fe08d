import { definePermissions } from '../../server/kit/index.js';

/** What the territory module lets roles do. */
export const TerritoryPermissions = definePermissions('territory', {
  communes: {
    // Zoning is official data (ZRR, QPV lists): recorded by administrators from the published decrees.
    update: { roles: [], description: "Record a commune's zoning: rural revitalisation zone, priority districts (administrators)." },
  },
});
