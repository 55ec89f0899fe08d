import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin, type GraphQLRequestListener } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { WebSocketServer } from 'ws';
import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { Viewer, PermissionRegistry } from './auth.js';
import { Context, guardReadOnly, type Gateway } from './context.js';
import { openDatabase, migrate } from './database.js';
import { AppError, ErrorCode, formatError, invalidToken } from './errors.js';
import { EventDispatcher, reactionsOf, type DispatcherOptions } from './events.js';
import { OperationCompiler, errorRequestId, jitGateway, tagError } from './executor.js';
import { ConnectionDrainer, createRequestListener, legacyStatus } from './http.js';
import { checkHttpOperation, directQueries } from './direct.js';
import { moduleRoutes } from './routes.js';
import { defaultScreenDir, screenRoutes } from './screen.js';
import { closeDocuments } from './kit/documents.js';
import { PeriodicTaskRunner, periodicTasksOf } from './kit/periodic.js';
import { failAbandonedJobs, stopJobs } from './kit/jobs.js';
import { removeStaleIncoming } from './kit/files.js';
import { KIT_ENTITIES, KIT_PERIODIC_TASKS, KIT_VISIBILITY } from './kit/tables.js';
import { createLogger, type Logger } from './logger.js';
import { orderModules, type DemoResult, type DemoScale, type ModuleManifest, type NodeFetcher } from './module.js';
import { createPubSubAdapter, type PubSubAdapter } from './pubsub.js';
import { RateLimiter } from './rate-limit.js';
import { buildGatewaySchema } from './schema.js';
import { RecentViewers } from './viewers.js';
import { getMetadataStorage } from 'type-graphql';
import { load } from './kit/loaders.js';
import { VisibilityRules } from './kit/visibility.js';
import { Node } from './relay.js';
import { createWebSocketEndpoint, type Authenticate, type WebSocketEndpoint } from './websocket.js';
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
  /** The modules' periodic tasks: `start()` (main.ts; not in tests unless asked), `run(name)` one now. */
  periodicTasks: PeriodicTaskRunner;
}

/** Schemas by module set: type-graphql's metadata is global, so build once per process and set. */
const schemaCache = new Map<string, Promise<GraphQLSchema>>();

function bearerToken(header: unknown): string | null {
  if (typeof header !== 'string' || header.trim() === '') return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw new AppError(ErrorCode.Unauthenticated, 'En-tête Authorization invalide : attendu « Bearer <jeton> ».', { http: { status: 401 } });
  return match[1]!;
}

/**
 * The gateway: modules in order, their schema (before anything opens: an undeclared permission stops
 * here), the pubsub and event bus, the database ready (migrated, demo loaded), then one HTTP server
 * carrying GraphQL over HTTP and over WebSocket, and what stops it in order.
 */
export async function createApp(config: Config, options: CreateAppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const modules = orderModules(options.available ?? ALL_MODULES, config.modules);
  const permissions = PermissionRegistry.fromModules(modules);
  periodicTasksOf(modules); // a periodic task misnamed or named twice stops here, before the database opens
  reactionsOf(modules); // so does a reaction to the events of a module this one does not depend on
  const schema = await schemaOf(modules, permissions);
  const authenticate = authenticatorOf(modules);
  const pubSub = await createPubSubAdapter(config.redisUrl, logger);
  const events = eventDispatcherOf(modules, logger, pubSub, options.events);
  const { orm, demoLines } = await readyDatabase(config, options, modules, logger).catch(async (err: unknown) => {
    await pubSub.close();
    throw err;
  });
  const gateway: Gateway = {
    config,
    logger,
    orm,
    modules,
    permissions,
    events,
    pubSub: pubSub.pubSub,
    nodes: nodeFetchers(modules),
    visibility: new VisibilityRules([...KIT_VISIBILITY, ...modules.flatMap((m) => m.visibility ?? [])]),
  };
  const server = await serve(gateway, schema, authenticate);
  return appHandle(gateway, schema, pubSub, demoLines, server);
}

/** The schema of this module set, built once per process (type-graphql's metadata is global). */
function schemaOf(modules: readonly ModuleManifest[], permissions: PermissionRegistry): Promise<GraphQLSchema> {
  const key = modules.map((m) => m.name).join(',');
  let schema = schemaCache.get(key);
  if (!schema) {
    schema = buildGatewaySchema({ modules, permissions });
    schemaCache.set(key, schema);
  }
  return schema;
}

