import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/core';
import type { Context } from './context.js';
import type { Logger } from './logger.js';
import { sendRouteError } from './routes.js';
import { RATE_LIMITED, rateLimitHeaders, type RateDecision } from './rate-limit.js';
import { MEDIA_GRAPHQL_RESPONSE, answerMediaType, type DirectQuery } from './direct.js';

/** Codes of the errors answered before GraphQL runs (the body could not be read). */
export const HttpErrorCode = {
  BadRequest: 'BAD_REQUEST',
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  RateLimited: RATE_LIMITED,
  Internal: 'INTERNAL_SERVER_ERROR',
} as const;

export interface HttpAppOptions {
  apollo: ApolloServer<Context>;
  orm: MikroORM;
  logger: Logger;
  maxBodyBytes: number;
  /** True once the server is shutting down: readiness fails, connections are not kept alive. */
  draining: () => boolean;
  /** One operation of this request against its rate limit; null when rate limiting is off. */
  rateLimit: ((authorization: string | undefined, address: string) => RateDecision) | null;
  context: (req: IncomingMessage, requestId: string) => Promise<Context>;
  /** Successful queries answered without Apollo's pipeline (server/direct.ts); others go to Apollo. */
  directQuery?: DirectQuery;
  /** The modules' routes (server/routes.ts), mounted at /files. */
  routes?: RequestHandler;
  /** The committee screen's static files (server/screen.ts), mounted at /screen. */
  screen?: RequestHandler;
}

/** A GraphQL-shaped error answer, for requests refused before GraphQL could read them. */
function sendError(res: ServerResponse, status: number, code: string, message: string, extra: Record<string, unknown> = {}): void {
  const body = JSON.stringify({ errors: [{ message, extensions: { code, ...extra } }] });
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}

/** The Express application: health, readiness and /graphql (rate limit, body, Apollo), errors as GraphQL JSON. */
function createHttpApp(options: HttpAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  // No ETag: GraphQL answers POSTs, which no cache revalidates, and hashing each body cost CPU.
  app.set('etag', false);
  app.use(closeWhileDraining(options.draining));
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', readiness(options));
  app.use(
    '/graphql',
    requestId,
    rateLimit(options),
    jsonOperation(options),
    express.json({ limit: options.maxBodyBytes }),
    expressMiddleware(options.apollo, {
      context: async ({ req, res }) => answeringThrough(await options.context(req, String(res.getHeader('x-request-id') ?? randomUUID())), res),
    }),
  );
  if (options.routes) app.use('/files', requestId, rateLimit(options, sendRouteError), options.routes);
  if (options.screen) app.use('/screen', options.screen);
  app.use(errorAnswer(options));
  return app;
}

/**
 * The HTTP server's request listener: a POST of plain JSON to /graphql (every portal's everyday request)
 * goes through the same steps as in the Express application (drain, request id, rate limit, then
 * `jsonOperation`), called in turn without Express's router and its request and response decorations;
 * everything else, and any error, goes to the Express application and its error answer as before.
 */
export function createRequestListener(options: HttpAppOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const app = createHttpApp(options);
  const steps = [closeWhileDraining(options.draining), requestId, rateLimit(options), jsonOperation(options)] as unknown as RawStep[];
  const fail = errorAnswer(options) as unknown as (err: unknown, req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;
  return (req, res) => {
    if (!isGraphQLPath(req.url) || !plainJsonPost(req)) return void app(req, res);
    let step = 0;
    const next = (err?: unknown): void => {
      const handler = steps[step++];
      // Every step answers or passes on; none passes on past `jsonOperation` for a plain JSON POST.
      if (err === undefined && !handler) err = new Error('GraphQL request not answered');
      if (err !== undefined) return fail(err, req, res, () => res.destroy());
      try {
        handler!(req, res, next);
      } catch (thrown) {
        next(thrown ?? new Error('GraphQL request step failed'));
      }
    };
    next();
  };
}

/** A step of the GraphQL request: reads only what node's own request and response have. */
type RawStep = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

/** `/graphql`, with or without a query string (Express's mount also takes other spellings: they go to it). */
function isGraphQLPath(url: string | undefined): boolean {
  return url === '/graphql' || (url !== undefined && url.startsWith('/graphql?'));
}

/** A body error with what body-parser gives its errors (`status`, `type`), for `errorAnswer`. */
function bodyError(status: number, type: string, message: string): Error {
  return Object.assign(new Error(message), { status, statusCode: status, type, expose: true });
}

/** True for a POST whose body is plain JSON in UTF-8 (no content encoding): what `jsonOperation` reads itself. */
function plainJsonPost(req: IncomingMessage): boolean {
  if (req.method !== 'POST' || req.headers['content-encoding'] !== undefined) return false;
  const type = req.headers['content-type']?.toLowerCase().replace(/\s+/g, '');
  return type === 'application/json' || type === 'application/json;charset=utf-8';
}

/** The body of `req` as one UTF-8 string, refused over `limit` bytes (413) as body-parser refuses it. */
function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (declared > limit) {
      req.resume(); // drained unread: the answer can still be sent
      reject(bodyError(413, 'entity.too.large', 'request entity too large'));
      return;
    }
    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) {
        req.off('data', onData).off('end', onEnd);
        req.resume();
        reject(bodyError(413, 'entity.too.large', 'request entity too large'));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      if (!Number.isNaN(declared) && declared !== received) reject(bodyError(400, 'request.size.invalid', 'request size did not match content length'));
      else resolve(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8'));
    };
    req.on('data', onData).on('end', onEnd).on('error', reject);
  });
}

