import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import { GraphQLError, OperationTypeNode, getOperationAST, type DocumentNode, type ExecutionArgs, type GraphQLSchema } from 'graphql';
import { WebSocketServer, type WebSocket } from 'ws';
import { handleProtocols, makeServer, type ExecutionResult, type FormattedExecutionResult, type OperationResult, type ServerOptions, type SubscribePayload } from 'graphql-ws';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { Viewer } from './auth.js';
import { Context, type Gateway } from './context.js';
import { AppError, ErrorCode, formatError, invalidToken } from './errors.js';
import { checkOperationLimits } from './limits.js';
import { checkVariables } from './validation.js';
import { RATE_LIMITED, rateLimited, type RateDecision } from './rate-limit.js';
import { sameViewer, type RecentViewers } from './viewers.js';
import { DEFAULT_TOKEN_RECHECK_MS, type OperationLimits } from './config.js';
import type { Logger } from './logger.js';
import { executeOperation, subscribeOperation, type OperationCompiler } from './executor.js';
import { validDocument } from './multiplex.js';

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

/** Close code of a socket whose message could not be handled (graphql-ws's own adapter uses it too). */
const CLOSE_INTERNAL_ERROR = 1011;
/** Ping every idle socket this often; one that has not answered the previous ping by then is cut (as graphql-ws's `useServer`). */
const KEEP_ALIVE_MS = 12_000;

/** What the server keeps per open socket (one per idle screen: kept small, see the fan-out bench). */
interface SocketState {
  socket: WebSocket;
  address: string;
  token: string | null;
  /** The viewer of the last check of the token (at connection, then at each operation or timer). */
  viewer: Viewer;
  /**
   * The socket's open subscriptions, counted against it and its token, by graphql-ws operation id; their
   * contexts follow the token's viewer when its roles change.
   */
  contexts: Map<string, Context>;
  /** Queries and mutations being executed (shutdown waits for them); null while there is none yet. */
  operations: Set<string> | null;
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
  const { schema, compiler, gateway } = options;
  const sessions = new WebSocketSessions(options);
  const wsServer = new WebSocketServer({
    server: options.httpServer,
    path: '/graphql',
    // The HTTP body limit: a larger message is refused (close 1009) before it is parsed.
    maxPayload: gateway.config.limits.maxBodyBytes,
    verifyClient: (info, done) => sessions.verifyClient(info.req, done),
  });
  wsServer.on('connection', (socket: WebSocket, request: IncomingMessage) => sessions.opened(socket, request));

  const cleanup = serveGraphQLWs(
    wsServer,
    {
      schema,
      execute: (args) => executeCompiled(compiler, args),
      // Each pushed event runs on a fresh EntityManager and loaders (server/executor.ts).
      subscribe: (args) => subscribeOperation(compiler, args),
      onConnect: async (ctx) => {
        const accepted = await sessions.connect(ctx.extra.socket, ctx.extra.request, ctx.connectionParams ?? {});
        // The upgrade request (its headers) is read here only: not kept for the socket's life (memory per idle connection).
        (ctx.extra as { request?: IncomingMessage }).request = undefined;
        return accepted;
      },
      onSubscribe: (ctx, id, payload) => sessions.subscribe(ctx.extra.socket, id, payload),
      onOperation: (ctx, id, _payload, args, result) => sessions.operation(ctx.extra.socket, id, args, result),
      onNext: (ctx, id, _payload, args, result) => sessions.next(ctx.extra.socket, id, args, result),
      onError: (_ctx, _id, _payload, errors) => formatOperationErrors(errors, gateway.logger),
      onComplete: (ctx, id) => sessions.complete(ctx.extra.socket, id),
    },
    gateway.logger,
  );

  return {
    wsServer,
    operationsInFlight: () => sessions.operationsInFlight(),
    close: async () => {
      sessions.stopTimers();
      await cleanup.dispose(); // closes every socket with 1001 Going away, then the server
    },
  };
}

