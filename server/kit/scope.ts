import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { Viewer } from '../auth.js';
import type { KeyedLoader } from './keyed-loader.js';
import type { ColumnInfo, EntityInfo } from './entities.js';
import type { Statement } from './statement.js';
import { VisibilityRules, type Rights } from './visibility.js';

/** What the kit needs of an operation's context. */
export interface KitContext extends Rights {
  readonly em: SqlEntityManager;
  readonly viewer: Viewer;
  readonly gateway: { readonly visibility: VisibilityRules };
}

/**
 * The kit's state for one unit of work (one EntityManager: an operation, a pushed event, or a
 * transaction): the rules evaluated for its viewer and its relation loaders. Keyed by the
 * EntityManager, so loaders used inside a transaction read inside it, and a renewed context starts afresh.
 */
export interface Scope {
  em: SqlEntityManager;
  rights: Rights;
  rules: VisibilityRules;
  loaders: Map<string, KeyedLoader<unknown>>;
  rows: Map<string, object | boolean>;
  /** Values computed once per unit of work (`once`). */
  memo: Map<string, Promise<unknown>>;
}

const scopes = new WeakMap<SqlEntityManager, Scope>();

export function scopeOf(ctx: KitContext, em: SqlEntityManager = ctx.em): Scope {
  let scope = scopes.get(em);
  if (!scope || scope.rights.viewer !== ctx.viewer) {
    scope = { em, rights: { viewer: ctx.viewer, can: (p) => ctx.can(p) }, rules: ctx.gateway.visibility, loaders: new Map(), rows: new Map(), memo: new Map() };
    scopes.set(em, scope);
  }
  return scope;
}

/** The rows of `info` the scope's viewer may see: a filter, true (all) or false (none). */
export function rowRule(scope: Scope, info: EntityInfo): object | boolean {
  let rule = scope.rows.get(info.name);
  if (rule === undefined) {
    const declared = scope.rules.get(info.name);
    rule = declared ? normalize(declared.rows(scope.rights)) : true;
    scope.rows.set(info.name, rule);
  }
  return rule;
}

function normalize(rule: object | boolean): object | boolean {
  return typeof rule === 'object' && Object.keys(rule).length === 0 ? true : rule;
}

/** Writes the select expression of `column` under `alias`: null where a confidential field's rule fails. */
export function selectColumn(st: Statement, scope: Scope, info: EntityInfo, alias: string, column: ColumnInfo): Statement {
  const fieldRule = scope.rules.get(info.name)?.fields?.[column.property as never] as ((r: typeof scope.rights) => object | boolean) | undefined;
  const rule = fieldRule ? normalize(fieldRule(scope.rights)) : true;
  if (rule === true) return st.text(`${alias}."${column.column}"`);
  if (rule === false) return st.text(`null::${column.arrayType.slice(0, -2)}`);
  return st.text('case when ').filter(info, alias, rule).text(` then ${alias}."${column.column}" end`);
}

/** Forgets the kit's state for `em` (its loaders and memos): after a commit, what they cached may have changed. */
export function forgetScope(em: SqlEntityManager): void {
  scopes.delete(em);
}

const NO_RULES = new VisibilityRules([]);

/**
 * A context that reads as the platform itself, without visibility rules: for authentication (finding
 * the token a caller presents) and scripts, never for what a caller asked to see.
 */
export function platformReader(em: SqlEntityManager): KitContext {
  // A fork of its own: the kit's state (rules, loaders) is kept by EntityManager, and an operation's
  // token check runs beside its reads on the same one; the two must never share it.
  return { em: em.fork({ clear: true, useContext: false }) as SqlEntityManager, viewer: Viewer.system(), can: () => true, gateway: { visibility: NO_RULES } };
}
