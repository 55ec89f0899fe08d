/**
 * Demo partners of the Boulonnais SSE platform: every partner named in the call for consultation
 * (technical committee, solidarity finance represented by the Cigales, technical partners, host),
 * a few extra members of the steering board (bank, foundation, mutual insurer) and local funders.
 *
 * Plain, dependency-free data. Criteria and schemes are plausible for each kind of body but
 * illustrative: amounts, rules and names of schemes are not an official description of any
 * institution's offer. E-mail addresses use example.org only; no phone numbers, no websites.
 * Sector codes are those of modules/sectors/demo/sectors.data.ts; commune names those of the territory module's perimeter.
 */

import type { AccreditationKind, LegalForm, Stage, TargetPublic } from '../../organizations/index.js';
import { communeNamesOf } from '../../territory/index.js';
import { createRandom, type Random } from '../../../server/kit/index.js';

// The organizations module's vocabulary, through its public index (partners depends on organizations).
export type StageCode = `${Stage}`;
export type LegalFormCode = `${LegalForm}`;
export type AccreditationCode = `${AccreditationKind}`;
export type PublicCode = `${TargetPublic}`;

export type PartnerKindCode = 'FUNDER' | 'EXPERT' | 'TECHNICAL_PARTNER' | 'SSE_REPRESENTATIVE' | 'HOST';
export type FundingSchemeKindCode = 'GRANT' | 'LOAN' | 'HONOUR_LOAN' | 'GUARANTEE' | 'QUASI_EQUITY' | 'EQUITY' | 'SUPPORT_PROGRAMME';
export type NeedTypeCode = 'INVESTMENT' | 'WORKING_CAPITAL' | 'OPERATIONS' | 'TECHNICAL_SUPPORT';
export type StateAidFrameCode = 'DE_MINIMIS_GENERAL' | 'DE_MINIMIS_SIEG';

/** Eligibility rules shared by criteria and schemes (empty lists and null bounds restrict nothing). */
export interface RulesSeed {
  /** Empty = all stages. */
  stages: StageCode[];
  /** Empty = all legal forms (checked against a project's target form). */
  legalForms: LegalFormCode[];
  /** Accreditations of which the holder must hold one; empty = none required. */
  accreditations: AccreditationCode[];
  /** Publics the project must serve (any); empty = any. */
  publics: PublicCode[];
  /** Needs handled (any); empty = every need. */
  needTypes: NeedTypeCode[];
  employerRequired: boolean;
  minEmployees: number | null;
  maxEmployees: number | null;
  /** Whole years of existence at the reference date. */
  minAgeYears: number | null;
  maxAgeYears: number | null;
  /** Euros. */
  minAmount: number | null;
  /** Euros. */
  maxAmount: number | null;
  coFinancingRequired: boolean;
}

export interface CriteriaSeed extends RulesSeed {
  label: string;
  /** Empty = all sectors. */
  sectorCodes: string[];
  /** True when no place restricts the criteria. */
  wholeTerritory: boolean;
  communeNames: string[];
  /** Short names of intercommunalities ('CAB', 'CCDS'). */
  intercommunalities: string[];
  /** INSEE codes of départements ('62'). */
  departmentCodes: string[];
  /** INSEE codes of régions ('32': Hauts-de-France). */
  regionCodes: string[];
}

export interface FundingSchemeSeed extends RulesSeed {
  name: string;
  /** Short name the matching's reasons use ('DLA'). */
  shortName: string | null;
  kind: FundingSchemeKindCode;
  description: string;
  eligibility: string;
  /** Percent of the loan, for a guarantee. */
  guaranteeRate: number | null;
  decidingBody: string;
  calendar: string;
  typicalDelayDays: number | null;
  /** Euros a year, when known. */
  yearlyEnvelope: number | null;
  /** 'YYYY-MM-DD'; null: open. */
  validFrom: string | null;
  validUntil: string | null;
  stateAidFrame: StateAidFrameCode | null;
  legalFrame: string;
}

export interface PartnerSeed {
  /** Stable ASCII identifier, e.g. 'conseil-regional'. */
  slug: string;
  /** The name the platform knew (2012). */
  name: string;
  shortName: string | null;
  /** Today's name when it changed. */
  currentName: string | null;
  /** Year the current name took effect; null when not known. */
  nameChangedYear: number | null;
  /** Main role. */
  kind: PartnerKindCode;
  /** Every role, the main one first. */
  roles: PartnerKindCode[];
  /** Slugs of the partners this one speaks for. */
  represents: string[];
  description: string;
  website: string | null;
  email: string | null;
  technicalCommittee: boolean;
  steeringBoard: boolean;
  constraints: string[];
  needs: string[];
  contributions: string[];
  criteria: CriteriaSeed[];
  fundingSchemes: FundingSchemeSeed[];
}

/** A State-aid rule (the de minimis ceilings), loaded as reference data. */
export interface StateAidRuleSeed {
  slug: string;
  frame: StateAidFrameCode;
  name: string;
  regulation: string;
  /** Euros per undertaking over the period. */
  ceiling: number;
  periodYears: number;
  description: string;
  validFrom: string | null;
  validUntil: string | null;
}

export interface GeneratePartnersOptions {
  /** Total number of partners, DEMO_PARTNERS included. */
  count: number;
  seed: number;
  /** Commune names for the territorial criteria of generated partners (non-empty when count > DEMO_PARTNERS.length). */
  communes: readonly string[];
  /** Sector codes for the criteria of generated partners. */
  sectorCodes: readonly string[];
}

// ---------------------------------------------------------------------------
// State-aid rules: the de minimis ceilings, as they changed on 1 January 2024
// ---------------------------------------------------------------------------

export const STATE_AID_RULES: StateAidRuleSeed[] = [
  {
    slug: 'de-minimis-general-2006-2013',
    frame: 'DE_MINIMIS_GENERAL',
    name: 'De minimis général (200 000 €)',
    regulation: 'Règlement (CE) n° 1998/2006, puis règlement (UE) n° 1407/2013',
    ceiling: 200_000,
    periodYears: 3,
    description: "Au plus 200 000 € d'aides de minimis par entreprise unique sur trois exercices fiscaux (l'exercice en cours et les deux précédents).",
    validFrom: '2007-01-01',
    validUntil: '2023-12-31',
  },
  {
    slug: 'de-minimis-general-2023-2831',
    frame: 'DE_MINIMIS_GENERAL',
    name: 'De minimis général (300 000 €)',
    regulation: 'Règlement (UE) 2023/2831',
    ceiling: 300_000,
    periodYears: 3,
    description: "Au plus 300 000 € d'aides de minimis par entreprise unique sur toute période glissante de trois ans.",
    validFrom: '2024-01-01',
    validUntil: '2030-12-31',
  },
  {
    slug: 'de-minimis-sieg-360-2012',
    frame: 'DE_MINIMIS_SIEG',
    name: "De minimis SIEG (500 000 €)",
    regulation: 'Règlement (UE) n° 360/2012',
    ceiling: 500_000,
    periodYears: 3,
    description: "Au plus 500 000 € d'aides de minimis par entreprise fournissant un service d'intérêt économique général, sur trois exercices fiscaux.",
    validFrom: null,
    validUntil: '2023-12-31',
  },
  {
    slug: 'de-minimis-sieg-2023-2832',
    frame: 'DE_MINIMIS_SIEG',
    name: 'De minimis SIEG (750 000 €)',
    regulation: 'Règlement (UE) 2023/2832',
    ceiling: 750_000,
    periodYears: 3,
    description: "Au plus 750 000 € d'aides de minimis par entreprise fournissant un service d'intérêt économique général, sur toute période glissante de trois ans.",
    validFrom: '2024-01-01',
    validUntil: '2030-12-31',
  },
];

// ---------------------------------------------------------------------------
// Shorthands
// ---------------------------------------------------------------------------

