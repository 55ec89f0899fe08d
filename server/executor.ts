import { GraphQLError, OperationTypeNode, createSourceEventStream, print, printSchema, type DocumentNode, type ExecutionArgs, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { Context } from './context.js';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import { operationKey, sharedExecution } from './multiplex.js';
import { takeRanResult } from './direct.js';

/**
 * Runs operations with graphql-jit: each document is compiled once into a JavaScript function, which
 * measured 12.0 ms of CPU against 17.1 ms for graphql-js on the portal list query (identical results).
 * HTTP (through Apollo's gateway interface: Apollo still parses, validates, applies our limits and
 * formats errors) and WebSocket (graphql-ws's execute and subscribe) share one compiler per schema.
 */
export class OperationCompiler {
  private readonly compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery>>();

  constructor(readonly schema: GraphQLSchema) {}

  /** The compiled operation, or graphql-js-like errors. */
  compile(document: DocumentNode, operationName: string | null | undefined): CompiledQuery | ExecutionResult {
    let byOperation = this.compiled.get(document);
    if (!byOperation) this.compiled.set(document, (byOperation = new Map<string, CompiledQuery>()));
    const key = operationName ?? '';
    let query = byOperation.get(key);
    if (!query) {
      const result = compileQuery(this.schema, document, operationName ?? undefined);
      if (!isCompiledQuery(result)) return result; // errors, reported as graphql-js would
      query = result;
      byOperation.set(key, query);
    }
    return query;
  }
}

/**
 * graphql-jit's errors are its own class; Apollo, graphql-ws and formatError expect graphql's, with their
 * extensions. The request id rides on them for formatError (no AsyncLocalStorage on the hot path).
 */
function withGraphQLErrors(result: ExecutionResult, requestId: string | undefined): ExecutionResult {
  if (!result.errors) return result;
  const errors = result.errors.map((e) => {
    const error = new GraphQLError(e.message, { path: e.path, originalError: e.originalError ?? undefined, extensions: e.extensions ?? undefined });
    (error as { locations?: unknown }).locations = e.locations;
    tagError(error, requestId);
    return error;
  });
  return { ...result, errors };
}

/**
 * A query or mutation over graphql-ws, with the compiled operation (as HTTP). A query's context is
 * read-only (Context.readOnly); the caller (server/websocket.ts) confirms the viewer as HTTP does.
 */
export async function executeOperation(compiler: OperationCompiler, args: ExecutionArgs, operation: OperationTypeNode | undefined): Promise<ExecutionResult> {
  const query = compiler.compile(args.document, args.operationName);
  if (!isCompiledQuery(query)) return query;
  const ctx = args.contextValue as Context;
  ctx.readOnly = operation === OperationTypeNode.QUERY;
  return withGraphQLErrors(await query.query(args.rootValue, ctx, args.variableValues ?? {}), ctx.requestId);
}

/**
 * A subscription over graphql-ws: the source stream comes from the field's `subscribe` (graphql-js), and
 * each pushed event runs the compiled operation on a fresh unit of work (a new EntityManager fork and new
 * loaders, as the subscription's viewer, kept up to date by server/websocket.ts), so no event reads what
 * an earlier one cached; that execution is shared by every subscriber of the same operation and
 * visibility class (server/multiplex.ts). Resolvers do nothing for it.
 */
export async function subscribeOperation(compiler: OperationCompiler, args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const query = compiler.compile(args.document, args.operationName);
  if (!isCompiledQuery(query)) return query;
  const ctx = args.contextValue as Context;
  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in Object(source))) return source as ExecutionResult;
  const variables = args.variableValues ?? {};
  const operation = operationKey(args.document.loc?.source.body ?? print(args.document), args.operationName, variables);
  return mapEvents(source as AsyncIterable<unknown>, async (payload) => {
    // One execution per event for every subscriber of this operation and visibility class (server/multiplex.ts).
    const shared = await sharedExecution(query, payload, ctx, operation, variables);
    if (isHiddenEvent(shared)) return SKIP;
    return withGraphQLErrors(shared, ctx.requestId); // errors of its own per subscriber, tagged with its request id
  });
}

/** What a mapper returns for an event that pushes nothing. */
const SKIP: unique symbol = Symbol('skip');

