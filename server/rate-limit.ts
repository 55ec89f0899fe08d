import { GraphQLError } from 'graphql';

/** What one operation learns from the limiter; sent as GitHub-like `x-ratelimit-*` headers. */
export interface RateDecision {
  allowed: boolean;
  /** Operations allowed per window. */
  limit: number;
  /** Operations left right now. */
  remaining: number;
  /** Unix time (seconds) at which the bucket is full again. */
  reset: number;
  /** Seconds until one more operation is allowed (0 when allowed). */
  retryAfter: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per key (a token's id, or a client address for anonymous callers), in this process's
 * memory: `limit` operations at once, refilled at `limit` per `windowMs`. Several processes each keep
 * their own buckets (a client behind a load balancer gets up to `limit` per process).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private lastSweep: number;

  constructor(
    readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.perMs = limit / windowMs;
    this.lastSweep = now();
  }

  /** Takes one operation from `key`'s bucket. */
  take(key: string): RateDecision {
    const now = this.now();
    this.sweep(now);
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { tokens: this.limit, at: now };
      this.buckets.set(key, bucket);
    } else {
      bucket.tokens = Math.min(this.limit, bucket.tokens + (now - bucket.at) * this.perMs);
      bucket.at = now;
    }
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    return {
      allowed,
      limit: this.limit,
      remaining: Math.floor(bucket.tokens),
      reset: Math.ceil((now + (this.limit - bucket.tokens) / this.perMs) / 1000),
      retryAfter: allowed ? 0 : Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000)),
    };
  }

  /** Forgets full buckets once per window, so memory follows the clients of the last window. */
  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * this.perMs >= this.limit) this.buckets.delete(key);
    }
  }
}

/** The headers of a decision, GitHub style. */
export function rateLimitHeaders(decision: RateDecision): Record<string, string> {
  const headers: Record<string, string> = {
    'x-ratelimit-limit': String(decision.limit),
    'x-ratelimit-remaining': String(decision.remaining),
    'x-ratelimit-reset': String(decision.reset),
  };
  if (!decision.allowed) headers['retry-after'] = String(decision.retryAfter);
  return headers;
}

export const RATE_LIMITED = 'RATE_LIMITED';

/** The error of a refused operation (HTTP 429). */
export function rateLimited(decision: RateDecision): GraphQLError {
  return new GraphQLError(`Trop de requêtes : ${decision.limit} par fenêtre au plus. Réessayez dans ${decision.retryAfter} s.`, {
    extensions: { code: RATE_LIMITED, retryAfter: decision.retryAfter },
  });
}