/** The one module that resolves bearer tokens to viewers, if any; two are refused. */
function authenticatorOf(modules: readonly ModuleManifest[]): Authenticate | null {
  const authenticators = modules.filter((m) => m.authenticate);
  if (authenticators.length > 1) throw new Error(`Only one module may authenticate; found ${authenticators.map((m) => m.name).join(', ')}`);
  return authenticators[0]?.authenticate ?? null;
}

/** The durable events' dispatcher with every module's subscribers (it starts delivering at `listen`). */
function eventDispatcherOf(modules: readonly ModuleManifest[], logger: Logger, pubSub: PubSubAdapter, options: DispatcherOptions | undefined): EventDispatcher {
  const events = new EventDispatcher(logger, pubSub.pubSub, options);
  for (const m of modules) events.subscribe(m.name, m.subscribers ?? []);
  return events;
}

/**
 * `node(id)` fetchers by type: each entity whose GraphQL type implements Node is loaded by key through
 * the kit (its visibility applied), unless its module gives a fetcher of its own.
 */
function nodeFetchers(modules: readonly ModuleManifest[]): Map<string, NodeFetcher> {
  const storage = getMetadataStorage() as unknown as { objectTypes: { target: Function; name: string; interfaceClasses?: Function[] }[] };
  const nodes = new Map<string, NodeFetcher>();
  for (const m of [{ entities: KIT_ENTITIES }, ...modules]) {
    for (const entity of m.entities) {
      const type = storage.objectTypes.find((t) => t.target === entity);
      if (type?.interfaceClasses?.includes(Node)) nodes.set(type.name, (ctx, id) => load(ctx, entity, id));
    }
  }
  for (const m of modules) for (const [type, fetch] of Object.entries(m.nodes ?? {})) nodes.set(type, fetch);
  return nodes;
}

/** The database opened, migrated (unless told not to) and with the demo data when asked; closed again on failure. */
async function readyDatabase(config: Config, options: CreateAppOptions, modules: readonly ModuleManifest[], logger: Logger): Promise<{ orm: MikroORM; demoLines: string[] }> {
  const orm = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    entities: modules.flatMap((m) => m.entities),
    onQuery: options.onQuery,
  });
  guardReadOnly(orm); // a query that writes is refused (Context.readOnly)
  try {
    if (options.migrate !== false) {
      const applied = await migrate(orm);
      if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated');
      // Background jobs a process that is gone left queued or running end failed (server/kit/jobs.ts).
      const abandoned = await failAbandonedJobs(orm, config.databaseUrl !== null);
      if (abandoned > 0) logger.warn({ jobs: abandoned }, 'background jobs left by a stopped process marked failed');
      const incoming = await removeStaleIncoming(config.filesDir); // parts of uploads a crash cut short
      if (incoming > 0) logger.warn({ files: incoming }, 'unfinished uploads removed');
    }
    const demoLines = config.demo ? await loadDemo(modules, orm, logger, options.demoScale ?? null) : [];
    return { orm, demoLines };
  } catch (err) {
    await orm.close(true);
    throw err;
  }
}

/** Runs each module's demo loader in order; returns the lines they want shown (demo tokens). */
async function loadDemo(modules: readonly ModuleManifest[], orm: MikroORM, logger: Logger, scale: DemoScale | null): Promise<string[]> {
  const lines: string[] = [];
  for (const m of modules) {
    if (!m.demo) continue;
    const em = orm.em.fork() as SqlEntityManager;
    const begun = Date.now();
    const result: DemoResult | void = await m.demo({ em, logger, scale });
    logger.debug({ module: m.name, ms: Date.now() - begun }, 'demo data loaded');
    if (result?.lines) lines.push(...result.lines);
  }
  return lines;
}

/** Who calls: bearer tokens resolved to viewers, remembered so that a known token's check rides with the first reads. */
interface ViewerAccess {
  recentViewers: RecentViewers;
  viewerFor: (token: string | null) => Promise<Viewer>;
  httpContext(token: string | null, requestId: string): Promise<Context>;
  httpRateKey(authorization: string | undefined, address: string): string;
}

