import { Cursor, type EntityClass, type FilterQuery } from '@mikro-orm/core';
import type { GraphQLResolveInfo } from 'graphql';
import { checkPageArgs, type ConnectionArgs, type Page } from '../relay.js';
import { containsPattern } from '../text.js';
import { searchColumnOf } from './search.js';
import { entityInfo, type EntityInfo } from './entities.js';
import { fullPlan, planRead, sharedPlan, type ReadPlan } from './plan.js';
import { columnsForRules, joinPlan, readRows, selectPlan } from './rows.js';
import { rowRule, scopeOf, type KitContext, type Scope } from './scope.js';
import { connectionSelection, selectionOf } from './selection.js';
import { Statement, runRead } from './statement.js';

/** A list's order: properties with their direction, ending with a unique one (the keyset needs it). */
export type Order<T> = readonly (readonly [keyof T & string, 'asc' | 'desc'])[];

export interface ListOptions<T extends object> {
  /** Which rows: a MikroORM filter (values become bound parameters). */
  where?: FilterQuery<T>;
  orderBy: Order<T>;
  /** Words every row must contain in the entity's search column (`@SearchText`), accents and case ignored. */
  search?: string | null;
}

/** Up to 8 words of a search, each a `$like` on the entity's search column. */
function searchFilter(info: EntityInfo, search: string | null | undefined): object[] {
  const words = (search ?? '').split(/\s+/).filter(Boolean).slice(0, 8);
  if (words.length === 0) return [];
  const column = searchColumnOf(info.entity);
  if (!column) throw new Error(`${info.name} declares no @SearchText column to search`);
  return words.map((w) => ({ [column]: { $like: containsPattern(w) } }));
}

/** The rows the viewer may see among those `options` select, as one filter. */
function visibleWhere<T extends object>(scope: Scope, info: EntityInfo, options: ListOptions<T>): object | false {
  const rule = rowRule(scope, info);
  if (rule === false) return false;
  const parts = [options.where ?? {}, ...searchFilter(info, options.search), ...(rule === true ? [] : [rule])];
  return { $and: parts };
}

/** The keyset condition after (or before) a cursor: `(a > ?) or (a = ? and b > ?)`, per direction. */
function keyset(st: Statement, info: EntityInfo, order: Order<object>, values: unknown[], after: boolean): void {
  st.text('(');
  order.forEach(([prop, dir], i) => {
    st.text(i > 0 ? ' or (' : '(');
    order.slice(0, i).forEach(([p], k) =>
      st
        .text(`e."${info.columns.get(p)!.column}" = `)
        .param(values[k])
        .text(' and '),
    );
    st.text(`e."${info.columns.get(prop)!.column}" ${(dir === 'asc') === after ? '>' : '<'} `)
      .param(values[i])
      .text(')');
  });
  st.text(')');
}

interface PageRequest {
  first?: number;
  last?: number;
  after?: string;
  before?: string;
}

function orderSql(info: EntityInfo, order: Order<object>, reverse: boolean): string {
  return order.map(([p, dir]) => `e."${info.columns.get(p)!.column}" ${(dir === 'desc') !== reverse ? 'desc' : 'asc'}`).join(', ');
}

/** The one statement of a page: its rows with their joined and gathered relations, and the count if asked. */
function pageStatement(scope: Scope, plan: ReadPlan, where: object, order: Order<object>, request: PageRequest, counted: boolean): Statement {
  const { info } = plan;
  const backward = request.first == null && request.last != null;
  const limit = (backward ? request.last : request.first) ?? 20;
  const st = new Statement(scope.em).text('select ');
  selectPlan(st, scope, plan, 'e');
  if (counted) st.text(`, (select count(*)::int from "${info.table}" e where `).filter(info, 'e', where).text(') as "__total"');
  const inner = [...plan.columns.map((c) => c.column), ...columnsForRules(scope, plan)];
  st.text(' from (select ').text(inner.map((c) => `e."${c}"`).join(', '));
  st.text(` from "${info.table}" e where `).filter(info, 'e', where);
  if (request.after) keyset(st.text(' and '), info, order, Cursor.decode(request.after) as unknown[], true);
  if (request.before) keyset(st.text(' and '), info, order, Cursor.decode(request.before) as unknown[], false);
  st.text(` order by ${orderSql(info, order, backward)} limit `)
    .count(limit + 1)
    .text(') e');
  joinPlan(st, scope, plan, 'e');
  return st.text(` order by ${orderSql(info, order, backward)}`);
}

function countStatement(scope: Scope, info: EntityInfo, where: object): Statement {
  return new Statement(scope.em).text(`select count(*)::int as "__total" from "${info.table}" e where `).filter(info, 'e', where);
}

/**
 * One page of `entity` (Relay connection): the rows the viewer may see among `where`, by keyset on
 * `orderBy`, reading only the columns the fields asked for need, with the ManyToOne relations asked
 * for joined and the OneToMany ones gathered, and the count when `totalCount` is asked: one statement,
 * whatever the page size. `args` are checked first (a bad cursor is the client's error).
 */
