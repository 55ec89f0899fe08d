import { ConfigError, loadConfig } from './config.js';
import { createApp } from './app.js';
import { createLogger } from './logger.js';
import { ModuleGraphError } from './module.js';

/** Entry point: `npm start` (tsx) or `node dist/server/main.js` (production build). */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  const started = Date.now();
  let app;
  try {
    app = await createApp(config, { logger });
  } catch (err) {
    if (err instanceof ModuleGraphError) {
      console.error(`Invalid MODULES: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
  const url = await app.listen();
  const database = config.databaseUrl ? 'PostgreSQL' : `PGlite (${config.dataDir})`;
  logger.info(
    { url, database, pubsub: app.pubSub.kind, modules: app.gateway.modules.map((m) => m.name), startupMs: Date.now() - started },
    'Maillage ready',
  );
  const banner = [
    '',
    `  Maillage is ready at ${url}   (WebSocket subscriptions: ${url.replace(/^http/, 'ws')})`,
    `  Database: ${database}; events: ${app.pubSub.kind}; modules: ${app.gateway.modules.map((m) => m.name).join(', ')}`,
    ...(app.demoLines.length > 0 ? ['', '  Demo tokens (send as "Authorization: Bearer <token>"):', ...app.demoLines.map((l) => `    ${l}`)] : []),
    '',
  ];
  if (config.logLevel !== 'silent') process.stdout.write(banner.join('\n') + '\n');

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
