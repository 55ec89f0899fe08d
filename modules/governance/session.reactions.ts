import { within } from '../../server/kit/index.js';
import { PositionRecorded } from '../support/index.js';
import { CommitteeSession } from './session.entity.js';
import { AgendaItemState, SessionState } from './governance.enums.js';
import { SessionPositionRecorded, stamp } from './governance.events.js';

/**
 * A position recorded (or changed) through support's own `recordPosition` on the request an open
 * session is discussing lands in that session's stream, in the same transaction as the position.
 */
export const SESSION_REACTIONS = [
  within(PositionRecorded, async (payload, tx) => {
    const sessions = await tx.em.find(
      CommitteeSession,
      { state: SessionState.OPEN, currentItem: { supportRequest: payload.requestId, state: AgendaItemState.IN_DISCUSSION } },
      { fields: ['id', 'currentItem'] },
    );
    for (const session of sessions) {
      tx.publish(SessionPositionRecorded, { sessionId: session.id, at: stamp(), itemId: session.currentItem!.id, requestId: payload.requestId, partnerId: payload.partnerId });
    }
  }),
];
