/**
 * One process per PGlite data folder.
 *
 * PGlite has no lock of its own: two processes on one folder both start, each with its own copy of the
 * database in memory, and each overwrites the other's files; acknowledged writes were lost (2 × 50
 * creates, 50 left after a restart). The lock is a file next to the folder (PGlite refuses to
 * initialise a folder that already holds a file), holding the PID of its owner:
 *
 * - it is created with link(2) from a file already holding the PID, so it never exists empty and two
 *   processes cannot both create it;
 * - a lock whose PID is not alive (the process crashed or was killed) is taken over; only a process
 *   holding the short-lived `.takeover` guard (created with O_EXCL) may delete it, so two processes
 *   finding the same stale lock cannot both take it;
 * - it is removed by `release()` (closing the database) and, as a last resort, when the process exits.
 *
 * Why not `proper-lockfile`: its locks are directories refreshed by a timer and declared stale after
 * a delay (10 s by default), so a restart after a crash waits, and they do not tell who holds them;
 * this lock names the PID holding the folder, which is what the operator needs to act.
 */
import { closeSync, linkSync, openSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { StartupError } from './preflight.js';

export interface DataDirLock {
  /** Absolute path of the data folder. */
  folder: string;
  /** Path of the lock file. */
  path: string;
  /** Removes the lock file (idempotent). */
  release(): void;
}

export class DataDirLockedError extends StartupError {
  constructor(
    readonly folder: string,
    readonly lockPath: string,
    readonly pid: number,
  ) {
    super(
      'DATA_DIR',
      `DATA_DIR: the PGlite data folder ${folder} is in use by another process (PID ${pid}); stop that process or set DATA_DIR to another folder (if no such process runs, delete ${lockPath}).`,
    );
    this.name = 'DataDirLockedError';
  }
}

/** Lock files this process holds, by path: a file naming our own PID that is not in here is stale. */
const held = new Set<string>();
let exitHookInstalled = false;

export function lockPathOf(dataDir: string): string {
  return `${resolve(dataDir)}.lock`;
}

function readPid(path: string): number | null {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  if (pid === process.pid) return false; // ours only if in `held`, checked by the caller
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by another user
  }
}

/** The PID of a live process holding `dataDir`, or null when it is free (or its lock is stale). */
export function dataDirHolder(dataDir: string): number | null {
  const path = lockPathOf(dataDir);
  const pid = readPid(path);
  if (pid === null) return null;
  if (pid === process.pid) return held.has(path) ? pid : null;
  return alive(pid) ? pid : null;
}

function tryUnlink(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // process.exit() skips `finally` blocks and close(); the lock must not outlive the process anyway.
  process.once('exit', () => {
    for (const path of held) if (readPid(path) === process.pid) tryUnlink(path);
    held.clear();
  });
}

/**
 * Takes the lock of `dataDir` or throws DataDirLockedError naming the folder and the PID holding it.
 * A folder is held once: a second lock in the same process is refused as well.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  const folder = resolve(dataDir);
  const path = lockPathOf(dataDir);
  const guard = `${path}.takeover`;
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${process.pid}\n`);
  try {
    for (let attempt = 0; attempt < 50; attempt++) {
      try {
        linkSync(temp, path);
        held.add(path);
        installExitHook();
        let released = false;
        return {
          folder,
          path,
          release: () => {
            if (released) return;
            released = true;
            held.delete(path);
            if (readPid(path) === process.pid) tryUnlink(path);
          },
        };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
          throw new StartupError('DATA_DIR', `DATA_DIR: cannot create the lock file ${path} (${(err as Error).message}); check that the folder of DATA_DIR exists and is writable.`);
        }
      }
      const pid = readPid(path);
      if (pid !== null && (held.has(path) || alive(pid))) throw new DataDirLockedError(folder, path, pid);
      // Stale (its process is gone) or vanished meanwhile: take it over under the guard.
      let guardFd: number;
      try {
        guardFd = openSync(guard, 'wx');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        // Another process is taking over; a guard older than 10 s belongs to one that died doing so.
        try {
          if (Date.now() - statSync(guard).mtimeMs > 10_000) tryUnlink(guard);
        } catch {
          // gone meanwhile
        }
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
        continue;
      }
      try {
        const again = readPid(path);
        if (again === pid) tryUnlink(path); // still the stale one; a live taker's would differ
      } finally {
        closeSync(guardFd);
        tryUnlink(guard);
      }
    }
    throw new StartupError('DATA_DIR', `DATA_DIR: could not take the lock ${path} after 50 attempts; check that no other process is starting on ${folder}.`);
  } finally {
    tryUnlink(temp);
  }
}
