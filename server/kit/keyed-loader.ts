import DataLoader from 'dataloader';

const isPromiseLike = (value: unknown): value is PromiseLike<unknown> => typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';

/**
 * A DataLoader over string keys whose values come from one statement per batch, and which answers
 * synchronously (`get`) the keys this unit of work already has.
 */
export class KeyedLoader<V> extends DataLoader<string, V> {
  /** Values this operation already has, by key: `get` answers them synchronously, `load` without a batch. */
  private readonly known: Map<string, V>;

  constructor(
    /** The value of each key found. */
    read: (keys: readonly string[]) => Promise<Map<string, V>>,
    /** The value of a key not found. */
    missing: () => V,
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
}
