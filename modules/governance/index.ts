import { defineModule, renderPdf } from '../../server/kit/index.js';
import { BodyMember, GovernanceBody } from './governance-body.entity.js';
import { GovernancePermissions } from './governance.permissions.js';
import { GovernanceBodyResolver } from './governance-body.resolver.js';
import { AgendaItem, CommitteeSession, SessionAttendance, SessionVote } from './session.entity.js';
import { AgendaItemResolver, SessionResolver } from './session.resolver.js';
import { SessionPresenceResolver } from './session-presence.resolver.js';
import { GovernanceBodyService } from './governance-body.service.js';
import { GOVERNANCE_VISIBILITY } from './governance.visibility.js';
import { seedGovernance } from './governance.demo.js';
import { SESSION_REACTIONS } from './session.reactions.js';
import { sessionMinutes } from './session.minutes.js';
import { runsBody, assertRunsBody } from './governance.policy.js';
import { CHARTER_ENTITIES, CHARTER_RESOLVERS, CHARTER_ROUTES, CHARTER_VISIBILITY, seedCharter } from './charter.js';

// What other modules may use of this one (they import this file only, and list 'governance' in dependsOn).
export { AgendaItem, CommitteeSession, SessionAttendance, SessionVote };
export * from './governance.events.js';
export { BodyMember, GovernanceBody, GovernancePermissions, GovernanceBodyService, runsBody, assertRunsBody };
export { BodyKind, DecisionMode, Majority, MeetingMode, MemberRole, SessionState, AgendaItemKind, AgendaItemState, DecisionOutcome, VoteChoice, AttendanceStatus } from './governance.enums.js';

/** The platform's governance: its bodies and their sessions. */
export default defineModule({
  name: 'governance',
  description:
    'Governance bodies (technical committee, steering board) with their members, rules, rhythm and meeting mode; their sessions, live: agenda, attendance, quorum, votes and decisions, minutes.',
  dependsOn: ['territory', 'sectors', 'organizations', 'partners', 'accounts', 'support'],
  entities: [GovernanceBody, BodyMember, CommitteeSession, AgendaItem, SessionVote, SessionAttendance, ...CHARTER_ENTITIES],
  resolvers: [GovernanceBodyResolver, SessionResolver, SessionPresenceResolver, AgendaItemResolver, ...CHARTER_RESOLVERS],
  permissions: GovernancePermissions,
  visibility: [...GOVERNANCE_VISIBILITY, ...CHARTER_VISIBILITY],
  routes: [
    {
      method: 'GET',
      path: '/sessions/:id/minutes.html',
      permission: GovernancePermissions.read,
      handle: async (ctx, request) => {
        const minutes = await sessionMinutes(ctx, request.params.id!);
        return minutes && { contentType: 'text/html; charset=utf-8', body: minutes.html };
      },
    },
    {
      method: 'GET',
      path: '/sessions/:id/minutes.pdf',
      permission: GovernancePermissions.read,
      handle: async (ctx, request) => {
        const minutes = await sessionMinutes(ctx, request.params.id!);
        return minutes && { contentType: 'application/pdf', body: await renderPdf(minutes.html), filename: `${minutes.title}.pdf` };
      },
    },
    ...CHARTER_ROUTES,
  ],
  reactions: SESSION_REACTIONS,
  demo: async (c) => {
    const bodies = await seedGovernance(c);
    await seedCharter(c);
    return bodies;
  },
});
