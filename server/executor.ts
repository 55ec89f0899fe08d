import { GraphQLError, OperationTypeNode, printSchema, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { Context } from './context.js';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { GatewayInterface } from '@apollo/server-gateway-interface';

/**
 * Runs HTTP operations with graphql-jit: each document is compiled once into a JavaScript function,
 * which measured 12.0 ms of CPU against 17.1 ms for graphql-js on the portal list query (identical
 * results). Apollo still parses, validates, applies our limits and formats errors; it accepts a custom
 * executor through its gateway interface. Subscriptions keep graphql-js (graphql-ws).
 */
export function jitGateway(schema: GraphQLSchema): GatewayInterface {
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery>>();
  const compile = (document: DocumentNode, operationName: string | undefined) => {
    let byOperation = compiled.get(document);
    if (!byOperation) compiled.set(document, (byOperation = new Map()));
    const key = operationName ?? '';
    let query = byOperation.get(key);
    if (!query) {
      const result = compileQuery(schema, document, operationName);
      if (!isCompiledQuery(result)) return result; // errors, reported as graphql-js would
      query = result;
      byOperation.set(key, query);
    }
    return query;
  };
  return {
    async load() {
      return {
        executor: async (requestContext) => {
          const query = compile(requestContext.document, requestContext.operationName ?? undefined);
          if (!isCompiledQuery(query)) return query;
          const ctx = requestContext.context as Context;
          const variables = requestContext.request.variables ?? {};
          // A remembered viewer (server/viewers.ts): mutations wait for the token check; queries read
          // meanwhile (the check travels with their first reads), and answer only once it confirms.
          if (ctx.viewerUnconfirmed && requestContext.operation?.operation !== OperationTypeNode.QUERY) await ctx.confirmViewer();
          let result = await query.query(undefined, ctx, variables);
          if (ctx.viewerUnconfirmed && (await ctx.confirmViewer())) result = await query.query(undefined, ctx, variables);
          if (!result.errors) return result as never;
          // graphql-jit's errors are its own class; Apollo and formatError expect graphql's, with their
          // extensions. The request id rides on them for formatError (no AsyncLocalStorage on the hot path).
          const requestId = (requestContext.context as { requestId?: string }).requestId;
          const errors = result.errors.map((e) => {
            const error = new GraphQLError(e.message, { path: e.path, originalError: e.originalError ?? undefined, extensions: e.extensions ?? undefined });
            (error as { locations?: unknown }).locations = e.locations;
            tagError(error, requestId);
            return error;
          });
          return { ...result, errors } as never;
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
