/**
 * The screen's data layer, its only door to the server: the session's snapshot, then its event stream
 * (`sessionEvents(sessionId, after)`) over graphql-ws on the same origin's /graphql. A cut connection is
 * opened again, with backoff, and the stream followed again after the last sequence applied, so that
 * nothing is missed; the state ignores an event already applied, so nothing shows twice.
 */
import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import {
  ScreenItemDetailsDocument,
  ScreenPresenceChangedDocument,
  ScreenSessionDocument,
  ScreenSessionEventsDocument,
  type ScreenItemDetailsQuery,
  type ScreenPresenceChangedSubscription,
  type ScreenSessionEventsSubscription,
  type ScreenSessionQuery,
} from '../../generated/graphql.js';
import type { ScreenEvent, ScreenItem, ScreenPresence, ScreenSession } from './model.js';

/** The operations' text, printed once from the generated typed documents. */
const SESSION_QUERY = print(ScreenSessionDocument);
const EVENTS_SUBSCRIPTION = print(ScreenSessionEventsDocument);
const DETAILS_QUERY = print(ScreenItemDetailsDocument);
const PRESENCE_SUBSCRIPTION = print(ScreenPresenceChangedDocument);

export type ConnectionStatus = 'connexion' | 'connecte' | 'reconnexion' | 'refuse';

export interface FeedOptions {
  /** ws(s)://host/graphql */
  url: string;
  token: string;
  sessionId: string;
  /** The last sequence applied: each (re)subscription follows the stream after it. */
  lastSeq: () => number | null;
}

export interface FeedHandlers {
  snapshot(session: ScreenSession): void;
  /** An agenda item's request in full, asked with `details(itemId)`. */
  details(item: ScreenItem): void;
  event(event: ScreenEvent): void;
  /**
   * Who has a screen open on the session, at each change; null when the viewer may not see it (the API
   * answered null or refused): the panel is hidden, and that is not an error of the page.
   */
  presence(present: ScreenPresence[] | null): void;
  status(status: ConnectionStatus, message?: string): void;
}

export interface Feed {
  /** Loads the snapshot again (details of a new item, an action plan). */
  refresh(): void;
  /** Loads an agenda item's request in full (summary, matches, positions, action plan); false while offline. */
  details(itemId: string): boolean;
  stop(): void;
}

/** How long a ping may wait for its pong before the connection is taken for dead. */
const PONG_TIMEOUT_MS = 4000;
const KEEP_ALIVE_MS = 8000;

interface GraphQLErrorLike {
  message: string;
  extensions?: { code?: string };
}

class RefusedError extends Error {}

/** The first error of a graphql-ws sink: GraphQL errors (an array), a CloseEvent, or an Error. */
function refusal(err: unknown): RefusedError | null {
  if (Array.isArray(err)) return new RefusedError((err as GraphQLErrorLike[]).map((e) => e.message).join(' ; ') || 'Accès refusé.');
  const code = (err as { code?: number } | null)?.code;
  if (code === 4403 || code === 4401) return new RefusedError('Accès refusé : le jeton est invalide ou a expiré.');
  return null;
}

