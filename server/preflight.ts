/**
 * Start-up checks that turn a wrong setting into one sentence for the operator, within seconds.
 *
 * Without them a wrong DATABASE_URL printed a raw stack trace, a port that is not PostgreSQL hung for
 * half a minute before blaming Knex, an unreachable Redis said "Connection is closed" and a busy port
 * a graphql-ws internal error. This file imports only light libraries (pg, ioredis, node:net), so
 * main.ts runs these checks before it loads the ORM, the schema and the modules (about 3 s).
 */
import { createServer } from 'node:net';
import pg from 'pg';
import { Redis } from 'ioredis';

/** How long a database or Redis gets to answer at start-up. */
export const CONNECT_TIMEOUT_MS = 2_500;

/** A start-up problem the operator fixes by changing `variable`; the message is one sentence. */
export class StartupError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = 'StartupError';
  }
}

/** Rejects with `onTimeout()` when `promise` takes longer than `ms`. */
export function withDeadline<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

class Timeout extends Error {
  constructor() {
    super('timeout');
    this.name = 'Timeout';
  }
}

interface Endpoint {
  host: string;
  port: string;
  user: string;
  database: string;
}

/** The parts of a URL an operator checks; never the password. */
function endpoint(url: string, defaultPort: string): Endpoint {
  try {
    const parsed = new URL(url);
    return {
      host: parsed.hostname.replace(/^\[|\]$/g, '') || 'localhost',
      port: parsed.port || defaultPort,
      user: decodeURIComponent(parsed.username),
      database: decodeURIComponent(parsed.pathname.replace(/^\//, '')),
    };
  } catch {
    return { host: '?', port: defaultPort, user: '', database: '' };
  }
}

function codeOf(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function messageOf(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!.replace(/\.$/, '');
}

/** One sentence on why PostgreSQL at `url` cannot be used, naming DATABASE_URL and what to check. */
export function databaseProblem(err: unknown, url: string, timeoutMs = CONNECT_TIMEOUT_MS): string {
  const { host, port, user, database } = endpoint(url, '5432');
  const at = `${host}:${port}`;
  const code = codeOf(err);
  const message = messageOf(err);
  if (err instanceof Timeout || /timeout/i.test(message)) {
    return `DATABASE_URL: ${at} did not answer like PostgreSQL within ${timeoutMs / 1000} s; check that the host and port in DATABASE_URL are those of a running PostgreSQL server.`;
  }
  const network = networkProblem('DATABASE_URL', 'PostgreSQL', host, at, code);
  if (network) return network;
  switch (code) {
    case '28P01':
      return `DATABASE_URL: PostgreSQL at ${at} refused the password of user "${user}"; check the user name and password in DATABASE_URL.`;
    case '28000':
      return `DATABASE_URL: PostgreSQL at ${at} refused user "${user}" (${message}); check the user name in DATABASE_URL and the server's pg_hba.conf.`;
    case '3D000':
      return `DATABASE_URL: the database "${database}" does not exist on ${at}; create it (createdb -h ${host} -p ${port}${user ? ` -U ${user}` : ''} ${database}) or correct the database name in DATABASE_URL.`;
    case '53300':
      return `DATABASE_URL: PostgreSQL at ${at} has no connection left (too many clients); check max_connections or the other clients of this server.`;
    case '57P03':
      return `DATABASE_URL: PostgreSQL at ${at} is starting up or shutting down; check the server and try again in a moment.`;
  }
  if (/ssl/i.test(message)) {
    return `DATABASE_URL: the TLS connection to ${at} failed (${message}); check sslmode in DATABASE_URL and the server's TLS settings.`;
  }
  if (!code || /terminated|protocol|unexpected|invalid|unknown message/i.test(message)) {
    return `DATABASE_URL: ${at} does not answer like PostgreSQL (${message}); check that the host and port in DATABASE_URL are those of a PostgreSQL server.`;
  }
  return `DATABASE_URL: cannot use PostgreSQL at ${at} (${code}: ${message}); check DATABASE_URL and the server.`;
}

/**
 * Connects once to PostgreSQL with a short timeout and runs `select 1`; throws a StartupError naming
 * DATABASE_URL. A missing database is reported rather than created: a typo in the URL must not start
 * the platform on a new, empty database.
 */
export async function checkDatabase(url: string, timeoutMs = CONNECT_TIMEOUT_MS): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined); // reported through connect()'s rejection
  try {
    // The deadline also bounds a DNS lookup, which pg's own timeout does not cover.
    await withDeadline(
      client.connect().then(() => client.query('select 1')),
      timeoutMs + 250,
      () => new Timeout(),
    );
  } catch (err) {
    throw new StartupError('DATABASE_URL', databaseProblem(err, url, timeoutMs));
  } finally {
    client.end().catch(() => undefined);
  }
}

/** The sentence for a network failure reaching `service` through `variable`, or null for other failures. */
function networkProblem(variable: string, service: string, host: string, at: string, code: string | undefined): string | null {
  switch (code) {
    case 'ECONNREFUSED':
      return `${variable}: nothing accepts connections at ${at} (connection refused); check that ${service} is running and the host and port in ${variable}.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_FAIL':
      return `${variable}: the host name "${host}" cannot be resolved (${code}); check the host in ${variable}.`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ETIMEDOUT':
    case 'ECONNRESET':
      return `${variable}: ${at} cannot be reached (${code}); check the host and port in ${variable} and the network between this machine and ${service}.`;
    default:
      return null;
  }
}

/** One sentence on why Redis at `url` cannot be used, naming REDIS_URL and what to check. */
export function redisProblem(err: unknown, url: string, timeoutMs = CONNECT_TIMEOUT_MS): string {
  const { host, port } = endpoint(url, '6379');
  const at = `${host}:${port}`;
  const code = codeOf(err);
  const message = messageOf(err);
  if (err instanceof Timeout || code === 'ETIMEDOUT' || /timeout/i.test(message)) {
    return `REDIS_URL: ${at} did not answer like Redis within ${timeoutMs / 1000} s; check that the host and port in REDIS_URL are those of a running Redis server.`;
  }
  const network = networkProblem('REDIS_URL', 'Redis', host, at, code);
  if (network) return network;
  if (/protocol error/i.test(message)) {
    return `REDIS_URL: ${at} does not answer like Redis; check that the host and port in REDIS_URL are those of a Redis server.`;
  }
  if (/NOAUTH|WRONGPASS|invalid password|AUTH/i.test(message)) {
    return `REDIS_URL: Redis at ${at} refused the credentials (${message}); check the user name and password in REDIS_URL.`;
  }
  return `REDIS_URL: cannot use Redis at ${at} (${message}); check that REDIS_URL points to a Redis server.`;
}

/**
 * Connects `client` (created with lazyConnect) within `timeoutMs`; throws a StartupError naming
 * REDIS_URL. ioredis rejects connect() with "Connection is closed" and gives the cause to its 'error'
 * listeners, so the last error seen is what the message describes.
 */
export async function connectRedis(clients: readonly Redis[], url: string, timeoutMs = CONNECT_TIMEOUT_MS): Promise<void> {
  let cause: unknown = null;
  const remember = (err: unknown) => (cause ??= err);
  for (const client of clients) client.on('error', remember);
  try {
    // PING: the ready check (INFO) may be off, and a server that is not Redis may accept the connection.
    await withDeadline(Promise.all(clients.map((c) => c.connect().then(() => c.ping()))), timeoutMs, () => new Timeout());
  } catch (err) {
    for (const client of clients) {
      client.on('error', () => undefined); // late errors of the abandoned connection: already reported
      client.disconnect();
    }
    throw new StartupError('REDIS_URL', redisProblem(err instanceof Timeout ? err : (cause ?? err), url, timeoutMs));
  } finally {
    for (const client of clients) client.off('error', remember);
  }
}

/** Connects once to Redis and pings it; throws a StartupError naming REDIS_URL. */
export async function checkRedis(url: string, timeoutMs = CONNECT_TIMEOUT_MS): Promise<void> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: true,
  });
  client.on('error', () => undefined);
  try {
    await connectRedis([client], url, timeoutMs);
  } finally {
    client.disconnect();
  }
}

/** One sentence on why the server cannot listen on HOST:PORT. */
export function listenProblem(err: unknown, host: string, port: number): string {
  const code = codeOf(err);
  switch (code) {
    case 'EADDRINUSE':
      return `PORT: port ${port} on ${host} is already in use by another process; stop that process or set PORT to a free port.`;
    case 'EACCES':
    case 'EPERM':
      return `PORT: this user may not listen on port ${port} (${code}); set PORT to a port above 1023 or run with the needed privilege.`;
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `HOST: "${host}" is not an address of this machine (${code}); set HOST to one of its addresses, 127.0.0.1 or 0.0.0.0.`;
  }
  return `PORT/HOST: cannot listen on ${host}:${port} (${messageOf(err)}); check PORT and HOST.`;
}

/**
 * Checks that HOST:PORT can be listened on by binding it for a moment. The server binds it again
 * seconds later (after loading its modules): this reports a busy port at once instead of after that.
 */
export async function checkListen(host: string, port: number): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (err) => reject(new StartupError(codeOf(err) === 'EADDRNOTAVAIL' ? 'HOST' : 'PORT', listenProblem(err, host, port))));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}
