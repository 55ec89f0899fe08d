/**
 * Deterministic demo organizations (structures de l'ESS) for the Boulonnais, drawn activity first.
 *
 * For each structure the generator draws what it does (activities.catalogue.ts), then whether it employs
 * people, its legal form, its size, a commune where such a structure can be and be that large, its
 * identifiers, address, accreditations, publics, yearly figures and name, all consistent with the activity.
 * The data describes the perimeter on DEMO_DATA_DATE.
 *
 * Pure and dependency-free: plain records typed with the shared enums, no ORM, no clock, no global random.
 * The same options (including the seed) always give a deep-equal result. Every person, organization,
 * SIRET, RNA number, e-mail address and phone number is fictional: e-mails use example.org / example.fr,
 * phones the range the French regulator (Arcep) keeps for works of fiction (03 53 01 xx xx), SIRETs are
 * random numbers that pass the official checksum.
 */

import { luhnCheckDigit } from '../siret.js';
import { communeNamesOf } from '../../territory/index.js';
import { createRandom, type Random } from '../../../server/kit/index.js';
import { ACCREDITATION_HOLDERS, AccreditationKind, ESS_FAMILY_OF, LEGAL_FORM_LABELS, LegalForm, SIAE_KINDS, Stage, TargetPublic, type EssFamily } from '../organization.enums.js';
import { ACCREDITATION_SINCE, ACTIVITIES, FORM_SINCE, NETWORK_BY_CODE, type Activity, type Money, type Network, type Weighted } from './activities.catalogue.js';
import { communeFacts, PRIORITY_DISTRICTS, staffCapacity, TOWN_STREETS, VILLAGE_STREETS } from './communes.data.js';
import {
  ASSOCIATE,
  atCommune,
  BRANCH_MANAGER,
  BRANCH_ROLES,
  capitalize,
  CO_HOLDER,
  DIRECTOR,
  ESTABLISHMENT_HEAD,
  EVOCATIVE_COASTAL,
  EVOCATIVE_INLAND,
  FEMALE_FIRST_NAMES,
  HOLDER,
  LAST_NAMES,
  MALE_FIRST_NAMES,
  MANAGER,
  MAYOR_DEPUTY,
  ofCommune,
  ofPhrase,
  PRESIDENT,
  shortSlug,
  asciiSlug,
  SIAE_STAFF_ROLES,
  STAFF_ROLES,
  VOLUNTEER_ROLES,
  type GenderedRole,
  type NameParts,
} from './names.js';

// ---------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------

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

export interface AccreditationSeed {
  kind: AccreditationKind;
  /** 'YYYY-MM-DD'. */
  since: string;
  /** 'YYYY-MM-DD'; null: no end (a declaration, an authorisation renewed without a date). */
  until: string | null;
  /** Posts in full-time equivalents of a SIAE conventionnement; null otherwise. */
  postsFte: number | null;
  reference: string | null;
}

export interface FiguresSeed {
  year: number;
  headcount: number;
  fte: number;
  insertionEmployees: number;
  subsidisedContracts: number;
  volunteers: number;
  members: number;
  /** Income (produits) or turnover, €. */
  income: number;
  payroll: number | null;
  /** Share of income from public funders, 0–100. */
  publicFundingShare: number | null;
  mainFunders: string[];
  equity: number | null;
}

export interface OrganizationSeed {
  name: string;
  legalForm: LegalForm;
  /** Code of the activity in the catalogue it was drawn from. */
  activity: string;
  /** 14 digits, no spaces; null for project holders whose structure does not exist yet. */
  siret: string | null;
  /** True: the legal unit's head office; false: a secondary establishment (an agency); null for holders. */
  headOffice: boolean | null;
  /** The regional network a secondary establishment belongs to (its legal unit); null otherwise. */
  network: string | null;
  /** NAF rev. 2 code, '88.99B' form; null for holders. */
  nafCode: string | null;
  /** RNA number (W + 9 characters) of associations; null otherwise or when unknown. */
  rna: string | null;
  /** 'YYYY-MM-DD' of the establishment's creation; null for holders. */
  creationDate: string | null;
  foundedYear: number | null;
  /** Main sector first. */
  sectorCodes: string[];
  /** The main sector (sectorCodes[0]). */
  sectorCode: string;
  communeName: string;
  address: string | null;
  postalCode: string | null;
  /** The QPV the address is in; null outside. */
  priorityDistrict: string | null;
  /** Headcount of the latest figures; 0 for a non-employer. */
  employees: number;
  stage: Stage;
  /** Holds a valid ESUS accreditation on DEMO_DATA_DATE, or is ESUS by law as a SIAE. */
  esus: boolean;
  accreditations: AccreditationSeed[];
  publics: TargetPublic[];
  /** Yearly figures of the legal unit, newest first; empty for secondary establishments and holders. */
  figures: FiguresSeed[];
  description: string;
  email: string | null;
  phone: string | null;
  website: string | null;
  consentToShare: boolean;
  contacts: ContactSeed[];
}

export interface GenerateOrganizationsOptions {
  /** Total number of organizations (>= 0), project holders included. */
  count: number;
  /** Exactly this many get employees; by default, the share the activities give. */
  employers?: number;
  seed: number;
  /** Commune names to draw from (non-empty). */
  communes: readonly string[];
  /** Sector codes to draw from (non-empty): activities whose main sector is not among them are left out. */
  sectorCodes: readonly string[];
  /** The QPV each commune has, as the territory records them; by default those of communes.data.ts. */
  priorityDistricts?: Readonly<Record<string, readonly string[]>>;
}

/** The date the demo data describes: figures are those of the last closed year, accreditations valid on it. */
export const DEMO_DATA_DATE = '2026-01-01';
export const DEMO_SEED = 2012;
/**
 * One organization per real establishment: about 1,300 SSE establishments in the CAB (CRESS figures) and a
 * share of the CCDS's in proportion to its population, less dense in associations (about 190), plus about
 * 3 % project holders.
 */
