import { filter, map, pipe } from '@graphql-yoga/subscription';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { EventContext, type Gateway, type Transaction } from './context.js';
import type { ModuleManifest } from './module.js';
import type { Logger } from './logger.js';
import type { PubSub } from './pubsub.js';
import { dispatchDue, dispatchStep, markDelivered, markFailed, release, type ClaimedDelivery, type StoredEvent } from './outbox.js';

export { readStream, type StoredEvent } from './outbox.js';

/**
 * Typed, durable domain events. A module defines its events with `defineEvent` and publishes them
 * inside a transaction (`tx.publish`): they are written to the `event` table in that transaction, and
 * after commit the dispatcher (below) delivers them, at least once, even after a crash:
 * - to the subscribers declared in manifests (`on(Event, handler)`), each with a context of its own;
 * - to the pubsub topic of the event's name (memory, or Redis across processes), for GraphQL
 *   subscriptions (`subscribeTo`), and, for an event of a stream, to the stream's topic
 *   (`streamTopic`), which `followStream` (server/kit/follow.ts) listens to.
 * Payloads carry ids, never managed entities, so they survive JSON.
 *
 * Streams: an event may belong to a stream (`defineEvent(name, { stream: (p) => ... })`, or
 * `tx.publish(Event, payload, { stream })`, which wins). A stream numbers its events 1, 2, 3… without
 * gap in commit order (`seq`), so a live screen can replay "after seq k" (`readStream`) and then follow.
 * See server/outbox.ts for how the per-stream and the global orders hold under concurrent writers.
 */
export interface EventDefinition<P extends EventPayload> {
  readonly name: string;
  /** The stream of a payload (e.g. `organization:<id>`), when events of this kind belong to one. */
  readonly stream?: (payload: P) => string;
  /** Type-only marker; never set. */
  readonly payload?: P;
}

export type EventPayload = Record<string, string | number | boolean | null | readonly string[]>;

export function defineEvent<P extends EventPayload>(name: string, options: { stream?: (payload: P) => string } = {}): EventDefinition<P> {
  if (!/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-.]*$/.test(name)) {
    throw new Error(`Event name "${name}" must read "module.what-happened"`);
  }
  return options.stream ? { name, stream: options.stream } : { name };
}

/** The pubsub topic of a stream's events (the dispatcher publishes each event of a stream to it too): `stream:<name>`. */
export function streamTopic(stream: string): string {
  return `stream:${stream}`;
}

/** Options of `tx.publish`. */
export interface PublishOptions {
  /** The event's stream; by default the one its definition gives, or none. */
  stream?: string;
}

/**
 * A subscriber's handler: runs after commit, at least once per event (again after a failure, with
 * backoff, or after a crash mid-way), so it must be idempotent: `ctx.eventId` is its key. `ctx` is
 * an operation context of its own (fresh EntityManager fork and loaders, the system viewer, a logger
 * naming the event); write with `ctx.transaction(tx => …)` (and `tx.publish` further events there, in
 * the same transaction), or `ctx.publish(Event, payload)` for an event alone. Keep it small (STYLE.md).
 */
export type EventHandler<P extends EventPayload> = (payload: P, ctx: EventContext) => Promise<void> | void;

export interface EventSubscriber<P extends EventPayload = EventPayload> {
  event: EventDefinition<P>;
  /**
   * Its name in the delivery table, unique in the module (default: the event's name, with `#2`, `#3`…
   * for a module's second, third… subscriber of one event). Renaming it delivers every event again.
   */
  id?: string;
  handle: EventHandler<P>;
}

/** Declares a reaction to an event, for a manifest's `subscribers`. */
export function on<P extends EventPayload>(event: EventDefinition<P>, handle: EventHandler<P>, options: { id?: string } = {}): EventSubscriber {
  return { event, handle, ...(options.id ? { id: options.id } : {}) } as unknown as EventSubscriber;
}

