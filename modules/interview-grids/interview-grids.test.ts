import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, startTestApp, TOKENS, type TestApp } from '../../test/harness.js';
import { fromGlobalId, toGlobalId } from '../../server/kit/index.js';
import { DEFAULT_GRID } from './default-grid.js';
import { interviewsForScoring, previousInterviewId } from './interview.service.js';

/*
 * The interview-grids module end to end, on its own database (PGlite in memory; PostgreSQL with
 * TEST_DATABASE_URL). People: funder = a manager of the Conseil régional (no committee), expert = a member
 * of APES (MEMBER: sits in the committee), admin = the platform's administrator (manager of the host).
 */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ modules: ['interview-grids', 'accounts'] });
});
afterAll(async () => t?.close());

const START = 'mutation($input: StartInterviewInput!) { startInterview(input: $input) { id version status date partner { id } gridVersion { code version } } }';
const SAVE = 'mutation($input: SaveAnswersInput!) { saveAnswers(input: $input) { id version answers { questionCode value confidentiality } } }';
const COMPLETE = 'mutation($id: ID!, $v: Int) { completeInterview(id: $id, expectedVersion: $v) { id status version } }';
const VALIDATE = 'mutation($id: ID!) { validateInterview(id: $id) { id status } }';
const ANSWERS = 'query($id: ID!) { node(id: $id) { ... on Interview { id answers { id questionCode value confidentiality } } } }';

async function organization(consent: boolean): Promise<string> {
  const res = await t.gql('{ organizations(first: 100) { edges { node { id consentToShare } } } }', {}, TOKENS.admin);
  const found = res.data.organizations.edges.map((e: any) => e.node).filter((n: any) => n.consentToShare === consent);
  expect(found.length).toBeGreaterThan(3);
  return found[2].id as string;
}

const codesOf = (res: any): string[] => (res.data.node?.answers ?? []).map((a: any) => a.questionCode).sort();

/** A draft by `token`, with one shared, one partnerAndCommittee and one interviewerOnly answer. */
async function draftWithAnswers(token: string, organizationId: string, partnerId?: string) {
  const started = await t.gql(START, { input: { organizationId, partnerId, date: '2026-03-02' } }, token);
  expect(started.errors).toBeUndefined();
  const { id, version } = started.data.startInterview;
  const saved = await t.gql(
    SAVE,
    {
      input: {
        interviewId: id,
        expectedVersion: version,
        answers: [
          { questionCode: 'hr_headcount', value: 12 },
          { questionCode: 'fin_cash_months', value: 2 },
          { questionCode: 'dev_interviewer_notes', value: 'Président fatigué.' },
        ],
      },
    },
    token,
  );
  expect(saved.errors).toBeUndefined();
  return { id: id as string, version: saved.data.saveAnswers.version as number };
}

