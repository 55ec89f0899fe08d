import { parse, validate, type DocumentNode, type ExecutionResult, type GraphQLError, type GraphQLSchema } from 'graphql';
import type { CompiledQuery } from 'graphql-jit';
import { Context } from './context.js';
import type { Viewer } from './auth.js';

/**
 * Multiplexing of subscription events (what Hasura calls multiplexing): when one event is pushed to many
 * subscribers, those with the same operation (document text, operation name, variables) and the same
 * visibility class share ONE execution (its loads and its result), instead of each reloading the payload.
 *
 * The visibility class is everything that can change what a viewer is shown, conservatively:
 * - signed in or not, the platform role, and every membership (partner and role), sorted;
 * - the person and the token, whenever the execution read them: the shared execution runs with a viewer
 *   that notes any read of `personId` or `tokenId` (a visibility rule `{ startedBy: viewer.personId }`, a
 *   "mine" field…); its result then serves only that person's subscribers on that token, and each other
 *   person of the class gets an execution of their own. So a resolver may read the person freely: it
 *   only costs sharing. What a resolver must not do is tell viewers apart by anything but the viewer.
 *
 * Executions are kept per event payload (a WeakMap on the object the pubsub hands every listener), so
 * they go with it; a payload a subscription rebuilds per subscriber is simply not shared. Each subscriber
 * still has its own token check and its own error formatting (server/websocket.ts), and an event hidden
 * from a class is hidden from each of its subscribers.
 */
export interface SharedRun {
  result: ExecutionResult;
  /** The execution read the person or the token: its result is that person's (and token's) only. */
  personal: boolean;
  viewer: Viewer;
}

/** Executions, and results handed to subscribers, since the process started (tests and `npm run bench` read them). */
export const multiplexCounters = { executions: 0, deliveries: 0 };

const runsByPayload = new WeakMap<object, Map<string, Promise<SharedRun>>>();

/** What a viewer is shown depends on at most this (the person and token apart: see `personal`). */
export function visibilityClass(viewer: Viewer): string {
  const memberships = viewer.memberships
    .map((m) => `${m.partnerId}:${m.role}`)
    .sort()
    .join(',');
  return `${viewer.isAuthenticated ? 'person' : 'anonymous'}|${viewer.platformRole ?? ''}|${memberships}`;
}

/** The operation's identity for sharing: the document's text, the operation's name and the variables. */
export function operationKey(source: string, operationName: string | null | undefined, variables: Readonly<Record<string, unknown>> | null | undefined): string {
  return `${operationName ?? ''}\u0000${stableJson(variables ?? {})}\u0000${source}`;
}

/**
 * The result of `query` on `payload` for `ctx`'s viewer, shared with every subscriber of the same
 * operation and class for this payload. `renew` gives the subscriber's context a fresh unit of work when
 * the payload cannot be shared (not an object): it then runs alone, as before.
 */
export async function sharedExecution(query: CompiledQuery, payload: unknown, ctx: Context, operation: string, variables: Record<string, unknown>): Promise<ExecutionResult> {
  if (payload === null || typeof payload !== 'object') {
    ctx.renew();
    multiplexCounters.executions++;
    return count(await query.query(payload, ctx, variables));
  }
  let runs = runsByPayload.get(payload);
  if (!runs) runsByPayload.set(payload, (runs = new Map<string, Promise<SharedRun>>()));
  const viewer = ctx.viewer;
  const key = `${visibilityClass(viewer)}\u0000${operation}`;
  const shared = await runOnce(runs, key, () => execute(query, payload, ctx, viewer, variables, true));
  if (!shared.personal || samePerson(shared.viewer, viewer)) return count(shared.result);
  const personalKey = `${key}\u0000${viewer.personId ?? ''}\u0000${viewer.tokenId ?? ''}`;
  return count((await runOnce(runs, personalKey, () => execute(query, payload, ctx, viewer, variables, false))).result);
}

function count(result: ExecutionResult): ExecutionResult {
  multiplexCounters.deliveries++;
  return result;
}

/** The run under `key`, started by the first caller; later callers share it. */
function runOnce(runs: Map<string, Promise<SharedRun>>, key: string, start: () => Promise<SharedRun>): Promise<SharedRun> {
  let run = runs.get(key);
  if (!run) {
    run = start();
    runs.set(key, run);
  }
  return run;
}

/** One execution on a fresh context (EntityManager fork and loaders) as `viewer`, noting reads of the person when asked. */
async function execute(query: CompiledQuery, payload: unknown, ctx: Context, viewer: Viewer, variables: Record<string, unknown>, track: boolean): Promise<SharedRun> {
  const read = { person: false };
  const context = new Context(ctx.gateway, track ? tracked(viewer, read) : viewer, ctx.requestId, ctx.logger);
  multiplexCounters.executions++;
  const result = await query.query(payload, context, variables);
  return { result, personal: !track || read.person, viewer };
}

/**
 * `viewer` as seen by resolvers, noting in `read.person` any read of its person or token. Its getters and
 * methods run on the viewer itself: what they derive (signed in, roles, partners) is in the class.
 */
function tracked(viewer: Viewer, read: { person: boolean }): Viewer {
  return new Proxy(viewer, {
    get(target, property) {
      if (property === 'personId' || property === 'tokenId') read.person = true;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

const samePerson = (a: Viewer, b: Viewer) => a.personId === b.personId && a.tokenId === b.tokenId;

/** JSON with object keys sorted, so that `{a, b}` and `{b, a}` name the same variables. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Documents parsed and validated, by text: the many subscribers of one screen send the same one. */
const DOCUMENTS_KEPT = 200;
/** Longer documents are parsed and validated each time (what is kept stays small). */
const DOCUMENT_KEPT_CHARS = 8_192;
const documents = new WeakMap<GraphQLSchema, Map<string, DocumentNode>>();

/** The document kept for `text` (valid, parsed before), or undefined: nothing is parsed. */
export function keptDocument(schema: GraphQLSchema, text: string): DocumentNode | undefined {
  return documents.get(schema)?.get(text);
}

/**
 * `text` parsed and validated against `schema`, or its errors. A valid document of a few KB is kept (the
 * last DOCUMENTS_KEPT, per schema) and handed again to whoever sends the same text: the same DocumentNode
 * then also finds its compiled operation (server/executor.ts), instead of each subscriber parsing,
 * validating and compiling its own copy (time at subscribe, memory per connection).
 */
export function validDocument(schema: GraphQLSchema, text: string): { document: DocumentNode } | { errors: readonly GraphQLError[] } {
  let kept = documents.get(schema);
  if (!kept) documents.set(schema, (kept = new Map<string, DocumentNode>()));
  const known = kept.get(text);
  if (known) {
    kept.delete(text); // most recently used last
    kept.set(text, known);
    return { document: known };
  }
  let document: DocumentNode;
  try {
    document = parse(text);
  } catch (err) {
    return { errors: [err as GraphQLError] };
  }
  const errors = validate(schema, document);
  if (errors.length > 0) return { errors };
  if (text.length <= DOCUMENT_KEPT_CHARS) {
    if (kept.size >= DOCUMENTS_KEPT) kept.delete(kept.keys().next().value!);
    kept.set(text, document);
  }
  return { document };
}
