import { KeyedLoader } from './keyed-loader.js';
import { entityInfo, keyOf, type EntityInfo, type OneToManyInfo } from './entities.js';
import { fullPlan } from './plan.js';
import { GATHERED, plainRows, selectPlan, type Gathered } from './rows.js';
import { rowRule, scopeOf, type KitContext, type Scope } from './scope.js';
import { Statement, runRead } from './statement.js';
import { pgArray } from './convert.js';
import { keyFits } from '../keys.js';
import type { EntityClass } from '@mikro-orm/core';
import type { Order } from './list.js';

/*
 * Relation loaders chosen from the metadata, one per entity (by key) and per OneToMany relation (by
 * parent key), created on first use in a unit of work. Each batch is one statement with the target's
 * visibility in its condition: what the viewer may not see is not found.
 */

function loaderOf<V>(scope: Scope, key: string, create: () => KeyedLoader<V>): KeyedLoader<V> {
  let loader = scope.loaders.get(key) as KeyedLoader<V> | undefined;
  if (!loader) scope.loaders.set(key, (loader = create()));
  return loader;
}

/**
 * Rows of `info` whose `column` is one of `keys`, visible to the scope's viewer, in `orderBy` order;
 * with `limit`, at most that many per key (a lateral subquery per key).
 */
async function readWhereIn(
  scope: Scope,
  info: EntityInfo,
  column: { column: string; arrayType: string },
  keys: readonly string[],
  order: { orderBy?: readonly (readonly [string, 'asc' | 'desc'])[]; limit?: number | null } = {},
): Promise<object[]> {
  const rule = rowRule(scope, info);
  if (rule === false || keys.length === 0) return [];
  const plan = fullPlan(info, true);
  const orderSql = (order.orderBy ?? []).map(([p, d]) => `e."${info.columns.get(p)!.column}" ${d}`).join(', ');
  const st = new Statement(scope.em).text('select ');
  selectPlan(st, scope, plan, 'e');
  if (order.limit != null) {
    st.text(' from unnest(')
      .param(pgArray([...new Set(keys)]))
      .text(`::${column.arrayType}) k(key) cross join lateral (select * from "${info.table}" e where e."${column.column}" = k.key`);
  } else {
    st.text(` from "${info.table}" e where e."${column.column}" = any(`)
      .param(pgArray([...new Set(keys)]))
      .text(`::${column.arrayType})`);
  }
  if (rule !== true) st.text(' and ').filter(info, 'e', rule);
  if (order.limit != null) st.text(`${orderSql ? ` order by ${orderSql}` : ''} limit ${order.limit}) e`);
  if (orderSql) st.text(` order by ${orderSql}`);
  return plainRows(plan, await runRead(scope.em, st));
}

/** The loader of `info` rows by primary key (null: not found or not visible). */
export function byKey(scope: Scope, info: EntityInfo): KeyedLoader<object | null> {
  return loaderOf(
    scope,
    info.name,
    () =>
      new KeyedLoader<object | null>(
        async (keys) => {
          // A key the primary key could not hold names no row (and must not reach the database).
          const rows = await readWhereIn(
            scope,
            info,
            info.pk,
            (keys as readonly string[]).filter((k) => keyFits(info.name, k)),
          );
          return new Map(rows.map((r) => [keyOf(info, r), r]));
        },
        () => null,
      ),
  );
}

/** The loader of the rows of a OneToMany relation, by parent key, in the relation's order. */
export function children(scope: Scope, relation: OneToManyInfo): KeyedLoader<object[]> {
  return childrenBy(scope, relation.target(), relation.foreignKey, relation);
}

/**
 * The loader of `target` rows by the key their ManyToOne `foreignKey` holds, in `order` (at most
 * `order.limit` per key): one per relation, order and limit in a unit of work.
 */
