import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TOKENS, type TestApp } from '../../test/harness.js';
import { DEFAULT_LIMITS } from '../../server/config.js';

/*
 * Matching, representation, names and validity at the reference date, through GraphQL, on the demo
 * partners (PGlite by default, PostgreSQL with TEST_DATABASE_URL).
 */

let t: TestApp;
beforeAll(async () => {
  // Statement counts of whole pages with every partner's checks are measured here, past the default cost limit.
  t = await startTestApp({ modules: ['partners', 'accounts'], config: { limits: { ...DEFAULT_LIMITS, maxCost: 10_000_000 } } });
});
afterAll(async () => t?.close());

const MATCHES = `query($situation: PartnerSupportQuery!, $all: Boolean) { partnerMatches(situation: $situation, includeIneligible: $all, first: 35) {
  partner { slug } eligible
  criteria { criteria { label } eligible checks { axis passed reason } }
  schemes { scheme { name shortName kind } eligible checks { axis passed reason } } } }`;

const setDate = (date: string | null) => t.gql('mutation($d: LocalDate) { setReferenceDate(date: $d) { referenceDate } }', { d: date }, TOKENS.admin);

describe('partnerMatches', () => {
  it('tells a village festival committee with no employee why the DLA and the solidarity loans are not for it', async () => {
    const situation = { legalForm: 'ASSOCIATION', employees: 0, ageYears: 20, stage: 'DEVELOPMENT', sector: 'culture', amount: 3000, needTypes: ['OPERATIONS'], accreditations: [] };
    const res = await t.gql(MATCHES, { situation, all: true });
    expect(res.errors).toBeUndefined();
    const matches = res.data.partnerMatches;
    const direccte = matches.find((m: any) => m.partner.slug === 'direccte');
    const dla = direccte.schemes.find((s: any) => s.scheme.shortName === 'DLA');
    expect(dla.eligible).toBe(false);
    expect(dla.checks).toContainEqual({ axis: 'EMPLOYER', passed: false, reason: "0 salarié : le dispositif DLA s'adresse aux employeurs." });
    const caisse = matches.find((m: any) => m.partner.slug === 'caisse-solidaire');
    expect(caisse.schemes.find((s: any) => s.scheme.kind === 'LOAN').eligible).toBe(false);
    const proposed = (await t.gql(MATCHES, { situation })).data.partnerMatches;
    expect(proposed.flatMap((m: any) => m.schemes.map((s: any) => s.scheme.kind)).filter((k: string) => ['LOAN', 'QUASI_EQUITY', 'EQUITY'].includes(k))).toEqual([]);
    expect(proposed.every((m: any) => m.eligible && m.schemes.every((s: any) => s.eligible))).toBe(true);
  });

  it('brings a SARL taken over as a SCOP to URSCOP, and not as the SARL it is', async () => {
    const situation = { legalForm: 'SARL', employees: 12, ageYears: 25, stage: 'CREATION', amount: 80000, needTypes: ['INVESTMENT', 'TECHNICAL_SUPPORT'] };
    const asScop = (await t.gql(MATCHES, { situation: { ...situation, targetLegalForm: 'SCOP' } })).data.partnerMatches;
    const urscop = asScop.find((m: any) => m.partner.slug === 'urscop');
    expect(urscop.schemes.map((s: any) => s.scheme.name)).toEqual([
      'Accompagnement à la création et à la reprise en coopérative',
      'Garantie Sofiscop',
      'Prêt participatif Socoden',
      'Scopinvest',
      'Titres participatifs IDES',
    ]);
    const asSarl = (await t.gql(MATCHES, { situation, all: true })).data.partnerMatches.find((m: any) => m.partner.slug === 'urscop');
    expect(asSarl.eligible).toBe(false);
    expect(asSarl.criteria[0].checks).toEqual([{ axis: 'LEGAL_FORM', passed: false, reason: "SARL : URSCOP s'adresse aux formes SCOP, SCIC." }]);
  });

  it('names the places of a situation in its reasons', async () => {
    const communes = await t.gql('{ communes(first: 5, filter: { search: "samer" }) { edges { node { id name } } } }');
    const samer = communes.data.communes.edges.find((e: any) => e.node.name === 'Samer').node;
    const matches = (await t.gql(MATCHES, { situation: { communeId: samer.id }, all: true })).data.partnerMatches;
    const cab = matches.find((m: any) => m.partner.slug === 'cab');
    expect(cab.criteria[0].checks).toEqual([{ axis: 'GEOGRAPHY', passed: false, reason: 'Samer : hors du territoire de CAB (CAB).' }]);
    expect(matches.find((m: any) => m.partner.slug === 'ccds').eligible).toBe(true);
  });

  it('filters partners with the same engine (canSupport)', async () => {
    const res = await t.gql('query($s: PartnerSupportQuery) { partners(first: 50, filter: { canSupport: $s }) { edges { node { slug } } } }', {
      s: { legalForm: 'ASSOCIATION', accreditations: ['SIAE_ACI'], employees: 20, stage: 'DEVELOPMENT' },
    });
    expect(res.errors).toBeUndefined();
    const slugs = res.data.partners.edges.map((e: any) => e.node.slug);
    expect(slugs).toEqual(expect.arrayContaining(['direccte', 'uriae', 'chantier-ecole']));
    expect(slugs).not.toContain('cigales-nord-pas-de-calais');
    expect(slugs).not.toContain('couveuse');
  });
});

