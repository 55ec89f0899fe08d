import { mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, startTestApp, TOKENS, type TestApp } from '../../test/harness.js';

/** A valid SIRET from 13 digits (Luhn key appended). */
function siret(prefix13: string): string {
  let sum = 0;
  const digits = `${prefix13}0`;
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return `${prefix13}${(10 - (sum % 10)) % 10}`;
}

const S1 = siret('8871234500011');
const S2 = siret('8871234500022');
const S3 = siret('8871234500033');

const REPORT = `
  fileName format encoding delimiter sheet headerRow rows created updated unchanged refused refusedRows
  problems { row column header field message } problemsOmitted
  columns { column header recognised field label note } recognisedColumns ignoredColumns dryRun written summary`;
const IMPORT = `mutation($input: ImportOrganizationsInput!) { importOrganizations(input: $input) { ${REPORT} } }`;

let t: TestApp;
let importDir: string;
let outsideDir: string;

beforeAll(async () => {
  importDir = realpathSync(mkdtempSync(join(tmpdir(), 'maillage-import-')));
  outsideDir = realpathSync(mkdtempSync(join(tmpdir(), 'maillage-outside-')));
  t = await startTestApp({ modules: ['imports', 'accounts'], config: { importDir } });
});
afterAll(async () => {
  await t?.close();
  rmSync(importDir, { recursive: true, force: true });
  rmSync(outsideDir, { recursive: true, force: true });
});

function importFile(fileName: string, content: Uint8Array | string, options: { dryRun?: boolean; skipInvalidRows?: boolean } = {}, token: string | null = TOKENS.admin) {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  return t.gql(IMPORT, { input: { fileName, contentBase64: bytes.toString('base64'), ...options } }, token);
}

async function organizationBySiret(value: string) {
  const res = await t.gql(
    `query($s: String) { organizations(first: 100, filter: { search: $s }) { edges { node { id name siret legalForm employees foundedYear stage esus email website sector { code } commune { name } } } } }`,
    { s: null },
  );
  void res;
  const all = await allOrganizations();
  return all.find((o: any) => o.siret === value) ?? null;
}

async function allOrganizations(): Promise<any[]> {
  const out: any[] = [];
  let after: string | null = null;
  for (;;) {
    const res: any = await t.gql(
      `query($after: String) { organizations(first: 100, after: $after, orderBy: UPDATED_AT_DESC) { pageInfo { hasNextPage endCursor } edges { node { id name siret legalForm employees foundedYear stage esus email website phone description sector { code } commune { name } } } } }`,
      { after },
    );
    out.push(...res.data.organizations.edges.map((e: any) => e.node));
    if (!res.data.organizations.pageInfo.hasNextPage) return out;
    after = res.data.organizations.pageInfo.endCursor;
  }
}

async function count(): Promise<number> {
  return (await t.gql('{ organizations(first: 1) { totalCount } }')).data.organizations.totalCount;
}

const HEADER = 'Raison sociale;N° SIRET;Statut;Secteur;Ville;Effectif;Date de création;Courriel;Site web;Agréments;Colonne perso';

