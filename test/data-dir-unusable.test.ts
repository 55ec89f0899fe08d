import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../server/database.js';
import { StartupError } from '../server/preflight.js';
import { ALL_MODULES } from '../modules/index.js';

/*
 * A DATA_DIR that cannot hold a PGlite folder is a setting to fix: one sentence naming DATA_DIR (exit 2
 * in main), not a stack trace ("ENOENT … open '/proc/x.lock.123.tmp'") or PGlite's "ExitStatus" object.
 */

const folder = mkdtempSync(join(tmpdir(), 'maillage-datadir-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const entities = ALL_MODULES.flatMap((m) => m.entities);

async function problem(dataDir: string): Promise<unknown> {
  try {
    const orm = await openDatabase({ databaseUrl: null, dataDir, entities });
    await orm.close();
    return null;
  } catch (err) {
    return err;
  }
}

describe('an unusable DATA_DIR', () => {
  it('is reported in one sentence naming DATA_DIR when its parent cannot hold files', async () => {
    // /proc exists but refuses new files (the lock file): was a raw ENOENT stack trace.
    const err = await problem('/proc/maillage-no-such-folder');
    expect(err).toBeInstanceOf(StartupError);
    expect((err as StartupError).variable).toBe('DATA_DIR');
    expect((err as Error).message).toMatch(/^DATA_DIR: .*maillage-no-such-folder/);
  });

  it('is reported in one sentence naming DATA_DIR when its parent is a file', async () => {
    const file = join(folder, 'parent-file');
    writeFileSync(file, 'keep me');
    const err = await problem(join(file, 'pglite'));
    expect(err).toBeInstanceOf(StartupError);
    expect((err as Error).message).toMatch(/^DATA_DIR: .*parent-file/);
  });

  it('is reported in one sentence naming DATA_DIR when it is a file, and the file is left untouched', async () => {
    const file = join(folder, 'not-a-folder');
    writeFileSync(file, 'keep me');
    const err = await problem(file);
    expect(err).toBeInstanceOf(StartupError);
    expect((err as Error).message).toMatch(/^DATA_DIR: .*not-a-folder.*folder/);
  });
});
