import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { entityInfo, type ColumnInfo, type EntityInfo, type KeysInfo, type ManyToOneInfo, type OneToManyInfo } from './entities.js';
import { fieldReads } from './fields.js';
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
    for (const property of read.needs ?? [read.property!]) {
      if (planField(em, info, property, declared ? null : sub, depth, { wanted, joins, gathers, keyGathers }, sub)) continue;
      everything = true; // a getter that declared nothing
    }
  }
  const columns = [...info.columns.values()].filter((c) => wanted.has(c.property) || (everything && !c.lazy));
  return { info, columns, joins, gathers, keyGathers };
}

/**
 * Adds what reading `property` takes: its column; for a relation field (`sub`: what is asked under it),
 * the relation joined or gathered at depth 0. A computed field's declared needs (`sub` null) read a
 * ManyToOne's key only, and gather a OneToMany with every column. False when `property` is none of these.
 */
function planField(
  em: SqlEntityManager,
  info: EntityInfo,
  property: string,
  sub: Selection | null,
  depth: number,
  into: { wanted: Set<string>; joins: ReadPlan['joins']; gathers: ReadPlan['gathers']; keyGathers: ReadPlan['keyGathers'] },
  fieldSub: Selection | null = sub,
): boolean {
  const relation = info.relations.get(property);
  if (relation?.kind === 'keys') {
    into.wanted.add(property);
    // Read with the page's rows and with the rows it gathers (depth 1), not deeper.
    if (depth <= 1 && fieldSub && !into.keyGathers.some((k) => k.relation === relation)) into.keyGathers.push({ relation, plan: planRead(em, relation.target(), fieldSub, [], 2) });
    return true;
  }
  if (relation?.kind === 'one') {
    into.wanted.add(property);
    if (depth === 0 && sub && !into.joins.some((j) => j.relation === relation)) into.joins.push({ relation, plan: planRead(em, relation.target(), sub, [], depth + 1) });
  } else if (relation?.kind === 'many') {
    into.wanted.add(info.pk.property);
    if (depth === 0 && !into.gathers.some((g) => g.relation === relation)) {
      into.gathers.push({
        relation,
        plan: planRead(
          em,
          relation.target(),
          sub,
          relation.orderBy.map(([p]) => p),
          depth + 1,
        ),
      });
    }
  } else if (property === 'globalId') {
    into.wanted.add(info.pk.property);
  } else if (info.columns.has(property)) {
    into.wanted.add(property);
  } else {
    return false;
  }
  return true;
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
