import type { FilterQuery } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { pgArray } from './convert.js';
import { entityInfo, isReference, type ColumnInfo, type EntityInfo, type RelationInfo } from './entities.js';

/*
 * MikroORM filter objects (`{ sector: { $in: codes }, employees: { $gt: 0 }, $or: [...] }`) to SQL with
 * bound parameters, from the entity metadata. One walk serves two purposes: without `sql` it only
 * collects the parameters and the filter's shape (keys and operators, not values), which is what a
 * statement cache is keyed on; with `sql` it also writes the condition. Values never enter the text.
 *
 * Supported: equality (a value, null, a list for `$in`), `$eq $ne $in $nin $gt $gte $lt $lte $like
 * $ilike`, `$contains` and `$overlap` on array columns, `$and $or $not`, a ManyToOne by key, by entity
 * or by a nested filter on the target (a subquery), and a OneToMany by a nested filter (`exists`).
 */

export type Filter<T> = FilterQuery<T>;

const COMPARISONS: Record<string, string> = { $eq: '=', $ne: '<>', $gt: '>', $gte: '>=', $lt: '<', $lte: '<=', $like: 'like', $ilike: 'ilike' };

export class FilterWalk {
  readonly params: unknown[] = [];
  shape = '';
  private depth = 0;

  /** `writeSql`: write the SQL too (false: parameters and shape only). */
  constructor(private readonly writeSql: boolean) {}

  /** The condition `filter` puts on rows of `info` under `alias` ('true' when it has none). */
  condition(info: EntityInfo, alias: string, filter: object): string {
    const parts: string[] = [];
    for (const [key, value] of Object.entries(filter)) {
      if (value === undefined) continue;
      this.shape += `${key}(`;
      const part = this.entry(info, alias, key, value);
      if (part !== 'true') parts.push(part);
      this.shape += ')';
    }
    if (!this.writeSql) return '';
    return parts.length === 0 ? 'true' : parts.length === 1 ? parts[0]! : `(${parts.join(' and ')})`;
  }

  private entry(info: EntityInfo, alias: string, key: string, value: unknown): string {
    if (key === '$and' || key === '$or') {
      const all = (value as object[]).map((v) => this.condition(info, alias, v));
      this.shape += all.length;
      if (!this.writeSql) return '';
      const items = key === '$and' ? all.filter((c) => c !== 'true') : all;
      if (items.length === 0) return key === '$and' ? 'true' : 'false';
      return items.length === 1 ? items[0]! : `(${items.join(key === '$and' ? ' and ' : ' or ')})`;
    }
    if (key === '$not') return this.writeSql ? `not ${this.condition(info, alias, value as object)}` : (this.condition(info, alias, value as object), '');
    const relation = info.relations.get(key);
    // An array of keys (`@KeysOf`) is filtered as the array it is ($overlap, $contains).
    if (relation && relation.kind !== 'keys') return this.relation(info, alias, relation, value);
    const column = info.stored.get(key);
    if (!column) throw new Error(`${info.name} has no property "${key}" to filter on`);
    return this.scalar(`${alias}."${column.column}"`, column, value);
  }

  private param(value: unknown): string {
    this.params.push(value);
    return '?';
  }

  private scalar(sql: string, column: ColumnInfo, value: unknown): string {
    if (value === null) return ((this.shape += 'null'), `${sql} is null`);
    if (Array.isArray(value)) return this.operator(sql, column, '$in', value);
    if (typeof value === 'object' && !(value instanceof Date)) {
      const ops = Object.entries(value as object).filter(([, v]) => v !== undefined);
      const parts = ops.map(([op, v]) => this.operator(sql, column, op, v));
      return parts.length === 1 ? parts[0]! : `(${parts.join(' and ')})`;
    }
    this.shape += '=';
    return `${sql} = ${this.param(value)}`;
  }

  private operator(sql: string, column: ColumnInfo, op: string, value: unknown): string {
    this.shape += op;
    if (op === '$in' || op === '$nin') {
      const list = pgArray((value as unknown[]).map(String));
      return `${op === '$nin' ? 'not ' : ''}${sql} = any(${this.param(list)}::${column.arrayType})`;
    }
    if (op === '$contains' || op === '$overlap') return `${sql} ${op === '$contains' ? '@>' : '&&'} ${this.param(pgArray((value as unknown[]).map(String)))}::${column.arrayType}`;
    if ((op === '$eq' || op === '$ne') && value === null) return `${sql} is ${op === '$ne' ? 'not ' : ''}null`;
    const comparison = COMPARISONS[op];
    if (!comparison) throw new Error(`Unsupported filter operator ${op}`);
    return `${sql} ${comparison} ${this.param(value)}`;
  }

