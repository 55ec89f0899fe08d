import { readStream, subscribeTo, type Context, type EventDefinition, type StoredEvent } from '../../server/kit/index.js';
import { SESSION_EVENTS, sessionStream } from './governance.events.js';

/*
 * The module's own SQL and stream reading: the last sequence of session streams (one statement for the
 * sessions of a page), and the replay-then-follow of one session's stream.
 */

/** The last sequence number of each session's stream (0 when nothing happened yet), in one statement. */
export async function lastSeqs(ctx: Context, sessionIds: readonly string[]): Promise<Map<string, number>> {
  const rows = (await ctx.em.execute(
    'select stream, last_seq from event_stream where stream in (select jsonb_array_elements_text(?::jsonb))',
    [JSON.stringify(sessionIds.map(sessionStream))],
    'all',
  )) as { stream: string; last_seq: string | number }[];
  const byStream = new Map(rows.map((r) => [r.stream, Number(r.last_seq)]));
  return new Map(sessionIds.map((id) => [id, byStream.get(sessionStream(id)) ?? 0]));
}

/**
 * The events of session `sessionId` after `after` (all when null), then live, without gap or
 * duplicate: the database is the source (readStream, by seq); the pubsub only wakes the reader, which
 * listens before its first read so that nothing committed meanwhile is missed.
 * TODO(live): replace with the kit's `followStream(ctx, stream, after)` once helper `live` lands it on
 * main (same contract; it shares one database read between subscribers).
 */
export function followSession(ctx: Context, sessionId: string, after: number | null | undefined): AsyncIterableIterator<StoredEvent> {
  const stream = sessionStream(sessionId);
  const sources = SESSION_EVENTS.map((event) => subscribeTo(ctx, event as unknown as EventDefinition<{ sessionId: string }>, (p) => p.sessionId === sessionId)[Symbol.asyncIterator]());
  let last = after ?? 0;
  let buffered: StoredEvent[] = [];
  let poked = false;
  let wake: (() => void) | null = null;
  let closed = false;
  const poke = () => {
    poked = true;
    wake?.();
  };
  for (const source of sources) {
    void (async () => {
      while (!closed && !(await source.next()).done) poke();
    })().catch(() => poke());
  }
  const done = { value: undefined, done: true } as const;
  const iterator: AsyncIterableIterator<StoredEvent> = {
    [Symbol.asyncIterator]: () => iterator,
    async next() {
      while (!closed) {
        if (buffered.length > 0) {
          const event = buffered.shift()!;
          last = event.seq!;
          return { value: event, done: false };
        }
        poked = false;
        buffered = await readStream(ctx.em.fork({ clear: true }), stream, last);
        if (buffered.length > 0 || closed) continue;
        if (!poked) await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
      }
      return done;
    },
    async return() {
      closed = true;
      wake?.();
      await Promise.all(sources.map((s) => s.return?.()));
      return done;
    },
  };
  return iterator;
}
