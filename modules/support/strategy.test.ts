import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TOKENS, type TestApp } from '../../test/harness.js';
import { assertNotBlank, keepTestOutput, pdfText, pdfToPng } from '../../test/render.js';

/*
 * From the review to the answer: an action plan, the committee's decision (who, when), the territorial
 * answer letter in French (HTML, and a PDF rendered to an image and read back), the holder's feedback.
 */

let t: TestApp;
let files: string;
let partners: Map<string, { id: string; schemes: { id: string; name: string }[] }>;
beforeAll(async () => {
  t = await startTestApp({ modules: ['support'], demoScale: { organizations: 40 } });
  files = t.url.replace(/\/graphql$/, '/files/support');
  const res = await t.gql('{ partners(first: 100) { edges { node { id slug fundingSchemes { id name } } } } }');
  partners = new Map(res.data.partners.edges.map((e: any) => [e.node.slug, { id: e.node.id, schemes: e.node.fundingSchemes }]));
}, 60_000);
afterAll(async () => t?.close());

async function ok(query: string, variables: Record<string, unknown>, token: string): Promise<any> {
  const res = await t.gql(query, variables, token);
  expect(res.errors, query.slice(0, 60)).toBeUndefined();
  return res.data;
}
const move = (id: string, status: string) => ok('mutation($id: ID!, $s: SupportStatus!) { changeSupportRequestStatus(id: $id, status: $s) { status } }', { id, s: status }, TOKENS.funder);

