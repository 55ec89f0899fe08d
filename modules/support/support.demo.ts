import { createRandom, type DemoContext, type DemoResult, type Random } from '../../server/kit/index.js';
import { Organization, Stage } from '../organizations/index.js';
import { NeedType, Partner } from '../partners/index.js';
import { Commune } from '../territory/index.js';
import { StatusChange, SupportRequest } from './support-request.entity.js';
import { IntakeChannel, InvitationReason, PositionKind, SupportStatus } from './support.enums.js';
import { PartnerPosition, PositionVersion } from './partner-position.entity.js';
import { PositionInvitation } from './position-invitation.entity.js';
import { StrategyDecision, SupportAction } from './strategy.entity.js';
import { ActionStatus } from './support.enums.js';
import { TRANSITIONS } from './support.workflow.js';

/*
 * A year of support requests (2025), deterministic: received by the partners named in the call, for
 * demo organizations and for project holders not yet created, each moved along the workflow as far as
 * its age makes plausible, with its history, the partners asked at its qualification and their positions.
 * Tests (a small demo scale) get a handful; the full demo, and a scale of at least `fullFrom`
 * organizations (the bench's 10,000), a few hundred.
 */

/** How many requests the full demo holds, and tests; from how many organizations a demo scale gets the full year. */
export const DEMO_REQUESTS = { full: 320, test: 8, fullFrom: 1_000 } as const;
const YEAR_START = Date.UTC(2025, 0, 6);
const YEAR_DAYS = 350;
const DAY = 86_400_000;

/** Who receives requests, and how often (the MEF and the support structures first). */
const RECEIVERS: readonly (readonly [string, number])[] = [
  ['mef-boulonnais', 6],
  ['apes', 4],
  ['boulogne-developpement', 4],
  ['initiative-boulonnais', 3],
  ['inseraction-62', 3],
  ['cab', 2],
  ['urscop', 2],
  ['conseil-regional', 2],
  ['direccte', 1],
  ['couveuse', 2],
  ['cigales-nord-pas-de-calais', 1],
];

const CHANNELS: readonly (readonly [IntakeChannel, number])[] = [
  [IntakeChannel.PARTNER_OFFICE, 6],
  [IntakeChannel.PROACTIVE_VISIT, 3],
  [IntakeChannel.WEB_FORM, 3],
  [IntakeChannel.EVENT, 1],
  [IntakeChannel.PARTNER_REFERRAL, 2],
  [IntakeChannel.PLATFORM_OUTREACH, 1],
];

/** Projects by sector: what people ask help for. */
const PROJECTS: Readonly<Record<string, readonly string[]>> = {
  'recyclage-reemploi': ['Ouverture d’une ressourcerie', 'Atelier de réparation de vélos', 'Collecte de textiles usagés', 'Extension de la recyclerie'],
  'services-a-la-personne': ['Service d’aide à domicile en milieu rural', 'Portage de repas aux aînés', 'Garde d’enfants à horaires atypiques'],
  culture: ['Tiers-lieu culturel', 'Festival de musiques du littoral', 'Compagnie de théâtre itinérante'],
  'agriculture-alimentation': ['Épicerie solidaire', 'Légumerie pour la restauration collective', 'Jardin d’insertion maraîcher'],
  environnement: ['Entretien des espaces naturels en insertion', 'Sensibilisation au tri sur les plages'],
  mobilite: ['Garage solidaire', 'Auto-école sociale', 'Location de scooters pour l’emploi'],
  'habitat-logement': ['Habitat partagé intergénérationnel', 'Rénovation énergétique en chantier d’insertion'],
  'tourisme-social': ['Gîte de groupe à Desvres', 'Centre de vacances familiales'],
  'action-sociale-sante': ['Maison de santé associative', 'Accueil de jour pour personnes isolées'],
  'education-formation': ['Ateliers numériques pour demandeurs d’emploi', 'Chantier-école du bâtiment'],
  'peche-economie-maritime': ['Transformation de poisson en SCOP', 'Vente directe de la pêche artisanale'],
  'commerce-equitable': ['Boutique de commerce équitable', 'Café associatif équitable'],
  'sport-loisirs': ['Base nautique associative', 'Club sportif employeur'],
  'finance-solidaire-assurance': ['Club Cigales du Boulonnais'],
};
const POSITIONS = [PositionKind.WILL_SUPPORT, PositionKind.WILL_SUPPORT, PositionKind.CONDITIONAL, PositionKind.OUTSIDE_CRITERIA, PositionKind.REDIRECTS, PositionKind.ABSTAINS];
const HOLDERS = ['Camille Lefebvre', 'Julien Caron', 'Sophie Delattre', 'Karim Benali', 'Élodie Fournier', 'Thomas Vasseur', 'Nadia Haddad', 'Pierre Lemaire', 'Aurélie Duhamel', 'Mehdi Saïdi'];

