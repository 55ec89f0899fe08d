import { inflateRaw } from 'node:zlib';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { MAX_CELL_CHARS, MAX_IMPORT_BYTES, MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS, MAX_XLSX_ELEMENTS, MAX_XLSX_ENTRIES, MAX_XLSX_UNPACKED_BYTES } from './import.limits.js';

/*
 * Reading a spreadsheet: CSV (delimiter and encoding detected) or XLSX (through exceljs), into rows of
 * plain cells numbered as the spreadsheet shows them. Knows nothing of organizations.
 */

/** A cell as read: text, a number, a date (XLSX date cells), a boolean, or nothing. */
export type Cell = string | number | Date | boolean | null;

export interface SheetRow {
  /** The row's number as the spreadsheet shows it (1 for the first line of the file). */
  number: number;
  cells: Cell[];
}

export type SpreadsheetFormat = 'CSV' | 'XLSX';

export interface Sheet {
  format: SpreadsheetFormat;
  /** CSV: 'UTF-8', 'UTF-8 (BOM)', 'UTF-16' or 'Windows-1252'; XLSX: null. */
  encoding: string | null;
  /** CSV: the delimiter found; XLSX: null. */
  delimiter: string | null;
  /** XLSX: the worksheet read; CSV: null. */
  sheetName: string | null;
  /** Rows, header included, empty rows left out. */
  rows: SheetRow[];
}

/** A file refused as a whole, with why (French). */
export class SpreadsheetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SpreadsheetError';
  }
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // .xls (Excel 97-2003), .doc
const PDF = [0x25, 0x50, 0x44, 0x46]; // %PDF

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

const MB = (n: number) => `${Math.round((n / 1_048_576) * 10) / 10} Mo`;

/** Reads `bytes` as a CSV or XLSX file; throws `SpreadsheetError` (French) when it cannot. */
export async function readSpreadsheet(bytes: Uint8Array, fileName: string): Promise<Sheet> {
  if (bytes.length === 0) throw new SpreadsheetError('Le fichier est vide.');
  if (bytes.length > MAX_IMPORT_BYTES) throw new SpreadsheetError(`Le fichier est trop volumineux : ${MB(bytes.length)}, ${MB(MAX_IMPORT_BYTES)} au plus.`);
  if (startsWith(bytes, ZIP)) return readXlsx(bytes);
  if (startsWith(bytes, OLE)) {
    throw new SpreadsheetError('Ce fichier est au format Excel 97-2003 (.xls), qui n’est pas pris en charge : enregistrez-le au format .xlsx ou CSV.');
  }
  if (startsWith(bytes, PDF)) throw new SpreadsheetError('Ce fichier est un PDF, pas un tableur : exportez le tableau au format .xlsx ou CSV.');
  if (/\.(xlsx|xlsm|ods|xls)$/i.test(fileName)) {
    throw new SpreadsheetError(`Le fichier « ${fileName} » n’est pas un classeur lisible : son contenu n’est pas celui d’un fichier .xlsx.`);
  }
  return readCsv(bytes);
}

// --- CSV --------------------------------------------------------------------------------------

/** The text of a CSV file and the encoding it was in: BOMs first, then strict UTF-8, else Windows-1252 (Excel's French CSV). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8 (BOM)' };
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16' };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    // Not UTF-8: Excel's "CSV (séparateur : point-virgule)" on a French Windows writes Windows-1252.
    return { text: decodeWindows1252(bytes), encoding: 'Windows-1252' };
  }
}

/**
 * Windows-1252's characters for bytes 0x80 to 0x9F (Latin-1 has control codes there); undefined
 * bytes stay as their code. Written out because Node's TextDecoder('windows-1252') decodes as Latin-1
 * (’ became U+0092, € U+0080).
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    text += String.fromCharCode(...chunk.map((b) => b)).replace(/[\u0080-\u009F]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
  }
  return text;
}

/** Candidate delimiters, the French default first (it wins a tie). */
const DELIMITERS = [';', ',', '\t', '|'] as const;

/** The delimiter of the first non-empty line: the candidate met most often outside quotes (';' on a tie or none). */
export function detectDelimiter(text: string): string {
  const line = firstLine(text);
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best: string = ';';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/** The first line holding something (a header may follow blank lines), quoted line breaks kept. */
function firstLine(text: string): string {
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) {
      const line = text.slice(start, i);
      if (line.trim() !== '') return line;
      start = i + 1;
    }
  }
  return text.slice(start);
}

/** Text that is not a table: control characters other than tabs and line breaks (a binary file). */
// eslint-disable-next-line no-control-regex -- control characters are what this detects
const BINARY = /[\u0000-\u0008\u000E-\u001F]/;