/** Communes of the Communauté d'agglomération du Boulonnais, from the territory module's perimeter. */
const CAB_COMMUNES = [...communeNamesOf('CAB')];

const COMPANIES: LegalFormCode[] = ['SCOP', 'SCIC', 'COOPERATIVE', 'SARL', 'SAS', 'SA'];
const SIAE: AccreditationCode[] = ['SIAE_ACI', 'SIAE_AI', 'SIAE_EI', 'SIAE_ETTI'];

const NO_RULES: RulesSeed = {
  stages: [],
  legalForms: [],
  accreditations: [],
  publics: [],
  needTypes: [],
  employerRequired: false,
  minEmployees: null,
  maxEmployees: null,
  minAgeYears: null,
  maxAgeYears: null,
  minAmount: null,
  maxAmount: null,
  coFinancingRequired: false,
};

type CriteriaOptions = Partial<Omit<CriteriaSeed, 'label'>>;

function criteria(label: string, options: CriteriaOptions = {}): CriteriaSeed {
  const places = {
    communeNames: options.communeNames ?? [],
    intercommunalities: options.intercommunalities ?? [],
    departmentCodes: options.departmentCodes ?? [],
    regionCodes: options.regionCodes ?? [],
  };
  const anywhere = Object.values(places).every((list) => list.length === 0);
  return { ...NO_RULES, sectorCodes: [], ...options, label, ...places, wholeTerritory: options.wholeTerritory ?? anywhere };
}

type SchemeOptions = Partial<Omit<FundingSchemeSeed, 'name' | 'kind' | 'description' | 'eligibility' | 'minAmount' | 'maxAmount' | 'stages'>>;

function scheme(
  name: string,
  kind: FundingSchemeKindCode,
  description: string,
  eligibility: string,
  amounts: [min: number | null, max: number | null] = [null, null],
  stages: StageCode[] = [],
  options: SchemeOptions = {},
): FundingSchemeSeed {
  return {
    ...NO_RULES,
    shortName: null,
    guaranteeRate: null,
    decidingBody: '',
    calendar: '',
    typicalDelayDays: null,
    yearlyEnvelope: null,
    validFrom: null,
    validUntil: null,
    stateAidFrame: null,
    legalFrame: '',
    ...options,
    name,
    kind,
    description,
    eligibility,
    minAmount: amounts[0],
    maxAmount: amounts[1],
    stages,
  };
}

type PartnerOptions = Omit<PartnerSeed, 'roles' | 'represents' | 'currentName' | 'nameChangedYear'> & Partial<Pick<PartnerSeed, 'roles' | 'represents' | 'currentName' | 'nameChangedYear'>>;

function partner(p: PartnerOptions): PartnerSeed {
  return { ...p, currentName: p.currentName ?? null, nameChangedYear: p.nameChangedYear ?? null, roles: p.roles ?? [p.kind], represents: p.represents ?? [] };
}

// ---------------------------------------------------------------------------
// The partners of the call
// ---------------------------------------------------------------------------

