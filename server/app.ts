import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError, OperationTypeNode, type GraphQLSchema } from 'graphql';
import type { WebSocketServer } from 'ws';
import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { Viewer, PermissionRegistry } from './auth.js';
import { Context, guardReadOnly, type Gateway } from './context.js';
import { openDatabase, migrate } from './database.js';
import { AppError, ErrorCode, formatError, invalidToken } from './errors.js';
import { EventDispatcher, type DispatcherOptions } from './events.js';
import { checkOperationLimits } from './limits.js';
import { OperationCompiler, errorRequestId, jitGateway, tagError } from './executor.js';
import { ConnectionDrainer, createHttpApp, legacyStatus } from './http.js';
import { createLogger, type Logger } from './logger.js';
import { orderModules, type DemoResult, type DemoScale, type ModuleManifest, type NodeFetcher } from './module.js';
import { createPubSubAdapter, type PubSubAdapter } from './pubsub.js';
import { RateLimiter } from './rate-limit.js';
import { buildGatewaySchema } from './schema.js';
import { checkVariables } from './validation.js';
import { RecentViewers } from './viewers.js';
import { createWebSocketEndpoint } from './websocket.js';
import { DEFAULT_SHUTDOWN_GRACE_MS, type Config } from './config.js';
import { ALL_MODULES } from '../modules/index.js';

export interface CreateAppOptions {
  /** Available modules (all of modules/ by default). */
  available?: readonly ModuleManifest[];
  /** Counts SQL statements (tests, benchmarks). */
  onQuery?: (sql: string) => void;
  /** Scale of the demo data when `config.demo` is on. */
  demoScale?: DemoScale | null;
  /** Apply migrations at start (default true). */
  migrate?: boolean;
  logger?: Logger;
  /** How durable events are delivered (tests shorten the delays, or stop delivery: server/events.ts). */
  events?: DispatcherOptions;
}

export interface App {
  gateway: Gateway;
  schema: GraphQLSchema;
  httpServer: Server;
  pubSub: PubSubAdapter;
  /** Lines the demo loaders want shown (demo tokens). */
  demoLines: string[];
  /** The WebSocket server (graphql-ws) on /graphql. */
  wsServer: WebSocketServer;
  /** Listens on config.port (0 picks a free port), starts event delivery, and resolves to the GraphQL URL. */
  listen(): Promise<string>;
  /**
   * Stops accepting, answers what was received (within `graceMs`, SHUTDOWN_GRACE_MS by default), closes
   * WebSockets with 1001, then the ORM and Redis. `cut` counts connections cut when the grace ran out.
   */
  close(options?: { graceMs?: number }): Promise<{ cut: number }>;
  /** A context as a given viewer, for scripts and tests. */
  contextFor(viewer: Viewer): Context;
}

/** Schemas by module set: type-graphql's metadata is global, so build once per process and set. */
const schemaCache = new Map<string, Promise<GraphQLSchema>>();

function bearerToken(header: unknown): string | null {
  if (typeof header !== 'string' || header.trim() === '') return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw new AppError(ErrorCode.Unauthenticated, "En-tête Authorization invalide : attendu « Bearer <jeton> ».", { http: { status: 401 } });
  return match[1]!;
}

