import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { headerKey, headerRowIndex, mapColumns, specOf } from './columns.js';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, MAX_XLSX_ELEMENTS } from './import.limits.js';
import { columnLetter, decodeText, detectDelimiter, readSpreadsheet, rowsAndCells, SpreadsheetError, zipEntries } from './spreadsheet.js';
import { communeKey, excelSerialDate, parseAccreditations, parseDate, parseLegalForm, parsePublics, ValueError } from './values.js';

describe('reading a CSV', () => {
  it('detects the delimiter from the header line, quotes respected; ; wins a tie', () => {
    expect(detectDelimiter('Nom;SIRET;Commune\n')).toBe(';');
    expect(detectDelimiter('Nom,SIRET,Commune\n')).toBe(',');
    expect(detectDelimiter('"Nom; complet",SIRET,Commune\n')).toBe(',');
    expect(detectDelimiter('\n\nNom\tSIRET\tCommune')).toBe('\t');
    expect(detectDelimiter('Nom')).toBe(';');
  });

  it('decodes UTF-8 with or without BOM, UTF-16 with BOM, and Windows-1252 otherwise', () => {
    expect(decodeText(Buffer.from('\uFEFFÉquihen', 'utf8'))).toEqual({ text: 'Équihen', encoding: 'UTF-8 (BOM)' });
    expect(decodeText(Buffer.from('Équihen', 'utf8'))).toEqual({ text: 'Équihen', encoding: 'UTF-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Équihen', 'utf16le')]))).toEqual({ text: 'Équihen', encoding: 'UTF-16' });
    // 0x92 is Windows-1252's apostrophe (’), 0x80 its euro sign: not Latin-1.
    expect(decodeText(Buffer.from([0x45, 0x71, 0x75, 0x69, 0x74, 0xe9, 0x20, 0x92, 0x80]))).toEqual({ text: 'Equité ’€', encoding: 'Windows-1252' });
  });

  it('numbers rows as the spreadsheet does, empty lines and quoted line breaks included', async () => {
    const sheet = await readSpreadsheet(Buffer.from('Nom;Description\n\n"A";"deux\nlignes"\nB;x\n'), 'a.csv');
    expect(sheet.rows.map((r) => [r.number, r.cells[0]])).toEqual([
      [1, 'Nom'],
      [3, 'A'],
      [4, 'B'],
    ]);
    expect(sheet.rows[1]!.cells[1]).toBe('deux\nlignes');
  });

  it('refuses files too big, too long, empty, binary or unclosed', async () => {
    const refused = (bytes: Uint8Array, name = 'a.csv') =>
      readSpreadsheet(bytes, name).then(
        () => null,
        (err: SpreadsheetError) => err.message,
      );
    expect(await refused(Buffer.alloc(0))).toBe('Le fichier est vide.');
    expect(await refused(Buffer.alloc(MAX_IMPORT_BYTES + 1, 'a'))).toMatch(/trop volumineux/);
    expect(await refused(Buffer.from(`Nom\n${'x\n'.repeat(MAX_IMPORT_ROWS + 1)}`))).toMatch(new RegExp(`plus de ${MAX_IMPORT_ROWS} lignes`));
    expect(await refused(Buffer.from('Nom;Desc\nA;"b\nC;d'))).toMatch(/guillemet/);
    expect(await refused(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), 'vieux.xls')).toMatch(/Excel 97-2003/);
  });
});