export const DEMO_PARTNERS: PartnerSeed[] = [
  partner({
    slug: 'conseil-regional',
    name: 'Conseil régional Nord-Pas-de-Calais',
    shortName: 'Région',
    kind: 'FUNDER',
    description:
      "Collectivité chef de file du développement économique, la Région soutient la création et la consolidation des structures de l'économie sociale et solidaire dans le cadre de sa politique régionale de l'ESS.",
    website: null,
    email: 'conseil-regional@example.org',
    technicalCommittee: true,
    steeringBoard: false,
    constraints: [
      'Les aides sont votées en commission permanente : compter trois à quatre mois entre le dépôt et la décision.',
      "Pas de financement rétroactif : le dossier doit être déposé avant le démarrage de l'action.",
      'Un cofinancement par une autre collectivité ou un financeur solidaire est attendu.',
    ],
    needs: ["Des dossiers complets, préparés en amont avec une structure d'accompagnement.", 'Un suivi des emplois créés ou consolidés dans le Boulonnais grâce aux aides régionales.'],
    contributions: ['Cofinancement des projets examinés en comité technique.', "Accès aux dispositifs régionaux de l'ESS et à l'extranet régional."],
    criteria: [
      criteria("Projets de l'ESS créateurs ou consolidateurs d'emplois", { minAmount: 5_000, maxAmount: 100_000 }),
      criteria("Structures d'insertion par l'activité économique", { accreditations: SIAE }),
    ],
    fundingSchemes: [
      scheme(
        "Aide régionale au démarrage d'activités de l'ESS",
        'GRANT',
        "Subvention de démarrage pour les nouvelles structures de l'ESS et les nouvelles activités d'utilité sociale.",
        "Structure de l'ESS ayant son siège dans la région ; plan de financement sur trois ans ; création d'au moins un emploi.",
        [5_000, 30_000],
        ['CREATION'],
      ),
      scheme(
        'Aide régionale à la consolidation des emplois associatifs',
        'GRANT',
        "Aide dégressive sur trois ans pour pérenniser les emplois d'une association dont le modèle économique est fragile.",
        "Association employeuse ; diagnostic préalable (dispositif local d'accompagnement ou équivalent) ; plan de consolidation.",
        [10_000, 45_000],
        ['DEVELOPMENT', 'CONSOLIDATION'],
      ),
    ],
  }),
  partner({
    slug: 'direccte',
    name: 'Direccte Nord-Pas-de-Calais – unité territoriale du Pas-de-Calais',
    shortName: 'Direccte',
    kind: 'FUNDER',
    description: "Service de l'État chargé du travail et de l'emploi : conventionne et finance les structures d'insertion par l'activité économique et co-pilote le dispositif local d'accompagnement.",
    website: null,
    email: 'direccte@example.org',
    technicalCommittee: true,
    steeringBoard: false,
    constraints: [
      "Le conventionnement des SIAE passe par le conseil départemental de l'insertion par l'activité économique (CDIAE).",
      "Les enveloppes sont annuelles et arbitrées en début d'exercice.",
      'Les salariés en insertion doivent être agréés par Pôle emploi.',
    ],
    needs: ["Une vision partagée des besoins en postes d'insertion du Boulonnais avant le dialogue de gestion annuel.", "Des bilans d'activité homogènes entre structures d'insertion."],
    contributions: ["Conventionnement et aides au poste des structures d'insertion.", "Mobilisation du Fonds départemental d'insertion.", "Co-pilotage du dispositif local d'accompagnement."],
    criteria: [
      criteria("Structures d'insertion conventionnées ou en projet de conventionnement", {
        accreditations: SIAE,
      }),
      criteria("Employeurs de l'ESS en développement ou en consolidation", { stages: ['DEVELOPMENT', 'CONSOLIDATION'] }),
    ],
    fundingSchemes: [
      scheme(
        "Aide au poste d'insertion",
        'GRANT',
        "Aide annuelle versée pour chaque poste à temps plein occupé par un salarié en parcours d'insertion.",
        "Structure d'insertion conventionnée par l'État ; salariés agréés par Pôle emploi ; montant fixé par poste.",
        [null, 10_000],
      ),
      scheme(
        "Fonds départemental d'insertion",
        'GRANT',
        "Aide au démarrage, au développement ou à la consolidation des structures d'insertion par l'activité économique.",
        "Structure d'insertion conventionnée ou en cours de conventionnement ; projet présenté en CDIAE.",
        [5_000, 50_000],
      ),
      scheme(
        "Dispositif local d'accompagnement (DLA)",
        'SUPPORT_PROGRAMME',
        "Diagnostic et accompagnement par des consultants, pris en charge, pour consolider l'activité et les emplois des structures d'utilité sociale.",
        "Association, coopérative ou structure d'insertion employant au moins un salarié.",
        [null, null],
        ['DEVELOPMENT', 'CONSOLIDATION'],
      ),
    ],
  }),
  partner({
    slug: 'conseil-general-62',
    name: 'Conseil général du Pas-de-Calais',
    shortName: 'CG 62',
    kind: 'FUNDER',
    description: "Chef de file de l'action sociale et de l'insertion des allocataires du RSA, le Département finance les actions d'insertion et les structures sociales et médico-sociales.",
    website: null,
    email: 'conseil-general-62@example.org',
    technicalCommittee: true,
    steeringBoard: false,
    constraints: [
      "Les financements relèvent du programme départemental d'insertion et de ses appels à projets.",
      'Priorité aux actions en faveur des allocataires du RSA.',
      'Décisions en commission permanente, selon un calendrier annuel.',
    ],
    needs: ['Un repérage des projets avant la publication des appels à projets.', 'Des retours sur les parcours des allocataires du RSA accompagnés.'],
    contributions: ["Cofinancement de l'encadrement et de l'accompagnement dans les chantiers d'insertion.", "Expertise des services territoriaux d'action sociale du Boulonnais."],
    criteria: [
      criteria('Insertion des allocataires du RSA', { accreditations: SIAE }),
      criteria('Action sociale et médico-sociale', {
        sectorCodes: ['action-sociale-sante', 'services-a-la-personne'],
        legalForms: ['ASSOCIATION', 'FOUNDATION', 'MUTUAL_HEALTH', 'SCIC'],
      }),
    ],
    fundingSchemes: [
      scheme(
        "Soutien aux ateliers et chantiers d'insertion",
        'GRANT',
        "Participation au financement de l'encadrement et de l'accompagnement des salariés en insertion allocataires du RSA.",
        "Atelier et chantier d'insertion conventionné accueillant des allocataires du RSA.",
        [10_000, 80_000],
      ),
      scheme(
        "Aide aux projets d'action sociale de proximité",
        'GRANT',
        'Subvention de projet pour des actions de proximité au bénéfice des publics fragiles.',
        'Association du champ social ou médico-social intervenant dans le Pas-de-Calais.',
        [2_000, 20_000],
      ),
    ],
  }),
  partner({
    slug: 'inseraction-62',
    name: 'Inséraction 62',
    shortName: null,
    kind: 'EXPERT',
    description: "Structure départementale d'appui à l'insertion par l'activité économique dans le Pas-de-Calais : ingénierie de projets, conseil aux structures et professionnalisation des équipes.",
    website: null,
    email: 'inseraction-62@example.org',
    technicalCommittee: true,
    steeringBoard: false,
    constraints: ["Intervient uniquement auprès des structures d'insertion et des porteurs de projets d'insertion.", 'Équipe réduite : les accompagnements sont planifiés par trimestre.'],
    needs: ["Être associée dès l'émergence des projets d'insertion du Boulonnais.", 'Connaître les marchés publics à clauses sociales du territoire.'],
    contributions: ["Ingénierie des projets de création de structures d'insertion.", "Diagnostic des besoins en postes d'insertion.", 'Échanges de pratiques entre encadrants techniques.'],
    criteria: [
      criteria("Création et développement de structures d'insertion", {
        accreditations: SIAE,
        stages: ['CREATION', 'DEVELOPMENT'],
      }),
    ],
    fundingSchemes: [
      scheme(
        "Accompagnement à la création de structures d'insertion",
        'SUPPORT_PROGRAMME',
        "Appui au montage du projet : étude des besoins, choix du support d'activité, dossier de conventionnement.",
        "Porteur d'un projet de chantier d'insertion, d'entreprise d'insertion ou d'association intermédiaire dans le Pas-de-Calais.",
        [null, null],
        ['CREATION'],
      ),
    ],
  }),
  partner({
    slug: 'apes',
    name: 'APES – Acteurs pour une économie solidaire',
    shortName: 'APES',
    kind: 'EXPERT',
    description: "Réseau régional des acteurs de l'économie solidaire du Nord-Pas-de-Calais : accompagnement des initiatives, animation territoriale et promotion des pratiques solidaires.",
    website: null,
    email: 'apes@example.org',
    technicalCommittee: true,
    steeringBoard: false,
    constraints: [
      "Accompagne les projets qui portent les valeurs de l'économie solidaire : gouvernance démocratique, utilité sociale, ancrage local.",
      'Quelques accompagnements seulement par an sur le littoral.',
    ],
    needs: ['Un relais local pour repérer les initiatives citoyennes.', 'Une mise en relation avec les financeurs solidaires du comité.'],
    contributions: [
      'Accompagnement méthodologique des porteurs de projets solidaires.',
      "Mise en réseau avec les acteurs régionaux de l'économie solidaire.",
      'Formation des bénévoles et des dirigeants associatifs.',
    ],
    criteria: [
      criteria("Initiatives d'économie solidaire", {
        stages: ['CREATION', 'DEVELOPMENT'],
        legalForms: ['ASSOCIATION', 'SCOP', 'SCIC', 'COOPERATIVE'],
      }),
    ],
    fundingSchemes: [
      scheme(
        'Accompagnement des initiatives solidaires',
        'SUPPORT_PROGRAMME',
        'Rendez-vous réguliers avec un accompagnateur, ateliers collectifs et mise en relation avec le réseau régional.',
        "Collectif ou structure porteur d'un projet d'économie solidaire dans la région.",
        [null, null],
        ['CREATION', 'DEVELOPMENT'],
      ),
    ],
  }),
  partner({
    slug: 'cigales-nord-pas-de-calais',
    name: 'Association des Cigales du Nord et du Pas-de-Calais',
    shortName: 'Cigales',
    kind: 'FUNDER',
    description:
      "Fédère les clubs d'investisseurs pour une gestion alternative et locale de l'épargne solidaire (Cigales) et représente au comité technique le pôle de la finance solidaire : NEF, Autonomie et Solidarité, La Caisse Solidaire.",
    website: null,
    email: 'cigales@example.org',
    technicalCommittee: true,
    steeringBoard: false,
    constraints: [
      'Les clubs investissent au capital de sociétés (SCOP, SCIC, SARL, SAS), jamais dans des associations.',
      'Participation minoritaire et temporaire, avec une sortie prévue au bout de cinq ans environ.',
      'Chaque club décide collectivement après avoir rencontré les porteurs.',
    ],
    needs: ["Des présentations de projets préparées en amont par les structures d'accompagnement.", 'De nouveaux épargnants pour créer des clubs dans le Boulonnais.'],
    contributions: ['Apports en capital et suivi bénévole des entreprises financées.', 'Représentation du pôle de la finance solidaire au comité technique.'],
    criteria: [
      criteria("Entreprises de l'ESS en création ou en développement", {
        stages: ['CREATION', 'DEVELOPMENT'],
        legalForms: COMPANIES,
        minAmount: 1_000,
        maxAmount: 15_000,
      }),
    ],
    fundingSchemes: [
      scheme(
        "Apport en capital d'un club Cigales",
        'EQUITY',
        "Prise de participation minoritaire d'un ou de plusieurs clubs au capital de l'entreprise, avec un suivi bénévole.",
        'Société commerciale ou coopérative exerçant dans la région ; projet présenté devant le club.',
        [1_000, 15_000],
        ['CREATION', 'DEVELOPMENT'],
      ),
    ],
  }),
  partner({
    slug: 'nef',
    name: 'NEF – Nouvelle économie fraternelle',
    shortName: 'NEF',
    kind: 'FUNDER',
    description: 'Coopérative de finances solidaires : collecte une épargne éthique et la prête à des projets écologiques, sociaux et culturels.',
    website: null,
    email: 'nef@example.org',
    technicalCommittee: false,
    steeringBoard: false,
    constraints: ['Étude financière complète : le projet doit démontrer sa capacité de remboursement.', "Représentée au comité technique par l'Association des Cigales."],
    needs: ['Des projets arrivant avec un plan de financement réaliste.', 'Une information sur les garanties mobilisables localement.'],
    contributions: ["Prêts solidaires aux structures de l'ESS.", 'Publication des projets financés, utile à la communication de la plate-forme.'],
    criteria: [criteria('Projets écologiques, sociaux et culturels', { minAmount: 10_000, maxAmount: 300_000 })],
    fundingSchemes: [
      scheme(
        'Prêt solidaire',
        'LOAN',
        "Prêt professionnel à taux modéré, financé par l'épargne solidaire des sociétaires.",
        'Association, coopérative ou entreprise au projet écologique, social ou culturel ; capacité de remboursement démontrée.',
        [10_000, 300_000],
      ),
    ],
  }),
  partner({
    slug: 'autonomie-et-solidarite',
    name: 'Autonomie et Solidarité',
    shortName: null,
    kind: 'FUNDER',
    description: "Société coopérative de capital-risque solidaire : investit l'épargne de ses sociétaires dans des entreprises créatrices d'emplois de la région.",
    website: null,
    email: 'autonomie-et-solidarite@example.org',
    technicalCommittee: false,
    steeringBoard: false,
    constraints: [
      'Intervient dans des sociétés commerciales ou coopératives, pas dans des associations.',
      "Les emplois créés ou maintenus sont le premier critère d'engagement.",
      "Représentée au comité technique par l'Association des Cigales.",
    ],
    needs: ['Un repérage précoce des entreprises en développement.', 'Des cofinancements bancaires identifiés.'],
    contributions: ['Apports en fonds propres et en quasi-fonds propres.', 'Accompagnement des dirigeants par des bénévoles expérimentés.'],
    criteria: [criteria("Entreprises créatrices d'emplois", { legalForms: COMPANIES, minAmount: 5_000, maxAmount: 80_000 })],
    fundingSchemes: [
      scheme(
        'Prise de participation au capital',
        'EQUITY',
        "Entrée minoritaire au capital pour renforcer les fonds propres de l'entreprise.",
        "Société commerciale ou coopérative de la région ; création ou maintien d'emplois.",
        [5_000, 80_000],
        ['CREATION', 'DEVELOPMENT'],
      ),
      scheme(
        'Prêt participatif',
        'LOAN',
        'Prêt de long terme assimilé à des fonds propres, remboursable après un différé.',
        'Entreprise ayant au moins un exercice clos et un plan de développement.',
        [5_000, 50_000],
        ['DEVELOPMENT', 'CONSOLIDATION'],
      ),
    ],
  }),
  partner({
    slug: 'caisse-solidaire',
    name: 'La Caisse Solidaire',
    shortName: null,
    kind: 'FUNDER',
    description: "Établissement de crédit solidaire régional : finance des entreprises et des associations créatrices d'emplois grâce à l'épargne solidaire collectée dans la région.",
    website: null,
    email: 'caisse-solidaire@example.org',
    technicalCommittee: false,
    steeringBoard: false,
    constraints: [
      "Financements adossés à une création ou à un maintien d'emplois.",
      'Partage du risque recherché avec une banque ou un fonds de garantie.',
      "Représentée au comité technique par l'Association des Cigales.",
    ],
    needs: ['Des dossiers orientés tôt, avant les demandes de prêt bancaire classiques.'],
    contributions: ["Prêts aux entreprises et aux associations de l'ESS.", 'Garanties de prêts bancaires en partenariat.'],
    criteria: [criteria("Entreprises et associations créatrices d'emplois", { minAmount: 5_000, maxAmount: 150_000 })],
    fundingSchemes: [
      scheme(
        'Prêt solidaire aux structures employeuses',
        'LOAN',
        "Prêt d'investissement ou de fonds de roulement pour créer ou maintenir des emplois.",
        'Entreprise ou association de la région créant ou maintenant au moins un emploi.',
        [5_000, 150_000],
      ),
      scheme(
        'Garantie de prêt bancaire',
        'GUARANTEE',
        "Garantie d'une partie d'un prêt accordé par une banque partenaire, pour faciliter l'accès au crédit.",
        "Structure de l'ESS dont le prêt bancaire est en cours d'instruction ; quotité garantie jusqu'à 50 %.",
        [5_000, 75_000],
      ),
    ],
  }),
  partner({
    slug: 'uriae',
    name: 'URIAE Nord-Pas-de-Calais',
    shortName: 'URIAE',
    kind: 'EXPERT',
    description: "Union régionale des structures d'insertion par l'activité économique : représentation, appui-conseil et professionnalisation des structures d'insertion.",
    website: null,
    email: 'uriae@example.org',
    technicalCommittee: true,
    steeringBoard: false,
    constraints: ["Intervient auprès des structures d'insertion, adhérentes ou non.", 'Les accompagnements longs sont réservés aux structures en difficulté.'],
    needs: ["Une alerte précoce quand une structure d'insertion du Boulonnais fragilise ses emplois.", "Des données locales sur les sorties vers l'emploi."],
    contributions: ["Appui-conseil aux dirigeants des structures d'insertion.", "Représentation des structures d'insertion auprès des financeurs."],
    criteria: [criteria("Structures d'insertion par l'activité économique", { accreditations: SIAE })],
    fundingSchemes: [
      scheme(
        "Appui-conseil aux structures d'insertion",
        'SUPPORT_PROGRAMME',
        'Diagnostic de la structure, plan de redressement ou de développement, suivi de sa mise en œuvre.',
        "Structure d'insertion conventionnée de la région.",
      ),
    ],
  }),
  partner({
    slug: 'cress',
    name: 'CRESS Nord-Pas-de-Calais',
    shortName: 'CRESS',
    kind: 'SSE_REPRESENTATIVE',
    description: "Chambre régionale de l'économie sociale et solidaire : représentation des entreprises de l'ESS, observatoire régional et promotion du secteur.",
    website: null,
    email: 'chambre-regionale-ess@example.org',
    technicalCommittee: true,
    steeringBoard: true,
    constraints: ['Ne finance pas directement les projets.', "Intervient à l'échelle régionale, avec peu de présence locale."],
    needs: ["Des données locales fiables pour l'observatoire régional.", "Des témoignages de structures du Boulonnais pour le mois de l'ESS."],
    contributions: ["Données de l'observatoire régional de l'ESS pour le feuillet annuel.", "Promotion de l'ESS et organisation d'événements."],
    criteria: [criteria("Toutes les structures de l'ESS")],
    fundingSchemes: [],
  }),
  partner({
    slug: 'urscop',
    name: 'URSCOP Nord-Pas-de-Calais Picardie',
    shortName: 'URSCOP',
    kind: 'EXPERT',
    description: 'Union régionale des sociétés coopératives et participatives : accompagne la création, la transmission et le développement des SCOP et des SCIC.',
    website: null,
    email: 'urscop@example.org',
    technicalCommittee: true,
    steeringBoard: false,
    constraints: ['Accompagne uniquement des projets en SCOP ou en SCIC : création, transformation ou reprise par les salariés.', 'Adhésion au mouvement coopératif demandée après la création.'],
    needs: ['Être informée des entreprises du Boulonnais dont le dirigeant part à la retraite sans repreneur.', 'Des porteurs sensibilisés au modèle coopératif avant le premier rendez-vous.'],
    contributions: ['Accompagnement juridique et économique des projets coopératifs.', 'Mobilisation des outils financiers du mouvement coopératif.'],
    criteria: [criteria('Sociétés coopératives (SCOP et SCIC)', { legalForms: ['SCOP', 'SCIC'] })],
    fundingSchemes: [
      scheme(
        'Accompagnement à la création et à la reprise en coopérative',
        'SUPPORT_PROGRAMME',
        'Étude de faisabilité, rédaction des statuts, formation des associés et suivi pendant les premières années.',
        "Projet de création, de transformation ou de reprise d'entreprise en SCOP ou en SCIC.",
      ),
      scheme(
        'Prêt participatif du mouvement coopératif',
        'LOAN',
        'Prêt sans garantie personnelle, qui renforce les fonds propres et facilite le prêt bancaire.',
        'SCOP ou SCIC adhérente au mouvement coopératif.',
        [5_000, 100_000],
      ),
    ],
  }),
  partner({
    slug: 'chantier-ecole',
    name: 'Chantier École Nord-Pas-de-Calais',
    shortName: 'Chantier École',
    kind: 'EXPERT',
    description: "Réseau régional des entreprises sociales apprenantes : professionnalisation des ateliers et chantiers d'insertion, formation des encadrants et des salariés en parcours.",
    website: null,
    email: 'chantier-ecole@example.org',
    technicalCommittee: true,
    steeringBoard: false,
    constraints: ["Intervient auprès des ateliers et chantiers d'insertion.", 'Les formations sont organisées à Lille ou en inter-structures sur le littoral.'],
    needs: ['Un recensement des besoins de formation des encadrants du Boulonnais.', 'Des lieux de formation sur le territoire.'],
    contributions: ['Formation des encadrants techniques et des accompagnateurs socioprofessionnels.', 'Outils pédagogiques pour les salariés en parcours.'],
    criteria: [criteria("Ateliers et chantiers d'insertion", { accreditations: ['SIAE_ACI'] })],
    fundingSchemes: [
      scheme(
        "Formation des encadrants techniques d'insertion",
        'SUPPORT_PROGRAMME',
        'Parcours de formation qualifiant pour les encadrants et les accompagnateurs des chantiers.',
        "Salarié permanent d'un atelier et chantier d'insertion.",
      ),
    ],
  }),
  partner({
    slug: 'boulogne-developpement',
    name: "Boulogne Développement Côte d'Opale",
    shortName: 'BDCO',
    kind: 'TECHNICAL_PARTNER',
    description: "Agence d'urbanisme et de développement économique du Boulonnais : accueil des porteurs de projets, immobilier d'entreprise et observation économique du territoire.",
    website: null,
    email: 'boulogne-developpement@example.org',
    technicalCommittee: false,
    steeringBoard: true,
    constraints: ["Intervient sur le territoire de la Communauté d'agglomération du Boulonnais.", "N'octroie pas d'aides financières directes."],
    needs: ["Une meilleure connaissance des besoins immobiliers des structures de l'ESS."],
    contributions: ['Accueil et orientation des porteurs de projets.', "Recherche de locaux et de terrains d'activité.", 'Études et données économiques sur le Boulonnais.'],
    criteria: [criteria("Projets implantés dans l'agglomération boulonnaise", { communeNames: CAB_COMMUNES })],
    fundingSchemes: [
      scheme(
        'Accueil et orientation des porteurs de projets',
        'SUPPORT_PROGRAMME',
        "Premier rendez-vous, recherche de locaux et mise en relation avec les partenaires de la création d'entreprise.",
        "Porteur de projet ou entreprise s'implantant dans l'agglomération boulonnaise.",
      ),
    ],
  }),
  partner({
    slug: 'couveuse',
    name: "Couveuse d'entreprises à l'essai du Boulonnais",
    shortName: 'Couveuse',
    kind: 'TECHNICAL_PARTNER',
    description:
      "Permet de tester une activité en grandeur réelle avant de créer son entreprise, grâce à un contrat d'appui au projet d'entreprise, à un hébergement juridique et à un accompagnement.",
    website: null,
    email: 'couveuse@example.org',
    technicalCommittee: false,
    steeringBoard: false,
    constraints: ['Test limité à douze mois, renouvelable deux fois.', 'Activités sans investissement lourd ni salarié pendant le test.'],
    needs: ["Des débouchés pour les entrepreneurs à l'essai auprès des structures de l'ESS."],
    contributions: ["Test d'activité sécurisé pour les porteurs de projets.", 'Ateliers de gestion et de commercialisation.'],
    criteria: [criteria('Porteurs de projets en phase de test', { stages: ['CREATION'] })],
    fundingSchemes: [
      scheme(
        "Test d'activité en couveuse",
        'SUPPORT_PROGRAMME',
        "Hébergement juridique de l'activité, accompagnement individuel et formation à la gestion pendant le test.",
        "Porteur de projet demandeur d'emploi ou allocataire de minima sociaux, dont l'activité peut être testée sans investissement lourd.",
        [null, null],
        ['CREATION'],
      ),
    ],
  }),
  partner({
    slug: 'amorcage-projets',
    name: "Service d'amorçage de projets du Boulonnais",
    shortName: null,
    kind: 'TECHNICAL_PARTNER',
    description: "Aide les porteurs à transformer une idée en projet : étude d'opportunité, premières démarches et orientation vers les bons partenaires.",
    website: null,
    email: 'amorcage@example.org',
    technicalCommittee: false,
    steeringBoard: false,
    constraints: ['Intervient en amont de la création, avant toute demande de financement.'],
    needs: ['Des retours des partenaires sur les projets orientés.', 'Une place dans le circuit de captage des projets.'],
    contributions: ["Accueil des idées de projets et étude d'opportunité.", 'Orientation vers les experts et les financeurs de la plate-forme.'],
    criteria: [criteria('Idées et projets en émergence', { stages: ['CREATION'] })],
    fundingSchemes: [
      scheme(
        "Accompagnement à l'émergence de projets",
        'SUPPORT_PROGRAMME',
        "Entretiens individuels et ateliers collectifs pour vérifier l'opportunité d'un projet et le formaliser.",
        "Personne ou collectif porteur d'une idée d'activité dans le Boulonnais.",
        [null, null],
        ['CREATION'],
      ),
    ],
  }),
  partner({
    slug: 'pepinieres',
    name: "Pépinières d'entreprises du Boulonnais",
    shortName: 'Pépinières',
    kind: 'TECHNICAL_PARTNER',
    description: "Hébergement de jeunes entreprises à loyers progressifs, services partagés et suivi par un chargé d'affaires pendant les premières années.",
    website: null,
    email: 'pepinieres@example.org',
    technicalCommittee: false,
    steeringBoard: false,
    constraints: ['Hébergement réservé aux entreprises de moins de trois ans.', 'Durée de séjour limitée à quatre ans.'],
    needs: ["Des candidatures d'entreprises de l'ESS, encore rares en pépinière."],
    contributions: ['Bureaux et ateliers à loyers modérés.', 'Services partagés et suivi des jeunes entreprises.'],
    criteria: [criteria('Jeunes entreprises hébergées', { stages: ['CREATION', 'DEVELOPMENT'], legalForms: COMPANIES })],
    fundingSchemes: [
      scheme(
        'Hébergement en pépinière',
        'SUPPORT_PROGRAMME',
        "Bureau ou atelier à loyer progressif, services mutualisés et rendez-vous de suivi avec un chargé d'affaires.",
        "Entreprise de moins de trois ans dont le projet a été validé par le comité d'agrément de la pépinière.",
        [null, null],
        ['CREATION', 'DEVELOPMENT'],
      ),
    ],
  }),
  partner({
    slug: 'mef-boulonnais',
    name: "Maison de l'Emploi et de la Formation du Boulonnais",
    shortName: 'MEF',
    kind: 'HOST',
    description:
      "Structure porteuse de la plate-forme ESS du Boulonnais : animation du comité technique et de l'instance de pilotage, secrétariat des séances et observation de l'emploi avec l'Observatoire Social et Territorial du Boulonnais.",
    website: null,
    email: 'mef@example.org',
    technicalCommittee: true,
    steeringBoard: true,
    constraints: [
      "N'instruit pas les demandes de financement : chaque partenaire reste maître de ses décisions.",
      "Moyens d'animation financés dans le cadre du volet ESS du Plan local de développement économique.",
    ],
    needs: ['Que chaque partenaire signale les demandes reçues pour un examen collectif.', 'Une participation régulière des partenaires aux séances.'],
    contributions: [
      'Animation de la plate-forme et secrétariat des comités.',
      'Démarche pro-active par filière et hiérarchisation des prises de contact.',
      'Lien avec la Plate-forme Emploi Mutations Économiques.',
    ],
    criteria: [criteria("Toutes les structures de l'ESS du territoire")],
    fundingSchemes: [
      scheme(
        "Appui ressources humaines aux structures de l'ESS",
        'SUPPORT_PROGRAMME',
        'Conseil en recrutement, en gestion des compétences et en formation des salariés.',
        "Structure de l'ESS du Boulonnais, employeuse ou en projet de recrutement.",
      ),
    ],
  }),
  // Partners beyond the names of the call: honour loans, guarantees, and the steering board's bank, foundation and mutual.
  partner({
    slug: 'initiative-boulonnais',
    name: "Plate-forme d'initiative locale du Boulonnais",
    shortName: null,
    kind: 'FUNDER',
    description: "Accorde des prêts d'honneur aux créateurs et repreneurs d'entreprise du Boulonnais et les parraine pendant leurs premières années.",
    website: null,
    email: 'initiative-boulonnais@example.org',
    technicalCommittee: false,
    steeringBoard: false,
    constraints: ['Le prêt est personnel et doit être associé à un prêt bancaire.', "Projet présenté devant un comité d'agrément mensuel."],
    needs: ["Des projets de l'ESS orientés vers le comité d'agrément."],
    contributions: ["Prêts d'honneur et parrainage par des chefs d'entreprise bénévoles."],
    criteria: [
      criteria("Créateurs et repreneurs d'entreprise", {
        stages: ['CREATION'],
        legalForms: COMPANIES,
        minAmount: 1_500,
        maxAmount: 15_000,
      }),
    ],
    fundingSchemes: [
      scheme(
        "Prêt d'honneur à la création",
        'HONOUR_LOAN',
        "Prêt personnel sans intérêt ni garantie au créateur, qui facilite l'obtention d'un prêt bancaire.",
        "Créateur ou repreneur d'une entreprise implantée dans le Boulonnais ; prêt bancaire associé.",
        [1_500, 15_000],
        ['CREATION'],
      ),
    ],
  }),
  partner({
    slug: 'fonds-garantie-solidaire',
    name: 'Fonds territorial de garantie solidaire du Pas-de-Calais',
    shortName: 'Fonds de garantie solidaire',
    kind: 'FUNDER',
    description: 'Garantit les prêts bancaires des entreprises solidaires et apporte des quasi-fonds propres aux associations employeuses.',
    website: null,
    email: 'garantie-solidaire@example.org',
    technicalCommittee: false,
    steeringBoard: false,
    constraints: ["Intervient toujours en complément d'un prêt bancaire ou d'un autre financeur."],
    needs: ['Des demandes transmises avant la décision de la banque.'],
    contributions: ['Garanties de prêts bancaires.', 'Apports associatifs remboursables pour renforcer le fonds de roulement.'],
    criteria: [criteria('Entreprises solidaires et associations employeuses', { minAmount: 5_000, maxAmount: 100_000 })],
    fundingSchemes: [
      scheme(
        'Garantie de prêt bancaire solidaire',
        'GUARANTEE',
        "Garantie d'une partie du prêt bancaire, qui limite la caution personnelle des dirigeants.",
        "Entreprise solidaire ou structure d'insertion dont le prêt bancaire est accordé sous réserve de garantie.",
        [5_000, 45_000],
      ),
      scheme(
        "Contrat d'apport associatif",
        'LOAN',
        'Apport sans intérêt, remboursable en cinq ans, pour renforcer le fonds de roulement des associations employeuses.',
        'Association employeuse dont le projet de développement ou de consolidation est validé.',
        [5_000, 30_000],
        ['DEVELOPMENT', 'CONSOLIDATION'],
      ),
    ],
  }),
  partner({
    slug: 'banque-cooperative-littoral',
    name: "Banque coopérative du littoral – centre d'affaires de Boulogne-sur-Mer",
    shortName: 'Banque coopérative',
    kind: 'FUNDER',
    description: "Banque coopérative présente sur la Côte d'Opale : comptes, crédits et placements des associations, coopératives et entreprises de l'ESS.",
    website: null,
    email: 'banque-cooperative@example.org',
    technicalCommittee: false,
    steeringBoard: true,
    constraints: ['Décision de crédit selon les règles prudentielles bancaires.', 'Garantie ou cofinancement solidaire souvent demandé pour les structures jeunes.'],
    needs: ['Des plans de financement consolidés avec les financeurs solidaires.'],
    contributions: ["Prêts bancaires aux structures de l'ESS.", 'Avances sur subventions pour les besoins de trésorerie.', "Témoignage du secteur bancaire à l'instance de pilotage."],
    criteria: [criteria("Associations, coopératives et entreprises de l'ESS", { minAmount: 3_000, maxAmount: 500_000 })],
    fundingSchemes: [
      scheme(
        "Prêt bancaire aux structures de l'ESS",
        'LOAN',
        "Prêt d'investissement ou de développement à taux de marché.",
        'Structure ayant au moins un exercice clos, ou projet accompagné par un financeur solidaire.',
        [5_000, 500_000],
      ),
      scheme(
        'Avance sur subventions',
        'LOAN',
        'Mobilisation des subventions notifiées pour couvrir les besoins de trésorerie en attendant leur versement.',
        "Structure titulaire d'une convention de subvention notifiée.",
        [3_000, 200_000],
      ),
    ],
  }),
  partner({
    slug: 'fondation-solidarite-cote-opale',
    name: "Fondation Solidarité Côte d'Opale",
    shortName: null,
    kind: 'FUNDER',
    description: "Fondation territoriale qui soutient, par un appel à projets annuel, des initiatives solidaires sur le littoral et dans l'arrière-pays.",
    website: null,
    email: 'fondation-cote-opale@example.org',
    technicalCommittee: false,
    steeringBoard: true,
    constraints: ['Un appel à projets par an, clos au printemps.', 'Pas de financement du fonctionnement courant.'],
    needs: ['Des projets innovants repérés par la plate-forme.'],
    contributions: ["Subventions d'investissement et de démarrage.", "Regard des fondations à l'instance de pilotage."],
    criteria: [
      criteria("Initiatives d'intérêt général", {
        legalForms: ['ASSOCIATION', 'FOUNDATION', 'SCIC'],
        minAmount: 2_000,
        maxAmount: 15_000,
      }),
    ],
    fundingSchemes: [
      scheme(
        'Appel à projets « Initiatives solidaires »',
        'GRANT',
        "Subvention d'investissement ou de démarrage pour un projet d'intérêt général.",
        "Organisme d'intérêt général du Boulonnais ; projet nouveau, cofinancé.",
        [2_000, 15_000],
        ['CREATION', 'DEVELOPMENT'],
      ),
    ],
  }),
  partner({
    slug: 'mutuelle-assurance-ess',
    name: "Mutuelle d'assurance de l'économie sociale – délégation du littoral",
    shortName: "Mutuelle d'assurance",
    kind: 'SSE_REPRESENTATIVE',
    description: "Mutuelle d'assurance des associations et des coopératives : témoin de l'ESS à l'instance de pilotage et conseil en prévention des risques.",
    website: null,
    email: 'mutuelle-assurance@example.org',
    technicalCommittee: false,
    steeringBoard: true,
    constraints: ['Ne finance pas de projets.'],
    needs: ['Faire connaître le modèle mutualiste aux porteurs de projets.'],
    contributions: ['Conseil en assurance et en prévention des risques des structures.', "Témoignage d'une mutuelle à l'instance de pilotage."],
    criteria: [criteria("Associations et coopératives de l'ESS", { legalForms: ['ASSOCIATION', 'SCOP', 'SCIC', 'COOPERATIVE'] })],
    fundingSchemes: [],
  }),
];

