import DataLoader from 'dataloader';
import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../errors.js';
import { streamTopic } from '../events.js';
import { readStream, type StoredEvent } from '../outbox.js';
import type { PubSub } from '../pubsub.js';
import { once } from './loaders.js';
import type { KitContext } from './scope.js';

/*
 * `followStream(ctx, stream, after)`: the events of one stream after seq `after`, replayed from the
 * database, then live, each seq once and in order, without gap (server/outbox.ts numbers a stream
 * without gap, in commit order).
 *
 * How: the pubsub topic of the stream (`stream:<name>`, which the dispatcher publishes each event of a
 * stream to) is listened to first, its events buffered; the database is then read after `after`, in
 * pages; live events follow, those at or below the last seq yielded dropped (the replay had them, or a
 * dispatcher published again after a crash). A live event whose seq jumps (one was missed: published
 * before the listener was in place, or lost while Redis reconnected) makes the follower read the
 * database from its last seq: every event up to the live one is committed by then (a stream's events
 * commit in seq order). With Redis, the subscription takes a round trip to be in place: a read after
 * `catchUpMs` (when nothing arrived live meanwhile) catches what was published in that window.
 *
 * Not an async generator: `return()` (the client's `complete`, a closed socket) ends it at once, even
 * while it waits for the next event, and stops listening (see subscribeTo in server/events.ts).
 */

/** What `followStream` needs of a context. */
export interface FollowContext {
  readonly gateway: { readonly pubSub: PubSub; readonly orm: MikroORM; readonly config: { readonly redisUrl: string | null } };
}

export interface FollowOptions {
  /** Events read per database page (replay and gaps). */
  pageSize?: number;
  /** With Redis: the read after the start that catches what was published while subscribing (0: none). */
  catchUpMs?: number;
}

const PAGE_SIZE = 500;
const CATCH_UP_MS = 500;

/** The events of `stream` after seq `after` (all when null), then live: each seq once, in order, no gap. */
export function followStream(ctx: FollowContext, stream: string, after: number | null | undefined, options: FollowOptions = {}): AsyncIterableIterator<StoredEvent> {
  if (after !== null && after !== undefined && (!Number.isSafeInteger(after) || after < 0)) {
    throw badInput('after', 'Le numéro de séquence doit être un entier positif ou nul.');
  }
  return new StreamFollower(ctx, stream, after ?? 0, {
    pageSize: options.pageSize ?? PAGE_SIZE,
    catchUpMs: options.catchUpMs ?? (ctx.gateway.config.redisUrl ? CATCH_UP_MS : 0),
  });
}

class StreamFollower implements AsyncIterableIterator<StoredEvent> {
  /** Ready to yield, in seq order. */
  private readonly ready: StoredEvent[] = [];
  /** Received live, not looked at yet. */
  private live: StoredEvent[] = [];
  /** Stops listening to the stream's topic. */
  private readonly unlisten: () => void;
  private waiting: ((result: IteratorResult<StoredEvent>) => void) | null = null;
  private failed: ((err: unknown) => void) | null = null;
  private wakeProducer: (() => void) | null = null;
  private error: unknown = null;
  private done = false;
  private catchUp: NodeJS.Timeout | null = null;
  private caughtUp = false;

  constructor(
    private readonly ctx: FollowContext,
    private readonly stream: string,
    private last: number,
    private readonly options: Required<FollowOptions>,
  ) {
    this.unlisten = ctx.gateway.pubSub.listen(streamTopic(stream), (event) => this.receive(event as StoredEvent));
    void this.produce().catch((err: unknown) => this.fail(err));
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<StoredEvent> {
    return this;
  }

  next(): Promise<IteratorResult<StoredEvent>> {
    if (this.ready.length > 0) return Promise.resolve({ value: this.ready.shift()!, done: false });
    if (this.error) return Promise.reject(this.error as Error);
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => {
      this.waiting = resolve;
      this.failed = reject;
    });
  }

