import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TOKENS, type TestApp } from '../../test/harness.js';
import { databaseDigest, personWithToken } from '../../test/people.js';
import { transitionRefusal } from './support.workflow.js';
import { SupportStatus } from './support.enums.js';

/*
 * Support requests end to end: reception by a partner, visibility without the holder's consent on every
 * path, the guarded workflow, optimistic concurrency, the list's filters and its statement count. On
 * PGlite, and on PostgreSQL with TEST_DATABASE_URL.
 */

let t: TestApp;
let communeId: string;
let organizationId: string;
let loner: string;
beforeAll(async () => {
  t = await startTestApp({ modules: ['support'], demoScale: { organizations: 60 } });
  communeId = (await t.gql('{ communes(first: 1) { edges { node { id } } } }')).data.communes.edges[0].node.id;
  organizationId = (await t.gql('{ organizations(first: 1, orderBy: NAME) { edges { node { id } } } }')).data.organizations.edges[0].node.id;
  loner = (await personWithToken(t, { name: 'Léa Sans Partenaire' })).token;
}, 60_000);
afterAll(async () => t?.close());

const RECEIVE = `mutation($input: ReceiveSupportRequestInput!) { receiveSupportRequest(input: $input) {
  id title status version consentToShare receivingPartner { slug } organization { id } holderName
  history { from to reason by { name } at } } }`;
const CHANGE = `mutation($id: ID!, $status: SupportStatus!, $reason: String, $v: Int) {
  changeSupportRequestStatus(id: $id, status: $status, reason: $reason, expectedVersion: $v) { id status version history { from to reason by { name } } } }`;
const ONE = 'query($id: ID!) { supportRequest(id: $id) { id title } node(id: $id) { id } }';
const LIST = `query($first: Int, $filter: SupportRequestFilter) { supportRequests(first: $first, filter: $filter) { totalCount edges { node { id title status } } } }`;

function input(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Atelier vélo solidaire',
    holderName: 'Camille Porteuse',
    holderContact: 'camille@example.org',
    intakeChannel: 'PARTNER_OFFICE',
    stage: 'CREATION',
    technicalNeed: true,
    financialNeed: true,
    amountSought: 40_000,
    needTypes: ['INVESTMENT'],
    useOfFunds: 'Outillage et aménagement du local',
    sector: 'recyclage-reemploi',
    communeId,
    consentToShare: false,
    ...overrides,
  };
}

async function receive(token: string, overrides: Record<string, unknown> = {}) {
  const res = await t.gql(RECEIVE, { input: input(overrides) }, token);
  expect(res.errors).toBeUndefined();
  return res.data.receiveSupportRequest;
}

describe('reception and visibility', () => {
  it('records a request for the viewer’s partner, with its first status change', async () => {
    const r = await receive(TOKENS.funder);
    expect(r).toMatchObject({ title: 'Atelier vélo solidaire', status: 'RECEIVED', version: 1, receivingPartner: { slug: 'conseil-regional' }, organization: null, holderName: 'Camille Porteuse' });
    expect(r.history).toHaveLength(1);
    expect(r.history[0]).toMatchObject({ from: null, to: 'RECEIVED', by: { name: expect.any(String) } });
  });

  it('without consent, only the receiving partner and administrators see it, on every path', async () => {
    const r = await receive(TOKENS.funder, { title: 'Projet confidentiel' });
    for (const [token, sees] of [
      [TOKENS.funder, true],
      [TOKENS.admin, true],
      [TOKENS.expert, false],
      [loner, false],
      [null, false],
    ] as const) {
      const one = await t.gql(ONE, { id: r.id }, token);
      expect(one.data.supportRequest?.id ?? null, String(token)).toBe(sees ? r.id : null);
      expect(one.data.node?.id ?? null).toBe(sees ? r.id : null);
      const listed = await t.gql(LIST, { first: 100, filter: { statuses: ['RECEIVED'] } }, token);
      expect(listed.data.supportRequests.edges.some((e: any) => e.node.id === r.id)).toBe(sees);
      const nodes = await t.gql('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [r.id] }, token);
      expect(nodes.data.nodes[0]?.id ?? null).toBe(sees ? r.id : null);
    }
    // Another partner cannot change what it cannot see: not found, nothing written.
    const before = await databaseDigest(t);
    const refused = await t.gql(CHANGE, { id: r.id, status: 'QUALIFIED' }, TOKENS.expert);
    expect(refused.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(await databaseDigest(t)).toBe(before);
  });

  it('with consent, every partner’s people see it, but not anonymous callers nor people of no partner', async () => {
    const r = await receive(TOKENS.funder, { consentToShare: true, title: 'Projet partagé' });
    expect((await t.gql(ONE, { id: r.id }, TOKENS.expert)).data.supportRequest.id).toBe(r.id);
    expect((await t.gql(ONE, { id: r.id }, loner)).data.supportRequest).toBeNull();
    expect((await t.gql(ONE, { id: r.id })).data.supportRequest).toBeNull();
  });

  it('only the receiving partner (or an administrator) changes the holder’s consent, not another partner who reads it', async () => {
    const r = await receive(TOKENS.funder, { consentToShare: true, title: 'Consentement' });
    const UPDATE = 'mutation($id: ID!, $input: UpdateSupportRequestInput!) { updateSupportRequest(id: $id, input: $input) { consentToShare } }';
    const before = await databaseDigest(t);
    const refused = await t.gql(UPDATE, { id: r.id, input: { consentToShare: false } }, TOKENS.expert);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await databaseDigest(t)).toBe(before);
    expect((await t.gql(ONE, { id: r.id }, TOKENS.expert)).data.supportRequest.id).toBe(r.id);
    expect((await t.gql(UPDATE, { id: r.id, input: { consentToShare: true, title: 'Consentement redit' } }, TOKENS.expert)).errors).toBeUndefined();
    expect((await t.gql(UPDATE, { id: r.id, input: { consentToShare: false } }, TOKENS.funder)).data.updateSupportRequest.consentToShare).toBe(false);
    expect((await t.gql(UPDATE, { id: r.id, input: { consentToShare: true } }, TOKENS.admin)).data.updateSupportRequest.consentToShare).toBe(true);
  });

  it('refuses bad input with its field, and callers without the permission', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ holderName: null }, 'input.holderName'],
      [{ technicalNeed: false, financialNeed: false }, 'input.financialNeed'],
      [{ financialNeed: false, amountSought: 1000 }, 'input.amountSought'],
      [{ amountSought: -5 }, 'input.amountSought'],
      [{ sector: 'pas-une-filiere' }, 'input.sector'],
      [{ communeId: 'nimporte' }, 'input.communeId'],
      [{ title: ' ' }, 'input.title'],
    ];
    const before = await databaseDigest(t);
    for (const [overrides, field] of cases) {
      const res = await t.gql(RECEIVE, { input: input(overrides) }, TOKENS.funder);
      expect(res.errors?.[0]?.extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect((await t.gql(RECEIVE, { input: input() }, loner)).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await t.gql(RECEIVE, { input: input() })).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const apes = (await t.gql('{ partners(first: 100) { edges { node { id slug } } } }')).data.partners.edges.map((e: any) => e.node).find((p: any) => p.slug === 'apes');
    expect((await t.gql(RECEIVE, { input: input({ receivingPartnerId: apes.id }) }, TOKENS.funder)).errors[0].extensions.code).toBe('FORBIDDEN');
    expect(await databaseDigest(t)).toBe(before);
  });
});

