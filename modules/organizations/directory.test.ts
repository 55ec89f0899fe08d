import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TOKENS, type TestApp } from '../../test/harness.js';

/*
 * The directory an adviser trusts: legal form apart from accreditations (with dates, valid at the
 * platform's reference date), identifiers checked, several sectors, place, yearly figures for partners'
 * people only. Every field read through the list (one statement) and through node(id).
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ modules: ['organizations', 'accounts'] });
});
afterAll(async () => t?.close());

const CREATE = 'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id legalForm essFamily siret siren nafCode rna creationDate foundedYear sectors { code } } }';
const ACCREDIT = 'mutation($o: ID!, $input: AccreditationInput!) { addAccreditation(organizationId: $o, input: $input) { id kind since until postsFte valid } }';
const FIGURES = 'mutation($o: ID!, $input: OrganizationFiguresInput!) { setOrganizationFigures(organizationId: $o, input: $input) { year headcount fte income } }';
const SET_DATE = 'mutation($d: LocalDate) { setReferenceDate(date: $d) { referenceDate fixedReferenceDate } }';

let commune = '';
async function create(input: Record<string, unknown>): Promise<any> {
  if (!commune) commune = (await t.gql('{ communes(first: 1, filter: { search: "Outreau" }) { edges { node { id } } } }')).data.communes.edges[0].node.id;
  return t.gql(CREATE, { input: { communeId: commune, stage: 'DEVELOPMENT', sector: 'recyclage-reemploi', ...input } }, TOKENS.expert);
}

describe('legal form apart from accreditations', () => {
  it('an ACI is a conventionnement held by an association, with its posts; it makes the association ESUS and in insertion', async () => {
    const org = await create({ name: 'Ressourcerie du Renard', legalForm: 'ASSOCIATION', siret: '73282932000074', rna: 'W623001234', nafCode: '3832z', creationDate: '2009-03-15' });
    expect(org.errors).toBeUndefined();
    expect(org.data.createOrganization).toMatchObject({
      essFamily: 'ASSOCIATION',
      siren: '732829320',
      nafCode: '38.32Z',
      rna: 'W623001234',
      foundedYear: 2009,
      sectors: [{ code: 'recyclage-reemploi' }],
    });
    const id = org.data.createOrganization.id;
    const aci = await t.gql(ACCREDIT, { o: id, input: { kind: 'SIAE_ACI', since: '2019-01-01', until: '2099-12-31', postsFte: 12.5 } }, TOKENS.expert);
    expect(aci.errors).toBeUndefined();
    expect(aci.data.addAccreditation).toMatchObject({ kind: 'SIAE_ACI', since: '2019-01-01', postsFte: 12.5, valid: true });
    const read = await t.gql('query($id: ID!) { node(id: $id) { ... on Organization { esus insertion accreditations { kind valid } } } }', { id });
    expect(read.data.node).toEqual({ esus: true, insertion: true, accreditations: [{ kind: 'SIAE_ACI', valid: true }] });
  });

  it('an ACI run by a CCAS works in insertion but is not ESUS: ESUS by right is for SIAE of the SSE', async () => {
    const org = await create({ name: 'CCAS de Wimille – chantier nature', legalForm: 'CCAS' });
    const id = org.data.createOrganization.id;
    expect(org.data.createOrganization.essFamily).toBeNull();
    await t.gql(ACCREDIT, { o: id, input: { kind: 'SIAE_ACI', since: '2021-01-01', postsFte: 6 } }, TOKENS.expert);
    const read = await t.gql('query($id: ID!) { node(id: $id) { ... on Organization { esus insertion } } }', { id });
    expect(read.data.node).toEqual({ esus: false, insertion: true });
    const esus = await t.gql('{ organizations(first: 100, filter: { esus: true, insertion: true, search: "wimille" }) { edges { node { name } } } }');
    expect(esus.data.organizations.edges.map((e: any) => e.node.name)).not.toContain('CCAS de Wimille – chantier nature');
  });

  it('refuses an AI held by a SARL, naming the field and the forms that may hold it; nothing is written', async () => {
    const org = await create({ name: 'Services Plus SARL', legalForm: 'SARL' });
    const id = org.data.createOrganization.id;
    const res = await t.gql(ACCREDIT, { o: id, input: { kind: 'SIAE_AI', since: '2020-01-01' } }, TOKENS.expert);
    expect(res.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.kind' });
    expect(res.errors[0].message).toMatch(/Association intermédiaire.*Association loi 1901/);
    const read = await t.gql('query($id: ID!) { node(id: $id) { ... on Organization { accreditations { kind } } } }', { id });
    expect(read.data.node.accreditations).toEqual([]);
  });

  it('refuses a change of legal form the held accreditations do not allow', async () => {
    const org = await create({ name: 'Chantier des dunes', legalForm: 'ASSOCIATION' });
    const id = org.data.createOrganization.id;
    await t.gql(ACCREDIT, { o: id, input: { kind: 'SIAE_ACI', since: '2020-01-01' } }, TOKENS.expert);
    const res = await t.gql('mutation($id: ID!) { updateOrganization(id: $id, input: { legalForm: SAS }) { legalForm } }', { id }, TOKENS.expert);
    expect(res.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.legalForm' });
  });

  it('refuses posts in FTE outside insertion, an end before the start, ESUS before the 2014 law and a start years ahead', async () => {
    const org = await create({ name: 'Coopérative des quais', legalForm: 'SCOP' });
    const id = org.data.createOrganization.id;
    const posts = await t.gql(ACCREDIT, { o: id, input: { kind: 'ESUS', since: '2020-01-01', postsFte: 3 } }, TOKENS.expert);
    expect(posts.errors[0].extensions.field).toBe('input.postsFte');
    const ends = await t.gql(ACCREDIT, { o: id, input: { kind: 'ESUS', since: '2020-01-01', until: '2019-01-01' } }, TOKENS.expert);
    expect(ends.errors[0].extensions.field).toBe('input.until');
    const early = await t.gql(ACCREDIT, { o: id, input: { kind: 'ESUS', since: '2012-01-01' } }, TOKENS.expert);
    expect(early.errors[0].extensions.field).toBe('input.since');
    const far = await t.gql(ACCREDIT, { o: id, input: { kind: 'ESUS', since: '2099-01-01' } }, TOKENS.expert);
    expect(far.errors[0].extensions.field).toBe('input.since');
  });

  it('reads validity at the reference date: an ESUS of 2015–2020 is valid in 2018, not today; only administrators fix the date', async () => {
    const org = await create({ name: 'Épicerie solidaire des quais', legalForm: 'SCIC' });
    const id = org.data.createOrganization.id;
    await t.gql(ACCREDIT, { o: id, input: { kind: 'ESUS', since: '2015-06-01', until: '2020-05-31' } }, TOKENS.expert);
    const q = 'query($id: ID!) { node(id: $id) { ... on Organization { esus accreditations { valid } } } }';
    expect((await t.gql(q, { id })).data.node).toEqual({ esus: false, accreditations: [{ valid: false }] });
    const denied = await t.gql(SET_DATE, { d: '2018-01-01' }, TOKENS.expert);
    expect(denied.errors[0].extensions.code).toBe('FORBIDDEN');
    const set = await t.gql(SET_DATE, { d: '2018-01-01' }, TOKENS.admin);
    expect(set.data.setReferenceDate).toEqual({ referenceDate: '2018-01-01', fixedReferenceDate: '2018-01-01' });
    try {
      expect((await t.gql(q, { id })).data.node).toEqual({ esus: true, accreditations: [{ valid: true }] });
      const esus = await t.gql('{ organizations(first: 50, filter: { esus: true, search: "quais" }) { edges { node { name } } } }');
      expect(esus.data.organizations.edges.map((e: any) => e.node.name)).toContain('Épicerie solidaire des quais');
    } finally {
      const back = await t.gql(SET_DATE, { d: null }, TOKENS.admin);
      expect(back.data.setReferenceDate.fixedReferenceDate).toBeNull();
    }
  });
});

describe('identifiers', () => {
  it('keeps the RNA for associations only, unique', async () => {
    const scop = await create({ name: 'SCOP du Portel', legalForm: 'SCOP', rna: 'W623009999' });
    expect(scop.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.rna' });
    const first = await create({ name: 'Amicale des Tamaris', legalForm: 'ASSOCIATION', rna: 'W623005555' });
    expect(first.errors).toBeUndefined();
    const again = await create({ name: 'Autre amicale', legalForm: 'ASSOCIATION', rna: 'W623005555' });
    expect(again.errors[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.rna' });
  });

  it('refuses a malformed RNA or NAF code, a creation date in the future or a year that contradicts it', async () => {
    const rna = await create({ name: 'Mauvais RNA', legalForm: 'ASSOCIATION', rna: '623001234' });
    expect(rna.errors[0].extensions.field).toBe('input.rna');
    const naf = await create({ name: 'Mauvais NAF', legalForm: 'ASSOCIATION', nafCode: '8899' });
    expect(naf.errors[0].extensions.field).toBe('input.nafCode');
    const future = await create({ name: 'Du futur', legalForm: 'ASSOCIATION', creationDate: '2099-01-01' });
    expect(future.errors[0].extensions.field).toBe('input.creationDate');
    const contradiction = await create({ name: 'Contradiction', legalForm: 'ASSOCIATION', creationDate: '2010-05-01', foundedYear: 2011 });
    expect(contradiction.errors[0].extensions.field).toBe('input.foundedYear');
  });
});

describe('sectors, place and publics', () => {
  it('holds several sectors, the main one first, and finds an organization by any of them', async () => {
    const org = await create({
      name: 'Vélo-école des deux caps',
      legalForm: 'ASSOCIATION',
      sector: 'mobilite',
      otherSectors: ['education-formation', 'mobilite'],
      publics: ['YOUTH', 'PRIORITY_DISTRICTS'],
      address: '3 rue du Renard',
      postalCode: '62230',
      priorityDistrict: 'Tour du Renard',
    });
    expect(org.errors).toBeUndefined();
    expect(org.data.createOrganization.sectors.map((s: any) => s.code)).toEqual(['mobilite', 'education-formation']);
    const found = await t.gql(
      '{ organizations(first: 50, filter: { sectors: ["education-formation"], inPriorityDistrict: true }) { edges { node { name sector { code } publics address postalCode priorityDistrict commune { name priorityDistricts } } } } }',
    );
    expect(found.errors).toBeUndefined();
    expect(found.data.organizations.edges.map((e: any) => e.node)).toContainEqual({
      name: 'Vélo-école des deux caps',
      sector: { code: 'mobilite' },
      publics: ['YOUTH', 'PRIORITY_DISTRICTS'],
      address: '3 rue du Renard',
      postalCode: '62230',
      priorityDistrict: 'Tour du Renard',
      commune: { name: 'Outreau', priorityDistricts: ['Tour du Renard'] },
    });
  });

  it('maps every sector to NAF codes, and insertion is not a sector', async () => {
    const sectors = (await t.gql('{ sectors { code nafCodes } }')).data.sectors;
    expect(sectors.map((s: any) => s.code)).not.toContain('insertion');
    for (const s of sectors) expect(s.nafCodes.length).toBeGreaterThan(0);
  });
});

describe('yearly figures', () => {
  it("are for partners' people: an anonymous caller sees none, an expert sees them; values are checked against each other", async () => {
    const org = await create({ name: 'Atelier couture du Chemin Vert', legalForm: 'ASSOCIATION' });
    const id = org.data.createOrganization.id;
    const bad = await t.gql(FIGURES, { o: id, input: { year: 2025, headcount: 4, fte: 6 } }, TOKENS.expert);
    expect(bad.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.fte' });
    const anonymousWrite = await t.gql(FIGURES, { o: id, input: { year: 2025, headcount: 4 } });
    expect(anonymousWrite.errors[0].extensions.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
    const ok = await t.gql(
      FIGURES,
      { o: id, input: { year: 2025, headcount: 4, fte: 3.2, income: 180_000, publicFundingShare: 72.5, mainFunders: ['Conseil départemental'], equity: 20_000 } },
      TOKENS.expert,
    );
    expect(ok.errors).toBeUndefined();
    await t.gql(FIGURES, { o: id, input: { year: 2024, headcount: 3, fte: 2.5 } }, TOKENS.expert);
    const q = 'query($id: ID!) { node(id: $id) { ... on Organization { latestFigures { year fte income publicFundingShare mainFunders } figures { year } } } }';
    expect((await t.gql(q, { id })).data.node).toEqual({ latestFigures: null, figures: [] });
    expect((await t.gql(q, { id }, TOKENS.expert)).data.node).toEqual({
      latestFigures: { year: 2025, fte: 3.2, income: 180_000, publicFundingShare: 72.5, mainFunders: ['Conseil départemental'] },
      figures: [{ year: 2025 }, { year: 2024 }],
    });
  });

  it('reads a page with accreditations, figures and sectors in one statement', async () => {
    t.resetSql();
    const res = await t.gql(
      '{ organizations(first: 30) { edges { node { name esus insertion essFamily siren sectors { code } accreditations { kind valid } latestFigures { year } } } } }',
      {},
      TOKENS.expert,
    );
    expect(res.errors).toBeUndefined();
    const reads = t.sql.filter((s) => s.startsWith('select') && !s.includes('platform_settings') && !s.includes('api_token'));
    expect(reads).toHaveLength(1);
  });
});
