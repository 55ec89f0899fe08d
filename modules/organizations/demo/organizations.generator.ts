/**
 * Deterministic demo organizations (structures de l'ESS) for the Boulonnais.
 *
 * Pure and dependency-free: plain objects, no ORM, no clock, no global random.
 * The same options (including the seed) always give a deep-equal result.
 * Every person, organization, SIRET, e-mail address and phone number is fictional:
 * e-mails use example.org / example.fr, phones use the range the French regulator
 * (Arcep) keeps for works of fiction (03 53 01 xx xx), SIRETs are random numbers
 * that pass the official checksum.
 */

import { isValidSiret, luhnCheckDigit } from '../siret.js';
import { communeNamesOf } from '../../territory/index.js';
import { createRandom, type Random } from '../../../server/kit/index.js';

export type LegalFormCode = 'ASSOCIATION' | 'MUTUAL' | 'SCOP' | 'SCIC' | 'COOPERATIVE' | 'SARL' | 'SAS' | 'FOUNDATION' | 'SIAE_ACI' | 'SIAE_EI' | 'SIAE_ETTI' | 'SIAE_AI';

export type StageCode = 'CREATION' | 'DEVELOPMENT' | 'CONSOLIDATION';

export interface ContactSeed {
  firstName: string;
  lastName: string;
  /** French, agreed with the person's gender: 'Président', 'Directrice', 'Porteur de projet'… */
  role: string;
  email: string | null;
  phone: string | null;
  /** True for the person(s) carrying a project not yet created (organizations without SIRET). */
  isHolder: boolean;
}

export interface OrganizationSeed {
  name: string;
  legalForm: LegalFormCode;
  /** 14 digits, no spaces; null for project holders whose structure does not exist yet. */
  siret: string | null;
  sectorCode: string;
  communeName: string;
  employees: number;
  foundedYear: number | null;
  stage: StageCode;
  esus: boolean;
  description: string;
  email: string | null;
  phone: string | null;
  website: string | null;
  consentToShare: boolean;
  contacts: ContactSeed[];
}

export interface GenerateOrganizationsOptions {
  /** Total number of organizations (>= 0). */
  count: number;
  /** Exactly this many get employees > 0 (0 <= employers <= count). */
  employers: number;
  seed: number;
  /** Commune names to draw from (non-empty); well-known Boulonnais communes get realistic weights. */
  communes: readonly string[];
  /** Sector codes to draw from (non-empty); see modules/sectors/demo/sectors.data.ts. */
  sectorCodes: readonly string[];
}

/** Figures of the call for consultation: 690 SSE establishments in the CAB at 31/12/2007, 316 of them employers. */
export const DEMO_ORGANIZATION_COUNT = 690;
export const DEMO_EMPLOYER_COUNT = 316;
export const DEMO_SEED = 2012;
/** Year against which ages (and so stages) are computed; fixed so that output never depends on the clock. */
export const DEMO_REFERENCE_YEAR = 2025;

/** Share of project holders whose structure is not created yet (no SIRET, no founding year). */
const HOLDER_SHARE = 0.04;
const LAST_FOUNDED_YEAR = 2024;
const FIRST_FOUNDED_YEAR = 1901;

// ---------------------------------------------------------------------------
// Territory
// ---------------------------------------------------------------------------

const COMMUNE_WEIGHTS: Record<string, number> = {
  'Boulogne-sur-Mer': 34,
  Outreau: 8,
  'Saint-Martin-Boulogne': 8,
  'Le Portel': 6,
  Wimereux: 5,
  Desvres: 5,
  Samer: 3.5,
  Wimille: 3,
  'Saint-Léonard': 2.5,
  'Saint-Étienne-au-Mont': 2.5,
  'Neufchâtel-Hardelot': 2.5,
  Condette: 1.5,
  'Équihen-Plage': 1.5,
  Baincthun: 1,
  Isques: 1,
  'La Capelle-lès-Boulogne': 1,
  Longfossé: 0.8,
  Lottinghen: 0.6,
  Colembert: 0.6,
  Crémarest: 0.6,
};
const DEFAULT_COMMUNE_WEIGHT = 0.5;

const COASTAL_COMMUNES = new Set(['Boulogne-sur-Mer', 'Le Portel', 'Outreau', 'Wimereux', 'Wimille', 'Équihen-Plage', 'Neufchâtel-Hardelot', 'Dannes', 'Condette', 'Saint-Étienne-au-Mont']);

const DESVRES_SAMER_COMMUNES = new Set(communeNamesOf('CCDS'));

/** Neighbourhoods of Boulogne-sur-Mer, used to tell apart two structures that would share a name. */
const BOULOGNE_NEIGHBOURHOODS = ['Haute-Ville', 'Capécure', 'Bréquerecque', 'Saint-Pierre', 'Chemin Vert', 'Transition', 'Beaurepaire', 'Tintelleries', 'Montlambert', 'Dernier Sou'];

/** Names whose initial h is mute ("d'Hesdin"). */
const ELIDED_H = new Set(["Hesdin-l'Abbé", 'Hesdigneul-lès-Boulogne']);

/** "de Boulogne-sur-Mer", "du Portel", "d'Outreau", "de La Capelle-lès-Boulogne". */
function ofCommune(commune: string): string {
  if (commune.startsWith('Le ')) return `du ${commune.slice(3)}`;
  if (commune.startsWith('Les ')) return `des ${commune.slice(4)}`;
  if (/^[AEIOUYÀÂÉÈÊËÎÏÔÙÛÜ]/.test(commune) || ELIDED_H.has(commune)) return `d'${commune}`;
  return `de ${commune}`;
}

/** "à Boulogne-sur-Mer", "au Portel", "à La Capelle-lès-Boulogne". */
function atCommune(commune: string): string {
  if (commune.startsWith('Le ')) return `au ${commune.slice(3)}`;
  if (commune.startsWith('Les ')) return `aux ${commune.slice(4)}`;
  return `à ${commune}`;
}

/** "Les Dunes" → "des Dunes", "Le Phare" → "du Phare", "La Marée" → "de la Marée", "L'Estran" → "de l'Estran". */
function ofPhrase(phrase: string): string {
  if (phrase.startsWith('Les ')) return `des ${phrase.slice(4)}`;
  if (phrase.startsWith('Le ')) return `du ${phrase.slice(3)}`;
  if (phrase.startsWith('La ')) return `de la ${phrase.slice(3)}`;
  if (phrase.startsWith("L'")) return `de l'${phrase.slice(2)}`;
  return `de ${phrase}`;
}

interface CommuneInfo {
  de: string;
  at: string;
  areas: string[];
  coastal: boolean;
}

const communeInfoCache = new Map<string, CommuneInfo>();

function communeInfo(commune: string): CommuneInfo {
  let info = communeInfoCache.get(commune);
  if (info === undefined) {
    info = {
      de: ofCommune(commune),
      at: atCommune(commune),
      areas: areaPhrases(commune),
      coastal: COASTAL_COMMUNES.has(commune),
    };
    communeInfoCache.set(commune, info);
  }
  return info;
}

function areaPhrases(commune: string): string[] {
  const phrases = ['du Boulonnais', 'du Pays boulonnais'];
  if (DESVRES_SAMER_COMMUNES.has(commune)) phrases.push('du Pays de Desvres-Samer', 'du bocage boulonnais');
  else phrases.push("de l'agglomération boulonnaise");
  if (COASTAL_COMMUNES.has(commune)) phrases.push("de la Côte d'Opale", 'du littoral');
  return phrases;
}