/** The sockets of one endpoint: their state, the counters by address and by person, and the token's checks. */
class WebSocketSessions {
  private readonly states = new WeakMap<WebSocket, SocketState>();
  private readonly socketsByAddress = new Map<string, number>();
  private readonly subscriptionsByKey = new Map<string, number>();
  private readonly allStates = new Set<SocketState>();
  private readonly gateway: Gateway;
  private readonly logger: Logger;
  private readonly limits: OperationLimits;
  private readonly authenticate: Authenticate | null;
  private readonly recentViewers: RecentViewers;
  private readonly recheckMs: number;
  /** Checks of a token under way, shared by its sockets (one statement for an event's many subscribers of one token). */
  private readonly checks = new Map<string, Promise<Viewer | null>>();
  /** Each token's last answer and when its check started: an idle socket's re-check takes one younger than recheckMs. */
  private readonly lastChecks = new Map<string, { at: number; order: number; viewer: Viewer | null }>();
  private checksDone = 0;
  private recheckTimer: NodeJS.Timeout | null = null;
  /** Orders token checks' starts and events' first sights (see `seen`). */
  private clock = 0;
  /** Events' results by when this process first handed them to a socket (see `seen`). */
  private readonly firstSeen = new WeakMap<ExecutionResult, number>();

  constructor(private readonly options: WebSocketOptions) {
    this.gateway = options.gateway;
    this.logger = options.gateway.logger;
    this.limits = options.gateway.config.limits;
    this.authenticate = options.authenticate;
    this.recentViewers = options.recentViewers;
    this.recheckMs = options.gateway.config.tokenRecheckMs ?? DEFAULT_TOKEN_RECHECK_MS;
  }

  /** A new socket is refused while the server drains (503) and past the sockets allowed per address (429). */
  verifyClient(request: IncomingMessage, done: (result: boolean, code?: number, message?: string) => void): void {
    if (this.options.draining()) return done(false, 503, 'Server shutting down');
    if ((this.socketsByAddress.get(addressOf(request)) ?? 0) >= this.limits.maxSocketsPerAddress) {
      this.logger.warn({ address: addressOf(request) }, 'too many WebSockets from one address');
      return done(false, 429, 'Too many WebSocket connections from this address');
    }
    done(true);
  }

  /** A socket accepted: counted against its address until it closes; protocol errors logged in one line. */
  opened(socket: WebSocket, request: IncomingMessage): void {
    const address = addressOf(request);
    this.socketsByAddress.set(address, (this.socketsByAddress.get(address) ?? 0) + 1);
    // ws closes the socket itself on a protocol error (1009 for a message over maxPayload, 1007…): one
    // warning line.
    socket.on('error', (err) => this.logger.warn({ address, reason: err.message }, 'WebSocket closed on a protocol error'));
    socket.once('close', () => this.closed(socket, address));
  }

  /** A socket closed: its address, subscriptions and operations are no longer counted, its timer stops. */
  private closed(socket: WebSocket, address: string): void {
    decrement(this.socketsByAddress, address);
    const state = this.states.get(socket);
    if (state) {
      for (const id of [...state.contexts.keys()]) this.release(state, id);
      state.operations = null;
      this.allStates.delete(state);
    }
  }

  /** graphql-ws's connection_init: the token is checked, then the socket's state kept (false: closed with 4403). */
  async connect(socket: WebSocket, request: IncomingMessage, params: Record<string, unknown>): Promise<boolean> {
    let token: string | null;
    let viewer: Viewer;
    try {
      token = this.options.bearerToken(authorizationOf(params));
      viewer = await this.options.viewerFor(token);
    } catch {
      return false; // graphql-ws closes with 4403 Forbidden
    }
    const state: SocketState = { socket, address: addressOf(request), token, viewer, contexts: new Map(), operations: null, checking: false, revoked: false };
    if (token && this.authenticate) this.startRechecks();
    this.states.set(socket, state);
    this.allStates.add(state);
    return true;
  }

