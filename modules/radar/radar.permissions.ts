import { definePermissions } from '../../server/kit/index.js';

/** What the radar module lets roles do (administrators hold every permission). */
export const RadarPermissions = definePermissions('radar', {
  // A radar's scores mix every answer, confidential ones included: partners' people only.
  read: { roles: ['MEMBER', 'MANAGER'], description: "See organizations' radars (scores, level, signals), and the sector medians (partners' people)." },
  priorities: {
    read: { roles: ['MEMBER', 'MANAGER'], description: 'See the prioritized list of organizations to contact, and export it.' },
    // The steering board's partners' managers (checked in the service) and administrators.
    update: { roles: ['MANAGER'], description: "Change the contact priority weights (managers of a steering board's partner, administrators)." },
  },
  recompute: { roles: [], description: 'Recompute radars (administrators).' },
});
