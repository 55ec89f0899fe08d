/**
 *   npm run schema:emit   writes schema/schema.graphql from the code
 *   npm run schema:check  fails when schema/schema.graphql is not what the code emits
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PermissionRegistry } from '../auth.js';
import { orderModules } from '../module.js';
import { buildGatewaySchema, printGatewaySchema } from '../schema.js';
import { ALL_MODULES } from '../../modules/index.js';

export const SCHEMA_FILE = resolve(dirname(fileURLToPath(import.meta.url)), '../../schema/schema.graphql');

/** The schema of every module, as committed. */
export async function emittedSchema(): Promise<string> {
  const modules = orderModules(ALL_MODULES);
  const permissions = PermissionRegistry.fromModules(modules);
  return printGatewaySchema(await buildGatewaySchema({ modules, permissions }));
}

async function main(): Promise<void> {
  const command = process.argv[2];
  const emitted = await emittedSchema();
  if (command === 'emit') {
    writeFileSync(SCHEMA_FILE, emitted);
    console.log('Wrote schema/schema.graphql');
  } else if (command === 'check') {
    let committed = '';
    try {
      committed = readFileSync(SCHEMA_FILE, 'utf8');
    } catch {
      /* missing file: drift */
    }
    if (committed !== emitted) {
      const a = committed.split('\n');
      const b = emitted.split('\n');
      const line = a.findIndex((l, i) => l !== b[i]);
      console.error(`schema/schema.graphql is stale (first difference at line ${line + 1}). Run \`npm run schema:emit\` and commit it.`);
      console.error(`  committed: ${a[line] ?? '(end of file)'}\n  emitted:   ${b[line] ?? '(end of file)'}`);
      process.exit(1);
    }
    console.log('schema/schema.graphql is up to date.');
  } else {
    console.error('Usage: schema.ts emit | check');
    process.exit(2);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