  /**
   * graphql-ws's subscribe message, checked in this order: the socket's token not refused, the rate limit,
   * the document (parse, validation, variables, limits), the token again (awaited unless a query), the caps.
   */
  async subscribe(socket: WebSocket, id: string, payload: SubscribePayload): Promise<ExecutionArgs | readonly GraphQLError[]> {
    const state = this.states.get(socket);
    if (!state || state.revoked) return [invalidToken()];
    const limited = this.rateLimitErrors(state);
    if (limited) return limited;
    const checked = checkDocument(this.options.schema, payload, this.limits);
    if ('errors' in checked) return checked.errors;
    const { document } = checked;
    const operation = getOperationAST(document, payload.operationName);

    const context = this.contextFor(state);
    if (this.startTokenCheck(state, context) && operation?.operation !== OperationTypeNode.QUERY) {
      const refused = await this.confirmBeforeWrite(socket, state, context);
      if (refused) return refused;
    }

    const capped = this.count(state, id, context, operation?.operation);
    if (capped) return capped;
    return { schema: this.options.schema, document, variableValues: payload.variables, operationName: payload.operationName, contextValue: context };
  }

  /** The rate limit's refusal for this socket's person or address, or null when allowed or off. */
  private rateLimitErrors(state: SocketState): readonly GraphQLError[] | null {
    if (!this.options.rateLimit) return null;
    const decision = this.options.rateLimit(keyOf(state));
    return decision.allowed ? null : [rateLimited(decision)];
  }

  /** A new operation's context, as the viewer of the token's last check (recent viewers first). */
  private contextFor(state: SocketState): Context {
    const requestId = randomUUID();
    // The viewer of the token's last check; this operation checks the token again, with its first
    // reads for a query (no answer leaves before it: onOperation), before anything else otherwise.
    const remembered = state.token ? (this.recentViewers.get(state.token) ?? state.viewer) : state.viewer;
    return new Context(this.gateway, remembered, requestId, this.logger.child({ requestId }));
  }

  /** Starts the token's check for this operation (speculative); false when there is no token to check. */
  private startTokenCheck(state: SocketState, context: Context): boolean {
    const authenticate = this.authenticate;
    if (!state.token || !authenticate) return false;
    const token = state.token;
    context.startSpeculative(
      authenticate(context.em, token).then((viewer) => {
        this.recentViewers.set(token, viewer);
        if (viewer) this.applyViewer(state, viewer);
        return viewer;
      }),
    );
    return true;
  }

  /** Before a mutation or subscription runs: the token confirmed, or the socket closed with 4403 and the error. */
  private async confirmBeforeWrite(socket: WebSocket, state: SocketState, context: Context): Promise<readonly GraphQLError[] | null> {
    try {
      await context.confirmViewer();
      return null;
    } catch (err) {
      if (!isUnauthenticated(err)) throw err;
      this.forbid(socket, state);
      return [err];
    }
  }

  /** The operation counted: a subscription against the caps per socket and per person, or an operation in flight. */
  private count(state: SocketState, id: string, context: Context, type: OperationTypeNode | undefined): readonly GraphQLError[] | null {
    if (type !== OperationTypeNode.SUBSCRIPTION) {
      (state.operations ??= new Set()).add(id);
      return null;
    }
    const { maxSubscriptionsPerSocket, maxSubscriptionsPerPerson } = this.limits;
    if (state.contexts.size >= maxSubscriptionsPerSocket) {
      return [new AppError(ErrorCode.TooComplex, `Trop d'abonnements ouverts sur cette connexion (${maxSubscriptionsPerSocket} au plus).`, { limit: 'subscriptions' })];
    }
    const key = keyOf(state);
    const open = this.subscriptionsByKey.get(key) ?? 0;
    if (open >= maxSubscriptionsPerPerson) {
      return [new AppError(ErrorCode.TooComplex, `Trop d'abonnements ouverts pour ce jeton ou cette adresse (${maxSubscriptionsPerPerson} au plus).`, { limit: 'subscriptionsPerPerson' })];
    }
    this.subscriptionsByKey.set(key, open + 1);
    state.contexts.set(id, context);
    return null;
  }

  /** A query's answer leaves only once its token is confirmed: read again if the roles changed, 4403 if refused. */
  async operation(socket: WebSocket, id: string, args: ExecutionArgs, result: OperationResult): Promise<OperationResult | void> {
    const state = this.states.get(socket);
    const context = args.contextValue as Context;
    if (Symbol.asyncIterator in Object(result)) {
      // A subscription in place: its events run on contexts of their own (server/multiplex.ts), so the unit
      // of work of its start (the token's check, what `subscribe` read) is let go while it idles.
      context.renew();
    } else if (state) this.release(state, id);
    if (!context.viewerUnconfirmed) return;
    try {
      if (await context.confirmViewer()) return executeCompiled(this.options.compiler, args); // roles changed: read again as the new viewer
    } catch (err) {
      if (!isUnauthenticated(err)) throw err;
      if (state) this.forbid(socket, state);
      return { errors: [err] };
    }
  }

