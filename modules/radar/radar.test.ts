import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '../../server/kit/documents.js';
import { assertNotBlank, pdfText, pdfToPng } from '../../test/render.js';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { collect, startTestApp, TOKENS, type TestApp } from '../../test/harness.js';
import { Viewer } from '../../server/auth.js';
import { BackgroundJob, toGlobalId } from '../../server/kit/index.js';
import { AnswerConfidentiality, DEFAULT_GRID, GridVersion, Interview, InterviewAnswer, InterviewStatus, type AnswerValue, type GridDefinition } from '../interview-grids/index.js';
import { Organization } from '../organizations/index.js';
import { Partner } from '../partners/index.js';
import { answersAt } from './radar.fixtures.js';
import { RadarService, type RadarSource } from './radar.service.js';
import { Radar } from './radar.entity.js';

let t: TestApp;
let em: SqlEntityManager;
let orgs: { id: string; name: string; sector: string }[];
let partners: Record<string, string>;
const system = () => t.app.contextFor(Viewer.system());

/** The default grid with one more rule that reads an answer reserved to the interviewer. */
const GRID: GridDefinition = {
  ...DEFAULT_GRID,
  questions: DEFAULT_GRID.questions.map((q) => (q.code === 'fin_adviser_opinion' ? { ...q, weight: 0 } : q)),
  rules: [
    ...DEFAULT_GRID.rules,
    {
      code: 'adviser_worry',
      kind: 'risk',
      severity: 'watch',
      sectionCode: 'finances',
      label: 'Inquiétude du chargé',
      explanation: 'Le chargé note : {{fin_adviser_opinion}}.',
      condition: { '!!': [{ var: 'fin_adviser_opinion' }] },
    },
  ],
};

let gridVersionId: string;
/** A completed interview of `org` held by `partnerId` (default NEF), written directly; its radar source with the test grid. */
async function interview(org: string, date: string, partnerId: string, answers: Record<string, AnswerValue>): Promise<string> {
  const fork = em.fork();
  const created = fork.create(Interview, { organization: org, gridVersion: gridVersionId, partner: partnerId, date, status: InterviewStatus.COMPLETED });
  for (const [code, value] of Object.entries(answers)) {
    const question = GRID.questions.find((q) => q.code === code)!;
    fork.create(InterviewAnswer, { interview: created, questionCode: code, value, confidentiality: question.confidentiality as AnswerConfidentiality });
  }
  await fork.flush();
  return created.id;
}
async function source(org: string, date: string, health: number, extra: Partial<RadarSource> = {}): Promise<RadarSource> {
  const partnerId = extra.partnerId ?? partners.nef!;
  const answers = extra.answers ?? answersAt(GRID, health);
  return {
    organizationId: org,
    gridVersionId,
    grid: GRID,
    date,
    partnerId,
    interviewerId: null,
    ...extra,
    answers,
    interviewId: await interview(org, date, partnerId, answers),
  };
}

const RADAR_Q = `query($id: ID!) { node(id: $id) { ... on Organization { radar { id level gridTitle interviewDate partner { name }
  axes { axis label score coverage reliable } signals { code kind severity axis label explanation redacted }
  previousRadar { interviewDate } trend { axes { axis delta } newSignals { code } resolvedSignals { code } level previousLevel } } } } }`;

beforeAll(async () => {
  t = await startTestApp({ modules: ['radar', 'accounts'], demoScale: { organizations: 300, employers: 120 } });
  em = system().em;
  // Organizations the demo did not interview (no radar yet), made to consent to share their file.
  const interviewed = new Set((await em.find(Interview, {}, { fields: ['organization'] })).map((i) => i.organization.id));
  orgs = (await em.find(Organization, {}, { orderBy: { name: 'asc', id: 'asc' } }))
    .filter((o) => !interviewed.has(o.id))
    .slice(0, 60)
    .map((o) => ({ id: o.id, name: o.name, sector: o.sector.code }));
  await em.nativeUpdate(Organization, { id: { $in: orgs.map((o) => o.id) } }, { consentToShare: true });
  gridVersionId = (await em.findOneOrFail(GridVersion, { code: DEFAULT_GRID.code }, { orderBy: { version: 'desc' } })).id;
  partners = Object.fromEntries((await em.find(Partner, {}, { fields: ['id', 'slug'] })).map((p) => [p.slug, p.id]));
}, 180_000);
afterAll(async () => t?.close());

