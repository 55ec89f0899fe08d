import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, startTestApp, TOKENS, type TestApp } from '../../test/harness.js';
import { keepTestOutput, pdfText } from '../../test/render.js';
import { HIDDEN_DECISION_TEXT } from './session.entity.js';

/*
 * Sessions of a body end to end: agenda, attendance, quorum, the live state machine, votes and
 * decisions, the session's stream (replayed with its sequences, positions hidden from who may not see
 * them), minutes; on PGlite and PostgreSQL (TEST_DATABASE_URL).
 */

let t: TestApp;
let committee: { id: string; quorum: number; members: { role: string; votes: boolean; partner: { id: string; slug: string } }[] };
let communeId: string;
beforeAll(async () => {
  t = await startTestApp({ modules: ['governance', 'accounts'], demoScale: { organizations: 40 } });
  communeId = (await t.gql('{ communes(first: 5, filter: { search: "Boulogne" }) { edges { node { id name } } } }')).data.communes.edges.find((e: any) => e.node.name === 'Boulogne-sur-Mer').node.id;
  const bodies = await t.gql('{ governanceBodies { id kind quorum members { role votes partner { id slug } } } }', {}, TOKENS.admin);
  committee = bodies.data.governanceBodies.find((b: any) => b.kind === 'TECHNICAL_COMMITTEE');
}, 120_000);
afterAll(async () => t?.close());

async function ok(query: string, variables: Record<string, unknown>, token: string): Promise<any> {
  const res = await t.gql(query, variables, token);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data;
}
const partner = (slug: string) => committee.members.find((m) => m.partner.slug === slug)!.partner.id;

/** A qualified request received by the Conseil Régional (hidden from APES's people without consent). */
async function qualifiedRequest(title: string, consent: boolean): Promise<string> {
  const input = { title, holderName: 'Karim Porteur', intakeChannel: 'PARTNER_OFFICE', stage: 'CREATION', targetLegalForm: 'ASSOCIATION', technicalNeed: true, financialNeed: true };
  const more = { amountSought: 40_000, needTypes: ['INVESTMENT'], sector: 'mobilite', communeId, consentToShare: consent };
  const { receiveSupportRequest } = await ok('mutation($input: ReceiveSupportRequestInput!) { receiveSupportRequest(input: $input) { id } }', { input: { ...input, ...more } }, TOKENS.funder);
  await ok('mutation($id: ID!) { qualifySupportRequest(id: $id) { status } }', { id: receiveSupportRequest.id }, TOKENS.funder);
  return receiveSupportRequest.id;
}

const SESSION = `query($id: ID!) { committeeSession(id: $id) { state lastSeq minutesHtmlPath minutesPdfPath quorum { required present reached }
  currentItem { rank } agenda { id rank title kind state supportRequest { id } decision { mode outcome text votesFor votesAgainst abstentions votes { partner { slug } choice } } }
  attendance { partner { slug } status } } }`;
const SCHEDULE = 'mutation($input: ScheduleSessionInput!) { scheduleSession(input: $input) { id state mode title } }';
const ADD = 'mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id rank title kind state } }';
const MOVE = (name: string) => `mutation($id: ID!, $key: String) { ${name}(id: $id, idempotencyKey: $key) { state } }`;
const START = 'mutation($id: ID!) { startAgendaItem(itemId: $id) { rank state } }';
const ATTEND = 'mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { quorum { required present reached } } }';
const VOTE = 'mutation($input: CastVoteInput!) { castVote(input: $input) { state } }';
const DECIDE = 'mutation($input: DecideAgendaItemInput!) { decideAgendaItem(input: $input) { state decision { mode outcome text votesFor votesAgainst abstentions } } }';
const RECORD = 'mutation($id: ID!, $input: PositionInput!) { recordPosition(requestId: $id, input: $input) { id } }';
const EVENTS = `subscription($id: ID!, $after: Int) { sessionEvents(sessionId: $id, after: $after) { seq kind at session { state } item { rank }
  position { kind partner { slug } } decision { outcome votesFor } attendance { status partner { slug } } } }`;

let sessionId: string;
let items: string[];
let hiddenRequest: string;
let openSessionId: string;

