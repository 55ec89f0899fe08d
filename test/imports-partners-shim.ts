import { ALL_MODULES } from '../modules/index.js';
import { Partner, PartnerKind } from '../modules/partners/index.js';
import type { DemoContext, ModuleManifest } from '../server/kit/index.js';

/*
 * TEMPORARY, for modules/imports/imports.test.ts: delete this file and its use once main's partners
 * demo follows the new legal forms (its criteria still name SIAE_* forms, so seeding them fails). It
 * seeds the three partners the demo people belong to, so that the demo tokens hold their usual roles.
 */
async function seedDemoPeoplePartners({ em }: DemoContext): Promise<void> {
  if ((await em.count(Partner, {})) > 0) return;
  em.create(Partner, { slug: 'mef', name: 'Maison de l’emploi et de la formation', kind: PartnerKind.HOST } as never);
  em.create(Partner, { slug: 'conseil-regional', name: 'Conseil régional Hauts-de-France', kind: PartnerKind.FUNDER } as never);
  em.create(Partner, { slug: 'apes', name: 'APES', kind: PartnerKind.EXPERT } as never);
  await em.flush();
}
/** Every module, the partners' demo replaced by the three partners above. */
export function modulesWithoutPartnersDemo(): ModuleManifest[] {
  return ALL_MODULES.map((m) => (m.name === 'partners' ? { ...m, demo: seedDemoPeoplePartners } : m));
}
