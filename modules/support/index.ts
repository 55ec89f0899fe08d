import { decodeId, defineModule, renderPdf } from '../../server/kit/index.js';
import { StrategyDecision, SupportAction } from './strategy.entity.js';
import { StrategyResolver } from './strategy.resolver.js';
import { answerLetter } from './letter.js';
import { FOLLOW_UP_TASK } from './follow-up.js';
import { StatisticsResolver } from './statistics.resolver.js';
import { SUPPORT_EXPORT_ROUTES } from './exports.js';
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
import { SupportDocument } from './support-document.entity.js';
import { PositionInvitation } from './position-invitation.entity.js';
import { SUPPORT_DOCUMENT_ROUTES, SupportDocumentResolver } from './support-document.resolver.js';

// What other modules may use of this one (they import this file only, and list 'support' in dependsOn).
export {
  StrategyDecision,
  SupportAction,
  SupportDocument,
  PartnerPosition,
  PositionInvitation,
  PositionVersion,
  StatusChange,
  SupportRequest,
  SupportPermissions,
  SupportRequestReceived,
  SupportStatusChanged,
  SupportRequestService,
};
export { ActionOverdue, PositionMissing, PositionRecorded, SupportDocumentAdded } from './support.events.js';
export { IntakeChannel, SupportStatus, PositionKind, ActionStatus, DocumentKind, InvitationReason } from './support.enums.js';

/** Support requests and the collective answer. */
export default defineModule({
  name: 'support',
  description:
    'Support requests received by any partner and examined collectively: documents, guarded workflow, matching with reasons, partners’ positions, shared action plan, territorial answer, follow-up and statistics.',
  dependsOn: ['territory', 'sectors', 'organizations', 'partners', 'accounts'],
  entities: [SupportRequest, StatusChange, PositionInvitation, PartnerPosition, PositionVersion, SupportAction, StrategyDecision, SupportDocument],
  resolvers: [SupportRequestResolver, SupportMatchResolver, PositionResolver, StrategyResolver, StatisticsResolver, SupportDocumentResolver],
  routes: [
    {
      method: 'GET',
      path: '/requests/:id/answer.html',
      handle: async (ctx, request) => {
        const letter = await answerLetter(ctx, decodeId(request.params.id!, 'SupportRequest', 'id'));
        return letter && { contentType: 'text/html; charset=utf-8', body: letter.html };
      },
    },
    {
      method: 'GET',
      path: '/requests/:id/answer.pdf',
      handle: async (ctx, request) => {
        const letter = await answerLetter(ctx, decodeId(request.params.id!, 'SupportRequest', 'id'));
        return letter && { contentType: 'application/pdf', body: await renderPdf(letter.html), filename: `Réponse de territoire ${letter.reference}.pdf` };
      },
    },
    ...SUPPORT_EXPORT_ROUTES,
    ...SUPPORT_DOCUMENT_ROUTES,
  ],
  permissions: SupportPermissions,
  visibility: SUPPORT_VISIBILITY,
  demo: seedSupport,
  periodicTasks: [FOLLOW_UP_TASK],
});
