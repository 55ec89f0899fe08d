/**
 * Configuration from environment variables, validated once at start.
 * Every problem is reported at once, with the variable's name, so an operator fixes them in one go.
 */
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

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];

  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name}: expected a whole number between ${min} and ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name]?.trim().toLowerCase();
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
    if (['0', 'false', 'no', 'off'].includes(raw)) return false;
    problems.push(`${name}: expected true or false, got "${env[name]}"`);
    return fallback;
  };
  const url = (name: string, protocols: string[]): string | null => {
    const raw = env[name]?.trim();
    if (!raw) return null;
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) {
        problems.push(`${name}: expected a ${protocols.join(' or ')} URL, got "${parsed.protocol}"`);
      }
    } catch {
      problems.push(`${name}: not a valid URL`);
    }
    return raw;
  };

  const databaseUrl = url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const redisUrl = url('REDIS_URL', ['redis:', 'rediss:']);
  const logLevel = (env.LOG_LEVEL?.trim() || 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL: expected one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  }
  const modulesRaw = env.MODULES?.trim();
  const modules = modulesRaw ? modulesRaw.split(',').map((m) => m.trim()).filter(Boolean) : null;
  if (modules?.some((m) => !/^[a-z][a-z0-9-]*$/.test(m))) {
    problems.push(`MODULES: expected comma-separated module names, got "${modulesRaw}"`);
  }

  const config: Config = {
    port: int('PORT', 4000, 0, 65535),
    host: env.HOST?.trim() || '127.0.0.1',
    databaseUrl,
    dataDir: env.DATA_DIR?.trim() || '.data/pglite',
    redisUrl,
    modules,
    logLevel,
    // Demo data by default on the embedded database only: a real PostgreSQL is someone's data.
    demo: bool('DEMO', databaseUrl === null),
    limits: {
      maxDepth: int('MAX_QUERY_DEPTH', DEFAULT_LIMITS.maxDepth, 2, 100),
      maxAliases: int('MAX_QUERY_ALIASES', DEFAULT_LIMITS.maxAliases, 1, 1000),
      maxCost: int('MAX_QUERY_COST', DEFAULT_LIMITS.maxCost, 10, 10_000_000),
      maxPageSize: DEFAULT_LIMITS.maxPageSize,
      maxSubscriptionsPerSocket: int('MAX_SUBSCRIPTIONS_PER_SOCKET', DEFAULT_LIMITS.maxSubscriptionsPerSocket, 1, 1000),
      maxBodyBytes: int('MAX_BODY_BYTES', DEFAULT_LIMITS.maxBodyBytes, 1024, 100 * 1_048_576),
      maxSocketsPerAddress: int('MAX_SOCKETS_PER_ADDRESS', DEFAULT_LIMITS.maxSocketsPerAddress, 1, 100_000),
      maxSubscriptionsPerPerson: int('MAX_SUBSCRIPTIONS_PER_PERSON', DEFAULT_LIMITS.maxSubscriptionsPerPerson, 1, 100_000),
      rateLimit: int('RATE_LIMIT', DEFAULT_LIMITS.rateLimit, 0, 100_000_000),
      rateLimitWindowSeconds: int('RATE_LIMIT_WINDOW_SECONDS', DEFAULT_LIMITS.rateLimitWindowSeconds, 1, 86_400),
    },
    shutdownGraceMs: int('SHUTDOWN_GRACE_MS', DEFAULT_SHUTDOWN_GRACE_MS, 0, 600_000),
    tokenRecheckMs: int('WS_TOKEN_RECHECK_MS', DEFAULT_TOKEN_RECHECK_MS, 100, 3_600_000),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
