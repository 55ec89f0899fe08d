import { ConfigError, loadConfig, type Config } from './config.js';
import { createLogger, type Logger } from './logger.js';
import { ModuleGraphError } from './module.js';
import { StartupError, checkDatabase, checkListen, checkRedis, listenProblem, withDeadline } from './preflight.js';
import { DataDirLockedError, dataDirHolder, lockPathOf } from './data-dir-lock.js';
import type { App } from './app.js';

/** A start-up problem the operator must fix: one sentence per problem on stderr, exit code 2. */
function fail(...messages: string[]): never {
  for (const message of messages) console.error(message);
  process.exit(2);
}

/**
 * What can be checked before loading the ORM, the schema and the modules (about 3 s): the database,
 * Redis, the port and the PGlite folder's lock, all at once, each within a few seconds.
 */
async function preflight(config: Config): Promise<void> {
  const checks: Promise<void>[] = [checkListen(config.host, config.port)];
  if (config.databaseUrl) checks.push(checkDatabase(config.databaseUrl));
  else if (config.dataDir) {
    const holder = dataDirHolder(config.dataDir);
    if (holder !== null) checks.push(Promise.reject(new DataDirLockedError(config.dataDir, lockPathOf(config.dataDir), holder)));
  }
  if (config.redisUrl) checks.push(checkRedis(config.redisUrl));
  const results = await Promise.allSettled(checks);
  const problems = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  const unexpected = problems.filter((p) => !(p instanceof StartupError));
  if (unexpected.length > 0) throw unexpected[0];
  if (problems.length > 0) fail(...problems.map((p) => (p as StartupError).message));
}

/** Entry point: `npm start` (tsx) or `node dist/server/main.js` (production build). */
async function main(): Promise<void> {
  const config = configOrFail();
  const logger = createLogger(config.logLevel);
  const started = Date.now();
  await preflight(config);
  const app = await createAppOrFail(config, logger);
  const url = await listenOrFail(app, config);
  app.periodicTasks.start(); // the modules' periodic tasks, once per scheduled time across processes
  announce(app, config, logger, url, Date.now() - started);
  stopOnSignals(app, config, logger);
}

/** The configuration, or exit 2 listing every problem. */
function configOrFail(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
}

/** The app (modules, schema, database), or exit 2 for what the operator must fix. */
async function createAppOrFail(config: Config, logger: Logger): Promise<App> {
  // Loaded after the checks, so that a wrong setting is reported in seconds.
  const { createApp } = await import('./app.js');
  try {
    return await createApp(config, { logger });
  } catch (err) {
    if (err instanceof ModuleGraphError) fail(`Invalid MODULES: ${err.message}`);
    if (err instanceof StartupError) fail(err.message); // e.g. another process took the PGlite folder meanwhile
    throw err;
  }
}

/** Listens and resolves to the URL; on failure, closes the app and exits 2 with the reason. */
async function listenOrFail(app: App, config: Config): Promise<string> {
  try {
    // Again just before listening: the port may have been taken while the modules loaded, and a
    // failed listen is re-emitted by the WebSocket server as a graphql-ws "internal error".
    await checkListen(config.host, config.port);
    return await app.listen();
  } catch (err) {
    await withDeadline(app.close(), 3_000, () => new Error('close timeout')).catch(() => undefined);
    fail(err instanceof StartupError ? err.message : listenProblem(err, config.host, config.port));
  }
}

/** Logs that the server is ready and prints the banner (URL, database, modules, demo tokens). */
function announce(app: App, config: Config, logger: Logger, url: string, startupMs: number): void {
  const database = config.databaseUrl ? 'PostgreSQL' : `PGlite (${config.dataDir})`;
  const modules = app.gateway.modules.map((m) => m.name);
  logger.info({ url, database, pubsub: app.pubSub.kind, modules, startupMs }, 'Maillage ready');
  const banner = [
    '',
    `  Maillage is ready at ${url}   (WebSocket subscriptions: ${url.replace(/^http/, 'ws')})`,
    `  Database: ${database}; events: ${app.pubSub.kind}; modules: ${modules.join(', ')}`,
    `  Committee screen: ${url.replace(/\/graphql$/, '/screen/')}?session=<session id>#token=<token>`,
    ...(app.demoLines.length > 0 ? ['', '  Demo tokens (send as "Authorization: Bearer <token>"):', ...app.demoLines.map((l) => `    ${l}`)] : []),
    '',
  ];
  if (config.logLevel !== 'silent') process.stdout.write(banner.join('\n') + '\n');
}

/** On SIGTERM or SIGINT, closes the app within the grace period; exits 1 when connections were cut. */
function stopOnSignals(app: App, config: Config, logger: Logger): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const graceMs = config.shutdownGraceMs ?? 10_000; // always set by loadConfig (SHUTDOWN_GRACE_MS)
    logger.info({ signal, graceMs }, 'shutting down: answering requests in flight');
    // The drain is bounded by graceMs; this only catches a close that hangs (database, Redis).
    const force = setTimeout(() => {
      logger.error(`shutdown took more than ${graceMs + 5000} ms, exiting`);
      process.exit(1);
    }, graceMs + 5000);
    force.unref();
    try {
      const { cut } = await app.close({ graceMs });
      // Connections cut at the end of the grace period lost their answers: not a clean stop.
      logger.info({ cut }, 'stopped');
      process.exit(cut > 0 ? 1 : 0);
    } catch (err) {
      logger.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