// ---------------------------------------------------------------------------
// Generated partners (benchmarks)
// ---------------------------------------------------------------------------

const ALL_STAGES: StageCode[] = ['CREATION', 'DEVELOPMENT', 'CONSOLIDATION'];
const GENERATED_KINDS: readonly (readonly [PartnerKindCode, number])[] = [
  ['FUNDER', 35],
  ['EXPERT', 30],
  ['TECHNICAL_PARTNER', 20],
  ['SSE_REPRESENTATIVE', 15],
];

const NAME_HEADS: Record<Exclude<PartnerKindCode, 'HOST'>, string[]> = {
  FUNDER: ['Fonds solidaire', "Club d'investisseurs solidaires", 'Fonds de dotation', 'Caisse locale de crédit solidaire', 'Fondation', "Fonds d'avances remboursables", 'Comité de prêts solidaires'],
  EXPERT: [
    "Réseau d'accompagnement",
    'Union locale des associations',
    'Coopérative de conseil',
    "Groupement d'employeurs",
    'Centre de ressources de la vie associative',
    'Collectif des acteurs solidaires',
  ],
  TECHNICAL_PARTNER: ['Incubateur solidaire', "Couveuse d'activités", "Pépinière d'entreprises", 'Espace de travail partagé', 'Atelier de fabrication numérique', 'Bureau de gestion partagée'],
  SSE_REPRESENTATIVE: ['Mutuelle', 'Banque coopérative – agence', "Collectif d'associations", 'Union des coopératives', 'Amicale des bénévoles'],
};

