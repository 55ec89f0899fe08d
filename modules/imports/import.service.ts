import { open, realpath } from 'node:fs/promises';
import { constants } from 'node:fs';
import { basename, isAbsolute, relative, resolve, sep } from 'node:path';
import { Commune } from '../territory/index.js';
import { Sector } from '../sectors/index.js';
import {
  Organization,
  OrganizationService,
  OrganizationLookups,
  CreateOrganizationInput,
  UpdateOrganizationInput,
  AccreditationInput,
  Stage,
  isValidSiret,
  AccreditationKind,
  type TargetPublic,
} from '../organizations/index.js';
import { referenceDate } from '../platform/index.js';
import { AppError, badInput, fromGlobalId, inputProblems, toGlobalId, type Context } from '../../server/kit/index.js';
import { headerKey, headerRowIndex, labelOf, mapColumns, type ColumnMapping, type ImportField, type MappedColumn } from './columns.js';
import { MAX_IMPORT_BYTES, MAX_REPORTED_PROBLEMS } from './import.limits.js';
import { ImportFormat, type ImportColumn, type ImportProblem, OrganizationImportReport } from './import.types.js';
import type { ImportOrganizationsInput } from './import.inputs.js';
import { readSpreadsheet, SpreadsheetError, type Cell, type Sheet, type SheetRow } from './spreadsheet.js';
import {
  ValueError,
  cellText,
  listItems,
  nafOf,
  parseAccreditations,
  parseHeadOffice,
  parsePublics,
  postalCodeOf,
  rnaOf,
  type ImportedAccreditation,
  communeKey,
  identifierDigits,
  parseCount,
  parseDate,
  parseLegalForm,
  parseStage,
  parseYesNo,
  phoneOf,
  quoted,
  websiteOf,
} from './values.js';

/** What to import and how. */
export interface ImportRequest {
  fileName: string;
  bytes: Uint8Array;
  dryRun: boolean;
  skipInvalidRows: boolean;
}

/** Values of one row, as the organizations' inputs name them. */
interface RowValues {
  name?: string;
  siret?: string;
  rna?: string;
  headOffice?: boolean;
  legalForm?: string;
  nafCode?: string;
  sector?: string;
  otherSectors?: string[];
  communeId?: string;
  address?: string;
  postalCode?: string;
  priorityDistrict?: string;
  employees?: number;
  foundedYear?: number;
  creationDate?: string;
  stage?: Stage;
  publics?: TargetPublic[];
  description?: string;
  email?: string;
  phone?: string;
  website?: string;
}

/** Which import field an input field comes from (to name the column of a service's refusal). */
const INPUT_FIELDS: Record<string, ImportField> = {
  name: 'name',
  siret: 'siret',
  rna: 'rna',
  headOffice: 'headOffice',
  legalForm: 'legalForm',
  nafCode: 'nafCode',
  sector: 'sector',
  otherSectors: 'otherSectors',
  communeId: 'commune',
  address: 'address',
  postalCode: 'postalCode',
  priorityDistrict: 'priorityDistrict',
  employees: 'employees',
  foundedYear: 'foundedYear',
  creationDate: 'creationDate',
  stage: 'stage',
  publics: 'publics',
  // An accreditation's own fields (addAccreditation's input).
  kind: 'accreditations',
  since: 'accreditations',
  until: 'accreditations',
  description: 'description',
  email: 'email',
  phone: 'phone',
  website: 'website',
};

interface Row {
  number: number;
  values: RowValues;
  /** Accreditations the row names (the "Agréments" and "ESUS" columns). */
  accreditations: ImportedAccreditation[];
  problems: ImportProblem[];
  /** The organization this row updates, when one matches. */
  existing: Organization | null;
  /** The kinds of accreditation `existing` holds (any dates). */
  heldKinds: Set<AccreditationKind>;
}

/** The lookups of a file: communes and sectors by their French names. */
interface Lookups {
  communes: Map<string, { id: string; name: string }[]>;
  sectors: Map<string, string>;
  sectorNames: { key: string; code: string }[];
}

/** Thrown inside the transaction to roll it back (dry run, refused file) while keeping the report. */
class Rollback extends Error {}

