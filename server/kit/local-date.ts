import { Type, type EntityProperty, type Platform } from '@mikro-orm/core';

/**
 * A calendar day (`date` column) held as a 'YYYY-MM-DD' string whatever the driver gives: node-pg, as
 * MikroORM configures it, gives the string, PGlite a Date at UTC midnight. Use it for every day a person
 * writes (a creation date, an accreditation's dates), so that reads through MikroORM and through the kit
 * agree on both databases: `@Property({ type: LocalDateType, nullable: true })`.
 */
export class LocalDateType extends Type<string | null | undefined, string | null | undefined> {
  override convertToDatabaseValue(value: string | null | undefined): string | null | undefined {
    return value == null ? value : String(value).slice(0, 10);
  }

  override convertToJSValue(value: unknown): string | null | undefined {
    if (value == null) return value as null | undefined;
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return typeof value === 'string' ? value.slice(0, 10) : String(value as number).slice(0, 10);
  }

  override compareAsType(): string {
    return 'string';
  }

  override get runtimeType(): string {
    return 'string';
  }

  override getColumnType(_prop: EntityProperty, _platform: Platform): string {
    return 'date';
  }
}

/**
 * One formatter for the process: building an `Intl.DateTimeFormat` loads the time zone's rules and the
 * locale's data (about 0.3 ms, and garbage), which made a resolver calling `todayInFrance` once per row
 * cost more than the rest of a page.
 */
const FRENCH_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today in France, as 'YYYY-MM-DD' (the platform's days are French days). */
export function todayInFrance(now: Date = new Date()): string {
  return FRENCH_DAY.format(now);
}

/** True when `day` falls within [from, until] (both 'YYYY-MM-DD', either open when null). */
export function isWithin(day: string, from: string | null | undefined, until: string | null | undefined): boolean {
  return (from == null || from <= day) && (until == null || day <= until);
}

/** Whole years from `from` to `to` (both 'YYYY-MM-DD'), as an age is counted. */
export function yearsBetween(from: string, to: string): number {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return to.slice(5) < from.slice(5) ? years - 1 : years;
}
