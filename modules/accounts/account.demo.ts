import { Partner, PartnerKind } from '../partners/index.js';
import { ApiToken } from './api-token.entity.js';
import { Membership } from './membership.entity.js';
import { Person } from './person.entity.js';
import { MembershipRoleEnum, PlatformRoleEnum } from './account.enums.js';
import { hashToken, tokenPrefix } from './token.js';
import { type DemoContext, type DemoResult } from '../../server/kit/index.js';

/**
 * Demo people with fixed, published tokens: for the demo on the embedded database only (DEMO=true).
 * Never enable demo data on a real deployment.
 */
export const DEMO_PEOPLE = [
  {
    key: 'admin',
    name: 'Claire Administratrice (MEF)',
    email: 'admin@demo.maillage.example.org',
    platformRole: PlatformRoleEnum.ADMIN,
    partner: { kind: PartnerKind.HOST, slug: null },
    role: MembershipRoleEnum.MANAGER,
    token: 'mlg_demo_admin_4bXh2kQ9vLr7TfYp3sWc8nZa',
    label: 'administratrice de la plate-forme',
  },
  {
    key: 'funder',
    name: 'Marc Financeur (Conseil Régional)',
    email: 'financeur@demo.maillage.example.org',
    platformRole: null,
    partner: { kind: PartnerKind.FUNDER, slug: 'conseil-regional' },
    role: MembershipRoleEnum.MANAGER,
    token: 'mlg_demo_funder_9QmT4wZr2xPk7YhB5cVn3dLs',
    label: "représentant d'un financeur (gestionnaire)",
  },
  {
    key: 'expert',
    name: 'Sophie Experte (APES)',
    email: 'experte@demo.maillage.example.org',
    platformRole: null,
    partner: { kind: PartnerKind.EXPERT, slug: 'apes' },
    role: MembershipRoleEnum.MEMBER,
    token: 'mlg_demo_expert_7HsK3nW8qRz5LpX2vTb6mYc4',
    label: "experte d'un réseau d'accompagnement (membre)",
  },
] as const;

export async function seedAccounts({ em }: DemoContext): Promise<DemoResult> {
  if ((await em.count(Person, {})) === 0) {
    for (const demo of DEMO_PEOPLE) {
      const person = em.create(Person, { name: demo.name, email: demo.email, platformRole: demo.platformRole });
      const partner = (demo.partner.slug ? await em.findOne(Partner, { slug: demo.partner.slug }) : null) ?? (await em.findOne(Partner, { kind: demo.partner.kind }, { orderBy: { name: 'asc' } }));
      if (partner) em.create(Membership, { person, partner, role: demo.role });
      em.create(ApiToken, { person, name: 'Jeton de démonstration', tokenHash: hashToken(demo.token), prefix: tokenPrefix(demo.token) });
    }
    await em.flush();
  }
  return { lines: DEMO_PEOPLE.map((d) => `${d.key.padEnd(7)} ${d.token}   ${d.name}, ${d.label}`) };
}
