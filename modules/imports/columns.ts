import { columnLetter, type Cell } from './spreadsheet.js';

/*
 * The French column mapping: which header of an adviser's spreadsheet is which field of an
 * organization, whatever its case, accents, spaces or punctuation, with the usual synonyms.
 */

/** Fields a column may fill; the GraphQL name of the organization's field where there is one. */
export type ImportField =
  | 'name'
  | 'siret'
  | 'siren'
  | 'rna'
  | 'headOffice'
  | 'legalForm'
  | 'nafCode'
  | 'sector'
  | 'otherSectors'
  | 'commune'
  | 'address'
  | 'postalCode'
  | 'priorityDistrict'
  | 'employees'
  | 'creationDate'
  | 'foundedYear'
  | 'stage'
  | 'esus'
  | 'accreditations'
  | 'publics'
  | 'description'
  | 'email'
  | 'phone'
  | 'website';

interface ColumnSpec {
  field: ImportField;
  /** French label, as the report shows it. */
  label: string;
  /** Headers that name it, written naturally: they are compared once normalized (`headerKey`). */
  headers: readonly string[];
}

/** The recognised columns, in the order the README lists them. */
export const COLUMN_SPECS: readonly ColumnSpec[] = [
  {
    field: 'name',
    label: 'Nom',
    headers: ['Nom', 'Raison sociale', 'Dénomination', 'Dénomination sociale', 'Nom de la structure', 'Structure', 'Organisation', 'Nom de l’organisation', 'Nom usuel', 'Enseigne'],
  },
  { field: 'siret', label: 'SIRET', headers: ['SIRET', 'N° SIRET', 'Numéro SIRET', 'Siret du siège', 'Siret établissement'] },
  { field: 'siren', label: 'SIREN (vérifié avec le SIRET)', headers: ['SIREN', 'N° SIREN', 'Numéro SIREN'] },
  { field: 'rna', label: 'N° RNA', headers: ['RNA', 'N° RNA', 'Numéro RNA', "Numéro d'association", 'N° W', 'Identifiant RNA', 'Numéro W'] },
  { field: 'headOffice', label: 'Siège', headers: ['Siège', 'Siège social', 'Établissement siège', "Type d'établissement", 'Siège ou secondaire'] },
  { field: 'legalForm', label: 'Forme juridique', headers: ['Forme juridique', 'Statut', 'Statut juridique', 'Forme', 'Catégorie juridique', 'Nature juridique', 'Type de structure'] },
  { field: 'nafCode', label: 'Code NAF', headers: ['Code NAF', 'NAF', 'APE', 'Code APE', 'Code NAF APE', 'NAF APE', 'Code NAF/APE', 'Activité principale exercée', 'APET', 'Code APET'] },
  { field: 'sector', label: 'Filière', headers: ['Filière', 'Filières', 'Secteur', 'Secteurs', "Secteur d'activité", 'Domaine', "Domaine d'activité", 'Filière principale'] },
  { field: 'otherSectors', label: 'Autres filières', headers: ['Autres filières', 'Filières secondaires', 'Autres secteurs', 'Secteurs secondaires', 'Filière secondaire'] },
  { field: 'commune', label: 'Commune', headers: ['Commune', 'Ville', 'Localité', 'Commune du siège', 'Commune d’implantation', 'Lieu'] },
  { field: 'address', label: 'Adresse', headers: ['Adresse', 'Adresse postale', 'Adresse du siège', 'Rue', 'N° et rue', 'Voie', "Adresse de l'établissement"] },
  { field: 'postalCode', label: 'Code postal', headers: ['Code postal', 'CP', 'Code post'] },
  { field: 'priorityDistrict', label: 'Quartier prioritaire (QPV)', headers: ['QPV', 'Quartier prioritaire', 'Quartier politique de la ville', 'Quartier QPV', 'Quartier'] },
  { field: 'employees', label: 'Salariés', headers: ['Salariés', 'Nombre de salariés', 'Nb salariés', 'Effectif', 'Effectifs', 'Effectif salarié', 'Effectif salariés', 'Emplois'] },
  { field: 'creationDate', label: 'Date de création', headers: ['Date de création', 'Créée le', 'Date création', 'Date de début d’activité', 'Date d’immatriculation'] },
  { field: 'foundedYear', label: 'Année de création', headers: ['Année de création', 'Année création', 'Création', 'Année'] },
  { field: 'stage', label: 'Phase', headers: ['Phase', 'Stade', 'Étape', 'Phase du projet', 'Stade de développement'] },
  { field: 'esus', label: 'ESUS', headers: ['ESUS', 'Agrément ESUS', 'Agréée ESUS'] },
  { field: 'accreditations', label: 'Agréments', headers: ['Agréments', 'Agrément', 'Conventionnements', 'Conventionnement', 'Agréments et conventionnements', 'Labels'] },
  { field: 'publics', label: 'Publics', headers: ['Publics', 'Public', 'Public cible', 'Publics cibles', 'Publics accompagnés', 'Bénéficiaires'] },
  { field: 'description', label: 'Description', headers: ['Description', 'Activité', 'Activités', 'Objet', 'Objet social', 'Présentation'] },
  { field: 'email', label: 'Courriel', headers: ['Courriel', 'E-mail', 'Email', 'Mail', 'Adresse électronique', 'Adresse e-mail', 'Mél'] },
  { field: 'phone', label: 'Téléphone', headers: ['Téléphone', 'Tél', 'Tel', 'Tél.', 'Numéro de téléphone', 'Portable'] },
  { field: 'website', label: 'Site web', headers: ['Site web', 'Site internet', 'Site', 'Web', 'URL', 'Adresse du site'] },
];

