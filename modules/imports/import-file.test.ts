import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readImportFile } from './import.service.js';

describe('readImportFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'maillage-import-file-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a regular file of the import folder', async () => {
    writeFileSync(join(dir, 'ok.csv'), 'Nom\n');
    expect(Buffer.from(await readImportFile(dir, 'ok.csv')).toString()).toBe('Nom\n');
  });

  it('refuses a named pipe (FIFO) at once instead of waiting for a writer', async () => {
    execFileSync('mkfifo', [join(dir, 'tube.csv')]);
    const refused = readImportFile(dir, 'tube.csv');
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('still waiting on the FIFO')), 2000));
    await expect(Promise.race([refused, timeout])).rejects.toMatchObject({
      message: "« tube.csv » n'est pas un fichier.",
      extensions: { code: 'BAD_USER_INPUT', field: 'input.path' },
    });
  });
});
