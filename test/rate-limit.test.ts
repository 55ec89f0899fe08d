import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { DEFAULT_LIMITS } from '../server/config.js';
import { RateLimiter } from '../server/rate-limit.js';
import { startTestApp, TOKENS, type TestApp } from './harness.js';

/*
 * Item 12: a rate limit per token (anonymous callers: per address) shared by HTTP and WebSocket, with
 * GitHub-like headers; open sockets per address and open subscriptions per token are capped.
 */

const LIMIT = 5;
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({
    config: { limits: { ...DEFAULT_LIMITS, rateLimit: LIMIT, rateLimitWindowSeconds: 600, maxSocketsPerAddress: 3, maxSubscriptionsPerPerson: 2 } },
  });
});
afterAll(async () => t?.close());

async function post(token?: string): Promise<Response> {
  return fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: '{ viewer { isAuthenticated } }' }),
  });
}

function open(token: string | null): Promise<Client> {
  return new Promise((resolve, reject) => {
    const client: Client = createClient({
      url: t.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: reject,
      on: { connected: () => resolve(client) },
    });
  });
}

function query(client: Client, q: string): Promise<{ data?: any; errors?: any[] }> {
  return new Promise((resolve, reject) => {
    let result: { data?: any; errors?: any[] } = {};
    client.subscribe({ query: q }, { next: (v) => (result = v as typeof result), error: (err) => (Array.isArray(err) ? resolve({ errors: err }) : reject(err)), complete: () => resolve(result) });
  });
}

/** Subscribes; resolves to the refusal's errors, or null when still open after `ms`. */
function subscribe(client: Client, ms = 500): Promise<any[] | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ms);
    client.subscribe(
      { query: 'subscription { partnerChanged { id } }' },
      {
        next: () => {},
        error: (err) => {
          clearTimeout(timer);
          resolve(Array.isArray(err) ? err : [err]);
        },
        complete: () => {},
      },
    );
  });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

describe('rate limit', () => {
  it('counts a token apart from its address, with x-ratelimit headers, and answers 429 RATE_LIMITED past the limit', async () => {
    // The token's first request in this process is counted against the address (the token is not known yet).
    expect((await post(TOKENS.expert)).status).toBe(200);
    const now = Math.floor(Date.now() / 1000);
    for (let i = 0; i < LIMIT; i++) {
      const res = await post(TOKENS.expert);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-ratelimit-limit')).toBe(String(LIMIT));
      expect(res.headers.get('x-ratelimit-remaining')).toBe(String(LIMIT - 1 - i));
      expect(Number(res.headers.get('x-ratelimit-reset'))).toBeGreaterThanOrEqual(now);
    }
    const refused = await post(TOKENS.expert);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    const body = (await refused.json()) as any;
    expect(body.errors[0].extensions.code).toBe('RATE_LIMITED');

    // Anonymous requests from the same address have their own bucket: 4 left of 5.
    for (let i = 0; i < LIMIT - 1; i++) expect((await post()).status).toBe(200);
    expect((await post()).status).toBe(429);
  });

  it('counts WebSocket operations against the same token', async () => {
    const client = await open(TOKENS.funder);
    for (let i = 0; i < LIMIT; i++) expect((await query(client, '{ viewer { isAuthenticated } }')).data.viewer.isAuthenticated).toBe(true);
    const refused = await query(client, '{ viewer { isAuthenticated } }');
    expect(refused.errors?.[0].extensions.code).toBe('RATE_LIMITED');
    // The same token over HTTP is over its limit too.
    expect((await post(TOKENS.funder)).status).toBe(429);
    await client.dispose();
    await settle();
  });

  it('refills over the window (token bucket)', () => {
    let now = 1_000_000;
    const limiter = new RateLimiter(2, 1000, () => now);
    expect(limiter.take('k').allowed).toBe(true);
    expect(limiter.take('k').allowed).toBe(true);
    const refused = limiter.take('k');
    expect(refused).toMatchObject({ allowed: false, remaining: 0, retryAfter: 1 });
    now += 500; // half the window: one operation back
    expect(limiter.take('k').allowed).toBe(true);
    expect(limiter.take('k').allowed).toBe(false);
    expect(limiter.take('other').allowed).toBe(true);
  });
});

describe('WebSocket caps', () => {
  it('caps open subscriptions per token across its sockets', async () => {
    const a = await open(TOKENS.admin);
    const b = await open(TOKENS.admin);
    expect(await subscribe(a)).toBeNull();
    expect(await subscribe(b)).toBeNull();
    const third = await subscribe(a);
    expect(third?.[0].extensions).toMatchObject({ code: 'OPERATION_TOO_COMPLEX', limit: 'subscriptionsPerPerson' });
    await b.dispose();
    await settle();
    // The socket closed: its subscription no longer counts.
    expect(await subscribe(a)).toBeNull();
    await a.dispose();
    await settle();
  });

  it('caps open sockets per client address', async () => {
    const open3 = [await open(null), await open(null), await open(null)];
    await expect(open(null)).rejects.toBeTruthy();
    await open3[0]!.dispose();
    await settle();
    const again = await open(null);
    await Promise.all([again, ...open3.slice(1)].map(async (c) => c.dispose()));
    await settle();
  });
});

describe('rate limit by person', () => {
  it('gives a person one allowance whatever the tokens they create (child tokens bring no new one)', async () => {
    const own = await startTestApp({ config: { limits: { ...DEFAULT_LIMITS, rateLimit: 8, rateLimitWindowSeconds: 600 } } });
    try {
      const gql = async (query: string, token: string) =>
        fetch(own.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });
      expect((await gql('{ viewer { isAuthenticated } }', TOKENS.funder)).status).toBe(200); // counted against the address
      const children: string[] = [];
      for (const name of ['a', 'b']) {
        const res = await gql(`mutation { createApiToken(input: { name: "${name}" }) { token } }`, TOKENS.funder);
        children.push(((await res.json()) as any).data.createApiToken.token);
      }
      let answered = 2; // the two creations
      let refused = 0;
      for (let i = 0; i < 12; i++) {
        const token = [TOKENS.funder, ...children][i % 3]!;
        const status = (await gql('{ viewer { isAuthenticated } }', token)).status;
        if (status === 200) answered++;
        else if (status === 429) refused++;
      }
      // A child token's first request in the process counts against the address, as any unknown token's.
      expect(answered).toBeLessThanOrEqual(8 + children.length);
      expect(refused).toBeGreaterThan(0);
    } finally {
      await own.close();
    }
  });
});
