import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TOKENS, type TestApp } from '../../test/harness.js';
import { DEFAULT_LIMITS } from '../../server/config.js';

/*
 * Matching a support request against the demo partners' criteria and schemes, with the reasons written
 * out by hand; and the statement count of a page of requests with their matches.
 */

let t: TestApp;
let communes: Map<string, string>;
beforeAll(async () => {
  t = await startTestApp({ modules: ['support'], demoScale: { organizations: 60 }, config: { limits: { ...DEFAULT_LIMITS, maxCost: 10_000_000 } } });
  const res = await t.gql('{ communes(first: 100) { edges { node { id name } } } }');
  communes = new Map(res.data.communes.edges.map((e: any) => [e.node.name, e.node.id]));
}, 60_000);
afterAll(async () => t?.close());

const RECEIVE = 'mutation($input: ReceiveSupportRequestInput!) { receiveSupportRequest(input: $input) { id } }';
const MATCHES = `query($id: ID!, $all: Boolean) { supportRequest(id: $id) { matches(includeIneligible: $all, first: 40) {
  partner { slug } eligible
  criteria { criteria { label } eligible checks { axis passed reason } }
  schemes { scheme { name } eligible checks { axis passed reason } } } } }`;

async function request(overrides: Record<string, unknown>): Promise<string> {
  const res = await t.gql(
    RECEIVE,
    {
      input: {
        title: 'Ressourcerie de Samer',
        holderName: 'Julien Porteur',
        intakeChannel: 'WEB_FORM',
        stage: 'CREATION',
        targetLegalForm: 'ASSOCIATION',
        technicalNeed: true,
        financialNeed: true,
        amountSought: 250_000,
        needTypes: ['INVESTMENT'],
        sector: 'recyclage-reemploi',
        communeId: communes.get('Samer'),
        consentToShare: true,
        ...overrides,
      },
    },
    TOKENS.funder,
  );
  expect(res.errors).toBeUndefined();
  return res.data.receiveSupportRequest.id;
}

async function matches(id: string, all = true): Promise<any[]> {
  const res = await t.gql(MATCHES, { id, all }, TOKENS.expert);
  expect(res.errors).toBeUndefined();
  return res.data.supportRequest.matches;
}

const failing = (checks: any[]) => checks.filter((c) => !c.passed).map((c) => c.reason);

describe('SupportRequest.matches', () => {
  it('says, criterion by criterion, why a 250 000 € project in Samer is outside some partners’ criteria', async () => {
    const all = await matches(await request({}));
    const bySlug = new Map(all.map((m) => [m.partner.slug, m]));
    // La Caisse Solidaire lends from 5 000 € to 150 000 €.
    const caisse = bySlug.get('caisse-solidaire');
    expect(caisse.eligible).toBe(false);
    expect(failing(caisse.criteria[0].checks)).toEqual(['250 000 € : La Caisse Solidaire intervient de 5 000 € à 150 000 €.']);
    // The CAB acts in its own communes only; Samer is in Desvres-Samer.
    const cab = bySlug.get('cab');
    expect(cab.eligible).toBe(false);
    expect(failing(cab.criteria[0].checks)).toEqual(['Samer : hors du territoire de CAB (CAB).']);
    expect(bySlug.get('ccds').eligible).toBe(true);
    // The proposed ones only, when not asked for the others: every one eligible, with what fits.
    const proposed = await matches(await request({}), false);
    expect(proposed.map((m) => m.partner.slug)).toContain('ccds');
    expect(proposed.map((m) => m.partner.slug)).not.toContain('caisse-solidaire');
    expect(proposed.every((m) => m.eligible && m.schemes.every((s: any) => s.eligible))).toBe(true);
  });

  it('brings the same project at 40 000 € in Boulogne to La Caisse Solidaire and the CAB', async () => {
    const all = await matches(await request({ amountSought: 40_000, communeId: communes.get('Boulogne-sur-Mer') }));
    const bySlug = new Map(all.map((m) => [m.partner.slug, m]));
    expect(bySlug.get('caisse-solidaire').criteria[0]).toMatchObject({ eligible: true });
    expect(failing(bySlug.get('caisse-solidaire').criteria[0].checks)).toEqual([]);
    expect(bySlug.get('cab').criteria[0].eligible).toBe(true);
  });

  it('checks the legal form the project leads to: a takeover as a SCOP reaches URSCOP', async () => {
    const asScop = await matches(await request({ targetLegalForm: 'SCOP', amountSought: 80_000 }));
    expect(asScop.find((m) => m.partner.slug === 'urscop').eligible).toBe(true);
    const asAssociation = await matches(await request({ targetLegalForm: 'ASSOCIATION', amountSought: 80_000 }));
    const urscop = asAssociation.find((m) => m.partner.slug === 'urscop');
    expect(urscop.eligible).toBe(false);
    expect(failing(urscop.criteria[0].checks)).toEqual(["Forme visée association : URSCOP s'adresse aux formes SCOP, SCIC."]);
  });

  it('reads a page of requests with their matches in as many statements for 50 as for 5', async () => {
    const q = `query($first: Int) { supportRequests(first: $first) { edges { node { title organization { name }
      matches(first: 40) { partner { name } eligible schemes { scheme { name } checks { reason } } } } } } }`;
    // The latest received come first: some of an organization of the directory, some of a project holder.
    const organizations = (await t.gql('{ organizations(first: 3, orderBy: NAME) { edges { node { id } } } }')).data.organizations.edges.map((e: any) => e.node.id);
    for (const organizationId of organizations) await request({ organizationId, holderName: null, amountSought: 20_000 });
    await request({ amountSought: 10_000 });
    await t.gql(q, { first: 1 }, TOKENS.admin);
    const counts: number[] = [];
    for (const first of [5, 50]) {
      t.resetSql();
      const res = await t.gql(q, { first }, TOKENS.admin);
      expect(res.errors).toBeUndefined();
      expect(res.data.supportRequests.edges.length).toBeGreaterThan(first === 5 ? 4 : 10);
      counts.push(t.sql.length);
    }
    expect(counts[1]).toBe(counts[0]);
  });
});