describe('workflow', () => {
  it('moves forward step by step, recording who, when and why', async () => {
    const r = await receive(TOKENS.funder, { consentToShare: true });
    const q = await t.gql('mutation($id: ID!) { qualifySupportRequest(id: $id, reason: "Dossier complet", expectedVersion: 1) { status version qualifiedAt } }', { id: r.id }, TOKENS.funder);
    expect(q.data.qualifySupportRequest).toMatchObject({ status: 'QUALIFIED', version: 2, qualifiedAt: expect.any(String) });
    let version = 2;
    for (const status of ['SCHEDULED', 'UNDER_REVIEW', 'STRATEGY_VALIDATED', 'IN_FOLLOW_UP', 'CLOSED']) {
      const res = await t.gql(CHANGE, { id: r.id, status, reason: `Vers ${status}`, v: version }, TOKENS.expert);
      expect(res.errors, status).toBeUndefined();
      version = res.data.changeSupportRequestStatus.version;
    }
    const last = await t.gql(ONE.replace('title', 'title status history { from to reason by { name } }'), { id: r.id }, TOKENS.funder);
    expect(last.data.supportRequest.status).toBe('CLOSED');
    expect(last.data.supportRequest.history.map((h: any) => [h.from, h.to])).toEqual([
      [null, 'RECEIVED'],
      ['RECEIVED', 'QUALIFIED'],
      ['QUALIFIED', 'SCHEDULED'],
      ['SCHEDULED', 'UNDER_REVIEW'],
      ['UNDER_REVIEW', 'STRATEGY_VALIDATED'],
      ['STRATEGY_VALIDATED', 'IN_FOLLOW_UP'],
      ['IN_FOLLOW_UP', 'CLOSED'],
    ]);
    expect(last.data.supportRequest.history[1].reason).toBe('Dossier complet');
  });

  it('refuses an illegal transition with BAD_USER_INPUT naming the allowed statuses, changing nothing', async () => {
    const r = await receive(TOKENS.funder);
    const before = await databaseDigest(t);
    const res = await t.gql(CHANGE, { id: r.id, status: 'CLOSED' }, TOKENS.funder);
    expect(res.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'status' });
    expect(res.errors[0].message).toBe(
      'Une demande reçue ne peut pas passer au statut « clôturée » (CLOSED) ; statuts possibles : « qualifiée » (QUALIFIED), « retirée par le porteur » (WITHDRAWN) ou « réorientée » (REDIRECTED).',
    );
    expect(await databaseDigest(t)).toBe(before);
    expect(transitionRefusal(SupportStatus.CLOSED, SupportStatus.RECEIVED)).toBe('Une demande clôturée ne change plus de statut.');
    const redirected = await t.gql(CHANGE, { id: r.id, status: 'REDIRECTED', reason: 'Vers la CCI' }, TOKENS.funder);
    expect(redirected.data.changeSupportRequestStatus.status).toBe('REDIRECTED');
    const again = await t.gql(CHANGE, { id: r.id, status: 'QUALIFIED' }, TOKENS.funder);
    expect(again.errors[0].message).toBe('Une demande réorientée ne change plus de statut.');
  });

  it('refuses a change made on a stale version with CONFLICT, never overwriting', async () => {
    const r = await receive(TOKENS.funder, { consentToShare: true });
    const UPDATE = 'mutation($id: ID!, $input: UpdateSupportRequestInput!, $v: Int) { updateSupportRequest(id: $id, input: $input, expectedVersion: $v) { title version } }';
    const first = await t.gql(
      UPDATE.replace('title version', 'title version sector { code } commune { id }'),
      { id: r.id, input: { title: 'Titre du financeur', sector: 'culture', communeId }, v: 1 },
      TOKENS.funder,
    );
    expect(first.data.updateSupportRequest).toEqual({ title: 'Titre du financeur', version: 2, sector: { code: 'culture' }, commune: { id: communeId } });
    const before = await databaseDigest(t);
    const second = await t.gql(UPDATE, { id: r.id, input: { title: 'Titre de l’expert' }, v: 1 }, TOKENS.expert);
    expect(second.errors[0].extensions).toMatchObject({ code: 'CONFLICT' });
    expect(second.errors[0].message).toContain('modifiée entre-temps');
    const stale = await t.gql(CHANGE, { id: r.id, status: 'QUALIFIED', v: 1 }, TOKENS.expert);
    expect(stale.errors[0].extensions.code).toBe('CONFLICT');
    expect(await databaseDigest(t)).toBe(before);
    // Both at once on the same version: one wins, the other gets CONFLICT.
    const both = await Promise.all([t.gql(UPDATE, { id: r.id, input: { title: 'Version A' }, v: 2 }, TOKENS.funder), t.gql(UPDATE, { id: r.id, input: { title: 'Version B' }, v: 2 }, TOKENS.expert)]);
    expect(both.map((b) => b.errors?.[0]?.extensions?.code ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
  });

  it('a project holder becomes an organization without losing the history', async () => {
    const r = await receive(TOKENS.funder, { consentToShare: true });
    await t.gql(CHANGE, { id: r.id, status: 'QUALIFIED' }, TOKENS.funder);
    const UPDATE = 'mutation($id: ID!, $input: UpdateSupportRequestInput!) { updateSupportRequest(id: $id, input: $input) { organization { id } holderName history { to } } }';
    const res = await t.gql(UPDATE, { id: r.id, input: { organizationId } }, TOKENS.funder);
    expect(res.data.updateSupportRequest).toEqual({ organization: { id: organizationId }, holderName: 'Camille Porteuse', history: [{ to: 'RECEIVED' }, { to: 'QUALIFIED' }] });
    const removed = await t.gql(UPDATE, { id: r.id, input: { organizationId: null } }, TOKENS.funder);
    expect(removed.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.organizationId' });
  });
});

describe('the list', () => {
  it('filters by status, partner, sector and stage', async () => {
    const made = await receive(TOKENS.funder, { sector: 'culture', stage: 'CONSOLIDATION', title: 'Filtré' });
    const partner = (await t.gql('{ viewer { person { memberships { partner { id } } } } }', {}, TOKENS.funder)).data.viewer.person.memberships[0].partner.id;
    const res = await t.gql(LIST, { first: 100, filter: { statuses: ['RECEIVED'], partnerId: partner, sector: 'culture', stages: ['CONSOLIDATION'] } }, TOKENS.funder);
    expect(res.data.supportRequests.edges.map((e: any) => e.node.id)).toEqual([made.id]);
    const none = await t.gql(LIST, { first: 100, filter: { sector: 'culture', stages: ['DEVELOPMENT'], partnerId: partner } }, TOKENS.funder);
    expect(none.data.supportRequests.edges.map((e: any) => e.node.id)).not.toContain(made.id);
    const bad = await t.gql(LIST, { first: 1, filter: { sector: 'inconnue' } }, TOKENS.funder);
    expect(bad.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.sector' });
  });

  it('reads a page in a constant number of statements, whatever its size', async () => {
    const q = `query($first: Int) { supportRequests(first: $first) { totalCount edges { node { title status receivingPartner { name } organization { name } sector { name } commune { name } history { to by { name } } } } } }`;
    await t.gql(q, { first: 1 }, TOKENS.funder);
    const counts: number[] = [];
    for (const first of [2, 50]) {
      t.resetSql();
      const res = await t.gql(q, { first }, TOKENS.funder);
      expect(res.errors).toBeUndefined();
      expect(res.data.supportRequests.edges.length).toBe(Math.min(first, res.data.supportRequests.totalCount));
      counts.push(t.sql.length);
    }
    expect(res50(counts)).toBe(counts[0]);
  });
});

const res50 = (counts: number[]) => counts[1];