// ---------------------------------------------------------------------------
// Sectors and legal forms
// ---------------------------------------------------------------------------

const SECTOR_WEIGHTS: Record<string, number> = {
  'sport-loisirs': 20,
  culture: 14,
  'action-sociale-sante': 13,
  'education-formation': 9,
  insertion: 7,
  'services-a-la-personne': 7,
  'finance-solidaire-assurance': 5,
  'tourisme-social': 4,
  environnement: 4,
  'recyclage-reemploi': 3,
  'agriculture-alimentation': 3,
  'habitat-logement': 3,
  'peche-economie-maritime': 3,
  'commerce-equitable': 2,
  mobilite: 2,
};
const DEFAULT_SECTOR_WEIGHT = 3;

type FormWeights = readonly (readonly [LegalFormCode, number])[];

const DEFAULT_FORMS: FormWeights = [
  ['ASSOCIATION', 86],
  ['SCOP', 3],
  ['SCIC', 1.5],
  ['COOPERATIVE', 2.5],
  ['MUTUAL', 1.5],
  ['FOUNDATION', 1.5],
  ['SARL', 1.5],
  ['SAS', 2],
];

/** Legal forms by sector, weighted like the real SSE (SIAE kinds only in 'insertion'). */
const FORMS_BY_SECTOR: Record<string, FormWeights> = {
  insertion: [
    ['ASSOCIATION', 38],
    ['SIAE_ACI', 24],
    ['SIAE_AI', 12],
    ['SIAE_EI', 12],
    ['SIAE_ETTI', 5],
    ['SCOP', 3],
    ['SCIC', 3],
    ['SARL', 1.5],
    ['SAS', 1.5],
  ],
  'sport-loisirs': [
    ['ASSOCIATION', 98],
    ['SCIC', 1],
    ['FOUNDATION', 0.5],
    ['SAS', 0.5],
  ],
  culture: [
    ['ASSOCIATION', 90],
    ['SCOP', 4],
    ['SCIC', 4],
    ['SARL', 1.5],
    ['FOUNDATION', 0.5],
  ],
  'action-sociale-sante': [
    ['ASSOCIATION', 82],
    ['MUTUAL', 10],
    ['FOUNDATION', 5],
    ['SCIC', 2],
    ['COOPERATIVE', 1],
  ],
  'education-formation': [
    ['ASSOCIATION', 88],
    ['SCOP', 6],
    ['COOPERATIVE', 2],
    ['FOUNDATION', 2],
    ['SARL', 2],
  ],
  'services-a-la-personne': [
    ['ASSOCIATION', 80],
    ['SCOP', 6],
    ['SCIC', 6],
    ['MUTUAL', 2],
    ['SAS', 3],
    ['SARL', 3],
  ],
  'finance-solidaire-assurance': [
    ['MUTUAL', 45],
    ['COOPERATIVE', 30],
    ['ASSOCIATION', 20],
    ['FOUNDATION', 3],
    ['SCIC', 2],
  ],
  'tourisme-social': [
    ['ASSOCIATION', 80],
    ['COOPERATIVE', 4],
    ['SCIC', 5],
    ['MUTUAL', 3],
    ['SAS', 4],
    ['FOUNDATION', 4],
  ],
  environnement: [
    ['ASSOCIATION', 82],
    ['SCIC', 8],
    ['SCOP', 6],
    ['FOUNDATION', 2],
    ['SAS', 2],
  ],
  'recyclage-reemploi': [
    ['ASSOCIATION', 62],
    ['SCIC', 14],
    ['SCOP', 10],
    ['SAS', 7],
    ['SARL', 7],
  ],
  'agriculture-alimentation': [
    ['ASSOCIATION', 60],
    ['COOPERATIVE', 25],
    ['SCOP', 6],
    ['SCIC', 7],
    ['SAS', 2],
  ],
  'habitat-logement': [
    ['ASSOCIATION', 55],
    ['COOPERATIVE', 25],
    ['SCIC', 10],
    ['FOUNDATION', 4],
    ['SAS', 6],
  ],
  'peche-economie-maritime': [
    ['COOPERATIVE', 45],
    ['ASSOCIATION', 40],
    ['SCOP', 8],
    ['SCIC', 4],
    ['MUTUAL', 3],
  ],
  'commerce-equitable': [
    ['ASSOCIATION', 60],
    ['SCOP', 12],
    ['SCIC', 12],
    ['COOPERATIVE', 10],
    ['SAS', 6],
  ],
  mobilite: [
    ['ASSOCIATION', 70],
    ['SCIC', 15],
    ['SCOP', 10],
    ['SAS', 5],
  ],
};

const SIAE_FORMS = new Set<LegalFormCode>(['SIAE_ACI', 'SIAE_EI', 'SIAE_ETTI', 'SIAE_AI']);

/** French label of each legal form, as read in a description. */
const LEGAL_FORM_LABELS: Record<LegalFormCode, string> = {
  ASSOCIATION: 'association loi 1901',
  MUTUAL: 'mutuelle',
  SCOP: 'société coopérative et participative (SCOP)',
  SCIC: "société coopérative d'intérêt collectif (SCIC)",
  COOPERATIVE: 'coopérative',
  SARL: "SARL de l'économie sociale et solidaire",
  SAS: "SAS de l'économie sociale et solidaire",
  FOUNDATION: 'fondation',
  SIAE_ACI: "atelier et chantier d'insertion (ACI)",
  SIAE_EI: "entreprise d'insertion (EI)",
  SIAE_ETTI: "entreprise de travail temporaire d'insertion (ETTI)",
  SIAE_AI: 'association intermédiaire (AI)',
};

/** Earliest plausible founding year of each legal form (SCIC exist since 2001, SAS since 1994…). */
const MIN_FOUNDED_YEAR: Partial<Record<LegalFormCode, number>> = {
  SCIC: 2002,
  SAS: 1994,
  SIAE_ACI: 1985,
  SIAE_EI: 1985,
  SIAE_ETTI: 1986,
  SIAE_AI: 1987,
};

/** [first year of the decade, weight]: weighted to recent decades. */
const DECADE_WEIGHTS: readonly (readonly [number, number])[] = [
  [1900, 1],
  [1910, 0.4],
  [1920, 0.8],
  [1930, 1.2],
  [1940, 0.8],
  [1950, 2],
  [1960, 3],
  [1970, 5],
  [1980, 8],
  [1990, 11],
  [2000, 14],
  [2010, 16],
  [2020, 8],
];

// ---------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------

/** Evocative names of the coast and the bocage, with their article. */
const EVOCATIVE = [
  'Les Embruns',
  'La Mouette',
  'Les Dunes',
  "L'Escale",
  'Le Phare',
  'La Marée',
  'Les Falaises',
  "L'Estran",
  'Le Goéland',
  'La Boussole',
  'La Passerelle',
  "Le Trait d'union",
  "L'Arc-en-ciel",
  'Les Hirondelles',
  'Le Tremplin',
  "L'Envol",
  'La Ruche',
  'La Rose des vents',
  'Le Bocage',
  'La Liane',
  'Les Oyats',
  'Le Fanal',
  'La Vigie',
  'Les Coquelicots',
  'Le Chardon',
  'Les Genêts',
  'La Source',
  "L'Horizon",
  'Le Sillon',
  'Le Rivage',
  'La Caravelle',
  'Les Sternes',
  'Le Courlis',
  'La Digue',
  'Le Beffroi',
  'Les Remparts',
  "L'Éclaircie",
  'Le Grand Large',
  'Le Sémaphore',
  'La Forêt',
  'Le Moulin',
  'Les Marronniers',
  'Le Cormoran',
  "L'Ancre",
  'La Bruyère',
  'Les Écluses',
  'Le Vent du large',
];

