import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TOKENS, type TestApp } from './harness.js';
import { PARTNER_LISTS } from '../modules/partners/partner.inputs.js';
import { MAX_CONTACTS } from '../modules/organizations/organization.inputs.js';

/*
 * The operation limits cost a partner's criteria and schemes and an organization's contacts at their
 * declared bounds (`@MaxItems`); a bound that additions one by one could pass would make that cost a lie.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ modules: ['partners', 'accounts'] });
});
afterAll(async () => t?.close());

async function firstPartner(): Promise<{ id: string; criteria: number; schemes: number }> {
  const res = await t.gql('{ partners(first: 1) { edges { node { id criteria { label } fundingSchemes(includeInactive: true) { name } } } } }', {}, TOKENS.admin);
  const node = res.data.partners.edges[0].node;
  return { id: node.id, criteria: node.criteria.length, schemes: node.fundingSchemes.length };
}

describe('bounded lists', () => {
  it(`refuses the intervention criteria past ${PARTNER_LISTS.criteria} for one partner, and changes nothing`, async () => {
    const partner = await firstPartner();
    const add = (i: number) =>
      t.gql('mutation($p: ID!, $i: InterventionCriteriaInput!) { addInterventionCriteria(partnerId: $p, input: $i) { id } }', { p: partner.id, i: { label: `Critères ${i}` } }, TOKENS.admin);
    for (let i = partner.criteria; i < PARTNER_LISTS.criteria; i++) expect((await add(i)).errors).toBeUndefined();
    const refused = await add(99);
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(refused.errors[0].message).toMatch(/au plus/);
    expect((await firstPartner()).criteria).toBe(PARTNER_LISTS.criteria);
  });

  it(`refuses the funding schemes past ${PARTNER_LISTS.fundingSchemes} for one partner`, async () => {
    const partner = await firstPartner();
    const add = (i: number) =>
      t.gql('mutation($p: ID!, $i: FundingSchemeInput!) { addFundingScheme(partnerId: $p, input: $i) { id } }', { p: partner.id, i: { name: `Dispositif ${i}`, kind: 'GRANT' } }, TOKENS.admin);
    for (let i = partner.schemes; i < PARTNER_LISTS.fundingSchemes; i++) expect((await add(i)).errors).toBeUndefined();
    const refused = await add(99);
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await firstPartner()).schemes).toBe(PARTNER_LISTS.fundingSchemes);
  });

  it(`refuses the contact people past ${MAX_CONTACTS} for one organization`, async () => {
    const list = await t.gql('{ organizations(first: 1) { edges { node { id contacts { id } } } } }', {}, TOKENS.admin);
    const { id, contacts } = list.data.organizations.edges[0].node;
    const add = (i: number) =>
      t.gql(
        'mutation($o: ID!, $i: OrganizationContactInput!) { addOrganizationContact(organizationId: $o, input: $i) { id } }',
        { o: id, i: { firstName: 'Camille', lastName: `Contact ${i}` } },
        TOKENS.admin,
      );
    for (let i = contacts.length; i < MAX_CONTACTS; i++) expect((await add(i)).errors).toBeUndefined();
    const refused = await add(99);
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const after = await t.gql('query($id: ID!) { node(id: $id) { ... on Organization { contacts { id } } } }', { id }, TOKENS.admin);
    expect(after.data.node.contacts).toHaveLength(MAX_CONTACTS);
  });
});
