import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

/** One column of an exported table: its French header and how a row gives its value. */
export interface Column<T> {
  header: string;
  value(row: T): string | number | boolean | Date | null;
}

export const CSV_TYPE = 'text/csv; charset=utf-8';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Characters that make a spreadsheet read a cell as a formula (or a DDE call) when a text starts with them. */
const FORMULA_START = /^[=+\-@\t\r|%]/;

/**
 * A text a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`), made inert by
 * a leading apostrophe (OWASP's advice): the person sees the text, the spreadsheet runs nothing.
 */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The Paris wall-clock parts of a date. */
function parisParts(date: Date): Record<string, string> {
  const parts = new Intl.DateTimeFormat('fr-FR', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  return Object.fromEntries(parts.map((p) => [p.type, p.value]));
}

/** A date as French spreadsheets read it: `31/12/2026` at midnight UTC (a day), else `31/12/2026 14:05` (Paris time). */
function frenchDate(date: Date): string {
  if (date.getUTCHours() === 0 && date.getUTCMinutes() === 0 && date.getUTCSeconds() === 0 && date.getUTCMilliseconds() === 0) {
    return `${String(date.getUTCDate()).padStart(2, '0')}/${String(date.getUTCMonth() + 1).padStart(2, '0')}/${date.getUTCFullYear()}`;
  }
  const p = parisParts(date);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** One CSV cell: numbers with a decimal comma, booleans `oui`/`non`, dates French, texts neutralised. */
function csvCell(value: string | number | boolean | Date | null): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value).replace('.', ',') : '';
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : frenchDate(value);
  return neutralizeFormula(value);
}

/**
 * A table as CSV for French spreadsheets: `;` separator, UTF-8 with a BOM (so Excel reads the accents),
 * CRLF line ends, a header line, every text that would start a formula neutralised.
 */
export function toCsv<T>(columns: readonly Column<T>[], rows: Iterable<T>): string {
  const records: string[][] = [columns.map((c) => neutralizeFormula(c.header))];
  for (const row of rows) records.push(columns.map((c) => csvCell(c.value(row))));
  return '\ufeff' + stringify(records, { delimiter: ';', record_delimiter: '\r\n', quoted_match: /[;"\r\n]/ });
}

/** A sheet name Excel accepts: no `[]:*?/\`, 31 characters at most, not empty. */
function sheetName(name: string): string {
  const clean = name
    .replace(/[[\]:*?/\\]/g, ' ')
    .trim()
    .slice(0, 31);
  return clean === '' ? 'Feuille 1' : clean;
}

/**
 * A table as an .xlsx workbook of one sheet: a bold header line, frozen; numbers, booleans and dates
 * typed (dates shown `jj/mm/aaaa`); texts stay texts (never formulas) and are neutralised as in CSV,
 * so a copy to CSV stays inert.
 */
export async function toXlsx<T>(sheet: string, columns: readonly Column<T>[], rows: Iterable<T>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Maillage';
  const worksheet = workbook.addWorksheet(sheetName(sheet), { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.columns = columns.map((c) => ({ header: c.header, width: Math.min(60, Math.max(10, c.header.length + 2)) }));
  worksheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    const added = worksheet.addRow(
      columns.map((c) => {
        const value = c.value(row);
        return typeof value === 'string' ? neutralizeFormula(value) : value;
      }),
    );
    added.eachCell((cell) => {
      if (cell.value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
    });
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
