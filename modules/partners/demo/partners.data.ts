/**
 * Demo partners of the Boulonnais SSE platform: every partner named in the call for consultation
 * (technical committee, solidarity finance represented by the Cigales, technical partners, host),
 * a few extra members of the steering board (bank, foundation, mutual insurer) and local funders.
 *
 * Plain, dependency-free data. Names are those the platform knew in 2012, with today's name where it
 * changed (`currentName`). The partners, their roles and the tools named (France Active's guarantee and
 * contrats d'apport associatif, Socoden, Sofiscop, IDES, Scopinvest, DLA, FONJEP, FDVA, FSE programmes
 * and regulations, de minimis ceilings) are real; amounts, delays and the wording of conditions are
 * plausible but illustrative, not an official description of any institution's offer (null where not
 * known). E-mail addresses use example.org only; no phone numbers, no websites. Sector codes are those of
 * modules/sectors/demo/sectors.data.ts; commune and intercommunality names those of the territory
 * module's perimeter; départements and régions by INSEE code ('62' Pas-de-Calais, '32' Hauts-de-France).
 */

import type { AccreditationKind, LegalForm, Stage, TargetPublic } from '../../organizations/index.js';
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
    name: 'De minimis SIEG (500 000 €)',
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
    currentName: 'Conseil régional Hauts-de-France',
    nameChangedYear: 2016,
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
      criteria("Projets de l'ESS créateurs ou consolidateurs d'emplois", { minAmount: 5_000, maxAmount: 100_000, regionCodes: ['32'] }),
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
        {
          needTypes: ['INVESTMENT', 'OPERATIONS'],
          decidingBody: 'Commission permanente du conseil régional',
          typicalDelayDays: 105,
          stateAidFrame: 'DE_MINIMIS_GENERAL',
          legalFrame: 'Compétence de la Région en développement économique ; aides de minimis pour les structures qui exercent une activité économique.',
        },
      ),
      scheme(
        'Aide régionale à la consolidation des emplois associatifs',
        'GRANT',
        "Aide dégressive sur trois ans pour pérenniser les emplois d'une association dont le modèle économique est fragile.",
        "Association employeuse ; diagnostic préalable (dispositif local d'accompagnement ou équivalent) ; plan de consolidation.",
        [10_000, 45_000],
        ['DEVELOPMENT', 'CONSOLIDATION'],
        { legalForms: ['ASSOCIATION'], employerRequired: true, needTypes: ['OPERATIONS'], decidingBody: 'Commission permanente du conseil régional', typicalDelayDays: 105 },
      ),
    ],
  }),
  partner({
    slug: 'direccte',
    name: 'Direccte Nord-Pas-de-Calais – unité territoriale du Pas-de-Calais',
    shortName: 'Direccte',
    currentName: 'DREETS Hauts-de-France et DDETS du Pas-de-Calais',
    nameChangedYear: 2021,
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
      criteria("Employeurs de l'ESS en développement ou en consolidation", { stages: ['DEVELOPMENT', 'CONSOLIDATION', 'RECOVERY'], employerRequired: true }),
    ],
    fundingSchemes: [
      scheme(
        "Aide au poste d'insertion",
        'GRANT',
        "Aide annuelle versée pour chaque poste à temps plein occupé par un salarié en parcours d'insertion.",
        "Structure d'insertion conventionnée par l'État ; salariés agréés par Pôle emploi ; montant fixé par poste.",
        [null, 10_000],
        [],
        { accreditations: SIAE, needTypes: ['OPERATIONS'], decidingBody: 'Unité territoriale de la Direccte, après avis du CDIAE', calendar: "Dialogue de gestion annuel, en début d'exercice" },
      ),
      scheme(
        "Fonds départemental d'insertion",
        'GRANT',
        "Aide au démarrage, au développement ou à la consolidation des structures d'insertion par l'activité économique.",
        "Structure d'insertion conventionnée ou en cours de conventionnement ; projet présenté en CDIAE.",
        [5_000, 50_000],
        [],
        { accreditations: SIAE, decidingBody: 'Unité territoriale de la Direccte, après avis du CDIAE' },
      ),
      scheme(
        "Dispositif local d'accompagnement (DLA)",
        'SUPPORT_PROGRAMME',
        "Diagnostic partagé et accompagnement par des consultants, pris en charge par l'État et la Caisse des Dépôts, pour consolider l'activité et les emplois des structures d'utilité sociale.",
        "Association, coopérative ou structure d'insertion employant au moins un salarié.",
        [null, null],
        ['DEVELOPMENT', 'CONSOLIDATION', 'RECOVERY'],
        { shortName: 'DLA', employerRequired: true, needTypes: ['TECHNICAL_SUPPORT'], decidingBody: 'Comité d’appui départemental du DLA' },
      ),
    ],
  }),
  partner({
    slug: 'conseil-general-62',
    name: 'Conseil général du Pas-de-Calais',
    shortName: 'CG 62',
    currentName: 'Conseil départemental du Pas-de-Calais',
    nameChangedYear: 2015,
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
      criteria('Insertion des allocataires du RSA', { accreditations: SIAE, publics: ['MINIMUM_INCOME'], departmentCodes: ['62'] }),
      criteria('Action sociale et médico-sociale', {
        sectorCodes: ['action-sociale-sante', 'services-a-la-personne'],
        legalForms: ['ASSOCIATION', 'FOUNDATION', 'MUTUAL_HEALTH', 'SCIC'],
        departmentCodes: ['62'],
      }),
    ],
    fundingSchemes: [
      scheme(
        "Soutien aux ateliers et chantiers d'insertion",
        'GRANT',
        "Participation au financement de l'encadrement et de l'accompagnement des salariés en insertion allocataires du RSA.",
        "Atelier et chantier d'insertion conventionné accueillant des allocataires du RSA.",
        [10_000, 80_000],
        [],
        { accreditations: ['SIAE_ACI'], publics: ['MINIMUM_INCOME'], needTypes: ['OPERATIONS'], decidingBody: 'Commission permanente du conseil général' },
      ),
      scheme(
        "Aide aux projets d'action sociale de proximité",
        'GRANT',
        'Subvention de projet pour des actions de proximité au bénéfice des publics fragiles.',
        'Association du champ social ou médico-social intervenant dans le Pas-de-Calais.',
        [2_000, 20_000],
        [],
        { legalForms: ['ASSOCIATION'], needTypes: ['OPERATIONS'], decidingBody: 'Commission permanente du conseil général' },
      ),
    ],
  }),
  partner({
    slug: 'inseraction-62',
    name: 'Inséraction 62',
    shortName: null,
    currentName: 'Pas-de-Calais Actif',
    kind: 'FUNDER',
    roles: ['FUNDER', 'EXPERT'],
    description:
      "Outil du Département du Pas-de-Calais, créé en 1995, pour financer et garantir les créateurs d'entreprise ; devenu Pas-de-Calais Actif, le fonds territorial France Active du département : garanties de prêts bancaires, fonds FINES pour les entreprises solidaires, contrats d'apport associatif.",
    website: null,
    email: 'pas-de-calais-actif@example.org',
    technicalCommittee: true,
    steeringBoard: false,
    constraints: [
      "Intervient aux côtés d'une banque : la garantie et les apports complètent un prêt bancaire, ils ne le remplacent pas.",
      "Expertise financière du projet, puis décision du comité d'engagement.",
    ],
    needs: ['Des demandes transmises avant la décision de la banque.', 'Être associé tôt aux projets qui créent ou consolident des emplois dans le Boulonnais.'],
    contributions: [
      'Garanties de prêts bancaires pour les créateurs et les entreprises solidaires.',
      "Quasi-fonds propres des associations (contrats d'apport associatif) et financement des entreprises solidaires (fonds FINES).",
      'Expertise financière des projets examinés en comité technique.',
    ],
    criteria: [criteria("Créateurs d'entreprise et entreprises solidaires du Pas-de-Calais", { departmentCodes: ['62'] })],
    fundingSchemes: [
      scheme(
        'Garantie France Active',
        'GUARANTEE',
        "Garantie d'une partie du prêt bancaire, de 65 % à 80 % selon le projet, qui limite la caution personnelle des dirigeants.",
        "Créateur d'entreprise ou entreprise solidaire dont le prêt bancaire est en cours d'instruction.",
        [null, null],
        ['CREATION', 'DEVELOPMENT', 'CONSOLIDATION'],
        { guaranteeRate: 65, needTypes: ['INVESTMENT', 'WORKING_CAPITAL'], decidingBody: "Comité d'engagement de Pas-de-Calais Actif" },
      ),
      scheme(
        "Contrat d'apport associatif",
        'QUASI_EQUITY',
        "Apport en quasi-fonds propres, sans intérêt, remboursable, qui renforce le fonds de roulement d'une association employeuse.",
        'Association employeuse dont le projet de développement ou de consolidation est validé.',
        [null, null],
        ['DEVELOPMENT', 'CONSOLIDATION'],
        { legalForms: ['ASSOCIATION'], employerRequired: true, needTypes: ['WORKING_CAPITAL', 'INVESTMENT'], decidingBody: "Comité d'engagement de Pas-de-Calais Actif" },
      ),
    ],
  }),
  partner({
    slug: 'apes',
    name: 'APES – Acteurs pour une économie solidaire',
    shortName: 'APES',
    kind: 'EXPERT',
    roles: ['EXPERT', 'SSE_REPRESENTATIVE'],
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
        stages: ['EMERGENCE', 'CREATION', 'DEVELOPMENT'],
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
        ['EMERGENCE', 'CREATION', 'DEVELOPMENT'],
        { needTypes: ['TECHNICAL_SUPPORT'] },
      ),
    ],
  }),
  partner({
    slug: 'cigales-nord-pas-de-calais',
    name: 'Association des Cigales du Nord et du Pas-de-Calais',
    shortName: 'Cigales',
    kind: 'FUNDER',
    roles: ['FUNDER', 'SSE_REPRESENTATIVE'],
    represents: ['nef', 'autonomie-et-solidarite', 'caisse-solidaire'],
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
        { legalForms: COMPANIES, needTypes: ['INVESTMENT', 'WORKING_CAPITAL'], decidingBody: 'Le club Cigales, collectivement, après avoir rencontré les porteurs' },
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
        [],
        { needTypes: ['INVESTMENT', 'WORKING_CAPITAL'], decidingBody: 'Comité de crédit de la NEF' },
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
        { legalForms: COMPANIES, needTypes: ['INVESTMENT', 'WORKING_CAPITAL'] },
      ),
      scheme(
        'Prêt participatif',
        'QUASI_EQUITY',
        'Prêt de long terme compté en quasi-fonds propres, sans garantie personnelle, remboursable après un différé.',
        'Entreprise ayant au moins un exercice clos et un plan de développement.',
        [5_000, 50_000],
        ['DEVELOPMENT', 'CONSOLIDATION'],
        { legalForms: COMPANIES, minAgeYears: 1, needTypes: ['INVESTMENT', 'WORKING_CAPITAL'] },
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
        [],
        { employerRequired: true, needTypes: ['INVESTMENT', 'WORKING_CAPITAL'] },
      ),
      scheme(
        'Garantie de prêt bancaire',
        'GUARANTEE',
        "Garantie d'une partie d'un prêt accordé par une banque partenaire, pour faciliter l'accès au crédit.",
        "Structure de l'ESS dont le prêt bancaire est en cours d'instruction ; quotité garantie jusqu'à 50 %.",
        [5_000, 75_000],
        [],
        { guaranteeRate: 50, needTypes: ['INVESTMENT', 'WORKING_CAPITAL'] },
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
        [null, null],
        [],
        { accreditations: SIAE, needTypes: ['TECHNICAL_SUPPORT'] },
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
    roles: ['EXPERT', 'FUNDER'],
    description: 'Union régionale des sociétés coopératives et participatives : accompagne la création, la transmission et le développement des SCOP et des SCIC.',
    website: null,
    email: 'urscop@example.org',
    technicalCommittee: true,
    steeringBoard: false,
    constraints: ['Accompagne uniquement des projets en SCOP ou en SCIC : création, transformation ou reprise par les salariés.', 'Adhésion au mouvement coopératif demandée après la création.'],
    needs: ['Être informée des entreprises du Boulonnais dont le dirigeant part à la retraite sans repreneur.', 'Des porteurs sensibilisés au modèle coopératif avant le premier rendez-vous.'],
    contributions: ['Accompagnement juridique et économique des projets coopératifs.', 'Mobilisation des outils financiers du mouvement coopératif : Socoden, Sofiscop, IDES, Scopinvest.'],
    criteria: [criteria('Sociétés coopératives (SCOP et SCIC), créées, transformées ou reprises par leurs salariés', { legalForms: ['SCOP', 'SCIC'] })],
    fundingSchemes: [
      scheme(
        'Accompagnement à la création et à la reprise en coopérative',
        'SUPPORT_PROGRAMME',
        'Étude de faisabilité, rédaction des statuts, formation des associés et suivi pendant les premières années.',
        "Projet de création, de transformation ou de reprise d'entreprise en SCOP ou en SCIC.",
        [null, null],
        [],
        { legalForms: ['SCOP', 'SCIC'], needTypes: ['TECHNICAL_SUPPORT'] },
      ),
      scheme(
        'Prêt participatif Socoden',
        'QUASI_EQUITY',
        'Prêt participatif de la Socoden, l’outil financier de solidarité du mouvement des SCOP : quasi-fonds propres sans garantie personnelle, qui facilitent le prêt bancaire.',
        'SCOP ou SCIC adhérente au mouvement coopératif, en création, en reprise ou en développement.',
        [null, null],
        [],
        { legalForms: ['SCOP', 'SCIC'], needTypes: ['INVESTMENT', 'WORKING_CAPITAL'] },
      ),
      scheme(
        'Garantie Sofiscop',
        'GUARANTEE',
        'Garantie par Sofiscop, société de caution mutuelle du mouvement coopératif, des prêts bancaires des SCOP et des SCIC.',
        "SCOP ou SCIC dont le prêt bancaire est en cours d'instruction.",
        [null, null],
        [],
        { legalForms: ['SCOP', 'SCIC'], needTypes: ['INVESTMENT', 'WORKING_CAPITAL'] },
      ),
      scheme(
        'Titres participatifs IDES',
        'QUASI_EQUITY',
        "Intervention de l'IDES (Institut de développement de l'économie sociale) en titres participatifs, des quasi-fonds propres sans droit de vote, pour les projets de développement ou de transmission.",
        'Coopérative ou entreprise de l’ESS avec un projet de développement ou de transmission.',
        [null, null],
        ['CREATION', 'DEVELOPMENT', 'CONSOLIDATION'],
        { legalForms: ['SCOP', 'SCIC'], needTypes: ['INVESTMENT', 'WORKING_CAPITAL'] },
      ),
      scheme(
        'Scopinvest',
        'QUASI_EQUITY',
        'Société d’investissement du mouvement des SCOP : quasi-fonds propres (titres participatifs) pour les projets importants de développement ou de reprise.',
        'SCOP ou SCIC adhérente au mouvement coopératif.',
        [null, null],
        ['CREATION', 'DEVELOPMENT', 'CONSOLIDATION'],
        { legalForms: ['SCOP', 'SCIC'], needTypes: ['INVESTMENT'] },
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
        [null, null],
        [],
        { accreditations: ['SIAE_ACI'], needTypes: ['TECHNICAL_SUPPORT'] },
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
    criteria: [criteria("Projets implantés dans l'agglomération boulonnaise", { intercommunalities: ['CAB'] })],
    fundingSchemes: [
      scheme(
        'Accueil et orientation des porteurs de projets',
        'SUPPORT_PROGRAMME',
        "Premier rendez-vous, recherche de locaux et mise en relation avec les partenaires de la création d'entreprise.",
        "Porteur de projet ou entreprise s'implantant dans l'agglomération boulonnaise.",
        [null, null],
        [],
        { needTypes: ['TECHNICAL_SUPPORT'] },
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
    criteria: [criteria('Personnes qui testent une activité avant de créer leur entreprise', { stages: ['EMERGENCE', 'CREATION'], legalForms: ['INDIVIDUAL'] })],
    fundingSchemes: [
      scheme(
        "Test d'activité en couveuse",
        'SUPPORT_PROGRAMME',
        "Hébergement juridique de l'activité, accompagnement individuel et formation à la gestion pendant le test.",
        "Porteur de projet demandeur d'emploi ou allocataire de minima sociaux, dont l'activité peut être testée sans investissement lourd.",
        [null, null],
        ['EMERGENCE', 'CREATION'],
        { legalForms: ['INDIVIDUAL'], publics: ['JOB_SEEKERS', 'MINIMUM_INCOME', 'LONG_TERM_UNEMPLOYED'], needTypes: ['TECHNICAL_SUPPORT'] },
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
    criteria: [criteria('Idées et projets en émergence', { stages: ['EMERGENCE'] })],
    fundingSchemes: [
      scheme(
        "Accompagnement à l'émergence de projets",
        'SUPPORT_PROGRAMME',
        "Entretiens individuels et ateliers collectifs pour vérifier l'opportunité d'un projet et le formaliser.",
        "Personne ou collectif porteur d'une idée d'activité dans le Boulonnais.",
        [null, null],
        ['EMERGENCE'],
        { needTypes: ['TECHNICAL_SUPPORT'] },
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
    criteria: [criteria('Jeunes entreprises hébergées', { stages: ['CREATION', 'DEVELOPMENT'], legalForms: COMPANIES, maxAgeYears: 2 })],
    fundingSchemes: [
      scheme(
        'Hébergement en pépinière',
        'SUPPORT_PROGRAMME',
        "Bureau ou atelier à loyer progressif, services mutualisés et rendez-vous de suivi avec un chargé d'affaires.",
        "Entreprise de moins de trois ans dont le projet a été validé par le comité d'agrément de la pépinière.",
        [null, null],
        ['CREATION', 'DEVELOPMENT'],
        { legalForms: COMPANIES, maxAgeYears: 2, needTypes: ['TECHNICAL_SUPPORT'], decidingBody: "Comité d'agrément de la pépinière" },
      ),
    ],
  }),
  partner({
    slug: 'mef-boulonnais',
    name: "Maison de l'Emploi et de la Formation du Boulonnais",
    shortName: 'MEF',
    kind: 'HOST',
    roles: ['HOST', 'TECHNICAL_PARTNER'],
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
        [null, null],
        [],
        { needTypes: ['TECHNICAL_SUPPORT'] },
      ),
    ],
  }),
  // Partners beyond the names of the call: honour loans, guarantees, and the steering board's bank, foundation and mutual.
  partner({
    slug: 'initiative-boulonnais',
    name: "Plate-forme d'initiative locale du Boulonnais (réseau Initiative France)",
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
        legalForms: [...COMPANIES, 'INDIVIDUAL'],
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
        {
          legalForms: [...COMPANIES, 'INDIVIDUAL'],
          coFinancingRequired: true,
          needTypes: ['INVESTMENT', 'WORKING_CAPITAL'],
          decidingBody: "Comité d'agrément de la plate-forme",
          calendar: 'Comité mensuel',
        },
      ),
    ],
  }),
  partner({
    slug: 'cab',
    name: "Communauté d'agglomération du Boulonnais",
    shortName: 'CAB',
    kind: 'FUNDER',
    description:
      "Intercommunalité des 22 communes du Boulonnais, compétente en développement économique : son plan local de développement économique a un volet ESS, elle lance des appels à projets ESS et anime le Mois de l'ESS sur son territoire.",
    website: null,
    email: 'agglomeration-boulonnais@example.org',
    technicalCommittee: false,
    steeringBoard: false,
    constraints: ["Intervient pour des projets implantés dans l'une des 22 communes de l'agglomération.", 'Les aides suivent le calendrier des délibérations communautaires.'],
    needs: ["Des projets de l'ESS repérés et préparés par la plate-forme.", "Un suivi des emplois de l'ESS dans l'agglomération."],
    contributions: ["Financement du volet ESS du plan local de développement économique, dont l'animation de la plate-forme.", "Appels à projets ESS et animation du Mois de l'ESS en novembre."],
    criteria: [criteria("Projets de l'ESS implantés dans l'agglomération", { intercommunalities: ['CAB'] })],
    fundingSchemes: [
      scheme(
        "Appel à projets ESS de l'agglomération",
        'GRANT',
        "Subvention à des projets de l'ESS qui créent de l'activité ou des emplois dans l'agglomération.",
        "Structure de l'ESS ou porteur de projet implanté dans l'agglomération ; projet conforme au cahier des charges de l'appel.",
        [null, null],
        [],
        {
          decidingBody: 'Conseil communautaire',
          calendar: "Selon l'appel à projets de l'année",
          stateAidFrame: 'DE_MINIMIS_GENERAL',
          legalFrame: "Compétence de l'intercommunalité en développement économique ; aides de minimis pour les structures qui exercent une activité économique.",
        },
      ),
      scheme(
        "Mois de l'ESS",
        'SUPPORT_PROGRAMME',
        "Programme d'animations pendant le Mois de l'économie sociale et solidaire : portes ouvertes, rencontres et visibilité des structures du territoire.",
        "Structure de l'ESS de l'agglomération qui propose une animation.",
        [null, null],
        [],
        { needTypes: ['TECHNICAL_SUPPORT'], calendar: 'Chaque année en novembre' },
      ),
    ],
  }),
  partner({
    slug: 'ccds',
    name: 'Communauté de communes de Desvres-Samer',
    shortName: 'CCDS',
    kind: 'FUNDER',
    roles: ['FUNDER', 'TECHNICAL_PARTNER'],
    description:
      "Intercommunalité des 31 communes du Pays de Desvres-Samer, compétente en développement économique : accueil des porteurs de projets et soutien aux projets qui s'implantent sur son territoire rural.",
    website: null,
    email: 'desvres-samer@example.org',
    technicalCommittee: false,
    steeringBoard: false,
    constraints: ["Intervient pour des projets implantés dans l'une des 31 communes de la communauté de communes.", 'Les aides sont votées par le conseil communautaire.'],
    needs: ["Connaître les projets de l'ESS de son territoire rural, souvent éloignés des réseaux de l'agglomération."],
    contributions: ['Accueil et orientation des porteurs de projets du Pays de Desvres-Samer.', 'Soutien aux projets locaux, selon les délibérations du conseil communautaire.'],
    criteria: [criteria('Projets implantés dans le Pays de Desvres-Samer', { intercommunalities: ['CCDS'] })],
    fundingSchemes: [
      scheme(
        'Soutien aux projets du territoire',
        'GRANT',
        'Subvention de la communauté de communes à un projet qui crée ou maintient une activité ou un service sur son territoire.',
        'Structure ou porteur de projet implanté dans le Pays de Desvres-Samer ; projet présenté au conseil communautaire.',
        [null, null],
        [],
        { decidingBody: 'Conseil communautaire', stateAidFrame: 'DE_MINIMIS_GENERAL' },
      ),
    ],
  }),
  partner({
    slug: 'caisse-des-depots',
    name: 'Caisse des Dépôts – direction régionale Nord-Pas-de-Calais',
    shortName: 'Caisse des Dépôts',
    currentName: 'Banque des Territoires (Caisse des Dépôts) – direction régionale Hauts-de-France',
    nameChangedYear: 2018,
    kind: 'FUNDER',
    description: "Institution financière publique : cofinance avec l'État le dispositif local d'accompagnement (DLA) et soutient les réseaux et les fonds de la finance solidaire, dont France Active.",
    website: null,
    email: 'caisse-des-depots@example.org',
    technicalCommittee: false,
    steeringBoard: false,
    constraints: ["Intervient auprès des structures de l'ESS par le DLA et par les réseaux et les fonds qu'elle soutient, rarement en direct."],
    needs: ['Un suivi des structures du Boulonnais accompagnées par le DLA.'],
    contributions: ["Cofinancement du dispositif local d'accompagnement avec l'État.", 'Soutien aux fonds territoriaux France Active, dont Pas-de-Calais Actif.'],
    criteria: [criteria("Structures d'utilité sociale employeuses", { employerRequired: true })],
    fundingSchemes: [],
  }),
  partner({
    slug: 'fse',
    name: 'Fonds social européen (FSE)',
    shortName: 'FSE',
    kind: 'FUNDER',
    description:
      "Fonds structurel de l'Union européenne pour l'emploi et l'inclusion, géré en France par l'État et les Régions : cofinance des actions d'accompagnement vers l'emploi, d'insertion et de formation.",
    website: null,
    email: 'fonds-social-europeen@example.org',
    technicalCommittee: false,
    steeringBoard: false,
    constraints: [
      'Toujours en cofinancement : le FSE complète des financements publics ou privés.',
      "Versement sur dépenses justifiées, souvent plus d'un an après l'action : prévoir la trésorerie.",
      'Suivi des participants et des pièces justificatives exigeant.',
    ],
    needs: ['Des porteurs capables de gérer un dossier européen, ou appuyés pour le faire.'],
    contributions: ["Cofinancement européen des actions d'insertion et d'accès à l'emploi."],
    criteria: [
      criteria("Actions d'insertion et d'accès à l'emploi", {
        publics: ['JOB_SEEKERS', 'LONG_TERM_UNEMPLOYED', 'MINIMUM_INCOME', 'YOUTH', 'DISABLED'],
        coFinancingRequired: true,
      }),
    ],
    fundingSchemes: [
      scheme(
        'FSE 2007-2013',
        'GRANT',
        "Cofinancement européen d'actions pour l'emploi et l'inclusion, programmation 2007-2013.",
        "Action d'insertion ou d'accès à l'emploi, cofinancée par d'autres fonds publics ou privés.",
        [null, null],
        [],
        {
          publics: ['JOB_SEEKERS', 'LONG_TERM_UNEMPLOYED', 'MINIMUM_INCOME', 'YOUTH', 'DISABLED'],
          needTypes: ['OPERATIONS'],
          coFinancingRequired: true,
          decidingBody: 'Service gestionnaire (État ou Région)',
          validFrom: '2007-01-01',
          validUntil: '2015-12-31',
          legalFrame: 'Règlement (CE) n° 1081/2006 relatif au Fonds social européen.',
        },
      ),
      scheme(
        'FSE 2014-2020',
        'GRANT',
        "Cofinancement européen d'actions pour l'emploi et l'inclusion, programmation 2014-2020.",
        "Action d'insertion ou d'accès à l'emploi, cofinancée par d'autres fonds publics ou privés.",
        [null, null],
        [],
        {
          publics: ['JOB_SEEKERS', 'LONG_TERM_UNEMPLOYED', 'MINIMUM_INCOME', 'YOUTH', 'DISABLED'],
          needTypes: ['OPERATIONS'],
          coFinancingRequired: true,
          decidingBody: 'Service gestionnaire (État ou Région)',
          validFrom: '2014-01-01',
          validUntil: '2023-12-31',
          legalFrame: 'Règlement (UE) n° 1304/2013 relatif au Fonds social européen.',
        },
      ),
      scheme(
        'FSE+ 2021-2027',
        'GRANT',
        "Cofinancement européen d'actions pour l'emploi et l'inclusion, programmation 2021-2027.",
        "Action d'insertion ou d'accès à l'emploi, cofinancée par d'autres fonds publics ou privés.",
        [null, null],
        [],
        {
          publics: ['JOB_SEEKERS', 'LONG_TERM_UNEMPLOYED', 'MINIMUM_INCOME', 'YOUTH', 'DISABLED'],
          needTypes: ['OPERATIONS'],
          coFinancingRequired: true,
          decidingBody: 'Service gestionnaire (État ou Région)',
          validFrom: '2021-01-01',
          validUntil: '2029-12-31',
          legalFrame: 'Règlement (UE) 2021/1057 instituant le Fonds social européen plus (FSE+).',
        },
      ),
    ],
  }),
  partner({
    slug: 'caf-62',
    name: "Caisse d'allocations familiales du Pas-de-Calais",
    shortName: 'CAF',
    kind: 'FUNDER',
    description:
      "Branche famille de la Sécurité sociale dans le département : finance les équipements et services aux familles (accueil du jeune enfant, centres sociaux, accueils de loisirs) par des prestations de service et des aides à l'investissement.",
    website: null,
    email: 'caf-pas-de-calais@example.org',
    technicalCommittee: false,
    steeringBoard: false,
    constraints: ['Finance des services ouverts aux familles, selon les règles nationales de la branche famille.', 'Les centres sociaux doivent être agréés par la CAF.'],
    needs: ["Repérer les besoins d'accueil des familles dans les communes rurales du Boulonnais."],
    contributions: ['Prestations de service pour le fonctionnement des équipements aux familles.', "Aides à l'investissement pour l'accueil du jeune enfant."],
    criteria: [criteria('Services et équipements aux familles', { publics: ['FAMILIES', 'YOUTH'], departmentCodes: ['62'] })],
    fundingSchemes: [
      scheme(
        'Prestations de service',
        'GRANT',
        "Participation au fonctionnement des équipements aux familles : établissements d'accueil du jeune enfant, centres sociaux, accueils de loisirs.",
        "Gestionnaire d'un équipement conventionné avec la CAF (association, commune, CCAS, entreprise).",
        [null, null],
        [],
        { publics: ['FAMILIES', 'YOUTH'], needTypes: ['OPERATIONS'], decidingBody: "Conseil d'administration de la CAF" },
      ),
      scheme(
        "Aide à l'investissement pour l'accueil du jeune enfant",
        'GRANT',
        "Subvention pour créer ou rénover des places d'accueil du jeune enfant.",
        "Projet de création ou de rénovation de places en établissement d'accueil du jeune enfant.",
        [null, null],
        ['CREATION', 'DEVELOPMENT'],
        { publics: ['FAMILIES'], needTypes: ['INVESTMENT'], decidingBody: "Conseil d'administration de la CAF" },
      ),
    ],
  }),
  partner({
    slug: 'ddcs-62',
    name: 'Direction départementale de la cohésion sociale du Pas-de-Calais',
    shortName: 'DDCS',
    currentName: "Service départemental à la jeunesse, à l'engagement et aux sports du Pas-de-Calais (SDJES)",
    nameChangedYear: 2021,
    kind: 'FUNDER',
    description:
      "Service de l'État chargé de la jeunesse, de l'éducation populaire et de la vie associative dans le département : postes FONJEP, Fonds pour le développement de la vie associative (FDVA), agréments jeunesse et éducation populaire.",
    website: null,
    email: 'jeunesse-vie-associative@example.org',
    technicalCommittee: false,
    steeringBoard: false,
    constraints: ['Ne finance que des associations.', 'Campagnes annuelles, sur dossier.'],
    needs: ['Connaître les associations du Boulonnais et leurs besoins de formation des bénévoles.'],
    contributions: ['Postes FONJEP et subventions du FDVA.', 'Agréments jeunesse et éducation populaire.'],
    criteria: [criteria("Associations de jeunesse, d'éducation populaire et de vie associative", { legalForms: ['ASSOCIATION'], departmentCodes: ['62'] })],
    fundingSchemes: [
      scheme(
        'Poste FONJEP',
        'GRANT',
        "Aide forfaitaire annuelle de l'État à un poste d'animateur ou de coordinateur, par une convention de trois ans.",
        "Association de jeunesse, d'éducation populaire ou de vie associative qui crée ou pérennise le poste.",
        [null, null],
        [],
        { legalForms: ['ASSOCIATION'], needTypes: ['OPERATIONS'], legalFrame: "Fonds de coopération de la jeunesse et de l'éducation populaire (FONJEP)." },
      ),
      scheme(
        'FDVA – formation des bénévoles',
        'GRANT',
        "Subvention pour former les bénévoles élus ou responsables d'activités d'une association.",
        'Association ; formations collectives de ses bénévoles.',
        [null, null],
        [],
        {
          legalForms: ['ASSOCIATION'],
          needTypes: ['OPERATIONS'],
          calendar: 'Campagne annuelle',
          legalFrame: 'Décret n° 2011-2121 du 30 décembre 2011 relatif au Fonds pour le développement de la vie associative.',
        },
      ),
      scheme(
        'FDVA – fonctionnement et innovation',
        'GRANT',
        "Subvention au fonctionnement ou à un projet innovant d'une association, d'abord des petites associations.",
        'Association ; campagne annuelle départementale.',
        [null, null],
        [],
        { legalForms: ['ASSOCIATION'], needTypes: ['OPERATIONS'], calendar: 'Campagne annuelle', validFrom: '2018-01-01' },
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
        [],
        { needTypes: ['INVESTMENT'] },
      ),
      scheme(
        'Avance sur subventions',
        'LOAN',
        'Mobilisation des subventions notifiées pour couvrir les besoins de trésorerie en attendant leur versement.',
        "Structure titulaire d'une convention de subvention notifiée.",
        [3_000, 200_000],
        [],
        { needTypes: ['WORKING_CAPITAL'] },
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
        { needTypes: ['INVESTMENT', 'OPERATIONS'], coFinancingRequired: true, calendar: 'Un appel à projets par an, clos au printemps' },
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

    partners.push(
      partner({
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
      }),
    );
  }
  return partners;
}
