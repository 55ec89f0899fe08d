import { definePermissions } from '../../server/kit/index.js';

/** What the organizations module lets roles do; name them as `OrganizationPermissions.update`. */
export const OrganizationPermissions = definePermissions('organizations', {
  create: { roles: ['MEMBER', 'MANAGER'], description: 'Register an organization or a project holder.' },
  update: { roles: ['MEMBER', 'MANAGER'], description: 'Change an organization and, where its contacts are visible, its contact people.' },
  contacts: {
    // Partners' people, never every signed-in person; with the holder's consent (contact-visibility.ts).
    read: { roles: ['MEMBER', 'MANAGER'], description: "See organizations' contact people and consent history, where the holder consented." },
  },
  consent: {
    // Consent is the holder's: recording it is narrower than changing the organization.
    record: { roles: ['MANAGER'], description: "Record a holder's consent to share its contacts (given, refused or withdrawn)." },
  },
});