const EVOCATIVE_OF = new Map(EVOCATIVE.map((phrase) => [phrase, ofPhrase(phrase)] as const));

interface NameParts {
  commune: string;
  /** "de Boulogne-sur-Mer", "du Portel"… */
  de: string;
  /** "du Boulonnais", "de la Côte d'Opale"… */
  area: string;
  /** "Les Dunes" */
  evocative: string;
  /** "des Dunes" */
  ofEvocative: string;
  coastal: boolean;
}

type NameTemplate = (p: NameParts, r: Random) => string;

const SPORT_CLUBS = [
  'Judo club',
  'Tennis club',
  'Badminton club',
  'Basket club',
  'Handball club',
  'Volley-ball club',
  'Club de tennis de table',
  'Club de gymnastique',
  "Compagnie d'arc",
  'Cyclo-club',
  'Club de pétanque',
  "Club d'échecs",
  'Club de natation',
  'Aïkido club',
  'Twirling club',
  'Club de karaté',
  'Athlétic club',
  'Club de boxe',
  'Club de danse',
  'Club de randonnée',
];
const NAUTICAL_CLUBS = ['Cercle nautique', 'Char à voile club', 'Club de kayak de mer', 'École de voile', 'Club de plongée', 'Surf club'];

/** Association names by sector. */
const ASSOCIATION_NAMES: Record<string, NameTemplate[]> = {
  'sport-loisirs': [
    (p, r) => `${r.pick(['Football club', 'Union sportive', 'Entente sportive', 'Racing club', 'Association sportive'])} ${p.de}`,
    (p, r) => `${r.pick(SPORT_CLUBS)} ${p.de}`,
    (p, r) => `${r.pick(SPORT_CLUBS)} ${p.area}`,
    (p, r) => (p.coastal ? `${r.pick(NAUTICAL_CLUBS)} ${p.de}` : `Foyer rural ${p.de}`),
    (p) => `Les Randonneurs ${p.area}`,
    (p) => `Comité des fêtes ${p.de}`,
    (p) => `Club des aînés ${p.de}`,
    (p) => `Amicale laïque ${p.de}`,
    (p) => `Association sportive et culturelle ${p.de}`,
    (p, r) => `${r.pick(['Les Archers', 'Les Cyclotouristes', 'Les Marcheurs', 'Les Pêcheurs à la ligne'])} ${p.area}`,
  ],
  culture: [
    (p) => `Harmonie municipale ${p.de}`,
    (p) => `Chorale ${p.ofEvocative}`,
    (p) => `Compagnie théâtrale ${p.ofEvocative}`,
    (p) => `Théâtre ${p.ofEvocative}`,
    (p) => `Atelier d'arts plastiques ${p.de}`,
    (p) => `Les Amis du patrimoine ${p.de}`,
    (p) => `Société d'histoire ${p.area}`,
    (p) => `Festival ${p.ofEvocative}`,
    (p) => `Ciné-club ${p.de}`,
    (p) => `École de musique ${p.de}`,
    (p) => `Collectif d'artistes ${p.ofEvocative}`,
    (p) => `Les Amis des géants ${p.de}`,
    (p) => `Batterie-fanfare ${p.de}`,
    (p) => `Bibliothèque associative ${p.de}`,
  ],
  'education-formation': [
    (p) => `Association des parents d'élèves ${p.de}`,
    (p) => `Maison des jeunes et de la culture ${p.de}`,
    (p) => `Université populaire ${p.area}`,
    (p) => `Accompagnement scolaire ${p.ofEvocative}`,
    (p) => `Centre de formation ${p.ofEvocative}`,
    (p) => `Lire et écrire ${p.area}`,
    (p) => `Accueil de loisirs ${p.ofEvocative}`,
    (p) => `Association d'éducation populaire ${p.ofEvocative}`,
    (p) => `Ateliers des savoirs ${p.de}`,
  ],
  'action-sociale-sante': [
    (p) => `Centre social ${p.ofEvocative}`,
    (p) => `Centre social et culturel ${p.de}`,
    (p) => `Accueil de jour ${p.ofEvocative}`,
    (p) => `Association d'aide aux victimes ${p.area}`,
    (p) => `Foyer d'hébergement ${p.ofEvocative}`,
    (p) => `Institut médico-éducatif ${p.ofEvocative}`,
    (p) => `Association de parents d'enfants handicapés ${p.area}`,
    (p) => `Centre de soins infirmiers ${p.de}`,
    (p) => `Point écoute jeunes ${p.area}`,
    (p) => `Entraide ${p.de}`,
    (p) => `Association d'aide aux familles ${p.area}`,
    (p) => `Épicerie sociale ${p.de}`,
  ],
  'services-a-la-personne': [
    (p) => `Aide à domicile ${p.de}`,
    (p) => `Service de soins et d'aide à domicile ${p.area}`,
    (p) => `Portage de repas ${p.area}`,
    (p) => `Crèche parentale ${p.ofEvocative}`,
    (p) => `Relais petite enfance ${p.ofEvocative}`,
    (p) => `Domicile services ${p.area}`,
    (p) => `Garde d'enfants ${p.ofEvocative}`,
    (p) => `Présence à domicile ${p.de}`,
  ],
  'recyclage-reemploi': [
    (p) => `Recyclerie ${p.area}`,
    (p) => `Ressourcerie ${p.ofEvocative}`,
    (p) => `Repair café ${p.de}`,
    (p) => `Atelier du réemploi ${p.area}`,
    (p) => `Friperie solidaire ${p.de}`,
    (p) => `Textile solidaire ${p.area}`,
    (p) => `Recyclerie ${p.de}`,
  ],
  environnement: [
    (p) => (p.coastal ? `Association de protection du littoral ${p.de}` : `Association de protection du bocage ${p.de}`),
    (p) => `Nature et littoral ${p.area}`,
    (p) => `Maison de la nature ${p.ofEvocative}`,
    (p) => `Collectif zéro déchet ${p.de}`,
    (p) => `Observatoire des oiseaux ${p.area}`,
    (p) => `Énergie citoyenne ${p.area}`,
    (p) => `Les Amis des sentiers ${p.de}`,
  ],
  'agriculture-alimentation': [
    (p) => `Les Jardins ${p.de}`,
    (p) => `Jardins partagés ${p.ofEvocative}`,
    (p) => `AMAP ${p.de}`,
    (p) => `Épicerie solidaire ${p.de}`,
    (p) => `Cuisine solidaire ${p.de}`,
    (p) => `Les Paniers ${p.ofEvocative}`,
    (p) => `Vergers conservatoires ${p.area}`,
  ],
  'habitat-logement': [
    (p) => `Habitat solidaire ${p.area}`,
    (p) => `Habitat participatif ${p.ofEvocative}`,
    (p) => `Association pour le logement des jeunes ${p.area}`,
    (p) => `Foyer de jeunes travailleurs ${p.de}`,
    (p) => `Agence immobilière sociale ${p.area}`,
    (p) => `Toit solidaire ${p.de}`,
    (p) => `Amélioration de l'habitat ${p.area}`,
  ],
  'finance-solidaire-assurance': [(p) => `Cigale ${p.ofEvocative}`, (p) => `Club d'épargne solidaire ${p.de}`, (p) => `Association de microcrédit ${p.area}`, (p) => `Point conseil budget ${p.de}`],
  'tourisme-social': [
    (p) => `Centre de vacances ${p.ofEvocative}`,
    (p) => `Auberge de jeunesse ${p.de}`,
    (p) => `Village vacances ${p.ofEvocative}`,
    (p) => `Gîte de groupe ${p.de}`,
    (p) => `Tourisme et loisirs pour tous ${p.area}`,
    (p) => `Syndicat d'initiative ${p.de}`,
    (p) => (p.coastal ? `Classes de mer ${p.ofEvocative}` : `Classes vertes ${p.ofEvocative}`),
  ],
  'commerce-equitable': [
    (p) => `Boutique équitable ${p.ofEvocative}`,
    (p) => `Comptoir équitable ${p.area}`,
    (p) => `Échoppe solidaire ${p.de}`,
    (p) => `Collectif pour une consommation responsable ${p.area}`,
  ],
  mobilite: [
    (p) => `Garage solidaire ${p.area}`,
    (p) => `Auto-école sociale ${p.de}`,
    (p) => `Atelier vélo ${p.ofEvocative}`,
    (p) => `Mobilité pour l'emploi ${p.area}`,
    (p) => `Transport solidaire ${p.de}`,
  ],
  'peche-economie-maritime': [
    (p) => `Association des marins pêcheurs ${p.de}`,
    (p) => `Promotion des produits de la mer ${p.area}`,
    (p) => `École de la mer ${p.area}`,
    (p) => `Association des plaisanciers ${p.de}`,
    (p) => `Station de sauvetage en mer ${p.de}`,
    (p) => `Pêcheurs à pied ${p.area}`,
    (p) => `Les Amis des vieux gréements ${p.area}`,
  ],
  insertion: [
    (p) => `Association d'insertion ${p.ofEvocative}`,
    (p) => `Point emploi ${p.de}`,
    (p) => `Entraide et emploi ${p.area}`,
    (p) => `Régie de quartier ${p.de}`,
    (p) => `Parcours vers l'emploi ${p.area}`,
  ],
};