const DESCRIPTIONS: Record<Exclude<PartnerKindCode, 'HOST'>, string[]> = {
  FUNDER: ['Finance des projets solidaires du territoire par des prêts, des garanties ou des subventions.', "Mobilise l'épargne locale au service des structures de l'ESS."],
  EXPERT: ["Accompagne les structures de l'ESS sur leur gestion, leur gouvernance et leurs ressources humaines.", 'Apporte son expertise aux porteurs de projets et aux dirigeants bénévoles.'],
  TECHNICAL_PARTNER: ['Héberge et accompagne les porteurs de projets pendant leurs premières années.', 'Met à disposition des locaux, des équipements et des services partagés.'],
  SSE_REPRESENTATIVE: ["Témoigne pour les acteurs de l'ESS et relaie leurs besoins auprès des partenaires.", 'Représente ses adhérents et partage son expérience de terrain.'],
};

const CONSTRAINTS = [
  "Intervient après examen du dossier par son conseil d'administration.",
  "Budget annuel limité : les demandes sont traitées par ordre d'arrivée.",
  'Ne finance pas le fonctionnement courant.',
  'Exige un cofinancement par un autre partenaire.',
  'Délai de décision de deux à trois mois.',
  'Réservé aux structures ayant leur siège dans le Boulonnais.',
];