/**
 * A reaction inside the publishing transaction: runs before commit, in the transaction that published
 * the event, on its `tx` (same `tx.em`, `tx.publish` appends to the same transaction, and `contextOf(tx)`
 * is the caller's context: its viewer). What it writes commits or rolls back with the change; an error
 * rolls the whole transaction back. For what must be atomic with another module's change (a session's
 * stream recording a position the support module records); anything else is a durable subscriber (`on`).
 */
export type ReactionHandler<P extends EventPayload> = (payload: P, tx: Transaction) => Promise<void> | void;

export interface EventReaction<P extends EventPayload = EventPayload> {
  event: EventDefinition<P>;
  react: ReactionHandler<P>;
}

/** Declares a reaction run inside the publishing transaction, for a manifest's `reactions`. */
export function within<P extends EventPayload>(event: EventDefinition<P>, react: ReactionHandler<P>): EventReaction {
  return { event, react } as unknown as EventReaction;
}

/** The longest chain of events reactions may publish in one transaction (a loop between reactions stops there). */
const MAX_REACTED_EVENTS = 10_000;

const reactionCache = new WeakMap<readonly ModuleManifest[], ReadonlyMap<string, readonly EventReaction[]>>();

/**
 * The enabled modules' reactions by event name, in module order. A module reacts only to its own events
 * and to those of the modules it depends on (the dependency stays one-way): otherwise this throws, at
 * start. Event names read `<module>.…`; names of no enabled module (the kit's) are not checked.
 */
export function reactionsOf(modules: readonly ModuleManifest[]): ReadonlyMap<string, readonly EventReaction[]> {
  const cached = reactionCache.get(modules);
  if (cached) return cached;
  const byName = new Map(modules.map((m) => [m.name, m]));
  const reactions = new Map<string, EventReaction[]>();
  for (const m of modules) {
    const reach = dependencyClosure(m, byName);
    for (const reaction of m.reactions ?? []) {
      const owner = reaction.event.name.slice(0, reaction.event.name.indexOf('.'));
      if (byName.has(owner) && !reach.has(owner)) {
        throw new Error(
          `Module "${m.name}" reacts within the transaction to "${reaction.event.name}" of module "${owner}", which it does not depend on (add it to dependsOn, or react after commit in "${owner}")`,
        );
      }
      reactions.set(reaction.event.name, [...(reactions.get(reaction.event.name) ?? []), reaction]);
    }
  }
  reactionCache.set(modules, reactions);
  return reactions;
}

function dependencyClosure(m: ModuleManifest, byName: ReadonlyMap<string, ModuleManifest>): Set<string> {
  const reach = new Set<string>([m.name]);
  const visit = (name: string) => {
    for (const dep of byName.get(name)?.dependsOn ?? []) {
      if (!reach.has(dep)) {
        reach.add(dep);
        visit(dep);
      }
    }
  };
  visit(m.name);
  return reach;
}

/**
 * Runs the reactions of `pending` (the events a transaction published so far, in order) on `tx`, and
 * of the events those reactions publish, each event once; called before the events are written.
 */
export async function runReactions(modules: readonly ModuleManifest[], pending: readonly { name: string; payload: Record<string, unknown> }[], tx: Transaction): Promise<void> {
  const reactions = reactionsOf(modules);
  if (reactions.size === 0) return;
  for (let i = 0; i < pending.length; i++) {
    if (i >= MAX_REACTED_EVENTS) throw new Error(`More than ${MAX_REACTED_EVENTS} events in one transaction: reactions publishing each other's events in a loop?`);
    const event = pending[i]!;
    for (const reaction of reactions.get(event.name) ?? []) await reaction.react(event.payload as EventPayload, tx);
  }
}

/** How the dispatcher works; the defaults suit production, tests shorten the delays. */
export interface DispatcherOptions {
  /** False: nothing is delivered (a test stops here to kill the process between commit and delivery). */
  dispatch?: boolean;
  /** How often an idle dispatcher looks for work others left (crashed processes, retries due). */
  pollMs?: number;
  /** First retry delay after a failure; doubles with each failure up to `retryMaxMs`. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** How long a claimed delivery is reserved (a process that dies mid-delivery frees it then). */
  leaseMs?: number;
  /** Events positioned and deliveries claimed per step. */
  batch?: number;
}

