import { visibleTo, type Rights } from '../../server/kit/index.js';
import { BodyMember, GovernanceBody } from './governance-body.entity.js';
import { AgendaItem, CommitteeSession, SessionAttendance, SessionVote } from './session.entity.js';
import { GovernancePermissions } from './governance.permissions.js';

/**
 * Who sees the governance records, declared once: partners' people (`governance.read`) and
 * administrators see the bodies, their members, sessions, agendas, attendance and votes; what a
 * session shows of a support request (the request, its positions, its strategy) follows the support
 * module's own rule (the kit applies it through the relation and through `load`).
 */
const readers = (rights: Rights) => rights.can(GovernancePermissions.read);

export const GOVERNANCE_VISIBILITY = [
  visibleTo(GovernanceBody, { rows: readers }),
  visibleTo(BodyMember, { rows: readers }),
  visibleTo(CommitteeSession, { rows: readers }),
  visibleTo(AgendaItem, { rows: readers }),
  visibleTo(SessionVote, { rows: readers }),
  visibleTo(SessionAttendance, { rows: readers }),
];
