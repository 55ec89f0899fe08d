import type { Context } from '../../server/kit/index.js';

/**
 * The platform's reference date ('YYYY-MM-DD'): which schemes, rules and accreditations are valid.
 * Today until the platform module's setting is merged.
 */
export function referenceDay(_ctx: Context): Promise<string> {
  return Promise.resolve(new Date().toISOString().slice(0, 10));
}
