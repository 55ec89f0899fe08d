import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditServer } from 'graphql-http';
import { startTestApp, type TestApp } from './harness.js';

/** The GraphQL-over-HTTP audit of graphql-http against the real server (item 19): every MUST and SHOULD passes. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

describe('GraphQL over HTTP', () => {
  it('passes every MUST and SHOULD of the graphql-http audit', async () => {
    const results = await auditServer({ url: t.url });
    const required = results.filter((r) => r.name.startsWith('MUST') || r.name.startsWith('SHOULD'));
    expect(required.length).toBeGreaterThanOrEqual(36);
    const failing = required.filter((r) => r.status !== 'ok').map((r) => `${r.id} ${r.name}: ${r.reason}`);
    expect(failing).toEqual([]);
  });
});
