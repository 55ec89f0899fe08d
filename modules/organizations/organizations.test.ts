import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TOKENS, type TestApp } from '../../test/harness.js';
import { DEMO_ORGANIZATION_COUNT, DEMO_SEED, generateOrganizations } from './demo/organizations.generator.js';
import { PERIMETER_COMMUNES } from '../territory/index.js';
import { SECTOR_CODES } from '../sectors/index.js';

/** Employers of the demo, as the generator draws them. */
const DEMO_EMPLOYERS = generateOrganizations({ count: DEMO_ORGANIZATION_COUNT, seed: DEMO_SEED, communes: PERIMETER_COMMUNES, sectorCodes: SECTOR_CODES }).filter((o) => o.employees > 0).length;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ modules: ['organizations', 'accounts'] });
});
afterAll(async () => t?.close());

const LIST = `query List($first: Int, $after: String, $filter: OrganizationFilter, $orderBy: OrganizationOrder) {
  organizations(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id name legalForm siret employees isEmployer stage sector { code name } commune { name intercommunality { shortName } } } }
  }
}`;

async function communeId(name: string): Promise<string> {
  const res = await t.gql('query($s: String) { communes(first: 5, filter: { search: $s }) { edges { node { id name } } } }', { s: name });
  return res.data.communes.edges.find((e: any) => e.node.name === name).node.id;
}