describe('importOrganizations: CSV', () => {
  it('reads a semicolon CSV in UTF-8 with French headers and values, and says which columns it read or ignored', async () => {
    const csv = [
      HEADER,
      `Recyclerie des Deux Caps;${S1};Association loi 1901;Recyclage et réemploi;boulogne sur mer;12;14/03/2011;contact@deuxcaps.fr;www.deuxcaps.fr;ACI; ESUS;x`,
      `Coop du Portel;${S2.slice(0, 3)} ${S2.slice(3, 6)} ${S2.slice(6, 9)} ${S2.slice(9)};SCOP SA;culture;Le Portel;3;2019;;;;`,
    ].join('\r\n');
    const res = await importFile('structures.csv', csv);
    expect(res.errors).toBeUndefined();
    const report = res.data.importOrganizations;
    expect(report).toMatchObject({ format: 'CSV', encoding: 'UTF-8', delimiter: ';', headerRow: 1, rows: 2, created: 2, updated: 0, refused: 0, written: true });
    expect(report.columns.find((c: any) => c.header === 'Raison sociale')).toMatchObject({ column: 'A', recognised: true, field: 'name', label: 'Nom' });
    expect(report.columns.find((c: any) => c.header === 'Ville')).toMatchObject({ recognised: true, field: 'commune' });
    expect(report.ignoredColumns).toEqual(['Colonne perso']);
    expect(report.recognisedColumns).toContain('Statut → Forme juridique');
    expect(report.summary).toMatch(/^Import enregistré : 2 créations/);

    const recyclerie = await organizationBySiret(S1);
    expect(recyclerie).toMatchObject({
      name: 'Recyclerie des Deux Caps',
      legalForm: 'ASSOCIATION',
      sector: { code: 'recyclage-reemploi' },
      commune: { name: 'Boulogne-sur-Mer' },
      employees: 12,
      foundedYear: 2011,
      esus: true,
      email: 'contact@deuxcaps.fr',
      website: 'https://www.deuxcaps.fr',
      stage: 'DEVELOPMENT',
    });
    expect(await organizationBySiret(S2)).toMatchObject({ name: 'Coop du Portel', legalForm: 'SCOP', commune: { name: 'Le Portel' }, foundedYear: 2019 });
  });

  it('is idempotent on SIRET: the same file again updates nothing; a changed value updates that organization only', async () => {
    const before = await count();
    const csv = [HEADER, `Recyclerie des Deux Caps;${S1};Association loi 1901;Recyclage et réemploi;Boulogne-sur-Mer;12;14/03/2011;contact@deuxcaps.fr;www.deuxcaps.fr;ACI; ESUS;`].join('\n');
    const again = (await importFile('structures.csv', csv)).data.importOrganizations;
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1, written: true });
    const changed = (await importFile('structures.csv', csv.replace(';12;', ';15;'))).data.importOrganizations;
    expect(changed).toMatchObject({ created: 0, updated: 1, unchanged: 0, written: true });
    expect(await count()).toBe(before);
    expect((await organizationBySiret(S1)).employees).toBe(15);
  });

  it('reads a comma CSV with a UTF-8 BOM, quoted cells and English-looking synonyms (Nom, E-mail, Code NAF ignored today)', async () => {
    const csv = '\uFEFFNom,SIRET,Forme juridique,Filière,Commune,E-mail,Téléphone\r\n"Atelier ""Vélo"", Wimereux",' + S3 + ',SARL,Culture,Wimereux,atelier@velo.fr,03 21 00 00 00\r\n';
    const report = (await importFile('export.csv', csv)).data.importOrganizations;
    expect(report).toMatchObject({ encoding: 'UTF-8 (BOM)', delimiter: ',', created: 1, written: true });
    expect(await organizationBySiret(S3)).toMatchObject({ name: 'Atelier "Vélo", Wimereux', legalForm: 'SARL', phone: '03 21 00 00 00' });
  });

  it('reads Windows-1252, as Excel writes a French CSV', async () => {
    const text = 'Dénomination;Forme juridique;Filière;Commune;Salariés\r\nAssociation Équité Solidarité;Association;Culture;Équihen-Plage;0\r\n';
    // Windows-1252: the accented letters as in Latin-1, the apostrophe ’ as 0x92.
    const bytes = Buffer.from(text.replace('Équité', 'L\x92Équité'), 'latin1');
    const report = (await importFile('windows.csv', bytes)).data.importOrganizations;
    expect(report).toMatchObject({ encoding: 'Windows-1252', created: 1, refused: 0, written: true });
    const created = (await allOrganizations()).find((o) => o.name === 'Association L’Équité Solidarité');
    expect(created).toMatchObject({ commune: { name: 'Équihen-Plage' }, stage: 'EMERGENCE' });
  });
});

