import DataLoader from 'dataloader';
import type { EntityClass } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { readByKeys, refKey } from './read.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a UUID (what uuid primary keys accept). */
export const isUuid = (value: string): boolean => UUID.test(value);

/**
 * Batches `load(id)` calls of one operation into one `WHERE id IN (...)` statement (read path: unmanaged rows).
 * Keys that are not UUIDs resolve to null without reaching the database.
 */
export function byIdLoader<T extends { id: string }>(em: SqlEntityManager, entity: EntityClass<T>): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const valid = ids.filter((id) => UUID.test(id));
    const rows = await readByKeys(em, entity, 'id', valid);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
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
): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (parentIds) => {
    const rows = await readByKeys(em, entity, foreignKey, parentIds, orderBy);
    const groups = new Map<string, T[]>(parentIds.map((id) => [id, []]));
    for (const row of rows) groups.get(refKey(row[foreignKey]))?.push(row);
    return parentIds.map((id) => groups.get(id) ?? []);
  });
}
