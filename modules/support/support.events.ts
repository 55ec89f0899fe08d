import { defineEvent } from '../../server/kit/index.js';
import type { SupportStatus } from './support.enums.js';

/** A support request was received (ids only: payloads travel as JSON, after commit). */
export const SupportRequestReceived = defineEvent<{ requestId: string; partnerId: string }>('support.request-received');
/** A support request changed status. */
export const SupportStatusChanged = defineEvent<{ requestId: string; from: SupportStatus; to: SupportStatus }>('support.status-changed');
/** A partner recorded (or changed) its position on a request. */
export const PositionRecorded = defineEvent<{ requestId: string; partnerId: string; kind: string; revision: number }>('support.position-recorded');
