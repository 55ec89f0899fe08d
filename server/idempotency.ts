import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from './auth.js';
import { createHash } from 'node:crypto';
import { badInput, conflict } from './errors.js';

/*
 * Idempotency keys: `ctx.transaction(fn, { idempotencyKey, operation })` (server/context.ts). A screen
 * that retries a mutation after a network cut sends the same key: the first call's JSON result is
 * returned again, and `fn` does not run again (nor publish its events again).
 *
 * How it holds under concurrent duplicates: the transaction first inserts the key's row (identity,
 * operation, key; result null). A second transaction inserting the same row waits on the unique key
 * until the first commits (then finds the row: it reads and returns the stored result) or rolls back
 * (then its insert goes through and it runs `fn` itself). `fn`'s result is written in the same
 * transaction as its changes, so a key is stored exactly when the change is. Keys expire after
 * IDEMPOTENCY_TTL_MS: a row that old counts as absent (and is taken over), and the kit's periodic task
 * `kit.idempotency-purge` deletes them.
 */

/** How long a key is remembered. */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
/** The longest key accepted (a UUID is 36 characters). */
export const IDEMPOTENCY_KEY_MAX = 100;

/** The options of `ctx.transaction` that make it idempotent. */
export interface IdempotencyOptions {
  /** The client's key for this attempt (the same on every retry); null or undefined: no idempotency. */
  idempotencyKey?: string | null;
  /** The operation it keys (e.g. `governance.castVote`), so that one key given to two operations does not mix them. */
  operation?: string;
  /**
   * The call's arguments (JSON): a key given again with other arguments is refused (CONFLICT on
   * `idempotencyKey`) instead of answering the first call's result for a different request.
   */
  request?: unknown;
}

/** The checked key, or null without one; a key that cannot be one is BAD_USER_INPUT on field `idempotencyKey`. */
export function checkIdempotencyKey(options: IdempotencyOptions | undefined): { key: string; operation: string; fingerprint: string } | null {
  const key = options?.idempotencyKey;
  if (key === null || key === undefined) return null;
  if (!options?.operation) throw new Error('ctx.transaction: an idempotency key needs the operation it keys (`operation`)');
  if (typeof key !== 'string' || key.length === 0 || key.length > IDEMPOTENCY_KEY_MAX || !/^[A-Za-z0-9_.:-]+$/.test(key)) {
    throw badInput('idempotencyKey', `Clé d'idempotence invalide : de 1 à ${IDEMPOTENCY_KEY_MAX} caractères parmi lettres sans accent, chiffres et « - _ . : » (un UUID convient).`);
  }
  return {
    key,
    operation: options.operation,
    fingerprint: createHash('sha256')
      .update(JSON.stringify(options.request ?? null))
      .digest('hex'),
  };
}

/** Whose key it is: keys of different people never meet. */
export function idempotencyIdentity(viewer: Viewer): string {
  if (viewer.personId) return `person:${viewer.personId}`;
  if (viewer.tokenId) return `token:${viewer.tokenId}`;
  if (viewer.isAdmin) return 'system';
  throw badInput('idempotencyKey', "Une clé d'idempotence demande d'être authentifié.");
}

/**
 * Claims the key in the transaction `em` runs: `{ claimed: true }` when this call is the first (or the
 * key expired), so it runs the work; else the stored result. Waits, on PostgreSQL, for a concurrent
 * transaction holding the same key to end.
 */
export async function claimIdempotencyKey(
  em: SqlEntityManager,
  identity: string,
  operation: string,
  key: string,
  fingerprint: string,
): Promise<{ claimed: true } | { claimed: false; result: unknown }> {
  const inserted = (await em.execute(
    `insert into idempotency_key as k (identity, operation, key, fingerprint, result, created_at) values (?, ?, ?, ?, null, now())
     on conflict (identity, operation, key) do update set result = null, fingerprint = excluded.fingerprint, created_at = now()
       where k.created_at < now() - ? * interval '1 millisecond'
     returning 1 as claimed`,
    [identity, operation, key, fingerprint, IDEMPOTENCY_TTL_MS],
    'all',
  )) as unknown[];
  if (inserted.length > 0) return { claimed: true };
  const [row] = (await em.execute('select result::text as result, fingerprint from idempotency_key where identity = ? and operation = ? and key = ?', [identity, operation, key], 'all')) as {
    result: string | null;
    fingerprint: string;
  }[];
  if (row && row.fingerprint !== fingerprint) {
    throw conflict("Cette clé d'idempotence a déjà servi pour une autre demande (d'autres arguments) : donnez une clé nouvelle à chaque demande.", 'idempotencyKey');
  }
  return { claimed: false, result: row?.result ? (JSON.parse(row.result) as unknown) : null };
}

/** Stores the work's result with its key (same transaction). */
export async function storeIdempotentResult(em: SqlEntityManager, identity: string, operation: string, key: string, json: string): Promise<void> {
  await em.execute('update idempotency_key set result = ?::jsonb where identity = ? and operation = ? and key = ?', [json, identity, operation, key], 'run');
}

/** Deletes expired keys; returns how many (the kit's periodic task). */
export async function purgeIdempotencyKeys(em: SqlEntityManager): Promise<number> {
  const rows = (await em.execute(`delete from idempotency_key where created_at < now() - ? * interval '1 millisecond' returning 1`, [IDEMPOTENCY_TTL_MS], 'all')) as unknown[];
  return rows.length;
}