  /**
   * A result about to leave: a subscription's event only with its token still valid; errors formatted.
   * Synchronous when the token's check for this event is already answered (every subscriber of a token
   * but the first, for one event): no promise per subscriber then.
   */
  next(socket: WebSocket, id: string, args: ExecutionArgs, result: ExecutionResult): Promise<FormattedExecutionResult | void> | FormattedExecutionResult | void {
    const state = this.states.get(socket);
    // A subscription's event is an answer too: its token is checked again before it leaves, so that
    // a token revoked or expired since the last check receives no more data (the idle timer alone
    // left up to WS_TOKEN_RECHECK_MS of events, contacts included).
    if (state && state.contexts.has(id)) {
      const allowed = this.eventAllowedNow(socket, state, this.seen(result));
      if (allowed === null) return this.eventAllowed(socket, state).then((ok) => this.outgoing(ok, args, result));
      return this.outgoing(allowed, args, result);
    }
    return this.outgoing(true, args, result);
  }

  /** What leaves for an event: the token's refusal, the result's errors formatted, or the result as is (undefined). */
  private outgoing(allowed: boolean, args: ExecutionArgs, result: ExecutionResult): FormattedExecutionResult | void {
    const requestId = (args.contextValue as Context).requestId;
    if (!allowed) return { errors: [formatError(invalidToken().toJSON(), invalidToken(), this.logger, requestId)] };
    if (!result.errors) return;
    return { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e, this.logger, requestId)) };
  }

  /**
   * When this process first handed `result` (one event's shared execution, server/multiplex.ts) to a
   * socket, on the order of `clock`: a token check started later was started after the event was published.
   */
  private seen(result: ExecutionResult): number {
    let at = this.firstSeen.get(result);
    if (at === undefined) this.firstSeen.set(result, (at = ++this.clock));
    return at;
  }

  /**
   * The token's verdict for an event first seen at `seen`, when a check started since has answered (true:
   * allowed; false: refused, the socket closed); null when the token must be checked (eventAllowed).
   */
  private eventAllowedNow(socket: WebSocket, state: SocketState, seen: number): boolean | null {
    if (state.revoked) return false;
    if (!state.token || !this.authenticate) return true;
    const last = this.lastChecks.get(state.token);
    if (!last || last.order < seen) return null;
    if (last.viewer) {
      this.applyViewer(state, last.viewer);
      return true;
    }
    this.forbid(socket, state);
    return false;
  }

  /** graphql-ws's complete: the operation is no longer counted. */
  complete(socket: WebSocket, id: string): void {
    const state = this.states.get(socket);
    if (!state) return;
    this.release(state, id);
    state.operations?.delete(id);
  }

  /** Queries and mutations being executed on any socket. */
  operationsInFlight(): number {
    let n = 0;
    for (const state of this.allStates) n += state.operations?.size ?? 0;
    return n;
  }

  /** Shutdown: no socket's token is checked again. */
  stopTimers(): void {
    if (this.recheckTimer) clearInterval(this.recheckTimer);
    this.recheckTimer = null;
  }

  /**
   * One timer for every socket's idle re-check (a timer per socket weighed on the memory per idle
   * connection): every recheckMs, each socket with a token is checked, those of one token sharing one
   * statement. A socket is so checked at most recheckMs after its last check.
   */
  private startRechecks(): void {
    if (this.recheckTimer) return;
    this.recheckTimer = setInterval(() => {
      for (const state of this.allStates) if (state.token) void this.recheck(state.socket, state);
    }, this.recheckMs);
    this.recheckTimer.unref();
  }

  /** The token of an idle socket, checked again: revoked or expired since closes the socket. */
  private async recheck(socket: WebSocket, state: SocketState): Promise<void> {
    if (!state.token || !this.authenticate || state.checking || state.revoked) return;
    state.checking = true;
    try {
      // Thousands of sockets of one token (a meeting room's screens) share its checks: one at most per recheckMs.
      const last = this.lastChecks.get(state.token);
      const viewer = last && Date.now() - last.at < this.recheckMs ? last.viewer : await this.checkToken(state.token);
      if (viewer) this.applyViewer(state, viewer);
      else this.forbid(socket, state);
    } catch (err) {
      this.logger.warn({ err }, 'WebSocket token re-check failed');
    } finally {
      state.checking = false;
    }
  }

  /** Before a subscription event leaves: the socket's token is still valid (refused: the socket is closed). */
  private async eventAllowed(socket: WebSocket, state: SocketState): Promise<boolean> {
    if (state.revoked) return false;
    if (!state.token || !this.authenticate) return true;
    try {
      const viewer = await this.checkToken(state.token);
      if (viewer) {
        this.applyViewer(state, viewer);
        return true;
      }
    } catch (err) {
      // Not known to be refused: the event is withheld and the client told to reconnect (1011), not 4403.
      this.logger.warn({ err }, 'WebSocket token check before an event failed');
      setImmediate(() => socket.close(1011, 'Token check failed'));
      return false;
    }
    this.forbid(socket, state);
    return false;
  }

  /**
   * The token checked now: a check of the same token already under way (another of its sockets, for the
   * same event) is joined rather than repeated; its answer is at most one round trip old.
   */
  private checkToken(token: string): Promise<Viewer | null> {
    let check = this.checks.get(token);
    if (!check) {
      const at = Date.now();
      const order = ++this.clock;
      check = this.authenticate!(this.gateway.orm.em.fork() as SqlEntityManager, token)
        .then((viewer) => {
          this.recentViewers.set(token, viewer);
          this.rememberCheck(token, at, order, viewer);
          return viewer;
        })
        .finally(() => this.checks.delete(token));
      this.checks.set(token, check);
    }
    return check;
  }

  /** Keeps a token's last answer; now and then forgets those older than recheckMs (tokens no longer in use). */
  private rememberCheck(token: string, at: number, order: number, viewer: Viewer | null): void {
    const last = this.lastChecks.get(token);
    if (last && last.order > order) return; // a later check has answered already
    this.lastChecks.set(token, { at, order, viewer });
    if (++this.checksDone % 1000 !== 0) return;
    for (const [key, last] of this.lastChecks) if (Date.now() - last.at >= this.recheckMs) this.lastChecks.delete(key);
  }

  /** The token's viewer as just checked: open subscriptions push their next events as the new viewer. */
  private applyViewer(state: SocketState, viewer: Viewer): void {
    if (sameViewer(viewer, state.viewer)) return;
    state.viewer = viewer;
    for (const context of state.contexts.values()) {
      context.startSpeculative(Promise.resolve(viewer));
      void context.confirmViewer();
    }
  }

  /** The token refused: the socket is closed with 4403, once, after the answer being sent. */
  private forbid(socket: WebSocket, state: SocketState): void {
    if (state.revoked) return;
    state.revoked = true;
    // After the answer being sent (its error) has left: ws sends in order, close comes last.
    setImmediate(() => socket.close(CLOSE_FORBIDDEN, 'Forbidden'));
  }

  /** A subscription ended: no longer counted against its socket and its person or address. */
  private release(state: SocketState, id: string): void {
    if (!state.contexts.delete(id)) return;
    decrement(this.subscriptionsByKey, keyOf(state));
  }
}

