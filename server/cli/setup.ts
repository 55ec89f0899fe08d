/**
 * npm run setup -- --name "First Last" --email first.last@example.org [--force] [--reference-only]
 *
 * Prepares a real deployment's database (migrations, reference data, first administrator and their
 * token, printed once). See server/setup.ts and the README's "Deploying on PostgreSQL".
 */
import { ConfigError, loadConfig } from '../config.js';
import { StartupError } from '../preflight.js';
import { runSetup } from '../setup.js';

async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      return 2;
    }
    throw err;
  }
  return runSetup(process.argv.slice(2), process.env, config, {
    log: (line) => console.log(line),
    error: (line) => console.error(line),
  });
}

main().then(
  (code) => process.exit(code),
  (err) => {
    if (err instanceof StartupError) {
      console.error(err.message);
      process.exit(2);
    }
    console.error(err);
    process.exit(1);
  },
);
