import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { collect, startTestApp, TOKENS, type TestApp } from '../../test/harness.js';
import { Viewer } from '../../server/auth.js';
import { toGlobalId } from '../../server/kit/index.js';
import { DEFAULT_GRID, GridVersion, Interview, InterviewStatus, type GridDefinition } from '../interview-grids/index.js';
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
async function interview(org: string, date: string, partnerId = partners.nef!): Promise<string> {
  const fork = em.fork();
  const created = fork.create(Interview, { organization: org, gridVersion: gridVersionId, partner: partnerId, date, status: InterviewStatus.COMPLETED });
  await fork.flush();
  return created.id;
}
async function source(org: string, date: string, health: number, extra: Partial<RadarSource> = {}): Promise<RadarSource> {
  const partnerId = extra.partnerId ?? partners.nef!;
  return {
    interviewId: await interview(org, date, partnerId),
    organizationId: org,
    gridVersionId,
    grid: GRID,
    date,
    answers: answersAt(GRID, health),
    partnerId,
    interviewerId: null,
    ...extra,
  };
}

const RADAR_Q = `query($id: ID!) { node(id: $id) { ... on Organization { radar { id level gridTitle interviewDate partner { name }
  axes { axis label score coverage reliable } signals { code kind severity axis label explanation redacted }
  previousRadar { interviewDate } trend { axes { axis delta } newSignals { code } resolvedSignals { code } level previousLevel } } } } }`;

beforeAll(async () => {
  t = await startTestApp({ modules: ['radar', 'accounts'] });
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
});
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