describe('organizations directory', () => {
  it('holds the demo: one organization per SSE establishment of the perimeter (about 1,300 in the CAB), a third of them employers', async () => {
    const all = await t.gql(LIST, { first: 1 });
    expect(all.data.organizations.totalCount).toBe(DEMO_ORGANIZATION_COUNT);
    const employers = await t.gql(LIST, { first: 1, filter: { employer: true } });
    expect(employers.data.organizations.totalCount).toBe(DEMO_EMPLOYERS);
  });

  it('sorts by name and pages without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 3; page++) {
      const res: any = await t.gql(LIST, { first: 100, after });
      seen.push(...res.data.organizations.edges.map((e: any) => e.node.id));
      after = res.data.organizations.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(300);
    const names = (await t.gql(LIST, { first: 50 })).data.organizations.edges.map((e: any) => e.node.name);
    expect([...names].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(names);
  });

  it('pages backwards with last and before', async () => {
    const LAST = 'query($last: Int, $before: String) { organizations(last: $last, before: $before) { pageInfo { hasPreviousPage hasNextPage } edges { node { id } } } }';
    const first = await t.gql(LIST, { first: 5 });
    const ids = first.data.organizations.edges.map((e: any) => e.node.id);
    const edges = (await t.gql('{ organizations(first: 5) { edges { cursor } } }')).data.organizations.edges;
    const previous = await t.gql(LAST, { last: 2, before: edges[4].cursor });
    expect(previous.data.organizations.edges.map((e: any) => e.node.id)).toEqual(ids.slice(2, 4));
    expect(previous.data.organizations.pageInfo).toEqual({ hasPreviousPage: true, hasNextPage: true });
    const tail = await t.gql(LAST, { last: 3 });
    expect(tail.data.organizations.edges).toHaveLength(3);
    expect(tail.data.organizations.pageInfo.hasPreviousPage).toBe(true);
  });

  it('pages every sort order without gaps or repeats', async () => {
    for (const orderBy of ['NAME_DESC', 'EMPLOYEES_DESC', 'UPDATED_AT_DESC']) {
      const seen = new Set<string>();
      let after: string | null = null;
      for (let page = 0; page < Math.ceil(DEMO_ORGANIZATION_COUNT / 100); page++) {
        const res: any = await t.gql(LIST, { first: 100, after, orderBy });
        expect(res.errors).toBeUndefined();
        for (const e of res.data.organizations.edges) seen.add(e.node.id);
        after = res.data.organizations.pageInfo.endCursor;
      }
      expect(seen.size).toBe(DEMO_ORGANIZATION_COUNT);
    }
  });

  it('filters by sector, commune, intercommunality, legal form, stage and text', async () => {
    const boulogne = await communeId('Boulogne-sur-Mer');
    const res = await t.gql(LIST, { first: 100, filter: { communeIds: [boulogne], sectors: ['recyclage-reemploi'] } });
    expect(res.data.organizations.totalCount).toBeGreaterThan(0);
    expect(res.data.organizations.edges.length).toBeGreaterThan(0);
    for (const e of res.data.organizations.edges) expect(e.node.commune.name).toBe('Boulogne-sur-Mer');
    const insertion = await t.gql('{ organizations(first: 100, filter: { insertion: true }) { totalCount edges { node { insertion legalForm accreditations { kind valid } } } } }');
    expect(insertion.data.organizations.totalCount).toBeGreaterThan(0);
    for (const e of insertion.data.organizations.edges) {
      expect(e.node.insertion).toBe(true);
      expect(e.node.accreditations.some((a: any) => a.kind.startsWith('SIAE_') && a.valid)).toBe(true);
    }
    const intercos = await t.gql('{ intercommunalities { id shortName } }');
    const ccds = intercos.data.intercommunalities.find((i: any) => i.shortName === 'CCDS').id;
    const inCcds = await t.gql(LIST, { first: 100, filter: { intercommunalityId: ccds } });
    expect(inCcds.data.organizations.totalCount).toBeGreaterThan(0);
    expect(inCcds.data.organizations.edges.length).toBeGreaterThan(0);
    for (const e of inCcds.data.organizations.edges) expect(e.node.commune.intercommunality.shortName).toBe('CCDS');
    const cab = intercos.data.intercommunalities.find((i: any) => i.shortName === 'CAB').id;
    const inCab = await t.gql(LIST, { first: 1, filter: { intercommunalityId: cab } });
    expect(inCab.data.organizations.totalCount + inCcds.data.organizations.totalCount).toBe(DEMO_ORGANIZATION_COUNT);
    const scops = await t.gql(LIST, { first: 100, filter: { legalForms: ['SCOP'], stages: ['DEVELOPMENT', 'CONSOLIDATION'] } });
    expect(scops.data.organizations.edges.length).toBeGreaterThan(0);
    expect(scops.data.organizations.totalCount).toBeLessThan(DEMO_ORGANIZATION_COUNT);
    for (const e of scops.data.organizations.edges) {
      expect(e.node.legalForm).toBe('SCOP');
      expect(['DEVELOPMENT', 'CONSOLIDATION']).toContain(e.node.stage);
    }
    const someName = (await t.gql(LIST, { first: 1 })).data.organizations.edges[0].node.name as string;
    const word = someName.split(' ').sort((a, b) => b.length - a.length)[0]!;
    const found = await t.gql(LIST, {
      first: 100,
      filter: {
        search: word
          .toUpperCase()
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, ''),
      },
    });
    expect(found.data.organizations.edges.map((e: any) => e.node.name)).toContain(someName);
    // Values reach SQL as literals: quotes, question marks and backslashes are only text.
    for (const search of ["l'?eau", '$1 ? \\', "'); drop table organization; --"]) {
      const odd = await t.gql(LIST, { first: 5, filter: { search } });
      expect(odd.errors).toBeUndefined();
      expect(odd.data.organizations.totalCount).toBe(0);
    }
  });

  it('reads long descriptions when asked for, through fragments too', async () => {
    const res = await t.gql('{ organizations(first: 5) { edges { node { ...Card } } } } fragment Card on Organization { name description }');
    expect(res.errors).toBeUndefined();
    expect(res.data.organizations.edges).toHaveLength(5);
    for (const e of res.data.organizations.edges) expect(e.node.description.length).toBeGreaterThan(10);
    const one = res.data.organizations.edges[0].node;
    const byNode = await t.gql('query($s: String) { organizations(first: 1, filter: { search: $s }) { edges { node { id } } } }', { s: one.name });
    const node = await t.gql('query($id: ID!) { node(id: $id) { ... on Organization { description } } }', { id: byNode.data.organizations.edges[0].node.id });
    expect(node.data.node.description).toBe(one.description);
  });

  it('reads only the columns the fields asked for need', async () => {
    t.resetSql();
    const res = await t.gql('{ organizations(first: 20, orderBy: EMPLOYEES_DESC) { edges { node { name isEmployer ... on Organization { contacts { firstName } } } } } }', {}, TOKENS.expert);
    expect(res.errors).toBeUndefined();
    const page = t.sql.find((s) => s.startsWith('select e.') && s.includes('from "organization" e'))!;
    const columns = [...page.split(' from ')[0]!.matchAll(/e\."(\w+)"/g)].map((m) => m[1]).sort();
    // consent_to_share: the consent rule on the contacts is checked once on the parent row.
    expect(columns).toEqual(['consent_to_share', 'employees', 'id', 'name']);
    expect(res.data.organizations.edges.map((e: any) => e.node.isEmployer)).toContain(true);
    // A field another module adds declares what it reads (@Needs) next to its definition.
    t.resetSql();
    await t.gql('{ organizations(first: 2) { edges { node { eligiblePartners { partner { name } } } } } }', {}, TOKENS.expert);
    const matching = t.sql.find((s) => s.startsWith('select e.') && s.includes('from "organization" e'))!;
    const read = [...matching.split(' from ')[0]!.matchAll(/e\."(\w+)"/g)].map((m) => m[1]).sort();
    expect(read).toEqual(['commune_id', 'creation_date', 'employees', 'founded_year', 'id', 'legal_form', 'name', 'publics', 'sector_code', 'sector_codes', 'stage']);
  });

  it('refuses an unknown sector with the field', async () => {
    const res = await t.gql(LIST, { first: 5, filter: { sectors: ['astrologie'] } });
    expect(res.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.sectors[0]' });
  });

  it('shows contacts only to partners, with the holder consent', async () => {
    const q = '{ organizations(first: 30) { edges { node { consentToShare contacts { firstName lastName email } } } } }';
    // Contacts are rows the consent rule hides: an empty list for those who may not see them.
    const anonymous = await t.gql(q);
    expect(anonymous.errors).toBeUndefined();
    expect(anonymous.data.organizations.edges.every((e: any) => e.node.contacts.length === 0)).toBe(true);
    const expert = await t.gql(q, {}, TOKENS.expert);
    expect(expert.errors).toBeUndefined();
    const nodes = expert.data.organizations.edges.map((e: any) => e.node);
    for (const n of nodes) if (!n.consentToShare) expect(n.contacts).toEqual([]);
    expect(nodes.some((n: any) => n.consentToShare && n.contacts.length > 0)).toBe(true);
  });

  it('lists 100 organizations with sector, commune, contacts and partners in a constant number of statements', async () => {
    const q = `query($first: Int) { organizations(first: $first) { totalCount edges { node { name sector { name } commune { name intercommunality { name } }
      contacts { firstName email } eligiblePartners { partner { name } } } } } }`;
    const counts: number[] = [];
    for (const first of [5, 100]) {
      t.resetSql();
      const res = await t.gql(q, { first }, TOKENS.expert);
      expect(res.errors).toBeUndefined();
      expect(res.data.organizations.edges).toHaveLength(first);
      counts.push(t.sql.length);
    }
    expect(counts[1]).toBe(counts[0]);
    // token, page (with its count, sectors, communes and contacts), reference date, partners with their
    // criteria and schemes, sectors, communes with their intercommunalities, intercommunalities
    expect(counts[1]).toBeLessThanOrEqual(7);
    // Sectors and communes are joined to the page, contacts gathered per row under the consent rule.
    const page = t.sql.find((s) => s.includes('from "organization" e'))!;
    expect(page).toContain('left join "sector" j0');
    expect(page).toContain('left join "commune" j1');
    expect(page).toMatch(
      // The consent rule points back to the parent: checked once on the organization's row, not per contact.
      /case when e."consent_to_share" = \? then \(select .* from \(select \* from "organization_contact" g where g."organization_id" = e."id" order by .* limit 20\) g\) else '\[\]'::json end as "contacts"/,
    );
    expect(page).toContain('count(*)');
  });
});

