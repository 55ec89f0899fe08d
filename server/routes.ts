import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Router, type Request, type RequestHandler } from 'express';
import { GraphQLError } from 'graphql';
import type { Context } from './context.js';
import { ErrorCode } from './errors.js';
import type { Logger } from './logger.js';
import type { Download, ModuleManifest, ModuleRoute, RouteRequest } from './module.js';

/** The largest POST body of a route that declares none. */
export const DEFAULT_ROUTE_MAX_BYTES = 1024 * 1024;

/** The HTTP status of an AppError code, for answers outside GraphQL. */
const STATUS: Record<string, number> = {
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.BadUserInput]: 400,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.TooComplex]: 400,
  [ErrorCode.ServiceUnavailable]: 503,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  BAD_REQUEST: 400,
};

/** Answers `{ error: { code, message, field? } }` with `status`. */
export function sendRouteError(res: ServerResponse, status: number, code: string, message: string, field?: unknown): void {
  const body = JSON.stringify({ error: { code, message, ...(typeof field === 'string' ? { field } : {}) } });
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}

/** `Content-Disposition: attachment` with an ASCII fallback name and the UTF-8 one (RFC 6266). */
export function attachment(filename: string): string {
  const ascii = filename
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  // RFC 8187's attr-char: encodeURIComponent leaves ' ( ) * as they are, which it does not allow.
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The raw body of `req`, refused over `limit` bytes with PAYLOAD_TOO_LARGE. */
function readRaw(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const most = limit >= 1_048_576 ? `${(limit / 1_048_576).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo` : `${Math.ceil(limit / 1024)} Ko`;
    // Refused unread: the answer closes the connection (sendRouteError after a PAYLOAD_TOO_LARGE), so the rest is never read.
    const tooLarge = () => new GraphQLError(`Fichier trop volumineux : ${most} au plus.`, { extensions: { code: 'PAYLOAD_TOO_LARGE', http: { status: 413 } } });
    if (Number(req.headers['content-length']) > limit) {
      reject(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) {
        req.off('data', onData).off('end', onEnd);
        req.pause();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => resolve(Buffer.concat(chunks));
    req.on('data', onData).on('end', onEnd).on('error', reject);
  });
}

/** The query string as one string per name (the first of a repeated one). */
function flatQuery(query: Request['query']): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(query ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') flat[name] = first;
  }
  return flat;
}

export interface RoutesOptions {
  modules: readonly ModuleManifest[];
  logger: Logger;
  /** The same context as a GraphQL operation's (throws UNAUTHENTICATED for a bad token). */
  context: (req: IncomingMessage, requestId: string) => Promise<Context>;
}

/**
 * The modules' routes under /files/<module>/<path> (mounted at /files): the context built as for
 * GraphQL, a remembered viewer confirmed before anything runs, the Download written, errors as JSON.
 */
export function moduleRoutes({ modules, logger, context }: RoutesOptions): Router {
  const router = Router({ caseSensitive: true, strict: true });
  for (const m of modules) {
    for (const route of m.routes ?? []) {
      const path = `/${m.name}${route.path.startsWith('/') ? '' : '/'}${route.path}`;
      const handler = routeHandler(m.name, route, logger, context);
      if (route.method === 'GET') router.get(path, handler);
      else router.post(path, handler);
    }
  }
  router.use((_req, res) => sendRouteError(res, 404, ErrorCode.NotFound, 'Adresse introuvable.'));
  return router;
}

function routeHandler(module: string, route: ModuleRoute, logger: Logger, context: RoutesOptions['context']): RequestHandler {
  return async (req, res) => {
    const requestId = String(res.getHeader('x-request-id') ?? randomUUID());
    try {
      const ctx = await context(req, requestId);
      await ctx.confirmViewer(); // nothing leaves, nothing is written, on a token not yet checked
      if (route.permission) ctx.require(route.permission); // before the body is read: no upload held for a caller refused anyway
      const body = route.method === 'POST' ? await readRaw(req, route.maxBytes ?? DEFAULT_ROUTE_MAX_BYTES) : null;
      const request: RouteRequest = {
        params: { ...(req.params as Record<string, string>) },
        query: flatQuery(req.query),
        body,
        contentType: req.headers['content-type'] ?? null,
      };
      const download = await route.handle(ctx, request);
      if (!download) {
        sendRouteError(res, 404, ErrorCode.NotFound, 'Document introuvable.');
        return;
      }
      await sendDownload(res, download);
    } catch (err) {
      if (res.headersSent) {
        // A client that stops reading a download (closed tab, `| head`) is not the server's error.
        const aborted = (err as { code?: string }).code === 'ERR_STREAM_PREMATURE_CLOSE' || req.destroyed || res.destroyed;
        if (aborted) logger.info({ requestId, module, path: req.path }, 'download cut by the client');
        else logger.error({ err, requestId, module }, 'route failed after its answer started');
        res.destroy();
        return;
      }
      if (err instanceof GraphQLError && typeof err.extensions?.code === 'string' && err.extensions.code !== ErrorCode.Internal && !err.originalError) {
        const code = err.extensions.code;
        const declared = (err.extensions.http as { status?: number } | undefined)?.status;
        const status = declared ?? STATUS[code] ?? 400;
        logger.warn({ requestId, module, path: req.path, code }, 'route refused');
        if (code === 'PAYLOAD_TOO_LARGE') {
          // The body was not read to its end: answer, then close the connection rather than read what is left.
          res.setHeader('connection', 'close');
          res.once('finish', () => {
            req.socket.end();
            setTimeout(() => req.socket.destroy(), 2_000).unref(); // a client that keeps sending is cut
          });
        }
        sendRouteError(res, status, code, err.message, err.extensions.field);
        return;
      }
      logger.error({ err, requestId, module, path: req.path }, 'unexpected route error');
      sendRouteError(res, 500, ErrorCode.Internal, `Erreur interne. Elle a été enregistrée ; indiquez cet identifiant au support : ${requestId}`);
    }
  };
}

/** The Content-Security-Policy of an HTML or SVG download. */
export const RENDERED_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; sandbox";

async function sendDownload(res: ServerResponse, download: Download): Promise<void> {
  const body = typeof download.body === 'string' ? Buffer.from(download.body, 'utf8') : download.body;
  res.statusCode = 200;
  res.setHeader('content-type', download.contentType);
  const length = body instanceof Readable ? download.length : body.byteLength;
  if (length !== undefined) res.setHeader('content-length', length);
  res.setHeader('x-content-type-options', 'nosniff');
  // A page or a picture a browser may render (a letter, a radar): no script, no request out, styles and
  // pictures inline only; a slip in escaping the data it shows cannot run in the platform's origin.
  if (/^(text\/html|image\/svg\+xml)\b/i.test(download.contentType)) res.setHeader('content-security-policy', RENDERED_POLICY);
  res.setHeader('cache-control', 'private, no-store');
  if (download.filename) res.setHeader('content-disposition', attachment(download.filename));
  if (body instanceof Readable) await pipeline(body, res);
  else res.end(body);
}