/** How far a request of `ageDays` went: older ones further (a few withdrawn or redirected on the way). */
function fate(random: Random, ageDays: number, cap: number): SupportStatus[] {
  const path: SupportStatus[] = [SupportStatus.RECEIVED];
  const steps = Math.min(cap, Math.floor(ageDays / 25) + random.int(0, 1));
  for (let i = 0; i < steps; i++) {
    const here = path[path.length - 1]!;
    const next = TRANSITIONS[here];
    if (next.length === 0) break;
    if (random.chance(0.05) && next.includes(SupportStatus.REDIRECTED)) return [...path, SupportStatus.REDIRECTED];
    if (random.chance(0.03)) return [...path, SupportStatus.WITHDRAWN];
    path.push(next[0]!);
  }
  return path;
}

/** The demo requests; runs again harmlessly (only on an empty table). */
export async function seedSupport({ em, scale }: DemoContext): Promise<DemoResult | void> {
  if ((await em.count(SupportRequest, {})) > 0) return;
  const random = createRandom(2025_12);
  const full = !scale || scale.organizations >= DEMO_REQUESTS.fullFrom;
  const count = full ? DEMO_REQUESTS.full : DEMO_REQUESTS.test;
  const partners = await em.find(Partner, { active: true }, { orderBy: { name: 'asc', id: 'asc' }, fields: ['id', 'slug'] });
  const bySlug = new Map(partners.map((p) => [p.slug, p.id]));
  const receivers = RECEIVERS.filter(([slug]) => bySlug.has(slug)).map(([slug, w]) => [bySlug.get(slug)!, w] as const);
  if (receivers.length === 0 && partners.length > 0) receivers.push([partners[0]!.id, 1]);
  if (receivers.length === 0) return;
  const organizations = await em.find(Organization, {}, { orderBy: { name: 'asc', id: 'asc' }, limit: 2_000, fields: ['id', 'sector', 'commune', 'stage', 'consentToShare'] });
  const communes = await em.find(Commune, {}, { orderBy: { name: 'asc', id: 'asc' }, fields: ['id'] });
  const end = YEAR_START + YEAR_DAYS * DAY;
  for (let i = 0; i < count; i++) {
    const receivedAt = new Date(YEAR_START + Math.floor(((i + random.next()) * YEAR_DAYS * DAY) / count) + random.int(8, 17) * 3_600_000);
    const organization = organizations.length > 0 && random.chance(0.7) ? random.pick(organizations) : null;
    const sector = organization ? organization.sector.code : random.pick(Object.keys(PROJECTS));
    const projects = PROJECTS[sector] ?? ['Développement de l’activité'];
    const financial = random.chance(0.75);
    const stage = organization ? (organization.stage === Stage.EMERGENCE ? Stage.CREATION : organization.stage) : Stage.CREATION;
    const amount = financial ? random.pick([5_000, 8_000, 15_000, 20_000, 30_000, 45_000, 60_000, 80_000, 120_000, 250_000]) : null;
    const request = em.create(SupportRequest, {
      title: random.pick(projects),
      organization: organization?.id ?? null,
      holderName: organization ? null : random.pick(HOLDERS),
      holderContact: organization ? null : `06 ${String(random.int(10, 99))} ${String(random.int(10, 99))} ${String(random.int(10, 99))} ${String(random.int(10, 99))}`,
      // Every seventh is kept by its receiver (the holder did not consent): the one partner that sees it.
      receivingPartner: i % 7 === 3 ? receivers[0]![0] : random.weighted(receivers),
      intakeChannel: random.weighted(CHANNELS),
      stage,
      technicalNeed: !financial || random.chance(0.5),
      financialNeed: financial,
      amountSought: amount,
      needTypes: financial ? [random.pick([NeedType.INVESTMENT, NeedType.WORKING_CAPITAL, NeedType.OPERATIONS])] : [NeedType.TECHNICAL_SUPPORT],
      useOfFunds: financial ? random.pick(['Achat de matériel et aménagement du local', 'Trésorerie en attendant le versement des subventions', 'Recrutement d’un encadrant technique']) : '',
      sector,
      commune: organization ? organization.commune.id : random.pick(communes).id,
      description: 'Demande reçue lors d’un premier entretien ; à examiner collectivement.',
      consentToShare: i % 7 === 3 ? false : random.chance(0.9),
      receivedAt,
      createdAt: receivedAt,
      updatedAt: receivedAt,
    });
    let at = receivedAt.getTime();
    let from: SupportStatus | null = null;
    const path = fate(random, (end - at) / DAY, full ? 6 : 2);
    // The kept one is at least qualified: partners' positions on it stay with its receiver too.
    if (i % 7 === 3 && path.length === 1) path.push(SupportStatus.QUALIFIED);
    let validated: { at: Date } | null = null;
    for (const to of path) {
      if (to === SupportStatus.STRATEGY_VALIDATED) validated = { at: new Date(at) };
      em.create(StatusChange, { request, from, to, at: new Date(at), reason: to === SupportStatus.REDIRECTED ? 'Réorienté vers la Chambre de commerce : projet hors ESS.' : '' });
      request.status = to;
      request.statusChangedAt = new Date(at);
      if (to === SupportStatus.QUALIFIED) request.qualifiedAt = new Date(at);
      request.version += from ? 1 : 0;
      from = to;
      at += random.int(5, 25) * DAY;
    }
    if (validated) {
      em.create(StrategyDecision, {
        request,
        diagnosis: 'Projet solide porté par une équipe motivée ; besoin de consolider le plan de financement et le modèle économique.',
        strategy: 'Court terme : boucler le plan de financement avec les partenaires engagés. Moyen terme : accompagnement à la consolidation (DLA).',
        contactPerson: 'Chargé de mission de la plate-forme ESS',
        nextStep: 'Dépôt des dossiers auprès des financeurs engagés.',
        validatedAt: validated.at,
      });
      for (let k = random.int(1, 3); k > 0; k--) {
        const due = new Date(validated.at.getTime() + random.int(20, 120) * DAY).toISOString().slice(0, 10);
        const closed = request.status === SupportStatus.CLOSED;
        em.create(SupportAction, {
          request,
          title: random.pick(['Instruire la demande de financement', 'Réaliser le diagnostic DLA', 'Accompagner le montage du plan de financement', 'Présenter le projet au comité d’engagement']),
          owner: random.weighted(receivers),
          dueOn: due,
          status: closed ? ActionStatus.DONE : random.pick([ActionStatus.PLANNED, ActionStatus.IN_PROGRESS, ActionStatus.DONE]),
          createdAt: validated.at,
        });
      }
    }
    if (request.status === SupportStatus.CLOSED && random.chance(0.7)) {
      request.satisfactionScore = random.weighted([
        [5, 4],
        [4, 5],
        [3, 2],
        [2, 1],
      ] as const);
      request.satisfactionComment = random.pick(['Une seule réponse, claire et rapide.', 'Bon accompagnement, délais un peu longs.', 'Merci aux partenaires.']);
      request.satisfactionRecordedAt = new Date(request.statusChangedAt.getTime() + 10 * DAY);
    }
    // Once qualified, the receiving partner and one to three others take position (some twice).
    if (request.qualifiedAt) {
      const who = new Set([request.receivingPartner.id, ...Array.from({ length: random.int(1, 3) }, () => random.pick(partners).id)]);
      for (const partnerId of who) {
        const kinds = random.chance(0.2) ? [PositionKind.NEEDS_INFORMATION, random.pick(POSITIONS)] : [random.pick(POSITIONS)];
        const position = em.create(PartnerPosition, { request, partner: partnerId, kind: kinds[0]!, firstRecordedAt: request.qualifiedAt, recordedAt: request.qualifiedAt });
        kinds.forEach((kind, k) => {
          const recordedAt = new Date(request.qualifiedAt!.getTime() + (k + 1) * random.int(2, 12) * DAY);
          const amount = kind === PositionKind.WILL_SUPPORT || kind === PositionKind.CONDITIONAL ? Math.round(((request.amountSought ?? 0) * random.int(20, 60)) / 100 / 500) * 500 || null : null;
          const content = { kind, amount, conditions: kind === PositionKind.CONDITIONAL ? 'Si un prêt bancaire est accordé ; sous réserve du comité d’engagement.' : '', recordedAt };
          Object.assign(position, content, { revision: k + 1 }, k === 0 ? { firstRecordedAt: recordedAt } : {});
          em.create(PositionVersion, { ...content, position, request, revision: k + 1 });
        });
      }
      // The invitations the qualification recorded: the receiving partner, those that answered, and on every
      // other request a partner that never did (its position stays missing). Chosen by the request's rank,
      // not drawn, so that the draws above (and the rest of the demo) stay as they were.
      const silent = partners.length > 0 && i % 2 === 0 ? partners[(i * 5) % partners.length]!.id : null;
      const asked = silent && !who.has(silent) ? [...who, silent] : [...who];
      for (const partnerId of asked) {
        const reason = partnerId === request.receivingPartner.id ? InvitationReason.RECEIVING : InvitationReason.MATCHED;
        em.create(PositionInvitation, { request, partner: partnerId, reason, invitedAt: request.qualifiedAt });
      }
    }
  }
  await em.flush();
  return { lines: [`${count} demandes d’accompagnement sur un an`] };
}
