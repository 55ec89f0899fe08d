import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { startTestApp, TOKENS, type TestApp } from '../../test/harness.js';
import { personWithToken } from '../../test/people.js';
import { DEMO_REQUESTS } from './support.demo.js';

/*
 * The daily follow-up (overdue actions, missing positions as durable events), the statistics of a
 * period (SQL with bound parameters, both databases) and the CSV/XLSX exports under the visibility rule.
 */

let t: TestApp;
let communeId: string;
let partnerId: string;
beforeAll(async () => {
  t = await startTestApp({ modules: ['support'], demoScale: { organizations: 40 } });
  communeId = (await t.gql('{ communes(first: 1) { edges { node { id } } } }')).data.communes.edges[0].node.id;
  partnerId = (await t.gql('{ viewer { person { memberships { partner { id } } } } }', {}, TOKENS.funder)).data.viewer.person.memberships[0].partner.id;
}, 60_000);
afterAll(async () => t?.close());

const em = () => t.app.gateway.orm.em.fork() as SqlEntityManager;
const events = async (name: string): Promise<any[]> => {
  await t.app.gateway.events.idle();
  return em().getConnection().execute('select payload from event where name = ? order by id', [name]);
};

async function ok(query: string, variables: Record<string, unknown>, token = TOKENS.funder): Promise<any> {
  const res = await t.gql(query, variables, token);
  expect(res.errors, query.slice(0, 60)).toBeUndefined();
  return res.data;
}

async function underReview(): Promise<string> {
  const { receiveSupportRequest: r } = await ok('mutation($input: ReceiveSupportRequestInput!) { receiveSupportRequest(input: $input) { id } }', {
    input: {
      title: 'Suivi',
      holderName: 'Nadia Haddad',
      intakeChannel: 'EVENT',
      stage: 'CREATION',
      technicalNeed: true,
      financialNeed: true,
      amountSought: 20_000,
      sector: 'culture',
      communeId,
      consentToShare: true,
    },
  });
  for (const s of ['QUALIFIED', 'SCHEDULED', 'UNDER_REVIEW']) await ok('mutation($id: ID!, $s: SupportStatus!) { changeSupportRequestStatus(id: $id, status: $s) { id } }', { id: r.id, s });
  return r.id;
}

const uuid = (globalId: string) => Buffer.from(globalId, 'base64url').toString().split(':')[1]!;

describe('follow-up', () => {
  it('flags an overdue action once, as a durable event', async () => {
    const id = await underReview();
    const { addSupportAction: late } = await ok('mutation($id: ID!, $p: ID!) { addSupportAction(requestId: $id, input: { title: "Déposer le dossier", ownerId: $p, dueOn: "2026-01-15" }) { id } }', {
      id,
      p: partnerId,
    });
    await ok('mutation($id: ID!, $p: ID!) { addSupportAction(requestId: $id, input: { title: "Plus tard", ownerId: $p, dueOn: "2099-01-15" }) { id } }', { id, p: partnerId });
    expect(await t.runPeriodicTask('support.follow-up')).toBe('succeeded');
    const flagged = (await events('support.action-overdue')).map((e) => (typeof e.payload === 'string' ? JSON.parse(e.payload) : e.payload));
    const mine = flagged.filter((p) => p.requestId === uuid(id));
    expect(mine).toEqual([{ actionId: uuid(late.id), requestId: uuid(id), ownerId: uuid(partnerId), dueOn: '2026-01-15' }]);
    expect(await t.runPeriodicTask('support.follow-up')).toBe('succeeded');
    expect((await events('support.action-overdue')).length).toBe(flagged.length);
  });

  it('flags the positions still awaited 9 days after the qualification', async () => {
    const id = await underReview();
    await ok('mutation($id: ID!) { recordPosition(requestId: $id, input: { kind: WILL_SUPPORT }) { id } }', { id });
    // Asked 9 days ago: the qualification and the invitations it recorded.
    await em()
      .getConnection()
      .execute(`update support_request set qualified_at = now() - interval '9 days' - interval '1 hour' where id = ?`, [uuid(id)]);
    await em()
      .getConnection()
      .execute(`update support_invitation set invited_at = now() - interval '9 days' - interval '1 hour' where request_id = ?`, [uuid(id)]);
    const awaited = (await ok('query($id: ID!) { supportRequest(id: $id) { missingPositions { partner { id } days } } }', { id })).supportRequest.missingPositions;
    expect(awaited.length).toBeGreaterThan(0);
    expect(awaited[0].days).toBe(9);
    expect(await t.runPeriodicTask('support.follow-up')).toBe('succeeded');
    const flagged = (await events('support.position-missing')).map((e) => (typeof e.payload === 'string' ? JSON.parse(e.payload) : e.payload)).filter((p) => p.requestId === uuid(id));
    expect(flagged.map((p) => p.partnerId).sort()).toEqual(awaited.map((m: any) => uuid(m.partner.id)).sort());
    expect(flagged.every((p) => p.days === 9)).toBe(true);
    expect(flagged.map((p) => p.partnerId)).not.toContain(uuid(partnerId)); // it answered
  });
});

