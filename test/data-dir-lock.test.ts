import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, dataDirHolder, lockDataDir, lockPathOf } from '../server/data-dir-lock.js';
import { openDatabase } from '../server/database.js';
import { ALL_MODULES } from '../modules/index.js';

const folder = mkdtempSync(join(tmpdir(), 'maillage-lock-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The PID of a process that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

describe('PGlite data folder lock', () => {
  it('is held once: a second lock, even in the same process, names the folder and the PID; release frees it', () => {
    const dir = join(folder, 'a');
    const lock = lockDataDir(dir);
    expect(readFileSync(lockPathOf(dir), 'utf8').trim()).toBe(String(process.pid));
    expect(dataDirHolder(dir)).toBe(process.pid);
    let error: unknown;
    try {
      lockDataDir(dir);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DataDirLockedError);
    expect((error as Error).message).toBe(
      `DATA_DIR: the PGlite data folder ${join(folder, 'a')} is in use by another process (PID ${process.pid}); stop that process or set DATA_DIR to another folder (if no such process runs, delete ${lockPathOf(dir)}).`,
    );
    lock.release();
    lock.release(); // idempotent
    expect(existsSync(lockPathOf(dir))).toBe(false);
    expect(dataDirHolder(dir)).toBeNull();
    lockDataDir(dir).release();
  });

  it("takes over a dead process's lock, an unreadable one, and one naming this PID that this process does not hold (a container restarted with the same PID)", () => {
    for (const content of [`${deadPid()}\n`, 'garbage', `${process.pid}\n`]) {
      const dir = join(folder, 'stale');
      writeFileSync(lockPathOf(dir), content);
      expect(dataDirHolder(dir)).toBeNull();
      const lock = lockDataDir(dir);
      expect(readFileSync(lockPathOf(dir), 'utf8').trim()).toBe(String(process.pid));
      lock.release();
    }
  });

  it('is taken by openDatabase on a PGlite folder and released by orm.close()', async () => {
    const dir = join(folder, 'db');
    const entities = ALL_MODULES.flatMap((m) => m.entities);
    const orm = await openDatabase({ databaseUrl: null, dataDir: dir, entities });
    try {
      await expect(openDatabase({ databaseUrl: null, dataDir: dir, entities })).rejects.toThrow(DataDirLockedError);
    } finally {
      await orm.close(true);
    }
    expect(existsSync(lockPathOf(dir))).toBe(false);
    const again = await openDatabase({ databaseUrl: null, dataDir: dir, entities });
    await again.close(true);
  });
});
