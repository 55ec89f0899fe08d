import { definePermissions } from '../../server/kit/index.js';

/** What the accounts module lets roles do; name them as `AccountPermissions.tokens.issue`. */
export const AccountPermissions = definePermissions('accounts', {
  people: {
    create: { roles: [], description: 'Create a person (administrators).' },
  },
  tokens: {
    issue: { roles: [], description: 'Issue an API token for another person (administrators).' },
  },
  memberships: {
    manage: { roles: ['MANAGER'], description: 'Add people to a partner, change their role, remove them (the service keeps managers to their own partner).' },
  },
});