describe('reading an XLSX workbook', () => {
  it('reads the first visible sheet, formulas by their result, rich text as text', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Cachée', { state: 'hidden' }).addRow(['ignore']);
    const ws = wb.addWorksheet('Liste');
    ws.addRow(['Nom', 'Salariés']);
    ws.addRow([{ richText: [{ text: 'Ressourcerie ' }, { text: 'du Port', font: { bold: true } }] }, { formula: '2+3', result: 5 }]);
    const sheet = await readSpreadsheet(Buffer.from(await wb.xlsx.writeBuffer()), 'l.xlsx');
    expect(sheet).toMatchObject({ format: 'XLSX', sheetName: 'Liste' });
    expect(sheet.rows[1]!.cells).toEqual(['Ressourcerie du Port', 5]);
  });

  it("reads the zip's directory without unpacking it, so that a zip bomb is refused", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('A').addRow(['x']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const { names, unpacked } = zipEntries(bytes);
    expect(names).toContain('xl/workbook.xml');
    expect(unpacked).toBeGreaterThan(0);
    // The same workbook announcing a 4 GiB entry in its central directory.
    const bomb = Buffer.from(bytes);
    const central = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bomb.writeUInt32LE(0xfffffff0, central + 24);
    await expect(readSpreadsheet(bomb, 'bombe.xlsx')).rejects.toThrow(/se décompresse en/);
  });

  it('refuses an entry that unpacks past the size its directory announces (a zip bomb that lies), before exceljs inflates it', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('A');
    for (let i = 0; i < 50; i++) ws.addRow(['Nom de la structure', 'Association', 'Culture', 'Samer']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const sheet = zipEntries(bytes).entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    expect(sheet.size).toBeGreaterThan(100);
    // The sheet's directory entry now says it unpacks to 100 bytes: the total stays far under the bound.
    const lying = Buffer.from(bytes);
    let central = -1;
    for (let at = lying.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at >= 0; at = lying.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)) {
      if (lying.subarray(at + 46, at + 46 + lying.readUInt16LE(at + 28)).toString() === 'xl/worksheets/sheet1.xml') central = at;
    }
    lying.writeUInt32LE(100, central + 24);
    await expect(readSpreadsheet(lying, 'bombe.xlsx')).rejects.toThrow(/« xl\/worksheets\/sheet1.xml » se décompresse au-delà de la taille qu'il annonce/);
    // The honest workbook is read.
    expect((await readSpreadsheet(bytes, 'ok.xlsx')).rows).toHaveLength(50);
  });

  it("counts every worksheet's rows and cells before exceljs builds them: a sheet of a million rows is refused at once", async () => {
    expect(rowsAndCells(Buffer.from('<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"/></row><row/><cols/><rowBreaks/></sheetData>'))).toBe(4);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('A').addRow(['Nom']);
    const honest = Buffer.from(await wb.xlsx.writeBuffer());
    // The same workbook, its sheet holding MAX_XLSX_ELEMENTS + 1 empty rows (a few hundred KB once compressed).
    const zip = await JSZip.loadAsync(honest);
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    zip.file('xl/worksheets/sheet1.xml', xml.replace('<sheetData>', '<sheetData>' + '<row/>'.repeat(MAX_XLSX_ELEMENTS + 1)));
    const big = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const started = Date.now();
    await expect(readSpreadsheet(big, 'lignes.xlsx')).rejects.toThrow(/plus de 300\s000 lignes et cellules/);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('the French column mapping', () => {
  it('recognises headers whatever their case, accents, punctuation, with synonyms', () => {
    const fields = (headers: string[]) => headers.map((h) => specOf(h)?.field ?? null);
    expect(fields(['RAISON SOCIALE', 'Dénomination', 'nom'])).toEqual(['name', 'name', 'name']);
    expect(fields(['N° SIRET', 'n°siret', 'Numéro RNA', 'N° RNA', 'Code NAF/APE', 'APE'])).toEqual(['siret', 'siret', 'rna', 'rna', 'nafCode', 'nafCode']);
    expect(fields(['Statut', 'Forme  juridique', 'Ville', 'Code postal', 'E-mail', 'Courriel', 'Tél.', 'Site web'])).toEqual([
      'legalForm',
      'legalForm',
      'commune',
      'postalCode',
      'email',
      'email',
      'phone',
      'website',
    ]);
    expect(fields(['Nombre de salariés', 'Effectif', 'Année de création', 'Date de création', 'Agréments', 'Filière', 'Secteur'])).toEqual([
      'employees',
      'employees',
      'foundedYear',
      'creationDate',
      'accreditations',
      'sector',
      'sector',
    ]);
    expect(fields(['Commentaire', 'Référent'])).toEqual([null, null]);
    expect(headerKey('  Œuvre  N° ')).toBe('oeuvre n');
  });

  it('keeps the first column of a field and says why a second one is ignored', () => {
    const mapping = mapColumns(['Nom', 'Raison sociale', 'Ville']);
    expect(mapping.byField.get('name')!.letter).toBe('A');
    expect(mapping.columns[1]).toMatchObject({ letter: 'B', spec: null, note: 'déjà lue dans la colonne A' });
    expect(mapping.missing).toEqual(['legalForm', 'sector']);
  });

  it('finds the header under a title', () => {
    expect(headerRowIndex([{ cells: ['Annuaire 2024'] }, { cells: ['Nom', 'Statut', 'Ville'] }])).toBe(1);
    expect(columnLetter(1)).toBe('A');
    expect(columnLetter(28)).toBe('AB');
  });
});

describe('French values', () => {
  it('reads legal forms as advisers write them, and refuses accreditations written as forms', () => {
    expect(
      ['Association loi 1901', 'asso', 'SCOP SA', 'Scic SAS', 'SARL', 'EURL', 'Mutuelle', "Mutuelle d'assurance", 'Fondation', 'Mairie', 'CCAS', 'Micro-entrepreneur', '9220'].map(parseLegalForm),
    ).toEqual(['ASSOCIATION', 'ASSOCIATION', 'SCOP', 'SCIC', 'SARL', 'SARL', 'MUTUAL_HEALTH', 'MUTUAL_INSURANCE', 'FOUNDATION', 'COMMUNE', 'CCAS', 'INDIVIDUAL', 'ASSOCIATION']);
    expect(() => parseLegalForm('ACI')).toThrow(/est un agrément ou un conventionnement, pas une forme juridique/);
    expect(() => parseLegalForm('EI')).toThrow(/ambigu/);
    expect(() => parseLegalForm('GIE')).toThrow(ValueError);
  });

  it('reads dates as dd/mm/yyyy, yyyy-mm-dd, Excel serials and years, and refuses impossible ones', () => {
    expect(parseDate('14/07/2015')).toEqual({ iso: '2015-07-14', year: 2015, dayKnown: true });
    expect(parseDate('1/2/98')).toMatchObject({ iso: '1998-02-01' });
    expect(parseDate('2015-07-14')).toMatchObject({ iso: '2015-07-14' });
    expect(parseDate(45292)).toMatchObject({ iso: '2024-01-01' });
    expect(parseDate('45292')).toMatchObject({ iso: '2024-01-01' });
    expect(parseDate(new Date(Date.UTC(2001, 0, 31)))).toMatchObject({ iso: '2001-01-31' });
    expect(parseDate(1987)).toEqual({ iso: '1987-01-01', year: 1987, dayKnown: false });
    expect(excelSerialDate(1)).toBe('1900-01-01');
    expect(excelSerialDate(61)).toBe('1900-03-01');
    expect(() => parseDate('31/02/2020')).toThrow("Cette date n'existe pas : « 31/02/2020 » (attendu : jj/mm/aaaa).");
    expect(() => parseDate('bientôt')).toThrow(/Date illisible/);
  });

  it('reads accreditations with or without dates, and publics', () => {
    expect(parseAccreditations('ACI; ESUS depuis le 01/09/2019')).toEqual([
      { kind: 'SIAE_ACI', since: null, until: null },
      { kind: 'ESUS', since: '2019-09-01', until: null },
    ]);
    expect(parseAccreditations('EI du 01/01/2021 au 31/12/2023, Services à la personne (2018)')).toEqual([
      { kind: 'SIAE_EI', since: '2021-01-01', until: '2023-12-31' },
      { kind: 'SAP', since: '2018-01-01', until: null },
    ]);
    expect(parseAccreditations('ACI 2019-2022')).toEqual([{ kind: 'SIAE_ACI', since: '2019-01-01', until: '2022-12-31' }]);
    expect(() => parseAccreditations('Label bio')).toThrow(/Agrément inconnu : « Label bio »/);
    expect(parsePublics('Jeunes; RSA / QPV')).toEqual(['YOUTH', 'MINIMUM_INCOME', 'PRIORITY_DISTRICTS']);
  });

  it('keys communes with or without accents, hyphens, "St", postal code', () => {
    const key = communeKey('Saint-Martin-Boulogne');
    expect(['saint martin boulogne', 'St Martin Boulogne', 'ST-MARTIN-BOULOGNE', '62280 Saint-Martin-Boulogne'].map(communeKey)).toEqual([key, key, key, key]);
    expect(communeKey('equihen plage')).toBe(communeKey('Équihen-Plage'));
  });
});
