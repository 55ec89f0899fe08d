import { createHash } from 'node:crypto';
import type { Viewer } from './auth.js';

/**
 * The viewer each bearer token had at its last request, in this process, so that a request can start
 * without waiting for its token's check: the check runs all the same, in the operation's first round
 * trip with its reads (one round trip fewer per request), and no answer leaves before it (see
 * `Context.confirmViewer` and executor.ts). A token revoked or expired since is refused exactly as
 * before; a viewer whose roles changed has the operation run again with the new ones. Mutations and
 * subscriptions wait for the check before they start.
 *
 * Kept by SHA-256 of the token, at most `max` entries (the oldest leave first).
 */
export class RecentViewers {
  private readonly byToken = new Map<string, Viewer>();

  constructor(private readonly max = 10_000) {}

  private static key(token: string): string {
    return createHash('sha256').update(token).digest('base64url');
  }

  get(token: string): Viewer | undefined {
    return this.byToken.get(RecentViewers.key(token));
  }

  /** Remembers the viewer of a token just checked; forgets the token when the check refused it. */
  set(token: string, viewer: Viewer | null): void {
    const key = RecentViewers.key(token);
    this.byToken.delete(key);
    if (!viewer) return;
    if (this.byToken.size >= this.max) this.byToken.delete(this.byToken.keys().next().value!);
    this.byToken.set(key, viewer);
  }
}

/** Same person, token, platform role and memberships. */
export function sameViewer(a: Viewer, b: Viewer): boolean {
  if (a.personId !== b.personId || a.tokenId !== b.tokenId || a.platformRole !== b.platformRole) return false;
  if (a.memberships.length !== b.memberships.length) return false;
  const key = (v: Viewer) =>
    v.memberships
      .map((m) => `${m.partnerId}:${m.role}`)
      .sort()
      .join(',');
  return key(a) === key(b);
}
