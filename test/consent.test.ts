import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, startTestApp, TOKENS, type TestApp } from './harness.js';
import { databaseDigest, personWithToken } from './people.js';

/*
 * Consent is the holder's (item 7 of issue 8): partners' people see an organization's contact people only
 * when its holder consented, on every path a contact can be read through; only managers of partners and
 * administrators record consent, with who, when and how; contacts are edited only by those who may read them.
 */

let t: TestApp;
let loner: string;
let commune: string;
beforeAll(async () => {
  t = await startTestApp();
  loner = (await personWithToken(t, { name: 'Paul Sanspartenaire' })).token;
  commune = (await t.gql('{ communes(first: 1) { edges { node { id } } } }')).data.communes.edges[0].node.id;
});
afterAll(async () => t?.close());

const CREATE = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id consentToShare contacts { id firstName } } }`;
const NODE = `query($id: ID!) { node(id: $id) { ... on Organization { consentToShare contacts { id firstName } consentHistory { id given method } } } }`;
const CONTACT = `query($id: ID!) { node(id: $id) { id ... on OrganizationContact { firstName } } }`;
const LIST = `query($s: String) { organizations(first: 10, filter: { search: $s }) { edges { node { id contacts { id firstName } } } } }`;
const RECORD = `mutation($id: ID!, $input: ConsentInput!) { recordOrganizationConsent(organizationId: $id, input: $input) {
  id given method obtainedOn note recordedAt recordedBy { name } recordedByPartner { name } organization { consentToShare contacts { firstName } } } }`;
const CONTACTS = [
  { firstName: 'Inès', lastName: 'Caron', role: 'Porteuse de projet', email: 'ines.caron@example.org', isHolder: true },
  { firstName: 'Hugo', lastName: 'Lefebvre', role: 'Trésorier' },
];

async function register(name: string, token: string, extra: Record<string, unknown> = {}) {
  const res = await t.gql(CREATE, { input: { name, legalForm: 'ASSOCIATION', sector: 'recyclage-reemploi', communeId: commune, stage: 'CREATION', contacts: CONTACTS, ...extra } }, token);
  expect(res.errors).toBeUndefined();
  return res.data.createOrganization as { id: string; consentToShare: boolean; contacts: { id: string; firstName: string }[] };
}

/** The contact ids of an organization as an administrator sees them (at least one, or the test proves nothing). */
async function contactIds(id: string): Promise<string[]> {
  const ids = (await t.gql(NODE, { id }, TOKENS.admin)).data.node.contacts.map((c: any) => c.id);
  expect(ids.length).toBeGreaterThan(0);
  return ids;
}

describe('consent on every read path', () => {
  it('shows none of a non-consenting organization’s contacts to partners’ people, and all of them to an administrator', async () => {
    const created = await register('Jardin partagé des Garennes', TOKENS.expert);
    // The answer of the creation itself.
    expect(created.consentToShare).toBe(false);
    expect(created.contacts).toEqual([]);
    const ids = await contactIds(created.id);
    expect(ids).toHaveLength(CONTACTS.length);

    for (const token of [TOKENS.expert, TOKENS.funder]) {
      // node(organization) { contacts consentHistory }
      expect((await t.gql(NODE, { id: created.id }, token)).data.node).toEqual({ consentToShare: false, contacts: [], consentHistory: [] });
      // node(contact)
      for (const id of ids) expect((await t.gql(CONTACT, { id }, token)).data.node).toBeNull();
      // the directory (its page prefetches contacts in SQL)
      const list = await t.gql(LIST, { s: 'Garennes' }, token);
      expect(list.errors).toBeUndefined();
      expect(list.data.organizations.edges).toHaveLength(1);
      expect(list.data.organizations.edges[0].node.contacts).toEqual([]);
    }
    const admin = await t.gql(LIST, { s: 'Garennes' }, TOKENS.admin);
    expect(admin.data.organizations.edges).toHaveLength(1);
    expect(admin.data.organizations.edges[0].node.contacts.map((c: any) => c.id).sort()).toEqual([...ids].sort());
    for (const id of ids) expect((await t.gql(CONTACT, { id }, TOKENS.admin)).data.node.id).toBe(id);
  });

  it('shows a consenting organization’s contacts to partners’ people on the same paths', async () => {
    const created = await register('Épicerie solidaire Quorlande', TOKENS.funder, { consent: { given: true, method: 'SIGNED_AGREEMENT', obtainedOn: '2026-10-15' } });
    expect(created.consentToShare).toBe(true);
    expect(created.contacts).toHaveLength(CONTACTS.length);
    const ids = await contactIds(created.id);
    const node = await t.gql(NODE, { id: created.id }, TOKENS.expert);
    expect(node.data.node.contacts).toHaveLength(CONTACTS.length);
    expect(node.data.node.consentHistory).toEqual([{ id: expect.any(String), given: true, method: 'SIGNED_AGREEMENT' }]);
    for (const id of ids) expect((await t.gql(CONTACT, { id }, TOKENS.expert)).data.node.id).toBe(id);
    const list = await t.gql(LIST, { s: 'Quorlande' }, TOKENS.expert);
    expect(list.data.organizations.edges).toHaveLength(1);
    expect(list.data.organizations.edges[0].node.contacts).toHaveLength(CONTACTS.length);
  });

  it('shows no contact at all to a signed-in person who belongs to no partner', async () => {
    const created = await register('Recyclerie du Moulin', TOKENS.funder, { consent: { given: true, method: 'EMAIL', obtainedOn: '2026-10-01' } });
    const [id] = await contactIds(created.id);
    const viewer = await t.gql('{ viewer { permissions } }', {}, loner);
    expect(viewer.data.viewer.permissions).not.toContain('organizations.contacts.read');
    const node = await t.gql(NODE, { id: created.id }, loner);
    expect(node.data.node).toMatchObject({ consentToShare: true, contacts: [], consentHistory: [] });
    expect((await t.gql(CONTACT, { id }, loner)).data.node).toBeNull();
    const list = await t.gql(LIST, { s: 'Moulin' }, loner);
    expect(list.data.organizations.edges.every((e: any) => e.node.contacts.length === 0)).toBe(true);
    expect((await t.gql(CONTACT, { id })).data.node).toBeNull();
  });

  it('pushes organizationChanged without the contacts of a non-consenting organization, except to an administrator', async () => {
    const created = await register('Atelier couture du Chemin Vert', TOKENS.expert);
    await contactIds(created.id);
    const SUB = 'subscription($id: ID) { organizationChanged(id: $id) { id consentToShare contacts { firstName } consentHistory { given } } }';
    const member = collect(t.ws(TOKENS.expert), SUB, { id: created.id }, 1);
    const admin = collect(t.ws(TOKENS.admin), SUB, { id: created.id }, 1);
    await Promise.all([member.ready, admin.ready]);
    const update = await t.gql('mutation($id: ID!) { updateOrganization(id: $id, input: { employees: 2 }) { id } }', { id: created.id }, TOKENS.admin);
    expect(update.errors).toBeUndefined();
    const [[toMember], [toAdmin]] = await Promise.all([member.results, admin.results]);
    expect(toMember!.errors).toBeUndefined();
    expect(toMember!.data.organizationChanged).toEqual({ id: created.id, consentToShare: false, contacts: [], consentHistory: [] });
    expect(toAdmin!.data.organizationChanged.contacts).toHaveLength(CONTACTS.length);
  });
});

describe('who changes consent', () => {
  it('refuses consentToShare through updateOrganization, and shows nothing more', async () => {
    const created = await register('Café associatif de la Liane', TOKENS.expert);
    const before = await databaseDigest(t);
    for (const token of [TOKENS.expert, TOKENS.funder, TOKENS.admin]) {
      const res = await t.gql(
        'mutation($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { consentToShare contacts { firstName } } }',
        { id: created.id, input: { consentToShare: true } },
        token,
      );
      expect(res.data?.updateOrganization ?? null).toBeNull();
      expect(res.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(res.errors[0].message).toContain('consentToShare');
    }
    expect(await databaseDigest(t)).toBe(before);
    expect((await t.gql(NODE, { id: created.id }, TOKENS.expert)).data.node.contacts).toEqual([]);
  });

  it('lets managers and administrators record the holder’s decision, with who, when and how, in a history', async () => {
    const created = await register('Ferme pédagogique du Denacre', TOKENS.expert);
    const input = { given: true, method: 'WRITTEN_FORM', obtainedOn: '2026-11-20', note: '  Formulaire signé, classé au dossier.  ' };

    const before = await databaseDigest(t);
    const byMember = await t.gql(RECORD, { id: created.id, input }, TOKENS.expert);
    expect(byMember.errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await t.gql(RECORD, { id: created.id, input }, loner)).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await t.gql(RECORD, { id: created.id, input })).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    // Consent given must leave a written trace, on a day that has come.
    const oral = await t.gql(RECORD, { id: created.id, input: { ...input, method: 'ORAL' } }, TOKENS.funder);
    expect(oral.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.method' });
    const future = await t.gql(RECORD, { id: created.id, input: { ...input, obtainedOn: '2999-01-01' } }, TOKENS.funder);
    expect(future.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.obtainedOn' });
    const notMine = await t.gql(RECORD, { id: created.id, input: { ...input, partnerId: (await funderAndExpertPartners()).expert } }, TOKENS.funder);
    expect(notMine.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.partnerId' });
    expect(await databaseDigest(t)).toBe(before);

    const given = await t.gql(RECORD, { id: created.id, input }, TOKENS.funder);
    expect(given.errors).toBeUndefined();
    expect(given.data.recordOrganizationConsent).toMatchObject({
      given: true,
      method: 'WRITTEN_FORM',
      obtainedOn: '2026-11-20',
      note: 'Formulaire signé, classé au dossier.',
      recordedBy: { name: 'Marc Financeur (Conseil Régional)' },
      recordedByPartner: { name: expect.stringMatching(/^Conseil r/i) },
      organization: { consentToShare: true },
    });
    expect(given.data.recordOrganizationConsent.organization.contacts).toHaveLength(CONTACTS.length);
    const seen = await t.gql(NODE, { id: created.id }, TOKENS.expert);
    expect(seen.data.node.contacts).toHaveLength(CONTACTS.length);
    expect(seen.data.node.consentHistory).toHaveLength(1);
    const record = given.data.recordOrganizationConsent.id;
    expect((await t.gql('query($id: ID!) { node(id: $id) { id } }', { id: record }, TOKENS.expert)).data.node).toEqual({ id: record });

    // The holder withdraws (a withdrawal may be oral): contacts and history close again, the record stays.
    const withdrawn = await t.gql(RECORD, { id: created.id, input: { given: false, method: 'ORAL', obtainedOn: '2026-11-25' } }, TOKENS.admin);
    expect(withdrawn.errors).toBeUndefined();
    expect(withdrawn.data.recordOrganizationConsent).toMatchObject({ given: false, recordedBy: { name: expect.stringContaining('Claire') }, organization: { consentToShare: false } });
    expect((await t.gql(NODE, { id: created.id }, TOKENS.expert)).data.node).toEqual({ consentToShare: false, contacts: [], consentHistory: [] });
    expect((await t.gql('query($id: ID!) { node(id: $id) { id } }', { id: record }, TOKENS.expert)).data.node).toBeNull();
    const history = (await t.gql(NODE, { id: created.id }, TOKENS.admin)).data.node.consentHistory;
    expect(history.map((h: any) => [h.given, h.method])).toEqual([
      [false, 'ORAL'],
      [true, 'WRITTEN_FORM'],
    ]);
  });

  it('records consent at registration only with the same right and the same who, when and how', async () => {
    const consent = { given: true, method: 'WRITTEN_FORM', obtainedOn: '2026-11-01' };
    const before = await databaseDigest(t);
    const byMember = await t.gql(
      CREATE,
      { input: { name: 'Garage solidaire du Portel', legalForm: 'ASSOCIATION', sector: 'recyclage-reemploi', communeId: commune, stage: 'CREATION', contacts: CONTACTS, consent } },
      TOKENS.expert,
    );
    expect(byMember.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.consent' });
    const noHow = await t.gql(
      CREATE,
      { input: { name: 'Garage solidaire du Portel', legalForm: 'ASSOCIATION', sector: 'recyclage-reemploi', communeId: commune, stage: 'CREATION', consent: { given: true } } },
      TOKENS.funder,
    );
    expect(noHow.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(await databaseDigest(t)).toBe(before);
    const created = await register('Garage solidaire du Portel', TOKENS.funder, { consent });
    expect(created.contacts).toHaveLength(CONTACTS.length);
    const res = await t.gql(`query($id: ID!) { node(id: $id) { ... on Organization { consentHistory { given method obtainedOn recordedBy { name } } } } }`, { id: created.id }, TOKENS.expert);
    expect(res.errors).toBeUndefined();
    const history = res.data.node.consentHistory;
    expect(history).toEqual([{ given: true, method: 'WRITTEN_FORM', obtainedOn: '2026-11-01', recordedBy: { name: 'Marc Financeur (Conseil Régional)' } }]);
  });
});

describe('who edits contacts', () => {
  const ADD = 'mutation($id: ID!) { addOrganizationContact(organizationId: $id, input: { firstName: "Zoé", lastName: "Ajout" }) { id firstName } }';
  const REMOVE = 'mutation($id: ID!) { removeOrganizationContact(id: $id) }';

  it('refuses to add or remove contacts of an organization whose contacts the caller cannot see, and changes nothing', async () => {
    const created = await register('Boutique solidaire de Capécure', TOKENS.expert);
    const [contact] = await contactIds(created.id);
    const before = await databaseDigest(t);
    for (const token of [TOKENS.expert, TOKENS.funder]) {
      expect((await t.gql(ADD, { id: created.id }, token)).errors[0].extensions.code).toBe('FORBIDDEN');
      // A contact the caller may not see is not found, as for node(id): nothing tells it exists.
      expect((await t.gql(REMOVE, { id: contact }, token)).errors[0].extensions.code).toBe('NOT_FOUND');
    }
    expect(await databaseDigest(t)).toBe(before);
    const added = await t.gql(ADD, { id: created.id }, TOKENS.admin);
    expect(added.errors).toBeUndefined();
    expect((await t.gql(REMOVE, { id: added.data.addOrganizationContact.id }, TOKENS.admin)).errors).toBeUndefined();
  });

  it('lets partners’ people edit the contacts of a consenting organization', async () => {
    const created = await register('Repair café de Wimille', TOKENS.funder, { consent: { given: true, method: 'ONLINE_FORM', obtainedOn: '2026-11-10' } });
    const added = await t.gql(ADD, { id: created.id }, TOKENS.expert);
    expect(added.errors).toBeUndefined();
    expect(added.data.addOrganizationContact.firstName).toBe('Zoé');
    expect((await t.gql(REMOVE, { id: added.data.addOrganizationContact.id }, TOKENS.expert)).errors).toBeUndefined();
    expect(await contactIds(created.id)).toHaveLength(CONTACTS.length);
  });
});

async function funderAndExpertPartners(): Promise<{ funder: string; expert: string }> {
  const of = async (token: string) => (await t.gql('{ viewer { person { memberships { partner { id } } } } }', {}, token)).data.viewer.person.memberships[0].partner.id as string;
  return { funder: await of(TOKENS.funder), expert: await of(TOKENS.expert) };
}