/** Queries and mutations run on the compiled executor, as on HTTP; a query's context is read-only. */
function executeCompiled(compiler: OperationCompiler, args: ExecutionArgs): ReturnType<typeof executeOperation> {
  return executeOperation(compiler, args, getOperationAST(args.document, args.operationName)?.operation);
}

/** Rate limit and subscription caps are per person (any token can create more), anonymous callers per address. */
// Rate and subscription allowances go by person, not by token: any token can create more.
const keyOf = (state: SocketState) => (state.viewer.personId ? `person:${state.viewer.personId}` : `address:${state.address}`);

/** The Authorization value of connection_init's payload: `authorization`, `Authorization`, or a bare `token`. */
function authorizationOf(params: Record<string, unknown>): unknown {
  return params.authorization ?? params.Authorization ?? (params.token ? `Bearer ${typeof params.token === 'string' ? params.token : JSON.stringify(params.token)}` : null);
}

/** The operation's document parsed, validated, and checked against the variables' rules and the operation limits. */
function checkDocument(schema: GraphQLSchema, payload: SubscribePayload, limits: OperationLimits): { document: DocumentNode } | { errors: readonly GraphQLError[] } {
  const parsed = validDocument(schema, payload.query);
  if ('errors' in parsed) return parsed;
  const { document } = parsed;
  try {
    checkVariables(schema, document, payload.variables, payload.operationName);
    checkOperationLimits(schema, document, payload.variables, payload.operationName, limits);
  } catch (err) {
    return { errors: [err instanceof GraphQLError ? err : new AppError(ErrorCode.TooComplex, 'Requête refusée : ses limites n’ont pas pu être vérifiées.')] };
  }
  return { document };
}