/**
 * An event about a record the viewer may not see: its resolver answered NOT_FOUND (`load` found nothing
 * through the visibility rule) and nothing else. Pushing that error would tell the subscriber that such a
 * record changed, and when: the event is dropped instead.
 */
function isHiddenEvent(result: ExecutionResult): boolean {
  if (!result.errors?.length || !result.errors.every((e) => e.extensions?.code === 'NOT_FOUND')) return false;
  return result.data == null || Object.values(result.data).every((value) => value === null);
}

/** Maps each value of `source`, one at a time, leaving out those mapped to SKIP; `return()` goes straight to the source (frees its listener at once). */
function mapEvents<T, R>(source: AsyncIterable<T>, mapper: (value: T) => Promise<R | typeof SKIP>): AsyncIterableIterator<R> {
  const iterator = source[Symbol.asyncIterator]();
  const close = async () => {
    await iterator.return?.();
    return { value: undefined, done: true } as IteratorResult<R>;
  };
  const mapped: AsyncIterableIterator<R> = {
    async next() {
      for (;;) {
        const item = await iterator.next();
        if (item.done) return { value: undefined, done: true };
        let value: R | typeof SKIP;
        try {
          value = await mapper(item.value);
        } catch (err) {
          await close().catch(() => undefined);
          throw err;
        }
        if (value !== SKIP) return { value, done: false };
      }
    },
    return: close,
    async throw(error: unknown) {
      if (iterator.throw) await iterator.throw(error);
      throw error;
    },
    [Symbol.asyncIterator]() {
      return mapped;
    },
  };
  return mapped;
}

/** Apollo's custom executor (HTTP), with the shared compiler. */
export function jitGateway(compiler: OperationCompiler): GatewayInterface {
  const schema = compiler.schema;
  return {
    async load() {
      return {
        executor: async (requestContext) => {
          if (!requestContext.operation) {
            // No operation of the document is the one asked (Apollo's `operationName` is then null, and
            // compiling with it would run the document's only operation, which Apollo answers 500):
            // graphql-js's error, which Apollo answers as a client's (400).
            const name = requestContext.request.operationName;
            const message = name == null ? 'Must provide operation name if query contains multiple operations.' : `Unknown operation named "${name}".`;
            return { errors: [new GraphQLError(message)] } as never;
          }
          const ctx = requestContext.context as Context;
          // A query the direct lane (server/direct.ts) already ran to errors: its result, not a second run.
          const ran = takeRanResult(ctx, requestContext.source, requestContext.request.operationName);
          if (ran && requestContext.operation.operation === OperationTypeNode.QUERY) return withGraphQLErrors(ran, ctx.requestId) as never;
          const query = compiler.compile(requestContext.document, requestContext.operationName);
          if (!isCompiledQuery(query)) return query as never;
          const variables = requestContext.request.variables ?? {};
          const isQuery = requestContext.operation?.operation === OperationTypeNode.QUERY;
          ctx.readOnly = isQuery; // a query that writes is refused (Context.readOnly)
          // A remembered viewer (server/viewers.ts): mutations wait for the token check; queries read
          // meanwhile (the check travels with their first reads), and answer only once it confirms.
          if (ctx.viewerUnconfirmed && !isQuery) await ctx.confirmViewer();
          let result = await query.query(undefined, ctx, variables);
          if (ctx.viewerUnconfirmed && (await ctx.confirmViewer())) result = await query.query(undefined, ctx, variables);
          return withGraphQLErrors(result, ctx.requestId) as never;
        },
      };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => {};
    },
    async stop() {},
  };
}

/** Where formatError finds the request id of an error (see errorRequestId). */
const REQUEST_ID = Symbol('requestId');

export function tagError(error: unknown, requestId: string | undefined): void {
  if (error && typeof error === 'object' && requestId) (error as Record<symbol, string>)[REQUEST_ID] = requestId;
}

/** The request id tagged on an error or on the error it wraps. */
export function errorRequestId(error: unknown): string | undefined {
  let current = error as { originalError?: unknown } | null | undefined;
  for (let i = 0; i < 4 && current && typeof current === 'object'; i++) {
    const id = (current as Record<symbol, string>)[REQUEST_ID];
    if (id) return id;
    current = current.originalError as typeof current;
  }
  return undefined;
}