const GENERIC_ASSOCIATION_NAMES: NameTemplate[] = [(p) => `Association ${p.evocative}`, (p) => `Les Amis ${p.de}`, (p) => `Association solidaire ${p.ofEvocative}`];

const SIAE_NAMES: Record<'SIAE_ACI' | 'SIAE_EI' | 'SIAE_ETTI' | 'SIAE_AI', NameTemplate[]> = {
  SIAE_ACI: [
    (p) => `Chantier d'insertion ${p.ofEvocative}`,
    (p) => `Atelier chantier d'insertion ${p.de}`,
    (p) => `Jardins d'insertion ${p.ofEvocative}`,
    (p) => `Chantier nature ${p.area}`,
    (p) => `Chantier du patrimoine ${p.area}`,
  ],
  SIAE_EI: [
    (p) => `${p.evocative} Insertion`,
    (p) => `Entreprise d'insertion ${p.ofEvocative}`,
    (p) => `Blanchisserie solidaire ${p.area}`,
    (p) => `Restaurant d'insertion ${p.ofEvocative}`,
    (p) => `Espaces verts solidaires ${p.area}`,
  ],
  SIAE_ETTI: [(p) => `Intérim d'insertion ${p.area}`, (p) => `${p.evocative} Intérim`, (p) => `Travail temporaire solidaire ${p.area}`],
  SIAE_AI: [(p) => `Association intermédiaire ${p.ofEvocative}`, (p) => `${p.evocative} Emploi services`, (p) => `Services et emploi ${p.area}`, (p) => `Coup de main ${p.de}`],
};

/** Trade words used in names of cooperatives and social enterprises, by sector. */
const TRADES: Record<string, string[]> = {
  insertion: ['Bâtiment', 'Espaces verts', 'Nettoyage', 'Services'],
  'sport-loisirs': ['Sports nature', 'Loisirs', 'Glisse'],
  culture: ['Atelier', 'Studio', 'Compagnie', 'Éditions', 'Ateliers graphiques'],
  'action-sociale-sante': ['Conseil', 'Santé', 'Accompagnement'],
  'education-formation': ['Formation', 'Conseil et formation', 'Pédagogie'],
  'services-a-la-personne': ['Services', 'Domicile', 'Petite enfance'],
  'finance-solidaire-assurance': ['Conseil', 'Gestion', 'Épargne'],
  'tourisme-social': ['Voyages', 'Séjours', 'Accueil'],
  environnement: ["Bureau d'études", 'Énergies', 'Environnement'],
  'recyclage-reemploi': ['Atelier', 'Récupération', 'Réemploi', 'Valorisation'],
  'agriculture-alimentation': ['Maraîchage', 'Fournil', 'Conserverie', 'Légumerie'],
  'habitat-logement': ['Menuiserie', 'Charpente', 'Éco-construction', 'Rénovation'],
  'peche-economie-maritime': ['Mareyage', 'Conserverie', 'Avitaillement', 'Filets'],
  'commerce-equitable': ['Comptoir', 'Épicerie', 'Torréfaction'],
  mobilite: ['Garage', 'Cycles', 'Transports'],
};
const GENERIC_TRADES = ['Atelier', 'Ateliers', 'Services'];

const COOPERATIVE_NAMES: Record<string, NameTemplate[]> = {
  'finance-solidaire-assurance': [(p) => `Banque coopérative du littoral – agence ${p.de}`, (p) => `Caisse locale de crédit coopératif ${p.de}`],
  'agriculture-alimentation': [(p) => `CUMA ${p.de}`, (p) => `Coopérative agricole ${p.area}`, (p) => `Coopérative laitière ${p.area}`],
  'peche-economie-maritime': [(p) => `Coopérative maritime ${p.area}`, (p) => `Coopérative des artisans pêcheurs ${p.de}`, (p) => `Armement coopératif ${p.ofEvocative}`],
  'habitat-logement': [(p) => `Coopérative d'habitants ${p.ofEvocative}`, (p) => `Coopérative HLM ${p.area}`],
  'commerce-equitable': [(p) => `Épicerie coopérative ${p.ofEvocative}`],
};

const MUTUAL_NAMES: Record<string, NameTemplate[]> = {
  'finance-solidaire-assurance': [
    (p) => `Mutuelle des gens de mer ${p.area}`,
    (p) => `Mutuelle santé ${p.area}`,
    (p) => `Mutuelle familiale ${p.area}`,
    (p) => `Mutuelle d'assurance des associations ${p.area}`,
    (p) => `Mutuelle des agents territoriaux ${p.area}`,
    (p) => `Mutuelle ${p.ofEvocative}`,
    (p) => `Mutuelle – agence ${p.de}`,
  ],
};
const GENERIC_MUTUAL_NAMES: NameTemplate[] = [
  (p) => `Centre de santé mutualiste ${p.de}`,
  (p) => `Centre optique mutualiste ${p.de}`,
  (p) => `Résidence mutualiste ${p.ofEvocative}`,
  (p) => `Mutuelle ${p.area}`,
];

