import { defineModule } from '../../server/kit/index.js';
import { StatusChange, SupportRequest } from './support-request.entity.js';
import { SupportPermissions } from './support.permissions.js';
import { SupportRequestReceived, SupportStatusChanged } from './support.events.js';
import { SupportRequestResolver } from './support-request.resolver.js';
import { SupportMatchResolver } from './support-match.js';
import { PartnerPosition, PositionVersion } from './partner-position.entity.js';
import { PositionResolver } from './position.resolver.js';
import { SupportRequestService } from './support-request.service.js';
import { SUPPORT_VISIBILITY } from './support.visibility.js';
import { seedSupport } from './support.demo.js';

// What other modules may use of this one (they import this file only, and list 'support' in dependsOn).
export { PartnerPosition, PositionVersion, StatusChange, SupportRequest, SupportPermissions, SupportRequestReceived, SupportStatusChanged, SupportRequestService };
export { IntakeChannel, SupportStatus, PositionKind, ActionStatus } from './support.enums.js';

/** Support requests and the collective answer. */
export default defineModule({
  name: 'support',
  description:
    'Support requests received by any partner and examined collectively: guarded workflow, matching with reasons, partners’ positions, shared action plan, territorial answer, follow-up and statistics.',
  dependsOn: ['territory', 'sectors', 'organizations', 'partners', 'accounts'],
  entities: [SupportRequest, StatusChange, PartnerPosition, PositionVersion],
  resolvers: [SupportRequestResolver, SupportMatchResolver, PositionResolver],
  permissions: SupportPermissions,
  visibility: SUPPORT_VISIBILITY,
  demo: seedSupport,
});