interface RegisteredSubscriber {
  key: string;
  subscriber: EventSubscriber;
}

/**
 * Delivers committed events. Kicked right after each commit that wrote events (no polling latency on
 * the happy path), it also runs at start (what was committed before a crash) and every `pollMs` while
 * idle (retries due, and events a process that died after its commit left). Steps are described in
 * server/outbox.ts; per subscriber, a failure is retried with backoff without running the others again.
 */
export class EventDispatcher {
  private readonly subscribers = new Map<string, RegisteredSubscriber>();
  private readonly options: Required<DispatcherOptions>;
  private gateway: Gateway | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  /** Kicks waiting for an operation's answer to leave (kickAfter): the idle poll leaves their events to them. */
  private deferred = 0;

  constructor(
    private readonly logger: Logger,
    private readonly pubSub: PubSub,
    options: DispatcherOptions = {},
  ) {
    this.options = { dispatch: true, pollMs: 1000, retryBaseMs: 1000, retryMaxMs: 300_000, leaseMs: 60_000, batch: 200, ...options };
  }

  /** Registers a module's subscribers; their keys name them in the delivery table. */
  subscribe(moduleName: string, subscribers: readonly EventSubscriber[]): void {
    const seen = new Map<string, number>();
    for (const subscriber of subscribers) {
      let id = subscriber.id;
      if (!id) {
        const n = (seen.get(subscriber.event.name) ?? 0) + 1;
        seen.set(subscriber.event.name, n);
        id = n === 1 ? subscriber.event.name : `${subscriber.event.name}#${n}`;
      }
      const key = `${moduleName}:${id}`;
      if (this.subscribers.has(key)) throw new Error(`Two subscribers are named "${key}": give one an id (on(Event, handler, { id }))`);
      this.subscribers.set(key, { key, subscriber });
    }
  }

  /** Starts delivering: what was left undelivered first, then on every kick and poll. */
  start(gateway: Gateway): void {
    this.gateway = gateway;
    if (!this.options.dispatch) return;
    this.kick();
    this.timer = setInterval(() => void this.poll(), this.options.pollMs);
    this.timer.unref();
  }