export const DEMO_ORGANIZATION_COUNT = 1540;

/** Share of project holders whose structure is not created yet (no SIRET, no creation date). */
const HOLDER_SHARE = 0.03;
/** The CCDS has fewer SSE establishments per inhabitant than the agglomeration. */
const CCDS_DENSITY = 1;
/** The central town draws more than its population (head offices, services to the whole area). */
const BOULOGNE_PULL = 1.35;
/** Share of employers with negative equity: in difficulty (stage RECOVERY). */
const FRAGILE_SHARE = 0.04;
const REFERENCE_YEAR = Number(DEMO_DATA_DATE.slice(0, 4));
/** The last year whose accounts are closed and approved on DEMO_DATA_DATE. */
export const LATEST_FIGURES_YEAR = REFERENCE_YEAR - 2;

const CCDS_COMMUNES = new Set(communeNamesOf('CCDS'));

/** Neighbourhoods of Boulogne-sur-Mer, used to tell apart two structures that would share a name. */
const BOULOGNE_NEIGHBOURHOODS = ['Haute-Ville', 'Capécure', 'Bréquerecque', 'Saint-Pierre', 'Chemin Vert', 'Beaurepaire', 'Tintelleries', 'Montlambert', 'Damrémont', 'Dernier Sou'];

// ---------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------

const DAY = 86_400_000;

