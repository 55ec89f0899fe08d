import { defineModule } from '../../server/kit/index.js';
import { BodyMember, GovernanceBody } from './governance-body.entity.js';
import { GovernancePermissions } from './governance.permissions.js';
import { GovernanceBodyResolver } from './governance-body.resolver.js';
import { GovernanceBodyService } from './governance-body.service.js';
import { GOVERNANCE_VISIBILITY } from './governance.visibility.js';
import { seedGovernance } from './governance.demo.js';
import { runsBody, assertRunsBody } from './governance.policy.js';
import { CHARTER_ENTITIES, CHARTER_RESOLVERS, CHARTER_ROUTES, CHARTER_VISIBILITY, seedCharter } from './charter.js';

// What other modules may use of this one (they import this file only, and list 'governance' in dependsOn).
export { BodyMember, GovernanceBody, GovernancePermissions, GovernanceBodyService, runsBody, assertRunsBody };
export { BodyKind, DecisionMode, Majority, MeetingMode, MemberRole } from './governance.enums.js';

/** The platform's governance: its bodies and their sessions. */
export default defineModule({
  name: 'governance',
  description:
    'Governance bodies (technical committee, steering board) with their members, rules, rhythm and meeting mode; their sessions, live: agenda, attendance, quorum, votes and decisions, minutes.',
  dependsOn: ['territory', 'sectors', 'organizations', 'partners', 'accounts', 'support'],
  entities: [GovernanceBody, BodyMember, ...CHARTER_ENTITIES],
  resolvers: [GovernanceBodyResolver, ...CHARTER_RESOLVERS],
  routes: [...CHARTER_ROUTES],
  permissions: GovernancePermissions,
  visibility: [...GOVERNANCE_VISIBILITY, ...CHARTER_VISIBILITY],
  demo: async (c) => {
    await seedGovernance(c);
    await seedCharter(c);
  },
});
