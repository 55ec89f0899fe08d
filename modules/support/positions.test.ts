import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TOKENS, type TestApp } from '../../test/harness.js';
import { databaseDigest, personWithToken, qualifiedSupportRequest } from '../../test/people.js';

/*
 * Partners' positions: each partner records and changes only its own, every version is kept, they are
 * seen by the partners' people who see the request only, and the missing ones are listed. Partners are
 * asked (invitations) at the qualification, and by the committee afterwards.
 */

let t: TestApp;
let communeId: string;
let partners: Map<string, { id: string; schemes: { id: string; name: string }[] }>;
let loner: string;
let apesManager: string;
beforeAll(async () => {
  t = await startTestApp({ modules: ['support'], demoScale: { organizations: 40 } });
  communeId = (await t.gql('{ communes(first: 5, filter: { search: "Boulogne" }) { edges { node { id name } } } }')).data.communes.edges.find((e: any) => e.node.name === 'Boulogne-sur-Mer').node.id;
  const res = await t.gql('{ partners(first: 100) { edges { node { id slug fundingSchemes { id name } } } } }');
  partners = new Map(res.data.partners.edges.map((e: any) => [e.node.slug, { id: e.node.id, schemes: e.node.fundingSchemes }]));
  loner = (await personWithToken(t, { name: 'Lou Seul' })).token;
  apesManager = (await personWithToken(t, { name: 'Anne Gestionnaire', membership: { partnerSlug: 'apes', role: 'MANAGER' } })).token;
}, 60_000);
afterAll(async () => t?.close());

const RECORD = `mutation($id: ID!, $input: PositionInput!) { recordPosition(requestId: $id, input: $input) {
  id kind amount conditions revision partner { slug } scheme { name } versions { revision kind amount recordedBy { name } } } }`;
const POSITIONS = `query($id: ID!) { supportRequest(id: $id) { positions { partner { slug } kind revision versions { revision kind } }
  missingPositions { partner { slug } since days } } }`;

function qualifiedRequest(consent = true): Promise<string> {
  return qualifiedSupportRequest(t, communeId, { consent });
}

