import { AccreditationKind, LegalForm, Stage, TargetPublic, TARGET_PUBLIC_LABELS } from '../organizations/index.js';
import { headerKey } from './columns.js';
import type { Cell } from './spreadsheet.js';

/*
 * French values of a spreadsheet's cells: legal forms as advisers write them, dates as dd/mm/yyyy or
 * Excel serials, yes/no, counts with spaces, accreditations as a list ("ACI; ESUS").
 */

/** A cell that cannot be read as its column's value; the message is French and names the value. */
export class ValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ValueError';
  }
}

/** The text of a cell, trimmed; '' when empty. Numbers as written (no thousands separator), dates as dd/mm/yyyy. */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return formatFrenchDate(isoDate(cell));
  if (typeof cell === 'number') return Number.isInteger(cell) ? String(cell) : String(cell).replace('.', ',');
  return String(cell)
    .replace(/^[\s\u00a0\u202f\u200b\uFEFF]+|[\s\u00a0\u202f\u200b\uFEFF]+$/g, '')
    .replace(/\r\n?/g, '\n');
}

/** Quoted in French for messages, cut when long. */
export const quoted = (text: string) => `« ${text.length > 60 ? `${text.slice(0, 57)}…` : text} »`;

// --- Identifiers ------------------------------------------------------------------------------

/** Digits of an identifier: spaces and dots removed; a number cell padded back to `length` (Excel drops leading zeros). */
export function identifierDigits(cell: Cell, length: number): string {
  if (typeof cell === 'number' && Number.isInteger(cell) && cell >= 0) return String(cell).padStart(length, '0');
  return cellText(cell).replace(/[\s\u00a0\u202f.-]+/g, '');
}

// --- Legal forms ------------------------------------------------------------------------------

const FORM_WORDS: [string[], LegalForm][] = [
  [
    [
      'association',
      'asso',
      'association loi 1901',
      'association loi de 1901',
      'association declaree',
      'association loi 1901 declaree',
      'loi 1901',
      'association reconnue d utilite publique',
      'arup',
      'association de droit local',
      'association loi 1908',
      '9220',
      '9210',
      '9221',
      '9222',
      '9230',
      '9260',
    ],
    LegalForm.ASSOCIATION,
  ],
  [
    ['scop', 'scop sa', 'scop sarl', 'scop sas', 'scop arl', 'societe cooperative et participative', 'societe cooperative ouvriere de production', 'cooperative ouvriere de production'],
    LegalForm.SCOP,
  ],
  [['scic', 'scic sa', 'scic sas', 'scic sarl', 'societe cooperative d interet collectif'], LegalForm.SCIC],
  [
    ['cooperative', 'autre cooperative', 'societe cooperative', 'cae', 'cooperative d activite et d emploi', 'cooperative agricole', 'cuma', 'cooperative de consommateurs', 'cooperative d habitants'],
    LegalForm.COOPERATIVE,
  ],
  [['mutuelle', 'mutuelle sante', 'mutuelle code de la mutualite', 'mutuelle livre ii', 'mutuelle livre iii', 'mutuelle de sante', 'union de mutuelles'], LegalForm.MUTUAL_HEALTH],
  [['mutuelle d assurance', 'mutuelle d assurances', 'societe d assurance mutuelle', 'sam', 'mutuelle code des assurances'], LegalForm.MUTUAL_INSURANCE],
  [['fondation', 'fondation reconnue d utilite publique', 'fondation d entreprise', 'frup', 'fondation abritee'], LegalForm.FOUNDATION],
  [['sarl', 'eurl', 'sarl ess', 'sarl de l ess', 'societe a responsabilite limitee', 'entreprise unipersonnelle a responsabilite limitee'], LegalForm.SARL],
  [['sas', 'sasu', 'sas ess', 'societe par actions simplifiee', 'societe par actions simplifiee unipersonnelle'], LegalForm.SAS],
  [['sa', 'societe anonyme', 'sa ess'], LegalForm.SA],
  [['commune', 'mairie', 'municipalite', 'ville'], LegalForm.COMMUNE],
  [['ccas', 'centre communal d action sociale', 'cias', 'centre intercommunal d action sociale'], LegalForm.CCAS],
  [
    ['personne physique', 'entrepreneur individuel', 'entreprise individuelle', 'micro entrepreneur', 'micro entreprise', 'auto entrepreneur', 'porteur de projet', 'individuel', 'particulier'],
    LegalForm.INDIVIDUAL,
  ],
];