/** JSON as body-parser's strict parser takes it: an object or an array; an empty body is `{}`; a UTF-8 byte order mark skipped (its decoder drops it). */
function parseJson(text: string): unknown {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let i = bom;
  while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  const start = text[i];
  if (start === undefined) return {};
  if (start !== '{' && start !== '[') throw bodyError(400, 'entity.parse.failed', `Unexpected token ${start} in JSON`);
  try {
    return JSON.parse(bom ? text.slice(bom) : text) as unknown;
  } catch (err) {
    throw bodyError(400, 'entity.parse.failed', (err as Error).message);
  }
}

/**
 * A GraphQL POST with a plain JSON body, read and handed to Apollo here, and its answer written as the
 * string Apollo made (its length counted, not copied into a Buffer first as `res.send` does): what
 * `express.json()` and Apollo's Express integration do for it, in one step; measured about 8 % of the
 * server's CPU on the directory page. Other requests (other content types or encodings, GET) go on to them.
 * Body errors answer as body-parser's do (`errorAnswer`).
 */
function jsonOperation({ apollo, maxBodyBytes, context, directQuery }: HttpAppOptions): RequestHandler {
  return (req, res, next) => {
    if (!plainJsonPost(req) || (req as { body?: unknown }).body !== undefined) return next();
    readBody(req, maxBodyBytes)
      .then(async (text) => {
        const body = parseJson(text);
        const requestId = () => String(res.getHeader('x-request-id') ?? randomUUID());
        const outcome = directQuery ? await directQuery(body, req.headers.accept, () => context(req, requestId())) : null;
        if (outcome && 'answer' in outcome) {
          const direct = outcome.answer;
          res.statusCode = 200;
          res.setHeader('content-type', direct.contentType);
          res.setHeader('content-length', Buffer.byteLength(direct.body));
          res.end(direct.body);
          return;
        }
        const headers = new HeaderMap();
        for (const [key, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
        const query = req.url.indexOf('?');
        const response = await apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method: 'POST', headers, search: query < 0 ? '' : req.url.slice(query), body },
          // A query the lane ran to errors: Apollo answers with its context, and its executor takes its result.
          context: async () => answeringThrough(outcome ? outcome.ran : await context(req, requestId()), res),
        });
        for (const [key, value] of response.headers) res.setHeader(key, value);
        res.statusCode = response.status ?? 200;
        if (response.body.kind === 'complete') {
          res.setHeader('content-length', Buffer.byteLength(response.body.string));
          res.end(response.body.string);
          return;
        }
        for await (const chunk of response.body.asyncIterator) res.write(chunk);
        res.end();
      })
      .catch(next);
  };
}

/**
 * `ctx`'s work after its answer (Context.afterAnswer: the dispatcher's kick after a commit) runs once
 * `res` is written ('finish') or its connection gone ('close'), whichever comes first.
 */
function answeringThrough(ctx: Context, res: ServerResponse): Context {
  ctx.answersThrough((fn) => {
    if (res.writableFinished || res.destroyed) return fn();
    let ran = false;
    const run = () => {
      if (ran) return;
      ran = true;
      res.off('finish', run).off('close', run);
      fn();
    };
    res.once('finish', run).once('close', run);
  });
  return ctx;
}

/** While draining, every answer closes its connection: a client's next request goes to another process. */
function closeWhileDraining(draining: () => boolean): RequestHandler {
  return (req, res, next) => {
    // A request read on a connection the drain has already closed (see ConnectionDrainer.closeIfIdle)
    // is not run: its answer could not be sent, and a write would be committed with its client told nothing.
    if (req.socket.destroyed) return;
    if (draining()) res.setHeader('connection', 'close');
    next();
  };
}

