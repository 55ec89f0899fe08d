import type { MetadataStorage } from '@mikro-orm/core';

/*
 * What the primary key of each record type accepts, learnt from MikroORM's metadata when the ORM opens,
 * so a global id's key is checked against its column (uuid, integer, varchar(n)) before any SQL.
 * Kept apart from relay.ts (no decorators) so that database.ts can fill it.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (key: string): boolean => UUID.test(key);
/** Control characters (NUL above all, which PostgreSQL refuses in any text) never belong in a key. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL = /[\u0000-\u001f\u007f]/;

/** What each record type's primary key column accepts, by type name (the entity's class name). */
const keyFormats = new Map<string, (key: string) => boolean>();

/** The test a key must pass to be compared with a primary key column of `columnType`. */
function keyFormatOf(columnType: string): (key: string) => boolean {
  const type = columnType.toLowerCase();
  if (type === 'uuid') return isUuid;
  if (/^(smallint|int2|integer|int|int4|serial|smallserial)\b/.test(type)) {
    const max = type.startsWith('small') || type === 'int2' ? 32_767 : 2_147_483_647;
    return (key) => /^-?\d{1,10}$/.test(key) && Math.abs(Number(key)) <= max;
  }
  if (/^(bigint|int8|bigserial)\b/.test(type)) return (key) => /^-?\d{1,19}$/.test(key) && BigInt(key) <= 9_223_372_036_854_775_807n && BigInt(key) >= -9_223_372_036_854_775_808n;
  const length = /\((\d+)\)/.exec(type);
  const max = length ? Number(length[1]) : 1000;
  return (key) => key.length > 0 && key.length <= max && !CONTROL.test(key);
}

/**
 * Learns, from MikroORM's metadata, what the primary key of each record type accepts (uuid, integer,
 * varchar(64) codes…), so that `decodeId` and `node(id)` refuse a key the column would reject before
 * it reaches the database. Called once the ORM is open.
 */
export function registerKeyFormats(metadata: MetadataStorage): void {
  for (const meta of Object.values(metadata.getAll())) {
    if (meta.primaryKeys.length !== 1) continue;
    const columnType = meta.properties[meta.primaryKeys[0]!]?.columnTypes?.[0];
    if (columnType) keyFormats.set(meta.className, keyFormatOf(columnType));
  }
}

/** True when `key` may be a primary key of a `type` record (a UUID for a type not registered). */
export function keyFits(type: string, key: string): boolean {
  return (keyFormats.get(type) ?? isUuid)(key);
}
