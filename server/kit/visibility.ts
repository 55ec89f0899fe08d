import { Reference, type EntityClass, type FilterQuery } from '@mikro-orm/core';
import type { Viewer } from '../auth.js';

/*
 * Who may see what, declared once in a module's manifest and applied by the kit on every read path:
 * lists, relations (joined, prefetched or loaded), `node(id)` and `nodes`, subscription payloads. The
 * rule is a MikroORM filter on the entity (or true for every row, false for none), so the same
 * declaration becomes SQL for reads and a check in JavaScript for writes (`mayAccess`).
 */

/** What a rule may ask of the viewer. */
export interface Rights {
  readonly viewer: Viewer;
  can(permission: string): boolean;
}

/** Rows a viewer may see: a filter, `true` for all rows, `false` for none. */
export type RowRule<T> = (rights: Rights) => FilterQuery<T> | boolean;

export interface VisibilityRule<T extends object = object> {
  entity: EntityClass<T>;
  /** Rows the viewer may see. */
  rows: RowRule<T>;
  /**
   * Confidential fields (nullable properties): read as null on rows where the field's own rule fails,
   * on every path.
   */
  fields?: Readonly<Partial<Record<keyof T & string, RowRule<T>>>>;
}

/** Declares who may see `entity` rows (and confidential fields), for a manifest's `visibility`. */
export function visibleTo<T extends object>(entity: EntityClass<T>, rule: Omit<VisibilityRule<T>, 'entity'>): VisibilityRule {
  return { entity, ...rule } as unknown as VisibilityRule;
}

/** The rules of a gateway's modules, by entity name. */
export class VisibilityRules {
  private readonly byEntity = new Map<string, VisibilityRule>();

  constructor(rules: readonly VisibilityRule[]) {
    for (const rule of rules) {
      if (this.byEntity.has(rule.entity.name)) throw new Error(`Two visibility rules for ${rule.entity.name}`);
      this.byEntity.set(rule.entity.name, rule);
    }
  }

  get(entity: string): VisibilityRule | undefined {
    return this.byEntity.get(entity);
  }

  /** Entities that have a rule (the visibility matrix test walks them). */
  entities(): string[] {
    return [...this.byEntity.keys()];
  }
}

/**
 * True when `row` (a managed entity or a plain object with the rule's properties; relations loaded or
 * given as entities) passes `filter`: the JavaScript reading of the rule, for checks before a write.
 * Supports what rules use: equality, null, lists, `$in $ne $eq $and $or $not`, nested relations.
 */
export function matches(row: unknown, filter: object | boolean): boolean {
  if (typeof filter === 'boolean') return filter;
  if (row == null) return false;
  const value = Reference.isReference(row) ? (row as Reference<object>).unwrap() : row;
  return Object.entries(filter).every(([key, expected]) => {
    if (expected === undefined) return true;
    if (key === '$and') return (expected as object[]).every((f) => matches(value, f));
    if (key === '$or') return (expected as object[]).some((f) => matches(value, f));
    if (key === '$not') return !matches(value, expected as object);
    assertLoaded(value, key);
    return matchesValue((value as Record<string, unknown>)[key], expected);
  });
}

/**
 * Refuses to read `key` of an entity that is only a reference (its relation not loaded): its fields are
 * all undefined there, which a rule with `$not`, `$ne` or `$nin` would read as « may see ». Loud rather
 * than a silent answer either way: load the relation before checking.
 */
function assertLoaded(value: unknown, key: string): void {
  if (value === null || typeof value !== 'object') return;
  const entity = value as { __helper?: { __initialized?: boolean }; __meta?: { className: string; primaryKeys: string[] } };
  if (entity.__meta && entity.__helper?.__initialized === false && !entity.__meta.primaryKeys.includes(key)) {
    throw new Error(`matches: ${entity.__meta.className}.${key} is not loaded; populate the relation before checking a visibility rule in memory`);
  }
}

/** The primary key of an entity, a reference or a read row (by its class's metadata); other values as they are. */
function keyOrValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const entity = Reference.isReference(value) ? (value as Reference<object>).unwrap() : value;
  // Entities and read rows share their class's prototype, on which MikroORM puts the metadata.
  const pk = (entity as { __meta?: { primaryKeys: string[] } }).__meta?.primaryKeys[0];
  return pk ? (entity as Record<string, unknown>)[pk] : entity;
}

function matchesValue(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(expected)) return expected.includes(keyOrValue(actual));
  if (expected !== null && typeof expected === 'object' && !(expected instanceof Date)) {
    const ops = Object.entries(expected as object);
    if (ops.every(([op]) => op.startsWith('$'))) {
      return ops.every(([op, v]) => {
        // A relation's filter may itself start with a logical operator: `{ interview: { $or: [...] } }`.
        if (op === '$and' || op === '$or' || op === '$not') return matches(actual, { [op]: v as unknown });
        const key = keyOrValue(actual);
        if (op === '$eq') return key === v;
        if (op === '$ne') return key !== v;
        if (op === '$in') return (v as unknown[]).includes(key);
        if (op === '$nin') return !(v as unknown[]).includes(key);
        throw new Error(`matches: operator ${op} is for SQL only`);
      });
    }
    return matches(actual, expected as object);
  }
  return keyOrValue(actual) === expected;
}
