import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directCounters } from '../server/direct.js';
import { startTestApp, TOKENS, type TestApp } from './harness.js';

/*
 * The direct lane of HTTP queries (server/direct.ts) answers exactly as Apollo does: same status, media
 * type and bytes, for every Accept header, viewer and operation shape; whatever it does not answer
 * (errors, mutations, persisted queries, unknown media types) still goes through Apollo. A request with
 * `extensions` always goes to Apollo: that is how each case gets Apollo's own answer to compare with.
 */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
}, 120_000);
afterAll(async () => t?.close());

interface Answer {
  status: number;
  contentType: string | null;
  body: string;
}

async function post(payload: Record<string, unknown>, headers: Record<string, string>): Promise<Answer> {
  const res = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(payload) });
  return { status: res.status, contentType: res.headers.get('content-type'), body: await res.text() };
}

/** The answer of the lane (or of Apollo when the lane passes), Apollo's own, and whether the lane answered. */
async function both(payload: Record<string, unknown>, headers: Record<string, string>) {
  const before = directCounters.answered;
  const lane = await post(payload, headers);
  const direct = directCounters.answered > before;
  const apollo = await post({ ...payload, extensions: {} }, headers);
  return { lane, apollo, direct };
}

const PORTAL = `query Portal($first: Int) { organizations(first: $first) { totalCount edges { cursor node { id name legalForm employees sector { code name } commune { name } contacts { firstName lastName email phone role } } } pageInfo { hasNextPage endCursor } } }`;
const TWO = `query A { __typename } query B { partners(first: 3) { edges { node { id name } } } }`;

const ACCEPTS: (string | null)[] = [
  null,
  'application/json',
  'application/graphql-response+json',
  'application/graphql-response+json, application/json;q=0.9',
  'application/json, application/graphql-response+json',
  'application/*',
  '*/*',
  'text/html, */*;q=0.1',
];

