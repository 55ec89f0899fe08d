import { createPubSub } from '@graphql-yoga/subscription';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { setMaxListeners } from 'node:events';
import { Redis } from 'ioredis';
import type { Logger } from './logger.js';
import { CONNECT_TIMEOUT_MS, connectRedis } from './preflight.js';

/** The pubsub GraphQL subscriptions listen to: topics are event names, payloads are JSON. */
export interface PubSub {
  publish(topic: string, payload: unknown): void;
  subscribe(topic: string): AsyncIterable<unknown>;
  /**
   * Calls `listener` with each payload of `topic`, synchronously as it arrives, until the function returned
   * is called: no iterator and no promise per payload (server/kit/follow.ts, thousands of screens on one stream).
   */
  listen(topic: string, listener: (payload: unknown) => void): () => void;
}

export interface PubSubAdapter {
  pubSub: PubSub;
  kind: 'memory' | 'redis';
  close(): Promise<void>;
}

/** In-memory pubsub for one process; Redis-backed when `redisUrl` is set, to reach every process. */
export async function createPubSubAdapter(redisUrl: string | null, logger: Logger): Promise<PubSubAdapter> {
  if (!redisUrl) {
    // Every subscriber of a topic is one listener of it on this EventTarget (thousands for a meeting
    // room's screens): no limit, so no MaxListenersExceededWarning (a leak would show in the bench's memory).
    const eventTarget = new EventTarget();
    setMaxListeners(0, eventTarget);
    return { pubSub: withListen(createPubSub({ eventTarget }), eventTarget), kind: 'memory', close: async () => {} };
  }
  const options = { lazyConnect: true, maxRetriesPerRequest: 3, enableOfflineQueue: true, connectTimeout: CONNECT_TIMEOUT_MS };
  const publishClient = new Redis(redisUrl, options);
  const subscribeClient = new Redis(redisUrl, options);
  // At start, a Redis that cannot be reached is one StartupError naming REDIS_URL, within seconds;
  // once connected, errors are logged and ioredis reconnects.
  await connectRedis([publishClient, subscribeClient], redisUrl);
  for (const client of [publishClient, subscribeClient]) {
    client.on('error', (err) => logger.warn({ err: err.message }, 'redis connection error'));
  }
  const eventTarget = createRedisEventTarget({ publishClient, subscribeClient });
  return {
    pubSub: withListen(createPubSub({ eventTarget }), eventTarget),
    kind: 'redis',
    close: async () => {
      await Promise.allSettled([publishClient.quit(), subscribeClient.quit()]);
    },
  };
}

/** The pubsub with `listen`, on the event target it publishes to (a CustomEvent whose detail is the payload). */
function withListen(pubSub: object, eventTarget: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>): PubSub {
  const yoga = pubSub as unknown as Omit<PubSub, 'listen'>;
  return {
    publish: (topic, payload) => yoga.publish(topic, payload),
    subscribe: (topic) => yoga.subscribe(topic),
    listen(topic, listener) {
      const handle = (event: Event) => listener((event as CustomEvent).detail);
      eventTarget.addEventListener(topic, handle);
      return () => eventTarget.removeEventListener(topic, handle);
    },
  };
}
