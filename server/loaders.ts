import DataLoader from 'dataloader';
import type { EntityClass } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { isUuid } from './keys.js';
import { readByKeys, refKey, type KeySubquery, type Prefetchable } from './read.js';

const isPromiseLike = (value: unknown): value is PromiseLike<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';

/** True for a UUID (what uuid primary keys accept). */
export { isUuid };

/**
 * A DataLoader over string keys whose values come from one statement per batch, and which a page can
 * also fill ahead (`prefetch`), in the page's own round trip, from a subquery selecting the keys.
 */
export class KeyedLoader<V> extends DataLoader<string, V> implements Prefetchable {
  /** Values this operation already has, by key: `get` answers them synchronously, `load` without a batch. */
  private readonly known: Map<string, V>;

  constructor(
    /** The value of each key found; keys may be a subquery. */
    private readonly read: (keys: readonly string[] | KeySubquery) => Promise<Map<string, V>>,
    /** The value of a key not found. */
    private readonly missing: () => V,
  ) {
    const known = new Map<string, V>();
    super(async (keys) => {
      const found = await read(keys);
      return keys.map((key) => {
        const value = found.get(key) ?? missing();
        if (!known.has(key)) known.set(key, value);
        return value;
      });
    });
    this.known = known;
  }

  /** The value of `key`: synchronously when this operation already has it, else through `load`. */
  get(key: string): V | Promise<V> {
    return this.known.has(key) ? this.known.get(key)! : this.load(key);
  }

  override load(key: string): Promise<V> {
    return this.known.has(key) ? Promise.resolve(this.known.get(key)!) : super.load(key);
  }

  /** Plain values are kept as known values (no promise per key); promises and errors go to DataLoader's cache. */
  override prime(key: string, value: V | PromiseLike<V> | Error): this {
    if (value instanceof Error || isPromiseLike(value)) return super.prime(key, value);
    if (!this.known.has(key)) this.known.set(key, value);
    return this;
  }

  override clear(key: string): this {
    this.known.delete(key);
    return super.clear(key);
  }

  override clearAll(): this {
    this.known.clear();
    return super.clearAll();
  }

  async prefetch(subquery: string): Promise<(keys: readonly string[]) => void> {
    const found = await this.read({ sql: subquery });
    return (keys) => {
      for (const key of keys) this.prime(key, found.get(key) ?? this.missing());
    };
  }
}

/**
 * Batches `load(key)` calls of one operation into one `WHERE property = any(...)` statement (read path:
 * unmanaged rows). Keys that do not fit the column (`accepts`) resolve to null without reaching the database.
 */
export function byKeyLoader<T extends object>(
  em: SqlEntityManager,
  entity: EntityClass<T>,
  property: keyof T & string,
  accepts: (key: string) => boolean = () => true,
): KeyedLoader<T | null> {
  return new KeyedLoader<T | null>(async (keys) => {
    const rows = await readByKeys(em, entity, property, Array.isArray(keys) ? keys.filter(accepts) : keys);
    return new Map(rows.map((row) => [String(row[property]), row]));
  }, () => null);
}

/** `byKeyLoader` on a uuid primary key: keys that are not UUIDs resolve to null without a query. */
export function byIdLoader<T extends { id: string }>(em: SqlEntityManager, entity: EntityClass<T>): KeyedLoader<T | null> {
  return byKeyLoader(em, entity, 'id' as keyof T & string, isUuid);
}

/**
 * Batches `load(parentId)` into one statement over a foreign key and returns each parent's children,
 * in `orderBy` order.
 */
export function childrenLoader<T extends object>(
  em: SqlEntityManager,
  entity: EntityClass<T>,
  foreignKey: keyof T & string,
  orderBy: Record<string, 'asc' | 'desc'>,
): KeyedLoader<T[]> {
  return new KeyedLoader<T[]>(async (parentIds) => {
    const rows = await readByKeys(em, entity, foreignKey, parentIds, orderBy);
    const groups = new Map<string, T[]>();
    for (const row of rows) {
      const key = refKey(row[foreignKey]);
      const group = groups.get(key);
      if (group) group.push(row);
      else groups.set(key, [row]);
    }
    return groups;
  }, () => []);
}
