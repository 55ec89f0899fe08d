import { SearchTextSubscriber } from './kit/search.js';
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MikroORM, type EntityClass, type Options } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { PGlite } from '@electric-sql/pglite';
import { PGliteDriver } from 'mikro-orm-pglite';
import { migrations } from './migrations/index.js';
import { registerKeyFormats } from './keys.js';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';
import { StartupError, checkDatabase } from './preflight.js';
import { EVENT_ENTITIES } from './event.entity.js';
import { IdempotencyKeyRecord } from './idempotency.entity.js';
import { KIT_ENTITIES } from './kit/tables.js';
import { DISPATCHER_STATEMENT } from './outbox.js';

export interface DatabaseOptions {
  /** PostgreSQL URL; null for the embedded PGlite. */
  databaseUrl: string | null;
  /** PGlite data folder; null keeps PGlite in memory (tests). */
  dataDir: string | null;
  entities: readonly EntityClass<object>[];
  /** Called for every SQL statement (statement counting in tests and benchmarks). */
  onQuery?: (sql: string) => void;
  /** Pool size on PostgreSQL. */
  poolMax?: number;
}

/** Where migration files are written by `npm run db:migration:create`. */
export const MIGRATIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), 'migrations');

function ormOptions(options: DatabaseOptions): Options {
  const common: Options = {
    // The server's own tables (durable events, idempotency keys; the kit's periodic tasks) with the modules' entities.
    entities: [...EVENT_ENTITIES, IdempotencyKeyRecord, ...KIT_ENTITIES, ...options.entities],
    extensions: [Migrator],
    // Migrations are listed in code (server/migrations/index.ts), so tsx, vitest and the compiled
    // build load them alike; MikroORM's own loader would use native import() on file paths.
    dynamicImportProvider: (id: string) => import(id),
    migrations: {
      migrationsList: migrations,
      path: MIGRATIONS_DIR,
      snapshot: false,
      transactional: true,
      silent: true,
      allOrNothing: true,
      emit: 'ts',
      fileName: (timestamp: string, name?: string) => `Migration${timestamp}${name ? '_' + name : ''}`,
    },
    forceUtcTimezone: true,
    // Declared search columns follow their sources on every create and update (server/kit/search.ts).
    subscribers: [new SearchTextSubscriber()],
    allowGlobalContext: false,
    debug: false,
    onQuery: (sql: string) => {
      // The event dispatcher's statements belong to no operation: not counted.
      if (!sql.startsWith(DISPATCHER_STATEMENT)) options.onQuery?.(sql);
      return sql;
    },
  };
  if (options.databaseUrl) {
    return {
      ...common,
      driver: PostgreSqlDriver,
      clientUrl: options.databaseUrl,
      pool: { min: 0, max: options.poolMax ?? 10 },
    };
  }
  const dataDir = options.dataDir;
  return {
    ...common,
    driver: PGliteDriver,
    dbName: 'postgres',
    driverOptions: { connection: { pglite: () => (dataDir ? new PGlite(resolve(dataDir)) : new PGlite()) } },
  };
}

/**
 * Opens the database (PGlite or PostgreSQL); does not migrate.
 *
 * PostgreSQL is first reached once with a short timeout, so a wrong DATABASE_URL fails in seconds with
 * one sentence (a StartupError) instead of a stack trace or a 35 s pool timeout. A PGlite data folder is
 * locked for this process until `orm.close()` (a DataDirLockedError names the PID holding it).
 */
export async function openDatabase(options: DatabaseOptions): Promise<MikroORM> {
  if (options.databaseUrl) await checkDatabase(options.databaseUrl);
  const lock = !options.databaseUrl && options.dataDir ? lockFolder(options.dataDir) : null; // in memory: nothing to share
  let orm: MikroORM;
  try {
    orm = await MikroORM.init(ormOptions(options));
  } catch (err) {
    lock?.release();
    throw err;
  }
  registerKeyFormats(orm.getMetadata()); // what global ids of each record type may hold (see relay.ts)
  if (lock) releaseOnClose(orm, lock);
  return orm;
}

/**
 * A DATA_DIR that cannot be used is a setting to fix, reported in one sentence before PGlite sees it:
 * given a file, PGlite's initialisation exits the process with a bare "ExitStatus" object, and an
 * unwritable parent gave a raw ENOENT/EACCES stack trace from the lock file.
 */
function lockFolder(dataDir: string): DataDirLock {
  const folder = resolve(dataDir);
  try {
    if (statSync(folder, { throwIfNoEntry: false })?.isDirectory() === false) {
      throw new StartupError('DATA_DIR', `DATA_DIR: ${folder} is a file, not a folder; set DATA_DIR to a folder for the PGlite data (created if missing).`);
    }
    mkdirSync(dirname(folder), { recursive: true }); // PGlite does not create parents; the lock lives there
    return lockDataDir(dataDir);
  } catch (err) {
    if (err instanceof StartupError) throw err; // another process holds it: already one sentence
    throw new StartupError(
      'DATA_DIR',
      `DATA_DIR: cannot create the PGlite data folder ${folder} or its lock file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); check that its parent folder exists and is writable.`,
    );
  }
}

/** The folder stays locked until the ORM (and so PGlite) is closed, whatever closes it. */
function releaseOnClose(orm: MikroORM, lock: DataDirLock): void {
  const close = orm.close.bind(orm);
  orm.close = async (force?: boolean) => {
    try {
      await close(force);
    } finally {
      lock.release();
    }
  };
}

/** Applies pending migrations; returns their names. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}

/** SQL that would bring the database in line with the entities: empty when migrations and entities agree. */
export async function schemaDrift(orm: MikroORM): Promise<string> {
  const sql = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false, safe: false, dropTables: true });
  return sql.trim();
}