/** The token refused (UNAUTHENTICATED); any other error is not the token's and goes on. */
const isUnauthenticated = (err: unknown): err is AppError => err instanceof AppError && err.extensions.code === ErrorCode.Unauthenticated;

/** Errors of a refused operation: a rate limit's as is (its retry delay), any other through the global mask. */
const formatOperationErrors = (errors: readonly GraphQLError[], logger: Logger) => errors.map((e) => (e.extensions?.code === RATE_LIMITED ? e.toJSON() : formatError(e.toJSON(), e, logger)));

type WsExtra = { socket: WebSocket; request: IncomingMessage };

/** Sockets pinged by the keep-alive sweep and not heard from since. */
const awaitingPong = new WeakSet<WebSocket>();
/** A pong (shared by every socket: no closure per socket). */
function heard(this: WebSocket): void {
  awaitingPong.delete(this);
}

/**
 * graphql-ws on `wsServer`, what its `useServer` (graphql-ws/use/ws) does with less per socket, which
 * is what an idle screen costs: one keep-alive sweep for all sockets instead of two timers each, sends
 * without a promise and callback each (a socket that is no longer open drops what is sent, as there).
 * Returns what closes every socket with 1001 and stops the server.
 */
function serveGraphQLWs(wsServer: WebSocketServer, options: ServerOptions<Record<string, unknown>, WsExtra>, logger: Logger): { dispose(): Promise<void> } {
  const server = makeServer<Record<string, unknown>, WsExtra>(options);
  wsServer.options.handleProtocols = handleProtocols;
  const keepAlive = setInterval(() => {
    for (const socket of wsServer.clients) {
      if (socket.readyState !== socket.OPEN) continue;
      if (awaitingPong.has(socket)) {
        socket.terminate();
        continue;
      }
      awaitingPong.add(socket);
      socket.ping();
    }
  }, KEEP_ALIVE_MS);
  keepAlive.unref();
  wsServer.on('connection', (socket: WebSocket, request: IncomingMessage) => {
    socket.on('pong', heard);
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) => {
          if (socket.readyState === socket.OPEN) socket.send(data);
        },
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          socket.on('message', (data) => {
            // ws's default binaryType: every message is one Buffer (fragments joined).
            handle((data as Buffer).toString('utf8')).catch((err: unknown) => {
              logger.error({ err }, 'WebSocket message could not be handled');
              socket.close(CLOSE_INTERNAL_ERROR, 'Internal server error');
            });
          }),
      },
      { socket, request },
    );
    socket.once('close', (code, reason) => void closed(code, String(reason)));
  });
  return {
    dispose: async () => {
      clearInterval(keepAlive);
      for (const client of wsServer.clients) client.close(CLOSE_GOING_AWAY, 'Going away');
      wsServer.removeAllListeners();
      await new Promise<void>((resolve, reject) => wsServer.close((err) => (err ? reject(err) : resolve())));
    },
  };
}

/** One less in a counter by key (address or person); the key goes when its count falls to zero. */
function decrement(counts: Map<string, number>, key: string): void {
  const left = (counts.get(key) ?? 1) - 1;
  if (left > 0) counts.set(key, left);
  else counts.delete(key);
}