function toDate(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`);
}

function toIso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y + years, m - 1, d));
  return date.toISOString().slice(0, 10);
}

/** A day between two dates (both included), uniformly. */
function dayBetween(r: Random, from: string, to: string): string {
  const a = toDate(from);
  const b = toDate(to);
  if (b <= a) return from;
  return toIso(a + r.int(0, Math.round((b - a) / DAY)) * DAY);
}

const REFERENCE_MS = toDate(DEMO_DATA_DATE);
/** Structures in the directory were registered at least a few months before the data's date. */
const LAST_CREATION = toIso(REFERENCE_MS - 120 * DAY);

/** [first year of the decade, weight]: creations weighted to recent decades, as the SIRENE stock is. */
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
  [2020, 9],
];

/** A creation date no earlier than `earliest`, weighted by decade. */
function creationDate(r: Random, earliest: string): string {
  const minYear = Number(earliest.slice(0, 4));
  const decades = DECADE_WEIGHTS.filter(([start]) => start + 9 >= minYear && start <= REFERENCE_YEAR);
  const start = r.weighted(decades);
  const from = start <= minYear ? earliest : `${start}-01-01`;
  const endOfDecade = `${start + 9}-12-31`;
  return dayBetween(r, from, endOfDecade < LAST_CREATION ? endOfDecade : LAST_CREATION);
}

function laterOf(a: string, b: string): string {
  return a > b ? a : b;
}

// ---------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Integer in [min, max] skewed towards min. */
function skewedInt(r: Random, min: number, max: number): number {
  const u = r.next();
  return min + Math.floor(u * u * (max - min + 1));
}

function between(r: Random, [min, max]: readonly [number, number]): number {
  return min + r.next() * (max - min);
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/** Income, payroll and equity in round hundreds of euros, as accounts are read. */
function euros(x: number): number {
  return Math.round(x / 100) * 100;
}

// ---------------------------------------------------------------------------
// Identifiers
// ---------------------------------------------------------------------------

interface Identifiers {
  sirens: Set<string>;
  sirets: Set<string>;
  rnas: Set<string>;
  /** SIREN of each network and each CCAS (by commune), and the next NIC to give. */
  units: Map<string, { siren: string; nextNic: number; hasHeadOffice: boolean }>;
}

/** A SIREN nobody has: 9 digits whose last is the Luhn key; public bodies of the Pas-de-Calais start with 2. */
function newSiren(r: Random, ids: Identifiers, prefix: string): string {
  for (;;) {
    let base = prefix;
    while (base.length < 8) base += String(r.int(0, 9));
    const siren = base + String(luhnCheckDigit(base));
    if (siren === '356000000' || ids.sirens.has(siren)) continue;
    ids.sirens.add(siren);
    return siren;
  }
}

/** The SIRET of establishment number `nic` (1 for the head office) of a SIREN: NIC of 4 digits and a key. */
function siretOf(siren: string, nic: number, ids: Identifiers): string {
  const base = siren + pad(nic, 4);
  const siret = base + String(luhnCheckDigit(base));
  ids.sirets.add(siret);
  return siret;
}

function privateSirenPrefix(r: Random): string {
  return String(r.pick([3, 4, 5, 7, 8, 9]));
}

/** An RNA number of the Boulogne-sur-Mer sous-préfecture: W622 and six digits. */
function newRna(r: Random, ids: Identifiers): string {
  for (;;) {
    const rna = `W622${pad(r.int(0, 999_999), 6)}`;
    if (ids.rnas.has(rna)) continue;
    ids.rnas.add(rna);
    return rna;
  }
}

// ---------------------------------------------------------------------------
// Places
// ---------------------------------------------------------------------------

interface CommuneChoice {
  name: string;
  population: number;
  coastal: boolean;
  port: boolean;
  capacity: number;
  weight: number;
}

function fits(activity: Activity, c: CommuneChoice): boolean {
  switch (activity.place) {
    case 'coast':
      return c.coastal;
    case 'port':
      return c.port;
    case 'rural':
      return c.population < 3000;
    case 'town':
      return c.population >= 3000;
    case 'anywhere':
      return true;
  }
}

function pickCommune(r: Random, activity: Activity, form: LegalForm, staff: number, communes: readonly CommuneChoice[], taken: ReadonlySet<string>): CommuneChoice | null {
  const candidates = communes.filter((c) => fits(activity, c) && c.capacity >= staff && !taken.has(c.name) && (form !== LegalForm.CCAS || c.population >= 3000));
  if (candidates.length === 0) return null;
  return r.weighted(candidates.map((c) => [c, c.weight] as const));
}

function address(r: Random, commune: string, inDistrict: boolean, known: GenerateOrganizationsOptions['priorityDistricts']): { address: string; priorityDistrict: string | null } {
  const districts = (PRIORITY_DISTRICTS[commune] ?? []).filter((d) => known === undefined || (known[commune] ?? []).includes(d.name));
  if (inDistrict && districts !== undefined && districts.length > 0) {
    const district = r.pick(districts);
    return { address: `${r.int(1, 60)} ${r.pick(district.streets)}`, priorityDistrict: district.name };
  }
  const streets = TOWN_STREETS[commune] ?? VILLAGE_STREETS;
  return { address: `${r.int(1, communeFacts(commune).population > 3000 ? 180 : 40)} ${r.pick(streets)}`, priorityDistrict: null };
}

/** Activities whose place is in priority districts more than elsewhere. */
const DISTRICT_CHANCE: Readonly<Record<string, number>> = {
  'social-centre': 0.7,
  'food-aid': 0.4,
  'tutoring-literacy': 0.5,
  'aci-reuse': 0.3,
  ai: 0.3,
  'mobility-platform': 0.3,
  prevention: 0.3,
};

// ---------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------

function areaPhrases(commune: string, seaside: boolean): string[] {
  const phrases = ['du Boulonnais', 'du Pays boulonnais'];
  if (CCDS_COMMUNES.has(commune)) phrases.push('du Pays de Desvres-Samer', 'du bocage boulonnais');
  else phrases.push("de l'agglomération boulonnaise");
  if (seaside) phrases.push("de la Côte d'Opale", 'du littoral');
  return phrases;
}

function nameParts(r: Random, commune: CommuneChoice): NameParts {
  const seaside = commune.coastal || commune.port;
  const evocative = r.pick(seaside ? EVOCATIVE_COASTAL : EVOCATIVE_INLAND);
  return {
    commune: commune.name,
    de: ofCommune(commune.name),
    area: r.chance(0.35) ? ofCommune(commune.name) : r.pick(areaPhrases(commune.name, seaside)),
    evocative,
    ofEvocative: ofPhrase(evocative),
    coastal: seaside,
  };
}

/** What a CCAS calls the service it runs. */
const CCAS_SERVICES: Readonly<Record<string, string>> = {
  'home-care': "service d'aide à domicile",
  'aci-reuse': "recyclerie d'insertion",
  'aci-nature': "chantier d'insertion nature et patrimoine",
};

/** The name of a network's establishment: "Banque mutualiste du Nord – agence de Desvres". */
function branchName(r: Random, activity: Activity, network: Network, p: NameParts): string {
  switch (activity.code) {
    case 'bank-local-caisse':
      return `Caisse locale ${p.de} (${network.name})`;
    case 'mutual-care-centre':
      return `${r.pick(['Centre dentaire mutualiste', "Centre d'optique mutualiste"])} ${p.de}`;
    case 'elderly-home':
      return network.form === LegalForm.FOUNDATION ? `EHPAD ${p.evocative} (${network.name})` : `EHPAD mutualiste ${p.evocative}`;
    case 'bank-agency':
    case 'mutual-health-agency':
    case 'mutual-insurance-agency':
      return `${network.name} – agence ${p.de}`;
    default:
      return `${r.pick(activity.names)(p, r)} (${network.name})`;
  }
}

function companyName(r: Random, activity: Activity, form: LegalForm, p: NameParts): string {
  const trade = r.pick(activity.trades.length > 0 ? activity.trades : ['Atelier', 'Services']);
  const place = r.chance(0.5) ? p.ofEvocative : p.area;
  switch (form) {
    case LegalForm.SCOP:
      return r.chance(0.55) ? `SCOP ${trade} ${place}` : `${trade} ${place}`;
    case LegalForm.SCIC:
      return r.chance(0.6) ? `SCIC ${trade} ${place}` : `${trade} ${place}`;
    case LegalForm.COOPERATIVE:
      return `Coopérative ${trade.toLowerCase()} ${place}`;
    default:
      return `${trade} ${place}`;
  }
}

function baseName(r: Random, activity: Activity, form: LegalForm, network: Network | null, p: NameParts): string {
  if (network !== null) return branchName(r, activity, network, p);
  if (form === LegalForm.CCAS) return `CCAS ${p.de} – ${CCAS_SERVICES[activity.code] ?? activity.does.split(' :')[0]}`;
  const pureForm = activity.forms.length === 1;
  if (activity.names.length > 0 && (form === LegalForm.ASSOCIATION || (pureForm && form !== LegalForm.INDIVIDUAL))) {
    const name = r.pick(activity.names)(p, r);
    // "Les Jardins du Portel" → sometimes "Association Les Jardins du Portel".
    return form === LegalForm.ASSOCIATION && /^(Les |Le |La |L')/.test(name) && !name.startsWith('Les Amis') && r.chance(0.3) ? `Association ${name}` : name;
  }
  if (activity.trades.length > 0) return companyName(r, activity, form, p);
  return r.pick(activity.names)(p, r);
}

interface NameRegistry {
  used: Set<string>;
  nextNumber: Map<string, number>;
}

function uniqueName(r: Random, draw: () => string, commune: string, registry: NameRegistry): string {
  const { used } = registry;
  let name = '';
  for (let attempt = 0; attempt < 12; attempt++) {
    name = draw();
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  // Still taken: a distinguishing suffix (the commune, a neighbourhood of Boulogne or a street, as
  // agencies and clubs are told apart), a number only as a last resort.
  const suffixes = [
    ...(name.includes(commune.replace(/^(Le|La|Les) /, '')) ? [] : [commune]),
    ...(commune === 'Boulogne-sur-Mer' ? BOULOGNE_NEIGHBOURHOODS : []),
    ...(TOWN_STREETS[commune] ?? VILLAGE_STREETS),
  ];
  const offset = r.int(0, suffixes.length - 1);
  for (let k = 0; k < suffixes.length; k++) {
    const candidate = `${name} – ${suffixes[(offset + k) % suffixes.length]}`;
    if (!used.has(candidate)) {
      used.add(candidate);
      return candidate;
    }
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

// ---------------------------------------------------------------------------
// Accreditations
// ---------------------------------------------------------------------------

/**
 * Relative chance that a structure asks for ESUS: what its activity says, else by form (an ESS company needs
 * it for solidarity savings; associations rarely ask). SIAE are ESUS by law and networks' agencies never ask.
 */
function esusRequestChance(unit: Unit, employer: boolean): number {
  const { activity, form } = unit;
  if (networksOf(activity, form).length > 0 || !ACCREDITATION_HOLDERS.ESUS.includes(form)) return 0;
  if (activity.accreditations.some((a) => SIAE_KINDS.includes(a.kind) && a.chance === 1)) return 0;
  const rule = activity.accreditations.find((a) => a.kind === AccreditationKind.ESUS);
  if (rule !== undefined) return rule.chance;
  switch (form) {
    case LegalForm.SARL:
    case LegalForm.SAS:
    case LegalForm.SA:
      return 0.4;
    case LegalForm.SCIC:
      return 0.3;
    case LegalForm.SCOP:
      return 0.08;
    case LegalForm.ASSOCIATION:
      return employer ? 0.012 : 0;
    default:
      return 0;
  }
}

/** Ends of current SIAE conventionnements (one to three years, by calendar year). */
const SIAE_ENDS = ['2026-06-30', '2026-12-31', '2027-12-31', '2028-12-31'];

function accreditationOf(r: Random, kind: AccreditationKind, created: string, lapsed = false): AccreditationSeed | null {
  // Records start in 1980 (the directory's rule for accreditations); a JEP comes after three years of activity.
  const earliest = laterOf(laterOf(ACCREDITATION_SINCE[kind], '1980-01-01'), kind === AccreditationKind.JEP ? addYears(created, 3) : created);
  const latest = toIso(REFERENCE_MS - 30 * DAY);
  if (earliest > latest) return null;
  if (kind === AccreditationKind.ESUS) {
    // Five years (two when granted to a company under three years old).
    const term = (since: string): string => toIso(toDate(addYears(since, since < addYears(created, 3) ? 2 : 5)) - DAY);
    if (lapsed) {
      const since = dayBetween(r, earliest, laterOf(earliest, addYears(DEMO_DATA_DATE, -6)));
      const until = term(since);
      return until < DEMO_DATA_DATE ? { kind, since, until, postsFte: null, reference: null } : null;
    }
    let since = dayBetween(r, laterOf(earliest, addYears(DEMO_DATA_DATE, -5)), latest);
    if (term(since) < DEMO_DATA_DATE) since = dayBetween(r, laterOf(earliest, addYears(DEMO_DATA_DATE, -2)), latest);
    return term(since) < DEMO_DATA_DATE ? null : { kind, since, until: term(since), postsFte: null, reference: null };
  }
  if (SIAE_KINDS.includes(kind)) {
    // `since`: the first conventionnement; `until`: the end of the current one.
    const since = dayBetween(r, earliest, toIso(Math.min(toDate(earliest) + 2 * 365 * DAY, toDate(latest))));
    return { kind, since, until: r.pick(SIAE_ENDS), postsFte: 0, reference: null };
  }
  const since = dayBetween(r, earliest, toIso(Math.min(toDate(earliest) + 3 * 365 * DAY, toDate(latest))));
  return { kind, since, until: null, postsFte: null, reference: null };
}

/** Valid on DEMO_DATA_DATE. */
export function isCurrent(a: AccreditationSeed): boolean {
  return a.since <= DEMO_DATA_DATE && (a.until === null || a.until >= DEMO_DATA_DATE);
}

// ---------------------------------------------------------------------------
// Figures
// ---------------------------------------------------------------------------

/** Equity over income, by form: foundations hold an endowment, cooperatives reserves, associations less. */
const EQUITY_RATIO: Readonly<Record<LegalForm, readonly [number, number] | null>> = {
  ASSOCIATION: [0.05, 0.6],
  SCOP: [0.15, 0.5],
  SCIC: [0.1, 0.45],
  COOPERATIVE: [0.2, 0.8],
  MUTUAL_HEALTH: [0.3, 1],
  MUTUAL_INSURANCE: [0.3, 1],
  FOUNDATION: [0.5, 2],
  SARL: [0.05, 0.4],
  SAS: [0.05, 0.4],
  SA: [0.1, 0.4],
  COMMUNE: null,
  CCAS: null,
  INDIVIDUAL: null,
};

/** Share of the headcount in insertion pathways, by SIAE kind. */
const INSERTION_SHARE: Partial<Record<AccreditationKind, readonly [number, number]>> = {
  SIAE_ACI: [0.75, 0.85],
  SIAE_EI: [0.5, 0.7],
  SIAE_ETTI: [0.75, 0.9],
  SIAE_AI: [0.88, 0.95],
};

/** FTE of a CDDI in an ACI (26 hours a week) and of the other insertion contracts, over a full time. */
const INSERTION_FTE: Partial<Record<AccreditationKind, number>> = { SIAE_ACI: 0.74, SIAE_EI: 0.9, SIAE_ETTI: 0.45, SIAE_AI: 0.25 };

function fundersOf(r: Random, money: Money, commune: string, share: number): string[] {
  if (share <= 0 || money.funders.length === 0) return [];
  const count = Math.min(money.funders.length, share >= 50 ? r.int(2, 3) : r.int(1, 2));
  const local = (f: string): string =>
    f === '{commune}'
      ? commune === 'Boulogne-sur-Mer' || communeFacts(commune).population >= 3000
        ? `Ville ${ofCommune(commune)}`
        : `Commune ${ofCommune(commune)}`
      : f === '{interco}'
        ? CCDS_COMMUNES.has(commune)
          ? 'Communauté de communes de Desvres-Samer'
          : "Communauté d'agglomération du Boulonnais"
        : f;
  return money.funders.slice(0, count).map(local);
}

interface Draft {
  activity: Activity;
  form: LegalForm;
  commune: CommuneChoice;
  staff: number;
  created: string;
  siae: AccreditationKind | null;
  fragile: boolean;
}

function figuresOf(r: Random, d: Draft, money: Money, volunteers: number, members: number): FiguresSeed[] {
  const { activity, form, staff } = d;
  const firstYear = Number(d.created.slice(0, 4));
  const years = [LATEST_FIGURES_YEAR, LATEST_FIGURES_YEAR - 1].filter((y) => y >= firstYear);
  const commercial = form === LegalForm.SCOP || form === LegalForm.SARL || form === LegalForm.SAS || form === LegalForm.SA;
  const shareCap = commercial ? (d.siae !== null || activity.accreditations.some((a) => a.kind === AccreditationKind.EA) ? 35 : 12) : 100;
  const publicShare = round1(Math.min(shareCap, between(r, money.publicShare)));
  const funders = fundersOf(r, money, d.commune.name, publicShare);
  const equityRatio = EQUITY_RATIO[form];
  const figures: FiguresSeed[] = [];
  let headcount = staff;
  for (const year of years) {
    const fte = headcount === 0 ? 0 : Math.max(0.1, Math.min(headcount, round1(headcount * between(r, activity.fte))));
    const insertionShare = d.siae === null ? null : INSERTION_SHARE[d.siae];
    const insertionEmployees = insertionShare === null || insertionShare === undefined ? 0 : Math.min(headcount - 1, Math.round(headcount * between(r, insertionShare)));
    const subsidisedContracts =
      (form === LegalForm.ASSOCIATION || form === LegalForm.CCAS) && headcount > 0 && r.chance(0.4) ? Math.min(headcount - insertionEmployees, Math.round(headcount * between(r, [0.05, 0.25]))) : 0;
    const payroll = headcount === 0 ? 0 : euros(fte * between(r, money.payPerFte));
    const income = headcount === 0 ? euros(between(r, money.unpaidIncome)) : euros(payroll / between(r, money.payrollShare));
    const equity = equityRatio === null ? null : d.fragile ? -euros(income * between(r, [0.02, 0.15])) : euros(income * between(r, equityRatio));
    figures.push({
      year,
      headcount,
      fte,
      insertionEmployees,
      subsidisedContracts,
      volunteers,
      members,
      income,
      payroll,
      publicFundingShare: publicShare,
      mainFunders: funders,
      equity,
    });
    // The year before: a little smaller or larger, an employer stays one.
    if (headcount > 0) headcount = Math.max(1, Math.round(headcount * between(r, [0.85, 1.1])));
  }
  return figures;
}

// ---------------------------------------------------------------------------
// Contacts
// ---------------------------------------------------------------------------

function fictionalPhone(r: Random): string {
  return `03 53 01 ${pad(r.int(0, 99), 2)} ${pad(r.int(0, 99), 2)}`;
}

function firstRole(r: Random, form: LegalForm, branch: boolean, siae: boolean, employees: number): GenderedRole {
  if (branch) return employees >= 15 ? ESTABLISHMENT_HEAD : BRANCH_MANAGER;
  switch (form) {
    case LegalForm.SCOP:
    case LegalForm.SARL:
      return MANAGER;
    case LegalForm.SCIC:
      return r.chance(0.5) ? MANAGER : PRESIDENT;
    case LegalForm.CCAS:
      return r.chance(0.6) ? DIRECTOR : MAYOR_DEPUTY;
    default:
      return siae || employees >= 20 ? (r.chance(0.7) ? DIRECTOR : PRESIDENT) : PRESIDENT;
  }
}

function makeContacts(r: Random, form: LegalForm, employees: number, holder: boolean, branch: boolean, siae: boolean): ContactSeed[] {
  const count = r.weighted<number>([
    [1, 45],
    [2, 35],
    [3, 20],
  ]);
  const contacts: ContactSeed[] = [];
  const usedRoles = new Set<GenderedRole>();
  for (let i = 0; i < count; i++) {
    const female = r.chance(0.52);
    const firstName = r.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
    const lastName = r.pick(LAST_NAMES);
    let role: GenderedRole;
    if (holder) role = i === 0 ? HOLDER : r.chance(0.6) ? CO_HOLDER : ASSOCIATE;
    else if (i === 0) role = firstRole(r, form, branch, siae, employees);
    else {
      const pool = branch ? BRANCH_ROLES : employees === 0 ? VOLUNTEER_ROLES : siae ? SIAE_STAFF_ROLES : form === LegalForm.ASSOCIATION ? [...STAFF_ROLES, ...VOLUNTEER_ROLES] : STAFF_ROLES;
      // Draw until the role is new in this organization (pools have at least 3 roles, at most 2 are taken).
      do role = r.pick(pool);
      while (usedRoles.has(role));
    }
    usedRoles.add(role);
    const email = r.chance(0.85) ? `${asciiSlug(firstName)}.${asciiSlug(lastName)}@${r.chance(0.7) ? 'example.org' : 'example.fr'}` : null;
    contacts.push({
      firstName,
      lastName,
      role: female ? role[1] : role[0],
      email,
      phone: r.chance(0.6) ? fictionalPhone(r) : null,
      isHolder: holder && (role === HOLDER || role === CO_HOLDER),
    });
  }
  return contacts;
}

// ---------------------------------------------------------------------------
// The drawing
// ---------------------------------------------------------------------------

/** Target share of SSE establishments holding a current ESUS on request (national: 1.3 %). */
const ESUS_SHARE = 0.013;
/** Lapsed ESUS, relative to current ones. */
const ESUS_LAPSED_SHARE = 0.15;

interface Unit {
  activity: Activity;
  form: LegalForm;
}

/** The networks whose establishments an activity of this form would be. */
function networksOf(activity: Activity, form: LegalForm): Network[] {
  return (activity.networks ?? []).map((code) => NETWORK_BY_CODE.get(code)!).filter((n) => n.form === form && (activity.code !== 'bank-local-caisse' || n.localCaisses));
}

function shuffle<T>(r: Random, items: T[]): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}

/** `n` items in proportion to their weights (largest remainders, ties drawn by weight), in a random order. */
function allocate<T>(r: Random, items: Weighted<T>, n: number, none: string): T[] {
  if (n === 0) return [];
  const total = items.reduce((sum, [, w]) => sum + Math.max(0, w), 0);
  if (total <= 0) throw new RangeError(none);
  const exact = items.map(([, w]) => (n * Math.max(0, w)) / total);
  const counts = exact.map(Math.floor);
  let rest = n - counts.reduce((a, b) => a + b, 0);
  // Remainders: drawn in proportion to the fractional parts (Efraimidis–Spirakis keys), without replacement.
  const keyed = exact.map((e, i) => ({ i, key: e - counts[i]! > 0 ? Math.log(r.next()) / (e - counts[i]!) : -Infinity }));
  keyed.sort((a, b) => b.key - a.key || a.i - b.i);
  for (const { i } of keyed) {
    if (rest === 0) break;
    counts[i]!++;
    rest--;
  }
  const out: T[] = [];
  items.forEach(([item], i) => {
    for (let k = 0; k < counts[i]!; k++) out.push(item);
  });
  shuffle(r, out);
  return out;
}

function assertOptions(options: GenerateOrganizationsOptions): void {
  const { count, employers, communes, sectorCodes } = options;
  if (!Number.isInteger(count) || count < 0) throw new RangeError('count must be a non-negative integer');
  if (employers !== undefined && (!Number.isInteger(employers) || employers < 0 || employers > count)) {
    throw new RangeError('employers must be an integer between 0 and count');
  }
  if (communes.length === 0) throw new RangeError('communes must not be empty');
  if (sectorCodes.length === 0) throw new RangeError('sectorCodes must not be empty');
}

function stageOf(r: Random, created: string, fragile: boolean): Stage {
  if (fragile) return Stage.RECOVERY;
  const age = REFERENCE_YEAR - Number(created.slice(0, 4));
  if (age <= 2) return Stage.CREATION;
  if (age <= 8) return Stage.DEVELOPMENT;
  return r.chance(0.15) ? Stage.DEVELOPMENT : Stage.CONSOLIDATION;
}

/** The employer share the activities give, weighted by how often each is drawn. */
function expectedEmployerShare(activities: readonly Activity[]): number {
  let total = 0;
  let employing = 0;
  for (const a of activities) {
    total += a.weight;
    employing += a.weight * a.employer;
  }
  return total === 0 ? 0 : employing / total;
}

/** The activities that can be drawn with these sectors and communes. */
function availableActivities(sectors: ReadonlySet<string>, communes: readonly CommuneChoice[]): Activity[] {
  return ACTIVITIES.filter((a) => sectors.has(a.sectors[0] as string) && communes.some((c) => fits(a, c)));
}

export function generateOrganizations(options: GenerateOrganizationsOptions): OrganizationSeed[] {
  assertOptions(options);
  const { count, seed } = options;
  const sectors = new Set(options.sectorCodes);
  const r = createRandom(seed);
  const communes: CommuneChoice[] = [...new Set(options.communes)].map((name) => {
    const facts = communeFacts(name);
    const weight = facts.population * (CCDS_COMMUNES.has(name) ? CCDS_DENSITY : 1) * (name === 'Boulogne-sur-Mer' ? BOULOGNE_PULL : 1);
    return { name, population: facts.population, coastal: facts.coastal, port: facts.port, capacity: staffCapacity(facts.population), weight };
  });
  const activities = availableActivities(sectors, communes);
  if (activities.length === 0 && count > 0) throw new RangeError('no activity of the catalogue fits these sectors and communes');
  const maxCapacity = Math.max(...communes.map((c) => c.capacity));

  // 1. Who is a project holder, who employs: exact counts, then activities drawn knowing it.
  const employerCount = options.employers ?? Math.round((count - Math.round(count * HOLDER_SHARE)) * expectedEmployerShare(activities));
  const holderCount = Math.min(Math.round(count * HOLDER_SHARE), count - employerCount);
  const roles: ('holder' | 'employer' | 'volunteer')[] = Array.from({ length: count }, (_, i) => (i < holderCount ? 'holder' : i < holderCount + employerCount ? 'employer' : 'volunteer'));
  shuffle(r, roles);
  const seen = { holder: 0, employer: 0, volunteer: 0 };
  const positionInQueue = roles.map((role) => seen[role]++);
  // Each (activity, form) gets its share of each role, rounded by largest remainders, so that the
  // proportions (families, insertion structures, jobs) hold in every demo, not only on average.
  const units = (share: (a: Activity) => number, keep: (a: Activity, f: LegalForm) => boolean = () => true): Weighted<Unit> =>
    activities.flatMap((a) => {
      const total = a.forms.reduce((sum, [, w]) => sum + w, 0);
      return a.forms.filter(([f]) => keep(a, f)).map(([form, w]) => [{ activity: a, form }, (a.weight * share(a) * w) / total] as const);
    });
  const holderForm = (a: Activity, f: LegalForm): boolean => f !== LegalForm.CCAS && networksOf(a, f).length === 0;
  const employing = units((a) => a.employer);
  const notEmploying = units((a) => 1 - a.employer);
  const forHolders = units(() => 1, holderForm);
  const volunteerCount = count - employerCount - holderCount;
  const queues = {
    employer: allocate(r, employing, employerCount, 'no activity of these sectors employs people'),
    volunteer: allocate(r, notEmploying, volunteerCount, 'every activity of these sectors employs people'),
    holder: allocate(r, forHolders, holderCount, 'no activity of these sectors suits a project holder'),
  };

  // ESUS on request is rare (about 1.3 % of SSE establishments): the structures that ask are chosen by
  // systematic sampling over their chances, so that the share holds exactly.
  const esusChances = roles.map((role, i) => {
    if (role === 'holder') return 0;
    const unit = queues[role][positionInQueue[i]!]!;
    return esusRequestChance(unit, role === 'employer');
  });
  const chanceTotal = esusChances.reduce((a, b) => a + b, 0);
  const esusScale = chanceTotal === 0 ? 0 : (ESUS_SHARE * (count - holderCount)) / chanceTotal;
  let esusCursor = r.next();

  const ids: Identifiers = { sirens: new Set(), sirets: new Set(), rnas: new Set(), units: new Map() };
  const names: NameRegistry = { used: new Set(), nextNumber: new Map() };
  const onePerCommune = new Set<string>();
  const organizations: OrganizationSeed[] = [];

  for (let index = 0; index < count; index++) {
    const role = roles[index]!;
    const holder = role === 'holder';
    const employer = role === 'employer';
    const unit = queues[role][positionInQueue[index]!]!;
    const activity = unit.activity;
    const esusCursorBefore = esusCursor;
    esusCursor += esusChances[index]! * esusScale;
    const asksEsus = Math.floor(esusCursor) > Math.floor(esusCursorBefore);

    // 2. Legal form: an establishment of a network when the activity has one of that form.
    let form = unit.form;
    const networks = networksOf(activity, form);
    const network: Network | null = !holder && networks.length > 0 ? r.pick(networks) : null;

    // 3. Size, then a commune where such a structure can be, and be that large.
    let staff = employer ? skewedInt(r, Math.max(1, activity.staff[0]), Math.max(1, activity.staff[1])) : 0;
    staff = Math.min(staff, maxCapacity);
    const taken = activity.code === 'bank-local-caisse' ? new Set([...onePerCommune].filter((k) => k.startsWith('caisse|')).map((k) => k.slice(7))) : new Set<string>();
    let commune = pickCommune(r, activity, form, staff, communes, taken);
    if (commune === null && form === LegalForm.CCAS) {
      form = LegalForm.ASSOCIATION;
      commune = pickCommune(r, activity, form, staff, communes, taken);
    }
    if (commune === null) commune = pickCommune(r, { ...activity, place: 'anywhere' }, form, staff, communes, new Set()) ?? communes.reduce((a, b) => (b.capacity > a.capacity ? b : a));
    staff = Math.min(staff, commune.capacity);
    if (activity.code === 'bank-local-caisse') onePerCommune.add(`caisse|${commune.name}`);

    const parts = (): NameParts => nameParts(r, commune);
    const baseDraw = (): string => baseName(r, activity, form, network, parts());

    if (holder) {
      const name = uniqueName(r, () => `Projet ${baseDraw()}`, commune.name, names);
      organizations.push({
        name,
        legalForm: LegalForm.INDIVIDUAL,
        activity: activity.code,
        siret: null,
        headOffice: null,
        network: null,
        nafCode: null,
        rna: null,
        creationDate: null,
        foundedYear: null,
        sectorCodes: activity.sectors.filter((s) => sectors.has(s)),
        sectorCode: activity.sectors[0]!,
        communeName: commune.name,
        address: null,
        postalCode: null,
        priorityDistrict: null,
        employees: 0,
        stage: Stage.EMERGENCE,
        esus: false,
        accreditations: [],
        publics: [...activity.publics],
        figures: [],
        description: `Projet en création ${atCommune(commune.name)} : ${activity.does}. Forme juridique envisagée : ${LEGAL_FORM_LABELS[form].toLowerCase()}.`,
        email: r.chance(0.3) ? `${shortSlug(name, 40)}@example.fr` : null,
        phone: null,
        website: null,
        consentToShare: r.chance(0.7),
        contacts: makeContacts(r, form, 0, true, false, false),
      });
      continue;
    }

    // 4. Creation date, consistent with the history of the form and of the activity.
    let earliest = laterOf(FORM_SINCE[form], `${activity.since}-01-01`);
    const essCompany = form === LegalForm.SARL || form === LegalForm.SAS || form === LegalForm.SA;
    const impliesSiae = activity.accreditations.some((a) => SIAE_KINDS.includes(a.kind) && a.chance === 1);
    // A commercial company belongs to the SSE by the 2014 law, unless it is an insertion or adapted company.
    if (essCompany && !impliesSiae && !activity.accreditations.some((a) => a.kind === AccreditationKind.EA)) earliest = laterOf(earliest, '2014-08-01');
    const created = creationDate(r, earliest);

    // 5. Identifiers: a network's establishments and a CCAS's services share their SIREN.
    let siret: string;
    let headOffice: boolean;
    const unitKey = network !== null ? `network|${network.code}` : form === LegalForm.CCAS ? `ccas|${commune.name}` : null;
    if (unitKey !== null) {
      let unit = ids.units.get(unitKey);
      if (unit === undefined) {
        unit = { siren: newSiren(r, ids, form === LegalForm.CCAS ? '26620' : privateSirenPrefix(r)), nextNic: network !== null ? r.int(20, 60) : 1, hasHeadOffice: network !== null };
        ids.units.set(unitKey, unit);
      }
      headOffice = !unit.hasHeadOffice;
      unit.hasHeadOffice = true;
      siret = siretOf(unit.siren, unit.nextNic, ids);
      unit.nextNic += r.int(1, 4);
    } else {
      siret = siretOf(newSiren(r, ids, privateSirenPrefix(r)), r.int(1, 3), ids);
      headOffice = true;
    }
    const rna = form === LegalForm.ASSOCIATION && (created >= '2010-01-01' || r.chance(0.9)) ? newRna(r, ids) : null;
    const nafCode = r.weighted(activity.naf.map((code, i) => [code, i === 0 ? 3 : 1] as const));

    // 6. Accreditations the activity implies or allows, for the forms that may hold them.
    const accreditations: AccreditationSeed[] = [];
    for (const rule of activity.accreditations) {
      if (rule.kind === AccreditationKind.ESUS || !ACCREDITATION_HOLDERS[rule.kind].includes(form) || !r.chance(rule.chance)) continue;
      const a = accreditationOf(r, rule.kind, created);
      if (a !== null) accreditations.push(a);
    }
    const siae = accreditations.find((a) => SIAE_KINDS.includes(a.kind))?.kind ?? null;
    if (asksEsus && headOffice && siae === null) {
      const a = accreditationOf(r, AccreditationKind.ESUS, created, false);
      if (a !== null) accreditations.push(a);
    } else if (headOffice && siae === null && esusChances[index]! > 0 && r.chance(ESUS_LAPSED_SHARE * ESUS_SHARE)) {
      // A few let their ESUS lapse: it shows in the history, not in the share.
      const a = accreditationOf(r, AccreditationKind.ESUS, created, true);
      if (a !== null) accreditations.push(a);
    }
    if (staff > 0 && siae === null && activity.accreditations.some((a) => SIAE_KINDS.includes(a.kind) && a.chance === 1)) {
      // An implied conventionnement the form could not hold does not happen: the catalogue's forms all may.
      throw new Error(`activity ${activity.code} drew form ${form}, which may not hold its conventionnement`);
    }

    // 7. People and money.
    const fragile = staff > 0 && EQUITY_RATIO[form] !== null && r.chance(FRAGILE_SHARE);
    const draft: Draft = { activity, form, commune, staff, created, siae, fragile };
    const commercial = form === LegalForm.SCOP || essCompany;
    const volunteers = commercial ? 0 : Math.round(between(r, activity.volunteers));
    let members = Math.round(between(r, activity.members));
    if (form === LegalForm.SCOP) members = Math.max(2, Math.round(staff * between(r, [0.5, 0.9])) + r.int(0, 2));
    if (form === LegalForm.SCIC) members = Math.max(members, 3 + r.int(5, 60));
    if (essCompany) members = r.int(1, 6);
    const figures = network === null && activity.money !== null ? figuresOf(r, draft, activity.money, volunteers, members) : [];
    if (siae !== null) {
      const latest = figures[0];
      const conventionnement = accreditations.find((a) => a.kind === siae)!;
      conventionnement.postsFte = latest === undefined ? round1(staff * 0.6 * INSERTION_FTE[siae]!) : Math.max(1, round1(latest.insertionEmployees * INSERTION_FTE[siae]!));
    }

    // 8. Place, name and the rest.
    const { address: street, priorityDistrict } = address(r, commune.name, r.chance(DISTRICT_CHANCE[activity.code] ?? 0.15), options.priorityDistricts);
    const name = uniqueName(r, baseDraw, commune.name, names);
    const currentEsus = siae !== null || accreditations.some((a) => a.kind === AccreditationKind.ESUS && isCurrent(a));
    const year = Number(created.slice(0, 4));
    const publics = [...activity.publics.filter((_, i) => i === 0 || r.chance(0.7))];
    if (priorityDistrict !== null && !publics.includes(TargetPublic.PRIORITY_DISTRICTS)) publics.push(TargetPublic.PRIORITY_DISTRICTS);
    const slug = shortSlug(name, 40);

    const facts: string[] = [];
    if (network !== null) facts.push(`Établissement secondaire de ${network.name} (siège à ${network.headOffice}), ouvert en ${year}.`);
    else facts.push(`${LEGAL_FORM_LABELS[form]}, créée en ${year}.`);
    if (staff > 0) {
      const insertion = figures[0]?.insertionEmployees ?? 0;
      facts.push(`${staff} salarié${staff > 1 ? 's' : ''}${insertion > 0 ? `, dont ${insertion} en parcours d'insertion` : ''}.`);
    } else if (form === LegalForm.ASSOCIATION) facts.push('Association animée par des bénévoles.');
    else facts.push('Aucun salarié.');
    const kinds = accreditations.filter(isCurrent).map((a) => a.kind);
    if (kinds.length > 0) facts.push(`Agréments : ${kinds.map(accreditationWord).join(', ')}.`);

    organizations.push({
      name,
      legalForm: form,
      activity: activity.code,
      siret,
      headOffice,
      network: network?.code ?? null,
      nafCode,
      rna,
      creationDate: created,
      foundedYear: year,
      sectorCodes: activity.sectors.filter((s) => sectors.has(s)),
      sectorCode: activity.sectors[0]!,
      communeName: commune.name,
      address: street,
      postalCode: communeFacts(commune.name).postalCode,
      priorityDistrict,
      employees: staff,
      stage: stageOf(r, created, fragile),
      esus: currentEsus,
      accreditations,
      publics,
      figures,
      description: `${capitalize(atCommune(commune.name))} : ${activity.does}. ${facts.join(' ')}`,
      email: r.chance(0.75) ? `${slug}@example.fr` : null,
      phone: r.chance(0.65) ? fictionalPhone(r) : null,
      website: network === null && r.chance(0.35) ? `https://www.example.org/${slug}` : null,
      consentToShare: r.chance(0.7),
      contacts: makeContacts(r, form, staff, false, network !== null, siae !== null),
    });
  }
  return organizations;
}

function accreditationWord(kind: AccreditationKind): string {
  switch (kind) {
    case AccreditationKind.SIAE_ACI:
      return "atelier et chantier d'insertion";
    case AccreditationKind.SIAE_AI:
      return 'association intermédiaire';
    case AccreditationKind.SIAE_EI:
      return "entreprise d'insertion";
    case AccreditationKind.SIAE_ETTI:
      return "entreprise de travail temporaire d'insertion";
    case AccreditationKind.ESUS:
      return 'ESUS';
    case AccreditationKind.EA:
      return 'entreprise adaptée';
    case AccreditationKind.ESAT:
      return 'ESAT';
    case AccreditationKind.SAP:
      return 'services à la personne';
    case AccreditationKind.JEP:
      return 'jeunesse et éducation populaire';
    case AccreditationKind.GENERAL_INTEREST:
      return 'intérêt général';
  }
}

/** The SSE family of a record (null: a public body or a person, outside the SSE). */
export function familyOf(o: OrganizationSeed): EssFamily | null {
  return ESS_FAMILY_OF[o.legalForm];
}
