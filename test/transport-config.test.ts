import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_LIMITS, DEFAULT_SHUTDOWN_GRACE_MS, DEFAULT_TOKEN_RECHECK_MS, loadConfig } from '../server/config.js';

describe('configuration of limits, rate limits and shutdown', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({});
    expect(config.limits).toMatchObject({
      maxBodyBytes: 1_048_576,
      rateLimit: 10_000,
      rateLimitWindowSeconds: 60,
      maxSocketsPerAddress: 50,
      maxConnectionsPerAddress: 256,
      maxSubscriptionsPerPerson: 100,
    });
    expect(config.limits).toEqual(DEFAULT_LIMITS);
    expect(config.shutdownGraceMs).toBe(DEFAULT_SHUTDOWN_GRACE_MS);
    expect(config.tokenRecheckMs).toBe(DEFAULT_TOKEN_RECHECK_MS);
  });

  it('reads each variable, and RATE_LIMIT=0 turns the rate limit off', () => {
    const config = loadConfig({
      MAX_BODY_BYTES: '2048',
      RATE_LIMIT: '0',
      RATE_LIMIT_WINDOW_SECONDS: '10',
      MAX_SOCKETS_PER_ADDRESS: '7',
      MAX_CONNECTIONS_PER_ADDRESS: '9',
      MAX_SUBSCRIPTIONS_PER_PERSON: '8',
      SHUTDOWN_GRACE_MS: '2500',
      WS_TOKEN_RECHECK_MS: '1000',
    });
    expect(config.limits).toMatchObject({ maxBodyBytes: 2048, rateLimit: 0, rateLimitWindowSeconds: 10, maxSocketsPerAddress: 7, maxConnectionsPerAddress: 9, maxSubscriptionsPerPerson: 8 });
    expect(config.shutdownGraceMs).toBe(2500);
    expect(config.tokenRecheckMs).toBe(1000);
  });

  it('reports invalid values by name', () => {
    try {
      loadConfig({ RATE_LIMIT: '-1', SHUTDOWN_GRACE_MS: 'soon', MAX_BODY_BYTES: '10' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      for (const name of ['RATE_LIMIT', 'SHUTDOWN_GRACE_MS', 'MAX_BODY_BYTES']) expect(problems).toContain(name);
    }
  });
});