const NEEDS = [
  'Des dossiers complets et préparés en amont.',
  "Un calendrier des comités connu à l'avance.",
  'Des retours sur les projets orientés vers la plate-forme.',
  'Une meilleure visibilité auprès des porteurs de projets.',
  'Des données sur les filières du territoire.',
];

const CONTRIBUTIONS = [
  'Participation aux séances du comité technique.',
  'Expertise sur les projets examinés collectivement.',
  'Relais des appels à projets auprès de son réseau.',
  'Mise à disposition de salles de réunion.',
  'Orientation de porteurs de projets vers la plate-forme.',
];

const SCHEME_NAMES: Record<FundingSchemeKindCode, string[]> = {
  GRANT: ["Subvention d'amorçage", 'Aide au démarrage', "Aide à l'investissement solidaire", 'Appel à projets « Initiatives locales »'],
  LOAN: ['Prêt solidaire', 'Prêt de trésorerie', 'Avance remboursable'],
  HONOUR_LOAN: ["Prêt d'honneur"],
  GUARANTEE: ['Garantie de prêt'],
  QUASI_EQUITY: ['Prêt participatif', "Contrat d'apport associatif", 'Titres participatifs'],
  EQUITY: ['Apport en fonds propres', 'Souscription de parts sociales'],
  SUPPORT_PROGRAMME: ['Accompagnement individuel', 'Parcours collectif de formation', 'Diagnostic partagé'],
};