/** Accreditations people write where the form belongs: each refused with what to write instead. */
const NOT_FORMS = new Set([
  'aci',
  'atelier chantier d insertion',
  'atelier et chantier d insertion',
  'chantier d insertion',
  'ai',
  'association intermediaire',
  'etti',
  'entreprise de travail temporaire d insertion',
  'entreprise d insertion',
  'siae',
  'ea',
  'entreprise adaptee',
  'esat',
  'esus',
]);

const FORMS = new Map<string, LegalForm>();
for (const [words, form] of FORM_WORDS) for (const word of words) FORMS.set(word, form);
for (const form of Object.values(LegalForm)) FORMS.set(headerKey(form), form);

/** A legal form from its French label, abbreviation, enum name or INSEE category of association. */
export function parseLegalForm(text: string): LegalForm {
  const key = headerKey(text);
  const form = FORMS.get(key) ?? FORMS.get(key.replace(/ ess$/, '')) ?? FORMS.get(key.replace(/^(une|un) /, ''));
  if (form) return form;
  if (key === 'ei') {
    throw new ValueError(
      "« EI » est ambigu : pour une entreprise individuelle, écrivez « Entrepreneur individuel » ; pour une entreprise d'insertion (un conventionnement), indiquez la forme juridique ici et « EI » dans la colonne Agréments.",
    );
  }
  if (NOT_FORMS.has(key)) {
    throw new ValueError(
      `${quoted(text)} est un agrément ou un conventionnement, pas une forme juridique : indiquez ici la forme (association, SARL, commune, CCAS…) et ${quoted(text)} dans la colonne Agréments.`,
    );
  }
  throw new ValueError(`Forme juridique inconnue : ${quoted(text)} (par exemple « Association loi 1901 », « SCOP SA », « SARL », « Mutuelle »).`);
}

// --- Stages, yes/no, counts -------------------------------------------------------------------

const STAGES = new Map<string, Stage>([
  ['emergence', Stage.EMERGENCE],
  ['idee', Stage.EMERGENCE],
  ['projet', Stage.EMERGENCE],
  ['creation', Stage.CREATION],
  ['en creation', Stage.CREATION],
  ['amorcage', Stage.CREATION],
  ['demarrage', Stage.CREATION],
  ['developpement', Stage.DEVELOPMENT],
  ['en developpement', Stage.DEVELOPMENT],
  ['croissance', Stage.DEVELOPMENT],
  ['consolidation', Stage.CONSOLIDATION],
  ['maturite', Stage.CONSOLIDATION],
  ['difficulte', Stage.RECOVERY],
  ['en difficulte', Stage.RECOVERY],
  ['rebond', Stage.RECOVERY],
  ['difficulte rebond', Stage.RECOVERY],
  ['redressement', Stage.RECOVERY],
  ['relance', Stage.RECOVERY],
  ['retournement', Stage.RECOVERY],
]);
for (const stage of Object.values(Stage)) STAGES.set(headerKey(stage), stage);

export function parseStage(text: string): Stage {
  const stage = STAGES.get(headerKey(text));
  if (!stage) throw new ValueError(`Phase inconnue : ${quoted(text)} (émergence, création, développement, consolidation, difficulté/rebond).`);
  return stage;
}

const YES = new Set(['oui', 'o', 'x', 'yes', 'y', 'vrai', 'true', '1', 'agree', 'agreee', 'ok']);
const NO = new Set(['non', 'n', 'no', 'faux', 'false', '0', '-']);

export function parseYesNo(cell: Cell): boolean {
  if (typeof cell === 'boolean') return cell;
  const key = headerKey(cellText(cell));
  if (YES.has(key)) return true;
  if (NO.has(key)) return false;
  throw new ValueError(`Valeur attendue : oui ou non, pas ${quoted(cellText(cell))}.`);
}

