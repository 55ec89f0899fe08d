import { createHash } from 'node:crypto';
import { GraphQLError, OperationTypeNode, getOperationAST, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { isCompiledQuery } from 'graphql-jit';
import Negotiator from 'negotiator';
import type { Context } from './context.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import type { OperationCompiler } from './executor.js';
import { checkOperationLimits } from './limits.js';
import { keptDocument, validDocument } from './multiplex.js';
import { checkVariables } from './validation.js';

/** The media types a GraphQL answer over HTTP is sent as (GraphQL over HTTP). */
export const MEDIA_JSON = 'application/json; charset=utf-8';
export const MEDIA_GRAPHQL_RESPONSE = 'application/graphql-response+json; charset=utf-8';

/** An answer written without Apollo: always 200, one JSON document. */
export interface DirectAnswer {
  contentType: string;
  body: string;
}

/**
 * What the lane did with a request: answered it, ran it to errors (Apollo answers them with this context,
 * whose result it takes instead of running the query a second time), or left it to Apollo untouched.
 */
export type DirectOutcome = { answer: DirectAnswer } | { ran: Context } | null;

/** Queries answered by the lane, and queries it ran and handed to Apollo with their errors (tests read them). */
export const directCounters = { answered: 0, handedOver: 0, validated: 0 };

/**
 * The result of a query the lane ran to errors, with what identifies the request, on its context: a
 * property, because Apollo runs each operation on a shallow copy of the context it is given.
 */
const RAN = Symbol('directLaneResult');
interface RanResult {
  text: string;
  operationName: string | null;
  result: ExecutionResult;
}
type WithRan = Context & { [RAN]?: RanResult };

/**
 * The result the lane already computed for this context, when Apollo runs the same request with it (taken
 * once): a query with errors costs one execution, not two (an attacker's most expensive query with one
 * wrong field would otherwise cost the server twice what the rate limit counts).
 */
export function takeRanResult(ctx: Context, text: string | undefined, operationName: string | null | undefined): ExecutionResult | undefined {
  const ran = (ctx as WithRan)[RAN];
  if (!ran) return undefined;
  delete (ctx as WithRan)[RAN];
  return ran.text === text && ran.operationName === (operationName ?? null) ? ran.result : undefined;
}

/** Longer documents go to Apollo alone (the lane keeps the documents it runs, of a few KB each). */
const DIRECT_MAX_CHARS = 8_192;

export interface DirectQueryOptions {
  schema: GraphQLSchema;
  compiler: OperationCompiler;
  config: Config;
  logger: Logger;
}

/**
 * The direct lane of HTTP queries. A successful query (the everyday read of every portal) spends about a
 * tenth of the server's CPU in Apollo's request pipeline: hashing the text, looking the document up,
 * running the plugins' hooks, negotiating, stringifying. This lane does the same work once per document
 * and answers a query that succeeds:
 *   - the document parsed and validated with graphql's rules (the same as Apollo's here), kept by text;
 *   - the same checks as Apollo's plugin (`checkHttpOperation`: variables and operation limits);
 *   - the same compiled operation (graphql-jit), on a read-only context, the viewer confirmed before the
 *     answer (and the operation run again when the token's roles changed), as `jitGateway` does;
 *   - the same body (`JSON.stringify(result) + '\n'`) and media type as Apollo's.
 * Everything else returns null and goes to Apollo as before: mutations, subscriptions, batches,
 * persisted queries, unknown media types, and every query whose checks or execution produced an error
 * (Apollo formats, logs and masks the errors as for any request: a query that ran is handed over with
 * its context and result, which Apollo's executor takes instead of running it again, see `takeRanResult`).
 * `test/direct.test.ts` compares both lanes byte for byte.
 */
export function directQueries({ schema, compiler, config, logger }: DirectQueryOptions) {
  const debug = logger.isLevelEnabled('debug');
  return async function directQuery(body: unknown, accept: string | undefined, context: () => Promise<Context>): Promise<DirectOutcome> {
    const started = debug ? performance.now() : 0;
    const contentType = answerMediaType(accept);
    if (!contentType || !isPlainRequest(body) || body.query.length > DIRECT_MAX_CHARS) return null;
    const document = documentFor(schema, body.query);
    if (!document) return null;
    const operationName = body.operationName ?? null;
    const operation = getOperationAST(document, operationName);
    if (operation?.operation !== OperationTypeNode.QUERY) return null;
    const variables = body.variables ?? {};
    if (!passesChecks(schema, config, document, variables, operationName)) return null;
    const query = compiler.compile(document, operationName);
    if (!isCompiledQuery(query)) return null;
    let result;
    let ctx: Context;
    try {
      ctx = await context();
      ctx.readOnly = true;
      result = await query.query(undefined, ctx, variables);
      if (ctx.viewerUnconfirmed && (await ctx.confirmViewer())) result = await query.query(undefined, ctx, variables);
    } catch {
      return null; // a refused token (Apollo answers 401), or an error Apollo will log and mask
    }
    if (result.errors?.length) {
      // Apollo formats, logs and masks the errors with this context and this result (takeRanResult).
      (ctx as WithRan)[RAN] = { text: body.query, operationName, result };
      directCounters.handedOver++;
      return { ran: ctx };
    }
    directCounters.answered++;
    if (debug) ctx.logger.debug({ operationName: operation.name?.value ?? null, errors: 0, ms: Math.round(performance.now() - started) }, 'operation');
    return { answer: { contentType, body: `${JSON.stringify({ data: result.data })}\n` } };
  };
}

export type DirectQuery = ReturnType<typeof directQueries>;

/**
 * Texts met without a valid document kept for them, by SHA-256: seen once, or found invalid. The lane
 * parses and validates a text only the second time it comes, and never one found invalid: a text sent
 * once, or an invalid one sent again and again, is parsed by Apollo alone, never twice.
 */
const metTexts = new Map<string, 'seen' | 'invalid'>();
const MET_KEPT = 2_000;

/** The valid document of `text` the lane may run, or null (Apollo's, this time). */
function documentFor(schema: GraphQLSchema, text: string): DocumentNode | null {
  const kept = keptDocument(schema, text);
  if (kept) return kept;
  const key = createHash('sha256').update(text).digest('base64url');
  const met = metTexts.get(key);
  if (met !== 'seen') {
    if (met === undefined) remember(key, 'seen');
    return null;
  }
  directCounters.validated++;
  const found = validDocument(schema, text);
  if ('document' in found) {
    metTexts.delete(key);
    return found.document;
  }
  remember(key, 'invalid');
  return null;
}

function remember(key: string, state: 'seen' | 'invalid'): void {
  metTexts.delete(key);
  if (metTexts.size >= MET_KEPT) metTexts.delete(metTexts.keys().next().value!);
  metTexts.set(key, state);
}

interface PlainRequest {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/** `{ query, operationName?, variables? }` and nothing else (no extensions: persisted queries go to Apollo). */
function isPlainRequest(body: unknown): body is PlainRequest {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return false;
  const request = body as Record<string, unknown>;
  for (const key in request) if (key !== 'query' && key !== 'operationName' && key !== 'variables') return false;
  if (typeof request.query !== 'string' || request.query === '') return false;
  if (request.operationName != null && typeof request.operationName !== 'string') return false;
  const variables = request.variables;
  return variables == null || (typeof variables === 'object' && !Array.isArray(variables));
}

/** The checks of Apollo's plugin for an HTTP operation; false when any refuses (Apollo then answers the error). */
function passesChecks(schema: GraphQLSchema, config: Config, document: DocumentNode, variables: Record<string, unknown>, operationName: string | null): boolean {
  try {
    checkHttpOperation(schema, config, document, variables, operationName, OperationTypeNode.QUERY);
    return true;
  } catch {
    return false;
  }
}

/** Refuses, as a client error (400), a subscription over HTTP, bad variables or an operation over the limits. */
export function checkHttpOperation(
  schema: GraphQLSchema,
  config: Config,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | null | undefined,
  operationType: OperationTypeNode | undefined,
): void {
  if (operationType === OperationTypeNode.SUBSCRIPTION) {
    throw new GraphQLError('Les abonnements passent par WebSocket (protocole graphql-ws, même adresse /graphql), pas par HTTP.', {
      extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
    });
  }
  try {
    checkVariables(schema, document, variables, operationName);
    checkOperationLimits(schema, document, variables, operationName, config.limits);
  } catch (err) {
    // The client's operation is refused: a client error (400), not the server's (500).
    if (err instanceof GraphQLError) throw new GraphQLError(err.message, { extensions: { ...err.extensions, http: { status: 400 } } });
    throw err;
  }
}

/** Apollo's candidates for a single result, in its order (ties go to the first). */
const SINGLE_RESULT_TYPES = [MEDIA_JSON, MEDIA_GRAPHQL_RESPONSE, 'application/json; callbackSpec=1.0; charset=utf-8'];
const mediaTypes = new Map<string, string | null>();

/**
 * The media type Apollo answers a single result with for this Accept header, negotiated by the library
 * Apollo uses (negotiator), with its candidates: application/json without a header, null when neither
 * JSON type is acceptable (Apollo answers 406). Kept per header value (clients send few).
 */
export function answerMediaType(accept: string | null | undefined): string | null {
  if (!accept) return MEDIA_JSON;
  let known = mediaTypes.get(accept);
  if (known !== undefined) return known;
  const chosen = new Negotiator({ headers: { accept } }).mediaType(SINGLE_RESULT_TYPES);
  known = chosen === MEDIA_JSON || chosen === MEDIA_GRAPHQL_RESPONSE ? chosen : null;
  if (mediaTypes.size >= 100) mediaTypes.delete(mediaTypes.keys().next().value!);
  mediaTypes.set(accept, known);
  return known;
}
