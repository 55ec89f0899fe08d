/**
 * npm run import -- file.xlsx [--dry-run] [--skip-invalid-rows]
 *
 * Imports organizations from a spreadsheet (CSV or XLSX) into the database of DATABASE_URL, or the
 * embedded PGlite folder DATA_DIR, as the platform's operator; prints the report in French. The rules
 * are the API's (`importOrganizations`, modules/imports).
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { StartupError } from '../preflight.js';
import { ModuleGraphError } from '../module.js';
import { createLogger } from '../logger.js';
import { Viewer } from '../auth.js';
import { AppError } from '../errors.js';
import type { App } from '../app.js';
import { ImportFormat, ImportService, MAX_IMPORT_BYTES, SpreadsheetError, type OrganizationImportReport } from '../../modules/imports/index.js';

export const IMPORT_USAGE = `Usage : npm run import -- fichier.xlsx [--dry-run] [--skip-invalid-rows]

Importe des organisations depuis un tableur (CSV ou XLSX, en-têtes en français) dans la base de
DATABASE_URL, ou la base embarquée (DATA_DIR). Chaque ligne est vérifiée comme par createOrganization ;
une organisation connue (même SIRET, sinon même n° RNA, sinon même nom dans la même commune sans
identifiant) est mise à jour, les autres sont créées, le tout en une transaction.

  --dry-run             vérifie et rend compte sans rien enregistrer
  --skip-invalid-rows   enregistre les lignes valides et signale les autres (sinon une ligne refusée
                        fait refuser tout le fichier)
  --help                ce texte

Codes de sortie : 0 tout importé (ou essai sans ligne refusée) ; 1 fichier refusé, rien d'enregistré
(ou essai avec des lignes refusées) ; 2 arguments ou réglages erronés ; 3 lignes valides enregistrées,
d'autres refusées (--skip-invalid-rows).`;

export const ImportExit = { Done: 0, Refused: 1, Usage: 2, PartlyRefused: 3 } as const;

export interface ImportOutput {
  log(line: string): void;
  error(line: string): void;
}

/** The report in French, one line per item. */
export function formatReport(report: OrganizationImportReport): string[] {
  const lines: string[] = [];
  const source = report.format === ImportFormat.CSV ? `CSV, ${report.encoding}, séparateur « ${report.delimiter === '\t' ? 'tabulation' : report.delimiter} »` : `XLSX, feuille « ${report.sheet} »`;
  lines.push(`Import de ${report.fileName} (${source}) : en-têtes ligne ${report.headerRow}, ${report.rows} ligne${report.rows > 1 ? 's' : ''} de données.`);
  const recognised = report.columns.filter((c) => c.recognised).map((c) => `${c.column} « ${c.header} » → ${c.label}`);
  const ignored = report.columns.filter((c) => !c.recognised).map((c) => `${c.column} « ${c.header} »${c.note ? ` (${c.note})` : ''}`);
  lines.push(`Colonnes reconnues : ${recognised.join(', ') || 'aucune'}.`);
  if (ignored.length > 0) lines.push(`Colonnes ignorées : ${ignored.join(', ')}.`);
  if (report.problems.length > 0) {
    lines.push(report.refused > 0 ? `Lignes refusées (${report.refused}) :` : 'Problème :');
    for (const p of report.problems) {
      const where = p.row === null ? 'fichier' : `ligne ${p.row}${p.column ? `, colonne ${p.column} (${p.header})` : ''}`;
      lines.push(`  ${where} : ${p.message}`);
    }
    if (report.problemsOmitted > 0) lines.push(`  … et ${report.problemsOmitted} autre${report.problemsOmitted > 1 ? 's' : ''} problème${report.problemsOmitted > 1 ? 's' : ''}.`);
  }
  lines.push(report.summary);
  return lines;
}

/** Runs the command and returns its exit code; prints through `out`. */
export async function runImport(argv: readonly string[], config: Config, out: ImportOutput): Promise<number> {
  let file: string;
  let dryRun: boolean;
  let skipInvalidRows: boolean;
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: { 'dry-run': { type: 'boolean', default: false }, 'skip-invalid-rows': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
      strict: true,
      allowPositionals: true,
    });
    if (values.help) {
      out.log(IMPORT_USAGE);
      return ImportExit.Done;
    }
    if (positionals.length !== 1) throw new Error(positionals.length === 0 ? 'Indiquez le fichier à importer.' : 'Un seul fichier à la fois.');
    file = positionals[0]!;
    dryRun = values['dry-run'] ?? false;
    skipInvalidRows = values['skip-invalid-rows'] ?? false;
  } catch (err) {
    out.error(`${(err as Error).message}\n\n${IMPORT_USAGE}`);
    return ImportExit.Usage;
  }

  // `npm run` runs in the project's folder: a relative path is the caller's, from where npm was called.
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), file);
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error(`${file} n'est pas un fichier.`);
    if (info.size > MAX_IMPORT_BYTES) {
      out.error(`Le fichier est trop volumineux : ${Math.ceil(info.size / 1_048_576)} Mo, ${MAX_IMPORT_BYTES / 1_048_576} Mo au plus. Rien n'a été enregistré.`);
      return ImportExit.Refused;
    }
    bytes = await readFile(path);
  } catch (err) {
    out.error(`Impossible de lire ${file} : ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'fichier introuvable' : (err as Error).message}.`);
    return ImportExit.Usage;
  }

  // The ORM, the modules and the services, as the server has them (migrations and, on an empty
  // embedded database, the demo, as at the server's first start); no Redis, no listening.
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const { createApp } = await import('../app.js');
  let app: App;
  try {
    app = await createApp({ ...config, redisUrl: null }, { logger });
  } catch (err) {
    if (err instanceof StartupError) {
      out.error(err.message);
      return ImportExit.Usage;
    }
    if (err instanceof ModuleGraphError) {
      out.error(`MODULES: ${err.message}`);
      return ImportExit.Usage;
    }
    throw err;
  }
  try {
    if (!app.gateway.modules.some((m) => m.name === 'imports')) {
      out.error("MODULES : le module imports n'est pas activé.");
      return ImportExit.Usage;
    }
    const report = await ImportService.run(app.contextFor(Viewer.system()), { fileName: basename(file), bytes, dryRun, skipInvalidRows });
    const lines = formatReport(report);
    const clean = report.refused === 0 && report.problems.length === 0;
    const code = report.written ? (clean ? ImportExit.Done : ImportExit.PartlyRefused) : report.dryRun && clean ? ImportExit.Done : ImportExit.Refused;
    for (const line of lines) {
      if (code === ImportExit.Done) out.log(line);
      else out.error(line);
    }
    return code;
  } catch (err) {
    if (err instanceof SpreadsheetError || (err instanceof AppError && err.extensions.code === 'BAD_USER_INPUT')) {
      out.error(`Fichier refusé, rien n'a été enregistré : ${err.message}`);
      return ImportExit.Refused;
    }
    throw err;
  } finally {
    await app.close();
  }
}

async function main(): Promise<number> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      return ImportExit.Usage;
    }
    throw err;
  }
  return runImport(process.argv.slice(2), config, { log: (line) => console.log(line), error: (line) => console.error(line) });
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      if (err instanceof StartupError) {
        console.error(err.message);
        process.exit(ImportExit.Usage);
      }
      console.error(err);
      process.exit(1);
    },
  );
}
