import { definePermissions } from '../../server/kit/index.js';

/** What the organizations module lets roles do; name them as `OrganizationPermissions.update`. */
export const OrganizationPermissions = definePermissions('organizations', {
  create: { roles: ['MEMBER', 'MANAGER'], description: 'Register an organization or a project holder.' },
  update: { roles: ['MEMBER', 'MANAGER'], description: 'Change an organization and, where its contacts are visible, its contact people.' },
  contacts: {
    // Partners' people, never every signed-in person; with the holder's consent (contact-visibility.ts).
    read: { roles: ['MEMBER', 'MANAGER'], description: "See organizations' contact people and consent history, where the holder consented." },
  },
  figures: {
    // Finances are for partners' people, never anonymous callers or signed-in people of no partner.
    read: { roles: ['MEMBER', 'MANAGER'], description: "See organizations' yearly figures (people and money)." },
    write: { roles: ['MEMBER', 'MANAGER'], description: "Record an organization's yearly figures." },
  },
  consent: {
    // Consent is the holder's: recording it is narrower than changing the organization.
    record: { roles: ['MANAGER'], description: "Record a holder's consent to share its contacts (given, refused or withdrawn)." },
  },
});
