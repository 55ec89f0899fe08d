import { forbidden, MembershipRole, type Context, type Transaction } from '../../server/kit/index.js';
import { BodyMember } from './governance-body.entity.js';
import { MemberRole } from './governance.enums.js';

/** True when the viewer runs body `bodyId`: an administrator, the person named chair or secretary, or a manager of the partner holding that seat. */
export async function runsBody(ctx: Context, tx: Transaction | null, bodyId: string): Promise<boolean> {
  if (ctx.viewer.isAdmin) return true;
  const em = tx?.em ?? ctx.em;
  const officers = await em.find(BodyMember, { body: bodyId, role: { $in: [MemberRole.CHAIR, MemberRole.SECRETARY] } }, { fields: ['partner', 'person'] });
  return officers.some((m) => (m.person && m.person.id === ctx.viewer.personId) || ctx.viewer.hasRoleIn(m.partner.id, MembershipRole.Manager));
}

/** Refuses (FORBIDDEN, in French) a viewer who does not run the body. */
export async function assertRunsBody(ctx: Context, tx: Transaction | null, bodyId: string): Promise<void> {
  if (!(await runsBody(ctx, tx, bodyId))) {
    throw forbidden('Seuls la présidence et le secrétariat de l’instance, et les administrateurs, peuvent le faire.');
  }
}
