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
  const query = em.getKnex().raw(statement.sql, statement.params as never[]);
  const trx = em.getTransactionContext<Parameters<typeof query.transacting>[0] | undefined>();
  if (trx) query.transacting(trx);
  const result = (await query) as { rows: Record<string, unknown>[] };
  return result.rows;
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