describe('organization changes', () => {
  const CREATE = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id name siret employees isEmployer sector { code } commune { name } contacts { firstName isHolder } } }`;

  it('lets a partner member register a project holder, with contacts, and a manager with the holder consent', async () => {
    const input = {
      name: 'Ressourcerie des Dunes',
      legalForm: 'ASSOCIATION',
      sector: 'recyclage-reemploi',
      communeId: await communeId('Le Portel'),
      stage: 'CREATION',
      contacts: [{ firstName: 'Lucie', lastName: 'Martin', role: 'Porteuse de projet', email: 'lucie.martin@example.org', isHolder: true }],
    };
    const res = await t.gql(CREATE, { input }, TOKENS.expert);
    expect(res.errors).toBeUndefined();
    expect(res.data.createOrganization).toMatchObject({ name: 'Ressourcerie des Dunes', siret: null, isEmployer: false, commune: { name: 'Le Portel' } });
    // Without the holder's consent, the contacts given are kept but not shown back.
    expect(res.data.createOrganization.contacts).toEqual([]);
    const consent = { given: true, method: 'WRITTEN_FORM', obtainedOn: '2026-11-02' };
    const withConsent = await t.gql(CREATE, { input: { ...input, name: 'Ressourcerie des Dunes II', consent } }, TOKENS.funder);
    expect(withConsent.errors).toBeUndefined();
    expect(withConsent.data.createOrganization.contacts).toEqual([{ firstName: 'Lucie', isHolder: true }]);
  });

  it('refuses bad input with the field, and changes nothing', async () => {
    const before = (await t.gql(LIST, { first: 1 })).data.organizations.totalCount;
    const base = { name: 'Atelier Vélo Solidaire', legalForm: 'ASSOCIATION', sector: 'mobilite', communeId: await communeId('Outreau'), stage: 'CREATION' };
    const badSiret = await t.gql(CREATE, { input: { ...base, siret: '12345678901234' } }, TOKENS.expert);
    expect(badSiret.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.siret' });
    expect(badSiret.errors[0].message).toMatch(/SIRET/);
    const badEmail = await t.gql(CREATE, { input: { ...base, contacts: [{ firstName: 'A', lastName: 'B', email: 'pas-un-email' }] } }, TOKENS.expert);
    expect(badEmail.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.contacts.0.email' });
    const badCommune = await t.gql(CREATE, { input: { ...base, communeId: 'bm9wZQ' } }, TOKENS.expert);
    expect(badCommune.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.communeId' });
    const future = await t.gql(CREATE, { input: { ...base, foundedYear: 2999 } }, TOKENS.expert);
    expect(future.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.foundedYear' });
    const unknownSector = await t.gql(CREATE, { input: { ...base, sector: 'astrologie' } }, TOKENS.expert);
    expect(unknownSector.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.sector' }); // one value: no [0]
    expect((await t.gql(LIST, { first: 1 })).data.organizations.totalCount).toBe(before);
  });

  it('refuses a SIRET already registered as CONFLICT', async () => {
    const existing = await t.gql('{ organizations(first: 50, filter: { employer: true }) { edges { node { siret } } } }');
    const siret = existing.data.organizations.edges.find((e: any) => e.node.siret).node.siret;
    const res = await t.gql(CREATE, { input: { name: 'Doublon', legalForm: 'SCOP', sector: 'recyclage-reemploi', communeId: await communeId('Desvres'), stage: 'DEVELOPMENT', siret } }, TOKENS.expert);
    expect(res.errors[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.siret' });
  });

  it('updates only the given fields, and refuses anonymous callers', async () => {
    const first = (await t.gql(LIST, { first: 1, filter: { employer: true } })).data.organizations.edges[0].node;
    const UPDATE = 'mutation($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { id name employees stage } }';
    expect((await t.gql(UPDATE, { id: first.id, input: { employees: 3 } })).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const res = await t.gql(UPDATE, { id: first.id, input: { employees: first.employees + 1, stage: 'CONSOLIDATION' } }, TOKENS.funder);
    expect(res.data.updateOrganization).toEqual({ id: first.id, name: first.name, employees: first.employees + 1, stage: 'CONSOLIDATION' });
    const cleared = await t.gql(UPDATE, { id: first.id, input: { name: null } }, TOKENS.funder);
    expect(cleared.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
  });
});