const SCHEME_DESCRIPTIONS: Record<FundingSchemeKindCode, string> = {
  GRANT: "Subvention pour le démarrage ou l'investissement d'un projet d'utilité sociale.",
  LOAN: 'Prêt à taux modéré remboursable sur trois à sept ans.',
  HONOUR_LOAN: 'Prêt personnel sans intérêt ni garantie accordé au porteur du projet.',
  GUARANTEE: "Garantie d'une partie d'un prêt bancaire.",
  QUASI_EQUITY: 'Quasi-fonds propres de long terme, sans garantie personnelle, remboursables après un différé.',
  EQUITY: 'Apport au capital, minoritaire, avec une sortie à moyen terme.',
  SUPPORT_PROGRAMME: 'Accompagnement non financier : rendez-vous individuels, ateliers et mise en réseau.',
};

const SCHEME_ELIGIBILITY: Record<FundingSchemeKindCode, string> = {
  GRANT: "Structure de l'ESS du Boulonnais ; projet cofinancé.",
  LOAN: 'Structure capable de démontrer sa capacité de remboursement.',
  HONOUR_LOAN: "Créateur ou repreneur d'entreprise ; prêt bancaire associé.",
  GUARANTEE: "Prêt bancaire en cours d'instruction.",
  QUASI_EQUITY: 'Structure employeuse ayant un plan de développement.',
  EQUITY: 'Société commerciale ou coopérative.',
  SUPPORT_PROGRAMME: 'Porteur de projet ou structure du territoire.',
};

const FUNDER_SCHEME_KINDS: readonly (readonly [FundingSchemeKindCode, number])[] = [
  ['GRANT', 30],
  ['LOAN', 30],
  ['HONOUR_LOAN', 10],
  ['GUARANTEE', 12],
  ['QUASI_EQUITY', 6],
  ['EQUITY', 6],
  ['SUPPORT_PROGRAMME', 8],
];

/** Legal forms a generated criterion may be restricted to, with the label used alone and after a stage. */
const LEGAL_FORM_GROUPS: readonly { forms: LegalFormCode[]; alone: string; after: string }[] = [
  { forms: ['ASSOCIATION'], alone: 'Associations', after: 'associations' },
  { forms: ['SCOP', 'SCIC', 'COOPERATIVE'], alone: 'Coopératives', after: 'coopératives' },
  { forms: COMPANIES, alone: "Sociétés de l'ESS", after: "sociétés de l'ESS" },
];

/** Lower-case ASCII slug: "Fonds solidaire d'Outreau" → "fonds-solidaire-d-outreau". */
function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function ofCommune(commune: string): string {
  if (commune.startsWith('Le ')) return `du ${commune.slice(3)}`;
  if (commune.startsWith('Les ')) return `des ${commune.slice(4)}`;
  if (/^[AEIOUYÀÂÉÈÊËÎÏÔÙÛÜ]/.test(commune) || commune.startsWith('Hesd')) return `d'${commune}`;
  return `de ${commune}`;
}

function atCommune(commune: string): string {
  if (commune.startsWith('Le ')) return `au ${commune.slice(3)}`;
  if (commune.startsWith('Les ')) return `aux ${commune.slice(4)}`;
  return `à ${commune}`;
}

/** `k` distinct items of `items` (all of them if k >= length), in the order of `items`. */
function pickSome<T>(r: Random, items: readonly T[], k: number): T[] {
  if (k >= items.length) return items.slice();
  const chosen = new Set<number>();
  while (chosen.size < k) chosen.add(r.int(0, items.length - 1));
  return [...chosen].sort((a, b) => a - b).map((i) => items[i] as T);
}

