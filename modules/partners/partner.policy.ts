import type { UpdatePartnerInput } from './partner.inputs.js';
import { type Context, forbidden, MembershipRole } from '../../server/kit/index.js';

/**
 * Who may change a partner, written once so that it can be read, tested and mutation-tested on its own
 * (`npm run test:mutation`). The service calls it before touching anything.
 */
export const PartnerPolicy = {
  /** Only administrators, or managers of this very partner, change a partner. */
  assertCanManage(ctx: Context, partnerId: string): void {
    if (!ctx.viewer.hasRoleIn(partnerId, MembershipRole.Manager)) {
      throw forbidden('Seuls les gestionnaires de ce partenaire et les administrateurs peuvent le modifier.');
    }
  },

  /**
   * The platform's bodies (technical committee, steering board) and a partner's status are the
   * administrators' decision, not its managers': any of these fields in an update needs an administrator.
   */
  assertCanChangeStatus(ctx: Context, input: Pick<UpdatePartnerInput, 'technicalCommittee' | 'steeringBoard' | 'active'>): void {
    if (!ctx.viewer.isAdmin && (input.technicalCommittee != null || input.steeringBoard != null || input.active != null)) {
      throw forbidden("Seuls les administrateurs de la plate-forme changent la composition des instances ou le statut d'un partenaire.");
    }
  },
};
