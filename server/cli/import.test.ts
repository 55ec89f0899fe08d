import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSetup } from '../setup.js';
import { createTestDatabase, testConfig } from '../../test/harness.js';
import { ImportExit, runImport } from './import.js';

/**
 * `npm run import` on a database of its own: PostgreSQL with TEST_DATABASE_URL, else a PGlite folder
 * (each run opens the database again, which PGlite in memory cannot be). The reference data (communes,
 * sectors) comes from `npm run setup -- --reference-only`, as on a real deployment.
 */
describe('npm run import', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let folder: string;
  const config = () => testConfig({ databaseUrl: database.url, dataDir: database.url ? null : join(folder, 'pglite'), demo: false, logLevel: 'silent' });

  async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runImport(argv, config(), { log: (l) => out.push(l), error: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    folder = mkdtempSync(join(tmpdir(), 'maillage-import-cli-'));
    const silent = { log: () => {}, error: () => {} };
    expect(await runSetup(['--reference-only'], {}, config(), silent)).toBe(0);
  });
  afterAll(async () => {
    await database?.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('imports a file, prints the report in French, and is idempotent', async () => {
    const file = join(folder, 'structures.csv');
    writeFileSync(file, 'Nom;Forme juridique;Filière;Commune;Colonne libre\nRessourcerie du Portel;Association;Recyclage;Le Portel;x\n');
    const dry = await run(file, '--dry-run');
    expect(dry).toMatchObject({ code: ImportExit.Done, err: '' });
    expect(dry.out).toContain('Import de structures.csv (CSV, UTF-8, séparateur « ; ») : en-têtes ligne 1, 1 ligne de données.');
    expect(dry.out).toContain('Colonnes reconnues : A « Nom » → Nom, B « Forme juridique » → Forme juridique, C « Filière » → Filière, D « Commune » → Commune.');
    expect(dry.out).toContain('Colonnes ignorées : E « Colonne libre ».');
    expect(dry.out).toContain("Essai (rien n'a été enregistré) : 1 création");

    const first = await run(file);
    expect(first).toMatchObject({ code: ImportExit.Done });
    expect(first.out).toContain('Import enregistré : 1 création, 0 mise à jour, 0 ligne inchangée, 0 ligne refusée.');
    expect((await run(file)).out).toContain('Import enregistré : 0 création, 0 mise à jour, 1 ligne inchangée, 0 ligne refusée.');
  });

  it('exits 1 with the refused rows on standard error (3 when the others were written), and 2 on wrong arguments', async () => {
    const file = join(folder, 'mauvais.csv');
    writeFileSync(file, 'Nom;Forme juridique;Filière;Commune\nStructure;GIE;Culture;Paris\nBonne structure;SCIC;Culture;Samer\n');
    expect((await run(file, '--skip-invalid-rows')).code).toBe(ImportExit.PartlyRefused);
    const refused = await run(file);
    expect(refused.code).toBe(ImportExit.Refused);
    expect(refused.err).toContain("Fichier refusé, rien n'a été enregistré : 1 ligne refusée. Sans elles, l'import aurait donné : 0 création, 0 mise à jour, 1 ligne inchangée.");
    expect(refused.err).toContain('Lignes refusées (1) :');
    expect(refused.err).toContain('  ligne 2, colonne B (Forme juridique) : Forme juridique inconnue : « GIE »');
    expect(refused.err).toContain('  ligne 2, colonne D (Commune) : Commune inconnue ou hors du périmètre de la plate-forme : « Paris ».');
    expect((await run(join(folder, 'absent.xlsx'))).code).toBe(ImportExit.Usage);
    expect((await run()).code).toBe(ImportExit.Usage);
    expect((await run(file, '--wat')).code).toBe(ImportExit.Usage);
    writeFileSync(join(folder, 'scan.pdf'), '%PDF-1.7');
    const pdf = await run(join(folder, 'scan.pdf'));
    expect(pdf).toMatchObject({ code: ImportExit.Refused });
    expect(pdf.err).toMatch(/^Fichier refusé, rien n'a été enregistré : Ce fichier est un PDF/);
  });
});
