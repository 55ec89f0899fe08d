import { pino, stdSerializers, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs (pino); one child per request carries its request id. `destination`: stdout by default (tests capture it). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'maillage' },
    redact: { paths: ['req.headers.authorization', '*.token', '*.password'], censor: '[masqué]' },
    // Database errors carry their statement with its values inlined, and PostgreSQL's detail
    // ("Key (email)=(…) already exists"): personal data. They are logged without them.
    serializers: { err: serializeError, error: serializeError },
  };
  return destination ? pino(options, destination) : pino(options);
}

type ErrorLike = Error & Record<string, unknown>;

/**
 * An error of PostgreSQL (pg, PGlite) or MikroORM's DriverException wrapping one, which copies its
 * properties: a five-character SQLSTATE in `code`, and the server's `severity` or `routine`.
 */
export function isDatabaseError(err: unknown): err is ErrorLike {
  if (!(err instanceof Error)) return false;
  const e = err as ErrorLike;
  return typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && (typeof e.severity === 'string' || typeof e.routine === 'string');
}

/**
 * A statement without its values: string literals (as knex inlines them, `'…'` or `E'…'`) and numbers
 * outside quoted identifiers become `?`; identifiers, keywords and placeholders stay, so the log still
 * says which statement failed on which table.
 */
export function statementShape(sql: string): string {
  return sql.replace(/"(?:[^"]|"")*"|[eE]?'(?:[^'\\]|''|\\.)*'|\b\d+(?:\.\d+)?\b/g, (token) => (token.startsWith('"') ? token : '?'));
}

/** Words after which PostgreSQL quotes a name (relation "person"), not a value (for type uuid: "…"). */
const NAMED =
  /\b(relation|constraint|column|table|type|index|schema|function|sequence|encoding|operator|database|role|extension|trigger|view|enum|collation|cursor|savepoint|portal|statement|domain)\s*$/i;

/** PostgreSQL's own message, with the values it quotes (`invalid input syntax for type uuid: "…"`) masked. */
function redactServerMessage(message: string): string {
  let out = '';
  let last = 0;
  for (const match of message.matchAll(/"(?:[^"]|"")*"|'(?:[^']|'')*'/g)) {
    const before = message.slice(0, match.index);
    out += message.slice(last, match.index) + (match[0].startsWith('"') && NAMED.test(before) ? match[0] : '?');
    last = match.index! + match[0].length;
  }
  return out + message.slice(last);
}

/** The separator knex puts between the statement and the server's message, outside quoted text. */
function splitStatement(message: string): [statement: string | null, server: string] {
  const masked = message.replace(/"(?:[^"]|"")*"|[eE]?'(?:[^'\\]|''|\\.)*'/g, (token) => ' '.repeat(token.length).replace(/^./, 'x'));
  const at = masked.lastIndexOf(' - ');
  return at < 0 ? [null, message] : [message.slice(0, at), message.slice(at + 3)];
}

/** What is logged of a database error: its kind, SQLSTATE, names and statement shape; no values, no detail. */
export function serializeDatabaseError(err: ErrorLike): Record<string, unknown> {
  const [inlined, server] = typeof err.query === 'string' && err.message.startsWith(`${err.query} - `) ? [err.query, err.message.slice(err.query.length + 3)] : splitStatement(err.message);
  const statement = inlined === null ? undefined : statementShape(inlined);
  const message = `${statement ? `${statement} - ` : ''}${redactServerMessage(server)}`;
  const out: Record<string, unknown> = { type: err.name === 'error' ? 'DatabaseError' : err.name, code: err.code, message };
  if (statement) out.statement = statement;
  for (const key of ['severity', 'schema', 'table', 'column', 'constraint', 'dataType', 'routine'] as const) {
    if (typeof err[key] === 'string') out[key] = err[key];
  }
  // The first lines of the stack repeat the message: keep only the frames.
  const frames = (err.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at '));
  out.stack = [`${String(out.type)}: ${message}`, ...frames].join('\n');
  return out;
}

/** pino's error serializer, except for database errors, also where they are nested (`cause`, `originalError`). */
export function serializeError(err: unknown): unknown {
  if (isDatabaseError(err)) return serializeDatabaseError(err);
  if (!(err instanceof Error)) return err;
  const out = stdSerializers.err(err) as unknown as Record<string, unknown>;
  for (const key of new Set(['cause', 'originalError', ...Object.keys(err)])) {
    const value = (err as ErrorLike)[key];
    if (!isDatabaseError(value)) continue;
    const safe = serializeDatabaseError(value);
    out[key] = safe;
    // pino appends the messages and stacks of causes, and wrappers often copy the message.
    for (const field of ['message', 'stack'] as const) {
      if (typeof out[field] === 'string') out[field] = (out[field] as string).split(value.message).join(String(safe.message));
    }
  }
  return out;
}
