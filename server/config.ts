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
}

export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  maxPageSize: number;
  maxSubscriptionsPerSocket: number;
}

export const DEFAULT_LIMITS: OperationLimits = {
  maxDepth: 12,
  maxAliases: 30,
  maxCost: 50_000,
  maxPageSize: 100,
  maxSubscriptionsPerSocket: 20,
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
    },
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
