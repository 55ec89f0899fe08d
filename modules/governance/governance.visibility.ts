import { visibleTo } from '../../server/kit/index.js';
import { BodyMember, GovernanceBody } from './governance-body.entity.js';
import { GovernancePermissions } from './governance.permissions.js';

/**
 * Who sees the governance records, declared once: partners' people (`governance.read`) and
 * administrators see the bodies, their members and sessions; what a session shows of a support request
 * (the request, its positions) follows the support module's own rule through `load`.
 */
const readers = (rights: { can: (p: typeof GovernancePermissions.read) => boolean }) => rights.can(GovernancePermissions.read);

export const GOVERNANCE_VISIBILITY = [visibleTo(GovernanceBody, { rows: readers }), visibleTo(BodyMember, { rows: readers })];
