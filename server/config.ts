/**
 * Configuration from environment variables, validated once at start.
 * Every problem is reported at once, with the variable's name, so an operator fixes them in one go.
 */
import { realpathSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** PostgreSQL URL; absent means the embedded PGlite database. */
  databaseUrl: string | null;
  /** Folder of the embedded PGlite database (created if missing); null keeps it in memory. */
  dataDir: string | null;
  redisUrl: string | null;
  /** Enabled module names; null means all. */
  modules: string[] | null;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Load demo data on first start. */
  demo: boolean;
  limits: OperationLimits;
  /**
   * On SIGTERM, how long requests already received may take to be answered before their connections
   * are cut (SHUTDOWN_GRACE_MS). Optional so hand-built configs (tests) get the default.
   */
  shutdownGraceMs?: number;
  /** How often an open WebSocket's token is checked again while idle (WS_TOKEN_RECHECK_MS). */
  tokenRecheckMs?: number;
  /**
   * The folder `importOrganizations(input: { path })` may read files from (IMPORT_DIR), absolute; null:
   * reading a local file through the API is off. Optional so hand-built configs (tests) get null.
   */
  importDir?: string | null;
  /**
   * The folder of stored files (FILES_DIR; server/kit/files.ts), absolute, created when first needed; by
   * default `files` beside the PGlite folder (.data/files). Optional so hand-built configs (tests) set
   * their own; without it, storing a file answers SERVICE_UNAVAILABLE.
   */
  filesDir?: string | null;
  /**
   * The committee screen's built files (clients/screen, `npm run screen:build`), served at /screen/;
   * by default the checkout's `dist/screen`. Optional so hand-built configs (tests) may give their own build.
   */
  screenDir?: string | null;
}

export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;
export const DEFAULT_TOKEN_RECHECK_MS = 30_000;

export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  maxPageSize: number;
  maxSubscriptionsPerSocket: number;
  /** Largest HTTP body and WebSocket message, in bytes (MAX_BODY_BYTES). */
  maxBodyBytes: number;
  /** Open WebSockets per client address (MAX_SOCKETS_PER_ADDRESS). */
  maxSocketsPerAddress: number;
  /** Open HTTP connections (kept alive or busy, WebSockets included) per client address (MAX_CONNECTIONS_PER_ADDRESS). */
  maxConnectionsPerAddress: number;
  /** Open subscriptions per person across their sockets and tokens; anonymous ones per address (MAX_SUBSCRIPTIONS_PER_PERSON). */
  maxSubscriptionsPerPerson: number;
  /** Operations per person, whatever the token (anonymous: per address) and window, HTTP and WebSocket together; 0 turns it off (RATE_LIMIT). */
  rateLimit: number;
  /** The window of `rateLimit`, in seconds (RATE_LIMIT_WINDOW_SECONDS). */
  rateLimitWindowSeconds: number;
}

