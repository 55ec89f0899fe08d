import { DateType, JsonType, ReferenceKind, type EntityClass, type EntityMetadata, type EntityProperty, type Platform } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { referenceMaker } from './prototypes.js';

/*
 * From what drivers give to what entities hold, by the metadata. The kit's reads skip MikroORM's
 * hydration (raw rows become read rows of the entity's class), so they convert each column here, with
 * MikroORM's own rules: drivers differ (node-pg, as MikroORM configures it, gives timestamps and dates
 * as strings; PGlite gives Date objects; json inside gathered rows gives ISO strings).
 */

/** Turns a raw value (never null) into the property's JS type. */
export type Converter = (value: unknown) => unknown;

/** True when a value already has the JS type `runtimeType` names, so converting it would change nothing. */
function hasRuntimeType(runtimeType: string): ((value: unknown) => boolean) | null {
  switch (runtimeType) {
    case 'string':
      return (v) => typeof v === 'string';
    case 'number':
      return (v) => typeof v === 'number';
    case 'bigint':
      return (v) => typeof v === 'bigint';
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'Date':
      return (v) => v instanceof Date;
    default:
      return runtimeType.endsWith('[]') || runtimeType === 'Array' ? Array.isArray : null;
  }
}

const twoDigits = (s: string, i: number) => (s.charCodeAt(i) - 48) * 10 + s.charCodeAt(i + 1) - 48;

/**
 * PostgreSQL's text form of a timestamptz (ISO DateStyle, as node-pg hands it over):
 * 'YYYY-MM-DD HH:MM:SS[.ffffff]±HH[:MM]', or null for anything else (other years, BC, seconds in
 * the offset, infinity), which the platform's parser then reads. About twice as fast as the general
 * parsers (both measured near 1 µs a value on this machine); a page reads up to a few hundred.
 */
export function parsePgTimestamp(s: string): Date | null {
  const n = s.length;
  if (n < 22 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || (s.charCodeAt(10) !== 32 && s.charCodeAt(10) !== 84) || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return null;
  const year = twoDigits(s, 0) * 100 + twoDigits(s, 2);
  if (!(year >= 1000)) return null; // Date.UTC reads years 0 to 99 as 1900 to 1999
  let i = 19;
  let ms = 0;
  if (s.charCodeAt(i) === 46) {
    let scale = 100;
    for (i++; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) break;
      ms += (c - 48) * scale;
      scale /= 10;
    }
    ms = Math.floor(ms);
  }
  const sign = s.charCodeAt(i);
  if (sign !== 43 && sign !== 45) return null;
  let offset = twoDigits(s, i + 1) * 60;
  if (i + 6 === n && s.charCodeAt(i + 3) === 58) offset += twoDigits(s, i + 4);
  else if (i + 3 !== n) return null;
  const time = Date.UTC(year, twoDigits(s, 5) - 1, twoDigits(s, 8), twoDigits(s, 11), twoDigits(s, 14), twoDigits(s, 17), ms);
  const date = new Date(time - (sign === 43 ? offset : -offset) * 60_000);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * How a raw value of `prop` becomes what the entity holds, or null when every driver already gives that
 * (strings, uuids, enums, integers, booleans, json). The same rules as MikroORM's hydration:
 * - timestamps: Date (node-pg gives '2026-11-30 22:47:58.563+00', PGlite a Date);
 * - `date`: the property's type, a 'YYYY-MM-DD' string by default (PGlite gives a Date at UTC midnight);
 * - custom types (arrays and enum arrays, bigint, decimal, double, user types): the type's
 *   `convertToJSValue`, skipped when the value already has the property's runtime type (node-pg
 *   parses text[] but not arrays of native enums, and gives bigint and numeric as strings);
 * - relations: the target's primary key, converted as that key is.
 */
export function converterOf(meta: EntityMetadata, prop: EntityProperty, platform: Platform, em: SqlEntityManager): Converter | null {
  if (prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner)) {
    // A relation holds a reference: a read row of the target with only its key (`ref.id` works).
    const target = em.getMetadata().get(prop.type);
    const pkProp = target.properties[target.primaryKeys[0]!]!;
    const convertKey = converterOf(target, pkProp, platform, em);
    const make = referenceMaker(em, target.class as EntityClass<object>, pkProp.name);
    return convertKey ? (v) => make(convertKey(v)) : make;
  }
  if (prop.kind !== ReferenceKind.SCALAR) return null;
  const customType = prop.customType;
  if (customType instanceof DateType || prop.type === 'date') {
    if (prop.runtimeType === 'Date') return (v) => (v instanceof Date ? v : new Date(`${String(v).slice(0, 10)}T00:00:00Z`));
    return (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v);
  }
  if (prop.runtimeType === 'Date') {
    // As MikroORM's result mapper: a timestamp without offset is in the configured time zone.
    const tz = platform.getTimezone();
    const withZone = tz && tz !== 'local' ? (s: string) => (s.includes('+') || s.lastIndexOf('-') > 10 || s.endsWith('Z') ? s : s + tz) : (s: string) => s;
    return (v) => {
      if (v instanceof Date) return v;
      const fast = typeof v === 'string' ? parsePgTimestamp(v) : null;
      if (fast) return fast;
      const parsed = platform.parseDate(typeof v === 'string' ? withZone(v) : (v as number));
      return parsed instanceof Date ? parsed : new Date(String(v));
    };
  }
  if (customType instanceof JsonType) return null; // node-pg and PGlite both parse json and jsonb
  if (customType) {
    const fits = hasRuntimeType(prop.runtimeType);
    const toJs = (v: unknown): unknown => customType.convertToJSValue(v, platform) as unknown;
    return fits ? (v) => (fits(v) ? v : toJs(v)) : toJs;
  }
  return null;
}

/** A PostgreSQL array literal for one `?::type[]` parameter (knex would spread a JS array). */
export function pgArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}