function childrenBy(scope: Scope, target: EntityInfo, foreignKey: string, order: { orderBy: readonly (readonly [string, 'asc' | 'desc'])[]; limit: number | null }): KeyedLoader<object[]> {
  const fk = target.relations.get(foreignKey);
  if (fk?.kind !== 'one') throw new Error(`${target.name}.${foreignKey} is not a ManyToOne relation`);
  const parent = fk.target();
  const name = `${target.name}.${foreignKey}:${order.orderBy.map(([p, d]) => `${p} ${d}`).join(',')}:${order.limit ?? ''}`;
  return loaderOf(
    scope,
    name,
    () =>
      new KeyedLoader<object[]>(
        async (keys) => {
          const rows = await readWhereIn(
            scope,
            target,
            { column: fk.column, arrayType: parent.pk.arrayType },
            (keys as readonly string[]).filter((k) => keyFits(parent.name, k)),
            order,
          );
          const groups = new Map<string, object[]>();
          for (const row of rows) {
            const key = keyOf(parent, (row as Record<string, object>)[fk.property]!);
            const group = groups.get(key);
            if (group) group.push(row);
            else groups.set(key, [row]);
          }
          return groups;
        },
        () => [],
      ),
  );
}

/** The `entity` row with primary key `key` if the viewer may see it, else null (`node(id)`, events). */
export function load<T extends object>(ctx: KitContext, entity: EntityClass<T>, key: string): Promise<T | null> {
  return byKey(scopeOf(ctx), entityInfo(ctx.em, entity)).load(key) as Promise<T | null>;
}

/** The `entity` rows with these keys that the viewer may see, in the keys' order (null where not). */
export async function loadMany<T extends object>(ctx: KitContext, entity: EntityClass<T>, keys: readonly string[]): Promise<(T | null)[]> {
  const loader = byKey(scopeOf(ctx), entityInfo(ctx.em, entity));
  return (await loader.loadMany(keys)).map((r) => (r instanceof Error ? null : r)) as (T | null)[];
}

/**
 * The rows of `row`'s OneToMany relation (or array of keys, `@KeysOf`) `property` the viewer may see, in
 * the relation's (or the array's) order: those the page gathered with the row, else through a loader. For field resolvers that shape a
 * relation (an argument, a filter) and declare `@Needs(property)` so that pages gather it.
 */
export function related<T extends object>(ctx: KitContext, row: object, property: string): Promise<T[]> | T[] {
  const gathered = (row as Record<symbol, Gathered | undefined>)[GATHERED]?.[property];
  if (gathered) return gathered as T[];
  const info = entityInfo(ctx.em, row.constructor.name);
  const relation = info.relations.get(property);
  if (relation?.kind === 'keys') {
    const keys = ((row as Record<string, unknown>)[property] as readonly string[] | null) ?? [];
    return byKey(scopeOf(ctx), relation.target())
      .loadMany(keys)
      .then((rows) => rows.filter((r): r is T => r !== null && !(r instanceof Error)) as T[]);
  }
  if (relation?.kind !== 'many') throw new Error(`${info.name}.${property} is not a OneToMany relation nor an array of keys (@KeysOf)`);
  return children(scopeOf(ctx), relation).get(keyOf(info, row)) as Promise<T[]> | T[];
}

/** `compute()` once per unit of work (operation, pushed event): e.g. every active criteria for matching. */
export function once<T>(ctx: KitContext, key: string, compute: () => Promise<T>): Promise<T> {
  const memo = scopeOf(ctx).memo;
  let value = memo.get(key) as Promise<T> | undefined;
  if (!value) memo.set(key, (value = compute()));
  return value;
}

/**
 * The `entity` rows whose ManyToOne `property` holds `key` that the viewer may see, in `orderBy` order
 * (at most `limit` per key): for a list field a module adds to another module's type, where the owner
 * declares no OneToMany (`Partner.members`, added by accounts). Batched with the other keys of the
 * level, like the relation fields: one statement per level, whatever the number of parents.
 */
export function loadChildren<T extends object>(ctx: KitContext, entity: EntityClass<T>, property: keyof T & string, key: string, options: { orderBy: Order<T>; limit?: number }): Promise<T[]> {
  const loader = childrenBy(scopeOf(ctx), entityInfo(ctx.em, entity as EntityClass<object>), property, { orderBy: options.orderBy, limit: options.limit ?? null });
  return loader.load(key) as Promise<T[]>;
}