describe('grid versions', () => {
  it('ships the default grid, published, as reference data', async () => {
    const res = await t.gql(
      '{ gridVersion { id code version status title sections { code label order } questions { code type confidentiality weight options { code points } } rules { code kind condition } } }',
    );
    expect(res.errors).toBeUndefined();
    const grid = res.data.gridVersion;
    expect(grid).toMatchObject({ code: 'diagnostic-ess', version: 1, status: 'PUBLISHED' });
    expect(grid.sections.map((s: any) => s.code)).toEqual(DEFAULT_GRID.sections.map((s) => s.code));
    expect(grid.questions).toHaveLength(DEFAULT_GRID.questions.length);
    expect(grid.questions.find((q: any) => q.code === 'fin_cash_months').confidentiality).toBe('PARTNER_AND_COMMITTEE');
    expect(grid.rules.find((r: any) => r.code === 'low_cash').condition).toEqual(DEFAULT_GRID.rules.find((r) => r.code === 'low_cash')!.condition);
  });

  it('never changes a published version: editing creates version + 1 as a draft, seen only by administrators until published', async () => {
    const published = (await t.gql('{ gridVersion { id } }')).data.gridVersion.id;
    const CREATE = 'mutation($input: CreateGridVersionInput!) { createGridVersion(input: $input) { id version status title } }';
    expect((await t.gql(CREATE, { input: { fromGridVersionId: published } }, TOKENS.funder)).errors[0].extensions.code).toBe('FORBIDDEN');
    const draft = await t.gql(CREATE, { input: { fromGridVersionId: published, title: 'Diagnostic partagé ESS 2027' } }, TOKENS.admin);
    expect(draft.errors).toBeUndefined();
    expect(draft.data.createGridVersion).toMatchObject({ version: 2, status: 'DRAFT', title: 'Diagnostic partagé ESS 2027' });
    const again = await t.gql(CREATE, { input: { fromGridVersionId: published } }, TOKENS.admin);
    expect(again.errors[0].extensions.code).toBe('CONFLICT');

    const UPDATE = 'mutation($input: UpdateGridVersionInput!) { updateGridVersion(input: $input) { id title questions { code } } }';
    const publishedEdit = await t.gql(UPDATE, { input: { id: published, definition: { ...DEFAULT_GRID, title: 'Autre' } } }, TOKENS.admin);
    expect(publishedEdit.errors[0].extensions.code).toBe('CONFLICT');
    const bad = await t.gql(
      UPDATE,
      { input: { id: draft.data.createGridVersion.id, definition: { ...DEFAULT_GRID, questions: [{ ...DEFAULT_GRID.questions[0], type: 'colour', sectionCode: 'nowhere' }] } } },
      TOKENS.admin,
    );
    expect(bad.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(bad.errors[0].extensions.fields.map((f: any) => f.field)).toEqual(['input.definition.questions.0.sectionCode', 'input.definition.questions.0.type']);

    const versions = 'query { gridVersions(code: "diagnostic-ess", first: 10) { edges { node { version status } } } }';
    expect((await t.gql(versions, {}, TOKENS.funder)).data.gridVersions.edges.map((e: any) => e.node.version)).toEqual([1]);
    expect((await t.gql(versions, {}, TOKENS.admin)).data.gridVersions.edges.map((e: any) => e.node.version)).toEqual([2, 1]);
    const publish = await t.gql('mutation($id: ID!) { publishGridVersion(id: $id) { version status publishedAt } }', { id: draft.data.createGridVersion.id }, TOKENS.admin);
    expect(publish.data.publishGridVersion).toMatchObject({ version: 2, status: 'PUBLISHED' });
    const after = await t.gql('{ gridVersion { version } }', {}, TOKENS.funder);
    expect(after.data.gridVersion.version).toBe(2);
  });

  it('sets rules after checking every cited question and the JSON Logic, reporting every problem', async () => {
    const id = (await t.gql('{ gridVersion { id } }')).data.gridVersion.id;
    const SET = 'mutation($input: SetGridRulesInput!) { setGridRules(input: $input) { id rules { code } } }';
    const rule = {
      code: 'tiny_cash',
      kind: 'risk',
      severity: 'high',
      sectionCode: 'finances',
      label: 'Trésorerie très faible',
      explanation: '{{fin_cash_months}} mois.',
      condition: { '<': [{ var: 'fin_cash_months' }, 0.5] },
    };
    expect((await t.gql(SET, { input: { gridVersionId: id, rules: [rule] } }, TOKENS.expert)).errors[0].extensions.code).toBe('FORBIDDEN');
    const refused = await t.gql(
      SET,
      {
        input: { gridVersionId: id, rules: [rule, { ...rule, code: 'b', condition: { '>': [{ var: 'fin_nothing' }, 1] } }, { ...rule, code: 'c', condition: { nope: [{ var: 'fin_cash_months' }] } }] },
      },
      TOKENS.admin,
    );
    expect(refused.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(refused.errors[0].extensions.fields.map((f: any) => f.field)).toEqual(['input.rules.1.condition', 'input.rules.2.condition']);
    expect(refused.errors[0].extensions.fields[0].message).toContain('fin_nothing');
    const ok = await t.gql(SET, { input: { gridVersionId: id, rules: [...DEFAULT_GRID.rules, rule] } }, TOKENS.admin);
    expect(ok.errors).toBeUndefined();
    expect(ok.data.setGridRules.rules.at(-1).code).toBe('tiny_cash');
  });
});

describe('interviews', () => {
  it('starts, saves partially, refuses stale versions with CONFLICT and bad values with their field, completes and validates', async () => {
    const organizationId = await organization(true);
    const started = await t.gql(START, { input: { organizationId, date: '2026-01-15' } }, TOKENS.funder);
    expect(started.errors).toBeUndefined();
    const interview = started.data.startInterview;
    expect(interview).toMatchObject({ status: 'DRAFT', date: '2026-01-15', gridVersion: { code: 'diagnostic-ess' } });

    const first = await t.gql(SAVE, { input: { interviewId: interview.id, expectedVersion: interview.version, answers: [{ questionCode: 'hr_headcount', value: 8 }] } }, TOKENS.funder);
    expect(first.errors).toBeUndefined();
    const v2 = first.data.saveAnswers.version;
    expect(v2).toBe(interview.version + 1);
    // A second person saving over the version they read first is refused, not overwritten.
    const stale = await t.gql(SAVE, { input: { interviewId: interview.id, expectedVersion: interview.version, answers: [{ questionCode: 'hr_headcount', value: 9 }] } }, TOKENS.funder);
    expect(stale.errors[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.expectedVersion' });

    const bad = await t.gql(
      SAVE,
      {
        input: {
          interviewId: interview.id,
          expectedVersion: v2,
          answers: [
            { questionCode: 'fin_public_funding_share', value: 140 },
            { questionCode: 'hr_key_person', value: 'oui' },
            { questionCode: 'nope', value: 1 },
            { questionCode: 'hr_fte', value: 6.5 },
          ],
        },
      },
      TOKENS.funder,
    );
    expect(bad.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(bad.errors[0].extensions.fields.map((f: any) => f.field)).toEqual(['input.answers.0.value', 'input.answers.1.value', 'input.answers.2.questionCode']);
    const unchanged = await t.gql(ANSWERS, { id: interview.id }, TOKENS.funder);
    expect(codesOf(unchanged)).toEqual(['hr_headcount']);

    const incomplete = await t.gql(COMPLETE, { id: interview.id, v: v2 }, TOKENS.funder);
    expect(incomplete.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const missing = incomplete.errors[0].extensions.fields.map((f: any) => f.field);
    const required = DEFAULT_GRID.questions.filter((q) => q.required && q.code !== 'hr_headcount').map((q) => `answers.${q.code}`);
    expect(missing).toEqual(required);

    const answers = DEFAULT_GRID.questions
      .filter((q) => q.required && !['hr_headcount', 'hr_fte'].includes(q.code))
      .map((q) => ({
        questionCode: q.code,
        value: q.type === 'yesPartlyNo' ? 'partly' : q.type === 'singleChoice' ? q.options![0]!.code : q.type === 'scale0to4' ? 3 : q.type === 'percentage' ? 40 : 5,
      }));
    const saved = await t.gql(
      SAVE,
      { input: { interviewId: interview.id, expectedVersion: v2, answers: [...answers, { questionCode: 'hr_headcount', value: null }, { questionCode: 'hr_fte', value: 6.5 }] } },
      TOKENS.funder,
    );
    expect(saved.errors).toBeUndefined();
    const clearedRequired = await t.gql(COMPLETE, { id: interview.id }, TOKENS.funder);
    expect(clearedRequired.errors[0].extensions.fields.map((f: any) => f.field)).toEqual(['answers.hr_headcount']);
    const v4 = (await t.gql(SAVE, { input: { interviewId: interview.id, expectedVersion: saved.data.saveAnswers.version, answers: [{ questionCode: 'hr_headcount', value: 8 }] } }, TOKENS.funder)).data
      .saveAnswers.version;

    expect((await t.gql(COMPLETE, { id: interview.id }, TOKENS.expert)).errors[0].extensions.code).toBe('FORBIDDEN'); // not of the interviewing partner
    const done = await t.gql(COMPLETE, { id: interview.id, v: v4 }, TOKENS.funder);
    expect(done.errors).toBeUndefined();
    expect(done.data.completeInterview.status).toBe('COMPLETED');
    const late = await t.gql(SAVE, { input: { interviewId: interview.id, expectedVersion: done.data.completeInterview.version, answers: [{ questionCode: 'hr_fte', value: 7 }] } }, TOKENS.funder);
    expect(late.errors[0].extensions.code).toBe('CONFLICT');

    expect((await t.gql(VALIDATE, { id: interview.id }, TOKENS.expert)).errors[0].extensions.code).toBe('FORBIDDEN'); // a MEMBER does not validate
    const validated = await t.gql(VALIDATE, { id: interview.id }, TOKENS.funder);
    expect(validated.data.validateInterview.status).toBe('VALIDATED');
    expect((await t.gql(VALIDATE, { id: interview.id }, TOKENS.funder)).errors[0].extensions.code).toBe('CONFLICT');

    const scoring = await interviewsForScoring(t.app.gateway.orm.em.fork(), [fromGlobalId(interview.id)!.id]);
    expect(scoring).toHaveLength(1);
    expect(scoring[0]).toMatchObject({ date: '2026-01-15', answers: { hr_headcount: 8, hr_fte: 6.5, fin_arrears: 'partly' } });
    expect(scoring[0]!.grid.questions.length).toBeGreaterThan(50);
  });

  it('refuses what the viewer may not do: anonymous, a partner not theirs, a future date, unknown ids', async () => {
    const organizationId = await organization(true);
    expect((await t.gql(START, { input: { organizationId } })).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const future = await t.gql(START, { input: { organizationId, date: '2999-01-01' } }, TOKENS.funder);
    expect(future.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.date' });
    const admin = await t.gql('{ viewer { person { memberships { partner { id } } } } }', {}, TOKENS.admin);
    const hostPartner = admin.data.viewer.person.memberships[0].partner.id;
    const notMine = await t.gql(START, { input: { organizationId, partnerId: hostPartner } }, TOKENS.funder);
    expect(notMine.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.partnerId' });
    const unknown = await t.gql(START, { input: { organizationId: toGlobalId('Organization', '00000000-0000-0000-0000-000000000000') } }, TOKENS.funder);
    expect(unknown.errors[0].extensions.code).toBe('NOT_FOUND');
    const wrongType = await t.gql(START, { input: { organizationId: toGlobalId('Partner', '00000000-0000-0000-0000-000000000000') } }, TOKENS.funder);
    expect(wrongType.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.organizationId' });
  });

  it('lists interviews by date, with filters, and Organization.interviews', async () => {
    const organizationId = await organization(true);
    const LIST = 'query($filter: InterviewFilter) { interviews(first: 50, filter: $filter) { totalCount edges { node { id date status organization { id } } } } }';
    const mine = await t.gql(LIST, { filter: { organizationId } }, TOKENS.funder);
    expect(mine.errors).toBeUndefined();
    const dates = mine.data.interviews.edges.map((e: any) => e.node.date);
    expect(dates).toEqual([...dates].sort().reverse());
    const validated = await t.gql(LIST, { filter: { status: 'VALIDATED' } }, TOKENS.funder);
    expect(validated.data.interviews.edges.every((e: any) => e.node.status === 'VALIDATED')).toBe(true);
    const org = await t.gql('query($id: ID!) { node(id: $id) { ... on Organization { interviews(first: 5) { id date } } } }', { id: organizationId }, TOKENS.funder);
    expect(org.data.node.interviews.map((i: any) => i.id)).toEqual(mine.data.interviews.edges.slice(0, 5).map((e: any) => e.node.id));
  });
});

describe('confidentiality of answers, per role, on every path', () => {
  it('interviewing partner: all; committee member: shared and financial; another partner’s manager: shared only; admin: not the interviewer’s notes', async () => {
    const organizationId = await organization(true);
    const admin = await t.gql('{ viewer { person { memberships { partner { id } } } } }', {}, TOKENS.admin);
    const hostPartner = admin.data.viewer.person.memberships[0].partner.id;
    const byFunder = await draftWithAnswers(TOKENS.funder, organizationId);
    const byHost = await draftWithAnswers(TOKENS.admin, organizationId, hostPartner);

    expect(codesOf(await t.gql(ANSWERS, { id: byFunder.id }, TOKENS.funder))).toEqual(['dev_interviewer_notes', 'fin_cash_months', 'hr_headcount']);
    expect(codesOf(await t.gql(ANSWERS, { id: byFunder.id }, TOKENS.expert))).toEqual(['fin_cash_months', 'hr_headcount']);
    expect(codesOf(await t.gql(ANSWERS, { id: byFunder.id }, TOKENS.admin))).toEqual(['fin_cash_months', 'hr_headcount']);
    expect(codesOf(await t.gql(ANSWERS, { id: byHost.id }, TOKENS.funder))).toEqual(['hr_headcount']);
    expect(codesOf(await t.gql(ANSWERS, { id: byHost.id }, TOKENS.admin))).toEqual(['dev_interviewer_notes', 'fin_cash_months', 'hr_headcount']);
    expect((await t.gql(ANSWERS, { id: byFunder.id })).data.node).toBeNull();

    // node(id) on an answer follows the same rule.
    const all = (await t.gql(ANSWERS, { id: byFunder.id }, TOKENS.funder)).data.node.answers;
    const notes = all.find((a: any) => a.questionCode === 'dev_interviewer_notes').id;
    const cash = all.find((a: any) => a.questionCode === 'fin_cash_months').id;
    const NODE = 'query($id: ID!) { node(id: $id) { ... on InterviewAnswer { value } } }';
    expect((await t.gql(NODE, { id: notes }, TOKENS.funder)).data.node.value).toBe('Président fatigué.');
    expect((await t.gql(NODE, { id: notes }, TOKENS.expert)).data.node).toBeNull();
    expect((await t.gql(NODE, { id: notes }, TOKENS.admin)).data.node).toBeNull();
    expect((await t.gql(NODE, { id: cash }, TOKENS.expert)).data.node.value).toBe(2);
    const byHostCash = (await t.gql(ANSWERS, { id: byHost.id }, TOKENS.admin)).data.node.answers.find((a: any) => a.questionCode === 'fin_cash_months').id;
    expect((await t.gql(NODE, { id: byHostCash }, TOKENS.funder)).data.node).toBeNull();

    // The CSV export reads through the same rules.
    const csv = async (token: string | null) => {
      const res = await fetch(`${t.url.replace(/\/graphql$/, '/files/interview-grids')}/interviews/${byFunder.id}/answers.csv`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      return { status: res.status, text: await res.text() };
    };
    const funderCsv = await csv(TOKENS.funder);
    expect(funderCsv.status).toBe(200);
    expect(funderCsv.text).toContain('Président fatigué.');
    expect(funderCsv.text).toContain('Trésorerie nette, en mois de charges;2');
    const expertCsv = await csv(TOKENS.expert);
    expect(expertCsv.text).not.toContain('Président fatigué.');
    expect(expertCsv.text).toContain('Trésorerie nette');
    expect((await csv(null)).status).toBe(404);

    // Through the list and the organization too.
    const viaList = await t.gql('query($o: ID!) { interviews(first: 50, filter: { organizationId: $o }) { edges { node { id answers { questionCode } } } } }', { o: organizationId }, TOKENS.expert);
    const listed = viaList.data.interviews.edges
      .find((e: any) => e.node.id === byFunder.id)
      .node.answers.map((a: any) => a.questionCode)
      .sort();
    expect(listed).toEqual(['fin_cash_months', 'hr_headcount']);
    const viaOrg = await t.gql('query($o: ID!) { node(id: $o) { ... on Organization { interviews(first: 50) { id answers { questionCode } } } } }', { o: organizationId }, TOKENS.funder);
    expect(viaOrg.data.node.interviews.find((i: any) => i.id === byHost.id).answers.map((a: any) => a.questionCode)).toEqual(['hr_headcount']);
  });

  it('interviews of an organization that did not consent: only its interviewing partner and administrators', async () => {
    const organizationId = await organization(false);
    const byFunder = await draftWithAnswers(TOKENS.funder, organizationId);
    expect((await t.gql(ANSWERS, { id: byFunder.id }, TOKENS.funder)).data.node.id).toBe(byFunder.id);
    expect((await t.gql(ANSWERS, { id: byFunder.id }, TOKENS.expert)).data.node).toBeNull();
    expect((await t.gql(ANSWERS, { id: byFunder.id }, TOKENS.admin)).data.node.id).toBe(byFunder.id);
    const list = await t.gql('query($o: ID!) { interviews(first: 50, filter: { organizationId: $o }) { edges { node { id partner { slug } } } } }', { o: organizationId }, TOKENS.expert);
    expect(list.data.interviews.edges.every((e: any) => e.node.partner.slug === 'apes')).toBe(true); // only those APES itself held
  });

  it('pushes completed interviews through the subscription with the same rules', async () => {
    const organizationId = await organization(true);
    const draft = await draftWithAnswers(TOKENS.funder, organizationId);
    const required = DEFAULT_GRID.questions.filter((q) => q.required && q.code !== 'hr_headcount' && q.code !== 'fin_cash_months');
    const answers = required.map((q) => ({
      questionCode: q.code,
      value: q.type === 'yesPartlyNo' ? 'no' : q.type === 'singleChoice' ? q.options![0]!.code : q.type === 'scale0to4' ? 2 : q.type === 'percentage' ? 30 : 4,
    }));
    const saved = await t.gql(SAVE, { input: { interviewId: draft.id, expectedVersion: draft.version, answers } }, TOKENS.funder);
    const SUB = `subscription($o: ID) { interviewCompleted(organizationId: $o) { id answers { questionCode } } }`;
    const expertEvents = collect(t.ws(TOKENS.expert), SUB, { o: organizationId }, 1);
    const funderEvents = collect(t.ws(TOKENS.funder), SUB, { o: organizationId }, 1);
    await Promise.all([expertEvents.ready, funderEvents.ready]);
    const done = await t.gql(COMPLETE, { id: draft.id, v: saved.data.saveAnswers.version }, TOKENS.funder);
    expect(done.errors).toBeUndefined();
    const [expertPush] = await expertEvents.results;
    const [funderPush] = await funderEvents.results;
    const codes = (push: any) => push.data.interviewCompleted.answers.map((a: any) => a.questionCode);
    expect(codes(funderPush)).toContain('dev_interviewer_notes');
    expect(codes(expertPush)).not.toContain('dev_interviewer_notes');
    expect(codes(expertPush)).toContain('fin_cash_months');
    const refused = await collect(t.ws(null), SUB, {}, 1).results.catch((e: unknown) => e);
    expect(JSON.stringify(refused)).toMatch(/FORBIDDEN|droits/);
  });
});

describe('subscription to interviews one may not see', () => {
  /** A draft of `organizationId` by the funder, every required question answered: ready to complete. */
  async function readyDraft(organizationId: string) {
    const draft = await draftWithAnswers(TOKENS.funder, organizationId);
    const answers = DEFAULT_GRID.questions
      .filter((q) => q.required && q.code !== 'hr_headcount' && q.code !== 'fin_cash_months')
      .map((q) => ({ questionCode: q.code, value: q.type === 'yesPartlyNo' ? 'no' : q.type === 'singleChoice' ? q.options![0]!.code : q.type === 'scale0to4' ? 2 : q.type === 'percentage' ? 30 : 4 }));
    const saved = await t.gql(SAVE, { input: { interviewId: draft.id, expectedVersion: draft.version, answers } }, TOKENS.funder);
    expect(saved.errors).toBeUndefined();
    return { id: draft.id, version: saved.data.saveAnswers.version as number };
  }

  it('pushes nothing, not even an error, for an interview the subscriber may not see', async () => {
    const hidden = await readyDraft(await organization(false));
    const shared = await readyDraft(await organization(true));
    const events = collect(t.ws(TOKENS.expert), 'subscription { interviewCompleted { id } }', {}, 1);
    await events.ready;
    expect((await t.gql(COMPLETE, { id: hidden.id, v: hidden.version }, TOKENS.funder)).errors).toBeUndefined();
    expect((await t.gql(COMPLETE, { id: shared.id, v: shared.version }, TOKENS.funder)).errors).toBeUndefined();
    const [first] = await events.results;
    expect(first!.errors).toBeUndefined();
    expect(first!.data.interviewCompleted.id).toBe(shared.id);
  });
});

describe('batch reads for the radar', () => {
  it('previousInterviewId: the previous completed interview of the same organization', async () => {
    const organizationId = await organization(true);
    const em = () => t.app.gateway.orm.em.fork();
    const LIST = 'query($o: ID!) { interviews(first: 50, filter: { organizationId: $o }) { edges { node { id status date } } } }';
    const nodes = (await t.gql(LIST, { o: organizationId }, TOKENS.admin)).data.interviews.edges.map((e: any) => e.node);
    const done = nodes.filter((n: any) => n.status !== 'DRAFT');
    for (const n of nodes) {
      const earlier = done.filter((d: any) => d.date < n.date || (d.date === n.date && fromGlobalId(d.id)!.id < fromGlobalId(n.id)!.id));
      const expected = earlier.length
        ? fromGlobalId(earlier.sort((a: any, b: any) => (a.date === b.date ? (fromGlobalId(a.id)!.id < fromGlobalId(b.id)!.id ? 1 : -1) : a.date < b.date ? 1 : -1))[0].id)!.id
        : null;
      expect(await previousInterviewId(em(), fromGlobalId(n.id)!.id)).toBe(expected);
    }
    expect(await previousInterviewId(em(), '00000000-0000-0000-0000-000000000000')).toBeNull();
  });
});

describe('statement counts', () => {
  it('reads interviews(first: 50) { answers } in as many statements as first: 5', async () => {
    const q =
      'query($first: Int) { interviews(first: $first) { totalCount edges { node { id date organization { name } partner { name } gridVersion { version } answers { questionCode value } } } } }';
    await t.gql(q, { first: 5 }, TOKENS.expert);
    const counts: number[] = [];
    let sizes: number[] = [];
    for (const first of [5, 50]) {
      t.resetSql();
      const res = await t.gql(q, { first }, TOKENS.expert);
      expect(res.errors).toBeUndefined();
      counts.push(t.sql.length);
      sizes = [...sizes, res.data.interviews.edges.length];
    }
    expect(sizes[1]).toBeGreaterThan(sizes[0]!);
    expect(counts[1]).toBe(counts[0]);
  });

  it('reads interviewsForScoring in three statements whatever the number of interviews', async () => {
    const ids = (await t.gql('{ interviews(first: 60) { edges { node { id } } } }', {}, TOKENS.admin)).data.interviews.edges.map((e: any) => fromGlobalId(e.node.id)!.id);
    expect(ids.length).toBe(60);
    const em = t.app.gateway.orm.em.fork();
    t.resetSql();
    const few = await interviewsForScoring(em, ids.slice(0, 2));
    const fewStatements = t.sql.length;
    t.resetSql();
    const many = await interviewsForScoring(t.app.gateway.orm.em.fork(), ids);
    expect(t.sql.length).toBe(fewStatements);
    expect(fewStatements).toBeLessThanOrEqual(3);
    expect(few).toHaveLength(2);
    expect(many).toHaveLength(60);
    expect(Object.keys(many[0]!.answers).length).toBeGreaterThan(30);
  });
});

describe('demo interviews', () => {
  it('about 300 organizations interviewed, about 80 twice 1 to 2 years apart, fragile ones fragile across the board', async () => {
    const em = t.app.gateway.orm.em.fork();
    const { Interview } = await import('./interview.entity.js');
    const rows = await em.find(Interview, {}, { fields: ['id', 'organization', 'date'] });
    const byOrg = new Map<string, string[]>();
    const demo = rows.filter((r) => String(r.date).slice(0, 10) < '2026-01-01'); // the tests' own interviews are of 2026
    for (const r of demo) byOrg.set(r.organization.id, [...(byOrg.get(r.organization.id) ?? []), String(r.date).slice(0, 10)]);
    const demoOrgs = [...byOrg.values()];
    expect(demoOrgs.length).toBeGreaterThanOrEqual(295);
    const twice = demoOrgs.filter((d) => d.length === 2);
    expect(twice.length).toBeGreaterThanOrEqual(78);
    for (const [a, b] of twice.map((d) => d.sort())) {
      const days = (Date.parse(b!) - Date.parse(a!)) / 86_400_000;
      expect(days).toBeGreaterThanOrEqual(365);
      expect(days).toBeLessThanOrEqual(730);
    }
    const scoring = await interviewsForScoring(
      em,
      rows.map((r) => r.id),
    );
    // Coherence: little cash goes with public dependency and an old board more often than not.
    const fragile = scoring.filter((s) => typeof s.answers.fin_cash_months === 'number' && s.answers.fin_cash_months < 2);
    const solid = scoring.filter((s) => typeof s.answers.fin_cash_months === 'number' && s.answers.fin_cash_months >= 6);
    const mean = (list: typeof scoring, code: string) => list.reduce((sum, s) => sum + Number(s.answers[code] ?? 0), 0) / list.length;
    expect(fragile.length).toBeGreaterThan(10);
    expect(solid.length).toBeGreaterThan(10);
    expect(mean(fragile, 'gov_years_since_board_renewal')).toBeGreaterThan(mean(solid, 'gov_years_since_board_renewal') + 1);
    expect(mean(fragile, 'mkt_main_customer_share')).toBeGreaterThan(mean(solid, 'mkt_main_customer_share') + 10);
  });
});