describe('direct lane of HTTP queries', () => {
  it('answers successful queries byte for byte as Apollo, for every Accept header and viewer', async () => {
    // A text is the lane's from its second sending (see the next test): each is sent once first.
    for (const query of [PORTAL, TWO, '{ __typename }']) await post({ query, operationName: query === TWO ? 'B' : undefined }, {});
    for (const token of [TOKENS.admin, TOKENS.expert, null]) {
      for (const accept of ACCEPTS) {
        const headers: Record<string, string> = { ...(accept ? { accept } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) };
        for (const payload of [{ query: PORTAL, variables: { first: 5 } }, { query: TWO, operationName: 'B' }, { query: '{ __typename }' }]) {
          const { lane, apollo, direct } = await both(payload, headers);
          expect(lane, `${accept} ${payload.query.slice(0, 20)}`).toEqual(apollo);
          expect(lane.status).toBe(200);
          expect(direct).toBe(true);
        }
      }
    }
  });

  it('parses a text the second time it comes, and never one found invalid: no text is parsed twice for one request', async () => {
    const admin = { authorization: `Bearer ${TOKENS.admin}` };
    // Texts no other test file sent: counters and kept texts are the worker's, shared across its files.
    const probe = `Probe${randomBytes(6).toString('hex')}`;
    const valid = { query: `query ${probe} { sectors { code } }` };
    const invalid = { query: `query ${probe} { sectors { code nope } }` };
    const counts = () => ({ ...directCounters });
    let before = counts();
    await post(valid, admin); // first time: Apollo's
    expect(directCounters).toEqual(before);
    await post(valid, admin); // second: parsed and answered by the lane
    expect(directCounters.validated).toBe(before.validated + 1);
    expect(directCounters.answered).toBe(before.answered + 1);
    before = counts();
    await post(valid, admin); // then from the kept document
    expect(directCounters.validated).toBe(before.validated);
    expect(directCounters.answered).toBe(before.answered + 1);
    before = counts();
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await post(invalid, admin));
    expect(directCounters.validated).toBe(before.validated + 1); // once, on its second sending; never again
    expect(directCounters.answered).toBe(before.answered);
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]!.body).toContain('GRAPHQL_VALIDATION_FAILED');
  });

  it('leaves to Apollo what it does not answer, with the same answer', async () => {
    const admin = { authorization: `Bearer ${TOKENS.admin}` };
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{ query: '{ node(id: "T3JnYW5pemF0aW9uOjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMA") { id } }' }, admin], // NOT_FOUND error
      [{ query: PORTAL, variables: { first: 5000 } }, admin], // refused by validation of `first`
      [{ query: PORTAL, variables: { first: 'five' } }, admin], // bad variable
      [{ query: '{ organizations { nope } }' }, admin], // invalid document
      [{ query: TWO }, admin], // two operations, none named
      [{ query: '{ __typename }' }, { accept: 'text/html' }], // 406
      [{ query: '{ __typename }' }, { authorization: 'Bearer mlg_not_a_token_at_all_123456789' }], // 401
      [{ query: 'mutation { __typename }' }, admin], // mutations always go to Apollo
      [{ query: '{ __typename }' }, { accept: 'application/json;q=0, application/graphql-response+json' }],
      [{ query: '{ node(id: "pas-un-identifiant") { id } }' }, admin],
      [{ query: '{ node(id: "T3JnYW5pemF0aW9uOjEyMw") { id } }' }, admin],
    ];
    for (const [payload, headers] of cases) {
      const { lane, apollo, direct } = await both(payload, headers);
      expect(lane, JSON.stringify(payload).slice(0, 80)).toEqual(apollo);
      // Errors and mutations are always Apollo's; a successful query the lane may answer (node of nothing is null, not an error).
      if (lane.body.includes('"errors"') || String(payload.query).startsWith('mutation')) expect(direct, JSON.stringify(payload)).toBe(false);
    }
  });

  it('runs a query with errors once: Apollo answers it with the result the lane computed', async () => {
    const admin = { authorization: `Bearer ${TOKENS.admin}` };
    const failing = { query: `query Failing { node(id: "pas-un-identifiant") { id } partners(first: 3) { edges { node { id name } } } }` };
    await post(failing, admin);
    t.resetSql();
    const apollo = await post({ ...failing, extensions: {} }, admin);
    const apolloReads = t.sql.length;
    t.resetSql();
    const before = directCounters.handedOver;
    const lane = await post(failing, admin);
    expect(directCounters.handedOver).toBe(before + 1);
    expect(lane).toEqual(apollo);
    expect(lane.body).toContain('"errors"');
    expect(t.sql, JSON.stringify(t.sql)).toHaveLength(apolloReads);
  });

  it('answers an operation name the document does not have as a client error (400), not an internal one', async () => {
    for (const operationName of ['Absente', '']) {
      const { lane, apollo, direct } = await both({ query: '{ __typename }', operationName }, {});
      expect(lane).toEqual(apollo);
      expect(lane.status).toBe(400);
      expect(lane.body).toContain('OPERATION_RESOLUTION_FAILURE');
      expect(direct).toBe(false);
    }
  });

  it('keeps the statements of a page constant and reads nothing twice', async () => {
    await post({ query: PORTAL, variables: { first: 50 } }, { authorization: `Bearer ${TOKENS.expert}` });
    t.resetSql();
    const before = directCounters.answered;
    await post({ query: PORTAL, variables: { first: 50 } }, { authorization: `Bearer ${TOKENS.expert}` });
    expect(directCounters.answered).toBe(before + 1);
    const reads = t.sql.length;
    t.resetSql();
    await post({ query: PORTAL, variables: { first: 5 } }, { authorization: `Bearer ${TOKENS.expert}` });
    expect(t.sql.length).toBe(reads);
    expect(reads).toBeLessThanOrEqual(3); // the token's check and the page with its relations
  });
});
