import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { entityInfo, type ColumnInfo, type EntityInfo, type KeysInfo, type ManyToOneInfo, type OneToManyInfo } from './entities.js';
import { fieldReads, type FieldReads } from './fields.js';
import type { Selection } from './selection.js';

/*
 * What one read takes for the fields asked for: the entity's columns, the ManyToOne relations to join
 * (their rows come in the same statement), and the OneToMany relations to gather per row (a subquery).
 * Built from the selection and the metadata; no module writes it.
 */

export interface ReadPlan {
  info: EntityInfo;
  columns: ColumnInfo[];
  /** ManyToOne relations read in the same statement (page reads only). */
  joins: { relation: ManyToOneInfo; plan: ReadPlan }[];
  /** OneToMany relations read in the same statement (page reads only). */
  gathers: { relation: OneToManyInfo; plan: ReadPlan }[];
  /** Rows an array of keys names (`@KeysOf`), read in the same statement (pages and their gathered rows). */
  keyGathers: { relation: KeysInfo; plan: ReadPlan }[];
}

/**
 * Every readable column: what a read takes when the fields asked are unknown (long texts excepted,
 * unless `lazy`: loaders, which read a few rows by key, take them too).
 */
export function fullPlan(info: EntityInfo, lazy = false): ReadPlan {
  return { info, columns: [...info.columns.values()].filter((c) => lazy || !c.lazy), joins: [], gathers: [], keyGathers: [] };
}

/**
 * The plan for `selection` on `info` rows. `always`: properties read whatever is asked (order keys,
 * keys a caller groups by). `depth`: relations are joined or gathered only at depth 0 (a page's rows);
 * deeper ones are left to the relation loaders, one statement per level.
 */
export function planRead(em: SqlEntityManager, info: EntityInfo, selection: Selection | null, always: readonly string[] = [], depth = 0): ReadPlan {
  if (!selection) return withColumns(fullPlan(info), info, always);
  const wanted = new Set<string>([info.pk.property, ...always]);
  const joins: ReadPlan['joins'] = [];
  const gathers: ReadPlan['gathers'] = [];
  const keyGathers: ReadPlan['keyGathers'] = [];
  const reads = fieldReads(info.entity);
  let everything = false; // a field whose reads are unknown: every column (long texts only if asked)
  for (const [field, sub] of selection) {
    if (field.startsWith('__')) continue;
    const read = reads.get(field);
    if (!read) {
      everything = true;
      continue;
    }
    const declared = read.needs !== undefined;
    const into = { wanted, joins, gathers, keyGathers };
    // A field resolver that declared nothing has neither needs nor a property: every column.
    if (!declared && read.property === undefined) everything = true;
    for (const property of read.needs ?? (read.property === undefined ? [] : [read.property])) {
      if (property.includes('.')) continue; // a relation's rows' properties: below
      if (planField(em, info, property, declared ? null : sub, depth, into, sub)) continue;
      everything = true; // a getter that declared nothing
    }
    planRelationNeeds(em, info, read, sub, depth, into);
  }
  const columns = [...info.columns.values()].filter((c) => wanted.has(c.property) || (everything && !c.lazy));
  return { info, columns, joins, gathers, keyGathers };
}

const NOTHING: Selection = new Map();

/**
 * Adds what a field's `relation.property` needs take: the relation gathered (or, for a ManyToOne, its
 * key) with those properties, and with what `sub` asks when the field shows the relation's rows.
 */
function planRelationNeeds(em: SqlEntityManager, info: EntityInfo, read: FieldReads, sub: Selection, depth: number, into: Parameters<typeof planField>[5]): void {
  for (const [relation, properties] of relationNeeds(read.needs)) {
    const target = info.relations.get(relation);
    if (!target) throw new Error(`${info.name}: @Needs('${relation}.${properties[0]}') names no relation of ${info.name}`);
    const unknown = target.kind === 'one' ? [] : properties.filter((p) => !target.target().columns.has(p));
    if (unknown.length > 0) throw new Error(`${info.name}: @Needs('${relation}.${unknown[0]}') names no column of ${target.target().name}`);
    // A ManyToOne's row comes through its loader: its key is what the page reads.
    const rows = target.kind === 'one' ? null : read.shows !== undefined && target.target().entity === read.shows ? sub : NOTHING;
    planField(em, info, relation, rows, depth, into, rows, properties);
  }
}

