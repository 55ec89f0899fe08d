/*
 * Dates of validity. A date column holds what was written ('YYYY-MM-DD') on PostgreSQL and comes back
 * as a Date at UTC midnight from PGlite: both read here as 'YYYY-MM-DD'.
 */

/** 'YYYY-MM-DD' of a date column's value, or null. */
export function dayOf(value: string | Date | null | undefined): string | null {
  if (value == null) return null;
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

/** True when `day` lies between `from` and `until`, both included (a null bound: open). */
export function validOn(day: string, from: string | Date | null | undefined, until: string | Date | null | undefined): boolean {
  const start = dayOf(from);
  const end = dayOf(until);
  return (start == null || start <= day) && (end == null || day <= end);
}