  private relation(info: EntityInfo, alias: string, relation: RelationInfo, value: unknown): string {
    const target = relation.target();
    const nested = `t${++this.depth}`;
    try {
      if (relation.kind === 'many') {
        const fk = target.relations.get(relation.foreignKey) as { column: string };
        const inner = this.condition(target, nested, value as object);
        return `exists (select 1 from "${target.table}" ${nested} where ${nested}."${fk.column}" = ${alias}."${info.pk.column}" and ${inner})`;
      }
      const fkSql = `${alias}."${relation.column}"`;
      const keyColumn = { ...target.pk, column: relation.column };
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return this.scalar(fkSql, keyColumn, value);
      if (value instanceof target.entity || isReference(value)) return this.scalar(fkSql, keyColumn, (value as Record<string, unknown>)[target.pk.property]);
      if (Object.keys(value).every((k) => k in COMPARISONS || k === '$in' || k === '$nin')) return this.scalar(fkSql, keyColumn, value);
      // A correlated `exists` on the target's key: one index lookup per row, where `in (select …)`
      // would hash every row of the target that passes (measured: a page's consent rule scanned every
      // organization for each page's contacts).
      const inner = this.condition(target, nested, value as object);
      return `exists (select 1 from "${target.table}" ${nested} where ${nested}."${target.pk.column}" = ${fkSql} and ${inner})`;
    } finally {
      this.depth--;
    }
  }
}

/**
 * A OneToMany's rule that names its parent, e.g. contacts `{ organization: { consentToShare: true } }`
 * gathered under their organization: the part on the parent (`{ consentToShare: true }`), which holds
 * for the parent row itself, and the rest of the rule on the gathered rows (true when none). The parent
 * part is null unless the rule puts a nested filter on `foreignKey` (a key, a list of keys or an
 * entity stay in the rest: they cost no lookup).
 */
export function splitOnParent(target: EntityInfo, foreignKey: string, rule: object): { parent: object | null; rest: object | true } {
  const value = (rule as Record<string, unknown>)[foreignKey];
  const relation = target.relations.get(foreignKey);
  if (relation?.kind !== 'one' || !isNestedFilter(relation.target(), value)) return { parent: null, rest: rule };
  const rest = Object.fromEntries(Object.entries(rule).filter(([key]) => key !== foreignKey));
  return { parent: value, rest: Object.keys(rest).length === 0 ? true : rest };
}

/** True when `value`, filtering a ManyToOne to `target`, is a filter on the target's rows (not a key, keys or an entity). */
function isNestedFilter(target: EntityInfo, value: unknown): value is object {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof Date) return false;
  if (value instanceof target.entity || isReference(value)) return false;
  return !Object.keys(value).every((k) => k in COMPARISONS || k === '$in' || k === '$nin');
}

/** The columns of `info` a filter on its rows reads directly (not those of nested relations' targets). */
export function columnsOf(info: EntityInfo, filter: object, into = new Set<string>()): Set<string> {
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined) continue;
    if (key === '$and' || key === '$or') for (const part of value as object[]) columnsOf(info, part, into);
    else if (key === '$not') columnsOf(info, value as object, into);
    else {
      const relation = info.relations.get(key);
      if (relation?.kind === 'one' || relation?.kind === 'keys') into.add(relation.column);
      else if (relation?.kind === 'many') into.add(info.pk.column);
      else if (info.stored.has(key)) into.add(info.stored.get(key)!.column);
    }
  }
  return into;
}

/** The condition of `filter` on `entity` rows under `alias`, appending its parameters to `params`. */
export function filterSql(em: SqlEntityManager, entity: string | EntityInfo, alias: string, filter: object, params: unknown[]): string {
  const info = typeof entity === 'string' ? entityInfo(em, entity) : entity;
  const walk = new FilterWalk(true);
  const sql = walk.condition(info, alias, filter);
  params.push(...walk.params);
  return sql;
}

/** The shape (keys and operators) and parameters of `filter`, without writing SQL. */
export function filterShape(em: SqlEntityManager, info: EntityInfo, filter: object): { shape: string; params: unknown[] } {
  const walk = new FilterWalk(false);
  walk.condition(info, 'e', filter);
  return { shape: walk.shape, params: walk.params };
}