describe('Organization.eligiblePartners', () => {
  const Q = `query($first: Int, $project: ProjectInput) { organizations(first: $first) { edges { node { name legalForm employees
    eligiblePartners(project: $project, includeIneligible: true, first: 35) { partner { slug } eligible
      criteria { eligible checks { axis passed reason } }
      schemes { scheme { name } eligible checks { axis passed reason } } } } } } }`;

  it('explains, for each organization, which partners fit and why the others do not', async () => {
    const res = await t.gql(Q, { first: 1, project: { amount: 5000, needTypes: ['INVESTMENT'] } }, TOKENS.expert);
    expect(res.errors).toBeUndefined();
    const again = await t.gql(Q.replace('organizations(first: $first)', 'organizations(first: $first, filter: { employer: true })'), { first: 1 }, TOKENS.expert);
    expect(again.errors).toBeUndefined();
    res.data.organizations.edges.push(...again.data.organizations.edges);
    expect(res.errors).toBeUndefined();
    for (const { node } of res.data.organizations.edges) {
      for (const match of node.eligiblePartners) {
        // Proposed when some criteria cover the situation and some scheme fits (or it has none).
        expect(match.eligible).toBe(match.criteria.some((c: any) => c.eligible) && (match.schemes.length === 0 || match.schemes.some((s: any) => s.eligible)));
        for (const c of [...match.criteria, ...match.schemes]) {
          expect(c.eligible).toBe(c.checks.every((k: any) => k.passed));
          for (const k of c.checks) if (!k.passed) expect(k.reason).toMatch(k.axis === 'PARTNER' ? /^Aucun critère d'intervention (de |d')\S.+\.$/ : /^.+ : .+\.$/);
        }
      }
      const direccte = node.eligiblePartners.find((m: any) => m.partner.slug === 'direccte');
      const dla = direccte.schemes.find((s: any) => s.scheme.name.includes('DLA'));
      if (node.employees === 0) expect(dla.checks).toContainEqual({ axis: 'EMPLOYER', passed: false, reason: "0 salarié : le dispositif DLA s'adresse aux employeurs." });
      else expect(dla.checks.find((k: any) => k.axis === 'EMPLOYER').passed).toBe(true);
    }
  });

  it('matches an organization from its directory record: an ACI reaches the insertion partners, not the Cigales nor the couveuse', async () => {
    const res = await t.gql(
      '{ organizations(first: 3, filter: { accreditations: [SIAE_ACI] }) { edges { node { legalForm accreditations { kind valid } eligiblePartners(first: 40) { partner { slug } } } } } }',
      {},
      TOKENS.expert,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.organizations.edges.length).toBeGreaterThan(0);
    let checked = 0;
    for (const { node } of res.data.organizations.edges) {
      if (!node.accreditations.some((a: any) => a.kind === 'SIAE_ACI' && a.valid)) continue;
      checked++;
      const slugs = node.eligiblePartners.map((m: any) => m.partner.slug);
      expect(slugs).toEqual(expect.arrayContaining(['uriae', 'chantier-ecole']));
      expect(slugs).not.toContain('couveuse');
      expect(slugs).not.toContain('cigales-nord-pas-de-calais');
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('reads the criteria and schemes of a page of organizations in a bounded number of statements', async () => {
    const q = `query($first: Int) { organizations(first: $first) { edges { node { name eligiblePartners(project: { amount: 5000 }, includeIneligible: true, first: 40) { partner { slug nameAtReferenceDate represents { slug } representedBy { slug } }
      criteria { criteria { label sectors { code } intercommunalities { shortName } } checks { reason } } schemes { scheme { name valid stateAidRule { ceiling } } checks { reason } } } } } } }`;
    await t.gql(q, { first: 1 }, TOKENS.expert);
    const counts: number[] = [];
    for (const first of [1, 10]) {
      t.resetSql();
      const res = await t.gql(q, { first }, TOKENS.expert);
      expect(res.errors).toBeUndefined();
      counts.push(t.sql.length);
    }
    expect(counts[1]).toBe(counts[0]);
  });
});

describe('partners over time', () => {
  const PARTNER = `query($s: String) { partners(first: 1, filter: { search: $s }) { edges { node { slug name currentName nameChangedYear nameAtReferenceDate kind roles
    represents { slug } representedBy { slug } fundingSchemes { name validFrom validUntil valid } all: fundingSchemes(includeInactive: true) { name } } } } }`;
  const partner = async (search: string) => (await t.gql(PARTNER, { s: search })).data.partners.edges[0].node;

  it('lets the Cigales speak for the NEF, Autonomie et Solidarité and La Caisse Solidaire', async () => {
    const cigales = await partner('cigales');
    expect(cigales.roles).toEqual(['FUNDER', 'SSE_REPRESENTATIVE']);
    expect(cigales.represents.map((p: any) => p.slug)).toEqual(['nef', 'autonomie-et-solidarite', 'caisse-solidaire']);
    expect((await partner('nouvelle economie fraternelle')).representedBy.map((p: any) => p.slug)).toEqual(['cigales-nord-pas-de-calais']);
  });

  it('gives the name valid at the reference date and the schemes offered then', async () => {
    try {
      expect((await setDate('2012-06-01')).errors).toBeUndefined();
      const direccte2012 = await partner('direccte');
      expect(direccte2012.nameAtReferenceDate).toBe(direccte2012.name);
      expect((await partner('fonds social europeen')).fundingSchemes).toEqual([{ name: 'FSE 2007-2013', validFrom: '2007-01-01', validUntil: '2015-12-31', valid: true }]);
      const rules = await t.gql('{ stateAidRules { frame ceiling periodYears validFrom validUntil valid } }');
      expect(rules.data.stateAidRules.filter((r: any) => r.valid).map((r: any) => [r.frame, r.ceiling])).toEqual([
        ['DE_MINIMIS_GENERAL', 200000],
        ['DE_MINIMIS_SIEG', 500000],
      ]);
      const regionGrant = await t.gql('{ fundingSchemes(first: 50, filter: { kinds: [GRANT] }) { edges { node { name stateAidRule { ceiling } } } } }');
      expect(regionGrant.data.fundingSchemes.edges.find((e: any) => e.node.name.startsWith('Aide régionale au démarrage')).node.stateAidRule).toEqual({ ceiling: 200000 });

      expect((await setDate('2026-06-01')).errors).toBeUndefined();
      const direccte = await partner('direccte');
      expect([direccte.currentName, direccte.nameChangedYear, direccte.nameAtReferenceDate]).toEqual([
        'DREETS Hauts-de-France et DDETS du Pas-de-Calais',
        2021,
        'DREETS Hauts-de-France et DDETS du Pas-de-Calais',
      ]);
      const fse = await partner('fonds social europeen');
      expect(fse.fundingSchemes.map((s: any) => s.name)).toEqual(['FSE+ 2021-2027']);
      expect(fse.all.map((s: any) => s.name)).toEqual(['FSE 2007-2013', 'FSE 2014-2020', 'FSE+ 2021-2027']);
      const schemes = await t.gql('{ fundingSchemes(first: 50, filter: { partnerIds: [] , kinds: [GRANT] }) { edges { node { name stateAidRule { ceiling } } } } }');
      expect(schemes.data.fundingSchemes.edges.map((e: any) => e.node.name)).not.toContain('FSE 2007-2013');
      expect(schemes.data.fundingSchemes.edges.find((e: any) => e.node.name.startsWith('Aide régionale au démarrage')).node.stateAidRule).toEqual({ ceiling: 300000 });
      const withOld = await t.gql('{ fundingSchemes(first: 50, filter: { kinds: [GRANT], includeInvalid: true }) { edges { node { name } } } }');
      expect(withOld.data.fundingSchemes.edges.map((e: any) => e.node.name)).toContain('FSE 2007-2013');
    } finally {
      await setDate(null);
    }
  });
});

describe('changing partners', () => {
  const CREATE = `mutation($input: CreatePartnerInput!) { createPartner(input: $input) { id slug kind roles represents { slug } currentName
    fundingSchemes { name kind guaranteeRate validFrom validUntil stateAidFrame needTypes legalForms } criteria { label employerRequired departmentCodes wholeTerritory } } }`;
  const ids = async () => Object.fromEntries((await t.gql('{ partners(first: 100) { edges { node { id slug } } } }')).data.partners.edges.map((e: any) => [e.node.slug, e.node.id]));

  it('creates a partner with roles, representation, eligibility and validity', async () => {
    const known = await ids();
    const input = {
      slug: 'fonds-test',
      name: 'Fonds de test du littoral',
      kind: 'FUNDER',
      roles: ['EXPERT'],
      representsIds: [known['nef']],
      currentName: 'Fonds de test des Hauts-de-France',
      criteria: [{ label: 'Employeurs du Pas-de-Calais', employerRequired: true, departmentCodes: ['62'] }],
      fundingSchemes: [
        {
          name: 'Garantie de test',
          kind: 'GUARANTEE',
          guaranteeRate: 70,
          validFrom: '2024-01-01',
          validUntil: '2027-12-31',
          stateAidFrame: 'DE_MINIMIS_GENERAL',
          needTypes: ['INVESTMENT'],
          legalForms: ['SCOP'],
        },
      ],
    };
    const res = await t.gql(CREATE, { input }, TOKENS.admin);
    expect(res.errors).toBeUndefined();
    expect(res.data.createPartner).toMatchObject({
      kind: 'FUNDER',
      roles: ['FUNDER', 'EXPERT'],
      represents: [{ slug: 'nef' }],
      currentName: 'Fonds de test des Hauts-de-France',
      criteria: [{ label: 'Employeurs du Pas-de-Calais', employerRequired: true, departmentCodes: ['62'], wholeTerritory: false }],
      fundingSchemes: [
        {
          name: 'Garantie de test',
          kind: 'GUARANTEE',
          guaranteeRate: 70,
          validFrom: '2024-01-01',
          validUntil: '2027-12-31',
          stateAidFrame: 'DE_MINIMIS_GENERAL',
          needTypes: ['INVESTMENT'],
          legalForms: ['SCOP'],
        },
      ],
    });
    const self = await t.gql('mutation($id: ID!) { updatePartner(id: $id, input: { representsIds: [$id] }) { slug } }', { id: res.data.createPartner.id }, TOKENS.admin);
    expect(self.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.representsIds' });
  });

  it('refuses inconsistent schemes, naming the field', async () => {
    const base = { slug: 'fonds-refuse', name: 'Fonds refusé', kind: 'FUNDER' };
    const cases: [object, string][] = [
      [{ name: 'Subvention', kind: 'GRANT', guaranteeRate: 50 }, 'input.fundingSchemes[0].guaranteeRate'],
      [{ name: 'Subvention', kind: 'GRANT', validFrom: '2025-01-01', validUntil: '2024-01-01' }, 'input.fundingSchemes[0].validUntil'],
      [{ name: 'Subvention', kind: 'GRANT', minEmployees: 10, maxEmployees: 2 }, 'input.fundingSchemes[0].maxEmployees'],
    ];
    for (const [scheme, field] of cases) {
      const res = await t.gql(CREATE, { input: { ...base, fundingSchemes: [scheme] } }, TOKENS.admin);
      expect(res.errors?.[0]?.extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect((await ids())['fonds-refuse']).toBeUndefined();
  });
});