export function followSession(options: FeedOptions, handlers: FeedHandlers): Feed {
  let client: Client | null = null;
  let stopped = false;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let loaded = false;
  /** The snapshot gave presence (not null): the viewer may see it, so its changes are followed. */
  let watchPresence = false;

  const connect = () => {
    retryTimer = null;
    if (stopped) return;
    handlers.status(loaded ? 'reconnexion' : 'connexion');
    let pongTimer: ReturnType<typeof setTimeout> | null = null;
    const current = createClient({
      url: options.url,
      connectionParams: { authorization: `Bearer ${options.token}` },
      lazy: false,
      retryAttempts: 0,
      keepAlive: KEEP_ALIVE_MS,
      onNonLazyError: () => undefined,
      on: {
        connected: () => {
          attempt = 0;
          if (client === current) handlers.status('connecte');
        },
        ping: (received) => {
          if (!received) pongTimer = setTimeout(() => current.terminate(), PONG_TIMEOUT_MS);
        },
        pong: (received) => {
          if (received && pongTimer) clearTimeout(pongTimer);
        },
        closed: (event) => {
          if (pongTimer) clearTimeout(pongTimer);
          if (client !== current) return;
          const refused = refusal(event);
          if (refused) fail(refused);
          else retry();
        },
      },
    });
    client = current;
    void start(current).catch((err: unknown) => (client === current ? (err instanceof RefusedError ? fail(err) : retry()) : undefined));
  };

  const start = async (current: Client) => {
    if (!loaded) {
      const session = await load(current, options.sessionId);
      watchPresence = session.presence !== null && session.presence !== undefined;
      handlers.snapshot(session);
      loaded = true;
    }
    if (watchPresence) followPresence(current); // first: the change this screen's own subscription makes is then pushed
    follow(current);
  };

  /** Follows who is connected; a refusal hides the panel for good (the viewer lost the chair), without failing the screen. */
  const followPresence = (current: Client) => {
    const hide = () => {
      watchPresence = false;
      handlers.presence(null);
    };
    current.subscribe<ScreenPresenceChangedSubscription>(
      { query: PRESENCE_SUBSCRIPTION, variables: { sessionId: options.sessionId } },
      {
        next: (result) => {
          if (client !== current) return;
          if (result.errors?.length || !result.data) return hide();
          handlers.presence(result.data.sessionPresenceChanged.presence ?? null);
        },
        error: (err) => {
          if (client === current && Array.isArray(err)) hide(); // GraphQL errors (FORBIDDEN); a cut connection is retried with the events
        },
        complete: () => undefined,
      },
    );
  };

  const follow = (current: Client) => {
    current.subscribe<ScreenSessionEventsSubscription>(
      { query: EVENTS_SUBSCRIPTION, variables: { sessionId: options.sessionId, after: options.lastSeq() } },
      {
        next: (result) => {
          if (client !== current) return;
          if (result.errors?.length) return fail(new RefusedError(result.errors.map((e) => e.message).join(' ; ')));
          if (result.data) handlers.event(result.data.sessionEvents);
        },
        error: (err) => {
          if (client !== current) return;
          const refused = refusal(err);
          if (refused) fail(refused);
          else retry();
        },
        complete: () => undefined,
      },
    );
  };

  const retry = () => {
    if (stopped || retryTimer) return;
    const old = client;
    client = null;
    dispose(old);
    handlers.status(loaded ? 'reconnexion' : 'connexion');
    const delay = Math.min(250 * 2 ** attempt, 4000) * (0.75 + Math.random() / 2);
    attempt++;
    retryTimer = setTimeout(connect, delay);
  };

  const fail = (err: Error) => {
    const old = client;
    client = null;
    dispose(old);
    handlers.status('refuse', err.message);
  };

  const online = () => {
    if (retryTimer) {
      clearTimeout(retryTimer);
      connect();
    }
  };
  window.addEventListener('online', online);
  connect();

  return {
    refresh: () => {
      if (client)
        void load(client, options.sessionId).then(
          (session) => handlers.snapshot(session),
          () => undefined,
        );
    },
    details: (itemId) => {
      if (!client) return false;
      void query<ScreenItemDetailsQuery>(client, DETAILS_QUERY, { id: itemId }).then(
        (data) => {
          if (data.node && 'rank' in data.node) handlers.details(data.node as ScreenItem);
        },
        () => undefined,
      );
      return true;
    },
    stop: () => {
      stopped = true;
      window.removeEventListener('online', online);
      if (retryTimer) clearTimeout(retryTimer);
      dispose(client);
      client = null;
    },
  };
}

/**
 * Closes a client; its dispose awaits the connection being opened, which rejects with the CloseEvent
 * when the socket was refused or cut: that is expected here, not an error of the page.
 */
function dispose(client: Client | null): void {
  if (client) Promise.resolve(client.dispose()).catch(() => undefined);
}

/** One query over the socket: its data, or the refusal. */
function query<T>(client: Client, text: string, variables: Record<string, unknown>): Promise<T> {
  return new Promise((resolve, reject) => {
    let data: T | null = null;
    client.subscribe<T>(
      { query: text, variables },
      {
        next: (result) => {
          if (result.errors?.length) reject(new RefusedError(result.errors.map((e) => e.message).join(' ; ')));
          else data = result.data ?? null;
        },
        error: (err) => reject(refusal(err) ?? (err instanceof Error ? err : new Error('connexion perdue'))),
        complete: () => (data ? resolve(data) : reject(new Error('connexion perdue'))),
      },
    );
  });
}

/** The session as the screen shows it (one query over the socket). */
async function load(client: Client, sessionId: string): Promise<ScreenSession> {
  const data = await query<ScreenSessionQuery>(client, SESSION_QUERY, { id: sessionId });
  if (!data.committeeSession) throw new RefusedError('Séance introuvable, ou vous n’y avez pas accès.');
  return data.committeeSession;
}
