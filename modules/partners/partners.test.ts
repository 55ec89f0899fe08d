import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, startTestApp, TOKENS, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ modules: ['partners', 'accounts'] });
});
afterAll(async () => t?.close());

// Every list of every partner, by pages of 30 (the 23 partners of the call fit one page): a page of 100
// with all of them would pass the default cost limit at the lists' declared bounds.
const PARTNERS = `query($filter: PartnerFilter) { partners(first: 30, filter: $filter) { totalCount edges { node { id slug name kind technicalCommittee
  criteria { label stages legalForms minAmount maxAmount wholeTerritory sectors { code } communes { name } }
  fundingSchemes { name kind minAmount maxAmount partner { slug } } } } } }`;

describe('partners', () => {
  it('lists every partner named in the call, with criteria and schemes', async () => {
    const res = await t.gql(PARTNERS);
    expect(res.errors).toBeUndefined();
    const names = res.data.partners.edges.map((e: any) => e.node.name).join(' | ');
    for (const n of ['Direccte', 'Inséraction 62', 'APES', 'URIAE', 'CRESS', 'URSCOP', 'Chantier', 'Cigales', 'NEF', 'Autonomie et Solidarité', 'Caisse Solidaire', 'Boulogne Développement']) {
      expect(names).toContain(n);
    }
    const withSchemes = res.data.partners.edges.filter((e: any) => e.node.fundingSchemes.length > 0);
    expect(withSchemes.length).toBeGreaterThan(3);
    expect(res.data.partners.edges.length).toBeGreaterThan(0);
    expect(res.data.partners.edges.every((e: any) => e.node.criteria.length > 0 || e.node.kind === 'HOST')).toBe(true);
  });

  it('finds the partners whose criteria cover a situation', async () => {
    const res = await t.gql(PARTNERS, { filter: { canSupport: { legalForm: 'SCOP', stage: 'CREATION', sector: 'recyclage-reemploi', amount: 10000 } } });
    expect(res.errors).toBeUndefined();
    const partners = res.data.partners.edges.map((e: any) => e.node);
    expect(partners.length).toBeGreaterThan(0);
    for (const p of partners) {
      expect(
        p.criteria.some(
          (c: any) =>
            (c.legalForms.length === 0 || c.legalForms.includes('SCOP')) &&
            (c.stages.length === 0 || c.stages.includes('CREATION')) &&
            (c.sectors.length === 0 || c.sectors.some((s: any) => s.code === 'recyclage-reemploi')) &&
            (c.minAmount == null || c.minAmount <= 10000) &&
            (c.maxAmount == null || c.maxAmount >= 10000),
        ),
      ).toBe(true);
    }
  });

  it('filters funding schemes by kind and amount', async () => {
    const res = await t.gql('{ fundingSchemes(first: 100, filter: { kinds: [LOAN, HONOUR_LOAN], amount: 5000 }) { totalCount edges { node { kind minAmount maxAmount partner { name } } } } }');
    expect(res.errors).toBeUndefined();
    expect(res.data.fundingSchemes.edges.length).toBeGreaterThan(0);
    for (const { node } of res.data.fundingSchemes.edges) {
      expect(['LOAN', 'HONOUR_LOAN']).toContain(node.kind);
      if (node.minAmount != null) expect(node.minAmount).toBeLessThanOrEqual(5000);
      if (node.maxAmount != null) expect(node.maxAmount).toBeGreaterThanOrEqual(5000);
    }
  });

  it('lets a manager edit their own partner only, and administrators any', async () => {
    const mine = await t.gql('{ viewer { person { memberships { role partner { id name } } } } }', {}, TOKENS.funder);
    const own = mine.data.viewer.person.memberships[0].partner;
    const UPDATE = 'mutation($id: ID!, $input: UpdatePartnerInput!) { updatePartner(id: $id, input: $input) { name needs } }';
    const ok = await t.gql(UPDATE, { id: own.id, input: { needs: ['Un calendrier des comités connu trois mois à l’avance.'] } }, TOKENS.funder);
    expect(ok.errors).toBeUndefined();
    expect(ok.data.updatePartner.needs).toEqual(['Un calendrier des comités connu trois mois à l’avance.']);
    const others = await t.gql(PARTNERS);
    const other = others.data.partners.edges.find((e: any) => e.node.id !== own.id).node;
    const refused = await t.gql(UPDATE, { id: other.id, input: { needs: ['x'] } }, TOKENS.funder);
    expect(refused.errors[0].extensions.code).toBe('FORBIDDEN');
    const committee = await t.gql(UPDATE, { id: own.id, input: { technicalCommittee: false } }, TOKENS.funder);
    expect(committee.errors[0].extensions.code).toBe('FORBIDDEN');
    const admin = await t.gql(UPDATE, { id: other.id, input: { description: 'Mise à jour par la MEF.' } }, TOKENS.admin);
    expect(admin.errors).toBeUndefined();
  });

  it('creates a partner with criteria and schemes, refusing inconsistent amounts', async () => {
    const CREATE = 'mutation($input: CreatePartnerInput!) { createPartner(input: $input) { slug criteria { label wholeTerritory communes { name } } fundingSchemes { name } } }';
    const communes = await t.gql('{ communes(first: 2, filter: { search: "samer" }) { edges { node { id name } } } }');
    const samer = communes.data.communes.edges.find((e: any) => e.node.name === 'Samer').node;
    const input = {
      slug: 'initiative-test',
      name: 'Plateforme Initiative Test',
      kind: 'FUNDER',
      criteria: [{ label: 'Création à Samer', stages: ['CREATION'], communeIds: [samer.id], minAmount: 1000, maxAmount: 8000 }],
      fundingSchemes: [{ name: "Prêt d'honneur création", kind: 'HONOUR_LOAN', minAmount: 1000, maxAmount: 8000 }],
    };
    const bad = await t.gql(CREATE, { input: { ...input, criteria: [{ ...input.criteria[0], minAmount: 9000 }] } }, TOKENS.admin);
    expect(bad.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.criteria[0].maxAmount' });
    const res = await t.gql(CREATE, { input }, TOKENS.admin);
    expect(res.errors).toBeUndefined();
    expect(res.data.createPartner.criteria[0]).toEqual({ label: 'Création à Samer', wholeTerritory: false, communes: [{ name: 'Samer' }] });
    const again = await t.gql(CREATE, { input }, TOKENS.admin);
    expect(again.errors[0].extensions.code).toBe('CONFLICT');
  });

  it('pushes partnerChanged over graphql-ws after the change is committed', async () => {
    const list = await t.gql('{ partners(first: 1, filter: { search: "cress" }) { edges { node { id name } } } }');
    const cress = list.data.partners.edges[0].node;
    const client = t.ws(TOKENS.expert);
    const sub = collect(client, 'subscription($id: ID) { partnerChanged(id: $id) { id name description } }', { id: cress.id }, 2);
    await sub.ready;
    for (const description of ['Première version.', 'Deuxième version.']) {
      const res = await t.gql('mutation($id: ID!, $d: String) { updatePartner(id: $id, input: { description: $d }) { id } }', { id: cress.id, d: description }, TOKENS.admin);
      expect(res.errors).toBeUndefined();
    }
    const results = await sub.results;
    expect(results.map((r) => r.data.partnerChanged.description)).toEqual(['Première version.', 'Deuxième version.']);
    expect(results[0].data.partnerChanged.id).toBe(cress.id);
  });
});
