import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TOKENS, type TestApp } from './harness.js';
import { floorBody, floorExecutor, startFloorServer, FLOOR_STATEMENTS, type FloorServer } from '../bench/floor.js';
import { canonicalData, LoadChecker, type Post } from '../bench/check.js';
import { COMMITTEE_FLOOR, COMMITTEE_FLOOR_STATEMENTS } from '../bench/support-floor.js';
import { SCENARIOS } from '../bench/scenarios.js';

/*
 * The benchmark compares GraphQL with a hand-written floor: the floor must answer the same data (on
 * PGlite and PostgreSQL), and the checks that stop a dishonest run must really stop it.
 */

const QUERY = `query PortalList { organizations(first: 100) { totalCount edges { node { id name legalForm employees sector { code name } commune { name } contacts { firstName lastName email phone role } } } } }`;

let t: TestApp;
let floor: FloorServer;
let floorDb: ReturnType<typeof floorExecutor>;
let roundTrips = 0;

const post: Post = async (url) => {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKENS.expert}` },
    body: JSON.stringify({ query: QUERY, operationName: 'PortalList' }),
  });
  return { status: res.status, text: await res.text() };
};

beforeAll(async () => {
  t = await startTestApp();
  floorDb = floorExecutor(t.app.gateway.orm, t.databaseUrl);
  floor = await startFloorServer((sql) => {
    roundTrips++;
    return floorDb.execute(sql);
  });
});
afterAll(async () => {
  await floor?.close();
  await floorDb?.close();
  await t?.close();
});

describe('benchmark floor', () => {
  it('answers the very data GraphQL answers, byte for byte once keys are sorted, in one round trip of three statements', async () => {
    const g = await post(t.url);
    const reference = canonicalData('graphql', g.status, g.text);
    const edges = JSON.parse(g.text).data.organizations.edges;
    expect(edges).toHaveLength(100);
    expect(edges.filter((e: any) => e.node.contacts.length > 0).length).toBeGreaterThan(0);
    expect(edges.filter((e: any) => e.node.contacts.length === 0).length).toBeGreaterThan(0);
    expect(edges.some((e: any) => e.node.contacts.length > 1)).toBe(true); // contacts' order is compared too

    roundTrips = 0;
    const f = await post(floor.url);
    expect(canonicalData('floor', f.status, f.text)).toBe(reference);
    expect(FLOOR_STATEMENTS).toHaveLength(3);
    expect(roundTrips).toBe(1);
  });

  it('builds a different answer when a row differs, so the comparison catches it', async () => {
    const results = await floorDb.execute(FLOOR_STATEMENTS.join(';\n'));
    const good = canonicalData('floor', 200, floorBody(results));
    const contacts = results[2]!;
    expect(contacts.length).toBeGreaterThan(1);
    const dropped = canonicalData('floor', 200, floorBody([results[0]!, results[1]!, contacts.slice(1)]));
    expect(dropped).not.toBe(good);
    const reordered = canonicalData('floor', 200, floorBody([results[0]!, results[1]!, [...contacts].reverse()]));
    expect(reordered).not.toBe(good);
  });
});

describe("the committee's working list floor", () => {
  it('answers the very data GraphQL answers an administrator, in one round trip of nine statements', async () => {
    const scenario = SCENARIOS.find((x) => x.name === 'CommitteeList')!;
    expect(scenario.viewer).toBe('admin');
    const body = JSON.stringify({ query: scenario.query, operationName: scenario.name });
    const res = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKENS.admin}` }, body });
    const text = await res.text();
    const reference = canonicalData('graphql', res.status, text);
    expect(scenario.inspect(JSON.parse(text).data)).toMatch(/^50 open requests/);

    const committee = await startFloorServer((sql) => {
      roundTrips++;
      return floorDb.execute(sql);
    }, COMMITTEE_FLOOR);
    try {
      roundTrips = 0;
      const f = await fetch(committee.url, { method: 'POST', body });
      expect(canonicalData('floor', f.status, await f.text())).toBe(reference);
      expect(COMMITTEE_FLOOR_STATEMENTS).toHaveLength(9);
      expect(roundTrips).toBe(1);
    } finally {
      await committee.close();
    }
  });
});

describe('checks during the load', () => {
  /** A server that answers `answers[i]` to its i-th request (the last one afterwards). */
  async function scripted(answers: { status: number; body: string }[]): Promise<{ url: string; server: Server }> {
    let i = 0;
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const a = answers[Math.min(i++, answers.length - 1)]!;
        res.writeHead(a.status, { 'content-type': 'application/json' });
        res.end(a.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
  }

  const good = JSON.stringify({ data: { organizations: { totalCount: 2, edges: [{ node: { id: 'a', name: 'A' } }] } } });
  /** Same data, keys in another order: not a difference. */
  const reordered = JSON.stringify({ data: { organizations: { edges: [{ node: { name: 'A', id: 'a' } }], totalCount: 2 } } });
  const reference = canonicalData('reference', 200, good);

  async function runChecker(answers: { status: number; body: string }[], samples: number): Promise<LoadChecker> {
    const { url, server } = await scripted(answers);
    let failed: Error | null = null;
    const checker = new LoadChecker('target', url, reference, post, (err) => (failed = err), 5).start();
    const deadline = Date.now() + 5000;
    while (!failed && checker.checked < samples && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    await checker.stop();
    server.close();
    expect(checker.failure).toBe(failed);
    return checker;
  }

  it('accepts identical data whatever the key order', async () => {
    const checker = await runChecker(
      [
        { status: 200, body: good },
        { status: 200, body: reordered },
      ],
      4,
    );
    expect(checker.failure).toBeNull();
    expect(checker.checked).toBeGreaterThanOrEqual(4);
  });

  it('stops at the first answer with errors, even with a 200', async () => {
    const errors = JSON.stringify({ data: null, errors: [{ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    const checker = await runChecker(
      [
        { status: 200, body: good },
        { status: 200, body: good },
        { status: 200, body: errors },
      ],
      10,
    );
    expect(checker.checked).toBe(2);
    expect(checker.failure?.message).toMatch(/target \(sample 3 during the load\): HTTP 200, errors: .*boom/);
  });

  it('stops at a non-200 answer and at different data', async () => {
    const overloaded = await runChecker([{ status: 503, body: 'busy' }], 10);
    expect(overloaded.failure?.message).toMatch(/HTTP 503/);
    const other = JSON.stringify({ data: { organizations: { totalCount: 2, edges: [{ node: { id: 'a', name: 'B' } }] } } });
    const differs = await runChecker(
      [
        { status: 200, body: good },
        { status: 200, body: other },
      ],
      10,
    );
    expect(differs.checked).toBe(1);
    expect(differs.failure?.message).toMatch(/data differ from the reference answer at character/);
  });
});