export const ImportService = {
  /** The mutation: reads the file (base64 or a path in IMPORT_DIR), then imports it. */
  async fromInput(ctx: Context, input: ImportOrganizationsInput): Promise<OrganizationImportReport> {
    const hasContent = input.contentBase64 != null && input.contentBase64 !== '';
    const hasPath = input.path != null && input.path !== '';
    if (hasContent === hasPath) throw badInput('input', 'Donnez soit le contenu du fichier (contentBase64), soit son chemin (path), pas les deux.');
    let bytes: Uint8Array;
    let fileName: string;
    let field: string;
    if (hasContent) {
      if (!input.fileName) throw badInput('input.fileName', 'Le nom du fichier est requis avec son contenu.');
      bytes = decodeBase64(input.contentBase64!);
      fileName = input.fileName;
      field = 'input.contentBase64';
    } else {
      bytes = await readImportFile(ctx.gateway.config.importDir ?? null, input.path!);
      fileName = input.fileName ?? basename(input.path!);
      field = 'input.path';
    }
    try {
      return await this.run(ctx, { fileName, bytes, dryRun: input.dryRun ?? false, skipInvalidRows: input.skipInvalidRows ?? false });
    } catch (err) {
      if (err instanceof SpreadsheetError) throw badInput(field, err.message);
      throw err;
    }
  },

  /**
   * Imports a file: every row checked (by the organizations' own input rules and service), then, unless
   * a dry run or a refused file, every valid row written in one transaction, matching known
   * organizations on SIRET, else on name and commune for rows without identifier. Throws
   * `SpreadsheetError` for a file that cannot be read at all.
   */
  async run(ctx: Context, request: ImportRequest): Promise<OrganizationImportReport> {
    const sheet = await readSpreadsheet(request.bytes, request.fileName);
    const headerIndex = headerRowIndex(sheet.rows);
    const headerRow = sheet.rows[headerIndex]!;
    const mapping = mapColumns(headerRow.cells);
    const dataRows = sheet.rows.slice(headerIndex + 1);
    const report = emptyReport(request, sheet, headerRow.number, dataRows.length, mapping);

    if (mapping.missing.length > 0) {
      const names = mapping.missing.map((f) => quoted(labelOf(f))).join(', ');
      const seen = mapping.columns.map((c) => quoted(c.header)).join(', ');
      return refuseFile(
        report,
        `Colonne${mapping.missing.length > 1 ? 's' : ''} obligatoire${mapping.missing.length > 1 ? 's' : ''} absente${mapping.missing.length > 1 ? 's' : ''} : ${names}. En-têtes lus ligne ${headerRow.number} : ${seen || 'aucun'}.`,
      );
    }
    if (dataRows.length === 0) return refuseFile(report, `Aucune ligne de données sous les en-têtes (ligne ${headerRow.number}).`);

    const lookups = await loadLookups(ctx);
    const rows = dataRows.map((r) => readRow(r, mapping, lookups));
    // A row refused for a cell is checked by the organizations' rules too, so that it shows every problem at once.
    for (const row of rows) if (row.problems.length > 0) await checkRefusedRow(row, mapping);
    const day = await referenceDate(ctx);
    refuseDuplicates(rows, mapping);
    await matchExisting(ctx, rows);

    // Every row goes through the organizations' service in one transaction: their rules decide, and
    // nothing stays unless the whole import is accepted.
    let written = false;
    try {
      await ctx.transaction(async () => {
        for (const row of rows) {
          if (row.problems.length > 0) continue;
          await writeRow(ctx, row, mapping, report, day);
        }
        const refused = rows.some((r) => r.problems.length > 0);
        if (request.dryRun || (refused && !request.skipInvalidRows)) throw new Rollback();
      });
      written = true;
    } catch (err) {
      if (!(err instanceof Rollback)) throw err;
    }
    return finish(report, rows, request, written);
  },
};

// --- Reading the file ----------------------------------------------------------------------------