  /** Ends now: stops listening, answers a pending `next` with done. */
  return(): Promise<IteratorResult<StoredEvent>> {
    this.finish();
    return Promise.resolve({ value: undefined, done: true });
  }

  private finish(): void {
    if (this.done) return;
    this.done = true;
    if (this.catchUp) clearTimeout(this.catchUp);
    this.unlisten();
    this.ready.length = 0;
    this.settle({ value: undefined, done: true });
    this.wakeProducer?.();
  }

  private fail(err: unknown): void {
    if (this.done) return;
    this.error = err;
    const reject = this.failed;
    this.waiting = this.failed = null;
    this.finish();
    reject?.(err);
  }

  private settle(result: IteratorResult<StoredEvent>): void {
    const resolve = this.waiting;
    this.waiting = this.failed = null;
    resolve?.(result);
  }

  private emit(event: StoredEvent): void {
    this.last = event.seq!;
    if (this.waiting) this.settle({ value: event, done: false });
    else this.ready.push(event);
  }

  /**
   * An event of the pubsub, as it arrives: handed on at once when it is the next one and the producer is
   * idle (nothing live pending, no catch-up due), the common case; else buffered and the producer woken.
   * So an event reaches a waiting subscriber without an iterator or a promise per follower between.
   */
  private receive(event: StoredEvent): void {
    if (this.done) return;
    if (this.wakeProducer && this.live.length === 0 && !this.caughtUp && event.stream === this.stream && event.seq === this.last + 1) {
      this.emit(event);
      return;
    }
    this.live.push(event);
    this.wakeProducer?.();
  }

  /** The replay, then live events in order, the database filling any gap. */
  private async produce(): Promise<void> {
    await this.fill();
    if (this.options.catchUpMs > 0) {
      this.catchUp = setTimeout(() => {
        this.caughtUp = true;
        this.wakeProducer?.();
      }, this.options.catchUpMs);
      this.catchUp.unref();
    }
    while (!this.done) {
      if (this.live.length === 0 && !this.caughtUp) await new Promise<void>((resolve) => (this.wakeProducer = resolve));
      this.wakeProducer = null;
      if (this.caughtUp) {
        this.caughtUp = false;
        this.catchUp = null;
        await this.fill();
      }
      await this.drainLive();
    }
  }

  /** Yields the live events in seq order; a jump reads the database first. */
  private async drainLive(): Promise<void> {
    const batch = this.live.sort((a, b) => a.seq! - b.seq!);
    this.live = [];
    for (const event of batch) {
      if (this.done) return;
      if (event.seq === null || event.stream !== this.stream || event.seq <= this.last) continue;
      if (event.seq > this.last + 1) await this.fill();
      if (event.seq === this.last + 1) this.emit(event);
    }
  }

  /** Reads the database after the last seq yielded, page by page, until the end of the stream. */
  private async fill(): Promise<void> {
    for (;;) {
      if (this.done) return;
      const em = this.ctx.gateway.orm.em.fork({ clear: true, useContext: false }) as SqlEntityManager;
      const page = await readStream(em, this.stream, this.last, this.options.pageSize);
      for (const event of page) if (!this.done && event.seq === this.last + 1) this.emit(event);
      if (page.length < this.options.pageSize) return;
    }
  }
}

/**
 * The last sequence number of `stream` (0 before its first event): where a screen that loaded its state
 * starts following (`after`). The streams one operation asks (a page of sessions) are read in one statement.
 */
export async function lastSeqOf(ctx: KitContext, stream: string): Promise<number> {
  const loader = await once(ctx, 'kit.stream-heads', () =>
    Promise.resolve(
      new DataLoader<string, number>(async (streams) => {
        const rows = (await ctx.em.execute('select stream, last_seq from event_stream where stream in (select jsonb_array_elements_text(?::jsonb))', [JSON.stringify(streams)], 'all')) as {
          stream: string;
          last_seq: string | number;
        }[];
        const byStream = new Map(rows.map((r) => [r.stream, Number(r.last_seq)]));
        return streams.map((s) => byStream.get(s) ?? 0);
      }),
    ),
  );
  return loader.load(stream);
}