describe('importOrganizations: refused rows and files', () => {
  const BAD = [
    'Nom;SIRET;Forme juridique;Filière;Commune;Salariés;Date de création;Courriel',
    `Bonne structure;${siret('8871234500044')};Association;Culture;Desvres;2;01/02/2020;bonne@exemple.fr`,
    `Mauvais SIRET;12345678901234;Association;Culture;Desvres;2;;`,
    `Forme inconnue;;Truc bizarre;Culture;Desvres;2;;`,
    `Conventionnement en forme;;ACI;Culture;Desvres;2;;`,
    `Hors périmètre;;Association;Culture;Lille;2;;`,
    `Date impossible;;Association;Culture;Samer;deux;31/02/2020;pas-un-mail`,
    ';;Association;Culture;Samer;;;',
  ].join('\n');

  it('reports every refused row with its row number, column and French message, and writes nothing', async () => {
    const before = await count();
    const report = (await importFile('mauvais.csv', BAD)).data.importOrganizations;
    expect(report).toMatchObject({ rows: 7, created: 1, refused: 6, written: false, dryRun: false });
    expect(report.refusedRows).toEqual([3, 4, 5, 6, 7, 8]);
    const on = (row: number) => report.problems.filter((p: any) => p.row === row);
    expect(on(3)).toEqual([expect.objectContaining({ column: 'B', header: 'SIRET', field: 'siret', message: expect.stringMatching(/SIRET n'est pas valide/) })]);
    expect(on(4)[0]).toMatchObject({ column: 'C', field: 'legalForm', message: expect.stringMatching(/^Forme juridique inconnue : « Truc bizarre »/) });
    expect(on(5)[0].message).toMatch(/est un agrément ou un conventionnement, pas une forme juridique/);
    expect(on(6)[0]).toMatchObject({ column: 'E', field: 'commune', message: 'Commune inconnue ou hors du périmètre de la plate-forme : « Lille ».' });
    expect(
      on(7)
        .map((p: any) => p.field)
        .sort(),
    ).toEqual(['creationDate', 'email', 'employees']);
    expect(on(7).find((p: any) => p.field === 'creationDate').message).toMatch(/n'existe pas : « 31\/02\/2020 »/);
    expect(on(7).find((p: any) => p.field === 'email').message).toBe("L'adresse e-mail n'est pas valide (254 caractères au plus).");
    expect(on(8)[0]).toMatchObject({ column: 'A', field: 'name', message: 'Nom : valeur obligatoire, la cellule est vide.' });
    expect(report.summary).toMatch(/^Fichier refusé, rien n'a été enregistré/);
    expect(await count()).toBe(before);
  });

  it('writes the valid rows with skipInvalidRows, and reports the others', async () => {
    const before = await count();
    const report = (await importFile('mauvais.csv', BAD, { skipInvalidRows: true })).data.importOrganizations;
    expect(report).toMatchObject({ created: 1, refused: 6, written: true });
    expect(await count()).toBe(before + 1);
  });

  it('refuses the rules of createOrganization too: a creation year to come is refused by the service, on its column', async () => {
    const next = new Date().getFullYear() + 1;
    const csv = `Nom;Forme juridique;Filière;Commune;Année de création\nProjet futur;Association;Culture;Samer;${next}\n`;
    const report = (await importFile('futur.csv', csv)).data.importOrganizations;
    expect(report).toMatchObject({ refused: 1, written: false });
    expect(report.problems[0]).toMatchObject({ row: 2, header: 'Année de création', message: "L'année de création ne peut pas être dans le futur." });
  });

  it('refuses duplicates within the file, naming the other rows', async () => {
    const s = siret('8871234500055');
    const csv = `Nom;SIRET;Forme juridique;Filière;Commune\nA;${s};Association;Culture;Samer\nB;${s};Association;Culture;Samer\n`;
    const report = (await importFile('doublons.csv', csv)).data.importOrganizations;
    expect(report).toMatchObject({ refused: 2, created: 0, written: false });
    expect(report.problems[0].message).toBe(`Le SIRET ${s} figure aussi ligne 3 du fichier : doublon refusé.`);
  });

  it('refuses a file missing a required column, listing the headers it read', async () => {
    const report = (await importFile('incomplet.csv', 'Nom;Ville\nA;Samer\n')).data.importOrganizations;
    expect(report).toMatchObject({ written: false, created: 0 });
    expect(report.problems[0]).toMatchObject({ row: null });
    expect(report.problems[0].message).toBe('Colonnes obligatoires absentes : « Forme juridique », « Filière ». En-têtes lus ligne 1 : « Nom », « Ville ».');
  });

  it('refuses what is not a spreadsheet as bad input on the content', async () => {
    const pdf = await importFile('scan.pdf', '%PDF-1.4 ...');
    expect(pdf.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.contentBase64' } });
    expect(pdf.errors[0].message).toMatch(/PDF/);
    const binary = await importFile('data.bin', Buffer.from([1, 2, 3, 0, 5, 6]));
    expect(binary.errors[0].message).toMatch(/ni un CSV ni un classeur/);
    const fake = await importFile('faux.xlsx', 'Nom;Forme\n');
    expect(fake.errors[0].message).toMatch(/n’est pas un classeur lisible/);
    const neither = await t.gql(IMPORT, { input: { fileName: 'x.csv' } }, TOKENS.admin);
    expect(neither.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input' } });
  });
});

describe('importOrganizations: the directory model (RNA, NAF, place, sectors, publics, accreditations)', () => {
  const FIELDS = `id name rna nafCode siret headOffice creationDate foundedYear address postalCode priorityDistrict publics esus insertion
    sector { code } sectors { code } accreditations { kind since until valid }`;
  async function byName(name: string) {
    const res = await t.gql(`query($s: String) { organizations(first: 10, filter: { search: $s }) { edges { node { ${FIELDS} } } } }`, { s: name }, TOKENS.admin);
    return res.data.organizations.edges.map((e: any) => e.node).find((o: any) => o.name === name) ?? null;
  }
  const HEAD = 'Nom;N° RNA;Code APE;Forme juridique;Filières;Commune;Adresse;CP;Date de création;Siège;Publics;Agréments';

  it('reads RNA, NAF, address, several sectors, publics and dated accreditations; re-import is idempotent on RNA', async () => {
    // Lists in a semicolon file are quoted, as a spreadsheet writes them.
    const row =
      'Chantier des Dunes;W623004567;88 99 B;Association;"Environnement; Recyclage et réemploi";Wimereux;3 rue des Dunes;62930;05/06/2012;Siège;"Jeunes; RSA";ACI du 01/01/2021 au 31/12/2030, ESUS';
    const report = (await importFile('dunes.csv', `${HEAD}\n${row}\n`)).data.importOrganizations;
    expect(report, JSON.stringify(report.problems)).toMatchObject({ created: 1, refused: 0, written: true });
    const dunes = await byName('Chantier des Dunes');
    expect(dunes).toMatchObject({
      rna: 'W623004567',
      nafCode: '88.99B',
      headOffice: true,
      creationDate: '2012-06-05',
      foundedYear: 2012,
      address: '3 rue des Dunes',
      postalCode: '62930',
      sector: { code: 'environnement' },
      sectors: [{ code: 'environnement' }, { code: 'recyclage-reemploi' }],
      publics: ['YOUTH', 'MINIMUM_INCOME'],
      insertion: true,
      esus: true,
    });
    expect(dunes.accreditations).toEqual(
      expect.arrayContaining([{ kind: 'SIAE_ACI', since: '2021-01-01', until: '2030-12-31', valid: true }, expect.objectContaining({ kind: 'ESUS', until: null, valid: true })]),
    );
    // The same organization again, matched by its RNA (no SIRET): nothing changes; a new address updates it.
    expect((await importFile('dunes.csv', `${HEAD}\n${row}\n`)).data.importOrganizations).toMatchObject({ created: 0, unchanged: 1 });
    expect((await importFile('dunes.csv', `${HEAD}\n${row.replace('3 rue', '5 rue')}\n`)).data.importOrganizations).toMatchObject({ created: 0, updated: 1 });
    expect((await byName('Chantier des Dunes')).address).toBe('5 rue des Dunes');
  });

  it("refuses what the organizations' rules refuse: an accreditation the legal form cannot hold, an RNA for a company, a bad NAF code", async () => {
    const rows = ['Garage Solidaire;;45.20A;SARL;Environnement;Samer;;;;;;AI', 'SARL avec RNA;W623009999;;SARL;Environnement;Samer;;;;;;', 'NAF faux;;9999;Association;Environnement;Samer;;;;;;'];
    const report = (await importFile('regles.csv', `${HEAD}\n${rows.join('\n')}\n`)).data.importOrganizations;
    expect(report).toMatchObject({ refused: 3, written: false });
    const on = (row: number) => report.problems.find((p: any) => p.row === row);
    expect(on(2)).toMatchObject({ column: 'L', field: 'accreditations', message: expect.stringMatching(/^Association intermédiaire \(AI\).*ne peut être porté que par/) });
    expect(on(3)).toMatchObject({ column: 'B', field: 'rna', message: 'Le numéro RNA ne concerne que les associations : retirez-le ou corrigez la forme juridique.' });
    expect(on(4)).toMatchObject({ column: 'C', field: 'nafCode', message: expect.stringMatching(/^Le code NAF doit avoir la forme 88.99B/) });
  });
});

describe('importOrganizations: dry run, XLSX, path, permission', () => {
  it('reports without writing on a dry run', async () => {
    const before = await count();
    const s = siret('8871234500066');
    const report = (await importFile('essai.csv', `Nom;SIRET;Forme juridique;Filière;Commune\nEssai;${s};SAS;Culture;Samer\n`, { dryRun: true })).data.importOrganizations;
    expect(report).toMatchObject({ created: 1, written: false, dryRun: true });
    expect(report.summary).toMatch(/^Essai \(rien n'a été enregistré\)/);
    expect(await count()).toBe(before);
    expect(await organizationBySiret(s)).toBeNull();
  });

  async function workbook(): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Structures');
    ws.addRow(['Annuaire des structures ESS — export du 01/03/2024']); // a title above the headers
    ws.addRow([]);
    ws.addRow(['Dénomination', 'SIRET', 'Forme juridique', 'Filière', 'Commune', 'Salariés', 'Date de création', 'ESUS', 'Téléphone']);
    ws.addRow(['Mutuelle du Littoral', Number(siret('8871234500077')), 'Mutuelle', 'Action sociale et santé', 'saint-martin-boulogne', 40, new Date(Date.UTC(1998, 5, 15)), 'oui', 321000000]);
    ws.addRow(['Fondation des Caps', siret('8871234500088'), 'Fondation', 'culture', 'Outreau', 1, 43466, 'non', '03.21.11.22.33']);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('reads an XLSX file: header under a title, date cells, Excel serial dates, numbers as SIRET and phone', async () => {
    const report = (await importFile('annuaire.xlsx', await workbook())).data.importOrganizations;
    expect(report).toMatchObject({ format: 'XLSX', sheet: 'Structures', headerRow: 3, rows: 2, created: 2, refused: 0, written: true });
    expect(await organizationBySiret(siret('8871234500077'))).toMatchObject({
      legalForm: 'MUTUAL_HEALTH',
      commune: { name: 'Saint-Martin-Boulogne' },
      foundedYear: 1998,
      phone: '0321000000',
      esus: true, // "ESUS: oui", without a date: held from the reference date
    });
    expect(await organizationBySiret(siret('8871234500088'))).toMatchObject({ legalForm: 'FOUNDATION', foundedYear: 2019, phone: '03.21.11.22.33', esus: false });
    expect((await importFile('annuaire.xlsx', await workbook())).data.importOrganizations).toMatchObject({ created: 0, unchanged: 2 });
  });

  it('reads a file of the import folder by path, and refuses anything outside it, links included', async () => {
    const s = siret('8871234500099');
    writeFileSync(join(importDir, 'dedans.csv'), `Nom;SIRET;Forme juridique;Filière;Commune\nDedans;${s};Association;Culture;Samer\n`);
    writeFileSync(join(outsideDir, 'dehors.csv'), `Nom;Forme juridique;Filière;Commune\nDehors;Association;Culture;Samer\n`);
    symlinkSync(join(outsideDir, 'dehors.csv'), join(importDir, 'lien.csv'));
    symlinkSync(outsideDir, join(importDir, 'dossier-lien'));

    const ok = await t.gql(IMPORT, { input: { path: 'dedans.csv', dryRun: true } }, TOKENS.admin);
    expect(ok.data.importOrganizations).toMatchObject({ fileName: 'dedans.csv', created: 1, dryRun: true });
    for (const path of ['../' + outsideDir.split('/').pop() + '/dehors.csv', join(outsideDir, 'dehors.csv'), 'lien.csv', 'dossier-lien/dehors.csv', '/etc/passwd', '.']) {
      const res = await t.gql(IMPORT, { input: { path } }, TOKENS.admin);
      expect(res.errors?.[0], path).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.path' } });
      expect(res.errors[0].message, path).toMatch(/sort du dossier d'import/);
    }
    expect((await t.gql(IMPORT, { input: { path: 'absent.csv' } }, TOKENS.admin)).errors[0].message).toBe("Aucun fichier « absent.csv » dans le dossier d'import.");
  });

  it('publishes organizations.changed for each organization written, after commit; nothing for a dry run or a refused file', async () => {
    const sub = collect(t.ws(TOKENS.admin), 'subscription { organizationChanged { name } }', {}, 2);
    await sub.ready;
    const head = 'Nom;Forme juridique;Filière;Commune\n';
    await importFile('essai.csv', `${head}Essai non publié;Association;Culture;Samer\n`, { dryRun: true });
    await importFile('refus.csv', `${head}Refus non publié;Association;Culture;Samer\nX;GIE;Culture;Samer\n`);
    await importFile('publie.csv', `${head}Publiée une;Association;Culture;Samer\nPubliée deux;Association;Culture;Desvres\n`);
    const names = (await sub.results).map((r) => r.data.organizationChanged.name);
    expect(names.sort()).toEqual(['Publiée deux', 'Publiée une']);
  });

  it('leaves an upload past the HTTP body limit (MAX_BODY_BYTES) to the HTTP layer: 413, in French', async () => {
    const big = Buffer.alloc(800_000, 'a'); // 1.07 MB once in base64: past the 1 MiB default body
    const res = await importFile('gros.csv', big);
    expect(res.errors[0]).toMatchObject({ extensions: { code: 'PAYLOAD_TOO_LARGE', max: 1_048_576 } });
    expect(res.errors[0].message).toBe('Corps de requête trop volumineux : 1048576 octets au plus.');
  });

  it("is for administrators and partners' managers: refused to anonymous callers and to members", async () => {
    const csv = 'Nom;Forme juridique;Filière;Commune\nAssociation X;Association;Culture;Samer\n';
    expect((await importFile('x.csv', csv, { dryRun: true }, null)).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await importFile('x.csv', csv, { dryRun: true }, TOKENS.expert)).errors[0].extensions.code).toBe('FORBIDDEN');
    const funder = (await importFile('x.csv', csv, { dryRun: true }, TOKENS.funder)).data.importOrganizations;
    expect(funder, JSON.stringify(funder.problems)).toMatchObject({ created: 1, written: false });
  });
});
