import type { ColumnInfo, KeysInfo } from './entities.js';
import { columnsOf, splitOnParent } from './filter.js';
import type { ReadPlan } from './plan.js';
import type { Scope } from './scope.js';
import { rowRule, selectColumn } from './scope.js';
import { convert, type Statement } from './statement.js';

/*
 * Writing a plan's columns into a statement and reading them back into rows: the entity's own columns,
 * its joined ManyToOne rows (`j1`, `j2`… as "relation.column") and its gathered OneToMany rows (one
 * json array of arrays per row, as "relation").
 */

/** Where a read row keeps the OneToMany rows read with it (the relation fields answer from there). */
export const GATHERED = Symbol('gathered');

export type Gathered = Record<string, object[]>;

/**
 * Writes, as one json array of arrays, the rows of `relation`'s target whose keys the array column holds
 * on the row under `alias`, in the array's order and with the target's visibility.
 */
function keysSubquery(st: Statement, scope: Scope, relation: KeysInfo, target: ReadPlan, alias: string): void {
  const rule = rowRule(scope, target.info);
  if (rule === false) {
    st.text(`'[]'::json`);
    return;
  }
  const array = `${alias}."${relation.column}"::text[]`;
  const key = `k."${target.info.pk.column}"::text`;
  st.text('(select coalesce(json_agg(json_build_array(');
  target.columns.forEach((c, i) => selectColumn(st.text(i > 0 ? ', ' : ''), scope, target.info, 'k', c).text(c.textInJson ? '::text' : ''));
  st.text(`) order by array_position(${array}, ${key})), '[]'::json) from "${target.info.table}" k where ${key} = any(${array})`);
  if (rule !== true) st.text(' and ').filter(target.info, 'k', rule);
  st.text(')');
}

/**
 * The rule of a gathered relation, split (`splitOnParent`): a condition on the parent row, checked once
 * per parent instead of by a lookup of the parent for each gathered row, and the rest.
 */
function gatherRule(scope: Scope, { relation, plan: target }: ReadPlan['gathers'][number]): { parent: object | null; rest: object | boolean } {
  const rule = rowRule(scope, target.info);
  if (typeof rule === 'boolean') return { parent: null, rest: rule };
  return splitOnParent(target.info, relation.foreignKey, rule);
}

/** Writes, as one json array of arrays, the rows of a OneToMany relation of the `plan` row under `alias`. */
function gatherSubquery(st: Statement, scope: Scope, plan: ReadPlan, alias: string, gather: ReadPlan['gathers'][number], as: string): void {
  const { relation, plan: target } = gather;
  const { parent, rest: rule } = gatherRule(scope, gather);
  if (rule === false) return;
  const fk = target.info.relations.get(relation.foreignKey) as { column: string };
  const order = relation.orderBy.map(([p, d]) => `g."${target.info.columns.get(p)!.column}" ${d}`).join(', ');
  st.text(', ');
  // Parents failing their part of the rule gather nothing, without a lookup per gathered row.
  if (parent) st.text('case when ').filter(plan.info, alias, parent).text(' then ');
  st.text('(select coalesce(json_agg(json_build_array(');
  target.columns.forEach((c, i) => selectColumn(st.text(i > 0 ? ', ' : ''), scope, target.info, 'g', c).text(c.textInJson ? '::text' : ''));
  for (const k of target.keyGathers) keysSubquery(st.text(', '), scope, k.relation, k.plan, 'g');
  st.text(`)${order ? ` order by ${order}` : ''}), '[]'::json) from `);
  // At most `limit` rows per parent (the field's @MaxItems), the first in the relation's order.
  if (relation.limit != null) st.text(`(select * from "${target.info.table}" g where g."${fk.column}" = ${alias}."${plan.info.pk.column}"`);
  else st.text(`"${target.info.table}" g where g."${fk.column}" = ${alias}."${plan.info.pk.column}"`);
  if (rule !== true) st.text(' and ').filter(target.info, 'g', rule);
  if (relation.limit != null) st.text(`${order ? ` order by ${order}` : ''} limit ${relation.limit}) g`);
  st.text(parent ? `) else '[]'::json end as "${as}"` : `) as "${as}"`);
}

/**
 * Columns of `plan`'s own rows, beyond its plan's, that `selectPlan` reads under its alias: those the
 * gathered relations' rules check on the parent row (a page's rows come from a subquery of its columns).
 */
export function columnsForRules(scope: Scope, plan: ReadPlan): string[] {
  const columns = new Set<string>();
  for (const gather of plan.gathers) {
    const { parent, rest } = gatherRule(scope, gather);
    if (parent && rest !== false) columnsOf(plan.info, parent, columns);
  }
  for (const c of plan.columns) columns.delete(c.column);
  return [...columns];
}

/** Writes the select list of `plan` on the row under `alias`. */
export function selectPlan(st: Statement, scope: Scope, plan: ReadPlan, alias: string): void {
  plan.columns.forEach((c, i) => {
    if (i > 0) st.text(', ');
    selectColumn(st, scope, plan.info, alias, c).text(` as "${c.column}"`);
  });
  plan.joins.forEach(({ relation, plan: target }, j) => {
    if (rowRule(scope, target.info) === false) return;
    for (const c of target.columns) selectColumn(st.text(', '), scope, target.info, `j${j}`, c).text(` as "${relation.property}.${c.column}"`);
    // OneToMany relations of a joined row (`find`'s `with: ['person', 'person.memberships']`).
    for (const gather of target.gathers) gatherSubquery(st, scope, target, `j${j}`, gather, `${relation.property}.${gather.relation.property}`);
  });
  for (const gather of plan.gathers) gatherSubquery(st, scope, plan, alias, gather, gather.relation.property);
  for (const k of plan.keyGathers) {
    keysSubquery(st.text(', '), scope, k.relation, k.plan, alias);
    st.text(` as "${k.relation.property}.keys"`);
  }
}