describe('committee sessions', () => {
  it('schedules a session and its agenda for the body’s chair only, requests as the viewer sees them', async () => {
    const input = { bodyId: committee.id, title: 'Comité technique de janvier', scheduledAt: '2027-01-14T09:30:00Z' };
    expect((await t.gql(SCHEDULE, { input }, TOKENS.expert)).errors[0].extensions.code).toBe('FORBIDDEN');
    const { scheduleSession } = await ok(SCHEDULE, { input }, TOKENS.funder);
    expect(scheduleSession).toMatchObject({ state: 'SCHEDULED', mode: 'IN_PERSON', title: input.title });
    sessionId = scheduleSession.id;
    hiddenRequest = await qualifiedRequest('Épicerie solidaire (confidentielle)', false);
    const shared = await qualifiedRequest('Garage solidaire', true);
    const a = await ok(ADD, { input: { sessionId, kind: 'SUPPORT_REQUEST', supportRequestId: hiddenRequest } }, TOKENS.funder);
    const b = await ok(ADD, { input: { sessionId, kind: 'SUPPORT_REQUEST', supportRequestId: shared } }, TOKENS.funder);
    const c = await ok(ADD, { input: { sessionId, kind: 'OTHER', title: 'Questions diverses' } }, TOKENS.funder);
    expect([a, b, c].map((x) => [x.addAgendaItem.rank, x.addAgendaItem.title, x.addAgendaItem.kind])).toEqual([
      [1, 'Épicerie solidaire (confidentielle)', 'SUPPORT_REQUEST'],
      [2, 'Garage solidaire', 'SUPPORT_REQUEST'],
      [3, 'Questions diverses', 'OTHER'],
    ]);
    items = [a, b, c].map((x) => x.addAgendaItem.id);
    const twice = await t.gql(ADD, { input: { sessionId, kind: 'SUPPORT_REQUEST', supportRequestId: shared } }, TOKENS.funder);
    expect(twice.errors[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.supportRequestId' });
    const untitled = await t.gql(ADD, { input: { sessionId, kind: 'OTHER' } }, TOKENS.funder);
    expect(untitled.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.title' });
    const expertView = (await ok(SESSION, { id: sessionId }, TOKENS.expert)).committeeSession;
    expect(expertView.agenda.map((i: any) => i.supportRequest?.id ?? null)).toEqual([null, shared, null]);
    // the hidden request's title (copied into its item) is not shown to whoever may not see the request
    expect(expertView.agenda.map((i: any) => i.title)).toEqual(['Demande d’accompagnement non partagée avec votre structure', 'Garage solidaire', 'Questions diverses']);
    expect(expertView).toMatchObject({ state: 'SCHEDULED', lastSeq: 0, minutesHtmlPath: null, quorum: { required: committee.quorum, present: 0, reached: false } });
  });

  it('runs the live state machine, refusing illegal moves with a French CONFLICT', async () => {
    const early = await t.gql(START, { id: items[0] }, TOKENS.funder);
    expect(early.errors[0].extensions.code).toBe('CONFLICT');
    expect(early.errors[0].message).toBe('La séance est programmée : un point se discute seulement quand elle est ouverte.');
    const closeEarly = await t.gql(MOVE('closeSession'), { id: sessionId }, TOKENS.funder);
    expect(closeEarly.errors[0]).toMatchObject({
      message: 'Une séance programmée ne peut pas être close (possible depuis l’état : ouverte ou suspendue).',
      extensions: { code: 'CONFLICT', field: 'id' },
    });
    expect((await t.gql(MOVE('openSession'), { id: sessionId }, TOKENS.expert)).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await ok(MOVE('openSession'), { id: sessionId }, TOKENS.funder)).openSession.state).toBe('OPEN');
    expect((await t.gql(MOVE('openSession'), { id: sessionId }, TOKENS.funder)).errors[0].extensions.code).toBe('CONFLICT');
    expect((await ok(START, { id: items[0] }, TOKENS.funder)).startAgendaItem).toEqual({ rank: 1, state: 'IN_DISCUSSION' });
    const second = await t.gql(START, { id: items[1] }, TOKENS.funder);
    expect(second.errors[0].message).toBe('Le point 1 est en discussion : décidez-le ou ajournez-le d’abord.');
  });

  it('refuses votes and decisions without quorum, then counts one vote per voting partner under the majority', async () => {
    const noQuorum = await t.gql(VOTE, { input: { itemId: items[0], partnerId: partner('apes'), choice: 'FOR' } }, TOKENS.expert);
    expect(noQuorum.errors[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.itemId' });
    expect(noQuorum.errors[0].message).toContain('Le quorum n’est pas atteint (0 membre votant présent sur');
    const noDecision = await t.gql(DECIDE, { input: { itemId: items[0], mode: 'CONSENSUS', outcome: 'APPROVED' } }, TOKENS.funder);
    expect(noDecision.errors[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.itemId' });

    const voting = committee.members.filter((m) => m.votes).map((m) => m.partner);
    const present = [voting.find((p) => p.slug === 'conseil-regional')!, voting.find((p) => p.slug === 'apes')!, ...voting.filter((p) => !['conseil-regional', 'apes'].includes(p.slug))].slice(
      0,
      committee.quorum,
    );
    let quorum: any;
    for (const [i, p] of present.entries()) {
      quorum = (await ok(ATTEND, { input: { sessionId, partnerId: p.id, status: i % 2 ? 'REMOTE' : 'PRESENT' } }, TOKENS.funder)).recordAttendance.quorum;
    }
    await ok(ATTEND, { input: { sessionId, partnerId: partner('direccte'), status: 'PRESENT' } }, TOKENS.admin); // an observer: not counted
    expect(quorum).toEqual({ required: committee.quorum, present: committee.quorum, reached: true });
    const stranger = await t.gql(
      ATTEND,
      {
        input: {
          sessionId,
          partnerId: (await t.gql('{ partners(first: 100) { edges { node { id slug } } } }')).data.partners.edges.find((e: any) => !committee.members.some((m) => m.partner.slug === e.node.slug)).node
            .id,
          status: 'PRESENT',
        },
      },
      TOKENS.funder,
    );
    expect(stranger.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.partnerId' });

    await ok(VOTE, { input: { itemId: items[0], partnerId: partner('apes'), choice: 'FOR' } }, TOKENS.expert);
    const forOther = await t.gql(VOTE, { input: { itemId: items[0], partnerId: partner('conseil-regional'), choice: 'FOR' } }, TOKENS.expert);
    expect(forOther.errors[0].extensions.code).toBe('FORBIDDEN');
    const observer = await t.gql(VOTE, { input: { itemId: items[0], partnerId: partner('direccte'), choice: 'FOR' } }, TOKENS.admin);
    expect(observer.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.partnerId' });
    // a voting member not recorded present (in the room or remote) does not vote
    const absent = voting.find((p) => !present.includes(p))!;
    const absentVote = await t.gql(VOTE, { input: { itemId: items[0], partnerId: absent.id, choice: 'AGAINST' } }, TOKENS.admin);
    expect(absentVote.errors[0]).toMatchObject({
      message: 'Ce partenaire n’est pas inscrit présent (en salle ou à distance) sur la feuille de présence : il ne vote pas.',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.partnerId' },
    });
    await ok(VOTE, { input: { itemId: items[0], partnerId: partner('conseil-regional'), choice: 'AGAINST' } }, TOKENS.funder);
    await ok(VOTE, { input: { itemId: items[0], partnerId: partner('conseil-regional'), choice: 'FOR' } }, TOKENS.funder); // changed, still one
    await ok(VOTE, { input: { itemId: items[0], partnerId: partner('mef-boulonnais'), choice: 'ABSTAIN' } }, TOKENS.admin);

    const contrary = await t.gql(DECIDE, { input: { itemId: items[0], mode: 'VOTE', outcome: 'REJECTED' } }, TOKENS.funder);
    expect(contrary.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.outcome' });
    expect(contrary.errors[0].message).toBe('Les votes (2 pour, 0 contre, 1 abstention(s)) donnent « adopté » à la majorité de l’instance.');
    const { decideAgendaItem } = await ok(DECIDE, { input: { itemId: items[0], mode: 'VOTE', text: 'Accompagnement validé : subvention et diagnostic.' } }, TOKENS.funder);
    expect(decideAgendaItem).toEqual({
      state: 'DECIDED',
      decision: { mode: 'VOTE', outcome: 'APPROVED', text: 'Accompagnement validé : subvention et diagnostic.', votesFor: 2, votesAgainst: 0, abstentions: 1 },
    });
    const late = await t.gql(VOTE, { input: { itemId: items[0], partnerId: partner('apes'), choice: 'AGAINST' } }, TOKENS.expert);
    expect(late.errors[0].extensions.code).toBe('CONFLICT');
  });

  it('suspends and resumes, streams positions recorded through support, closes with the minutes', async () => {
    expect((await ok(MOVE('suspendSession'), { id: sessionId }, TOKENS.admin)).suspendSession.state).toBe('SUSPENDED');
    expect((await t.gql(START, { id: items[1] }, TOKENS.funder)).errors[0].extensions.code).toBe('CONFLICT');
    expect((await t.gql(MOVE('suspendSession'), { id: sessionId }, TOKENS.admin)).errors[0].extensions.code).toBe('CONFLICT');
    await ok(MOVE('resumeSession'), { id: sessionId }, TOKENS.admin);
    await ok(START, { id: items[1] }, TOKENS.funder);
    const sharedRequest = (await ok(SESSION, { id: sessionId }, TOKENS.funder)).committeeSession.agenda[1].supportRequest.id;
    await ok(RECORD, { id: sharedRequest, input: { kind: 'WILL_SUPPORT', comment: 'Diagnostic DLA.' } }, TOKENS.expert);
    const consensus = await t.gql(DECIDE, { input: { itemId: items[1], mode: 'CONSENSUS' } }, TOKENS.funder);
    expect(consensus.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.outcome' });
    await ok(DECIDE, { input: { itemId: items[1], mode: 'CONSENSUS', outcome: 'DEFERRED', text: 'Pièces à compléter.' } }, TOKENS.funder);
    expect((await ok(MOVE('closeSession'), { id: sessionId }, TOKENS.funder)).closeSession.state).toBe('CLOSED');
    const closed = (await ok(SESSION, { id: sessionId }, TOKENS.expert)).committeeSession;
    expect(closed.minutesHtmlPath).toMatch(/^\/files\/governance\/sessions\/.+\/minutes\.html$/);
    expect(closed.agenda.map((i: any) => i.state)).toEqual(['DECIDED', 'DEFERRED', 'PENDING']);
    expect((await t.gql(MOVE('resumeSession'), { id: sessionId }, TOKENS.funder)).errors[0].message).toBe('Une séance close ne peut pas être reprise (possible depuis l’état : suspendue).');
  });

  it('replays the session’s stream with its sequences, without gap, from any point', async () => {
    const { lastSeq } = (await ok(SESSION, { id: sessionId }, TOKENS.funder)).committeeSession;
    const all = collect(t.ws(TOKENS.funder), EVENTS, { id: sessionId, after: null }, lastSeq);
    const events = (await all.results).map((r) => r.data.sessionEvents);
    expect(events.map((e: any) => e.seq)).toEqual(Array.from({ length: lastSeq }, (_, i) => i + 1));
    expect(events.map((e: any) => e.kind)).toEqual([
      'SESSION_OPENED',
      'ITEM_STARTED',
      ...Array(committee.quorum + 1).fill('ATTENDANCE_CHANGED'),
      'VOTE_CAST',
      'VOTE_CAST',
      'VOTE_CAST',
      'VOTE_CAST',
      'ITEM_DECIDED',
      'SESSION_SUSPENDED',
      'SESSION_RESUMED',
      'ITEM_STARTED',
      'POSITION_RECORDED',
      'ITEM_DECIDED',
      'SESSION_CLOSED',
    ]);
    const position = events.find((e: any) => e.kind === 'POSITION_RECORDED');
    expect(position).toMatchObject({ item: { rank: 2 }, position: { kind: 'WILL_SUPPORT', partner: { slug: 'apes' } } });
    expect(events.find((e: any) => e.kind === 'ITEM_DECIDED')).toMatchObject({ item: { rank: 1 }, decision: { outcome: 'APPROVED', votesFor: 2 } });
    const tail = collect(t.ws(TOKENS.expert), EVENTS, { id: sessionId, after: lastSeq - 2 }, 2);
    expect((await tail.results).map((r) => [r.data.sessionEvents.seq, r.data.sessionEvents.kind])).toEqual([
      [lastSeq - 1, 'ITEM_DECIDED'],
      [lastSeq, 'SESSION_CLOSED'],
    ]);
    const anonymous = collect(t.ws(null), EVENTS, { id: sessionId, after: 0 }, 1);
    expect((await anonymous.results)[0]!.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('hides a decision’s text with its request: on the agenda, through node and in the stream, for whoever may not see the request', async () => {
    const WORDS = 'Accompagnement validé : subvention et diagnostic.';
    const text = async (token: string) => {
      const agenda = (await ok(SESSION, { id: sessionId }, token)).committeeSession.agenda.map((i: any) => i.decision?.text ?? null);
      const node = await ok('query($id: ID!) { node(id: $id) { ... on AgendaItem { title decision { outcome text } } } }', { id: items[0] }, token);
      return { agenda, node: node.node };
    };
    // The chair sees the request (its partner received it): the words as decided.
    expect(await text(TOKENS.funder)).toEqual({
      agenda: [WORDS, 'Pièces à compléter.', null],
      node: { title: 'Épicerie solidaire (confidentielle)', decision: { outcome: 'APPROVED', text: WORDS } },
    });
    // The APES's member may not see it (no consent to share): the outcome, not the words; the shared request's words stay.
    expect(await text(TOKENS.expert)).toEqual({
      agenda: [HIDDEN_DECISION_TEXT, 'Pièces à compléter.', null],
      node: { title: 'Demande d’accompagnement non partagée avec votre structure', decision: { outcome: 'APPROVED', text: HIDDEN_DECISION_TEXT } },
    });
    // The stream, replayed: the decision event and its item's decision, as each viewer may see them.
    const STREAM = 'subscription($id: ID!) { sessionEvents(sessionId: $id, after: null) { seq kind item { rank decision { text } } decision { outcome text } } }';
    const { lastSeq } = (await ok(SESSION, { id: sessionId }, TOKENS.funder)).committeeSession;
    const decided = async (token: string) =>
      (await collect(t.ws(token), STREAM, { id: sessionId }, lastSeq).results)
        .map((r) => r.data.sessionEvents)
        .filter((e: any) => e.kind === 'ITEM_DECIDED')
        .map((e: any) => [e.item.rank, e.decision.text, e.item.decision.text]);
    expect(await decided(TOKENS.funder)).toEqual([
      [1, WORDS, WORDS],
      [2, 'Pièces à compléter.', 'Pièces à compléter.'],
    ]);
    expect(await decided(TOKENS.expert)).toEqual([
      [1, HIDDEN_DECISION_TEXT, HIDDEN_DECISION_TEXT],
      [2, 'Pièces à compléter.', 'Pièces à compléter.'],
    ]);
  });

  it('pushes live events, and a position on a request the viewer may not see comes without it', async () => {
    const { scheduleSession } = await ok(SCHEDULE, { input: { bodyId: committee.id, title: 'Séance extraordinaire', scheduledAt: '2027-02-01T14:00:00Z' } }, TOKENS.funder);
    const id = scheduleSession.id;
    openSessionId = id;
    const other = await qualifiedRequest('Recyclerie (confidentielle)', false);
    const { addAgendaItem } = await ok(ADD, { input: { sessionId: id, kind: 'SUPPORT_REQUEST', supportRequestId: other } }, TOKENS.funder);
    const expert = collect(t.ws(TOKENS.expert), EVENTS, { id, after: 0 }, 3);
    const funder = collect(t.ws(TOKENS.funder), EVENTS, { id }, 3);
    await Promise.all([expert.ready, funder.ready]);
    await ok(MOVE('openSession'), { id, key: 'open-1' }, TOKENS.funder);
    // a screen retrying after a network cut: the first answer again, nothing recorded twice (no CONFLICT, no second event)
    expect((await ok(MOVE('openSession'), { id, key: 'open-1' }, TOKENS.funder)).openSession.state).toBe('OPEN');
    // the same key for another request is refused, not answered with the first one's result
    const otherArgs = await t.gql(`mutation($id: ID!, $key: String) { startAgendaItem(itemId: $id, idempotencyKey: $key) { state } }`, { id: addAgendaItem.id, key: 'start-1' }, TOKENS.funder);
    expect(otherArgs.errors).toBeUndefined();
    const sameKeyOtherItem = await t.gql(`mutation($id: ID!, $key: String) { startAgendaItem(itemId: $id, idempotencyKey: $key) { state } }`, { id: id, key: 'start-1' }, TOKENS.funder);
    expect(sameKeyOtherItem.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey' });
    await ok(RECORD, { id: other, input: { kind: 'NEEDS_INFORMATION', comment: 'Bilan 2026 attendu.' } }, TOKENS.funder);
    const seen = (await expert.results).map((r) => r.data.sessionEvents);
    const full = (await funder.results).map((r) => r.data.sessionEvents);
    expect(seen.map((e: any) => [e.seq, e.kind])).toEqual([
      [1, 'SESSION_OPENED'],
      [2, 'ITEM_STARTED'],
      [3, 'POSITION_RECORDED'],
    ]);
    expect(seen[2].position).toBeNull();
    expect(full[2].position).toEqual({ kind: 'NEEDS_INFORMATION', partner: { slug: 'conseil-regional' } });
    expect((await ok(SESSION, { id }, TOKENS.funder)).committeeSession.lastSeq).toBe(3);
    const badKey = await t.gql(MOVE('suspendSession'), { id, key: 'é' }, TOKENS.funder);
    expect(badKey.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
  });

  it('writes the minutes in French: attendance, quorum, decisions with their tallies, the action plan validated', async () => {
    const move = (status: string) => ok('mutation($id: ID!, $s: SupportStatus!) { changeSupportRequestStatus(id: $id, status: $s) { status } }', { id: hiddenRequest, s: status }, TOKENS.funder);
    await move('SCHEDULED');
    await move('UNDER_REVIEW');
    const action = { title: 'Instruire la subvention d’investissement', ownerId: partner('conseil-regional'), dueOn: '2027-03-31' };
    await ok('mutation($id: ID!, $input: SupportActionInput!) { addSupportAction(requestId: $id, input: $input) { id } }', { id: hiddenRequest, input: action }, TOKENS.funder);
    const strategy = { diagnosis: 'Épicerie portée par une association de quartier.', strategy: 'Équiper le local avec la subvention régionale.', contactPerson: 'Claire Martin, MEF' };
    await ok('mutation($id: ID!, $input: StrategyInput!) { validateStrategy(requestId: $id, input: $input) { status } }', { id: hiddenRequest, input: strategy }, TOKENS.admin);
    const res = await fetch(new URL(`/files/governance/sessions/${sessionId}/minutes.html`, t.url), { headers: { authorization: `Bearer ${TOKENS.funder}` } });
    expect(res.status).toBe(200);
    const html = await res.text();
    const text = html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('Procès-verbal — Comité technique — 14 janvier 2027');
    expect(text).toContain('Comité technique de janvier — comité technique, séance en présentiel, le 14 janvier 2027 à 10:30.');
    expect(text).toContain(`Quorum : ${committee.quorum} membres votants présents ou à distance sur ${committee.quorum} requis — atteint.`);
    expect(text).toContain('1. Épicerie solidaire (confidentielle) Décision : adopté. Décision prise par vote (majorité simple) : 2 pour, 0 contre, 1 abstention.');
    expect(text).toContain(
      'Accompagnement validé : subvention et diagnostic. Plan d’action validé Stratégie : Équiper le local avec la subvention régionale. Interlocuteur unique : Claire Martin, MEF',
    );
    expect(text).toContain('Action Partenaire Échéance Instruire la subvention d’investissement Conseil régional Nord-Pas-de-Calais 31 mars 2027');
    expect(text).toContain('31 mars 2027');
    expect(text).toContain('2. Garage solidaire Décision : ajourné. Décision prise par consensus. Pièces à compléter.');
    expect(text).toContain('3. Questions diverses Point non décidé.');
    expect(text).toMatch(/Direccte[^<]*? non présent/i);
    const again = await (await fetch(new URL(`/files/governance/sessions/${sessionId}/minutes.html`, t.url), { headers: { authorization: `Bearer ${TOKENS.funder}` } })).text();
    expect(again).toBe(html);
    const anonymous = await fetch(new URL(`/files/governance/sessions/${sessionId}/minutes.html`, t.url));
    expect(anonymous.status).toBe(401);
    // the expert's partner may not see the confidential request: its action plan is not in the expert's copy
    const expertCopy = await (await fetch(new URL(`/files/governance/sessions/${sessionId}/minutes.html`, t.url), { headers: { authorization: `Bearer ${TOKENS.expert}` } })).text();
    expect(expertCopy).toContain('Décision : adopté.');
    expect(expertCopy).not.toContain('Instruire la subvention');
    expect(expertCopy).not.toContain('Épicerie solidaire');
    expect(expertCopy).toContain('1. Demande d’accompagnement non partagée avec votre structure');
    // nor the decision's words, nor the strategy validated with it: a neutral text instead
    expect(expertCopy).not.toContain('Accompagnement validé');
    expect(expertCopy).not.toContain('Équiper le local');
    expect(expertCopy).toContain(HIDDEN_DECISION_TEXT);
    expect(expertCopy).toContain('Pièces à compléter.'); // the shared request's decision keeps its words
    expect(html).not.toContain(HIDDEN_DECISION_TEXT);
    const expertPdf = await fetch(new URL(`/files/governance/sessions/${sessionId}/minutes.pdf`, t.url), { headers: { authorization: `Bearer ${TOKENS.expert}` } });
    const expertPdfText = pdfText(new Uint8Array(await expertPdf.arrayBuffer())).replace(/\s+/g, ' ');
    expect(expertPdfText).not.toContain('Accompagnement validé');
    expect(expertPdfText).toContain('Pièces à compléter.');
    const pdf = await fetch(new URL(`/files/governance/sessions/${sessionId}/minutes.pdf`, t.url), { headers: { authorization: `Bearer ${TOKENS.funder}` } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    await keepTestOutput('proces-verbal.pdf', bytes);
    expect(pdfText(bytes)).toContain('Procès-verbal');
    const open = await fetch(new URL(`/files/governance/sessions/${openSessionId}/minutes.html`, t.url), { headers: { authorization: `Bearer ${TOKENS.funder}` } });
    expect(open.status).toBe(409);
  });

  it('lists sessions in a constant number of statements, whatever the page size', async () => {
    const q =
      'query($first: Int) { committeeSessions(first: $first, filter: { bodyId: "' +
      committee.id +
      '" }) { totalCount edges { node { title state lastSeq body { name } quorum { present } agenda { title decision { outcome } } } } } }';
    for (const title of ['Comité de mars', 'Comité d’avril']) {
      await ok(SCHEDULE, { input: { bodyId: committee.id, title, scheduledAt: '2026-03-05T09:00:00Z' } }, TOKENS.funder);
    }
    await t.gql(q, { first: 2 }, TOKENS.expert);
    const counts: number[] = [];
    for (const first of [2, 10]) {
      t.resetSql();
      const res = await t.gql(q, { first }, TOKENS.expert);
      expect(res.errors).toBeUndefined();
      counts.push(t.sql.length);
    }
    expect(counts[1]).toBe(counts[0]);
    // the token, the page (agenda and attendance gathered), bodies, members, votes, the streams' last sequences,
    // the agenda's requests as the viewer may see them (an item's title is hidden with its request)
    expect(counts[1]).toBeLessThanOrEqual(7);
    // the chair reads who is connected to each session: one statement for the page, not one per session
    const withPresence = q.replace('lastSeq', 'lastSeq presence { connections }');
    const chair: number[] = [];
    for (const first of [2, 10]) {
      t.resetSql();
      const res = await t.gql(withPresence, { first }, TOKENS.funder);
      expect(res.errors).toBeUndefined();
      chair.push(t.sql.filter((statement) => /from presence/.test(statement)).length);
    }
    expect(chair).toEqual([1, 1]);
  });
});
