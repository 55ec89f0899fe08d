import { ApiToken } from './api-token.entity.js';
import { Membership } from './membership.entity.js';
import { Person } from './person.entity.js';
import { PartnerMembersResolver, PersonResolver } from './account.resolver.js';
import { ConsentRecorderResolver } from './consent-recorder.resolver.js';
import { AccountService } from './account.service.js';
import { ACCOUNT_VISIBILITY } from './account.policy.js';
import { seedAccounts } from './account.demo.js';
import { AccountPermissions } from './account.permissions.js';
import { defineModule } from '../../server/kit/index.js';

export { AccountPermissions, ApiToken, Membership, Person, AccountService };
export { DEMO_PEOPLE } from './account.demo.js';
export { PlatformRoleEnum } from './account.enums.js';

/** People, their memberships in partners, and API tokens; authenticates callers. */
export default defineModule({
  name: 'accounts',
  description: 'People, memberships in partners with roles, and API tokens (stored hashed, revocable, with expiry).',
  dependsOn: ['partners', 'organizations'],
  entities: [Person, Membership, ApiToken],
  resolvers: [PersonResolver, PartnerMembersResolver, ConsentRecorderResolver],
  permissions: AccountPermissions,
  visibility: ACCOUNT_VISIBILITY,
  authenticate: (em, token) => AccountService.authenticate(em, token),
  demo: seedAccounts,
});