/** The properties a field's `relation.property` needs name, by relation (`@Needs('schemes.active')`). */
function relationNeeds(needs: readonly string[] | undefined): Map<string, string[]> {
  const byRelation = new Map<string, string[]>();
  for (const need of needs ?? []) {
    const dot = need.indexOf('.');
    if (dot < 0) continue;
    const [relation, property] = [need.slice(0, dot), need.slice(dot + 1)];
    byRelation.set(relation, [...(byRelation.get(relation) ?? []), property]);
  }
  return byRelation;
}

/**
 * Adds what reading `property` takes: its column; for a relation field (`sub`: what is asked under it),
 * the relation joined or gathered at depth 0. A computed field's declared needs (`sub` null) read a
 * ManyToOne's key only, and gather a OneToMany with every column; `extra`: properties of the related
 * rows read whatever `sub` asks (`@Needs('schemes.active')`). Two fields gathering one relation gather
 * it once, with what both read. False when `property` is none of these.
 */
function planField(
  em: SqlEntityManager,
  info: EntityInfo,
  property: string,
  sub: Selection | null,
  depth: number,
  into: { wanted: Set<string>; joins: ReadPlan['joins']; gathers: ReadPlan['gathers']; keyGathers: ReadPlan['keyGathers'] },
  fieldSub: Selection | null = sub,
  extra: readonly string[] = [],
): boolean {
  const relation = info.relations.get(property);
  if (relation?.kind === 'keys') {
    into.wanted.add(property);
    // Read with the page's rows and with the rows it gathers (depth 1), not deeper.
    if (depth <= 1 && fieldSub) addRead(into.keyGathers, relation, planRead(em, relation.target(), fieldSub, extra, 2));
    return true;
  }
  if (relation?.kind === 'one') {
    into.wanted.add(property);
    if (depth === 0 && sub && !into.joins.some((j) => j.relation === relation)) into.joins.push({ relation, plan: planRead(em, relation.target(), sub, [], depth + 1) });
  } else if (relation?.kind === 'many') {
    into.wanted.add(info.pk.property);
    if (depth === 0) addRead(into.gathers, relation, planRead(em, relation.target(), sub, [...relation.orderBy.map(([p]) => p), ...extra], depth + 1));
  } else if (property === 'globalId') {
    into.wanted.add(info.pk.property);
  } else if (info.columns.has(property)) {
    into.wanted.add(property);
  } else {
    return false;
  }
  return true;
}

/** Adds `plan` of `relation` to `reads`, merged with the plan already there for it. */
function addRead<R>(reads: { relation: R; plan: ReadPlan }[], relation: R, plan: ReadPlan): void {
  const found = reads.find((r) => r.relation === relation);
  if (found) found.plan = mergePlans(found.plan, plan);
  else reads.push({ relation, plan });
}

/** What reading both plans takes: the columns of either (in the entity's order), their relations merged. */
function mergePlans(a: ReadPlan, b: ReadPlan): ReadPlan {
  const merged: ReadPlan = { info: a.info, columns: [...a.info.columns.values()].filter((c) => a.columns.includes(c) || b.columns.includes(c)), joins: [], gathers: [], keyGathers: [] };
  for (const r of [...a.joins, ...b.joins]) addRead(merged.joins, r.relation, r.plan);
  for (const r of [...a.gathers, ...b.gathers]) addRead(merged.gathers, r.relation, r.plan);
  for (const r of [...a.keyGathers, ...b.keyGathers]) addRead(merged.keyGathers, r.relation, r.plan);
  return merged;
}

const plans = new WeakMap<EntityInfo, WeakMap<Selection, Map<string, ReadPlan>>>();

/**
 * `planRead` at depth 0, kept by selection (selections are kept by parsed document, `selectionOf`), so
 * a page asked again reuses its plan. The plan is shared: read it, never change it (`find`'s `with`
 * changes its own plan, so it calls `planRead`).
 */
export function sharedPlan(em: SqlEntityManager, info: EntityInfo, selection: Selection, always: readonly string[]): ReadPlan {
  let bySelection = plans.get(info);
  if (!bySelection) plans.set(info, (bySelection = new WeakMap<Selection, Map<string, ReadPlan>>()));
  let byKey = bySelection.get(selection);
  if (!byKey) bySelection.set(selection, (byKey = new Map<string, ReadPlan>()));
  const key = always.join(',');
  let plan = byKey.get(key);
  if (!plan) byKey.set(key, (plan = planRead(em, info, selection, always)));
  return plan;
}

function withColumns(plan: ReadPlan, info: EntityInfo, extra: readonly string[]): ReadPlan {
  for (const p of extra) {
    const column = info.columns.get(p);
    if (column && !plan.columns.includes(column)) plan.columns.push(column);
  }
  return plan;
}

export { entityInfo };