export async function createApp(config: Config, options: CreateAppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const modules = orderModules(options.available ?? ALL_MODULES, config.modules);

  const permissions = new PermissionRegistry();
  for (const m of modules) if (m.permissions) permissions.register(m.name, m.permissions);

  const nodes = new Map<string, NodeFetcher>();
  for (const m of modules) for (const [type, fetch] of Object.entries(m.nodes ?? {})) nodes.set(type, fetch);

  const authenticators = modules.filter((m) => m.authenticate);
  if (authenticators.length > 1) throw new Error(`Only one module may authenticate; found ${authenticators.map((m) => m.name).join(', ')}`);
  const authenticate = authenticators[0]?.authenticate ?? null;

  const pubSub = await createPubSubAdapter(config.redisUrl, logger);
  const events = new EventDispatcher(logger, pubSub.pubSub, options.events);
  for (const m of modules) events.subscribe(m.name, m.subscribers ?? []);

  let orm: MikroORM;
  try {
    orm = await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      entities: modules.flatMap((m) => m.entities),
      onQuery: options.onQuery,
    });
  } catch (err) {
    await pubSub.close();
    throw err;
  }

  guardReadOnly(orm); // a query that writes is refused (Context.readOnly)

  const demoLines: string[] = [];
  try {
    if (options.migrate !== false) {
      const applied = await migrate(orm);
      if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated');
    }
    if (config.demo) {
      for (const m of modules) {
        if (!m.demo) continue;
        const em = orm.em.fork() as SqlEntityManager;
        const result: DemoResult | void = await m.demo({ em, logger, scale: options.demoScale ?? null });
        if (result?.lines) demoLines.push(...result.lines);
      }
    }
  } catch (err) {
    await orm.close(true);
    await pubSub.close();
    throw err;
  }

  const gateway: Gateway = { config, logger, orm, modules, permissions, events, pubSub: pubSub.pubSub, nodes };

  const key = modules.map((m) => m.name).join(',');
  let schemaPromise = schemaCache.get(key);
  if (!schemaPromise) {
    schemaPromise = buildGatewaySchema({ modules, permissions });
    schemaCache.set(key, schemaPromise);
  }
  const schema = await schemaPromise;
  // One compiled executor for HTTP and WebSocket operations.
  const compiler = new OperationCompiler(schema);

  const recentViewers = new RecentViewers();
  async function viewerFor(token: string | null): Promise<Viewer> {
    if (!token) return Viewer.anonymous();
    const viewer = authenticate ? await authenticate(orm.em.fork() as SqlEntityManager, token) : null;
    recentViewers.set(token, viewer);
    if (!viewer) throw invalidToken();
    return viewer;
  }

  /** An HTTP operation's context; with a token seen before, its check rides with the first reads. */
  async function httpContext(token: string | null, requestId: string): Promise<Context> {
    const log = logger.child({ requestId });
    const remembered = token && authenticate ? recentViewers.get(token) : undefined;
    if (!token || !remembered) return new Context(gateway, await viewerFor(token), requestId, log);
    const ctx = new Context(gateway, remembered, requestId, log);
    ctx.startSpeculative(
      authenticate!(ctx.em, token).then((viewer) => {
        recentViewers.set(token, viewer);
        return viewer;
      }),
    );
    return ctx;
  }

  const httpServer = createServer();
  const drainer = new ConnectionDrainer(httpServer);
  const draining = () => drainer.isDraining;

  const limits = config.limits;
  const rateLimiter = limits.rateLimit > 0 ? new RateLimiter(limits.rateLimit, limits.rateLimitWindowSeconds * 1000) : null;
  /**
   * An HTTP request's rate-limit key: the token's id when the token is one this process has seen valid
   * (remembered viewers), else the client's address, so random tokens cannot make buckets at will.
   */
  const httpRateKey = (authorization: string | undefined, address: string): string => {
    const match = typeof authorization === 'string' ? /^\s*Bearer\s+(\S+)\s*$/i.exec(authorization) : null;
    // By person, not by token: any token can create more, and each would otherwise bring a new allowance.
    const personId = match ? recentViewers.get(match[1]!)?.personId : null;
    return personId ? `person:${personId}` : `address:${address}`;
  };

  const ws = createWebSocketEndpoint({
    httpServer,
    schema,
    compiler,
    gateway,
    authenticate,
    recentViewers,
    viewerFor,
    bearerToken,
    rateLimit: rateLimiter ? (key) => rateLimiter.take(key) : null,
    draining,
  });

  const debug = logger.isLevelEnabled('debug');
  const limitsPlugin: ApolloServerPlugin<Context> = {
    async requestDidStart({ request }) {
      const started = debug ? performance.now() : 0;
      return {
        async willSendResponse({ contextValue, operationName, errors, response }) {
          // A remembered viewer whose operation ended before execution (parse, validation or limit
          // errors): its token check is awaited here, so nothing leaves before it either.
          if (contextValue.viewerUnconfirmed) {
            try {
              await contextValue.confirmViewer();
            } catch (err) {
              if (!(err instanceof AppError) || err.extensions.code !== ErrorCode.Unauthenticated) throw err;
              response.http.status = 401;
              response.body = { kind: 'single', singleResult: { errors: [{ message: err.message, extensions: { code: ErrorCode.Unauthenticated } }] } };
            }
          }
          legacyStatus(request.http?.headers.get('accept'), response);
          if (debug) contextValue.logger.debug({ operationName, errors: errors?.length ?? 0, ms: Math.round(performance.now() - started) }, 'operation');
        },
        async didResolveOperation({ document, request, operationName, operation }) {
          if (operation?.operation === OperationTypeNode.SUBSCRIPTION) {
            throw new GraphQLError('Les abonnements passent par WebSocket (protocole graphql-ws, même adresse /graphql), pas par HTTP.', {
              extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
            });
          }
          try {
            checkVariables(schema, document, request.variables, operationName);
            checkOperationLimits(schema, document, request.variables, operationName, config.limits);
          } catch (err) {
            // The client's operation is refused: a client error (400), not the server's (500).
            if (err instanceof GraphQLError) throw new GraphQLError(err.message, { extensions: { ...err.extensions, http: { status: 400 } } });
            throw err;
          }
        },
        async didEncounterErrors({ errors, contextValue }) {
          // Request ids travel on the errors so formatError shows them without AsyncLocalStorage,
          // whose promise hooks would slow every request.
          for (const error of errors) tagError(error.originalError ?? error, contextValue.requestId);
        },
      };
    },
  };

  const apollo = new ApolloServer<Context>({
    gateway: jitGateway(compiler),
    introspection: true,
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false,
    csrfPrevention: true,
    formatError: (formatted, error) => formatError(formatted, error, logger, errorRequestId(error)),
    // No drain plugin: close() drains the HTTP server and the WebSockets itself, in order.
    plugins: [ApolloServerPluginCacheControlDisabled(), limitsPlugin],
  });
  await apollo.start();

  const app = createHttpApp({
    apollo,
    orm,
    logger,
    maxBodyBytes: limits.maxBodyBytes,
    draining,
    rateLimit: rateLimiter ? (authorization, address) => rateLimiter.take(httpRateKey(authorization, address)) : null,
    context: (req, requestId) => httpContext(bearerToken(req.headers.authorization), requestId),
  });
  httpServer.on('request', app);

  let closed = false;
  return {
    gateway,
    schema,
    httpServer,
    pubSub,
    wsServer: ws.wsServer,
    demoLines,
    contextFor: (viewer) => new Context(gateway, viewer, randomUUID(), logger),
    listen: () =>
      new Promise((resolveUrl, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.port, config.host, () => {
          const { port } = httpServer.address() as AddressInfo;
          const host = config.host.includes(':') ? `[${config.host}]` : config.host;
          // Event delivery starts with the server: what was committed and not delivered (a crash, a
          // stop) first, then each commit's events. Scripts that never listen leave events in the table.
          events.start(gateway);
          resolveUrl(`http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/graphql`);
        });
      }),
    close: async (options = {}) => {
      if (closed) return { cut: 0 };
      closed = true;
      const graceMs = options.graceMs ?? config.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS;
      const deadline = Date.now() + graceMs;
      // 1. No new connections; readiness answers 503 from now on; idle kept-alive connections close.
      drainer.stopAccepting();
      logger.info({ requests: drainer.requestsInFlight, webSocketOperations: ws.operationsInFlight(), graceMs }, 'not accepting connections any more; answering those in flight');
      // 2. What was received is answered: HTTP requests and WebSocket queries and mutations in flight.
      await drainer.waitFor(() => drainer.idle() && ws.operationsInFlight() === 0, deadline);
      // 3. WebSockets close with 1001 Going away (clients reconnect elsewhere).
      await Promise.race([ws.close(), new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - Date.now())).unref())]);
      // 4. Every connection has closed (the last bytes of large answers have left), or the grace is over.
      await drainer.waitFor(drainer.closed, deadline);
      const cut = drainer.destroyAll();
      if (cut > 0) logger.warn({ connections: cut, graceMs }, 'shutdown grace period over: connections cut');
      await apollo.stop();
      // 5. Then event delivery (the step under way ends; the rest waits in the table), the database and Redis.
      await events.stop();
      await orm.close(true);
      await pubSub.close();
      return { cut };
    },
  };
}
