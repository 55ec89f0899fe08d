import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TOKENS, type TestApp } from '../../test/harness.js';

/* Governance bodies end to end (PGlite in memory; PostgreSQL with TEST_DATABASE_URL). */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ modules: ['governance', 'accounts'] });
});
afterAll(async () => t?.close());

const BODIES = `{ governanceBodies { id kind name quorum decisionMode majority rhythm meetingMode
  members { role votes partner { id slug kind } person { name } } } }`;
const SET = 'mutation($input: BodyMemberInput!) { setBodyMember(input: $input) { members { role votes partner { slug } } } }';

describe('governance bodies', () => {
  it('seeds the technical committee and the steering board with their members, chair and secretary first', async () => {
    const res = await t.gql(BODIES, {}, TOKENS.expert);
    expect(res.errors).toBeUndefined();
    const [committee, board] = [...res.data.governanceBodies].sort((a: any, b: any) => (a.kind < b.kind ? 1 : -1));
    expect(committee).toMatchObject({ kind: 'TECHNICAL_COMMITTEE', name: 'Comité technique', decisionMode: 'CONSENSUS', rhythm: 'mensuel', meetingMode: 'IN_PERSON' });
    expect(board).toMatchObject({ kind: 'STEERING_BOARD', name: 'Instance de pilotage', decisionMode: 'VOTE', majority: 'TWO_THIRDS' });
    expect(committee.members[0]).toMatchObject({ role: 'CHAIR', partner: { slug: 'conseil-regional' }, person: { name: 'Marc Financeur (Conseil Régional)' } });
    expect(committee.members[1]).toMatchObject({ role: 'SECRETARY', partner: { slug: 'mef-boulonnais' } });
    expect(committee.members.map((m: any) => m.partner.slug)).toContain('apes');
    expect(committee.members.every((m: any) => ['FUNDER', 'EXPERT', 'TECHNICAL_PARTNER', 'HOST'].includes(m.partner.kind))).toBe(true);
    expect(committee.members.find((m: any) => m.role === 'OBSERVER')).toMatchObject({ votes: false, partner: { slug: 'direccte' } });
    const kinds = new Set(board.members.map((m: any) => m.partner.kind));
    expect(kinds.has('SSE_REPRESENTATIVE') && kinds.has('FUNDER')).toBe(true);
    expect(board.members.map((m: any) => m.partner.slug)).toEqual(expect.arrayContaining(['boulogne-developpement', 'banque-cooperative-littoral', 'fondation-solidarite-cote-opale']));
    const voting = committee.members.filter((m: any) => m.votes).length;
    expect(committee.quorum).toBe(Math.floor(voting / 2) + 1);
  });

  it('seeds the committee’s next session with requests its chair may see: none under the neutral title for the demo funder', async () => {
    const res = await t.gql('{ committeeSessions(first: 5) { edges { node { state agenda { kind title } } } } }', {}, TOKENS.funder);
    expect(res.errors).toBeUndefined();
    const scheduled = res.data.committeeSessions.edges.map((e: any) => e.node).find((s: any) => s.state === 'SCHEDULED');
    const requests = scheduled.agenda.filter((i: any) => i.kind === 'SUPPORT_REQUEST');
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.map((i: any) => i.title)).not.toContain('Demande d’accompagnement non partagée avec votre structure');
  });

  it('shows bodies only to partners’ people', async () => {
    expect((await t.gql(BODIES)).data.governanceBodies).toEqual([]);
  });

  it('lets the chair change its body and seat partners, refuses others with their reason', async () => {
    const { data } = await t.gql(BODIES, {}, TOKENS.expert);
    const committee = data.governanceBodies.find((b: any) => b.kind === 'TECHNICAL_COMMITTEE');
    const board = data.governanceBodies.find((b: any) => b.kind === 'STEERING_BOARD');
    const UPDATE = 'mutation($id: ID!, $input: UpdateGovernanceBodyInput!) { updateGovernanceBody(id: $id, input: $input) { quorum rhythm } }';
    const changed = await t.gql(UPDATE, { id: committee.id, input: { rhythm: '  bimensuel ', quorum: 4 } }, TOKENS.funder);
    expect(changed.errors).toBeUndefined();
    expect(changed.data.updateGovernanceBody).toEqual({ quorum: 4, rhythm: 'bimensuel' });
    const refused = await t.gql(UPDATE, { id: board.id, input: { rhythm: 'annuel' } }, TOKENS.funder);
    expect(refused.errors[0].extensions.code).toBe('FORBIDDEN');
    const member = await t.gql(UPDATE, { id: committee.id, input: { rhythm: 'annuel' } }, TOKENS.expert);
    expect(member.errors[0].extensions.code).toBe('FORBIDDEN');
    const cleared = await t.gql(UPDATE, { id: committee.id, input: { rhythm: null } }, TOKENS.admin);
    expect(cleared.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.rhythm' });

    const apes = committee.members.find((m: any) => m.partner.slug === 'apes').partner.id;
    const observer = await t.gql(SET, { input: { bodyId: committee.id, partnerId: apes, role: 'OBSERVER' } }, TOKENS.funder);
    expect(observer.errors).toBeUndefined();
    expect(observer.data.setBodyMember.members.find((m: any) => m.partner.slug === 'apes')).toEqual({ role: 'OBSERVER', votes: false, partner: { slug: 'apes' } });
    const voting = await t.gql(SET, { input: { bodyId: committee.id, partnerId: apes, role: 'OBSERVER', votes: true } }, TOKENS.funder);
    expect(voting.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.votes' });
    await t.gql(SET, { input: { bodyId: committee.id, partnerId: apes, role: 'MEMBER' } }, TOKENS.funder);
    const REMOVE = 'mutation($b: ID!, $p: ID!) { removeBodyMember(bodyId: $b, partnerId: $p) { members { partner { slug } } } }';
    const removed = await t.gql(REMOVE, { b: board.id, p: board.members[2].partner.id }, TOKENS.admin);
    expect(removed.data.removeBodyMember.members).toHaveLength(board.members.length - 1);
    const byExpert = await t.gql(REMOVE, { b: committee.id, p: apes }, TOKENS.expert);
    expect(byExpert.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('creates a body for administrators only', async () => {
    const CREATE = 'mutation($input: CreateGovernanceBodyInput!) { createGovernanceBody(input: $input) { name members { role } } }';
    const input = { kind: 'STEERING_BOARD', name: 'Groupe de travail', quorum: 2, decisionMode: 'VOTE', majority: 'SIMPLE', rhythm: 'trimestriel', meetingMode: 'REMOTE' };
    expect((await t.gql(CREATE, { input }, TOKENS.funder)).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await t.gql(CREATE, { input }, TOKENS.admin)).data.createGovernanceBody).toEqual({ name: 'Groupe de travail', members: [] });
    expect((await t.gql(CREATE, { input: { ...input, quorum: 0 } }, TOKENS.admin)).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.quorum' });
  });

  it('says which body adopts the charter: by kind unless an administrator says otherwise', async () => {
    const { data } = await t.gql('{ governanceBodies { kind adoptsCharter } }', {}, TOKENS.expert);
    expect(data.governanceBodies.find((b: any) => b.kind === 'TECHNICAL_COMMITTEE').adoptsCharter).toBe(false);
    expect(data.governanceBodies.find((b: any) => b.kind === 'STEERING_BOARD' && b.adoptsCharter)).toBeDefined();
    const CREATE = 'mutation($input: CreateGovernanceBodyInput!) { createGovernanceBody(input: $input) { kind adoptsCharter } }';
    const rules = { quorum: 2, decisionMode: 'VOTE', majority: 'SIMPLE', rhythm: 'annuel', meetingMode: 'REMOTE' };
    const create = async (input: Record<string, unknown>) => (await t.gql(CREATE, { input: { ...rules, ...input } }, TOKENS.admin)).data.createGovernanceBody;
    expect(await create({ kind: 'STEERING_BOARD', name: 'Conseil d’orientation' })).toEqual({ kind: 'STEERING_BOARD', adoptsCharter: true });
    expect(await create({ kind: 'TECHNICAL_COMMITTEE', name: 'Comité technique Desvres-Samer' })).toEqual({ kind: 'TECHNICAL_COMMITTEE', adoptsCharter: false });
    expect(await create({ kind: 'TECHNICAL_COMMITTEE', name: 'Comité de la charte', adoptsCharter: true })).toEqual({ kind: 'TECHNICAL_COMMITTEE', adoptsCharter: true });
  });
});