describe('strategy, answer and feedback', () => {
  it('follows a request from the review to the territorial answer and the holder’s feedback', async () => {
    const communeId = (await t.gql('{ communes(first: 1) { edges { node { id } } } }')).data.communes.edges[0].node.id;
    const { receiveSupportRequest: r } = await ok(
      'mutation($input: ReceiveSupportRequestInput!) { receiveSupportRequest(input: $input) { id } }',
      {
        input: {
          title: 'Épicerie solidaire du Chemin Vert',
          holderName: 'Sophie Delattre',
          intakeChannel: 'PROACTIVE_VISIT',
          stage: 'CREATION',
          targetLegalForm: 'ASSOCIATION',
          technicalNeed: true,
          financialNeed: true,
          amountSought: 45_000,
          needTypes: ['INVESTMENT'],
          sector: 'agriculture-alimentation',
          communeId,
          description: 'Ouvrir une épicerie solidaire avec un atelier cuisine.',
          consentToShare: true,
        },
      },
      TOKENS.funder,
    );
    await move(r.id, 'QUALIFIED');
    const scheme = partners.get('conseil-regional')!.schemes[0]!;
    const { recordPosition: funderPosition } = await ok(
      'mutation($id: ID!, $input: PositionInput!) { recordPosition(requestId: $id, input: $input) { id } }',
      { id: r.id, input: { kind: 'WILL_SUPPORT', schemeId: scheme.id, amount: 20_000, conditions: 'Sous réserve de la commission permanente.' } },
      TOKENS.funder,
    );
    await ok('mutation($id: ID!) { recordPosition(requestId: $id, input: { kind: REDIRECTS, comment: "Un diagnostic DLA suivra la première année." }) { id } }', { id: r.id }, TOKENS.expert);
    await move(r.id, 'SCHEDULED');
    await move(r.id, 'UNDER_REVIEW');

    const ADD = 'mutation($id: ID!, $input: SupportActionInput!) { addSupportAction(requestId: $id, input: $input) { id title status dueOn owner { slug } scheme { name } position { id } } }';
    const { addSupportAction: action } = await ok(
      ADD,
      {
        id: r.id,
        input: { title: 'Instruire la subvention d’investissement', ownerId: partners.get('conseil-regional')!.id, dueOn: '2027-03-31', positionId: funderPosition.id, schemeId: scheme.id },
      },
      TOKENS.funder,
    );
    expect(action).toMatchObject({ status: 'PLANNED', dueOn: '2027-03-31', owner: { slug: 'conseil-regional' }, scheme: { name: scheme.name }, position: { id: funderPosition.id } });
    const badDay = await t.gql(ADD, { id: r.id, input: { title: 'X au 30 février', ownerId: partners.get('apes')!.id, dueOn: '2027-02-30' } }, TOKENS.funder);
    expect(badDay.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.dueOn' });

    const VALIDATE = `mutation($id: ID!, $input: StrategyInput!) { validateStrategy(requestId: $id, input: $input) { status decision { strategy contactPerson validatedBy { name } validatedAt } } }`;
    const strategy = {
      diagnosis: 'Projet porté par des habitants du quartier, local trouvé, besoin d’équipement.',
      strategy: 'Court terme : équiper le local avec la subvention régionale. Moyen terme : diagnostic DLA pour consolider le modèle.',
      contactPerson: 'Claire Martin, Maison de l’Emploi et de la Formation',
      nextStep: 'Dépôt du dossier régional avant le 15 février.',
    };
    const member = await t.gql(VALIDATE, { id: r.id, input: strategy }, TOKENS.expert);
    expect(member.errors[0].extensions.code).toBe('FORBIDDEN');
    const validated = (await ok(VALIDATE, { id: r.id, input: strategy }, TOKENS.admin)).validateStrategy;
    expect(validated).toMatchObject({
      status: 'STRATEGY_VALIDATED',
      decision: [{ contactPerson: strategy.contactPerson, validatedBy: { name: expect.any(String) }, validatedAt: expect.any(String) }],
    });
    const twice = await t.gql(VALIDATE, { id: r.id, input: strategy }, TOKENS.admin);
    expect(twice.errors[0].extensions.code).toBe('BAD_USER_INPUT');

    await move(r.id, 'IN_FOLLOW_UP');
    const notOwner = await t.gql('mutation($id: ID!) { setSupportActionStatus(id: $id, status: DONE) { status } }', { id: action.id }, TOKENS.expert);
    expect(notOwner.errors[0].extensions.code).toBe('FORBIDDEN');
    await ok('mutation($id: ID!) { setSupportActionStatus(id: $id, status: DONE) { status doneAt } }', { id: action.id }, TOKENS.funder);

    // The letter: HTML, then the PDF rendered and read back.
    const auth = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
    const html = await (await fetch(`${files}/requests/${r.id}/answer.html`, auth(TOKENS.expert))).text();
    expect(html).toContain('la réponse du territoire');
    expect(html).toContain('20 000 €');
    expect(html).toContain('acquis');
    expect(html).toContain('Chaque partenaire décide seul');
    const pdfResponse = await fetch(`${files}/requests/${r.id}/answer.pdf`, auth(TOKENS.funder));
    expect(pdfResponse.status).toBe(200);
    expect(pdfResponse.headers.get('content-type')).toBe('application/pdf');
    const pdf = new Uint8Array(await pdfResponse.arrayBuffer());
    await keepTestOutput('support-answer.pdf', pdf);
    const text = pdfText(pdf);
    for (const expected of ['Réponse de territoire', 'Épicerie solidaire du Chemin Vert', 'Le plan de financement', 'Instruire la subvention', 'Claire Martin', 'Protection des données'])
      expect(text).toContain(expected);
    const png = await pdfToPng(pdf);
    await keepTestOutput('support-answer.png', png);
    assertNotBlank(png);
    expect((await fetch(`${files}/requests/${r.id}/answer.pdf`)).status).toBe(404);

    await move(r.id, 'CLOSED');
    const FEEDBACK = 'mutation($id: ID!) { recordSupportSatisfaction(requestId: $id, input: { score: 4, comment: "Une seule réponse, claire." }) { satisfactionScore satisfactionComment } }';
    expect((await t.gql(FEEDBACK, { id: r.id }, TOKENS.expert)).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await ok(FEEDBACK, { id: r.id }, TOKENS.funder)).recordSupportSatisfaction).toEqual({ satisfactionScore: 4, satisfactionComment: 'Une seule réponse, claire.' });
    expect((await t.gql(FEEDBACK, { id: r.id }, TOKENS.funder)).errors[0].extensions.code).toBe('CONFLICT');
  }, 60_000);

  it('writes a referral letter for a redirected request', async () => {
    const communeId = (await t.gql('{ communes(first: 1) { edges { node { id } } } }')).data.communes.edges[0].node.id;
    const { receiveSupportRequest: r } = await ok(
      'mutation($input: ReceiveSupportRequestInput!) { receiveSupportRequest(input: $input) { id } }',
      {
        input: {
          title: 'Boutique de téléphonie',
          holderName: 'Marc Dupuis',
          intakeChannel: 'WEB_FORM',
          stage: 'CREATION',
          technicalNeed: true,
          sector: 'commerce-equitable',
          communeId,
          consentToShare: true,
        },
      },
      TOKENS.funder,
    );
    await move(r.id, 'QUALIFIED');
    await ok(
      'mutation($id: ID!, $to: ID!) { recordPosition(requestId: $id, input: { kind: REDIRECTS, redirectToId: $to, comment: "projet commercial hors ESS" }) { id } }',
      { id: r.id, to: partners.get('boulogne-developpement')!.id },
      TOKENS.funder,
    );
    await move(r.id, 'REDIRECTED');
    const html = await (await fetch(`${files}/requests/${r.id}/answer.html`, { headers: { authorization: `Bearer ${TOKENS.funder}` } })).text();
    expect(html).toContain('notre orientation');
    expect(html).toContain('vous oriente vers');
    expect(html).not.toContain('Le plan de financement');
  });
});
