import type { EntityClass } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { FilterWalk } from './filter.js';
import type { ColumnInfo, EntityInfo } from './entities.js';

/**
 * A statement being written: SQL text with `?` placeholders and its parameters in text order. Built by
 * concatenation from cached metadata (linear in the statement; measured at a few microseconds for a
 * directory page), so no query builder runs per request. Values are always parameters.
 */
export class Statement {
  sql = '';
  readonly params: unknown[] = [];

  constructor(readonly em: SqlEntityManager) {}

  text(sql: string): this {
    this.sql += sql;
    return this;
  }

  param(value: unknown): this {
    this.sql += '?';
    this.params.push(value);
    return this;
  }

  /**
   * A row count (`limit`, a page size): written into the text, not bound. PostgreSQL plans a prepared
   * statement once (a generic plan) only when that plan is not estimated dearer than one planned for the
   * values; with `limit $n` it estimates a tenth of the table, so the directory page was planned again on
   * every request (`pg_prepared_statements.custom_plans`), about 0.25 ms of the database's CPU each time.
   * A count is no value a client can smuggle text through (a safe integer is checked), and page sizes
   * are few (the kit keeps at most MAX_PREPARED texts per connection).
   */
  count(n: number): this {
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`Statement.count: expected a whole number, got ${n}`);
    this.sql += String(n);
    return this;
  }

  /** The condition of a filter on `info` rows under `alias`. */
  filter(info: EntityInfo, alias: string, filter: object | boolean): this {
    if (typeof filter === 'boolean') return this.text(filter ? 'true' : 'false');
    const walk = new FilterWalk(true);
    this.sql += walk.condition(info, alias, filter);
    this.params.push(...walk.params);
    return this;
  }
}

/** Runs a read statement (bound parameters) on the EntityManager's connection or transaction. */
export async function runRead(em: SqlEntityManager, statement: Statement): Promise<Record<string, unknown>[]> {
  em.config.get('onQuery')(statement.sql, statement.params); // statement counts in tests and logs
  const knex = em.getKnex();
  const trx = em.getTransactionContext<Parameters<ReturnType<typeof knex.raw>['transacting']>[0] | undefined>();
  if (!trx && usesPreparedStatements(knex.client as KnexClient)) return runPrepared(knex.client as KnexClient, statement.sql, statement.params);
  const query = knex.raw(statement.sql, statement.params as never[]);
  if (trx) query.transacting(trx);
  const result = (await query) as { rows: Record<string, unknown>[] };
  return result.rows;
}

export interface PgConnection {
  query(config: { name: string; text: string; values: unknown[] } | string): Promise<{ rows: Record<string, unknown>[] }>;
  /** node-pg's record of the statements this connection has prepared (name → text). */
  connection?: { parsedStatements?: Record<string, string> };
}
interface KnexClient {
  dialect: string;
  acquireConnection(): Promise<PgConnection>;
  releaseConnection(connection: PgConnection): Promise<void>;
}

/*
 * On PostgreSQL (node-pg), the kit's statements are prepared by name: PostgreSQL then parses each text
 * once per connection and, after a few runs, keeps its plan. Measured on the directory page: planning
 * took 1.7 ms of the database's CPU per request, more than running the statement. A text follows the
 * shape of what clients ask for, so each connection keeps only its `MAX_PREPARED` most recently used
 * statements and deallocates the others (a prepared statement measured about 60 KB of the server's
 * memory): many shapes cannot fill the cache for good nor the database's memory. PGlite runs in the
 * process and is left as is.
 */
export const MAX_PREPARED = 100;
const preparedBy = new WeakMap<PgConnection, Map<string, { name: string; text: string }>>();
let preparedCount = 0;

function usesPreparedStatements(client: KnexClient): boolean {
  return client.dialect === 'postgresql' && !client.constructor.name.toLowerCase().includes('pglite');
}

/** The connection's prepared statement for `sql`, most recently used last; the least recently used beyond the bound is deallocated. */
export async function preparedOn(connection: PgConnection, sql: string): Promise<{ name: string; text: string }> {
  let statements = preparedBy.get(connection);
  if (!statements) preparedBy.set(connection, (statements = new Map<string, { name: string; text: string }>()));
  let found = statements.get(sql);
  if (found) {
    statements.delete(sql);
  } else {
    let n = 0;
    found = { name: `kit_${++preparedCount}`, text: sql.replace(/\?/g, () => `$${++n}`) }; // the kit writes no `?` but placeholders
    if (statements.size >= MAX_PREPARED) {
      const [oldest, { name }] = statements.entries().next().value!;
      statements.delete(oldest);
      await connection.query(`deallocate "${name}"`);
      delete connection.connection?.parsedStatements?.[name];
    }
  }
  statements.set(sql, found);
  return found;
}

async function runPrepared(client: KnexClient, sql: string, values: unknown[]): Promise<Record<string, unknown>[]> {
  const connection = await client.acquireConnection();
  try {
    return (await connection.query({ ...(await preparedOn(connection, sql)), values })).rows;
  } finally {
    await client.releaseConnection(connection);
  }
}

/** `value` of a raw row converted for `column` (null stays null). */
export function convert(column: ColumnInfo, value: unknown): unknown {
  return value == null || column.convert === null ? value : column.convert(value);
}

/**
 * Refreshes PostgreSQL's statistics of the entities' tables (`analyze`), as it advises after a bulk load:
 * otherwise the first requests are planned for empty tables. Table names come from the metadata.
 */
export async function refreshStatistics(em: SqlEntityManager, entities: readonly EntityClass<object>[]): Promise<void> {
  const tables = entities.map((e) => `"${em.getMetadata().get(e.name).tableName}"`);
  await em.getConnection().execute(`analyze ${tables.join(', ')}`);
}