export async function list<T extends object>(ctx: KitContext, entity: EntityClass<T>, options: ListOptions<T> & { args: ConnectionArgs; info: GraphQLResolveInfo }): Promise<Page<T>> {
  const scope = scopeOf(ctx);
  const info = entityInfo(ctx.em, entity as EntityClass<object>);
  const order = options.orderBy as Order<object>;
  const request = checkPageArgs(options.args, ctx.em, entity as EntityClass<object>, order);
  const selection = connectionSelection(options.info);
  const counted = selection.connection.has('totalCount');
  const where = visibleWhere(scope, info, options);
  const cursorOf = (row: T) => Cursor.encode(order.map(([p]) => (row as Record<string, unknown>)[p]));
  let total: Promise<number> | null = null;
  const count = () => (total ??= where === false ? Promise.resolve(0) : runRead(scope.em, countStatement(scope, info, where)).then(([r]) => Number(r!.__total)));
  if (where === false || request.first === 0 || request.last === 0) return pageOf([], false, false, cursorOf, count);

  const plan = sharedPlan(
    ctx.em,
    info,
    selection.node,
    order.map(([p]) => p),
  );
  const raws = await runRead(scope.em, pageStatement(scope, plan, where, order, request, counted));
  const backward = request.first == null && request.last != null;
  const limit = (backward ? request.last : request.first) ?? 20;
  const more = raws.length > limit;
  if (more) raws.pop();
  if (backward) raws.reverse();
  if (raws.length > 0 && counted) total = Promise.resolve(Number(raws[0]!.__total));
  const rows = readRows(scope, plan, raws) as T[];
  return pageOf(rows, backward ? !!request.before : more, backward ? more : !!request.after, cursorOf, count);
}

/** An edge whose cursor is encoded only when asked for (most clients read `pageInfo.endCursor` alone). */
class LazyEdge<T> {
  constructor(
    readonly node: T,
    private readonly cursorOf: (node: T) => string,
  ) {}

  get cursor(): string {
    return this.cursorOf(this.node);
  }
}

function pageOf<T>(rows: T[], hasNextPage: boolean, hasPreviousPage: boolean, cursorOf: (row: T) => string, count: () => Promise<number>): Page<T> {
  return {
    edges: rows.map((node) => new LazyEdge(node, cursorOf)),
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      startCursor: rows.length > 0 ? cursorOf(rows[0]!) : null,
      endCursor: rows.length > 0 ? cursorOf(rows.at(-1)!) : null,
    },
    count,
  };
}

/**
 * Rows of `entity` the viewer may see among `where`, in `orderBy` order, at most `limit` (a short list
 * that is not paged, e.g. the communes of an intercommunality): one statement, relations as in `list`.
 */
export async function find<T extends object>(
  ctx: KitContext,
  entity: EntityClass<T>,
  options: ListOptions<T> & { info?: GraphQLResolveInfo; limit: number; with?: readonly ((keyof T & string) | `${keyof T & string}.${string}`)[] },
): Promise<T[]> {
  const scope = scopeOf(ctx);
  const info = entityInfo(ctx.em, entity as EntityClass<object>);
  const where = visibleWhere(scope, info, options);
  if (where === false) return [];
  const order = options.orderBy as Order<object>;
  const plan = options.info
    ? withRelations(
        planRead(
          ctx.em,
          info,
          selectionOf(options.info),
          order.map(([p]) => p),
        ),
        options.with,
      )
    : fullPlanWith(info, order, options.with ?? []);
  const raws = await runRead(scope.em, pageStatement(scope, plan, where, order, { first: options.limit }, false));
  if (raws.length > options.limit) raws.length = options.limit;
  return readRows(scope, plan, raws) as T[];
}

function withRelations(plan: ReadPlan, names: readonly string[] | undefined): ReadPlan {
  for (const name of names ?? []) withRelation(plan, name);
  return plan;
}

const fullPlans = new WeakMap<EntityInfo, Map<string, ReadPlan>>();

/**
 * Every column of `info` rows and of the relations `with` names, planned once per order and relations
 * (a token check asks the same on every request); the plan is shared, read it only.
 */
function fullPlanWith(info: EntityInfo, order: Order<object>, names: readonly string[]): ReadPlan {
  let byKey = fullPlans.get(info);
  if (!byKey) fullPlans.set(info, (byKey = new Map<string, ReadPlan>()));
  const key = `${order.map(([p]) => p).join(',')}|${names.join(',')}`;
  let plan = byKey.get(key);
  if (!plan) {
    plan = fullPlan(info);
    for (const [p] of order) {
      const column = info.columns.get(p);
      if (column && !plan.columns.includes(column)) plan.columns.push(column);
    }
    byKey.set(key, withRelations(plan, names));
  }
  return plan;
}

/**
 * Reads `name` with the rows, every column of it: a ManyToOne joined, a OneToMany gathered (`find`'s
 * `with`); `person.memberships` gathers a OneToMany of a joined row (join `person` first).
 */
function withRelation(plan: ReadPlan, name: string): void {
  const [head, rest] = name.split(/\.(.*)/s) as [string, string | undefined];
  if (rest) {
    const joined = plan.joins.find((j) => j.relation.property === head);
    if (!joined) throw new Error(`${plan.info.name}: read ${head} with the rows before ${name}`);
    return withRelation(joined.plan, rest);
  }
  const relation = plan.info.relations.get(name);
  if (relation?.kind === 'one') {
    plan.joins.push({ relation, plan: fullPlan(relation.target()) });
    if (!plan.columns.some((c) => c.property === name)) plan.columns.push(plan.info.columns.get(name)!);
  } else if (relation?.kind === 'many') {
    plan.gathers.push({ relation, plan: fullPlan(relation.target()) });
  } else {
    throw new Error(`${plan.info.name}.${name} is not a ManyToOne or OneToMany relation`);
  }
}

/** An order from property names, `-` before a descending one: `orderBy('-employees', 'id')`. */
export function orderBy<T>(...properties: readonly (`-${keyof T & string}` | (keyof T & string))[]): Order<T> {
  return properties.map((p) => (p.startsWith('-') ? [p.slice(1), 'desc'] : [p, 'asc']) as readonly [keyof T & string, 'asc' | 'desc']);
}
