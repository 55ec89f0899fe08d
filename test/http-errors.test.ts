import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createApp, type App } from '../server/app.js';
import { createTestDatabase, testConfig } from './harness.js';

/*
 * What a client gets for a request the server refuses (items 14, 15): a GraphQL JSON error with a code and
 * the right 4xx status, never an HTML page, a 500, or a stack trace in the log.
 */

const logLines: any[] = [];
let app: App;
let url: string;
let database: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  database = await createTestDatabase();
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) logLines.push(JSON.parse(line));
      done();
    },
  });
  app = await createApp(testConfig({ databaseUrl: database.url, logLevel: 'info' }), { logger: pino({ level: 'info' }, sink) });
  url = await app.listen();
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

const GRAPHQL_RESPONSE = 'application/graphql-response+json';

async function post(body: string, accept?: string): Promise<{ status: number; type: string | null; body: any }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(accept ? { accept } : {}) }, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // left as text: the assertion shows it
  }
  return { status: res.status, type: res.headers.get('content-type'), body: parsed };
}

const tooComplex = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: sectors { name }`).join(' ')} }`; // 31 aliases for 30

describe('client errors over HTTP', () => {
  it('answers an operation over the limits with OPERATION_TOO_COMPLEX and 400 (200 under legacy application/json)', async () => {
    const modern = await post(JSON.stringify({ query: tooComplex }), GRAPHQL_RESPONSE);
    expect(modern.status).toBe(400);
    expect(modern.body.errors[0].extensions.code).toBe('OPERATION_TOO_COMPLEX');
    const legacy = await post(JSON.stringify({ query: tooComplex }), 'application/json');
    expect(legacy.status).toBe(200);
    expect(legacy.body.errors[0].extensions.code).toBe('OPERATION_TOO_COMPLEX');
  });

  it('answers malformed JSON with a GraphQL error BAD_REQUEST, 400, and one log line without a stack', async () => {
    const before = logLines.length;
    const res = await post('{ "query": "{ viewer { isAuthenticated } }"', GRAPHQL_RESPONSE);
    expect(res.status).toBe(400);
    expect(res.type).toMatch(/json/);
    expect(res.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    const lines = logLines.slice(before);
    expect(lines).toHaveLength(1);
    expect(JSON.stringify(lines[0])).not.toMatch(/at JSON\.parse|stack/);
  });

  it('reads a body starting with a UTF-8 byte order mark as express.json does, whatever its content type spelling', async () => {
    for (const contentType of ['application/json', 'application/json; x=1']) {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body: '\ufeff{"query":"{ __typename }"}' });
      expect(res.status, contentType).toBe(200);
      expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
    }
  });

  it('answers a body over 1 MB with a GraphQL error PAYLOAD_TOO_LARGE and 413, and one log line', async () => {
    const before = logLines.length;
    const res = await post(JSON.stringify({ query: '{ viewer { isAuthenticated } }', variables: { padding: 'x'.repeat(1_100_000) } }));
    expect(res.status).toBe(413);
    expect(res.type).toMatch(/json/);
    expect(res.body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    const lines = logLines.slice(before);
    expect(lines).toHaveLength(1);
    expect(JSON.stringify(lines[0])).not.toMatch(/stack/);
  });

  it('refuses a subscription sent over HTTP as a client error, BAD_REQUEST and 400', async () => {
    for (const accept of [GRAPHQL_RESPONSE, 'application/json', undefined]) {
      const res = await post(JSON.stringify({ query: 'subscription { partnerChanged { id } }' }), accept);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].extensions.code).toBe('BAD_REQUEST');
      expect(res.body.errors[0].message).toMatch(/WebSocket/);
    }
  });

  it('keeps 400 for parse and validation errors under application/graphql-response+json, 200 under application/json', async () => {
    const parse = JSON.stringify({ query: '{ viewer {' });
    const invalid = JSON.stringify({ query: '{ noSuchField }' });
    expect((await post(parse, GRAPHQL_RESPONSE)).status).toBe(400);
    expect((await post(invalid, GRAPHQL_RESPONSE)).status).toBe(400);
    const legacy = await post(parse, 'application/json');
    expect(legacy.status).toBe(200);
    expect(legacy.body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect((await post(invalid)).status).toBe(200);
  });
});
