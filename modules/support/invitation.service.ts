import type { Context, Transaction } from '../../server/kit/index.js';
import { PositionInvitation } from './position-invitation.entity.js';
import { InvitationReason } from './support.enums.js';
import { requestMatches } from './support-match.js';
import type { SupportRequest } from './support-request.entity.js';

/**
 * Records, in the qualification's transaction, who is asked for a position on `request`: its receiving
 * partner and every partner the matching proposes then (eligible under its criteria and schemes), as
 * Conseillers-Entreprises sends a need to the experts it selects. The list is frozen at that moment: a
 * partner whose criteria change later is not asked afterwards (the committee adds it by hand). Partners
 * already asked keep their invitation.
 */
export async function inviteAtQualification(ctx: Context, tx: Transaction, request: SupportRequest, at: Date): Promise<PositionInvitation[]> {
  const reasons = new Map<string, InvitationReason>([[request.receivingPartner.id, InvitationReason.RECEIVING]]);
  for (const m of await requestMatches(ctx, request, false)) if (m.eligible && !reasons.has(m.partner.id)) reasons.set(m.partner.id, InvitationReason.MATCHED);
  const existing = await tx.em.find(PositionInvitation, { request: request.id }, { fields: ['partner'] });
  for (const invitation of existing) reasons.delete(invitation.partner.id);
  return [...reasons].map(([partner, reason]) => tx.em.create(PositionInvitation, { request: request.id, partner, reason, invitedAt: at, invitedBy: ctx.viewer.personId }));
}