describe('positions', () => {
  it('records a partner’s position, then a new version, keeping every one', async () => {
    const id = await qualifiedRequest();
    const scheme = partners.get('conseil-regional')!.schemes[0]!;
    const first = await t.gql(RECORD, { id, input: { kind: 'NEEDS_INFORMATION', comment: 'Il manque le plan de trésorerie à 12 mois.' } }, TOKENS.funder);
    expect(first.errors).toBeUndefined();
    expect(first.data.recordPosition).toMatchObject({ kind: 'NEEDS_INFORMATION', revision: 1, partner: { slug: 'conseil-regional' } });
    const second = await t.gql(
      RECORD,
      { id, input: { kind: 'CONDITIONAL', schemeId: scheme.id, amount: 15_000, conditions: 'Si la banque accorde le prêt ; sous réserve de la commission permanente.' } },
      TOKENS.funder,
    );
    expect(second.errors).toBeUndefined();
    expect(second.data.recordPosition).toMatchObject({ id: first.data.recordPosition.id, kind: 'CONDITIONAL', amount: 15_000, revision: 2, scheme: { name: scheme.name } });
    expect(second.data.recordPosition.versions.map((v: any) => [v.revision, v.kind, v.amount])).toEqual([
      [1, 'NEEDS_INFORMATION', null],
      [2, 'CONDITIONAL', 15_000],
    ]);
    expect(second.data.recordPosition.versions[0].recordedBy.name).toEqual(expect.any(String));
  });

  it('lets a partner change only its own position', async () => {
    const id = await qualifiedRequest();
    const before = await databaseDigest(t);
    const other = await t.gql(RECORD, { id, input: { partnerId: partners.get('conseil-regional')!.id, kind: 'ABSTAINS' } }, TOKENS.expert);
    expect(other.errors[0].extensions.code).toBe('FORBIDDEN');
    const otherManager = await t.gql(RECORD, { id, input: { partnerId: partners.get('conseil-regional')!.id, kind: 'ABSTAINS' } }, apesManager);
    expect(otherManager.errors[0].extensions.code).toBe('FORBIDDEN');
    // Nor a scheme of another partner as its own.
    const foreignScheme = await t.gql(RECORD, { id, input: { kind: 'WILL_SUPPORT', schemeId: partners.get('conseil-regional')!.schemes[0]!.id } }, TOKENS.expert);
    expect(foreignScheme.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.schemeId' });
    expect((await t.gql(RECORD, { id, input: { kind: 'ABSTAINS' } }, loner)).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await t.gql(RECORD, { id, input: { kind: 'CONDITIONAL' } }, TOKENS.expert)).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.conditions' });
    expect(await databaseDigest(t)).toBe(before);
    const own = await t.gql(RECORD, { id, input: { kind: 'WILL_SUPPORT', comment: 'Diagnostic DLA proposé.' } }, TOKENS.expert);
    expect(own.data.recordPosition.partner.slug).toBe('apes');
  });

  it('takes positions only between the qualification and the strategy', async () => {
    const res = await t.gql(
      'mutation($input: ReceiveSupportRequestInput!) { receiveSupportRequest(input: $input) { id } }',
      { input: { title: 'Pas encore qualifiée', holderName: 'X Y', intakeChannel: 'EVENT', stage: 'CREATION', technicalNeed: true, sector: 'culture', communeId, consentToShare: true } },
      TOKENS.funder,
    );
    const refused = await t.gql(RECORD, { id: res.data.receiveSupportRequest.id, input: { kind: 'WILL_SUPPORT' } }, TOKENS.funder);
    expect(refused.errors[0].extensions.code).toBe('CONFLICT');
  });

  it('shows positions to the partners’ people who see the request, never to others', async () => {
    const shared = await qualifiedRequest(true);
    await t.gql(RECORD, { id: shared, input: { kind: 'WILL_SUPPORT' } }, TOKENS.funder);
    expect((await t.gql(POSITIONS, { id: shared }, TOKENS.expert)).data.supportRequest.positions).toHaveLength(1);
    const kept = await qualifiedRequest(false);
    const position = await t.gql(RECORD, { id: kept, input: { kind: 'WILL_SUPPORT' } }, TOKENS.funder);
    const node = 'query($id: ID!) { node(id: $id) { id } }';
    expect((await t.gql(node, { id: position.data.recordPosition.id }, TOKENS.funder)).data.node).not.toBeNull();
    expect((await t.gql(node, { id: position.data.recordPosition.id }, TOKENS.expert)).data.node).toBeNull();
    expect((await t.gql(node, { id: position.data.recordPosition.id }, loner)).data.node).toBeNull();
    expect((await t.gql(node, { id: position.data.recordPosition.id })).data.node).toBeNull();
  });

  it('lists the partners whose position is awaited, and since when', async () => {
    const id = await qualifiedRequest();
    const before = (await t.gql(POSITIONS, { id }, TOKENS.funder)).data.supportRequest.missingPositions;
    const slugs = before.map((m: any) => m.partner.slug);
    expect(slugs).toContain('conseil-regional'); // the receiving partner
    expect(slugs).toContain('caisse-solidaire'); // proposed by the matching (40 000 €, Boulogne)
    expect(slugs).not.toContain('urscop'); // an association: outside its criteria
    expect(before[0]).toMatchObject({ since: expect.any(String), days: 0 });
    await t.gql(RECORD, { id, input: { kind: 'WILL_SUPPORT' } }, TOKENS.funder);
    const after = (await t.gql(POSITIONS, { id }, TOKENS.funder)).data.supportRequest.missingPositions.map((m: any) => m.partner.slug);
    expect(after).not.toContain('conseil-regional');
    expect(after.length).toBe(slugs.length - 1);
  });
});

describe('invitations', () => {
  const INVITATIONS = `query($id: ID!) { supportRequest(id: $id) { invitations { id reason invitedAt invitedBy { name } partner { slug } }
    matches { partner { slug } } missingPositions { partner { slug } since } } }`;
  const INVITE = 'mutation($id: ID!, $p: ID!) { inviteToPosition(requestId: $id, partnerId: $p) { id reason invitedBy { name } partner { slug } request { id } } }';

  it('asks the receiving partner and every partner the matching proposes, at the qualification', async () => {
    const id = await qualifiedRequest();
    const { invitations, matches, missingPositions } = (await t.gql(INVITATIONS, { id }, TOKENS.funder)).data.supportRequest;
    const reasons = Object.fromEntries(invitations.map((i: any) => [i.partner.slug, i.reason]));
    expect(reasons['conseil-regional']).toBe('RECEIVING');
    expect(reasons['caisse-solidaire']).toBe('MATCHED');
    expect(reasons.urscop).toBeUndefined(); // an association: outside its criteria, not asked
    expect(Object.keys(reasons).sort()).toEqual([...new Set(['conseil-regional', ...matches.map((m: any) => m.partner.slug)])].sort());
    expect(invitations.every((i: any) => i.invitedBy?.name)).toBe(true);
    // Awaited: every partner asked, since it was asked.
    expect(missingPositions.map((m: any) => m.partner.slug).sort()).toEqual(Object.keys(reasons).sort());
    expect(missingPositions[0].since).toBe(invitations.find((i: any) => i.partner.slug === missingPositions[0].partner.slug).invitedAt);
    // Not before the qualification.
    const received = await t.gql(
      'mutation($input: ReceiveSupportRequestInput!) { receiveSupportRequest(input: $input) { id } }',
      { input: { title: 'Reçue', holderName: 'X Y', intakeChannel: 'EVENT', stage: 'CREATION', technicalNeed: true, sector: 'culture', communeId, consentToShare: true } },
      TOKENS.funder,
    );
    expect((await t.gql(INVITATIONS, { id: received.data.receiveSupportRequest.id }, TOKENS.funder)).data.supportRequest.invitations).toEqual([]);
  });

  it('lets the committee ask another partner, once', async () => {
    const id = await qualifiedRequest();
    const added = await t.gql(INVITE, { id, p: partners.get('urscop')!.id }, TOKENS.expert);
    expect(added.errors).toBeUndefined();
    expect(added.data.inviteToPosition).toMatchObject({ reason: 'ADDED', partner: { slug: 'urscop' }, request: { id }, invitedBy: { name: expect.any(String) } });
    const { invitations, missingPositions } = (await t.gql(INVITATIONS, { id }, TOKENS.funder)).data.supportRequest;
    expect(invitations.map((i: any) => i.partner.slug)).toContain('urscop');
    expect(missingPositions.map((m: any) => m.partner.slug)).toContain('urscop');
    // Again, or for a partner already asked: the same invitation, nothing written.
    const before = await databaseDigest(t);
    const again = await t.gql(INVITE, { id, p: partners.get('urscop')!.id }, TOKENS.funder);
    expect(again.data.inviteToPosition.id).toBe(added.data.inviteToPosition.id);
    const receiving = await t.gql(INVITE, { id, p: partners.get('conseil-regional')!.id }, TOKENS.funder);
    expect(receiving.data.inviteToPosition.reason).toBe('RECEIVING');
    expect(await databaseDigest(t)).toBe(before);
    // Its answer ends the wait.
    const urscop = (await personWithToken(t, { name: 'Ulysse Scop', membership: { partnerSlug: 'urscop', role: 'MEMBER' } })).token;
    expect((await t.gql(RECORD, { id, input: { kind: 'ABSTAINS' } }, urscop)).errors).toBeUndefined();
    expect((await t.gql(INVITATIONS, { id }, TOKENS.funder)).data.supportRequest.missingPositions.map((m: any) => m.partner.slug)).not.toContain('urscop');
  });

  it('refuses to ask outside the positioning statuses, for an unknown partner or a hidden request', async () => {
    const before = await databaseDigest(t);
    const received = await t.gql(
      'mutation($input: ReceiveSupportRequestInput!) { receiveSupportRequest(input: $input) { id } }',
      { input: { title: 'Pas encore qualifiée', holderName: 'X Y', intakeChannel: 'EVENT', stage: 'CREATION', technicalNeed: true, sector: 'culture', communeId, consentToShare: true } },
      TOKENS.funder,
    );
    const id = received.data.receiveSupportRequest.id;
    const p = partners.get('urscop')!.id;
    const afterReceive = await databaseDigest(t);
    expect(afterReceive).not.toBe(before);
    expect((await t.gql(INVITE, { id, p }, TOKENS.funder)).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'requestId' });
    await t.gql('mutation($id: ID!) { changeSupportRequestStatus(id: $id, status: WITHDRAWN) { id } }', { id }, TOKENS.funder);
    const withdrawn = await databaseDigest(t);
    expect((await t.gql(INVITE, { id, p }, TOKENS.funder)).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'requestId' });
    const qualified = await qualifiedRequest();
    const kept = await qualifiedRequest(false);
    const ready = await databaseDigest(t);
    expect(ready).not.toBe(withdrawn);
    expect((await t.gql(INVITE, { id: qualified, p: 'bm90LWEtcGFydG5lcg' }, TOKENS.funder)).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'partnerId' });
    expect((await t.gql(INVITE, { id: qualified, p: Buffer.from('Partner:00000000-0000-4000-8000-000000000000').toString('base64url') }, TOKENS.funder)).errors[0].extensions.code).toBe('NOT_FOUND');
    expect((await t.gql(INVITE, { id: kept, p }, TOKENS.expert)).errors[0].extensions.code).toBe('NOT_FOUND'); // the request is kept by its receiver
    expect((await t.gql(INVITE, { id: qualified, p }, loner)).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await t.gql(INVITE, { id: qualified, p })).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await databaseDigest(t)).toBe(ready);
    // A partner no longer active is not asked.
    const sql = t.app.gateway.orm.em.fork().getConnection();
    const uuid = Buffer.from(p, 'base64url').toString().split(':')[1]!;
    await sql.execute('update partner set active = false where id = ?', [uuid]);
    try {
      expect((await t.gql(INVITE, { id: qualified, p }, TOKENS.funder)).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'partnerId' });
    } finally {
      await sql.execute('update partner set active = true where id = ?', [uuid]);
    }
  });
});