/** `/readyz`: 503 while draining or when the database does not answer. */
function readiness({ orm, logger, draining }: HttpAppOptions): RequestHandler {
  return async (_req, res) => {
    if (draining()) {
      res.status(503).json({ status: 'shutting-down' });
      return;
    }
    try {
      await orm.em.fork().getConnection().execute('select 1');
      res.json({ status: 'ready', database: 'ok' });
    } catch (err) {
      logger.warn({ err }, 'readiness check failed');
      res.status(503).json({ status: 'unavailable', database: 'unreachable' });
    }
  };
}

/** The request's id: the client's `x-request-id` when it is a plain one, else a new UUID; echoed in the answer. */
const requestId: RequestHandler = (req, res, next) => {
  const header = req.headers['x-request-id'];
  const id = typeof header === 'string' && /^[\w.-]{1,64}$/.test(header) ? header : randomUUID();
  res.setHeader('x-request-id', id);
  next();
};

/** One operation against the rate limit, before the body is read: a client over its limit costs no parsing. */
function rateLimit({ rateLimit: take, logger }: HttpAppOptions, send: typeof sendError = sendError): RequestHandler {
  return (req, res, next) => {
    if (!take) return next();
    const decision = take(req.headers.authorization, req.socket.remoteAddress ?? 'unknown');
    for (const [name, value] of Object.entries(rateLimitHeaders(decision))) res.setHeader(name, value);
    if (decision.allowed) return next();
    logger.warn({ requestId: res.getHeader('x-request-id'), address: req.socket.remoteAddress }, 'rate limited');
    send(res, 429, HttpErrorCode.RateLimited, `Trop de requêtes : ${decision.limit} par fenêtre au plus. Réessayez dans ${decision.retryAfter} s.`, {
      retryAfter: decision.retryAfter,
    });
  };
}

/**
 * Body errors (malformed JSON, too large, unknown charset) and anything unexpected: a GraphQL JSON
 * error with a code, and one log line (no stack trace for a client's mistake).
 */
function errorAnswer({ logger, maxBodyBytes }: HttpAppOptions): ErrorRequestHandler {
  return (err: { status?: unknown; type?: unknown; message?: unknown }, req, res, next) => {
    if (res.headersSent) return next(err);
    const id = res.getHeader('x-request-id');
    const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) {
      logger.error({ err, requestId: id }, 'unexpected HTTP error');
      sendError(res, 500, HttpErrorCode.Internal, `Erreur interne. Elle a été enregistrée ; indiquez cet identifiant au support : ${String(id ?? 'inconnu')}`);
      return;
    }
    logger.warn({ requestId: id, status, reason: err.type ?? err.message, path: (req.url ?? '').split('?')[0] }, 'request refused');
    if (status === 413) {
      sendError(res, 413, HttpErrorCode.PayloadTooLarge, `Corps de requête trop volumineux : ${maxBodyBytes} octets au plus.`, { max: maxBodyBytes });
    } else if (err.type === 'entity.parse.failed') {
      sendError(res, 400, HttpErrorCode.BadRequest, "Corps de requête illisible : ce n'est pas du JSON valide.");
    } else {
      sendError(res, status, HttpErrorCode.BadRequest, `Requête invalide (${[err.type, err.message].find((v) => typeof v === 'string') ?? status}).`);
    }
  };
}

/** How long an idle kept-alive connection stays open once draining (a request may be on its way). */
const IDLE_GRACE_MS = 100;

/**
 * Tracks the server's connections and requests so that shutting down answers what was received:
 * stop accepting, let requests in flight finish (connections closed after their answer), then wait for
 * their sockets to close, so that the last bytes of a large answer leave before the process exits.
 */
export class ConnectionDrainer {
  private readonly sockets = new Set<Socket>();
  private readonly busy = new Map<Socket, number>();
  /** Sockets handed to the WebSocket server: closed by it (1001), not here. */
  private readonly upgraded = new WeakSet<object>();
  private draining = false;
  /** Connections the drain has ended: a request read on one of them afterwards is dropped unrun. */
  private readonly ended = new WeakSet<Socket>();
  /** Wake-ups of `waitFor` calls, run whenever a request or connection ends. */
  private readonly waiters = new Set<() => void>();