function readCsv(bytes: Uint8Array): Sheet {
  const { text, encoding } = decodeText(bytes);
  if (BINARY.test(text.slice(0, 65_536))) {
    throw new SpreadsheetError("Ce fichier n'est ni un CSV ni un classeur .xlsx : il contient des données binaires.");
  }
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: true,
      max_record_size: MAX_CELL_CHARS * MAX_IMPORT_COLUMNS,
      to_line: MAX_IMPORT_ROWS + 50,
    }) as string[][];
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw new SpreadsheetError(`Le fichier CSV est illisible${line ? ` vers la ligne ${line}` : ''} : ${csvReason(err as Error)}`);
  }
  const rows: SheetRow[] = [];
  records.forEach((record, i) => {
    if (record.every((cell) => cell.trim() === '')) return;
    rows.push({ number: i + 1, cells: record.map((cell) => cell) });
  });
  return checkedSheet({ format: 'CSV', encoding, delimiter, sheetName: null, rows }, text.split(/\r\n|\r|\n/).length);
}

function csvReason(err: Error): string {
  const code = (err as { code?: string }).code;
  if (code === 'CSV_QUOTE_NOT_CLOSED') return 'un guillemet ouvert n’est jamais fermé.';
  if (code === 'CSV_MAX_RECORD_SIZE') return 'une ligne est démesurément longue.';
  return 'le format CSV n’est pas respecté.';
}

// --- XLSX -------------------------------------------------------------------------------------

/**
 * The entries of a zip's central directory, read without unpacking: a file announcing more than
 * `MAX_XLSX_UNPACKED_BYTES` or `MAX_XLSX_ENTRIES` is refused before exceljs unpacks anything (a zip bomb).
 */
export function zipEntries(bytes: Uint8Array): { names: string[]; unpacked: number; entries: ZipEntry[] } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new SpreadsheetError('Ce fichier .xlsx est endommagé (archive incomplète) : ouvrez-le dans votre tableur et enregistrez-le de nouveau.');
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if (count > MAX_XLSX_ENTRIES) throw new SpreadsheetError(`Ce classeur contient trop d'éléments (${count}) pour être un tableau à importer.`);
  const names: string[] = [];
  const entries: ZipEntry[] = [];
  let unpacked = 0;
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) {
      throw new SpreadsheetError("Ce fichier .xlsx est endommagé (répertoire de l'archive illisible).");
    }
    const size = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    // 0xFFFFFFFF: a ZIP64 size, beyond 4 GiB: far past the bound anyway.
    unpacked += size === 0xffffffff ? Number.MAX_SAFE_INTEGER / 2 : size;
    const name = new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    names.push(name);
    entries.push({
      name,
      method: view.getUint16(offset + 10, true),
      compressed: view.getUint32(offset + 20, true),
      size,
      localHeader: view.getUint32(offset + 42, true),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return { names, unpacked, entries };
}

/** An entry of a zip's central directory: its name, compression method, sizes and where its local header is. */
export interface ZipEntry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  localHeader: number;
}

const inflateRawAsync = promisify(inflateRaw);

/**
 * Checks that no entry unpacks to more than its directory announces: the sizes `zipEntries` adds up
 * are the archive's word, and a zip bomb lies (a 700 KB upload announcing 1 KB unpacked 700 MB in
 * exceljs' unzipper, which checks the size only after inflating everything). Each entry is inflated
 * here with its announced size as the ceiling, and refused past it, before exceljs reads anything.
 * Worksheets' rows and cells are counted too: exceljs makes an object of each, in every sheet, before
 * the sheet's row count can be read (a 145 KB upload of a million empty rows took 1.5 GB and 7 s).
 */
export async function checkZipSizes(bytes: Uint8Array, entries: readonly ZipEntry[]): Promise<void> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let elements = 0;
  const damaged = () => new SpreadsheetError("Ce fichier .xlsx est endommagé (contenu de l'archive illisible) : ouvrez-le dans votre tableur et enregistrez-le de nouveau.");
  for (const entry of entries) {
    const at = entry.localHeader;
    if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) throw damaged();
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    if (start + entry.compressed > bytes.length) throw damaged();
    const data = bytes.subarray(start, start + entry.compressed);
    let content: Uint8Array;
    if (entry.method === 0) {
      if (entry.compressed !== entry.size) throw damaged();
      content = data;
    } else if (entry.method === 8) {
      try {
        // One byte over the announced size is enough to know it lies.
        content = await inflateRawAsync(data, { maxOutputLength: entry.size + 1 });
      } catch {
        throw new SpreadsheetError(`Ce classeur est refusé : l'élément « ${entry.name} » se décompresse au-delà de la taille qu'il annonce (archive altérée ou « bombe zip »).`);
      }
      if (content.length !== entry.size) throw damaged();
    } else {
      throw new SpreadsheetError(`Ce classeur utilise une compression que le lecteur ne connaît pas (méthode ${entry.method}) : enregistrez-le de nouveau au format .xlsx.`);
    }
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)) {
      elements += rowsAndCells(content);
      if (elements > MAX_XLSX_ELEMENTS) {
        throw new SpreadsheetError(
          `Ce classeur compte plus de ${MAX_XLSX_ELEMENTS.toLocaleString('fr-FR')} lignes et cellules (toutes feuilles comprises) : ${MAX_IMPORT_ROWS} lignes au plus par import. Ne gardez que la feuille à importer.`,
        );
      }
    }
  }
}

