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
  const named = trx ? null : preparedStatement(knex.client as KnexClient, statement.sql);
  if (named) return runPrepared(knex.client as KnexClient, named, statement.params);
  const query = knex.raw(statement.sql, statement.params as never[]);
  if (trx) query.transacting(trx);
  const result = (await query) as { rows: Record<string, unknown>[] };
  return result.rows;
}

interface PgConnection {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: Record<string, unknown>[] }>;
}
interface KnexClient {
  dialect: string;
  driverName?: string;
  acquireConnection(): Promise<PgConnection>;
  releaseConnection(connection: PgConnection): Promise<void>;
}

/*
 * On PostgreSQL (node-pg), the kit's statements are prepared by name: PostgreSQL then parses each text
 * once per connection and, after a few runs, keeps its plan. Measured on the directory page: planning
 * took 1.7 ms of the database's CPU per request, more than running the statement. The names are
 * bounded (`MAX_PREPARED` texts per process, the rest run unnamed), since a text follows the shape of
 * what clients ask for. PGlite runs in the process and is left as is.
 */
const MAX_PREPARED = 2_000;
/** Prepared statements by SQL text: their name, and the text with `$1…` placeholders. */
const prepared = new Map<string, { name: string; text: string }>();

function preparedStatement(client: KnexClient, sql: string): { name: string; text: string } | null {
  if (client.dialect !== 'postgresql' || client.constructor.name.toLowerCase().includes('pglite')) return null;
  let found = prepared.get(sql);
  if (!found && prepared.size < MAX_PREPARED) {
    let n = 0;
    // The kit writes no `?` but its placeholders.
    prepared.set(sql, (found = { name: `kit_${prepared.size + 1}`, text: sql.replace(/\?/g, () => `$${++n}`) }));
  }
  return found ?? null;
}

async function runPrepared(client: KnexClient, { name, text }: { name: string; text: string }, values: unknown[]): Promise<Record<string, unknown>[]> {
  const connection = await client.acquireConnection();
  try {
    return (await connection.query({ name, text, values })).rows;
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