/** A whole count: "12", "1 200", 12 (a number cell); "12,5" or "douze" refused. */
export function parseCount(cell: Cell): number {
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell)) throw new ValueError(`Nombre entier attendu, pas ${quoted(cellText(cell))}.`);
    return cell;
  }
  const text = cellText(cell).replace(/[\s\u00a0\u202f]+/g, '');
  if (!/^-?\d+$/.test(text)) throw new ValueError(`Nombre entier attendu, pas ${quoted(cellText(cell))}.`);
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new ValueError(`Nombre démesuré : ${quoted(cellText(cell))}.`);
  return value;
}

// --- Dates ------------------------------------------------------------------------------------

/** 'YYYY-MM-DD' of a date, read in UTC (exceljs gives date cells at midnight UTC). */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function formatFrenchDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** Day 0 of Excel's serial dates, as it counts them past 28 February 1900 (its 1900 leap-year bug included). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
/** Serials of dates from 1 January 1800 (negative, as LibreOffice writes them) up to 31 December 9999. */
const EXCEL_SERIAL_MIN = -36_522;
const EXCEL_SERIAL_MAX = 2_958_465;

/** The date of an Excel serial number (45292 → 2024-01-01); fractions (a time of day) dropped. */
export function excelSerialDate(serial: number): string {
  const days = Math.floor(serial);
  // Serials 1-59 come before Excel's phantom 29 February 1900: one day later than the epoch says.
  const shift = days > 0 && days < 60 ? 1 : 0;
  return isoDate(new Date(EXCEL_EPOCH + (days + shift) * 86_400_000));
}

function validIso(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return isoDate(date);
}

/**
 * A date as 'YYYY-MM-DD' with whether the day was known: a date cell, dd/mm/yyyy (also - or .
 * separators, two-digit years), yyyy-mm-dd, an Excel serial number, or a year alone (day not known).
 */
export function parseDate(cell: Cell): { iso: string; year: number; dayKnown: boolean } {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) throw new ValueError('Date illisible.');
    const iso = isoDate(cell);
    return { iso, year: Number(iso.slice(0, 4)), dayKnown: true };
  }
  const text = cellText(cell);
  if (typeof cell === 'number' || /^\d{4,6}(?:[.,]\d+)?$/.test(text)) {
    const value = typeof cell === 'number' ? cell : Number(text.replace(',', '.'));
    if (Number.isInteger(value) && value >= 1000 && value <= 2999 && !/[.,]/.test(text)) return { iso: `${value}-01-01`, year: value, dayKnown: false };
    if (value < EXCEL_SERIAL_MIN || value > EXCEL_SERIAL_MAX) throw new ValueError(`Date illisible : ${quoted(text)} (attendu : jj/mm/aaaa).`);
    const iso = excelSerialDate(value);
    return { iso, year: Number(iso.slice(0, 4)), dayKnown: true };
  }
  let match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
  if (match) {
    let year = Number(match[3]);
    if (match[3]!.length === 2) {
      const pivot = new Date().getUTCFullYear() % 100;
      year += year > pivot ? 1900 : 2000;
    }
    const iso = validIso(year, Number(match[2]), Number(match[1]));
    if (!iso) throw new ValueError(`Cette date n'existe pas : ${quoted(text)} (attendu : jj/mm/aaaa).`);
    return { iso, year, dayKnown: true };
  }
  match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(text);
  if (match) {
    const iso = validIso(Number(match[1]), Number(match[2]), Number(match[3]));
    if (!iso) throw new ValueError(`Cette date n'existe pas : ${quoted(text)}.`);
    return { iso, year: Number(match[1]), dayKnown: true };
  }
  throw new ValueError(`Date illisible : ${quoted(text)} (attendu : jj/mm/aaaa, par exemple 14/07/2015).`);
}

// --- Web ----------------------------------------------------------------------------------------

/** A website as people write it: "www.exemple.fr" gets "https://"; anything else is left to the organizations' rule. */
export function websiteOf(text: string): string {
  return /^(?:www\.|[a-z0-9-]+\.[a-z]{2,}(?:[/:]|$))/i.test(text) && !/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? `https://${text}` : text;
}

/** A phone number as people write it: "03.21.00.00.00" kept (the organizations' rule admits dots and spaces); number cells get back their leading 0. */
export function phoneOf(cell: Cell): string {
  if (typeof cell === 'number' && Number.isInteger(cell) && String(cell).length === 9) return `0${cell}`;
  return cellText(cell);
}

// --- Places ------------------------------------------------------------------------------------