  constructor(private readonly server: Server) {
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => {
        this.sockets.delete(socket);
        this.busy.delete(socket);
        for (const wake of this.waiters) wake();
      });
    });
    server.on('upgrade', (req: IncomingMessage) => this.upgraded.add(req.socket));
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      const socket = req.socket;
      if (this.ended.has(socket)) {
        socket.destroy(); // refused unread, which a client may safely retry; the app sees it destroyed
        return;
      }
      this.busy.set(socket, (this.busy.get(socket) ?? 0) + 1);
      if (this.draining && !res.headersSent) res.setHeader('connection', 'close');
      res.once('close', () => {
        const left = (this.busy.get(socket) ?? 1) - 1;
        if (left > 0) this.busy.set(socket, left);
        else this.busy.delete(socket);
        // A kept-alive connection whose last answer just left: closed, unless a request sent meanwhile
        // (pipelined, or read as the answer drained) is being read.
        if (this.draining && left <= 0) {
          const readSoFar = socket.bytesRead;
          setTimeout(() => this.closeIfIdle(socket, readSoFar), IDLE_GRACE_MS).unref();
        }
        for (const wake of this.waiters) wake();
      });
    });
  }

  get isDraining(): boolean {
    return this.draining;
  }

  /** HTTP requests still being answered. */
  get requestsInFlight(): number {
    let n = 0;
    for (const count of this.busy.values()) n += count;
    return n;
  }

  /** Stops accepting connections, then closes the idle ones; requests in flight go on. */
  stopAccepting(): void {
    this.draining = true;
    // net's close, not http's: http's also destroys idle kept-alive connections at once, which loses a
    // request already sent on one of them but not yet read. They get a moment to be read first.
    if (this.server.listening) NetServer.prototype.close.call(this.server);
    const readSoFar = new Map([...this.sockets].map((socket) => [socket, socket.bytesRead]));
    setTimeout(() => {
      for (const [socket, read] of readSoFar) if (!this.upgraded.has(socket)) this.closeIfIdle(socket, read);
    }, IDLE_GRACE_MS).unref();
  }

  /**
   * Closes a kept-alive connection that has received nothing since `readSoFar` bytes and answers nothing:
   * ended, so that an answer still leaving reaches a slow reader. Node still reads after `end()`: a request
   * arriving then is dropped unrun (the 'request' listener above and the first middleware), since its
   * answer could not be sent. One that has started to arrive is left to finish.
   */
  private closeIfIdle(socket: Socket, readSoFar: number): void {
    if (socket.destroyed || this.busy.has(socket)) return;
    if (socket.bytesRead !== readSoFar) {
      // Bytes came in: a request is being read; look again once it has had its chance.
      setTimeout(() => this.closeIfIdle(socket, socket.bytesRead), IDLE_GRACE_MS).unref();
      return;
    }
    this.ended.add(socket);
    socket.end();
  }

  /** Resolves once `done()` holds (checked whenever a request or connection ends), or false at `deadline`. */
  async waitFor(done: () => boolean, deadline: number): Promise<boolean> {
    while (!done()) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await new Promise<void>((resolve) => {
        const finish = () => {
          clearTimeout(timer);
          this.waiters.delete(finish);
          resolve();
        };
        const timer = setTimeout(finish, Math.min(left, 250));
        this.waiters.add(finish);
      });
    }
    return true;
  }

  /** True when no HTTP request is being answered. */
  readonly idle = (): boolean => this.busy.size === 0;
  /** True when every connection (WebSockets included) has closed. */
  readonly closed = (): boolean => this.sockets.size === 0;

  /** Cuts whatever is left; returns how many connections were cut. */
  destroyAll(): number {
    const n = this.sockets.size;
    for (const socket of this.sockets) socket.destroy();
    // http's own close, now that nothing is left: it stops its connection-checking timer.
    this.server.close(() => undefined);
    return n;
  }
}

/**
 * True when Apollo answers `accept` with the legacy `application/json` (the GraphQL-over-HTTP
 * "legacy watershed"): negotiated as Apollo does (server/direct.ts), application/json when nothing fits.
 */
export function prefersLegacyJson(accept: string | null | undefined): boolean {
  return answerMediaType(accept) !== MEDIA_GRAPHQL_RESPONSE;
}

/** Codes of request errors (the operation never ran) that the legacy media type answers with 200. */
const REQUEST_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'OPERATION_TOO_COMPLEX']);

interface ResponseLike {
  http: { status?: number };
  body: { kind: string; singleResult?: { data?: unknown; errors?: readonly { extensions?: Record<string, unknown> }[] } };
}

/**
 * Under the legacy `application/json`, the GraphQL-over-HTTP spec asks for 200 on a well-formed request
 * whose document fails to parse, validate, coerce its variables (or, here, stay within the operation
 * limits): 400 stays for clients that accept `application/graphql-response+json`.
 */
export function legacyStatus(accept: string | null | undefined, response: ResponseLike): void {
  if (response.http.status !== 400 || response.body.kind !== 'single') return;
  const result = response.body.singleResult;
  if (!result || 'data' in result || !result.errors?.length) return;
  if (!result.errors.every((e) => REQUEST_ERROR_CODES.has(String(e.extensions?.code)))) return;
  if (prefersLegacyJson(accept)) response.http.status = 200;
}