function decodeBase64(text: string): Uint8Array {
  const body = text.replace(/^data:[^,]*;base64,/, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body) || body.length % 4 === 1) {
    throw badInput('input.contentBase64', "Le contenu du fichier n'est pas du base64 valide.");
  }
  return Buffer.from(body, 'base64');
}

/**
 * The bytes of `path` inside `importDir`. Refused: no import folder configured, a path that leads
 * outside it (by "..", an absolute path or a symbolic link anywhere on the way), anything but a file,
 * a file over `MAX_IMPORT_BYTES`.
 */
export async function readImportFile(importDir: string | null, path: string): Promise<Uint8Array> {
  if (!importDir) {
    throw badInput('input.path', "La lecture d'un fichier local n'est pas activée sur ce serveur (IMPORT_DIR) : envoyez le contenu du fichier (contentBase64).");
  }
  const outside = () => badInput('input.path', `Ce chemin sort du dossier d'import : seuls les fichiers de ce dossier peuvent être lus.`);
  const root = await realpath(importDir);
  const wanted = resolve(root, path);
  if (!inside(root, wanted)) throw outside();
  let real: string;
  try {
    real = await realpath(wanted);
  } catch {
    throw badInput('input.path', `Aucun fichier ${quoted(path)} dans le dossier d'import.`);
  }
  // The link is followed before the check: a link inside the folder to a file outside it is refused.
  if (!inside(root, real)) throw outside();
  let handle;
  try {
    // O_NONBLOCK: opening a named pipe (FIFO) for reading would otherwise wait for a writer, holding the
    // request and a thread of libuv's pool for ever; it has no effect on a regular file.
    handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    throw badInput('input.path', `Le fichier ${quoted(path)} ne peut pas être ouvert.`);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw badInput('input.path', `${quoted(path)} n'est pas un fichier.`);
    if (stat.size > MAX_IMPORT_BYTES) {
      throw badInput('input.path', `Le fichier est trop volumineux : ${Math.ceil(stat.size / 1_048_576)} Mo, ${MAX_IMPORT_BYTES / 1_048_576} Mo au plus.`);
    }
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

// --- Rows ----------------------------------------------------------------------------------------

async function loadLookups(ctx: Context): Promise<Lookups> {
  const communes = new Map<string, { id: string; name: string }[]>();
  for (const c of await ctx.em.find(Commune, {}, { fields: ['id', 'name'] })) {
    const key = communeKey(c.name);
    communes.set(key, [...(communes.get(key) ?? []), { id: c.id, name: c.name }]);
  }
  const sectors = new Map<string, string>();
  const sectorNames: { key: string; code: string }[] = [];
  for (const s of await ctx.em.find(Sector, {}, { fields: ['code', 'name'] })) {
    sectors.set(headerKey(s.code), s.code);
    sectors.set(headerKey(s.name), s.code);
    sectorNames.push({ key: headerKey(s.name), code: s.code });
  }
  return { communes, sectors, sectorNames };
}

function sectorOf(text: string, lookups: Lookups): string {
  const key = headerKey(text);
  const exact = lookups.sectors.get(key);
  if (exact) return exact;
  // A part of the name ("Recyclage" for "Recyclage et réemploi"), when it names one sector only.
  const partial = key.length >= 4 ? lookups.sectorNames.filter((s) => ` ${s.key} `.includes(` ${key} `)) : [];
  if (partial.length === 1) return partial[0]!.code;
  throw new ValueError(`Filière inconnue : ${quoted(text)}${partial.length > 1 ? ' (plusieurs filières portent ce mot)' : ''}.`);
}

function communeOf(text: string, lookups: Lookups): string {
  const found = lookups.communes.get(communeKey(text));
  if (!found) throw new ValueError(`Commune inconnue ou hors du périmètre de la plate-forme : ${quoted(text)}.`);
  if (found.length > 1) throw new ValueError(`Plusieurs communes du périmètre s'appellent ${quoted(text)}.`);
  return found[0]!.id;
}

/** Reads one row into the organizations' input values; each cell that cannot be read is a problem on its column. */
function readRow(row: SheetRow, mapping: ColumnMapping, lookups: Lookups): Row {
  const values: RowValues = {};
  const accreditations: ImportedAccreditation[] = [];
  const problems: ImportProblem[] = [];
  const read = (field: ImportField, parse: (cell: Cell, text: string) => void) => {
    const column = mapping.byField.get(field);
    if (!column) return;
    const cell = row.cells[column.index] ?? null;
    const text = cellText(cell);
    if (text === '') return;
    try {
      parse(cell, text);
    } catch (err) {
      if (!(err instanceof ValueError)) throw err;
      problems.push(problem(row.number, column, field, err.message));
    }
  };
  read('name', (_c, text) => void (values.name = text));
  read('siret', (cell, text) => {
    const digits = identifierDigits(cell, 14);
    if (!/^\d{14}$/.test(digits)) throw new ValueError(`Le SIRET doit compter 14 chiffres : ${quoted(text)}.`);
    if (!isValidSiret(digits)) throw new ValueError(`Ce SIRET n'est pas valide (clé de contrôle) : ${quoted(text)}.`);
    values.siret = digits;
  });
  read('siren', (cell, text) => {
    const digits = identifierDigits(cell, 9);
    if (!/^\d{9}$/.test(digits)) throw new ValueError(`Le SIREN doit compter 9 chiffres : ${quoted(text)}.`);
    if (values.siret && !values.siret.startsWith(digits)) throw new ValueError(`Le SIREN ${digits} ne correspond pas au SIRET ${values.siret} (ses 9 premiers chiffres).`);
  });
  read('rna', (_c, text) => void (values.rna = rnaOf(text)));
  read('headOffice', (cell) => void (values.headOffice = parseHeadOffice(cell)));
  read('legalForm', (_c, text) => void (values.legalForm = parseLegalForm(text)));
  read('nafCode', (_c, text) => void (values.nafCode = nafOf(text)));
  // Several sectors in the "Filière" cell: the first is the main one.
  read('sector', (_c, text) => {
    const [main, ...others] = listItems(text).map((item) => sectorOf(item, lookups));
    values.sector = main!;
    if (others.length > 0) values.otherSectors = others;
  });
  read('otherSectors', (_c, text) => {
    const others = listItems(text).map((item) => sectorOf(item, lookups));
    values.otherSectors = [...new Set([...(values.otherSectors ?? []), ...others])].filter((code) => code !== values.sector);
  });
  read('commune', (_c, text) => void (values.communeId = toGlobalId('Commune', communeOf(text, lookups))));
  read('address', (_c, text) => void (values.address = text.replace(/\s*\n\s*/g, ', ')));
  read('postalCode', (cell) => void (values.postalCode = postalCodeOf(cell)));
  read('priorityDistrict', (_c, text) => void (values.priorityDistrict = text));
  read('employees', (cell) => void (values.employees = parseCount(cell)));
  read('creationDate', (cell) => {
    const date = parseDate(cell);
    values.foundedYear = date.year;
    if (date.dayKnown) values.creationDate = date.iso;
  });
  read('foundedYear', (cell) => {
    const year = parseDate(cell).year;
    if (values.foundedYear !== undefined && values.foundedYear !== year) {
      throw new ValueError(`L'année de création (${year}) ne correspond pas à la date de création (${values.foundedYear}).`);
    }
    values.foundedYear = year;
  });
  read('stage', (_c, text) => void (values.stage = parseStage(text)));
  read('accreditations', (_c, text) => void accreditations.push(...parseAccreditations(text)));
  // "ESUS: oui" adds the accreditation unless the "Agréments" column names it (with its dates); "non" removes nothing.
  read('esus', (cell) => {
    if (parseYesNo(cell) && !accreditations.some((a) => a.kind === AccreditationKind.ESUS)) accreditations.push({ kind: AccreditationKind.ESUS, since: null, until: null });
  });
  read('publics', (_c, text) => void (values.publics = parsePublics(text)));
  read('description', (_c, text) => void (values.description = text));
  read('email', (_c, text) => void (values.email = text));
  read('phone', (cell) => void (values.phone = phoneOf(cell)));
  read('website', (_c, text) => void (values.website = websiteOf(text)));
  // A required column left empty on this row.
  for (const field of ['name', 'legalForm', 'sector', 'commune'] as const) {
    const key = field === 'commune' ? 'communeId' : field;
    if (values[key] === undefined && !problems.some((p) => p.field === field)) {
      problems.push(problem(row.number, mapping.byField.get(field)!, field, `${labelOf(field)} : valeur obligatoire, la cellule est vide.`));
    }
  }
  return { number: row.number, values, accreditations, problems, existing: null, heldKinds: new Set() };
}

/** The organizations' input rules on the values a refused row has (problems on cells already refused, or left empty, are not repeated). */
async function checkRefusedRow(row: Row, mapping: ColumnMapping): Promise<void> {
  const refusedFields = new Set(row.problems.map((p) => p.field));
  for (const p of await inputProblems(Object.assign(new CreateOrganizationInput(), { ...row.values }))) {
    const inputField = p.field.split('.')[0]!;
    const problem = problemOnField(row.number, mapping, p.field, p.message);
    if ((row.values as Record<string, unknown>)[inputField] === undefined || refusedFields.has(problem.field)) continue;
    refusedFields.add(problem.field);
    row.problems.push(problem);
  }
}

/** Two rows with the same SIRET, the same RNA, or (without either) the same name in the same commune: all refused, each naming the others. */
function refuseDuplicates(rows: Row[], mapping: ColumnMapping): void {
  const groups = new Map<string, Row[]>();
  const add = (key: string, row: Row) => groups.set(key, [...(groups.get(key) ?? []), row]);
  for (const row of rows) {
    const { siret, rna, name, communeId } = row.values;
    if (siret) add(`siret:${siret}`, row);
    if (rna) add(`rna:${rna}`, row);
    if (!siret && !rna && name && communeId) add(`name:${headerKey(name)}|${communeId}`, row);
  }
  for (const [key, group] of groups) {
    if (group.length < 2) continue;
    const kind = key.slice(0, key.indexOf(':'));
    for (const row of group) {
      const others = group.filter((r) => r !== row).map((r) => r.number);
      const what = kind === 'siret' ? `Le SIRET ${row.values.siret}` : kind === 'rna' ? `Le numéro RNA ${row.values.rna}` : 'Une organisation de même nom dans la même commune, sans SIRET ni RNA,';
      const field: ImportField = kind === 'siret' ? 'siret' : kind === 'rna' ? 'rna' : 'name';
      row.problems.push(problem(row.number, mapping.byField.get(field) ?? null, field, `${what} figure aussi ligne${others.length > 1 ? 's' : ''} ${others.join(', ')} du fichier : doublon refusé.`));
    }
  }
}

/**
 * Finds the organization each row updates: same SIRET; else same RNA; else, for a row with neither,
 * same name and commune among organizations with neither.
 */
async function matchExisting(ctx: Context, rows: Row[]): Promise<void> {
  const valid = rows.filter((r) => r.problems.length === 0);
  const known = await OrganizationLookups.findByIdentifiers(ctx.em, {
    sirets: valid.flatMap((r) => (r.values.siret ? [r.values.siret] : [])),
    rnas: valid.flatMap((r) => (r.values.rna ? [r.values.rna] : [])),
  });
  const bySiret = new Map(known.filter((o) => o.siret).map((o) => [o.siret!, o]));
  const byRna = new Map(known.filter((o) => o.rna).map((o) => [o.rna!, o]));
  const unidentified = valid.filter((r) => !r.values.siret && !r.values.rna);
  const byName = new Map<string, Organization>();
  const names = [...new Set(unidentified.map((r) => r.values.name!))];
  const communes = [...new Set(unidentified.map((r) => idOf(r.values.communeId!)))];
  for (const o of await OrganizationLookups.findUnidentified(ctx.em, names, communes)) byName.set(`${headerKey(o.name)}|${o.commune.id}`, o);
  for (const row of valid) {
    const { siret, rna, name, communeId } = row.values;
    row.existing = (siret ? bySiret.get(siret) : undefined) ?? (rna ? byRna.get(rna) : undefined) ?? (!siret && !rna ? byName.get(`${headerKey(name!)}|${idOf(communeId!)}`) : undefined) ?? null;
  }
  const held = await OrganizationLookups.accreditationKinds(
    ctx.em,
    valid.flatMap((r) => (r.existing ? [r.existing.id] : [])),
  );
  for (const row of valid) if (row.existing) row.heldKinds = held.get(row.existing.id) ?? new Set();
}

const idOf = (globalId: string) => fromGlobalId(globalId)!.id;

// --- Writing -------------------------------------------------------------------------------------

/** The stage of a new organization whose file gives none: emergence without SIRET nor year, creation within 2 years, else development. */
function defaultStage(values: RowValues): Stage {
  if (!values.siret && values.foundedYear === undefined) return Stage.EMERGENCE;
  if (values.foundedYear !== undefined && values.foundedYear >= new Date().getUTCFullYear() - 2) return Stage.CREATION;
  return Stage.DEVELOPMENT;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** What differs between the row and the organization (empty cells change nothing). */
function changesOf(existing: Organization, values: RowValues): RowValues {
  const current: Record<string, unknown> = {
    name: existing.name,
    siret: existing.siret,
    rna: existing.rna,
    headOffice: existing.headOffice,
    legalForm: existing.legalForm,
    // Compared as the service stores it ("88.99B").
    nafCode: existing.nafCode?.replace('.', ''),
    sector: existing.sector.unwrap().code,
    communeId: toGlobalId('Commune', existing.commune.id),
    address: existing.address,
    postalCode: existing.postalCode,
    priorityDistrict: existing.priorityDistrict,
    employees: existing.employees,
    foundedYear: existing.foundedYear,
    creationDate: existing.creationDate,
    stage: existing.stage,
    description: existing.description,
    email: existing.email,
    phone: existing.phone,
    website: existing.website,
  };
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    if (key === 'nafCode' && String(value).replace('.', '') === current.nafCode) continue;
    if (key === 'otherSectors') {
      if (!sameSet(value as string[], existing.sectorCodes.slice(1))) changes[key] = value;
    } else if (key === 'publics') {
      if (!sameSet(value as string[], existing.publics)) changes[key] = value;
    } else if (value !== current[key]) {
      changes[key] = value;
    }
  }
  return changes as RowValues;
}

/**
 * Checks one row with the organizations' input rules, then creates or updates it through their
 * service, then adds the accreditations it names that the organization does not hold yet (an
 * accreditation without dates starts on the reference date: the file says the organization holds it).
 */
async function writeRow(ctx: Context, row: Row, mapping: ColumnMapping, report: OrganizationImportReport, day: string): Promise<void> {
  const creating = row.existing === null;
  const values = creating ? { ...row.values, stage: row.values.stage ?? defaultStage(row.values) } : changesOf(row.existing!, row.values);
  const newKinds = row.accreditations.filter((a) => !row.heldKinds.has(a.kind));
  if (!creating && Object.keys(values).length === 0 && newKinds.length === 0) {
    report.unchanged++;
    return;
  }
  const input = creating ? Object.assign(new CreateOrganizationInput(), values) : Object.assign(new UpdateOrganizationInput(), values);
  const accreditationInputs = newKinds.map((a) => Object.assign(new AccreditationInput(), { kind: a.kind, since: a.since ?? day, until: a.until }));
  const problems = [...(await inputProblems(input)), ...(await Promise.all(accreditationInputs.map((a) => inputProblems(a)))).flat()];
  if (problems.length > 0) {
    for (const p of problems) row.problems.push(problemOnField(row.number, mapping, p.field, p.message));
    return;
  }
  try {
    let globalId = row.existing?.globalId;
    if (creating) globalId = (await OrganizationService.create(ctx, input as never)).globalId;
    else if (Object.keys(values).length > 0) await OrganizationService.update(ctx, globalId!, input as never);
    for (const accreditation of accreditationInputs) await OrganizationService.addAccreditation(ctx, globalId!, accreditation as never);
  } catch (err) {
    // The service's own refusals (a commune outside the perimeter, a SIRET taken, a year to come, an
    // accreditation the legal form cannot hold): the row's; anything else (the database) stops the import.
    if (!(err instanceof AppError) || (err.extensions.code !== 'BAD_USER_INPUT' && err.extensions.code !== 'CONFLICT')) throw err;
    // What the service changed before refusing (an update sets the sector, then finds the commune
    // wrong) must not ride on the next row's flush.
    ctx.em.clear();
    const field = typeof err.extensions.field === 'string' ? err.extensions.field.replace(/^input\./, '') : '';
    row.problems.push(problemOnField(row.number, mapping, field, err.message));
    return;
  }
  // The unit of work forgets the rows written: each flush compares every managed entity, so keeping
  // them made a file of 2,000 rows quadratic (minutes instead of seconds).
  ctx.em.clear();
  if (creating) report.created++;
  else report.updated++;
}

// --- The report ----------------------------------------------------------------------------------

function problem(row: number | null, column: MappedColumn | null, field: ImportField | null, message: string): ImportProblem {
  return { row, column: column?.letter ?? null, header: column?.header ?? null, field, message };
}

function problemOnField(row: number, mapping: ColumnMapping, inputField: string, message: string): ImportProblem {
  const field = INPUT_FIELDS[inputField.split('.')[0]!] ?? null;
  return problem(row, field ? (mapping.byField.get(field) ?? null) : null, field, message);
}

function emptyReport(request: ImportRequest, sheet: Sheet, headerRow: number, rows: number, mapping: ColumnMapping): OrganizationImportReport {
  const columns: ImportColumn[] = mapping.columns.map((c) => ({
    column: c.letter,
    header: c.header,
    recognised: c.spec !== null,
    field: c.spec?.field ?? null,
    label: c.spec?.label ?? null,
    note: c.note,
  }));
  return Object.assign(new OrganizationImportReport(), {
    fileName: request.fileName,
    format: sheet.format === 'CSV' ? ImportFormat.CSV : ImportFormat.XLSX,
    encoding: sheet.encoding,
    delimiter: sheet.delimiter,
    sheet: sheet.sheetName,
    headerRow,
    rows,
    created: 0,
    updated: 0,
    unchanged: 0,
    refused: 0,
    refusedRows: [],
    problems: [],
    problemsOmitted: 0,
    columns,
    recognisedColumns: columns.filter((c) => c.recognised).map((c) => `${c.header} → ${c.label}`),
    ignoredColumns: columns.filter((c) => !c.recognised).map((c) => (c.note ? `${c.header} (${c.note})` : c.header)),
    dryRun: request.dryRun,
    written: false,
    summary: '',
  });
}

function refuseFile(report: OrganizationImportReport, message: string): OrganizationImportReport {
  report.problems.push({ row: null, column: null, header: null, field: null, message });
  report.summary = `Fichier refusé, rien n'a été enregistré : ${message}`;
  return report;
}

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

function finish(report: OrganizationImportReport, rows: Row[], request: ImportRequest, written: boolean): OrganizationImportReport {
  const refused = rows.filter((r) => r.problems.length > 0);
  const problems = refused.flatMap((r) => r.problems);
  report.refused = refused.length;
  report.refusedRows = refused.map((r) => r.number);
  report.problems = problems.slice(0, MAX_REPORTED_PROBLEMS);
  report.problemsOmitted = problems.length - report.problems.length;
  report.written = written;
  const done = `${plural(report.created, 'création', 'créations')}, ${plural(report.updated, 'mise à jour', 'mises à jour')}, ${plural(report.unchanged, 'ligne inchangée', 'lignes inchangées')}`;
  const refusedRows = plural(report.refused, 'ligne refusée', 'lignes refusées');
  if (written) report.summary = `Import enregistré : ${done}, ${refusedRows}.`;
  else if (request.dryRun) report.summary = `Essai (rien n'a été enregistré) : ${done}, ${refusedRows}.`;
  else {
    report.summary =
      `Fichier refusé, rien n'a été enregistré : ${refusedRows}. Sans elles, l'import aurait donné : ${done}. ` +
      'Corrigez les lignes refusées, ou importez avec skipInvalidRows (--skip-invalid-rows) pour enregistrer les autres.';
  }
  return report;
}