/** Resolves tokens to viewers and builds HTTP operations' contexts. */
function viewerAccess(gateway: Gateway, authenticate: Authenticate | null): ViewerAccess {
  const recentViewers = new RecentViewers();
  async function viewerFor(token: string | null): Promise<Viewer> {
    if (!token) return Viewer.anonymous();
    const viewer = authenticate ? await authenticate(gateway.orm.em.fork() as SqlEntityManager, token) : null;
    recentViewers.set(token, viewer);
    if (!viewer) throw invalidToken();
    return viewer;
  }

  /** An HTTP operation's context; with a token seen before, its check rides with the first reads. */
  async function httpContext(token: string | null, requestId: string): Promise<Context> {
    const log = gateway.logger.child({ requestId });
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

  /**
   * An HTTP request's rate-limit key: the token's id when the token is one this process has seen valid
   * (remembered viewers), else the client's address, so random tokens cannot make buckets at will.
   */
  function httpRateKey(authorization: string | undefined, address: string): string {
    const match = typeof authorization === 'string' ? /^\s*Bearer\s+(\S+)\s*$/i.exec(authorization) : null;
    // By person, not by token: any token can create more, and each would otherwise bring a new allowance.
    const personId = match ? recentViewers.get(match[1]!)?.personId : null;
    return personId ? `person:${personId}` : `address:${address}`;
  }

  return { recentViewers, viewerFor, httpContext, httpRateKey };
}

/** What serves: the HTTP server and its drain, the WebSocket endpoint and Apollo. */
interface Serving {
  httpServer: Server;
  drainer: ConnectionDrainer;
  ws: WebSocketEndpoint;
  apollo: ApolloServer<Context>;
}

/** One HTTP server for GraphQL over HTTP (Apollo, behind Express) and over WebSocket (graphql-ws), on /graphql. */
/**
 * Closes at once a connection past `max` open ones from the same address: one client holding thousands of
 * idle kept-alive sockets would otherwise use up the process's file descriptors for everyone.
 */
function capConnectionsPerAddress(server: Server, max: number, logger: Logger): void {
  const open = new Map<string, number>();
  let warned = 0;
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? '';
    const count = (open.get(address) ?? 0) + 1;
    if (count > max) {
      if (Date.now() - warned > 60_000) {
        warned = Date.now();
        logger.warn({ address, max }, 'connections refused: too many open from one address (MAX_CONNECTIONS_PER_ADDRESS)');
      }
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}

async function serve(gateway: Gateway, schema: GraphQLSchema, authenticate: Authenticate | null): Promise<Serving> {
  const { config, logger } = gateway;
  const viewers = viewerAccess(gateway, authenticate);
  // One compiled executor for HTTP and WebSocket operations.
  const compiler = new OperationCompiler(schema);
  // Idle keep-alive connections stay open longer than clients' and proxies' own idle limits (undici 4 s,
  // nginx 60 s): the client closes first, and never writes a request on a socket the server is closing
  // (ECONNRESET, seen under load with Node's default of 5 s). The drainer closes idle ones at shutdown.
  const httpServer = createServer({ keepAliveTimeout: 65_000 });
  httpServer.headersTimeout = 66_000;
  capConnectionsPerAddress(httpServer, config.limits.maxConnectionsPerAddress, logger);
  const drainer = new ConnectionDrainer(httpServer);
  const draining = () => drainer.isDraining;
  const limits = config.limits;
  const rateLimiter = limits.rateLimit > 0 ? new RateLimiter(limits.rateLimit, limits.rateLimitWindowSeconds * 1000) : null;

  const ws = createWebSocketEndpoint({
    httpServer,
    schema,
    compiler,
    gateway,
    authenticate,
    recentViewers: viewers.recentViewers,
    viewerFor: viewers.viewerFor,
    bearerToken,
    rateLimit: rateLimiter ? (key) => rateLimiter.take(key) : null,
    draining,
  });

  const apollo = await startApollo(schema, compiler, config, logger);
  const listener = createRequestListener({
    apollo,
    orm: gateway.orm,
    logger,
    maxBodyBytes: limits.maxBodyBytes,
    draining,
    rateLimit: rateLimiter ? (authorization, address) => rateLimiter.take(viewers.httpRateKey(authorization, address)) : null,
    context: (req, requestId) => viewers.httpContext(bearerToken(req.headers.authorization), requestId),
    directQuery: directQueries({ schema, compiler, config, logger }),
    routes: moduleRoutes({
      modules: gateway.modules,
      logger,
      context: (req, requestId) => viewers.httpContext(bearerToken(req.headers.authorization), requestId),
    }),
    screen: screenRoutes(config.screenDir ?? defaultScreenDir()),
  });
  httpServer.on('request', listener);
  return { httpServer, drainer, ws, apollo };
}

/** Apollo on graphql-jit, with the operation checks of `operationPlugin`; errors masked by `formatError`. */
async function startApollo(schema: GraphQLSchema, compiler: OperationCompiler, config: Config, logger: Logger): Promise<ApolloServer<Context>> {
  const apollo = new ApolloServer<Context>({
    gateway: jitGateway(compiler),
    introspection: true,
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false,
    csrfPrevention: true,
    formatError: (formatted, error) => formatError(formatted, error, logger, errorRequestId(error)),
    // No drain plugin: close() drains the HTTP server and the WebSockets itself, in order.
    plugins: [ApolloServerPluginCacheControlDisabled(), operationPlugin(schema, config, logger)],
  });
  await apollo.start();
  return apollo;
}

/** Checks each HTTP operation (variables, limits, no subscription), confirms its viewer before answering, tags its errors. */
function operationPlugin(schema: GraphQLSchema, config: Config, logger: Logger): ApolloServerPlugin<Context> {
  const debug = logger.isLevelEnabled('debug');
  return {
    async requestDidStart({ request }) {
      const started = debug ? performance.now() : 0;
      return {
        async willSendResponse({ contextValue, operationName, errors, response }) {
          await confirmViewerBeforeAnswer(contextValue, response);
          legacyStatus(request.http?.headers.get('accept'), response);
          if (debug) contextValue.logger.debug({ operationName, errors: errors?.length ?? 0, ms: Math.round(performance.now() - started) }, 'operation');
        },
        async didResolveOperation({ document, request, operationName, operation }) {
          checkHttpOperation(schema, config, document, request.variables, operationName, operation?.operation);
        },
        async didEncounterErrors({ errors, contextValue }) {
          // Request ids travel on the errors so formatError shows them without AsyncLocalStorage,
          // whose promise hooks would slow every request.
          for (const error of errors) tagError(error.originalError ?? error, contextValue.requestId);
        },
      };
    },
  };
}

type ApolloResponse = Parameters<NonNullable<GraphQLRequestListener<Context>['willSendResponse']>>[0]['response'];

/**
 * A remembered viewer whose operation ended before execution (parse, validation or limit errors): its
 * token check is awaited here, so nothing leaves before it either; a token found invalid answers 401.
 */
async function confirmViewerBeforeAnswer(ctx: Context, response: ApolloResponse): Promise<void> {
  if (!ctx.viewerUnconfirmed) return;
  try {
    await ctx.confirmViewer();
  } catch (err) {
    if (!(err instanceof AppError) || err.extensions.code !== ErrorCode.Unauthenticated) throw err;
    response.http.status = 401;
    response.body = { kind: 'single', singleResult: { errors: [{ message: err.message, extensions: { code: ErrorCode.Unauthenticated } }] } };
  }
}

/** The running app as its callers see it: listen, close in order, contexts for scripts. */
function appHandle(gateway: Gateway, schema: GraphQLSchema, pubSub: PubSubAdapter, demoLines: string[], server: Serving): App {
  const { config, logger } = gateway;
  const periodicTasks = new PeriodicTaskRunner(gateway, KIT_PERIODIC_TASKS);
  let closed = false;
  return {
    gateway,
    schema,
    httpServer: server.httpServer,
    pubSub,
    wsServer: server.ws.wsServer,
    demoLines,
    periodicTasks,
    contextFor: (viewer) => new Context(gateway, viewer, randomUUID(), logger),
    listen: async () => {
      const url = await listen(server.httpServer, config);
      // Event delivery starts with the server: what was committed and not delivered (a crash, a stop)
      // first, then each commit's events. Scripts that never listen leave events in the table.
      gateway.events.start(gateway);
      return url;
    },
    close: async (options = {}) => {
      if (closed) return { cut: 0 };
      closed = true;
      const cut = await drain(server, logger, options.graceMs ?? config.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS);
      await server.apollo.stop();
      // Then periodic tasks and background jobs (those under way get a few seconds), event delivery (the step under way ends;
      // the rest waits in the table), the database and Redis.
      await periodicTasks.stop();
      await stopJobs(gateway);
      await gateway.events.stop();
      await closeDocuments(); // the PDF browser, if one was launched
      await gateway.orm.close(true);
      await pubSub.close();
      return { cut };
    },
  };
}

/** Listens on config.port (0 picks a free port) and resolves to the GraphQL URL. */
function listen(httpServer: Server, config: Config): Promise<string> {
  return new Promise((resolveUrl, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => {
      const { port } = httpServer.address() as AddressInfo;
      const host = config.host.includes(':') ? `[${config.host}]` : config.host;
      resolveUrl(`http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/graphql`);
    });
  });
}

/** Stops accepting, answers what was received within `graceMs`, closes WebSockets; returns the connections cut. */
async function drain({ drainer, ws }: Serving, logger: Logger, graceMs: number): Promise<number> {
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
  return cut;
}
