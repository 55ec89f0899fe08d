import { filter, pipe } from '@graphql-yoga/subscription';
import type { Logger } from './logger.js';
import type { PubSub } from './pubsub.js';

/**
 * Typed domain events. A module defines its events with `defineEvent`, publishes them inside a
 * transaction (`tx.publish`), and they are delivered after commit: to in-process subscribers declared
 * in manifests, and to the pubsub topic of the same name for GraphQL subscriptions (across processes
 * with Redis). Payloads carry ids, never managed entities, so they survive JSON.
 */
export interface EventDefinition<P extends EventPayload> {
  readonly name: string;
  /** Type-only marker; never set. */
  readonly payload?: P;
}

export type EventPayload = Record<string, string | number | boolean | null | readonly string[]>;

export type PayloadOf<E> = E extends EventDefinition<infer P> ? P : never;

export function defineEvent<P extends EventPayload>(name: string): EventDefinition<P> {
  if (!/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-.]*$/.test(name)) {
    throw new Error(`Event name "${name}" must read "module.what-happened"`);
  }
  return { name };
}

export interface EmittedEvent {
  name: string;
  payload: EventPayload;
}

export interface EventSubscriber<P extends EventPayload = EventPayload> {
  event: EventDefinition<P>;
  /** Keep it small: it runs after every matching commit (see STYLE.md on slow handlers). */
  handle: (payload: P) => Promise<void> | void;
}

/** Declares a reaction to an event, for a manifest's `subscribers`. */
export function on<P extends EventPayload>(event: EventDefinition<P>, handle: (payload: P) => Promise<void> | void): EventSubscriber {
  return { event, handle } as unknown as EventSubscriber;
}

export class EventBus {
  private readonly handlers = new Map<string, EventSubscriber[]>();

  constructor(
    private readonly logger: Logger,
    private readonly pubSub: PubSub,
  ) {}

  subscribe(subscriber: EventSubscriber): void {
    const list = this.handlers.get(subscriber.event.name) ?? [];
    list.push(subscriber);
    this.handlers.set(subscriber.event.name, list);
  }

  /** Delivers committed events; a failing subscriber is logged and does not stop the others. */
  async dispatch(events: readonly EmittedEvent[]): Promise<void> {
    for (const { name, payload } of events) {
      this.pubSub.publish(name, payload);
      for (const subscriber of this.handlers.get(name) ?? []) {
        try {
          await subscriber.handle(payload);
        } catch (err) {
          this.logger.error({ err, event: name }, 'event subscriber failed');
        }
      }
    }
  }
}

/**
 * The stream of one event for a subscription resolver (`@Subscription({ subscribe: ... })`), from the
 * pubsub of the gateway serving the operation, keeping the payloads that `keep` accepts. The schema
 * holds no pubsub of its own, so one schema can serve several gateways (tests build many per process).
 *
 * Not an async generator: a generator's `return()` waits behind its pending `next()`, so a client's
 * `complete` ended the subscription (and freed its slot and pubsub listener) only at the next matching
 * event. `pipe`/`filter` pass `return()` straight to the pubsub's iterator.
 */
export function subscribeTo<P extends EventPayload>(
  context: { gateway: { pubSub: PubSub } },
  event: EventDefinition<P>,
  keep: (payload: P) => boolean = () => true,
): AsyncIterable<P> {
  return pipe(context.gateway.pubSub.subscribe(event.name) as AsyncIterable<P>, filter((payload: P) => keep(payload)));
}