describe('follow-up of invitations', () => {
  it('reminds a partner the committee asked later 9 days after its own invitation', async () => {
    const id = await underReview();
    const invited = (await ok('query($id: ID!) { supportRequest(id: $id) { invitations { partner { id } } } }', { id })).supportRequest.invitations.map((i: any) => i.partner.id);
    const partners = (await ok('{ partners(first: 100) { edges { node { id } } } }', {})).partners.edges.map((e: any) => e.node.id) as string[];
    const added = partners.find((p) => !invited.includes(p))!;
    await ok('mutation($id: ID!, $p: ID!) { inviteToPosition(requestId: $id, partnerId: $p) { id } }', { id, p: added });
    await em()
      .getConnection()
      .execute(`update support_invitation set invited_at = now() - interval '9 days' - interval '1 hour' where request_id = ? and partner_id = ?`, [uuid(id), uuid(added)]);
    const awaited = (await ok('query($id: ID!) { supportRequest(id: $id) { missingPositions { partner { id } days } } }', { id })).supportRequest.missingPositions;
    expect(awaited.find((m: any) => m.partner.id === added).days).toBe(9);
    expect(await t.runPeriodicTask('support.follow-up')).toBe('succeeded');
    const flagged = (await events('support.position-missing')).map((e) => (typeof e.payload === 'string' ? JSON.parse(e.payload) : e.payload)).filter((p) => p.requestId === uuid(id));
    expect(flagged.map((p) => [p.partnerId, p.days])).toEqual([[uuid(added), 9]]); // the others were asked today
  });
});

