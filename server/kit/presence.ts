import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth.js';
import { defineEvent, publishLive } from '../events.js';
import type { Logger } from '../logger.js';
import type { PubSub } from '../pubsub.js';
import { once } from './loaders.js';
import type { KitContext } from './scope.js';

/*
 * Presence: who is connected to a topic (a committee session's screen), across processes.
 *
 * `trackPresence(ctx, topic, iterable)` wraps a subscription's iterable: the connection joins when it
 * is called (a row in `presence`, with this process's id) and leaves when the subscription ends
 * (`return()`: the client's `complete`, or its socket closing). Each process refreshes its rows every
 * HEARTBEAT_MS; a row not refreshed for EXPIRY_MS (its process died) no longer counts, and the next
 * heartbeat of any process deletes it. Each change is pushed live (`PresenceChanged`, through the
 * pubsub: Redis reaches every process), so a chair's screen subscribes to it and reads `presenceOf`.
 */

/** Pushed (live only) when someone joins or leaves `topic`. */
export const PresenceChanged = defineEvent<{ topic: string }>('kit.presence-changed');

/** One person (or anonymous) present on a topic, for one partner. */
export interface Presence {
  personId: string | null;
  partnerId: string | null;
  /** Since when (their earliest connection still open). */
  since: Date;
  /** Their open connections (screens, tabs), across processes. */
  connections: number;
}

export const HEARTBEAT_MS = 10_000;
export const EXPIRY_MS = 30_000;

/** What presence needs of a context. */
export interface PresenceContext {
  readonly viewer: Viewer;
  readonly gateway: { readonly orm: MikroORM; readonly pubSub: PubSub; readonly logger: Logger };
}

type PresenceGateway = PresenceContext['gateway'];

/** Per gateway: its process id, its connections and its heartbeat. */
class PresenceTracker {
  readonly processId = randomUUID();
  private readonly open = new Set<string>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly gateway: PresenceGateway) {}

  private fork(): SqlEntityManager {
    return this.gateway.orm.em.fork({ clear: true, useContext: false }) as SqlEntityManager;
  }

  async join(topic: string, connectionId: string, personId: string | null, partnerId: string | null): Promise<void> {
    this.open.add(connectionId);
    this.timer ??= setInterval(() => void this.beat(), HEARTBEAT_MS).unref();
    await this.fork().execute(
      'insert into presence (topic, connection_id, process_id, person_id, partner_id) values (?, ?, ?, ?, ?)',
      [topic, connectionId, this.processId, personId, partnerId],
      'run',
    );
    publishLive(this.gateway, PresenceChanged, { topic });
  }

  async leave(topic: string, connectionId: string): Promise<void> {
    this.open.delete(connectionId);
    if (this.open.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
    await this.fork().execute('delete from presence where topic = ? and connection_id = ?', [topic, connectionId], 'run');
    publishLive(this.gateway, PresenceChanged, { topic });
  }

  /** Refreshes this process's rows; deletes the expired ones (of processes gone) and says so. */
  async beat(): Promise<void> {
    try {
      const em = this.fork();
      await em.execute('update presence set seen_at = now() where process_id = ?', [this.processId], 'run');
      const gone = (await em.execute(`delete from presence where seen_at < now() - ? * interval '1 millisecond' returning topic`, [EXPIRY_MS], 'all')) as { topic: string }[];
      for (const topic of new Set(gone.map((g) => g.topic))) publishLive(this.gateway, PresenceChanged, { topic });
    } catch (err) {
      this.gateway.logger.warn({ err }, 'presence heartbeat failed');
    }
  }
}

const trackers = new WeakMap<object, PresenceTracker>();

function trackerOf(gateway: PresenceGateway): PresenceTracker {
  let tracker = trackers.get(gateway);
  if (!tracker) {
    tracker = new PresenceTracker(gateway);
    trackers.set(gateway, tracker);
  }
  return tracker;
}

/**
 * Wraps a subscription's iterable: the viewer is present on `topic` (for `options.partnerId`, else
 * their first partner) from now until the subscription ends (`return()`, the socket closing).
 */
export function trackPresence<T>(ctx: PresenceContext, topic: string, iterable: AsyncIterable<T>, options: { partnerId?: string | null } = {}): AsyncIterableIterator<T> {
  const tracker = trackerOf(ctx.gateway);
  const connectionId = randomUUID();
  const partnerId = options.partnerId !== undefined ? options.partnerId : (ctx.viewer.partnerIds[0] ?? null);
  const joined = tracker.join(topic, connectionId, ctx.viewer.personId, partnerId).catch((err: unknown) => ctx.gateway.logger.warn({ err, topic }, 'presence: could not join'));
  const inner = iterable[Symbol.asyncIterator]();
  let left = false;
  const leave = () => {
    if (left) return;
    left = true;
    void joined.then(() => tracker.leave(topic, connectionId)).catch((err: unknown) => ctx.gateway.logger.warn({ err, topic }, 'presence: could not leave'));
  };
  const wrapper: AsyncIterableIterator<T> = {
    [Symbol.asyncIterator]: () => wrapper,
    next: async () => {
      const result = await inner.next();
      if (result.done) leave();
      return result;
    },
    return: async (value?: unknown) => {
      leave();
      return (await inner.return?.(value)) ?? { value: undefined, done: true };
    },
    throw: async (err?: unknown) => {
      leave();
      if (inner.throw) return inner.throw(err);
      throw err;
    },
  };
  return wrapper;
}

/** Who is present on `topic`, across processes: one entry per person and partner, earliest first. */
export async function presenceOf(ctx: KitContext & { readonly gateway: { readonly orm: MikroORM } }, topic: string): Promise<Presence[]> {
  // One statement for every topic an operation asks (a list of sessions with their presence).
  const loader = await once(ctx, 'kit.presence', () => Promise.resolve(new DataLoader<string, Presence[]>((topics) => readPresence(ctx.gateway.orm, topics))));
  return loader.load(topic);
}

/** Who is present on each of `topics` (one statement). */
async function readPresence(orm: MikroORM, topics: readonly string[]): Promise<Presence[][]> {
  const em = orm.em.fork({ clear: true, useContext: false }) as SqlEntityManager;
  const rows = (await em.execute(
    `select topic, person_id, partner_id, min(since) as since, count(*)::int as connections from presence
     where topic in (select jsonb_array_elements_text(?::jsonb)) and seen_at >= now() - ? * interval '1 millisecond'
     group by topic, person_id, partner_id order by min(since), person_id, partner_id`,
    [JSON.stringify(topics), EXPIRY_MS],
    'all',
  )) as { topic: string; person_id: string | null; partner_id: string | null; since: Date | string; connections: number }[];
  const byTopic = new Map<string, Presence[]>(topics.map((t) => [t, []]));
  for (const r of rows) byTopic.get(r.topic)?.push({ personId: r.person_id, partnerId: r.partner_id, since: new Date(r.since), connections: Number(r.connections) });
  return topics.map((t) => byTopic.get(t)!);
}

/** Runs this process's heartbeat now (tests). */
export function beatPresence(gateway: PresenceGateway): Promise<void> {
  return trackerOf(gateway).beat();
}
