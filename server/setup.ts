/**
 * `npm run setup`: makes an empty database ready for a real deployment, without the demo.
 *
 * It applies the migrations, loads every module's reference data (the perimeter and the sectors; never
 * demo organizations, partners or people) and creates the first administrator with an API token,
 * printed once. The reference data is added by natural key, so running setup again adds nothing; a
 * second administrator is refused unless `--force`.
 */
import { parseArgs } from 'node:util';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Config } from './config.js';
import { migrate } from './database.js';
import { createLogger } from './logger.js';
import { ModuleGraphError, type ModuleManifest } from './module.js';
import { StartupError } from './preflight.js';
import { PlatformRole, Viewer } from './auth.js';
import type { App } from './app.js';
import { AccountService, Person, PlatformRoleEnum } from '../modules/accounts/index.js';

export const SETUP_USAGE = `Usage: npm run setup -- --name "First Last" --email first.last@example.org [--force]
       npm run setup -- --reference-only

Prepares the database named by DATABASE_URL (or the PGlite folder DATA_DIR) for a real deployment:
applies the migrations, loads the reference data (territory, intercommunalities, communes, sectors;
no demo data) and creates the first administrator, whose API token is printed once.

  --name NAME        the administrator's name (or ADMIN_NAME)
  --email EMAIL      the administrator's e-mail address (or ADMIN_EMAIL)
  --force            create the administrator even though one exists; with the e-mail of an existing
                     person, make them administrator and give them a new token (a lost token)
  --reference-only   load the reference data only (after an upgrade); create no administrator
  --help             this text

Exit codes: 0 done; 2 wrong arguments or settings (DATABASE_URL, DATA_DIR, MODULES…);
3 refused: an administrator already exists (nothing was changed; use --force).`;

/** Exit codes of `npm run setup`. */
export const SetupExit = { Done: 0, Usage: 2, AdminExists: 3 } as const;

export interface SetupOutput {
  /** Progress and the token (stdout). */
  log(line: string): void;
  /** Problems (stderr). */
  error(line: string): void;
}

interface SetupArgs {
  name: string | null;
  email: string | null;
  force: boolean;
  referenceOnly: boolean;
  help: boolean;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function parse(argv: readonly string[], env: NodeJS.ProcessEnv): SetupArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      name: { type: 'string' },
      email: { type: 'string' },
      force: { type: 'boolean', default: false },
      'reference-only': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  return {
    name: (values.name ?? env.ADMIN_NAME)?.trim() || null,
    email: (values.email ?? env.ADMIN_EMAIL)?.trim().toLowerCase() || null,
    force: values.force ?? false,
    referenceOnly: values['reference-only'] ?? false,
    help: values.help ?? false,
  };
}

/** Problems with the administrator's name and e-mail, each naming its flag. */
function adminProblems(args: SetupArgs): string[] {
  const problems: string[] = [];
  if (!args.name) problems.push("--name (or ADMIN_NAME): the first administrator's name is required.");
  else if (args.name.length > 200) problems.push('--name: at most 200 characters.');
  if (!args.email) problems.push("--email (or ADMIN_EMAIL): the first administrator's e-mail address is required.");
  else if (args.email.length > 254 || !EMAIL.test(args.email)) problems.push(`--email: "${args.email}" is not an e-mail address.`);
  return problems;
}

function describeDatabase(config: Config): string {
  if (!config.databaseUrl) return `PGlite (${config.dataDir ?? 'in memory'})`;
  try {
    const url = new URL(config.databaseUrl);
    return `PostgreSQL (${url.hostname}:${url.port || '5432'}${url.pathname})`;
  } catch {
    return 'PostgreSQL';
  }
}

/**
 * Runs setup and returns its exit code; prints through `out`. `config` is the server's configuration
 * (loadConfig()); demo data and Redis are never used here.
 */
export async function runSetup(argv: readonly string[], env: NodeJS.ProcessEnv, config: Config, out: SetupOutput): Promise<number> {
  let args: SetupArgs;
  try {
    args = parse(argv, env);
  } catch (err) {
    out.error(`${(err as Error).message}\n\n${SETUP_USAGE}`);
    return SetupExit.Usage;
  }
  if (args.help) {
    out.log(SETUP_USAGE);
    return SetupExit.Done;
  }
  if (!args.referenceOnly) {
    const problems = adminProblems(args);
    if (problems.length > 0) {
      out.error([...problems, '', SETUP_USAGE].join('\n'));
      return SetupExit.Usage;
    }
  }

  // The ORM, the modules and the services, as the server has them; no demo, no Redis, no listening.
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const { createApp } = await import('./app.js');
  let app: App;
  try {
    app = await createApp({ ...config, demo: false, redisUrl: null }, { logger, migrate: false });
  } catch (err) {
    if (err instanceof StartupError) {
      out.error(err.message);
      return SetupExit.Usage;
    }
    if (err instanceof ModuleGraphError) {
      out.error(`MODULES: ${err.message}`);
      return SetupExit.Usage;
    }
    throw err;
  }
  try {
    return await setUp(app, args, config, out);
  } finally {
    await app.close();
  }
}