const FOUNDATION_TOPICS = ["pour l'enfance", "pour l'autonomie", 'pour la culture', "pour l'initiative solidaire", 'pour la mer', "pour l'insertion des jeunes", 'pour le patrimoine'];

function buildName(form: LegalFormCode, sector: string, p: NameParts, r: Random): string {
  switch (form) {
    case 'ASSOCIATION': {
      const own = ASSOCIATION_NAMES[sector];
      const template = own && r.chance(0.85) ? r.pick(own) : r.pick(GENERIC_ASSOCIATION_NAMES);
      const name = template(p, r);
      // "Les Jardins du Portel" → sometimes "Association Les Jardins du Portel".
      return /^(Les |Le |La |L')/.test(name) && !name.startsWith('Les Amis') && r.chance(0.4) ? `Association ${name}` : name;
    }
    case 'SIAE_ACI':
    case 'SIAE_EI':
    case 'SIAE_ETTI':
    case 'SIAE_AI':
      return r.pick(SIAE_NAMES[form])(p, r);
    case 'MUTUAL':
      return r.pick(MUTUAL_NAMES[sector] ?? GENERIC_MUTUAL_NAMES)(p, r);
    case 'COOPERATIVE': {
      const own = COOPERATIVE_NAMES[sector];
      if (own && r.chance(0.8)) return r.pick(own)(p, r);
      return r.pick([`Coopérative ${p.ofEvocative}`, `Coopérative ${r.pick(TRADES[sector] ?? GENERIC_TRADES).toLowerCase()} ${p.area}`]);
    }
    case 'FOUNDATION':
      return r.pick([`Fondation ${r.pick(FOUNDATION_TOPICS)} ${p.area}`, `Fondation ${r.pick(FEMALE_FIRST_NAMES)} ${r.pick(LAST_NAMES)}`, `Fondation ${p.ofEvocative}`]);
    case 'SCOP':
    case 'SCIC':
    case 'SARL':
    case 'SAS': {
      // "SCOP Atelier des Dunes", "SCIC Énergies du Boulonnais", or simply "Fournil de la Marée".
      const trade = r.pick(TRADES[sector] ?? GENERIC_TRADES);
      const place = r.chance(0.5) ? p.ofEvocative : p.area;
      return r.chance(0.7) ? `${form} ${trade} ${place}` : `${trade} ${place}`;
    }
  }
}

// ---------------------------------------------------------------------------
// Activities (descriptions)
// ---------------------------------------------------------------------------

const ACTIVITIES: Record<string, string[]> = {
  insertion: [
    "accompagnement vers l'emploi de demandeurs d'emploi de longue durée et d'allocataires du RSA",
    "parcours de remobilisation et ateliers de recherche d'emploi",
    "accueil, orientation et suivi socioprofessionnel de personnes éloignées de l'emploi",
  ],
  'sport-loisirs': [
    'pratique sportive en club pour les jeunes et les adultes, du loisir à la compétition',
    'sorties de randonnée et découverte des sentiers du Boulonnais',
    "organisation de fêtes, de brocantes et d'animations de village",
    'activités de loisirs et rencontres intergénérationnelles',
    'initiation aux sports de glisse et de pleine nature',
  ],
  culture: [
    "organisation de concerts, de spectacles et d'un festival annuel",
    'ateliers de pratique théâtrale et musicale pour tous les âges',
    'mise en valeur du patrimoine local et des traditions maritimes',
    "cours d'arts plastiques et expositions d'artistes du territoire",
    'projections de films et rencontres avec des réalisateurs',
  ],
  'education-formation': [
    'accompagnement à la scolarité et aide aux devoirs',
    'formation professionnelle qualifiante pour adultes',
    "ateliers d'apprentissage du français et lutte contre l'illettrisme",
    'accueil de loisirs éducatifs pendant les vacances scolaires',
    'éducation populaire et actions citoyennes avec les habitants',
  ],
  'action-sociale-sante': [
    'accueil, écoute et accompagnement social des familles',
    'hébergement et accompagnement de personnes en situation de précarité',
    "accueil et accompagnement éducatif d'enfants en situation de handicap",
    'aide alimentaire et accès aux droits',
    'prévention santé et accès aux soins des publics fragiles',
  ],
  'services-a-la-personne': [
    'aide à domicile auprès des personnes âgées et des personnes en situation de handicap',
    'portage de repas et petits services à domicile',
    "garde d'enfants à domicile et accueil de la petite enfance",
    'aide aux familles et soutien aux aidants',
  ],
  'recyclage-reemploi': [
    "collecte, remise en état et revente d'objets de seconde main",
    "réparation collective d'appareils électriques et de vélos",
    'tri et revente de vêtements et de textiles de récupération',
    'sensibilisation à la réduction des déchets et au réemploi',
  ],
  environnement: [
    'protection des dunes et des milieux naturels du littoral',
    "éducation à l'environnement dans les écoles et les centres de loisirs",
    "production citoyenne d'énergie renouvelable",
    'inventaires naturalistes et sorties nature',
  ],
  'agriculture-alimentation': [
    'maraîchage biologique et vente de paniers en circuit court',
    'jardins partagés et ateliers de cuisine',
    'épicerie solidaire pour les ménages aux revenus modestes',
    'mise en commun de matériel agricole entre exploitants',
    'transformation et vente de produits fermiers locaux',
  ],
  'habitat-logement': [
    'logement et accompagnement de jeunes travailleurs',
    'gestion locative sociale et accès au logement des ménages modestes',
    'conseil en rénovation énergétique et lutte contre la précarité énergétique',
    "construction et gestion d'un habitat participatif",
  ],
  'finance-solidaire-assurance': [
    'épargne solidaire investie dans des entreprises locales',
    'complémentaire santé et prévoyance pour ses adhérents',
    "assurance des associations et des structures de l'ESS",
    'microcrédit personnel et accompagnement budgétaire',
    'services bancaires aux associations, coopératives et particuliers',
  ],
  'tourisme-social': [
    'séjours de vacances pour les enfants et les familles',
    'hébergement collectif et accueil de groupes scolaires',
    'accueil et information touristique',
    'classes de découverte du littoral et du bocage',
  ],
  'commerce-equitable': ["vente de produits du commerce équitable et de l'artisanat", 'sensibilisation à la consommation responsable', 'approvisionnement en produits locaux et équitables'],
  mobilite: [
    'réparation de véhicules à prix solidaire pour les personnes en insertion',
    'location solidaire de scooters et de voitures pour se rendre au travail',
    'apprentissage de la conduite pour les publics en difficulté',
    'atelier participatif de réparation de vélos',
  ],
  'peche-economie-maritime': [
    'avitaillement et services aux armements de pêche artisanale',
    'valorisation des produits de la pêche boulonnaise',
    'formation et découverte des métiers de la mer',
    'mutualisation de moyens entre artisans pêcheurs',
    'sauvetage en mer et prévention des risques nautiques',
  ],
};
const GENERIC_ACTIVITIES = ["actions de solidarité et d'animation locale", 'services de proximité aux habitants'];

const SIAE_ACTIVITIES: Record<'SIAE_ACI' | 'SIAE_EI' | 'SIAE_ETTI' | 'SIAE_AI', string[]> = {
  SIAE_ACI: [
    "chantier d'insertion en entretien d'espaces naturels et de sentiers",
    "chantier d'insertion en maraîchage biologique",
    "chantier d'insertion en second œuvre du bâtiment et restauration du patrimoine",
  ],
  SIAE_EI: [
    "entreprise d'insertion en nettoyage de locaux et blanchisserie",
    "entreprise d'insertion en espaces verts et propreté urbaine",
    'restauration collective et traiteur employant des salariés en insertion',
  ],
  SIAE_ETTI: ["missions d'intérim d'insertion dans le bâtiment, la logistique et l'agroalimentaire"],
  SIAE_AI: [
    "mise à disposition de salariés en insertion auprès de particuliers, d'associations et de collectivités",
    "petits travaux, ménage et jardinage chez les particuliers par des salariés en parcours d'insertion",
  ],
};

// ---------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------

const FEMALE_FIRST_NAMES = [
  'Marie',
  'Nathalie',
  'Isabelle',
  'Sandrine',
  'Valérie',
  'Christine',
  'Sophie',
  'Céline',
  'Stéphanie',
  'Catherine',
  'Véronique',
  'Sylvie',
  'Aurélie',
  'Émilie',
  'Julie',
  'Camille',
  'Léa',
  'Manon',
  'Chloé',
  'Pauline',
  'Hélène',
  'Anne-Sophie',
  'Marie-Thérèse',
  'Brigitte',
  'Françoise',
  'Martine',
  'Élodie',
  'Laëtitia',
  'Agnès',
  'Maryse',
  'Gaëlle',
  'Océane',
  'Noémie',
  'Clémence',
  'Inès',
];
const MALE_FIRST_NAMES = [
  'Jean',
  'Philippe',
  'Michel',
  'Alain',
  'Patrick',
  'Christophe',
  'Thierry',
  'Frédéric',
  'Laurent',
  'Éric',
  'Stéphane',
  'Olivier',
  'Sébastien',
  'Nicolas',
  'Julien',
  'Maxime',
  'Thomas',
  'Antoine',
  'Hugo',
  'Lucas',
  'Jean-Pierre',
  'Jean-Marc',
  'Bernard',
  'Gérard',
  'Dominique',
  'François',
  'Jérôme',
  'Grégory',
  'Benoît',
  'Rémi',
  'Loïc',
  'Mathéo',
  'Bastien',
  'Régis',
  'Joël',
];
const LAST_NAMES = [
  'Fourmentin',
  'Lebas',
  'Leprêtre',
  'Caron',
  'Lefebvre',
  'Delattre',
  'Dupont',
  'Vasseur',
  'Leroy',
  'Lemaire',
  'Leclercq',
  'Deseille',
  'Hochart',
  'Bigot',
  'Ledez',
  'Wacheux',
  'Martel',
  'Cazin',
  'Lengaigne',
  'Bourgain',
  'Sauvage',
  'Leleu',
  'Noël',
  'Pruvost',
  'Fasquel',
  'Tétard',
  'Delpierre',
  'Crépin',
  'Dufour',
  'Boulanger',
  'Baillet',
  'Ducrocq',
  'Lecat',
  'Morel',
  'Dumont',
  'Fontaine',
  'Sergeant',
  'Hamy',
  'Huguet',
  'Évrard',
  'Bécart',
  'Testu',
  'Dewaele',
  'Verhaeghe',
  'Pollet',
  'Lefranc',
  'Carpentier',
  'Deneuville',
  'Masson',
  'Lamotte',
  'Delahaye',
  'Lheureux',
  'Routier',
  'Duhamel',
  'Lefèvre',
  'Vandenbussche',
  'Marquant',
  'Hénon',
  'Lavogez',
  'Baheu',
  'Dégardin',
  'Obert',
  'Sailly',
  'Gournay',
  'Coppin',
  'Merlen',
];

type Gender = 'F' | 'M';
type GenderedRole = readonly [male: string, female: string];

const PRESIDENT: GenderedRole = ['Président', 'Présidente'];
const DIRECTOR: GenderedRole = ['Directeur', 'Directrice'];
const MANAGER: GenderedRole = ['Gérant', 'Gérante'];
const HOLDER: GenderedRole = ['Porteur de projet', 'Porteuse de projet'];
const CO_HOLDER: GenderedRole = ['Co-porteur de projet', 'Co-porteuse de projet'];
const ASSOCIATE: GenderedRole = ['Futur associé', 'Future associée'];

const VOLUNTEER_ROLES: GenderedRole[] = [
  ['Trésorier', 'Trésorière'],
  ['Secrétaire', 'Secrétaire'],
  ['Vice-président', 'Vice-présidente'],
];
const STAFF_ROLES: GenderedRole[] = [
  DIRECTOR,
  ['Coordinateur', 'Coordinatrice'],
  ['Chargé de mission', 'Chargée de mission'],
  ['Comptable', 'Comptable'],
  ['Responsable administratif', 'Responsable administrative'],
];
const SIAE_STAFF_ROLES: GenderedRole[] = [
  ['Encadrant technique', 'Encadrante technique'],
  ["Chargé d'accompagnement socioprofessionnel", "Chargée d'accompagnement socioprofessionnel"],
  ['Chargé de relations entreprises', 'Chargée de relations entreprises'],
];

const SIAE_POOL: GenderedRole[] = [...SIAE_STAFF_ROLES, DIRECTOR];
const ASSOCIATION_STAFF_POOL: GenderedRole[] = [...STAFF_ROLES, ...VOLUNTEER_ROLES];

function firstRole(form: LegalFormCode, r: Random): GenderedRole {
  switch (form) {
    case 'SCOP':
    case 'SARL':
      return MANAGER;
    case 'SCIC':
      return r.chance(0.5) ? MANAGER : PRESIDENT;
    case 'SIAE_ACI':
    case 'SIAE_EI':
    case 'SIAE_ETTI':
    case 'SIAE_AI':
      return r.chance(0.7) ? DIRECTOR : PRESIDENT;
    default:
      return PRESIDENT;
  }
}

/** Lower-case ASCII: "Marie-Thérèse" → "marie-therese", "Noël" → "noel". */
function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['\u2019]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const slugCache = new Map<string, string>();

/** asciiSlug for the small, repeated vocabulary of first and last names. */
function cachedSlug(text: string): string {
  let slug = slugCache.get(text);
  if (slug === undefined) {
    slug = asciiSlug(text);
    slugCache.set(text, slug);
  }
  return slug;
}

function shortSlug(text: string, max: number): string {
  const slug = asciiSlug(text);
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const lastDash = cut.lastIndexOf('-');
  return lastDash > max / 2 ? cut.slice(0, lastDash) : cut;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A fictional landline in the Arcep range reserved for fiction: "03 53 01 xx xx". */
function fictionalPhone(r: Random): string {
  return `03 53 01 ${pad2(r.int(0, 99))} ${pad2(r.int(0, 99))}`;
}

function makeContacts(form: LegalFormCode, employees: number, isHolderOrg: boolean, r: Random): ContactSeed[] {
  const count = r.weighted<number>([
    [1, 45],
    [2, 35],
    [3, 20],
  ]);
  const contacts: ContactSeed[] = [];
  const usedRoles = new Set<GenderedRole>();
  for (let i = 0; i < count; i++) {
    const gender: Gender = r.chance(0.52) ? 'F' : 'M';
    const firstName = r.pick(gender === 'F' ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
    const lastName = r.pick(LAST_NAMES);
    let role: GenderedRole;
    if (isHolderOrg) {
      role = i === 0 ? HOLDER : r.chance(0.6) ? CO_HOLDER : ASSOCIATE;
    } else if (i === 0) {
      role = firstRole(form, r);
    } else {
      const pool = employees === 0 ? VOLUNTEER_ROLES : SIAE_FORMS.has(form) ? SIAE_POOL : form === 'ASSOCIATION' ? ASSOCIATION_STAFF_POOL : STAFF_ROLES;
      // Draw until the role is new in this organization (pools have at least 3 roles, at most 2 are taken).
      do role = r.pick(pool);
      while (usedRoles.has(role));
    }
    usedRoles.add(role);
    const email = r.chance(0.85) ? `${cachedSlug(firstName)}.${cachedSlug(lastName)}@${r.chance(0.7) ? 'example.org' : 'example.fr'}` : null;
    contacts.push({
      firstName,
      lastName,
      role: gender === 'F' ? role[1] : role[0],
      email,
      phone: r.chance(0.6) ? fictionalPhone(r) : null,
      isHolder: isHolderOrg && (role === HOLDER || role === CO_HOLDER),
    });
  }
  return contacts;
}

// ---------------------------------------------------------------------------
// Numbers: SIRET, employees, years
// ---------------------------------------------------------------------------

/** A random SIRET whose SIREN and whole number both pass the Luhn check; never La Poste's SIREN. */
function randomSiret(r: Random, used: Set<string>): string {
  for (;;) {
    let sirenBase = String(r.pick([3, 4, 5, 7, 8, 9]));
    for (let i = 0; i < 7; i++) sirenBase += String(r.int(0, 9));
    const siren = sirenBase + String(luhnCheckDigit(sirenBase));
    if (siren === '356000000') continue;
    const nicBase = `00${pad2(r.int(1, 49))}`;
    const base = siren + nicBase;
    const siret = base + String(luhnCheckDigit(base));
    if (used.has(siret) || !isValidSiret(siret)) continue;
    used.add(siret);
    return siret;
  }
}

/** Integer in [min, max] skewed towards min. */
function skewedInt(r: Random, min: number, max: number): number {
  const u = r.next();
  return min + Math.floor(u * u * (max - min + 1));
}

function employeeCount(form: LegalFormCode, sector: string, r: Random): number {
  switch (form) {
    case 'SIAE_ACI':
      return r.int(12, 60);
    case 'SIAE_AI':
      return skewedInt(r, 20, 150);
    case 'SIAE_ETTI':
      return skewedInt(r, 10, 80);
    case 'SIAE_EI':
      return r.int(5, 40);
    case 'MUTUAL':
      return r.weighted<number>([
        [0, 70],
        [1, 25],
        [2, 5],
      ]) === 0
        ? skewedInt(r, 2, 12)
        : r.chance(0.83)
          ? r.int(13, 40)
          : r.int(41, 150);
    case 'COOPERATIVE':
      return r.chance(0.8) ? skewedInt(r, 1, 12) : r.int(13, 60);
    case 'SCOP':
      return r.chance(0.9) ? skewedInt(r, 2, 25) : r.int(26, 80);
    case 'SCIC':
      return skewedInt(r, 1, 20);
    case 'SARL':
    case 'SAS':
      return skewedInt(r, 1, 15);
    case 'FOUNDATION':
      return r.chance(0.6) ? skewedInt(r, 1, 10) : skewedInt(r, 11, 120);
    case 'ASSOCIATION': {
      const big = sector === 'action-sociale-sante' || sector === 'services-a-la-personne' ? 2.5 : 1;
      const band = r.weighted<number>([
        [0, 45],
        [1, 30],
        [2, 17],
        [3, 6 * big],
        [4, 2 * big],
      ]);
      return [r.int(1, 2), r.int(3, 10), r.int(11, 30), r.int(31, 80), skewedInt(r, 81, 250)][band] as number;
    }
  }
}

/** Relative chance of being an employer, before the exact number of employers is drawn. */
const EMPLOYER_PROPENSITY_BY_SECTOR: Record<string, number> = {
  'sport-loisirs': 0.15,
  culture: 0.3,
  'action-sociale-sante': 0.85,
  'services-a-la-personne': 0.9,
  'education-formation': 0.5,
  insertion: 0.9,
  environnement: 0.35,
  'tourisme-social': 0.5,
  'agriculture-alimentation': 0.35,
  'habitat-logement': 0.6,
  'finance-solidaire-assurance': 0.3,
  'commerce-equitable': 0.3,
  mobilite: 0.6,
  'peche-economie-maritime': 0.3,
  'recyclage-reemploi': 0.7,
};

/** SIAE, SCOP, mutuals and cooperative bank branches always have staff (as long as there are enough employers to go round). */
function employsByNature(form: LegalFormCode, sector: string): boolean {
  return SIAE_FORMS.has(form) || form === 'SCOP' || form === 'MUTUAL' || (form === 'COOPERATIVE' && sector === 'finance-solidaire-assurance');
}

function employerPropensity(form: LegalFormCode, sector: string): number {
  switch (form) {
    case 'ASSOCIATION':
      return EMPLOYER_PROPENSITY_BY_SECTOR[sector] ?? 0.4;
    case 'COOPERATIVE':
    case 'SCIC':
    case 'SARL':
    case 'SAS':
      return 0.8;
    case 'FOUNDATION':
      return 0.7;
    default:
      return 1; // employers by nature (handled first)
  }
}

function foundedYear(form: LegalFormCode, r: Random): number {
  const minYear = Math.max(FIRST_FOUNDED_YEAR, MIN_FOUNDED_YEAR[form] ?? FIRST_FOUNDED_YEAR);
  const decades = DECADE_WEIGHTS.filter(([start]) => start + 9 >= minYear);
  const start = r.weighted(decades.map(([decade, weight]) => [decade, weight] as const));
  return r.int(Math.max(start, minYear), Math.min(start + 9, LAST_FOUNDED_YEAR));
}

function stageFromYear(year: number, r: Random): StageCode {
  const age = DEMO_REFERENCE_YEAR - year;
  if (age <= 2) return 'CREATION';
  if (age <= 9) return 'DEVELOPMENT';
  // Older structures are mostly consolidating, some carry a new development project.
  return r.chance(0.15) ? 'DEVELOPMENT' : 'CONSOLIDATION';
}

function esusProbability(form: LegalFormCode): number {
  switch (form) {
    case 'SARL':
    case 'SAS':
      return 0.6;
    case 'SCIC':
      return 0.35;
    case 'SCOP':
      return 0.15;
    case 'ASSOCIATION':
      return 0.11;
    default:
      return 0.05;
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// ---------------------------------------------------------------------------
// Generator
// ---------------------------------------------------------------------------

interface Draft {
  form: LegalFormCode;
  sector: string;
  commune: string;
  holder: boolean;
  employer: boolean;
}

function assertOptions(options: GenerateOrganizationsOptions): void {
  const { count, employers, communes, sectorCodes } = options;
  if (!Number.isInteger(count) || count < 0) throw new RangeError('count must be a non-negative integer');
  if (!Number.isInteger(employers) || employers < 0 || employers > count) {
    throw new RangeError('employers must be an integer between 0 and count');
  }
  if (communes.length === 0) throw new RangeError('communes must not be empty');
  if (sectorCodes.length === 0) throw new RangeError('sectorCodes must not be empty');
}

/** Indices of `k` items drawn without replacement with probability proportional to weight (Efraimidis–Spirakis). */
function weightedSample(indices: number[], weights: number[], k: number, r: Random): number[] {
  if (k >= indices.length) return indices.slice();
  const keyed = indices.map((index, i) => ({ index, key: -Math.log(1 - r.next()) / (weights[i] as number) }));
  keyed.sort((a, b) => a.key - b.key || a.index - b.index);
  return keyed.slice(0, k).map((entry) => entry.index);
}

export function generateOrganizations(options: GenerateOrganizationsOptions): OrganizationSeed[] {
  assertOptions(options);
  const { count, employers, seed } = options;
  const communes = [...new Set(options.communes)];
  const sectorCodes = [...new Set(options.sectorCodes)];
  const r = createRandom(seed);

  const communeWeights = communes.map((name) => [name, COMMUNE_WEIGHTS[name] ?? DEFAULT_COMMUNE_WEIGHT] as const);
  const sectorWeights = sectorCodes.map((code) => [code, SECTOR_WEIGHTS[code] ?? DEFAULT_SECTOR_WEIGHT] as const);

  // 1. Sector, legal form and commune of every organization.
  const drafts = new Array<Draft>(count);
  for (let i = 0; i < count; i++) {
    const sector = r.weighted(sectorWeights);
    drafts[i] = {
      sector,
      form: r.weighted(FORMS_BY_SECTOR[sector] ?? DEFAULT_FORMS),
      commune: r.weighted(communeWeights),
      holder: false,
      employer: false,
    };
  }

  // 2. Project holders (~4%), never more than the non-employers can absorb.
  const holderCount = Math.min(Math.round(count * HOLDER_SHARE), count - employers);
  const order = Array.from({ length: count }, (_, i) => i);
  for (let i = 0; i < holderCount; i++) {
    const j = r.int(i, count - 1);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
    (drafts[order[i] as number] as Draft).holder = true;
  }

  // 3. Exactly `employers` employers: structures that employ by nature first (SIAE, SCOP, mutuals, bank branches),
  //    then the others, drawn with weights by legal form and sector.
  const mustEmploy: number[] = [];
  const mayEmploy: number[] = [];
  for (let i = 0; i < count; i++) {
    const draft = drafts[i] as Draft;
    if (draft.holder) continue;
    if (employsByNature(draft.form, draft.sector)) mustEmploy.push(i);
    else mayEmploy.push(i);
  }
  const chosen =
    employers <= mustEmploy.length
      ? weightedSample(
          mustEmploy,
          mustEmploy.map(() => 1),
          employers,
          r,
        )
      : [
          ...mustEmploy,
          ...weightedSample(
            mayEmploy,
            mayEmploy.map((i) => employerPropensity((drafts[i] as Draft).form, (drafts[i] as Draft).sector)),
            employers - mustEmploy.length,
            r,
          ),
        ];
  for (const i of chosen) (drafts[i] as Draft).employer = true;

  // 4. Details.
  const names: NameRegistry = { used: new Set<string>(), nextNumber: new Map<string, number>() };
  const sirets = new Set<string>();
  const organizations = new Array<OrganizationSeed>(count);
  for (let i = 0; i < count; i++) {
    const { form, sector, commune, holder, employer } = drafts[i] as Draft;
    const name = uniqueName(form, sector, commune, names, r);
    const employees = employer ? employeeCount(form, sector, r) : 0;
    const year = holder ? null : foundedYear(form, r);
    const stage: StageCode = year === null ? 'CREATION' : stageFromYear(year, r);
    const esus = !holder && (SIAE_FORMS.has(form) || r.chance(esusProbability(form)));
    const activity = SIAE_FORMS.has(form) ? r.pick(SIAE_ACTIVITIES[form as keyof typeof SIAE_ACTIVITIES]) : r.pick(ACTIVITIES[sector] ?? GENERIC_ACTIVITIES);
    const slug = shortSlug(name, 40);

    let description: string;
    if (holder) {
      description = `Projet en création ${communeInfo(commune).at} : ${activity}. Forme juridique envisagée : ${LEGAL_FORM_LABELS[form]}.`;
    } else {
      const staff = employees > 0 ? `${employees} salarié${employees > 1 ? 's' : ''}.` : form === 'ASSOCIATION' ? 'Association animée par des bénévoles.' : 'Aucun salarié à ce jour.';
      description = `${capitalize(communeInfo(commune).at)} : ${activity}. Forme juridique : ${LEGAL_FORM_LABELS[form]}, créée en ${year}. ${staff}`;
      if (esus) description += " Agrément ESUS (entreprise solidaire d'utilité sociale).";
    }

    organizations[i] = {
      name,
      legalForm: form,
      siret: holder ? null : randomSiret(r, sirets),
      sectorCode: sector,
      communeName: commune,
      employees,
      foundedYear: year,
      stage,
      esus,
      description,
      email: r.chance(holder ? 0.3 : 0.75) ? `${slug}@example.fr` : null,
      phone: !holder && r.chance(0.65) ? fictionalPhone(r) : null,
      website: !holder && r.chance(0.35) ? `https://www.example.org/${slug}` : null,
      consentToShare: r.chance(0.7),
      contacts: makeContacts(form, employees, holder, r),
    };
  }
  return organizations;
}

interface NameRegistry {
  used: Set<string>;
  /** Next number to try for a base name, so that repeated bases stay O(1). */
  nextNumber: Map<string, number>;
}

function uniqueName(form: LegalFormCode, sector: string, commune: string, registry: NameRegistry, r: Random): string {
  const { used } = registry;
  const info = communeInfo(commune);
  let name = '';
  for (let attempt = 0; attempt < 6; attempt++) {
    const evocative = r.pick(EVOCATIVE);
    const parts: NameParts = {
      commune,
      de: info.de,
      // The commune itself is the most common complement, then the wider area.
      area: r.chance(0.35) ? info.de : r.pick(info.areas),
      evocative,
      ofEvocative: EVOCATIVE_OF.get(evocative) as string,
      coastal: info.coastal,
    };
    name = buildName(form, sector, parts, r);
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  // Still taken: add a distinguishing suffix (a neighbourhood of Boulogne, the commune, then a number).
  if (commune === 'Boulogne-sur-Mer') {
    const offset = r.int(0, BOULOGNE_NEIGHBOURHOODS.length - 1);
    for (let k = 0; k < BOULOGNE_NEIGHBOURHOODS.length; k++) {
      const quarter = BOULOGNE_NEIGHBOURHOODS[(offset + k) % BOULOGNE_NEIGHBOURHOODS.length] as string;
      const candidate = `${name} – ${quarter}`;
      if (!used.has(candidate)) {
        used.add(candidate);
        return candidate;
      }
    }
  } else if (!name.includes(commune) && !used.has(`${name} – ${commune}`)) {
    const candidate = `${name} – ${commune}`;
    used.add(candidate);
    return candidate;
  }
  for (let n = registry.nextNumber.get(name) ?? 2; ; n++) {
    const candidate = `${name} (${n})`;
    if (!used.has(candidate)) {
      registry.nextNumber.set(name, n + 1);
      used.add(candidate);
      return candidate;
    }
  }
}
