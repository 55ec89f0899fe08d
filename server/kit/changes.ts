import { badInput } from '../errors.js';

/**
 * How an update's input applies: fields left out (undefined) stay as they are; a null clears a field,
 * except `required` ones, which refuse it (BAD_USER_INPUT on `field.key`, with the label in French) and
 * `clearTo` ones, which take that value instead; strings are trimmed. `skip`: keys the service applies
 * itself (those needing a lookup or a check). Returns the keys it changed.
 */
export function applyChanges<T extends object, I extends object>(
  target: T,
  input: I,
  options: {
    field?: string;
    required?: Partial<Record<keyof I & string, string>>;
    clearTo?: Partial<Record<keyof I & string, unknown>>;
    skip?: readonly (keyof I & string)[];
  } = {},
): string[] {
  const changed: string[] = [];
  const prefix = options.field ?? 'input';
  for (const [key, raw] of Object.entries(input) as [keyof I & string, unknown][]) {
    if (raw === undefined || options.skip?.includes(key)) continue;
    let value: unknown = typeof raw === 'string' ? raw.trim() : raw;
    if (value === null) {
      const label = options.required?.[key];
      if (label) throw badInput(`${prefix}.${key}`, `${label} ne peut pas être vide.`);
      if (options.clearTo && key in options.clearTo) value = options.clearTo[key];
    }
    (target as Record<string, unknown>)[key] = value;
    changed.push(key);
  }
  return changed;
}
