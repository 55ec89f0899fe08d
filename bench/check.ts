/**
 * What keeps the benchmark honest: the floor must answer exactly what GraphQL answers, and both must go
 * on answering it while under load (a server that answers errors fast would otherwise look fast).
 */

/** JSON text with every object's keys sorted, so two answers compare byte for byte whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
      return sorted;
    }
    return v;
  });
}

/**
 * The `data` of a GraphQL answer in canonical form; throws when the answer is not a 200 without
 * `errors` and with `data`.
 */
export function canonicalData(label: string, status: number, text: string): string {
  let json: { data?: unknown; errors?: unknown };
  try {
    json = JSON.parse(text) as typeof json;
  } catch {
    throw new Error(`${label}: HTTP ${status}, body is not JSON: ${text.slice(0, 300)}`);
  }
  if (status !== 200 || json.errors !== undefined || json.data == null) {
    throw new Error(`${label}: HTTP ${status}, errors: ${JSON.stringify(json.errors ?? text.slice(0, 500)).slice(0, 1000)}`);
  }
  return canonicalJson(json.data);
}

/** Where two canonical texts first differ, with some context, for the error message. */
export function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 120);
  return `at character ${i}:\n  graphql: …${a.slice(from, i + 120)}…\n  floor:   …${b.slice(from, i + 120)}…`;
}

export type Post = (url: string) => Promise<{ status: number; text: string }>;

/**
 * Sends the benchmark's request to a target every `intervalMs` while a run loads it, and compares each
 * answer with the reference (`data` canonical, no `errors`). The first failure calls `onFailure` once
 * (the run stops there) and is kept in `failure`. Requests do not overlap: a slow answer delays the next.
 */
export class LoadChecker {
  checked = 0;
  failure: Error | null = null;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly label: string,
    private readonly url: string,
    private readonly reference: string,
    private readonly post: Post,
    private readonly onFailure: (err: Error) => void,
    private readonly intervalMs = 100,
  ) {}

  start(): this {
    this.schedule();
    return this;
  }

  private schedule(): void {
    if (this.stopped || this.failure) return;
    this.timer = setTimeout(() => {
      this.running = this.checkOnce().finally(() => {
        this.running = null;
        this.schedule();
      });
    }, this.intervalMs);
  }

  private async checkOnce(): Promise<void> {
    try {
      const { status, text } = await this.post(this.url);
      const data = canonicalData(`${this.label} (sample ${this.checked + 1} during the load)`, status, text);
      if (data !== this.reference) {
        throw new Error(`${this.label} (sample ${this.checked + 1} during the load): data differ from the reference answer ${firstDifference(this.reference, data)}`);
      }
      this.checked++;
    } catch (err) {
      this.failure = err instanceof Error ? err : new Error(String(err));
      this.onFailure(this.failure);
    }
  }

  /** Stops sampling and waits for the request under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
