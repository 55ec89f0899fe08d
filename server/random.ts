/**
 * Tiny seeded pseudo-random generator (mulberry32) for deterministic demo data.
 * No dependency, no global state: two generators built with the same seed
 * always produce the same sequence.
 */

export interface Random {
  /** Float in [0, 1). */
  next(): number;
  /** Integer in [min, max], both bounds included. */
  int(min: number, max: number): number;
  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** One element according to positive weights (elements with weight <= 0 are never picked). */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
}

export function createRandom(seed: number): Random {
  let state = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;

  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  const int = (min: number, max: number): number => {
    const low = Math.ceil(Math.min(min, max));
    const high = Math.floor(Math.max(min, max));
    return low + Math.floor(next() * (high - low + 1));
  };

  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError('pick() needs a non-empty array');
    return items[Math.floor(next() * items.length)] as T;
  };

  const weighted = <T>(items: readonly (readonly [T, number])[]): T => {
    let total = 0;
    for (let i = 0; i < items.length; i++) {
      const weight = (items[i] as readonly [T, number])[1];
      if (weight > 0) total += weight;
    }
    if (total <= 0) throw new RangeError('weighted() needs at least one positive weight');
    let target = next() * total;
    let last: T | undefined;
    for (let i = 0; i < items.length; i++) {
      const item = items[i] as readonly [T, number];
      if (item[1] <= 0) continue;
      last = item[0];
      target -= item[1];
      if (target < 0) return item[0];
    }
    return last as T; // floating-point rounding guard: the last positive item
  };

  const chance = (p: number): boolean => next() < p;

  return { next, int, pick, weighted, chance };
}
