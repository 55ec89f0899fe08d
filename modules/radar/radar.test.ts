import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { collect, startTestApp, TOKENS, type TestApp } from '../../test/harness.js';
import { Viewer } from '../../server/auth.js';
import { toGlobalId } from '../../server/kit/index.js';
import { DEFAULT_GRID, type GridDefinition } from '../interview-grids/index.js';
import { Organization } from '../organizations/index.js';
import { Partner } from '../partners/index.js';
import { answersAt } from './radar.fixtures.js';
import { RadarService, type RadarSource } from './radar.service.js';

let t: TestApp;
let em: SqlEntityManager;
let orgs: { id: string; name: string; sector: string }[];
let partners: Record<string, string>;
let expertPersonId: string;
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

let interviewSeq = 0;
function source(org: string, date: string, health: number, extra: Partial<RadarSource> = {}): RadarSource {
  interviewSeq++;
  return {
    interviewId: `00000000-0000-4000-8000-${String(interviewSeq).padStart(12, '0')}`,
    organizationId: org,
    gridVersionId: '00000000-0000-4000-8000-aaaaaaaaaaaa',
    grid: GRID,
    date,
    answers: answersAt(GRID, health),
    partnerId: partners.nef!,
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
  orgs = (await em.find(Organization, {}, { orderBy: { name: 'asc', id: 'asc' }, limit: 60 })).map((o) => ({ id: o.id, name: o.name, sector: o.sector.code }));
  partners = Object.fromEntries((await em.find(Partner, {}, { fields: ['id', 'slug'] })).map((p) => [p.slug, p.id]));
  expertPersonId = (await em.findOneOrFail<{ id: string; email: string }>('Person', { email: 'experte@demo.maillage.example.org' })).id;
});
afterAll(async () => t?.close());

describe('radar of an interview', () => {
  it('stores the scores, signals and level, and shows them as Organization.radar', async () => {
    await RadarService.compute(system(), source(orgs[0]!.id, '2024-03-01', 0));
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
    const later = source(orgs[0]!.id, '2025-09-15', 0.6);
    await RadarService.compute(system(), later);
    await RadarService.compute(system(), later); // a redelivered event: the same radar again
    expect(await em.fork().count('Radar', { organization: orgs[0]!.id })).toBe(2);
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
  let orgId: string;
  beforeAll(async () => {
    orgId = orgs[1]!.id;
    // The expert's partner (APES) leaves the technical committee for this test; NEF held the interview.
    await em.nativeUpdate(Partner, { slug: 'apes' }, { technicalCommittee: false });
    await RadarService.compute(system(), source(orgId, '2025-01-10', 0, { answers: { ...answersAt(GRID, 0), fin_adviser_opinion: 'Trésorerie très fragile' } }));
  });
  afterAll(async () => void (await em.nativeUpdate(Partner, { slug: 'apes' }, { technicalCommittee: true })));

  const signalsAs = async (token: string | null) => (await t.gql(RADAR_Q, { id: toGlobalId('Organization', orgId) }, token)).data.node?.radar?.signals ?? null;

  it('hides radars from anonymous callers', async () => {
    expect(await signalsAs(null)).toBeNull();
  });

  it('lets the administrator read every signal', async () => {
    const signals = await signalsAs(TOKENS.admin);
    expect(signals.every((s: { redacted: boolean }) => !s.redacted)).toBe(true);
    expect(signals.find((s: { code: string }) => s.code === 'adviser_worry').explanation).toBe('Le chargé note : Trésorerie très fragile.');
  });

  it('lets a technical committee partner read partnerAndCommittee signals, not the interviewer’s', async () => {
    const signals = await signalsAs(TOKENS.funder); // Conseil régional: technical committee
    expect(signals.find((s: { code: string }) => s.code === 'public_funding_dependency')).toMatchObject({ redacted: false });
    const hidden = signals.filter((s: { redacted: boolean }) => s.redacted);
    expect(hidden).toEqual([
      { code: 'confidential', kind: 'RISK', severity: 'WATCH', axis: 'finances', label: 'Signal confidentiel', explanation: 'Détail réservé à la personne qui a mené l’entretien.', redacted: true },
    ]);
  });

  it('withholds partnerAndCommittee signals from a partner outside the interview and the committee, shared ones stay', async () => {
    const signals = await signalsAs(TOKENS.expert);
    expect(signals.find((s: { code: string }) => s.code === 'public_funding_dependency')).toBeUndefined();
    expect(JSON.stringify(signals)).not.toMatch(/financements publics|Trésorerie très fragile/);
    expect(signals.filter((s: { redacted: boolean }) => s.redacted).length).toBeGreaterThan(3);
    expect(signals.find((s: { code: string }) => s.code === 'unprepared_succession')).toMatchObject({ redacted: false, label: expect.any(String) });
  });

  it('lets the interviewer read what is reserved to them', async () => {
    await RadarService.compute(
      system(),
      source(orgs[2]!.id, '2025-01-10', 0, { partnerId: partners.apes!, interviewerId: expertPersonId, answers: { ...answersAt(GRID, 0), fin_adviser_opinion: 'À revoir' } }),
    );
    const signals = (await t.gql(RADAR_Q, { id: toGlobalId('Organization', orgs[2]!.id) }, TOKENS.expert)).data.node.radar.signals;
    expect(signals.every((s: { redacted: boolean }) => !s.redacted)).toBe(true);
    expect(signals.find((s: { code: string }) => s.code === 'adviser_worry').explanation).toBe('Le chargé note : À revoir.');
  });
});

describe('radar lists and pushes', () => {
  it('reads organizations with their radar in a constant number of statements', async () => {
    await system().transaction(async (tx) => {
      for (const [i, o] of orgs.entries()) if (i >= 3) await RadarService.record(tx.em, source(o.id, '2025-06-01', (i % 10) / 10));
      for (const [i, o] of orgs.entries()) if (i >= 3 && i % 2 === 0) await RadarService.record(tx.em, source(o.id, '2026-02-01', ((i + 3) % 10) / 10));
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
    await RadarService.compute(system(), source(orgs[5]!.id, '2026-05-05', 0.9)); // another organization: not pushed
    await RadarService.compute(system(), source(org.id, '2026-05-05', 0.9));
    const [pushed] = await sub.results;
    expect(pushed!.data.radarUpdated).toMatchObject({ interviewDate: '2026-05-05', organization: { name: org.name } });
  });

  it('refuses the subscription to anonymous callers', async () => {
    const [res] = await collect(t.ws(null), `subscription($id: ID!) { radarUpdated(organizationId: $id) { level } }`, { id: toGlobalId('Organization', orgs[0]!.id) }, 1).results;
    expect(res!.errors[0].extensions.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
  });
});