/** Migrates, refuses a second administrator unless forced, loads the reference data, then makes the administrator and their token. */
async function setUp(app: App, args: SetupArgs, config: Config, out: SetupOutput): Promise<number> {
  const { orm, modules } = app.gateway;
  const accounts = modules.find((m) => m.name === 'accounts');
  if (!accounts && !args.referenceOnly) {
    out.error('MODULES: the first administrator is created by the accounts module, which is not enabled; enable it or use --reference-only.');
    return SetupExit.Usage;
  }
  out.log(`Maillage setup on ${describeDatabase(config)}`);
  const applied = await migrate(orm);
  out.log(applied.length > 0 ? `  migrations: ${applied.length} applied (${applied.join(', ')})` : '  migrations: up to date');

  if (!args.referenceOnly && !args.force) {
    const existing = await existingAdministrators(orm.em.fork() as SqlEntityManager);
    if (existing) {
      out.error(existing);
      return SetupExit.AdminExists;
    }
  }
  await loadReference(app, out);
  if (args.referenceOnly) {
    out.log('Reference data up to date; no administrator created (--reference-only).');
    return SetupExit.Done;
  }
  await makeAdministrator(app, args.name!, args.email!, out);
  return SetupExit.Done;
}

/** Why nothing is changed when an active administrator exists (null when none does). */
async function existingAdministrators(em: SqlEntityManager): Promise<string | null> {
  const admins = await em.find(Person, { platformRole: PlatformRoleEnum.ADMIN, active: true }, { orderBy: { createdAt: 'asc' } });
  if (admins.length === 0) return null;
  const first = admins[0]!;
  return (
    `An administrator already exists (${first.name} <${first.email}>${admins.length > 1 ? ` and ${admins.length - 1} other(s)` : ''}): nothing was changed. ` +
    'Use --force to create another administrator (or, with their e-mail, to give an existing one a new token); ' +
    'use --reference-only to update the reference data.'
  );
}

/** Each module's reference data (perimeter, sectors), printing what it added. */
async function loadReference(app: App, out: SetupOutput): Promise<void> {
  for (const m of app.gateway.modules as readonly ModuleManifest[]) {
    if (!m.reference) continue;
    const result = await m.reference({ em: app.gateway.orm.em.fork() as SqlEntityManager, logger: app.gateway.logger });
    for (const line of result?.lines ?? []) out.log(`  ${line}`);
  }
}

/** Makes the person with this e-mail an administrator (creating them if needed) and prints their new token. */
async function makeAdministrator(app: App, name: string, email: string, out: SetupOutput): Promise<void> {
  const lookup = app.gateway.orm.em.fork() as SqlEntityManager;
  let person = await lookup.findOne(Person, { email });
  let what: string;
  if (person) {
    // With --force, or a person without a role: kept with their memberships and history.
    what = person.platformRole === PlatformRoleEnum.ADMIN && person.active ? 'already administrator: a new token' : 'an existing person, now administrator';
    person.platformRole = PlatformRoleEnum.ADMIN;
    person.active = true;
    await lookup.flush();
  } else {
    person = await AccountService.createPerson(app.contextFor(Viewer.anonymous()), { name, email, platformRole: PlatformRoleEnum.ADMIN });
    what = 'created';
  }
  const viewer = Viewer.person({ personId: person.id, tokenId: null, platformRole: PlatformRole.Admin, memberships: [] });
  const { token } = await AccountService.createToken(app.contextFor(viewer), "Jeton d'installation (npm run setup)", null);
  out.log(`  administrator: ${person.name} <${person.email}> (${what})`);
  out.log('');
  out.log('Their API token, shown only this once (keep it secret; send it as "Authorization: Bearer <token>"):');
  out.log('');
  out.log(`  ${token}`);
  out.log('');
  out.log(
    'With it, create the partners, the people and their own tokens through the API (issueApiToken). Keep it in a secret store: revoking it would revoke every token made with it. Lost? Run setup again with --force.',
  );
}