describe('radar of an interview', () => {
  it('stores the scores, signals and level, and shows them as Organization.radar', async () => {
    await RadarService.compute(system(), await source(orgs[0]!.id, '2024-03-01', 0));
    const res = await t.gql(RADAR_Q, { id: toGlobalId('Organization', orgs[0]!.id) }, TOKENS.admin);
    expect(res.errors).toBeUndefined();
    const radar = res.data.node.radar;
    expect(radar.level).toBe('CRITICAL');
    expect(radar.gridTitle).toMatch(/version 1/);
    expect(radar.axes).toHaveLength(8);
    expect(radar.axes[0]).toMatchObject({ axis: 'hr', label: 'Ressources humaines', score: 0, coverage: 1, reliable: true });
    expect(radar.signals.find((s: { code: string }) => s.code === 'public_funding_dependency').explanation).toMatch(/^Les financements publics représentent \d+ % des produits/);
    expect(radar.previousRadar).toBeNull();
    expect(radar.trend).toBeNull();
  });

  it('keeps one radar per interview, recomputed in place, and compares with the previous interview', async () => {
    const later = await source(orgs[0]!.id, '2025-09-15', 0.6);
    await RadarService.compute(system(), later);
    await RadarService.compute(system(), later); // a redelivered event: the same radar again
    expect(await em.fork().count(Radar, { organization: orgs[0]!.id })).toBe(2);
    const radar = (await t.gql(RADAR_Q, { id: toGlobalId('Organization', orgs[0]!.id) }, TOKENS.admin)).data.node.radar;
    expect(radar.interviewDate).toBe('2025-09-15');
    expect(radar.previousRadar).toEqual({ interviewDate: '2024-03-01' });
    // hr: 0 → 58.3 (the fixtures' answers at health 0 and 0.6, both fully covered).
    expect(radar.trend.axes.find((a: { axis: string }) => a.axis === 'hr').delta).toBe(58.3);
    expect(radar.trend.resolvedSignals.map((s: { code: string }) => s.code)).toContain('cash_crisis');
    expect(radar.trend.newSignals.map((s: { code: string }) => s.code)).toContain('volunteer_base');
    expect(radar.trend).toMatchObject({ level: 'CRITICAL', previousLevel: 'CRITICAL' });
  });

  it('draws the radar as SVG, with the sector median on demand', async () => {
    const q = `query($id: ID!) { node(id: $id) { ... on Organization { radar { plain: svg withMedian: svg(withSectorMedian: true) } } } }`;
    const res = await t.gql(q, { id: toGlobalId('Organization', orgs[0]!.id) }, TOKENS.expert);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    const radar = res.data.node.radar;
    expect(radar.plain).toContain('<svg');
    expect(radar.plain).toContain(orgs[0]!.name.replace(/&/g, '&amp;').replace(/'/g, '&#39;'));
    expect(radar.plain).toContain('Entretien du 01/03/2024');
    expect(radar.plain).not.toContain('Médiane du secteur');
  });
});

describe('who sees a radar and what its signals say', () => {
  // NEF held the interview. Roles: admin (platform administrator, of the host partner); funder (manager at the
  // Conseil régional: neither NEF nor the committee); expert (member at APES: members sit in the committee,
  // `interview-grids.committee.read`).
  let orgId: string;
  beforeAll(async () => {
    orgId = orgs[1]!.id;
    await RadarService.compute(system(), await source(orgId, '2025-01-10', 0, { answers: { ...answersAt(GRID, 0), fin_adviser_opinion: 'Trésorerie très fragile' } }));
  });

  const signalsAs = async (token: string | null, id = orgId) => (await t.gql(RADAR_Q, { id: toGlobalId('Organization', id) }, token)).data.node?.radar?.signals ?? null;
  const code = (signals: { code: string }[], c: string) => signals.find((s) => s.code === c);
  const INTERVIEWER_ONLY = {
    code: 'confidential',
    kind: 'RISK',
    severity: 'WATCH',
    axis: 'finances',
    label: 'Signal confidentiel',
    explanation: 'Détail réservé au partenaire qui a mené l’entretien.',
    redacted: true,
  };

  it('hides radars from anonymous callers', async () => {
    expect(await signalsAs(null)).toBeNull();
  });

  it('lets the administrator read partnerAndCommittee signals, not those reserved to the interviewing partner', async () => {
    const signals = await signalsAs(TOKENS.admin);
    expect(code(signals, 'public_funding_dependency')).toMatchObject({ redacted: false, explanation: expect.stringMatching(/financements publics/) });
    expect(signals.filter((s: { redacted: boolean }) => s.redacted)).toEqual([INTERVIEWER_ONLY]);
  });

  it('lets a committee member read partnerAndCommittee signals, not the interviewing partner’s own', async () => {
    const signals = await signalsAs(TOKENS.expert);
    expect(code(signals, 'public_funding_dependency')).toMatchObject({ redacted: false });
    expect(signals.filter((s: { redacted: boolean }) => s.redacted)).toEqual([INTERVIEWER_ONLY]);
  });

  it('withholds partnerAndCommittee signals from a partner’s manager outside the interview and the committee; shared ones stay', async () => {
    const signals = await signalsAs(TOKENS.funder);
    expect(code(signals, 'public_funding_dependency')).toBeUndefined();
    expect(JSON.stringify(signals)).not.toMatch(/financements publics|Trésorerie très fragile|trésorerie/i);
    expect(signals.filter((s: { redacted: boolean }) => s.redacted).length).toBeGreaterThan(3);
    expect(code(signals, 'unprepared_succession')).toMatchObject({ redacted: false, label: expect.any(String) });
  });

  it('lets the interviewing partner read everything, what is reserved to it included', async () => {
    await RadarService.compute(system(), await source(orgs[2]!.id, '2025-01-10', 0, { partnerId: partners.apes!, answers: { ...answersAt(GRID, 0), fin_adviser_opinion: 'À revoir' } }));
    const signals = await signalsAs(TOKENS.expert, orgs[2]!.id);
    expect(signals.every((s: { redacted: boolean }) => !s.redacted)).toBe(true);
    expect(code(signals, 'adviser_worry')!).toMatchObject({ explanation: 'Le chargé note : À revoir.' });
  });

  it('hides the radar of an organization that did not consent from other partners, not from the interviewing one', async () => {
    await em.nativeUpdate(Organization, { id: orgs[2]!.id }, { consentToShare: false });
    expect(await signalsAs(TOKENS.funder, orgs[2]!.id)).toBeNull();
    expect(await signalsAs(TOKENS.expert, orgs[2]!.id)).not.toBeNull();
    await em.nativeUpdate(Organization, { id: orgs[2]!.id }, { consentToShare: true });
  });
});

describe('radar lists and pushes', () => {
  it('reads organizations with their radar in a constant number of statements', async () => {
    const sources: RadarSource[] = [];
    for (const [i, o] of orgs.entries()) if (i >= 3) sources.push(await source(o.id, '2025-06-01', (i % 10) / 10));
    for (const [i, o] of orgs.entries()) if (i >= 3 && i % 2 === 0) sources.push(await source(o.id, '2026-02-01', ((i + 3) % 10) / 10));
    await system().transaction(async (tx) => {
      for (const one of sources) await RadarService.record(tx.em, one);
    });
    const q = `query($first: Int) { organizations(first: $first) { edges { node { name radar { level axes { score } signals { label redacted } previousRadar { level }
      trend { axes { delta } newSignals { label } } } } } } }`;
    await t.gql(q, { first: 1 }, TOKENS.expert);
    const counts: number[] = [];
    for (const first of [5, 50]) {
      t.resetSql();
      const res = await t.gql(q, { first }, TOKENS.expert);
      expect(res.errors).toBeUndefined();
      expect(res.data.organizations.edges.filter((e: { node: { radar: unknown } }) => e.node.radar).length).toBeGreaterThan(first === 50 ? 40 : 1);
      counts.push(t.sql.length);
    }
    expect(counts[1]).toBe(counts[0]);
  });

  it('pushes the radar of an organization when it is computed', async () => {
    const org = orgs[4]!;
    const sub = collect(
      t.ws(TOKENS.funder),
      `subscription($id: ID!) { radarUpdated(organizationId: $id) { interviewDate level organization { name } } }`,
      { id: toGlobalId('Organization', org.id) },
      1,
    );
    await sub.ready;
    await RadarService.compute(system(), await source(orgs[5]!.id, '2026-05-05', 0.9)); // another organization: not pushed
    await RadarService.compute(system(), await source(org.id, '2026-05-05', 0.9));
    const [pushed] = await sub.results;
    expect(pushed!.data.radarUpdated).toMatchObject({ interviewDate: '2026-05-05', organization: { name: org.name } });
  });

  it('refuses the subscription to anonymous callers', async () => {
    const [res] = await collect(t.ws(null), `subscription($id: ID!) { radarUpdated(organizationId: $id) { level } }`, { id: toGlobalId('Organization', orgs[0]!.id) }, 1).results;
    expect(res!.errors[0].extensions.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
  });
});

/** percentile_cont: linear interpolation between the closest ranks (as PostgreSQL computes it). */
function percentile(sorted: number[], p: number): number {
  const at = p * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

describe('sector view', () => {
  it('gives the quartiles of each axis over the latest radar of each organization, for a sector and the territory', async () => {
    const radars = await em.fork().find(Radar, {}, { populate: ['organization'], orderBy: { interviewDate: 'desc', computedAt: 'desc', id: 'desc' } });
    const latest = new Map<string, Radar>();
    for (const r of radars) if (!latest.has(r.organization.id)) latest.set(r.organization.id, r);
    const expected = (sector: string | null, axis: string) => {
      const scores = [...latest.values()]
        .filter((r) => sector === null || r.organization.getEntity().sector.code === sector)
        .map((r) => r.axes.find((a) => a.axis === axis)!)
        .filter((a) => a.score !== null && a.coverage >= 0.5)
        .map((a) => a.score!)
        .sort((a, b) => a - b);
      return scores.length < 3
        ? { organizations: scores.length, median: null }
        : {
            organizations: scores.length,
            q1: Math.round(percentile(scores, 0.25) * 10) / 10,
            median: Math.round(percentile(scores, 0.5) * 10) / 10,
            q3: Math.round(percentile(scores, 0.75) * 10) / 10,
          };
    };
    const q = 'query($s: ID) { radarQuartiles(sectorId: $s) { axis label organizations q1 median q3 } }';
    const territory = (await t.gql(q, { s: null }, TOKENS.expert)).data.radarQuartiles;
    expect(territory.map((a: { axis: string }) => a.axis)).toEqual(['hr', 'governance', 'finances', 'market', 'socialUtility', 'essValues', 'development', 'territory']);
    for (const a of territory) expect(a).toMatchObject(expected(null, a.axis));
    expect(territory[0].organizations).toBeGreaterThan(40);
    const sector = orgs[3]!.sector;
    const bySector = (await t.gql(q, { s: toGlobalId('Sector', sector) }, TOKENS.expert)).data.radarQuartiles;
    for (const a of bySector) expect(a).toMatchObject(expected(sector, a.axis));
    expect((await t.gql(q, { s: null }, null)).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('suppresses a cell of fewer than 3 organizations', async () => {
    const sector = orgs[0]!.sector;
    const radars = await em.fork().find(Radar, { organization: { sector } });
    const q = 'query($s: ID) { radarQuartiles(sectorId: $s) { organizations median } }';
    const rows = (await t.gql(q, { s: toGlobalId('Sector', sector) }, TOKENS.expert)).data.radarQuartiles;
    for (const row of rows) if (row.organizations < 3) expect(row.median).toBeNull();
    expect(radars.length).toBeGreaterThan(0);
  });
});

describe('contact priorities', () => {
  const Q = `query($first: Int, $after: String, $s: ID) { contactPriorities(first: $first, after: $after, sectorId: $s) { totalCount pageInfo { hasNextPage endCursor }
    edges { node { rank score level reasons organization { name employees commune { name } } } } } }`;
  const SET = `mutation($input: ContactPriorityWeightsInput!) { setContactPriorityWeights(input: $input) { risk staleness size sector stage prioritySectorCodes } }`;

  it('ranks organizations by score with French reasons, page after page', async () => {
    const first = (await t.gql(Q, { first: 3 }, TOKENS.expert)).data.contactPriorities;
    expect(first.edges.map((e: { node: { rank: number } }) => e.node.rank)).toEqual([1, 2, 3]);
    const scores = first.edges.map((e: { node: { score: number } }) => e.node.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(first.edges[0].node.reasons.length).toBeGreaterThan(0);
    expect(first.edges[0].node.reasons.join(' ')).toMatch(/niveau de risque|dernier entretien|jamais rencontrée|emplois? en jeu|filière prioritaire|structure en/);
    const next = (await t.gql(Q, { first: 3, after: first.pageInfo.endCursor }, TOKENS.expert)).data.contactPriorities;
    expect(next.edges.map((e: { node: { rank: number } }) => e.node.rank)).toEqual([4, 5, 6]);
    expect(first.totalCount).toBe(await em.fork().count(Organization, {}));
    expect((await t.gql(Q, { first: 3 }, null)).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('changes the ranking when the steering board changes the weights; others may not', async () => {
    const input = { risk: 0, staleness: 0, size: 100, sector: 0, stage: 0, prioritySectorCodes: [] };
    expect((await t.gql(SET, { input }, TOKENS.funder)).errors[0].extensions.code).toBe('FORBIDDEN'); // Conseil régional: not in the steering board
    expect((await t.gql(SET, { input }, TOKENS.expert)).errors[0].extensions.code).toBe('FORBIDDEN'); // a member
    const zero = await t.gql(SET, { input: { ...input, size: 0 } }, TOKENS.admin);
    expect(zero.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.risk' });
    const unknown = await t.gql(SET, { input: { ...input, prioritySectorCodes: ['nulle-part'] } }, TOKENS.admin);
    expect(unknown.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.prioritySectorCodes' });
    const before = (await t.gql(Q, { first: 1 }, TOKENS.expert)).data.contactPriorities.edges[0].node;
    expect((await t.gql(SET, { input }, TOKENS.admin)).data.setContactPriorityWeights).toEqual(input);
    expect((await t.gql('{ contactPriorityWeights { size risk } }', {}, TOKENS.expert)).data.contactPriorityWeights).toEqual({ size: 100, risk: 0 });
    // Read without a permission, as it was on the platform settings.
    expect((await t.gql('{ contactPriorityWeights { size } }', {}, null)).data.contactPriorityWeights).toEqual({ size: 100 });
    // Size only: the largest employer first, its score 100 · ln(1+n)/ln(101), capped at 100 (from 100 employees on, ties by name).
    const biggest = await em.fork().findOneOrFail(Organization, { employees: { $gte: 0 } }, { orderBy: { employees: 'desc' } });
    const after = (await t.gql(Q, { first: 1 }, TOKENS.expert)).data.contactPriorities.edges[0].node;
    expect(after.organization.employees).toBeGreaterThanOrEqual(Math.min(biggest.employees, 100));
    expect(after.score).toBe(Math.min(100, Math.round((1000 * Math.log(1 + biggest.employees)) / Math.log(101)) / 10));
    expect(after.reasons).toEqual([`${after.organization.employees} emplois en jeu`]);
    expect(after.organization.name).not.toBe(before.organization.name);
    // A priority sector only: its organizations come first.
    const sector = orgs[3]!.sector;
    await t.gql(SET, { input: { ...input, size: 0, sector: 100, prioritySectorCodes: [sector] } }, TOKENS.admin);
    const top = (await t.gql(Q, { first: 1 }, TOKENS.expert)).data.contactPriorities.edges[0].node;
    expect(top.score).toBe(100);
    expect(top.reasons[0]).toMatch(/^filière prioritaire : /);
    await t.gql(SET, { input: { risk: 40, staleness: 25, size: 15, sector: 10, stage: 10, prioritySectorCodes: [] } }, TOKENS.admin);
  });

  it('reads a page in a constant number of statements, whatever its size', async () => {
    await t.gql(Q, { first: 1 }, TOKENS.expert);
    const counts: number[] = [];
    for (const first of [5, 50]) {
      t.resetSql();
      const res = await t.gql(Q, { first }, TOKENS.expert);
      expect(res.errors).toBeUndefined();
      counts.push(t.sql.length);
    }
    expect(counts[1]).toBe(counts[0]);
  });
});

describe('downloads', () => {
  const files = () => t.url.replace(/\/graphql$/, '/files/radar');
  const get = (path: string, token: string | null) => fetch(`${files()}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('serves the latest radar as SVG to those who see it, 404 to others', async () => {
    const id = toGlobalId('Organization', orgs[1]!.id);
    const res = await get(`/${id}.svg`, TOKENS.funder);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/image\/svg\+xml/);
    expect(await res.text()).toContain('<svg');
    expect((await get(`/${id}.svg`, null)).status).toBe(404);
  });

  it('prints the interview and radar as a French page, with only the answers and signals the viewer may read', async () => {
    const id = toGlobalId('Organization', orgs[1]!.id);
    const asExpert = await (await get(`/organizations/${id}/report.html`, TOKENS.expert)).text(); // committee: reads partnerAndCommittee
    const asFunder = await (await get(`/organizations/${id}/report.html`, TOKENS.funder)).text(); // neither NEF nor committee
    expect(asExpert).toContain('<html lang="fr">');
    expect(asExpert).toContain('Part des financements publics');
    expect(asExpert).toMatch(/Les financements publics représentent \d+ % des produits/);
    expect(asFunder).not.toContain('Part des financements publics');
    expect(asFunder).not.toMatch(/financements publics représentent/);
    expect(asFunder).toContain('Signal confidentiel');
    expect((await get(`/organizations/${id}/report.html`, null)).status).toBe(404);
  });

  it.skipIf(!existsSync(chromiumPath()))(
    'renders the page as a PDF',
    async () => {
      const res = await get(`/organizations/${toGlobalId('Organization', orgs[1]!.id)}/report.pdf`, TOKENS.expert);
      expect(res.status).toBe(200);
      const pdf = new Uint8Array(await res.arrayBuffer());
      expect(pdfText(pdf)).toContain('Réponses à l’entretien');
      assertNotBlank(await pdfToPng(pdf));
    },
    60_000,
  );

  it('exports the contact priorities as CSV and XLSX to partners’ people only', async () => {
    const csv = await get('/priorities.csv', TOKENS.expert);
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text.replace(/^\ufeff/, '').split('\r\n')[0]).toBe('Rang;Organisation;Score;Niveau d’alerte;Raisons');
    expect(text.split('\r\n')[1]).toMatch(/^1;/);
    const xlsx = await get('/priorities.xlsx', TOKENS.expert);
    expect(xlsx.status).toBe(200);
    expect(new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
    expect((await get('/priorities.csv', null)).status).toBe(401); // no token: authenticate first
  });
});

describe('grid rules changed', () => {
  it('recomputes the radars of the grid version as a background job', async () => {
    const gridId = toGlobalId('GridVersion', gridVersionId);
    const radarsOfGrid = await em.fork().count(Radar, { gridVersion: gridVersionId });
    const rule = {
      code: 'always_watch',
      kind: 'risk',
      severity: 'info',
      sectionCode: 'finances',
      label: 'Toujours',
      explanation: 'Part publique : {{fin_public_funding_share}} %.',
      condition: { '>=': [{ var: 'fin_public_funding_share' }, 0] },
    };
    const res = await t.gql('mutation($input: SetGridRulesInput!) { setGridRules(input: $input) { id } }', { input: { gridVersionId: gridId, rules: [rule] } }, TOKENS.admin);
    expect(res.errors).toBeUndefined();
    await expect
      .poll(async () => (await em.fork().find(BackgroundJob, { kind: 'radar.recompute' })).map((j) => [j.status, j.done, j.total]), { timeout: 60_000, interval: 200 })
      .toEqual([['SUCCEEDED', radarsOfGrid, radarsOfGrid]]);
    const radars = await em.fork().find(Radar, { gridVersion: gridVersionId });
    // Every radar now carries the grid's rules as stored (the one rule), not the test's extended ones.
    expect(radars.every((r) => r.signals.every((s) => s.code === 'always_watch'))).toBe(true);
    expect(radars.some((r) => r.signals.length === 1)).toBe(true);
  }, 90_000);
});
