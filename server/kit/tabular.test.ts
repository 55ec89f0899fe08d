import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { toCsv, toXlsx, neutralizeFormula, type Column } from './tabular.js';

interface Row {
  name: string;
  amount: number | null;
  active: boolean;
  since: Date | null;
}

const columns: Column<Row>[] = [
  { header: 'Nom', value: (r) => r.name },
  { header: 'Montant (€)', value: (r) => r.amount },
  { header: 'Active', value: (r) => r.active },
  { header: 'Depuis', value: (r) => r.since },
];

const rows: Row[] = [
  { name: 'Épicerie « Le Panier » ; solidaire', amount: 1234.5, active: true, since: new Date('2026-03-01T00:00:00Z') },
  { name: '=HYPERLINK("http://evil.example","clic")', amount: -12, active: false, since: new Date('2026-07-14T12:30:00Z') },
  { name: "+cmd|' /C calc'!A0", amount: null, active: false, since: null },
  { name: '@SUM(A1:A2)', amount: 0, active: true, since: null },
  { name: '-2+3', amount: 3, active: true, since: null },
  { name: 'Ligne\nsur deux', amount: 1, active: true, since: null },
];

describe('toCsv', () => {
  it('writes a BOM, a header, ";" separators, French numbers, booleans and dates', () => {
    const csv = toCsv(columns, rows);
    expect(csv.startsWith('\ufeffNom;Montant (€);Active;Depuis\r\n')).toBe(true);
    const records = parse(csv.slice(1), { delimiter: ';' }) as string[][];
    expect(records[1]).toEqual(['Épicerie « Le Panier » ; solidaire', '1234,5', 'oui', '01/03/2026']);
    expect(records[2]![1]).toBe('-12'); // a number stays a number
    expect(records[2]![3]).toBe('14/07/2026 14:30'); // Paris time
    expect(records[3]![1]).toBe('');
    expect(records[6]![0]).toBe('Ligne\nsur deux');
  });

  it('neutralises every text a spreadsheet would run as a formula', () => {
    const records = parse(toCsv(columns, rows).slice(1), { delimiter: ';' }) as string[][];
    expect(records.slice(2, 6).map((r) => r[0])).toEqual(['\'=HYPERLINK("http://evil.example","clic")', "'+cmd|' /C calc'!A0", "'@SUM(A1:A2)", "'-2+3"]);
    for (const start of ['=', '+', '-', '@', '\t', '\r', '|', '%']) expect(neutralizeFormula(`${start}1`)).toBe(`'${start}1`);
    expect(neutralizeFormula('Association')).toBe('Association');
    expect(toCsv([{ header: '=1+1', value: () => null }], [])).toBe("\ufeff'=1+1\r\n");
  });
});

describe('toXlsx', () => {
  it('writes one typed sheet, with texts never read as formulas', async () => {
    const bytes = await toXlsx('Organisations: 2026/03', columns, rows);
    expect(Buffer.from(bytes.subarray(0, 2)).toString()).toBe('PK');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Organisations  2026 03');
    expect(sheet.getRow(1).values).toEqual([undefined, 'Nom', 'Montant (€)', 'Active', 'Depuis']);
    expect(sheet.getCell('A2').value).toBe('Épicerie « Le Panier » ; solidaire');
    expect(sheet.getCell('B2').value).toBe(1234.5);
    expect(sheet.getCell('C2').value).toBe(true);
    expect((sheet.getCell('D2').value as Date).toISOString()).toBe('2026-03-01T00:00:00.000Z');
    for (const address of ['A3', 'A4', 'A5', 'A6']) {
      expect(sheet.getCell(address).type).toBe(ExcelJS.ValueType.String);
      expect(sheet.getCell(address).value as string).toMatch(/^'/);
    }
    expect(sheet.getCell('B3').value).toBe(-12);
  });
});
