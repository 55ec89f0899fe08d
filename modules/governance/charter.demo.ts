import type { DemoContext } from '../../server/kit/index.js';
import { Partner } from '../partners/index.js';
import { Person } from '../accounts/index.js';
import { GovernanceBody } from './governance-body.entity.js';
import { BodyKind } from './governance.enums.js';
import { AmendmentChangeKind, Charter, CharterAmendment, CharterAmendmentChange, CharterArticle, CharterSignature, CharterVersion } from './charter.entity.js';

/** The demo charter of the Boulonnais platform: version 1, adopted by the steering board. */
export const DEMO_CHARTER_ARTICLES: readonly { title: string; text: string }[] = [
  {
    title: 'Objet de la charte',
    text: 'La présente charte réunit les partenaires de la plate-forme de l’économie sociale et solidaire du Boulonnais, sur le territoire de la Communauté d’agglomération du Boulonnais et de la Communauté de communes de Desvres-Samer. Elle fixe les engagements de chacun et les règles de leur travail en commun au service des porteurs de projet et des structures de l’ESS.',
  },
  {
    title: 'Les engagements des partenaires',
    text: 'Chaque partenaire apporte à la plate-forme ses compétences, ses dispositifs et son réseau, dans le respect de ses propres critères d’intervention. Les apports, les contraintes et les besoins de chaque partenaire sont inscrits dans sa fiche et joints à sa signature ; il les tient à jour.',
  },
  {
    title: 'Un guichet commun pour les porteurs de projet',
    text: 'Toute demande d’accompagnement reçue par un partenaire est enregistrée dans la plate-forme, avec le consentement du porteur, et examinée collectivement. Le porteur reçoit une réponse de territoire unique, au nom de l’ensemble des partenaires ; chaque partenaire décide seul de son intervention, sous réserve de l’accord de ses propres instances.',
  },
  {
    title: 'Le comité technique',
    text: 'Le comité technique réunit les financeurs et les structures d’accompagnement. Il examine les demandes inscrites à son ordre du jour, recueille les positionnements des partenaires et valide la stratégie partagée et le plan d’actions. Il se réunit chaque mois, en présentiel ou à distance.',
  },
  {
    title: 'L’instance de pilotage',
    text: 'L’instance de pilotage réunit les acteurs de l’ESS, les banques, l’agence de développement et les fondations. Elle fixe les orientations de la plate-forme, adopte la charte et ses amendements, et examine chaque année le bilan d’activité. Elle se réunit au moins deux fois par an.',
  },
  {
    title: 'Confidentialité et protection des données',
    text: 'Les partenaires gardent confidentielles les informations des porteurs de projet et des structures, qu’ils n’utilisent que pour l’examen des demandes. Un partenaire en situation de conflit d’intérêts le déclare et s’abstient. Les données personnelles sont traitées selon le consentement recueilli et pour la durée nécessaire.',
  },
  {
    title: 'Communication',
    text: 'Les partenaires font connaître la plate-forme auprès de leurs publics et citent son rôle dans les projets qu’elle a accompagnés. Les publications communes, dont le feuillet annuel de l’ESS, sont validées par l’instance de pilotage.',
  },
  {
    title: 'Adhésion, retrait et révision',
    text: 'Un nouveau partenaire adhère à la charte en la signant. Un partenaire peut s’en retirer par courrier à l’instance de pilotage. Tout partenaire peut proposer un amendement ; l’instance de pilotage l’adopte ou le rejette, et la version adoptée est soumise à la signature de chacun.',
  },
];

/** Partners left unsigned in the demo: the demo funder's and the demo expert's (they may sign), and the Cigales. */
const UNSIGNED = new Set(['conseil-regional', 'apes', 'cigales-nord-pas-de-calais']);

/** Loads the demo charter once: version 1, signatures of most active partners, one amendment proposed. */
export async function seedCharter({ em }: DemoContext): Promise<void> {
  if ((await em.count(Charter, {})) > 0) return;
  const board = await em.findOne(GovernanceBody, { kind: BodyKind.STEERING_BOARD }, { orderBy: { name: 'asc', id: 'asc' } });
  if (!board) return;
  const charter = em.create(Charter, { title: 'Charte de partenariat de la plate-forme ESS du Boulonnais', currentNumber: 1 });
  const version = em.create(CharterVersion, { charter, number: 1, summary: 'Version initiale.', adoptedBy: board, decidedOn: '2026-01-15', decisionReference: 'IP-2026-01' });
  DEMO_CHARTER_ARTICLES.forEach((a, i) => em.create(CharterArticle, { version, number: i + 1, title: a.title, text: a.text }));
  const partners = await em.find(Partner, { active: true }, { orderBy: { name: 'asc', id: 'asc' } });
  partners
    .filter((p) => !UNSIGNED.has(p.slug))
    .forEach((p, i) =>
      em.create(CharterSignature, {
        charter,
        version,
        versionNumber: 1,
        partner: p,
        signedOn: `2026-0${2 + (i % 3)}-${String(2 + ((i * 7) % 26)).padStart(2, '0')}`,
        contributions: p.contributions,
        constraints: p.constraints,
        needs: p.needs,
      }),
    );
  const author = await em.findOne(Person, { email: 'financeur@demo.maillage.example.org' });
  const proposer = partners.find((p) => p.slug === 'conseil-regional') ?? partners[0];
  if (!proposer) return void (await em.flush());
  const amendment = em.create(CharterAmendment, {
    charter,
    baseVersion: version,
    title: 'Une évaluation annuelle partagée',
    rationale: 'Les financeurs ont besoin de mesurer chaque année l’effet levier de la plate-forme : dossiers examinés, délais de réponse, montants mobilisés, emplois créés ou consolidés.',
    partner: proposer,
    proposedBy: author,
    proposedAt: new Date('2026-10-06T09:30:00Z'),
  });
  em.create(CharterAmendmentChange, {
    amendment,
    rank: 0,
    kind: AmendmentChangeKind.INSERT,
    articleNumber: 8,
    title: 'Évaluation annuelle',
    text: 'Chaque année, la plate-forme présente à l’instance de pilotage un bilan partagé : demandes reçues et examinées, délais de réponse, montants mobilisés et effet levier, emplois créés ou consolidés. Chaque partenaire y contribue pour ce qui le concerne.',
  });
  await em.flush();
}