/** Writes the joins of `plan` on the row under `alias`, each with its target's visibility. */
export function joinPlan(st: Statement, scope: Scope, plan: ReadPlan, alias: string): void {
  plan.joins.forEach(({ relation, plan: target }, j) => {
    const rule = rowRule(scope, target.info);
    if (rule === false) return;
    st.text(` left join "${target.info.table}" j${j} on j${j}."${target.info.pk.column}" = ${alias}."${relation.column}"`);
    if (rule !== true) st.text(' and ').filter(target.info, `j${j}`, rule);
  });
}

/** What reading a `plan` row under a prefix takes: each column's raw key, computed once per plan and prefix. */
interface RowReader {
  columns: readonly { property: string; key: string; column: ColumnInfo }[];
  /** The raw key of the primary key (a joined row is null when it is). */
  pkKey: string;
}

const readers = new WeakMap<ReadPlan, Map<string, RowReader>>();

/** The reader of `plan` rows keyed `prefix + column` (keys built once, not per row: a page reads many rows). */
function readerOf(plan: ReadPlan, prefix: string): RowReader {
  let byPrefix = readers.get(plan);
  if (!byPrefix) readers.set(plan, (byPrefix = new Map<string, RowReader>()));
  let reader = byPrefix.get(prefix);
  if (!reader) {
    reader = { columns: plan.columns.map((column) => ({ property: column.property, key: prefix + column.column, column })), pkKey: prefix + plan.info.pk.column };
    byPrefix.set(prefix, reader);
  }
  return reader;
}

/** A read row of `plan` from its columns in `raw`, as `reader` keys them. */
function rowOf(plan: ReadPlan, raw: Record<string, unknown>, reader: RowReader): Record<string, unknown> {
  const row = Object.create(plan.info.proto) as Record<string, unknown>;
  for (const c of reader.columns) row[c.property] = convert(c.column, raw[c.key]);
  return row;
}

/** A read row of `plan` from a json array: its columns in order, then the rows its keys name. */
function rowOfArray(plan: ReadPlan, values: unknown[]): object {
  const row = Object.create(plan.info.proto) as Record<string, unknown>;
  plan.columns.forEach((c, i) => (row[c.property] = convert(c, values[i])));
  if (plan.keyGathers.length > 0) {
    const gathered: Gathered = {};
    plan.keyGathers.forEach((k, i) => (gathered[k.relation.property] = (values[plan.columns.length + i] as unknown[][]).map((v) => rowOfArray(k.plan, v))));
    (row as Record<symbol, unknown>)[GATHERED] = gathered;
  }
  return row;
}

/** Read rows from a statement written with `selectPlan`: joined and gathered relations included. */
export function readRows(scope: Scope, plan: ReadPlan, raws: readonly Record<string, unknown>[]): object[] {
  const reader = readerOf(plan, '');
  // What each row repeats, worked out once: the joined relations the viewer may see, and their readers.
  const joins = plan.joins.map(({ relation, plan: target }) => {
    const prefix = `${relation.property}.`;
    return {
      property: relation.property,
      target,
      reader: readerOf(target, prefix),
      gathers: target.gathers.length > 0 ? gatherReaders(scope, target, prefix) : null,
      hidden: rowRule(scope, target.info) === false,
    };
  });
  const gathers = gatherReaders(scope, plan, '');
  return raws.map((raw) => {
    const row = rowOf(plan, raw, reader);
    for (const j of joins) {
      const joined = j.hidden || raw[j.reader.pkKey] == null ? null : rowOf(j.target, raw, j.reader);
      if (joined && j.gathers) (joined as Record<symbol, unknown>)[GATHERED] = gatheredOf(j.gathers, raw);
      row[j.property] = joined;
    }
    if (gathers) (row as Record<symbol, unknown>)[GATHERED] = gatheredOf(gathers, raw);
    return row;
  });
}

/** How to read the gathered relations of `plan` rows from columns named `prefix + relation`; null when it has none. */
interface GatherReader {
  property: string;
  key: string;
  plan: ReadPlan;
  /** Hidden from the viewer: read as empty. */
  hidden: boolean;
}

function gatherReaders(scope: Scope, plan: ReadPlan, prefix: string): GatherReader[] | null {
  if (plan.gathers.length === 0 && plan.keyGathers.length === 0) return null;
  return [
    ...plan.keyGathers.map((k) => ({ property: k.relation.property, key: `${prefix}${k.relation.property}.keys`, plan: k.plan, hidden: false })),
    ...plan.gathers.map((g) => ({ property: g.relation.property, key: prefix + g.relation.property, plan: g.plan, hidden: rowRule(scope, g.plan.info) === false })),
  ];
}

/** The gathered relations (OneToMany and arrays of keys) of a row, by `readers`. */
function gatheredOf(readers: readonly GatherReader[], raw: Record<string, unknown>): Gathered {
  const gathered: Gathered = {};
  for (const r of readers) gathered[r.property] = r.hidden ? [] : (raw[r.key] as unknown[][]).map((v) => rowOfArray(r.plan, v));
  return gathered;
}

/** A read row from a plain statement of `plan`'s columns (no relations). */
export function plainRows(plan: ReadPlan, raws: readonly Record<string, unknown>[]): object[] {
  const reader = readerOf(plan, '');
  return raws.map((raw) => rowOf(plan, raw, reader));
}