/** XML elements `<row` and `<c` of a worksheet (what exceljs makes an object of, so what its memory grows with). */
export function rowsAndCells(xml: Uint8Array): number {
  const separator = (b: number | undefined) => b === 0x20 || b === 0x3e || b === 0x2f || b === 0x09 || b === 0x0a || b === 0x0d;
  let n = 0;
  for (let i = xml.indexOf(0x3c); i >= 0; i = xml.indexOf(0x3c, i + 1)) {
    const next = xml[i + 1];
    if (next === 0x63 /* c */ && separator(xml[i + 2])) n++;
    else if (next === 0x72 /* r */ && xml[i + 2] === 0x6f && xml[i + 3] === 0x77 && separator(xml[i + 4])) n++;
  }
  return n;
}

async function readXlsx(bytes: Uint8Array): Promise<Sheet> {
  const { names, unpacked, entries } = zipEntries(bytes);
  if (names.includes('content.xml') && names.includes('mimetype')) {
    throw new SpreadsheetError('Ce fichier est au format OpenDocument (.ods), qui n’est pas pris en charge : enregistrez-le au format .xlsx ou CSV.');
  }
  if (!names.includes('xl/workbook.xml')) throw new SpreadsheetError('Ce fichier est une archive zip, pas un classeur .xlsx.');
  if (unpacked > MAX_XLSX_UNPACKED_BYTES) {
    throw new SpreadsheetError(`Ce classeur se décompresse en ${MB(unpacked)} : ${MB(MAX_XLSX_UNPACKED_BYTES)} au plus. Ne gardez que le tableau à importer.`);
  }
  await checkZipSizes(bytes, entries);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    throw new SpreadsheetError('Ce classeur .xlsx est illisible : ouvrez-le dans votre tableur et enregistrez-le de nouveau.');
  }
  // The first visible worksheet holding something.
  const sheet = workbook.worksheets.find((ws) => ws.state === 'visible' && ws.actualRowCount > 0) ?? workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) throw new SpreadsheetError('Le classeur ne contient aucune feuille remplie.');
  const rows: SheetRow[] = [];
  if (sheet.actualRowCount > MAX_IMPORT_ROWS + 50) {
    throw new SpreadsheetError(`La feuille « ${sheet.name} » compte ${sheet.actualRowCount} lignes : ${MAX_IMPORT_ROWS} au plus par import.`);
  }
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: Cell[] = [];
    const last = Math.min(row.cellCount, MAX_IMPORT_COLUMNS + 1);
    for (let c = 1; c <= last; c++) cells.push(cellValue(row.getCell(c).value));
    if (cells.some((cell) => cell !== null && cell !== '')) rows.push({ number, cells });
  });
  return checkedSheet({ format: 'XLSX', encoding: null, delimiter: null, sheetName: sheet.name, rows }, sheet.actualRowCount);
}

/** A plain value of an exceljs cell: rich text joined, a formula's result, a hyperlink's text, an error's code. */
export function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return cellValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellValue(value.text as ExcelJS.CellValue);
    if ('error' in value) return String(value.error);
  }
  return null;
}

/** Bounds every reader shares: rows, columns, cell sizes. */
function checkedSheet(sheet: Sheet, physicalRows: number): Sheet {
  const dataRows = Math.max(0, sheet.rows.length - 1);
  if (dataRows > MAX_IMPORT_ROWS || physicalRows > MAX_IMPORT_ROWS + 50 + 1) {
    throw new SpreadsheetError(`Le fichier compte plus de ${MAX_IMPORT_ROWS} lignes : ${MAX_IMPORT_ROWS} au plus par import ; découpez-le.`);
  }
  if (sheet.rows.length === 0) throw new SpreadsheetError('Le fichier ne contient aucune ligne : ni en-têtes, ni données.');
  for (const row of sheet.rows) {
    if (row.cells.length > MAX_IMPORT_COLUMNS && row.cells.slice(MAX_IMPORT_COLUMNS).some((c) => c !== null && c !== '')) {
      throw new SpreadsheetError(`La ligne ${row.number} compte plus de ${MAX_IMPORT_COLUMNS} colonnes : ${MAX_IMPORT_COLUMNS} au plus.`);
    }
    row.cells = row.cells.slice(0, MAX_IMPORT_COLUMNS);
    for (const cell of row.cells) {
      if (typeof cell === 'string' && cell.length > MAX_CELL_CHARS) {
        throw new SpreadsheetError(`Une cellule de la ligne ${row.number} dépasse ${MAX_CELL_CHARS} caractères.`);
      }
    }
  }
  return sheet;
}

/** The spreadsheet name of a column (1 → A, 27 → AA). */
export function columnLetter(index: number): string {
  let n = index;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
