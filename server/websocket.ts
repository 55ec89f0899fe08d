import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import { GraphQLError, OperationTypeNode, getOperationAST, parse, validate, type DocumentNode, type ExecutionArgs, type GraphQLSchema } from 'graphql';
import { WebSocketServer, type WebSocket } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { Viewer } from './auth.js';
import { Context, type Gateway } from './context.js';
import { AppError, ErrorCode, formatError, invalidToken } from './errors.js';
import { checkOperationLimits } from './limits.js';
import { checkVariables } from './validation.js';
import { RATE_LIMITED, rateLimited, type RateDecision } from './rate-limit.js';
import { sameViewer, type RecentViewers } from './viewers.js';
import { DEFAULT_TOKEN_RECHECK_MS } from './config.js';
import { executeOperation, subscribeOperation, type OperationCompiler } from './executor.js';

/** graphql-ws closes with this code when the connection's token is refused (at connection or since). */
export const CLOSE_FORBIDDEN = 4403;
/** Close code of a server going away (shutdown). */
export const CLOSE_GOING_AWAY = 1001;

export type Authenticate = (em: SqlEntityManager, token: string) => Promise<Viewer | null>;

export interface WebSocketOptions {
  httpServer: Server;
  schema: GraphQLSchema;
  /** The compiled operations, shared with HTTP (server/executor.ts). */
  compiler: OperationCompiler;
  gateway: Gateway;
  authenticate: Authenticate | null;
  recentViewers: RecentViewers;
  /** The viewer of a bearer token, checked now (throws UNAUTHENTICATED when refused). */
  viewerFor: (token: string | null) => Promise<Viewer>;
  /** The bearer token of an Authorization value (throws on a malformed header). */
  bearerToken: (header: unknown) => string | null;
  /** One operation against the rate limit of this key; null when rate limiting is off. */
  rateLimit: ((key: string) => RateDecision) | null;
  /** True once the server is shutting down: no new sockets. */
  draining: () => boolean;
}

/** What the server keeps per open socket. */
interface SocketState {
  address: string;
  token: string | null;
  /** The viewer of the last check of the token (at connection, then at each operation or timer). */
  viewer: Viewer;
  /** Subscriptions counted against the socket and its token, by graphql-ws operation id. */
  subscriptions: Set<string>;
  /** The contexts of the socket's open subscriptions: they follow the token's viewer when its roles change. */
  contexts: Map<string, Context>;
  /** Queries and mutations being executed (shutdown waits for them). */
  operations: Set<string>;
  timer: NodeJS.Timeout | null;
  checking: boolean;
  revoked: boolean;
}

export interface WebSocketEndpoint {
  wsServer: WebSocketServer;
  /** Queries and mutations being executed on any socket. */
  operationsInFlight(): number;
  /** Closes every socket with 1001 and stops the WebSocket server. */
  close(): Promise<void>;
}

const addressOf = (request: IncomingMessage) => request.socket.remoteAddress ?? 'unknown';

/**
 * GraphQL over WebSocket (graphql-ws), on the HTTP server's /graphql. Apollo's plugins do not run here,
 * so this applies the same rules itself: operation limits, rate limit, and the token checked again for
 * every operation (a remembered viewer, confirmed before any write and before any answer leaves), and
 * on a timer while the socket is idle; a token revoked or expired since closes the socket with 4403.
 */