/** A commune's name as a key: no accents or case, "St"/"Ste" spelled out, hyphens and apostrophes as spaces. */
export function communeKey(text: string): string {
  return headerKey(text)
    .replace(/^\d{5} /, '') // "62200 Boulogne-sur-Mer"
    .replace(/ \d{5}$/, '')
    .replace(/ cedex( \d+)?$/, '')
    .split(' ')
    .map((w) => (w === 'st' ? 'saint' : w === 'ste' ? 'sainte' : w))
    .join(' ');
}

// --- Identifiers of the new directory model -----------------------------------------------------

/** An RNA number as written ("w 623 001 234") in its stored form ("W623001234"); the organizations' rule judges it. */
export function rnaOf(text: string): string {
  return text.replace(/[\s\u00a0\u202f.-]+/g, '').toUpperCase();
}

/** A NAF code as written ("88 99 B", "8899b") compacted; the organizations' rule judges it and writes it "88.99B". */
export function nafOf(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, '').toUpperCase();
}

/** A postal code; a number cell gets back its leading zero (Excel drops it). */
export function postalCodeOf(cell: Cell): string {
  if (typeof cell === 'number' && Number.isInteger(cell)) return String(cell).padStart(5, '0');
  return cellText(cell).replace(/[\s\u00a0\u202f]+/g, '');
}

const HEAD_OFFICE = new Map<string, boolean>([
  ['siege', true],
  ['siege social', true],
  ['etablissement siege', true],
  ['principal', true],
  ['secondaire', false],
  ['etablissement secondaire', false],
  ['antenne', false],
  ['annexe', false],
]);

/** Head office or secondary establishment: "Siège", "Secondaire", or oui/non. */
export function parseHeadOffice(cell: Cell): boolean {
  const known = HEAD_OFFICE.get(headerKey(cellText(cell)));
  if (known !== undefined) return known;
  try {
    return parseYesNo(cell);
  } catch {
    throw new ValueError(`Attendu : siège ou secondaire (ou oui/non), pas ${quoted(cellText(cell))}.`);
  }
}

// --- Lists: sectors, publics, accreditations ----------------------------------------------------

/** The items of a list cell: separated by ; , / + or line breaks. */
export function listItems(text: string): string[] {
  return text
    .split(/[;,/+\n]/)
    .map((part) => part.trim())
    .filter(Boolean);
}

const PUBLIC_WORDS: [string[], TargetPublic][] = [
  [['jeunes', 'jeunesse', '16 25 ans', 'moins de 26 ans'], TargetPublic.YOUTH],
  [['deld', 'chomeurs de longue duree', 'demandeurs d emploi de longue duree'], TargetPublic.LONG_TERM_UNEMPLOYED],
  [['rsa', 'beneficiaires du rsa', 'allocataires du rsa', 'minima sociaux', 'allocataires de minima sociaux'], TargetPublic.MINIMUM_INCOME],
  [['handicap', 'personnes handicapees', 'personnes en situation de handicap', 'travailleurs handicapes', 'rqth'], TargetPublic.DISABLED],
  [['seniors', 'personnes agees', 'aines'], TargetPublic.SENIORS],
  [['femmes', 'entrepreneuriat feminin'], TargetPublic.WOMEN],
  [['qpv', 'quartiers prioritaires', 'habitants des quartiers', 'habitants des quartiers prioritaires', 'politique de la ville'], TargetPublic.PRIORITY_DISTRICTS],
  [['familles', 'parents'], TargetPublic.FAMILIES],
  [['demandeurs d emploi', 'demandeurs d emploi createurs', 'chomeurs', 'createurs'], TargetPublic.JOB_SEEKERS],
];
const PUBLICS = new Map<string, TargetPublic>();
for (const [words, target] of PUBLIC_WORDS) for (const word of words) PUBLICS.set(word, target);
for (const target of Object.values(TargetPublic)) {
  PUBLICS.set(headerKey(target), target);
  PUBLICS.set(headerKey(TARGET_PUBLIC_LABELS[target]), target);
}