function stagesPhrase(stages: StageCode[]): string | null {
  if (stages.length === 0 || stages.length === 3) return null;
  const words: Record<StageCode, string> = {
    EMERGENCE: 'en émergence',
    CREATION: 'en création',
    DEVELOPMENT: 'en développement',
    CONSOLIDATION: 'en consolidation',
    RECOVERY: 'en difficulté',
  };
  return `Projets ${stages.map((stage) => words[stage]).join(' ou ')}`;
}

function generatedCriteria(r: Random, kind: PartnerKindCode, communes: string[], sectorCodes: string[]): CriteriaSeed {
  const stages = r.chance(0.4) ? [] : pickSome(r, ALL_STAGES, r.int(1, 2));
  const group = r.chance(0.7) ? null : r.pick(LEGAL_FORM_GROUPS);
  const sectors = sectorCodes.length === 0 || r.chance(0.4) ? [] : pickSome(r, sectorCodes, r.int(1, 3));
  const wholeTerritory = communes.length === 0 || r.chance(0.6);
  const communeNames = wholeTerritory ? [] : pickSome(r, communes, r.int(1, Math.min(6, communes.length)));
  let minAmount: number | null = null;
  let maxAmount: number | null = null;
  if (kind === 'FUNDER' || r.chance(0.2)) {
    minAmount = r.pick([500, 1_000, 2_000, 5_000, 10_000]);
    maxAmount = minAmount * r.pick([5, 10, 20, 50]);
  }
  const stagePart = stagesPhrase(stages);
  let label = stagePart && group ? `${stagePart} – ${group.after}` : (stagePart ?? group?.alone ?? "Projets de l'ESS");
  if (sectors.length > 0) label += ` (${sectors.length} filière${sectors.length > 1 ? 's' : ''})`;
  if (!wholeTerritory) {
    label += communeNames.length === 1 ? ` ${atCommune(communeNames[0] as string)}` : ` dans ${communeNames.length} communes`;
  }
  return criteria(label, { sectorCodes: sectors, stages, legalForms: group ? [...group.forms] : [], minAmount, maxAmount, wholeTerritory, communeNames });
}

function generatedScheme(r: Random, kind: FundingSchemeKindCode, usedNames: Set<string>): FundingSchemeSeed {
  let name = r.pick(SCHEME_NAMES[kind]);
  for (let n = 2; usedNames.has(name); n++) name = `${r.pick(SCHEME_NAMES[kind])} (${n})`;
  usedNames.add(name);
  let minAmount: number | null = null;
  let maxAmount: number | null = null;
  if (kind !== 'SUPPORT_PROGRAMME') {
    minAmount = kind === 'HONOUR_LOAN' ? r.pick([1_000, 1_500, 3_000]) : r.pick([1_000, 2_000, 5_000, 10_000]);
    maxAmount = kind === 'HONOUR_LOAN' ? minAmount * r.pick([5, 10]) : minAmount * r.pick([5, 10, 20, 30]);
  }
  const stages = kind === 'HONOUR_LOAN' ? ['CREATION' as const] : r.chance(0.5) ? [] : pickSome(r, ALL_STAGES, r.int(1, 2));
  const guaranteeRate = kind === 'GUARANTEE' ? r.pick([50, 65, 70]) : null;
  const needTypes: NeedTypeCode[] = kind === 'SUPPORT_PROGRAMME' ? ['TECHNICAL_SUPPORT'] : kind === 'GRANT' ? [] : ['INVESTMENT', 'WORKING_CAPITAL'];
  return scheme(name, kind, SCHEME_DESCRIPTIONS[kind], SCHEME_ELIGIBILITY[kind], [minAmount, maxAmount], stages, { guaranteeRate, needTypes });
}

function cloneRules<T extends RulesSeed>(rules: T): T {
  return {
    ...rules,
    stages: [...rules.stages],
    legalForms: [...rules.legalForms],
    accreditations: [...rules.accreditations],
    publics: [...rules.publics],
    needTypes: [...rules.needTypes],
  };
}

function clonePartner(partner: PartnerSeed): PartnerSeed {
  return {
    ...partner,
    constraints: [...partner.constraints],
    needs: [...partner.needs],
    contributions: [...partner.contributions],
    roles: [...partner.roles],
    represents: [...partner.represents],
    criteria: partner.criteria.map((c) => ({
      ...cloneRules(c),
      sectorCodes: [...c.sectorCodes],
      communeNames: [...c.communeNames],
      intercommunalities: [...c.intercommunalities],
      departmentCodes: [...c.departmentCodes],
      regionCodes: [...c.regionCodes],
    })),
    fundingSchemes: partner.fundingSchemes.map(cloneRules),
  };
}

/**
 * DEMO_PARTNERS first (copies), then generated partners up to `count`, for benchmarks.
 * Deterministic for a given seed; slugs and names are unique; generated partners are never HOST
 * (the platform has a single host, the MEF).
 */
export function generatePartners(options: GeneratePartnersOptions): PartnerSeed[] {
  const { count, seed } = options;
  if (!Number.isInteger(count) || count < 0) throw new RangeError('count must be a non-negative integer');
  const communes = [...new Set(options.communes)];
  const sectorCodes = [...new Set(options.sectorCodes)];
  const partners = DEMO_PARTNERS.slice(0, count).map(clonePartner);
  if (partners.length === count) return partners;

  const r = createRandom(seed);
  const names = new Set(partners.map((p) => p.name));
  const slugs = new Set(partners.map((p) => p.slug));
  const placeFor = (): string => {
    if (communes.length > 0 && r.chance(0.75)) return ofCommune(r.pick(communes));
    return r.pick(['du Boulonnais', "de la Côte d'Opale", 'du Pays de Desvres-Samer', 'du littoral']);
  };

  while (partners.length < count) {
    const kind = r.weighted(GENERATED_KINDS) as Exclude<PartnerKindCode, 'HOST'>;
    const base = `${r.pick(NAME_HEADS[kind])} ${placeFor()}`;
    let name = base;
    for (let n = 2; names.has(name); n++) name = `${base} (${n})`;
    names.add(name);
    const baseSlug = slugify(name).slice(0, 72).replace(/-+$/, '');
    let slug = baseSlug;
    for (let n = 2; slugs.has(slug); n++) slug = `${baseSlug}-${n}`;
    slugs.add(slug);

    const criteriaCount = r.weighted<number>([
      [1, 50],
      [2, 35],
      [3, 15],
    ]);
    const criteriaList: CriteriaSeed[] = [];
    for (let i = 0; i < criteriaCount; i++) criteriaList.push(generatedCriteria(r, kind, communes, sectorCodes));

    const schemeNames = new Set<string>();
    const schemes: FundingSchemeSeed[] = [];
    if (kind === 'FUNDER') {
      const schemeCount = r.int(1, 3);
      for (let i = 0; i < schemeCount; i++) schemes.push(generatedScheme(r, r.weighted(FUNDER_SCHEME_KINDS), schemeNames));
    } else if (kind !== 'SSE_REPRESENTATIVE' && r.chance(0.6)) {
      schemes.push(generatedScheme(r, 'SUPPORT_PROGRAMME', schemeNames));
    }

    partners.push(partner({
      slug,
      name,
      shortName: null,
      kind,
      description: r.pick(DESCRIPTIONS[kind]),
      website: null,
      email: `${slug.slice(0, 60).replace(/-+$/, '')}@example.org`,
      technicalCommittee: kind !== 'SSE_REPRESENTATIVE' && r.chance(0.3),
      steeringBoard: kind === 'SSE_REPRESENTATIVE' || r.chance(0.1),
      constraints: pickSome(r, CONSTRAINTS, r.int(1, 3)),
      needs: pickSome(r, NEEDS, r.int(1, 3)),
      contributions: pickSome(r, CONTRIBUTIONS, r.int(1, 3)),
      criteria: criteriaList,
      fundingSchemes: schemes,
    }));
  }
  return partners;
}