export const DEFAULT_LIMITS: OperationLimits = {
  maxDepth: 12,
  maxAliases: 30,
  maxCost: 50_000,
  maxPageSize: 100,
  maxSubscriptionsPerSocket: 20,
  maxBodyBytes: 1_048_576,
  maxSocketsPerAddress: 50,
  maxConnectionsPerAddress: 256,
  maxSubscriptionsPerPerson: 100,
  // Generous: an abuse brake, not a quota (a page of the portal makes a few operations).
  rateLimit: 10_000,
  rateLimitWindowSeconds: 60,
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Reads environment variables, collecting every problem instead of stopping at the first. */
class EnvReader {
  readonly problems: string[] = [];

  constructor(private readonly env: NodeJS.ProcessEnv) {}

  /** A trimmed value, or undefined when unset or blank. */
  text(name: string): string | undefined {
    return this.env[name]?.trim() || undefined;
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      this.problems.push(`${name}: expected a whole number between ${min} and ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  }

  bool(name: string, fallback: boolean): boolean {
    const raw = this.env[name]?.trim().toLowerCase();
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
    if (['0', 'false', 'no', 'off'].includes(raw)) return false;
    this.problems.push(`${name}: expected true or false, got "${this.env[name]}"`);
    return fallback;
  }

  url(name: string, protocols: string[]): string | null {
    const raw = this.env[name]?.trim();
    if (!raw) return null;
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) {
        this.problems.push(`${name}: expected a ${protocols.join(' or ')} URL, got "${parsed.protocol}"`);
      }
    } catch {
      this.problems.push(`${name}: not a valid URL`);
    }
    return raw;
  }

  logLevel(name: string): Config['logLevel'] {
    const logLevel = (this.text(name) || 'info') as Config['logLevel'];
    if (!LOG_LEVELS.includes(logLevel)) this.problems.push(`${name}: expected one of ${LOG_LEVELS.join(', ')}, got "${this.env[name]}"`);
    return logLevel;
  }

  /** An existing folder, as an absolute path with its symbolic links resolved; null when unset. */
  directory(name: string): string | null {
    const raw = this.text(name);
    if (!raw) return null;
    try {
      const real = realpathSync(resolve(raw));
      if (!statSync(real).isDirectory()) this.problems.push(`${name}: "${raw}" is not a folder`);
      return real;
    } catch {
      this.problems.push(`${name}: the folder "${raw}" does not exist`);
      return null;
    }
  }

  moduleNames(name: string): string[] | null {
    const raw = this.text(name);
    const modules = raw
      ? raw
          .split(',')
          .map((m) => m.trim())
          .filter(Boolean)
      : null;
    if (modules?.some((m) => !/^[a-z][a-z0-9-]*$/.test(m))) this.problems.push(`${name}: expected comma-separated module names, got "${raw}"`);
    return modules;
  }
}

/** The operation limits (MAX_QUERY_DEPTH, RATE_LIMIT…), each within its bounds. */
function limitsFrom(read: EnvReader): OperationLimits {
  return {
    maxDepth: read.int('MAX_QUERY_DEPTH', DEFAULT_LIMITS.maxDepth, 2, 100),
    maxAliases: read.int('MAX_QUERY_ALIASES', DEFAULT_LIMITS.maxAliases, 1, 1000),
    maxCost: read.int('MAX_QUERY_COST', DEFAULT_LIMITS.maxCost, 10, 10_000_000),
    maxPageSize: DEFAULT_LIMITS.maxPageSize,
    maxSubscriptionsPerSocket: read.int('MAX_SUBSCRIPTIONS_PER_SOCKET', DEFAULT_LIMITS.maxSubscriptionsPerSocket, 1, 1000),
    maxBodyBytes: read.int('MAX_BODY_BYTES', DEFAULT_LIMITS.maxBodyBytes, 1024, 100 * 1_048_576),
    maxSocketsPerAddress: read.int('MAX_SOCKETS_PER_ADDRESS', DEFAULT_LIMITS.maxSocketsPerAddress, 1, 100_000),
    maxConnectionsPerAddress: read.int('MAX_CONNECTIONS_PER_ADDRESS', DEFAULT_LIMITS.maxConnectionsPerAddress, 1, 1_000_000),
    maxSubscriptionsPerPerson: read.int('MAX_SUBSCRIPTIONS_PER_PERSON', DEFAULT_LIMITS.maxSubscriptionsPerPerson, 1, 100_000),
    rateLimit: read.int('RATE_LIMIT', DEFAULT_LIMITS.rateLimit, 0, 100_000_000),
    rateLimitWindowSeconds: read.int('RATE_LIMIT_WINDOW_SECONDS', DEFAULT_LIMITS.rateLimitWindowSeconds, 1, 86_400),
  };
}

/** The configuration from `env`; throws a `ConfigError` listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const read = new EnvReader(env);
  const databaseUrl = read.url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const redisUrl = read.url('REDIS_URL', ['redis:', 'rediss:']);
  const logLevel = read.logLevel('LOG_LEVEL');
  const modules = read.moduleNames('MODULES');
  const config: Config = {
    port: read.int('PORT', 4000, 0, 65535),
    host: read.text('HOST') || '127.0.0.1',
    databaseUrl,
    dataDir: read.text('DATA_DIR') || '.data/pglite',
    redisUrl,
    modules,
    logLevel,
    // Demo data by default on the embedded database only: a real PostgreSQL is someone's data.
    demo: read.bool('DEMO', databaseUrl === null),
    limits: limitsFrom(read),
    shutdownGraceMs: read.int('SHUTDOWN_GRACE_MS', DEFAULT_SHUTDOWN_GRACE_MS, 0, 600_000),
    tokenRecheckMs: read.int('WS_TOKEN_RECHECK_MS', DEFAULT_TOKEN_RECHECK_MS, 100, 3_600_000),
    importDir: read.directory('IMPORT_DIR'),
    filesDir: resolve(read.text('FILES_DIR') || join(dirname(read.text('DATA_DIR') || '.data/pglite'), 'files')),
  };
  if (read.problems.length > 0) throw new ConfigError(read.problems);
  return config;
}
