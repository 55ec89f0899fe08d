import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError, OperationTypeNode, getOperationAST, parse, validate, type DocumentNode, type ExecutionArgs, type GraphQLSchema } from 'graphql';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { Viewer, PermissionRegistry } from './auth.js';
import { Context, type Gateway } from './context.js';
import { openDatabase, migrate } from './database.js';
import { AppError, ErrorCode, formatError, invalidToken } from './errors.js';
import { EventBus } from './events.js';
import { checkOperationLimits } from './limits.js';
import { errorRequestId, jitGateway, tagError } from './executor.js';
import { createLogger, type Logger } from './logger.js';
import { orderModules, type DemoResult, type DemoScale, type ModuleManifest, type NodeFetcher } from './module.js';
import { createPubSubAdapter, type PubSubAdapter } from './pubsub.js';
import { buildGatewaySchema } from './schema.js';
import { checkVariables } from './validation.js';
import { RecentViewers } from './viewers.js';
import type { Config } from './config.js';
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
}

export interface App {
  gateway: Gateway;
  schema: GraphQLSchema;
  httpServer: Server;
  pubSub: PubSubAdapter;
  /** Lines the demo loaders want shown (demo tokens). */
  demoLines: string[];
  /** Listens on config.port (0 picks a free port) and resolves to the GraphQL URL. */
  listen(): Promise<string>;
  /** Drains HTTP and WebSocket, then closes the ORM and Redis. */
  close(): Promise<void>;
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
  const events = new EventBus(logger, pubSub.pubSub);
  for (const m of modules) for (const s of m.subscribers ?? []) events.subscribe(s);

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
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });

  const debug = logger.isLevelEnabled('debug');
  const limitsPlugin: ApolloServerPlugin<Context> = {
    async requestDidStart() {
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
          if (debug) contextValue.logger.debug({ operationName, errors: errors?.length ?? 0, ms: Math.round(performance.now() - started) }, 'operation');
        },
        async didResolveOperation({ document, request, operationName }) {
          checkVariables(schema, document, request.variables, operationName);
          checkOperationLimits(schema, document, request.variables, operationName, config.limits);
        },
        async didEncounterErrors({ errors, contextValue }) {
          // Request ids travel on the errors so formatError shows them without AsyncLocalStorage,
          // whose promise hooks would slow every request.
          for (const error of errors) tagError(error.originalError ?? error, contextValue.requestId);
        },
      };
    },
  };

  const wsCleanup = useServer<Record<string, unknown>, { viewer?: Viewer; subscriptions?: number }>(
    {
      schema,
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const raw = params.authorization ?? params.Authorization ?? (params.token ? `Bearer ${String(params.token)}` : null);
        try {
          ctx.extra.viewer = await viewerFor(bearerToken(raw));
          ctx.extra.subscriptions = 0;
          return true;
        } catch {
          return false; // graphql-ws closes with 4403 Forbidden
        }
      },
      onSubscribe: (ctx, id, payload): ExecutionArgs | readonly GraphQLError[] => {
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
          checkOperationLimits(schema, document, payload.variables, payload.operationName, config.limits);
        } catch (err) {
          return [err as GraphQLError];
        }
        const operation = getOperationAST(document, payload.operationName);
        if (operation?.operation === OperationTypeNode.SUBSCRIPTION) {
          if ((ctx.extra.subscriptions ?? 0) >= config.limits.maxSubscriptionsPerSocket) {
            return [new AppError(ErrorCode.TooComplex, `Trop d'abonnements ouverts sur cette connexion (${config.limits.maxSubscriptionsPerSocket} au plus).`, { limit: 'subscriptions' })];
          }
          ctx.extra.subscriptions = (ctx.extra.subscriptions ?? 0) + 1;
          (ctx.extra as unknown as Record<string, unknown>)[`sub:${id}`] = true;
        }
        const requestId = randomUUID();
        return {
          schema,
          document,
          variableValues: payload.variables,
          operationName: payload.operationName,
          contextValue: new Context(gateway, ctx.extra.viewer ?? Viewer.anonymous(), requestId, logger.child({ requestId })),
        };
      },
      onNext: (_ctx, _id, _payload, args, result) => {
        if (!result.errors) return;
        const requestId = (args.contextValue as Context).requestId;
        return { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e, logger, requestId)) };
      },
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => formatError(e.toJSON(), e, logger)),
      onComplete: (ctx, id) => {
        const extra = ctx.extra as unknown as Record<string, unknown>;
        if (extra[`sub:${id}`]) {
          delete extra[`sub:${id}`];
          ctx.extra.subscriptions = Math.max(0, (ctx.extra.subscriptions ?? 1) - 1);
        }
      },
    },
    wsServer,
  );

  const apollo = new ApolloServer<Context>({
    gateway: jitGateway(schema),
    introspection: true,
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false,
    csrfPrevention: true,
    formatError: (formatted, error) => formatError(formatted, error, logger, errorRequestId(error)),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginCacheControlDisabled(),
      limitsPlugin,
      { async serverWillStart() { return { async drainServer() { await wsCleanup.dispose(); } }; } },
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // No ETag: GraphQL answers POSTs, which no cache revalidates, and hashing each body cost CPU.
  app.set('etag', false);
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await orm.em.fork().getConnection().execute('select 1');
      res.json({ status: 'ready', database: 'ok' });
    } catch (err) {
      logger.warn({ err }, 'readiness check failed');
      res.status(503).json({ status: 'unavailable', database: 'unreachable' });
    }
  });
  app.use('/graphql', (req, res, next) => {
    const header = req.headers['x-request-id'];
    const requestId = typeof header === 'string' && /^[\w.-]{1,64}$/.test(header) ? header : randomUUID();
    res.setHeader('x-request-id', requestId);
    next();
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = String(res.getHeader('x-request-id') ?? randomUUID());
        return httpContext(bearerToken(req.headers.authorization), requestId);
      },
    }),
  );
  httpServer.on('request', app);

  let closed = false;
  return {
    gateway,
    schema,
    httpServer,
    pubSub,
    demoLines,
    contextFor: (viewer) => new Context(gateway, viewer, randomUUID(), logger),
    listen: () =>
      new Promise((resolveUrl, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.port, config.host, () => {
          const { port } = httpServer.address() as AddressInfo;
          const host = config.host.includes(':') ? `[${config.host}]` : config.host;
          resolveUrl(`http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/graphql`);
        });
      }),
    close: async () => {
      if (closed) return;
      closed = true;
      for (const client of wsServer.clients) client.close(1001, 'Server shutting down');
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((r) => httpServer.close(() => r()));
      wsServer.close();
      await orm.close(true);
      await pubSub.close();
    },
  };
}