/** Publics from their French names ("Jeunes; RSA; QPV"). */
export function parsePublics(text: string): TargetPublic[] {
  const out: TargetPublic[] = [];
  for (const item of listItems(text)) {
    const target = PUBLICS.get(headerKey(item));
    if (!target) throw new ValueError(`Public inconnu : ${quoted(item)} (par exemple : jeunes, RSA, handicap, seniors, femmes, QPV, familles, demandeurs d'emploi).`);
    if (!out.includes(target)) out.push(target);
  }
  return out;
}

const ACCREDITATION_WORDS: [string[], AccreditationKind][] = [
  [['aci', 'atelier chantier d insertion', 'atelier et chantier d insertion', 'chantier d insertion', 'siae aci'], AccreditationKind.SIAE_ACI],
  [['ai', 'association intermediaire', 'siae ai'], AccreditationKind.SIAE_AI],
  [['ei', 'entreprise d insertion', 'siae ei'], AccreditationKind.SIAE_EI],
  [['etti', 'entreprise de travail temporaire d insertion', 'siae etti'], AccreditationKind.SIAE_ETTI],
  [['esus', 'agrement esus', 'entreprise solidaire d utilite sociale'], AccreditationKind.ESUS],
  [['ea', 'entreprise adaptee'], AccreditationKind.EA],
  [['esat', 'etablissement et service d aide par le travail'], AccreditationKind.ESAT],
  [['sap', 'services a la personne', 'agrement sap', 'declaration sap'], AccreditationKind.SAP],
  [['jep', 'jeunesse et education populaire', 'agrement jep'], AccreditationKind.JEP],
  [['interet general', 'rig', 'reconnaissance d interet general', 'organisme d interet general', 'd interet general'], AccreditationKind.GENERAL_INTEREST],
];
const ACCREDITATIONS = new Map<string, AccreditationKind>();

export interface ImportedAccreditation {
  kind: AccreditationKind;
  /** First day, or null when the cell gives none (the import then uses the reference date). */
  since: string | null;
  until: string | null;
}

const DATE_TEXT = /\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{4}/g;

/** Words around an accreditation's dates ("depuis le", "du … au", "valable jusqu'au"). */
const DATE_WORDS = new Set(['depuis', 'du', 'au', 'le', 'la', 'de', 'a', 'jusqu', 'jusquau', 'valable', 'valide', 'en', 'cours', 'agree', 'agreee', 'obtenu', 'obtenue']);

/**
 * Accreditations as advisers write them: "ACI; ESUS", "ESUS depuis le 01/09/2019", "ACI (2020)",
 * "EI du 01/01/2021 au 31/12/2023", "ACI 2019-2022". A year alone starts on 1 January, ends on 31 December.
 */
/** A name without the words that go with dates ("services a la personne" keyed as the cell's words are). */
const withoutDateWords = (key: string) =>
  key
    .split(' ')
    .filter((w) => !DATE_WORDS.has(w))
    .join(' ');

for (const [words, kind] of ACCREDITATION_WORDS) for (const word of [...words, headerKey(kind)]) ACCREDITATIONS.set(withoutDateWords(word), kind);

export function parseAccreditations(text: string): ImportedAccreditation[] {
  const out: ImportedAccreditation[] = [];
  for (const item of text
    .split(/[;,+\n]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const dates = [...item.matchAll(DATE_TEXT)].map((m) => m[0]);
    const name = withoutDateWords(headerKey(item.replace(DATE_TEXT, ' ')));
    const kind = ACCREDITATIONS.get(name);
    if (!kind) throw new ValueError(`Agrément inconnu : ${quoted(item)} (ACI, AI, EI, ETTI, ESUS, EA, ESAT, SAP, JEP, intérêt général).`);
    if (dates.length > 2) throw new ValueError(`Trop de dates pour un agrément : ${quoted(item)} (attendu : « ESUS depuis le 01/09/2019 » ou « ACI du 01/01/2021 au 31/12/2023 »).`);
    const day = (text: string, end: boolean) => {
      const parsed = parseDate(text);
      return parsed.dayKnown ? parsed.iso : end ? `${parsed.year}-12-31` : parsed.iso;
    };
    const accreditation = { kind, since: dates[0] ? day(dates[0], false) : null, until: dates[1] ? day(dates[1], true) : null };
    if (!out.some((a) => a.kind === kind)) out.push(accreditation);
    else throw new ValueError(`Agrément cité deux fois : ${quoted(item)}.`);
  }
  return out;
}