/** Columns without which a file is refused. */
export const REQUIRED_FIELDS: readonly ImportField[] = ['name', 'legalForm', 'sector', 'commune'];

/** Lower case, no accents, words of letters and digits only ("N° SIRET" → "n siret", "E-mail" → "e mail"). */
export function headerKey(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Little words a header may add or leave out ("Nombre de salariés", "Nb salariés", "N° SIRET"). */
const FILLERS = new Set(['n', 'no', 'num', 'numero', 'nb', 'nbre', 'nombre', 'de', 'du', 'des', 'la', 'le', 'l', 'd', 'en', 'et', 'total']);

const compact = (key: string) =>
  key
    .split(' ')
    .filter((w) => !FILLERS.has(w))
    .join(' ');

const BY_KEY = new Map<string, ColumnSpec>();
for (const spec of COLUMN_SPECS) {
  for (const header of spec.headers) {
    BY_KEY.set(headerKey(header), spec);
    BY_KEY.set(compact(headerKey(header)), spec);
  }
}

/** The spec a header names, or null. */
export function specOf(header: string): ColumnSpec | null {
  const key = headerKey(header);
  if (key === '') return null;
  return BY_KEY.get(key) ?? BY_KEY.get(compact(key)) ?? BY_KEY.get(key.replace(/ s$/, '')) ?? null;
}

export interface MappedColumn {
  /** 0-based position in the row. */
  index: number;
  /** The spreadsheet's name of the column (A, B…). */
  letter: string;
  header: string;
  spec: ColumnSpec | null;
  /** Why a column naming a field is not used (a second column for the same field). */
  note: string | null;
}

export interface ColumnMapping {
  columns: MappedColumn[];
  /** The column of each recognised field. */
  byField: Map<ImportField, MappedColumn>;
  /** French problems with the header (a required column missing). */
  missing: ImportField[];
}

/** Maps a header row: each field to its first column; a repeated field's other columns are ignored, said why. */
export function mapColumns(header: readonly Cell[]): ColumnMapping {
  const columns: MappedColumn[] = [];
  const byField = new Map<ImportField, MappedColumn>();
  header.forEach((cell, index) => {
    const text = cell === null ? '' : cell instanceof Date ? cell.toISOString() : String(cell).trim();
    if (text === '') return;
    const spec = specOf(text);
    const column: MappedColumn = { index, letter: columnLetter(index + 1), header: text, spec, note: null };
    if (spec && byField.has(spec.field)) {
      column.note = `déjà lue dans la colonne ${byField.get(spec.field)!.letter}`;
      column.spec = null;
    } else if (spec) {
      byField.set(spec.field, column);
    }
    columns.push(column);
  });
  return { columns, byField, missing: REQUIRED_FIELDS.filter((f) => !byField.has(f)) };
}

/** The header row: the first of the first ten rows naming at least two known fields, else the first row. */
export function headerRowIndex(rows: readonly { cells: readonly Cell[] }[]): number {
  for (let i = 0; i < Math.min(rows.length, 10); i++) {
    const known = new Set(rows[i]!.cells.map((c) => (typeof c === 'string' ? specOf(c)?.field : undefined)).filter(Boolean));
    if (known.size >= 2) return i;
  }
  return 0;
}

/** The French label of a field. */
export function labelOf(field: ImportField): string {
  return COLUMN_SPECS.find((s) => s.field === field)!.label;
}
