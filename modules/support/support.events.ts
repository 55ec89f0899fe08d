import { defineEvent } from '../../server/kit/index.js';
import type { SupportStatus } from './support.enums.js';

/** A support request was received (ids only: payloads travel as JSON, after commit). */
export const SupportRequestReceived = defineEvent<{ requestId: string; partnerId: string }>('support.request-received');
/** A support request changed status. */
export const SupportStatusChanged = defineEvent<{ requestId: string; from: SupportStatus; to: SupportStatus }>('support.status-changed');
/** A partner recorded (or changed) its position on a request. */
export const PositionRecorded = defineEvent<{ requestId: string; partnerId: string; kind: string; revision: number }>('support.position-recorded');
/** The follow-up found an action past its due date (once per action): its owner's portal or a webhook may act on it. */
export const ActionOverdue = defineEvent<{ actionId: string; requestId: string; ownerId: string; dueOn: string }>('support.action-overdue', {
  stream: (p) => `support-request:${p.requestId}`,
});
/** The follow-up found a partner's position awaited for `days` days (at 9, 21 and 45 days). */
export const PositionMissing = defineEvent<{ requestId: string; partnerId: string; since: string; days: number }>('support.position-missing', {
  stream: (p) => `support-request:${p.requestId}`,
});
/** A document was attached to a request (a partner awaiting documents may look again). */
export const SupportDocumentAdded = defineEvent<{ requestId: string; documentId: string; kind: string }>('support.document-added', {
  stream: (p) => `support-request:${p.requestId}`,
});