describe('statistics and exports', () => {
  const STATS = `query($from: LocalDate!, $to: LocalDate!) { supportStatistics(from: $from, to: $to) {
    positioning { partner asked answered rate averageDelayDays } outcomes { status label requests }
    byScheme { label mobilised } bySector { key label requests sought mobilised } byStage { key label requests }
    byIntercommunality { label requests sought } satisfactionAnswers satisfactionAverage } }`;

  it('computes the year’s statistics in SQL, consistent with the requests', async () => {
    const s = (await ok(STATS, { from: '2025-01-01', to: '2026-01-01' })).supportStatistics;
    const total = s.outcomes.reduce((n: number, o: any) => n + o.requests, 0);
    expect(total).toBe(DEMO_REQUESTS.test);
    expect(s.bySector.reduce((n: number, o: any) => n + o.requests, 0)).toBe(total);
    expect(s.byStage.reduce((n: number, o: any) => n + o.requests, 0)).toBe(total);
    expect(s.byIntercommunality.reduce((n: number, o: any) => n + o.requests, 0)).toBe(total);
    expect(s.outcomes[0].label).toEqual(expect.any(String));
    for (const p of s.positioning) {
      expect(p.answered).toBeLessThanOrEqual(p.asked);
      expect(p.rate).toBeCloseTo(p.asked ? p.answered / p.asked : 0, 2);
    }
    expect(s.positioning.some((p: any) => p.answered > 0)).toBe(true);
    expect(s.positioning.some((p: any) => p.answered < p.asked)).toBe(true); // the demo's silent partners
    // A period without requests: zeros, no error.
    const empty = (await ok(STATS, { from: '2010-01-01', to: '2010-02-01' })).supportStatistics;
    expect(empty.outcomes).toEqual([]);
    expect(empty.satisfactionAnswers).toBe(0);
    const bad = await t.gql(STATS, { from: '2025-02-01', to: '2025-01-01' }, TOKENS.funder);
    expect(bad.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    expect((await t.gql(STATS, { from: '2025-01-01', to: '2026-01-01' })).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('counts as asked only the partners invited on the period’s requests; the rate is answered / asked', async () => {
    const id = await underReview();
    // Received alone on 10 March 2024; its partners asked two days before the receiving partner answers.
    const sql = em().getConnection();
    await sql.execute(`update support_request set received_at = '2024-03-10T10:00:00Z' where id = ?`, [uuid(id)]);
    await sql.execute(`update support_invitation set invited_at = now() - interval '2 days' where request_id = ?`, [uuid(id)]);
    const PERIOD = { from: '2024-03-10', to: '2024-03-11' };
    const invited = async () =>
      (await ok('query($id: ID!) { supportRequest(id: $id) { invitations { partner { id slug } } } }', { id })).supportRequest.invitations.map((i: any) => i.partner) as { id: string; slug: string }[];
    const asked = await invited();
    expect(asked.map((p) => p.id)).toContain(partnerId); // the receiving partner
    await ok('mutation($id: ID!) { recordPosition(requestId: $id, input: { kind: WILL_SUPPORT }) { id } }', { id });
    // A partner not asked that takes position anyway: not counted.
    const partners = (await ok('{ partners(first: 100) { edges { node { id slug } } } }', {})).partners.edges.map((e: any) => e.node) as { id: string; slug: string }[];
    const [outsider, added] = partners.filter((p) => !asked.some((a) => a.id === p.id));
    const member = (await personWithToken(t, { name: 'Octave Horsliste', membership: { partnerSlug: outsider!.slug, role: 'MEMBER' } })).token;
    await ok('mutation($id: ID!) { recordPosition(requestId: $id, input: { kind: ABSTAINS }) { id } }', { id }, member);
    let s = (await ok(STATS, PERIOD)).supportStatistics;
    const rows = async () =>
      new Map(
        (
          (await ok(`query($from: LocalDate!, $to: LocalDate!) { supportStatistics(from: $from, to: $to) { positioning { partnerId asked answered rate averageDelayDays } } }`, PERIOD))
            .supportStatistics.positioning as any[]
        ).map((p) => [p.partnerId, p]),
      );
    let byPartner = await rows();
    expect([...byPartner.keys()].sort()).toEqual(asked.map((p) => p.id).sort());
    expect(byPartner.has(outsider!.id)).toBe(false);
    expect(byPartner.get(partnerId)).toMatchObject({ asked: 1, answered: 1, rate: 1 });
    expect(byPartner.get(partnerId).averageDelayDays).toBeCloseTo(2, 1);
    for (const [key, p] of byPartner) if (key !== partnerId) expect(p).toMatchObject({ asked: 1, answered: 0, rate: 0, averageDelayDays: null });
    expect(s.positioning).toHaveLength(asked.length);
    // Asked by the committee afterwards: counted from then on.
    await ok('mutation($id: ID!, $p: ID!) { inviteToPosition(requestId: $id, partnerId: $p) { id } }', { id, p: added!.id });
    byPartner = await rows();
    expect(byPartner.get(added!.id)).toMatchObject({ asked: 1, answered: 0, rate: 0 });
    expect(byPartner.size).toBe(asked.length + 1);
    s = (await ok(STATS, { from: '2024-03-01', to: '2024-04-01' })).supportStatistics;
    const total = s.positioning.reduce((n: any, p: any) => ({ asked: n.asked + p.asked, answered: n.answered + p.answered }), { asked: 0, answered: 0 } as any);
    expect(total).toEqual({ asked: asked.length + 1, answered: 1 });
  });

  it('exports the requests each viewer may see, as CSV and XLSX', async () => {
    const files = t.url.replace(/\/graphql$/, '/files/support');
    const csvLines = async (token: string) => (await (await fetch(`${files}/requests.csv`, { headers: { authorization: `Bearer ${token}` } })).text()).trim().split('\r\n');
    const count = async (token: string) => (await ok('{ supportRequests(first: 1) { totalCount } }', {}, token)).supportRequests.totalCount;
    const [expert, admin] = [await csvLines(TOKENS.expert), await csvLines(TOKENS.admin)];
    expect(expert[0]).toContain('Référence;Reçue le;Projet');
    expect(expert.length - 1).toBe(await count(TOKENS.expert));
    expect(admin.length - 1).toBe(await count(TOKENS.admin));
    expect(expert.length).toBeLessThan(admin.length);
    const xlsx = await fetch(`${files}/requests.xlsx`, { headers: { authorization: `Bearer ${TOKENS.funder}` } });
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect((await xlsx.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    expect((await fetch(`${files}/requests.csv`)).status).toBe(401); // no token: authenticate first
    const stats = await (await fetch(`${files}/statistics.csv?from=2025-01-01&to=2026-01-01`, { headers: { authorization: `Bearer ${TOKENS.funder}` } })).text();
    expect(stats).toContain('Positionnement par partenaire');
    expect(stats).toContain('Par intercommunalité');
  });
});