  /** Delivers what was just committed (called after each commit that wrote events). */
  kick(): void {
    if (!this.gateway || this.stopped || !this.options.dispatch) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => (this.running = null));
  }

  /**
   * Kicks once `wait` calls back (an operation's answer has left: Context.afterAnswer). Meanwhile the idle
   * poll does not step, so the events of that commit reach live subscribers after the answer.
   */
  kickAfter(wait: (fn: () => void) => void): void {
    this.deferred++;
    let done = false;
    wait(() => {
      if (done) return;
      done = true;
      this.deferred--;
      this.kick();
    });
  }

  /** Stops after the step under way (called before the database closes). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Resolves once the dispatcher is idle (tests). */
  async idle(): Promise<void> {
    while (this.running || (this.deferred > 0 && !this.stopped)) await (this.running ?? new Promise((resolve) => setTimeout(resolve, 1)));
  }

  private async poll(): Promise<void> {
    if (this.running || this.stopped || this.deferred > 0) return;
    try {
      if (await dispatchDue(this.fork())) this.kick();
    } catch (err) {
      this.logger.warn({ err }, 'event dispatcher: could not look for work');
    }
  }

  private fork(): SqlEntityManager {
    return this.gateway!.orm.em.fork({ clear: true, useContext: false }) as SqlEntityManager;
  }

  private async loop(): Promise<void> {
    try {
      do {
        this.again = false;
        while (!this.stopped && (await this.step()));
      } while (this.again && !this.stopped);
    } catch (err) {
      // The database went away or a statement failed: the poll tries again.
      this.logger.error({ err }, 'event dispatcher step failed; retrying at the next poll');
    }
  }

  /** One step; true when there may be more work right away. */
  private async step(): Promise<boolean> {
    const subscribers = [...this.subscribers.values()].map((s) => ({ name: s.subscriber.event.name, subscriber: s.key }));
    const { positioned, claimed } = await dispatchStep(this.fork(), {
      subscribers,
      limit: this.options.batch,
      leaseMs: this.options.leaseMs,
      publish: (events) => {
        for (const event of events) {
          this.pubSub.publish(event.name, event);
          if (event.stream !== null) this.pubSub.publish(streamTopic(event.stream), event); // followStream (server/kit/follow.ts)
        }
      },
    });
    const held = new Set<string>(); // subscriber and stream of a failure in this step: later ones wait
    const skipped: ClaimedDelivery[] = [];
    for (const delivery of claimed) {
      const streamKey = delivery.event.stream === null ? null : `${delivery.subscriber}\u0000${delivery.event.stream}`;
      if (this.stopped || (streamKey && held.has(streamKey))) {
        skipped.push(delivery);
        continue;
      }
      if (!(await this.deliver(delivery)) && streamKey) held.add(streamKey);
    }
    await release(this.fork(), skipped);
    return positioned === this.options.batch || claimed.length === this.options.batch;
  }

  /** Runs one subscriber on one event; records the outcome. */
  private async deliver(delivery: ClaimedDelivery): Promise<boolean> {
    const { event, subscriber: key } = delivery;
    const registered = this.subscribers.get(key)!;
    const logger = this.logger.child({ eventId: event.id, event: event.name, subscriber: key });
    try {
      const ctx = new EventContext(this.gateway!, event, logger);
      await registered.subscriber.handle(event.payload as never, ctx);
      await markDelivered(this.fork(), delivery);
      return true;
    } catch (err) {
      const attempt = delivery.attempts + 1;
      const delayMs = Math.min(this.options.retryBaseMs * 2 ** (attempt - 1), this.options.retryMaxMs);
      logger.error({ err, attempt, retryInMs: delayMs }, 'event subscriber failed; will retry');
      try {
        await markFailed(this.fork(), delivery, delayMs, err instanceof Error ? err.message : String(err));
      } catch (markErr) {
        logger.error({ err: markErr }, 'event dispatcher: could not record a failure (retried when its claim expires)');
      }
      return false;
    }
  }
}

/**
 * The stream of one event for a subscription resolver (`@Subscription({ subscribe: ... })`), from the
 * pubsub of the gateway serving the operation, keeping the payloads that `keep` accepts. The schema
 * holds no pubsub of its own, so one schema can serve several gateways (tests build many per process).
 * The resolver receives the payload as its root, with a fresh context per event (server/websocket.ts).
 *
 * Not an async generator: a generator's `return()` waits behind its pending `next()`, so a client's
 * `complete` ended the subscription (and freed its slot and pubsub listener) only at the next matching
 * event. `pipe`/`filter`/`map` pass `return()` straight to the pubsub's iterator.
 */
export function subscribeTo<P extends EventPayload>(context: { gateway: { pubSub: PubSub } }, event: EventDefinition<P>, keep: (payload: P) => boolean = () => true): AsyncIterable<P> {
  return pipe(
    context.gateway.pubSub.subscribe(event.name) as AsyncIterable<StoredEvent<P>>,
    map((stored: StoredEvent<P>) => stored.payload),
    filter((payload: P) => keep(payload)),
  );
}

/**
 * Hands `payload` to the live subscriptions of `event` only (this process's pubsub, or Redis): nothing
 * is written, nothing is retried, no subscriber of a manifest runs. For what only a screen watching now
 * needs, such as a background job's progress (server/kit/jobs.ts); a change others must react to is a
 * durable event (`tx.publish`).
 */
export function publishLive<P extends EventPayload>(gateway: { pubSub: PubSub }, event: EventDefinition<P>, payload: NoInfer<P>): void {
  const live: StoredEvent<P> = { id: '', name: event.name, stream: null, seq: null, position: null, payload };
  gateway.pubSub.publish(event.name, live);
}