export function createWebSocketEndpoint(options: WebSocketOptions): WebSocketEndpoint {
  const { schema, compiler, gateway, authenticate, recentViewers } = options;
  /** Queries and mutations run on the compiled executor, as on HTTP; a query's context is read-only. */
  const execute = (args: ExecutionArgs) => executeOperation(compiler, args, getOperationAST(args.document, args.operationName)?.operation);
  const { config, logger } = gateway;
  const limits = config.limits;
  const recheckMs = config.tokenRecheckMs ?? DEFAULT_TOKEN_RECHECK_MS;

  const states = new WeakMap<WebSocket, SocketState>();
  const socketsByAddress = new Map<string, number>();
  const subscriptionsByKey = new Map<string, number>();
  const allStates = new Set<SocketState>();

  /** Rate limit and subscription caps are per person (any token can create more), anonymous callers per address. */
  // Rate and subscription allowances go by person, not by token: any token can create more.
  const keyOf = (state: SocketState) => (state.viewer.personId ? `person:${state.viewer.personId}` : `address:${state.address}`);

  const wsServer = new WebSocketServer({
    server: options.httpServer,
    path: '/graphql',
    // The HTTP body limit: a larger message is refused (close 1009) before it is parsed.
    maxPayload: limits.maxBodyBytes,
    verifyClient: (info, done) => {
      if (options.draining()) return done(false, 503, 'Server shutting down');
      if ((socketsByAddress.get(addressOf(info.req)) ?? 0) >= limits.maxSocketsPerAddress) {
        logger.warn({ address: addressOf(info.req) }, 'too many WebSockets from one address');
        return done(false, 429, 'Too many WebSocket connections from this address');
      }
      done(true);
    },
  });

  function forbid(socket: WebSocket, state: SocketState): void {
    if (state.revoked) return;
    state.revoked = true;
    stopTimer(state);
    // After the answer being sent (its error) has left: ws sends in order, close comes last.
    setImmediate(() => socket.close(CLOSE_FORBIDDEN, 'Forbidden'));
  }

  /** The token's viewer as just checked: open subscriptions push their next events as the new viewer. */
  function applyViewer(state: SocketState, viewer: Viewer): void {
    if (sameViewer(viewer, state.viewer)) return;
    state.viewer = viewer;
    for (const context of state.contexts.values()) {
      context.startSpeculative(Promise.resolve(viewer));
      void context.confirmViewer();
    }
  }

  function stopTimer(state: SocketState): void {
    if (state.timer) clearInterval(state.timer);
    state.timer = null;
  }

  /** The token of an idle socket, checked again: revoked or expired since closes the socket. */
  async function recheck(socket: WebSocket, state: SocketState): Promise<void> {
    if (!state.token || !authenticate || state.checking || state.revoked) return;
    state.checking = true;
    try {
      const viewer = await authenticate(gateway.orm.em.fork() as SqlEntityManager, state.token);
      recentViewers.set(state.token, viewer);
      if (viewer) applyViewer(state, viewer);
      else forbid(socket, state);
    } catch (err) {
      logger.warn({ err }, 'WebSocket token re-check failed');
    } finally {
      state.checking = false;
    }
  }

  /** Before a subscription event leaves: the socket's token is still valid (refused: the socket is closed). */
  async function eventAllowed(socket: WebSocket, state: SocketState): Promise<boolean> {
    if (state.revoked) return false;
    if (!state.token || !authenticate) return true;
    try {
      const viewer = await authenticate(gateway.orm.em.fork() as SqlEntityManager, state.token);
      recentViewers.set(state.token, viewer);
      if (viewer) {
        applyViewer(state, viewer);
        return true;
      }
    } catch (err) {
      // Not known to be refused: the event is withheld and the client told to reconnect (1011), not 4403.
      logger.warn({ err }, 'WebSocket token check before an event failed');
      setImmediate(() => socket.close(1011, 'Token check failed'));
      return false;
    }
    forbid(socket, state);
    return false;
  }

  function release(state: SocketState, id: string): void {
    state.contexts.delete(id);
    if (!state.subscriptions.delete(id)) return;
    const key = keyOf(state);
    const left = (subscriptionsByKey.get(key) ?? 1) - 1;
    if (left > 0) subscriptionsByKey.set(key, left);
    else subscriptionsByKey.delete(key);
  }

  wsServer.on('connection', (socket: WebSocket, request: IncomingMessage) => {
    const address = addressOf(request);
    socketsByAddress.set(address, (socketsByAddress.get(address) ?? 0) + 1);
    // ws closes the socket itself on a protocol error (1009 for a message over maxPayload, 1007…): one
    // warning line, instead of graphql-ws's "Internal error… check your implementation" and its stack.
    process.nextTick(() => {
      socket.removeAllListeners('error');
      socket.on('error', (err) => logger.warn({ address, reason: err.message }, 'WebSocket closed on a protocol error'));
    });
    socket.once('close', () => {
      const left = (socketsByAddress.get(address) ?? 1) - 1;
      if (left > 0) socketsByAddress.set(address, left);
      else socketsByAddress.delete(address);
      const state = states.get(socket);
      if (state) {
        stopTimer(state);
        for (const id of [...state.subscriptions]) release(state, id);
        state.operations.clear();
        allStates.delete(state);
      }
    });
  });

  const cleanup = useServer<Record<string, unknown>>(
    {
      schema,
      execute,
      // Each pushed event runs on a fresh EntityManager and loaders (server/executor.ts).
      subscribe: (args) => subscribeOperation(compiler, args),
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const raw = params.authorization ?? params.Authorization ?? (params.token ? `Bearer ${typeof params.token === 'string' ? params.token : JSON.stringify(params.token)}` : null);
        let token: string | null;
        let viewer: Viewer;
        try {
          token = options.bearerToken(raw);
          viewer = await options.viewerFor(token);
        } catch {
          return false; // graphql-ws closes with 4403 Forbidden
        }
        const socket = ctx.extra.socket;
        const state: SocketState = {
          address: addressOf(ctx.extra.request),
          token,
          viewer,
          subscriptions: new Set(),
          contexts: new Map(),
          operations: new Set(),
          timer: null,
          checking: false,
          revoked: false,
        };
        if (token && authenticate) {
          state.timer = setInterval(() => void recheck(socket, state), recheckMs);
          state.timer.unref();
        }
        states.set(socket, state);
        allStates.add(state);
        return true;
      },
      onSubscribe: async (ctx, id, payload): Promise<ExecutionArgs | readonly GraphQLError[]> => {
        const socket = ctx.extra.socket;
        const state = states.get(socket);
        if (!state || state.revoked) return [invalidToken()];

        if (options.rateLimit) {
          const decision = options.rateLimit(keyOf(state));
          if (!decision.allowed) return [rateLimited(decision)];
        }

        let document: DocumentNode;
        try {
          document = parse(payload.query);
        } catch (err) {
          return [err as GraphQLError];
        }
        const errors = validate(schema, document);
        if (errors.length > 0) return errors;
        try {
          checkVariables(schema, document, payload.variables, payload.operationName);
          checkOperationLimits(schema, document, payload.variables, payload.operationName, limits);
        } catch (err) {
          return [err instanceof GraphQLError ? err : new AppError(ErrorCode.TooComplex, 'Requête refusée : ses limites n’ont pas pu être vérifiées.')];
        }
        const operation = getOperationAST(document, payload.operationName);

        const requestId = randomUUID();
        // The viewer of the token's last check; this operation checks the token again, with its first
        // reads for a query (no answer leaves before it: onOperation), before anything else otherwise.
        const remembered = state.token ? (recentViewers.get(state.token) ?? state.viewer) : state.viewer;
        const context = new Context(gateway, remembered, requestId, logger.child({ requestId }));
        if (state.token && authenticate) {
          const token = state.token;
          context.startSpeculative(
            authenticate(context.em, token).then((viewer) => {
              recentViewers.set(token, viewer);
              if (viewer) applyViewer(state, viewer);
              return viewer;
            }),
          );
          if (operation?.operation !== OperationTypeNode.QUERY) {
            try {
              await context.confirmViewer();
            } catch (err) {
              if (!(err instanceof AppError) || err.extensions.code !== ErrorCode.Unauthenticated) throw err;
              forbid(socket, state);
              return [err];
            }
          }
        }

        if (operation?.operation === OperationTypeNode.SUBSCRIPTION) {
          if (state.subscriptions.size >= limits.maxSubscriptionsPerSocket) {
            return [new AppError(ErrorCode.TooComplex, `Trop d'abonnements ouverts sur cette connexion (${limits.maxSubscriptionsPerSocket} au plus).`, { limit: 'subscriptions' })];
          }
          const key = keyOf(state);
          const open = subscriptionsByKey.get(key) ?? 0;
          if (open >= limits.maxSubscriptionsPerPerson) {
            return [
              new AppError(ErrorCode.TooComplex, `Trop d'abonnements ouverts pour ce jeton ou cette adresse (${limits.maxSubscriptionsPerPerson} au plus).`, {
                limit: 'subscriptionsPerPerson',
              }),
            ];
          }
          subscriptionsByKey.set(key, open + 1);
          state.subscriptions.add(id);
          state.contexts.set(id, context);
        } else {
          state.operations.add(id);
        }
        return { schema, document, variableValues: payload.variables, operationName: payload.operationName, contextValue: context };
      },
      onOperation: async (ctx, id, _payload, args, result) => {
        const state = states.get(ctx.extra.socket);
        const context = args.contextValue as Context;
        if (state && !(Symbol.asyncIterator in Object(result))) release(state, id);
        if (!context.viewerUnconfirmed) return;
        try {
          if (await context.confirmViewer()) return execute(args); // roles changed: read again as the new viewer
        } catch (err) {
          if (!(err instanceof AppError) || err.extensions.code !== ErrorCode.Unauthenticated) throw err;
          if (state) forbid(ctx.extra.socket, state);
          return { errors: [err] };
        }
      },
      onNext: async (ctx, id, _payload, args, result) => {
        const requestId = (args.contextValue as Context).requestId;
        const state = states.get(ctx.extra.socket);
        // A subscription's event is an answer too: its token is checked again before it leaves, so that
        // a token revoked or expired since the last check receives no more data (the idle timer alone
        // left up to WS_TOKEN_RECHECK_MS of events, contacts included).
        if (state && state.contexts.has(id) && !(await eventAllowed(ctx.extra.socket, state))) {
          return { errors: [formatError(invalidToken().toJSON(), invalidToken(), logger, requestId)] };
        }
        if (!result.errors) return;
        return { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e, logger, requestId)) };
      },
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => (e.extensions?.code === RATE_LIMITED ? e.toJSON() : formatError(e.toJSON(), e, logger))),
      onComplete: (ctx, id) => {
        const state = states.get(ctx.extra.socket);
        if (!state) return;
        release(state, id);
        state.operations.delete(id);
      },
    },
    wsServer,
  );

  return {
    wsServer,
    operationsInFlight: () => {
      let n = 0;
      for (const state of allStates) n += state.operations.size;
      return n;
    },
    close: async () => {
      for (const state of allStates) stopTimer(state);
      await cleanup.dispose(); // closes every socket with 1001 Going away, then the server
    },
  };
}
