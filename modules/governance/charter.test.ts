import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TOKENS, type TestApp } from '../../test/harness.js';
import { personWithToken } from '../../test/people.js';
import { assertNotBlank, keepTestOutput, pdfText, pdfToPng } from '../../test/render.js';
import { todayInFrance } from '../../server/kit/index.js';
import { AmendmentChangeKind as K } from './charter.entity.js';
import { amendArticles, checkChanges } from './charter.service.js';

/*
 * The partnership charter: the demo's version 1 and who signed it, amendments (proposed, refused input,
 * adopted into a new version, rejected, withdrawn), signatures of the current version against older
 * ones, permissions, the printable charter, and the statement count of the amendments' list.
 */

let t: TestApp;
let files: string;
let partnerIds: Map<string, string>;
let boardId: string;
let loner: string;
beforeAll(async () => {
  t = await startTestApp({ modules: ['governance'], demoScale: { organizations: 40 } });
  files = t.url.replace(/\/graphql$/, '/files/governance');
  const res = await t.gql('{ partners(first: 100) { edges { node { id slug } } } governanceBodies { id kind } }', {}, TOKENS.admin);
  partnerIds = new Map(res.data.partners.edges.map((e: any) => [e.node.slug, e.node.id]));
  boardId = res.data.governanceBodies.find((b: any) => b.kind === 'STEERING_BOARD').id;
  loner = (await personWithToken(t, { name: 'Louise Seule' })).token;
}, 60_000);
afterAll(async () => t?.close());

async function ok(query: string, variables: Record<string, unknown>, token: string): Promise<any> {
  const res = await t.gql(query, variables, token);
  expect(res.errors, query.slice(0, 60)).toBeUndefined();
  return res.data;
}
const error = async (query: string, variables: Record<string, unknown>, token: string | null) => (await t.gql(query, variables, token)).errors?.[0]?.extensions;

const CHARTER = `{ charter { id title currentVersion { number isCurrent decisionReference adoptedBy { kind } articles { number title } }
  versions { number isCurrent signatures { partner { slug } } }
  signatories { partner { slug } signed signature { versionNumber signedOn signatory { name } contributions } earlierSignature { versionNumber } } } }`;
const PROPOSE =
  'mutation($input: ProposeCharterAmendmentInput!) { proposeCharterAmendment(input: $input) { id status partner { slug } proposedBy { name } baseVersion { number } changes { kind articleNumber title } } }';
const ADOPT =
  'mutation($id: ID!, $d: CharterDecisionInput!) { adoptCharterAmendment(id: $id, decision: $d) { status decidedOn decisionReference decidedBy { kind } resultingVersion { number isCurrent summary articles { number title } } } }';
const REJECT = 'mutation($id: ID!, $d: CharterDecisionInput!) { rejectCharterAmendment(id: $id, decision: $d) { status decidedBy { kind } resultingVersion { number } } }';
const SIGN = 'mutation($input: SignCharterInput!) { signCharter(input: $input) { versionNumber signedOn partner { slug } signatory { name } contributions constraints needs } }';
const decision = (reference: string) => ({ bodyId: boardId, decidedOn: todayInFrance(), reference });

describe('amending articles', () => {
  const base = ['Objet', 'Engagements', 'Comité', 'Confidentialité'].map((title) => ({ title, text: `Texte ${title}` }));
  it('replaces, removes and inserts by the numbers of the version amended, then numbers again from 1', () => {
    const result = amendArticles(base, [
      { kind: K.REPLACE, articleNumber: 2, title: 'Engagements réciproques', text: 'Nouveau texte' },
      { kind: K.REMOVE, articleNumber: 3 },
      { kind: K.INSERT, articleNumber: 1, title: 'Préambule', text: 'Préambule' },
      { kind: K.INSERT, articleNumber: 5, title: 'Évaluation', text: 'Bilan annuel' },
      { kind: K.INSERT, articleNumber: 5, title: 'Révision', text: 'Amendements' },
    ]);
    expect(result.map((a) => a.title)).toEqual(['Préambule', 'Objet', 'Engagements réciproques', 'Confidentialité', 'Évaluation', 'Révision']);
    expect(result[2]!.text).toBe('Nouveau texte');
  });

  it('refuses changes naming an article the version lacks, twice the same one, or leaving no article', () => {
    expect(() => checkChanges(4, [{ kind: K.REMOVE, articleNumber: 5 }])).toThrow(/n’existe pas/);
    expect(() => checkChanges(4, [{ kind: K.INSERT, articleNumber: 5, title: 'Fin', text: 'Un texte de fin' }])).not.toThrow();
    expect(() => checkChanges(4, [{ kind: K.INSERT, articleNumber: 6, title: 'Fin', text: 'Un texte de fin' }])).toThrow(/n’existe pas/);
    expect(() =>
      checkChanges(4, [
        { kind: K.REMOVE, articleNumber: 2 },
        { kind: K.REPLACE, articleNumber: 2, title: 'X', text: 'Y' },
      ]),
    ).toThrow(/déjà/);
    expect(() => checkChanges(1, [{ kind: K.REMOVE, articleNumber: 1 }])).toThrow(/au moins un article/);
    expect(() => checkChanges(2, [{ kind: K.REPLACE, articleNumber: 1, title: 'Sans texte' }])).toThrow(/un titre et un texte/);
  });
});

describe('the partnership charter', () => {
  it('shows the demo charter: version 1 of 8 articles adopted by the steering board, signed by most partners', async () => {
    const { charter } = await ok(CHARTER, {}, TOKENS.expert);
    expect(charter.title).toBe('Charte de partenariat de la plate-forme ESS du Boulonnais');
    expect(charter.currentVersion).toMatchObject({ number: 1, isCurrent: true, decisionReference: 'IP-2026-01', adoptedBy: { kind: 'STEERING_BOARD' } });
    expect(charter.currentVersion.articles.map((a: any) => a.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const unsigned = charter.signatories.filter((s: any) => !s.signed).map((s: any) => s.partner.slug);
    expect(unsigned.sort()).toEqual(['apes', 'cigales-nord-pas-de-calais', 'conseil-regional']);
    expect(charter.signatories.length).toBeGreaterThan(20);
    const signed = charter.signatories.find((s: any) => s.signed);
    expect(signed.signature.versionNumber).toBe(1);
    expect(signed.earlierSignature).toBeNull();
    const { charterAmendments } = await ok(
      '{ charterAmendments(first: 10) { totalCount edges { node { status title partner { slug } proposedBy { name } changes { kind articleNumber } } } } }',
      {},
      TOKENS.expert,
    );
    expect(charterAmendments.totalCount).toBe(1);
    expect(charterAmendments.edges[0].node).toMatchObject({
      status: 'PROPOSED',
      partner: { slug: 'conseil-regional' },
      proposedBy: { name: 'Marc Financeur (Conseil Régional)' },
      changes: [{ kind: 'INSERT', articleNumber: 8 }],
    });
  });

  it('is for partners’ people only', async () => {
    expect(await error('{ charter { title } }', {}, null)).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await error('{ charter { title } }', {}, loner)).toMatchObject({ code: 'FORBIDDEN' });
    const { charter } = await ok('{ charter { id } }', {}, TOKENS.expert);
    expect((await t.gql('query($id: ID!) { node(id: $id) { id } }', { id: charter.id }, loner)).data?.node ?? null).toBeNull();
  });

  it('lets a partner’s manager sign the current version, once, with the commitments the partner holds', async () => {
    const input = { partnerId: partnerIds.get('conseil-regional') };
    expect(await error(SIGN, { input: { partnerId: partnerIds.get('apes') } }, TOKENS.expert)).toMatchObject({ code: 'FORBIDDEN' }); // a member, not a manager
    expect(await error(SIGN, { input: { partnerId: partnerIds.get('apes') } }, TOKENS.funder)).toMatchObject({ code: 'FORBIDDEN' }); // another partner
    expect(await error(SIGN, { input: { ...input, signedOn: '2099-01-01' } }, TOKENS.funder)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.signedOn' });
    expect(await error(SIGN, { input: { ...input, signedOn: '2025-12-31' } }, TOKENS.funder)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.signedOn' });
    const { partner } = await ok('query($id: ID!) { partner: node(id: $id) { ... on Partner { contributions constraints needs } } }', { id: input.partnerId }, TOKENS.funder);
    const { signCharter } = await ok(SIGN, { input: { ...input, signedOn: '2026-11-02' } }, TOKENS.funder);
    expect(signCharter).toEqual({ versionNumber: 1, signedOn: '2026-11-02', partner: { slug: 'conseil-regional' }, signatory: { name: 'Marc Financeur (Conseil Régional)' }, ...partner });
    expect(partner.contributions.length).toBeGreaterThan(0);
    expect(await error(SIGN, { input }, TOKENS.funder)).toMatchObject({ code: 'CONFLICT' });
    // An administrator records a paper signature only with its signatory, a manager of the partner.
    expect(await error(SIGN, { input: { partnerId: partnerIds.get('apes') } }, TOKENS.admin)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.signatoryId' });
    const { charter } = await ok('{ charter { signatories(signed: false) { partner { slug } } } }', {}, TOKENS.funder);
    expect(charter.signatories.map((s: any) => s.partner.slug).sort()).toEqual(['apes', 'cigales-nord-pas-de-calais']);
  });

  it('writes the charter once, by an administrator', async () => {
    const CREATE = 'mutation($input: CreateCharterInput!) { createCharter(input: $input) { id } }';
    const input = { title: 'Une autre charte', articles: [{ title: 'Objet', text: 'Un objet quelconque.' }], adoption: decision('IP-X') };
    expect(await error(CREATE, { input }, TOKENS.funder)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await error(CREATE, { input }, TOKENS.admin)).toMatchObject({ code: 'CONFLICT' });
  });

  it('adopts an amendment into a new current version; older signatures stay with their version', async () => {
    const bad = await error(
      PROPOSE,
      { input: { partnerId: partnerIds.get('conseil-regional'), title: 'Hors charte', rationale: 'Un article qui n’existe pas.', changes: [{ kind: 'REMOVE', articleNumber: 12 }] } },
      TOKENS.funder,
    );
    expect(bad).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.changes.0.articleNumber' });
    const asMember = await error(
      PROPOSE,
      { input: { partnerId: partnerIds.get('apes'), title: 'Par un membre', rationale: 'Un membre ne propose pas.', changes: [{ kind: 'REMOVE', articleNumber: 7 }] } },
      TOKENS.expert,
    );
    expect(asMember).toMatchObject({ code: 'FORBIDDEN' });
    const { proposeCharterAmendment: amendment } = await ok(
      PROPOSE,
      {
        input: {
          partnerId: partnerIds.get('conseil-regional'),
          title: 'Un comité technique bimensuel',
          rationale: 'Les demandes attendent trop longtemps entre deux comités.',
          changes: [
            { kind: 'REPLACE', articleNumber: 4, title: 'Le comité technique', text: 'Le comité technique se réunit deux fois par mois, en présentiel ou à distance.' },
            { kind: 'REMOVE', articleNumber: 7 },
            { kind: 'INSERT', articleNumber: 9, title: 'Durée', text: 'La charte est conclue pour une durée de trois ans, renouvelable.' },
          ],
        },
      },
      TOKENS.funder,
    );
    expect(amendment).toMatchObject({ status: 'PROPOSED', partner: { slug: 'conseil-regional' }, proposedBy: { name: 'Marc Financeur (Conseil Régional)' }, baseVersion: { number: 1 } });
    expect(await error(ADOPT, { id: amendment.id, d: { ...decision('IP-2026-05'), decidedOn: '2099-01-01' } }, TOKENS.admin)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'decision.decidedOn' });
    expect(await error(ADOPT, { id: amendment.id, d: decision('IP-2026-05') }, loner)).toMatchObject({ code: 'FORBIDDEN' });
    // The Conseil Régional chairs the technical committee, not the steering board: its manager does not record the board's decisions.
    expect(await error(ADOPT, { id: amendment.id, d: decision('IP-2026-05') }, TOKENS.funder)).toMatchObject({ code: 'FORBIDDEN' });

    const { adoptCharterAmendment: adopted } = await ok(ADOPT, { id: amendment.id, d: decision('IP-2026-05') }, TOKENS.admin);
    expect(adopted).toMatchObject({ status: 'ADOPTED', decidedOn: todayInFrance(), decisionReference: 'IP-2026-05', decidedBy: { kind: 'STEERING_BOARD' } });
    expect(adopted.resultingVersion).toMatchObject({ number: 2, isCurrent: true, summary: 'Amendement adopté : « Un comité technique bimensuel ».' });
    expect(adopted.resultingVersion.articles.map((a: any) => a.title)).toEqual([
      'Objet de la charte',
      'Les engagements des partenaires',
      'Un guichet commun pour les porteurs de projet',
      'Le comité technique',
      'L’instance de pilotage',
      'Confidentialité et protection des données',
      'Adhésion, retrait et révision',
      'Durée',
    ]);
    expect(await error(ADOPT, { id: amendment.id, d: decision('IP-2026-05') }, TOKENS.admin)).toMatchObject({ code: 'CONFLICT' });

    // The demo's amendment was written on version 1: it can no longer be adopted, but it can be rejected.
    const demo = (await ok('{ charterAmendments(filter: { status: PROPOSED }) { edges { node { id } } } }', {}, TOKENS.admin)).charterAmendments.edges[0].node.id;
    expect(await error(ADOPT, { id: demo, d: decision('IP-2026-06') }, TOKENS.admin)).toMatchObject({ code: 'CONFLICT', field: 'id' });
    expect((await ok(REJECT, { id: demo, d: decision('IP-2026-06') }, TOKENS.admin)).rejectCharterAmendment).toEqual({
      status: 'REJECTED',
      decidedBy: { kind: 'STEERING_BOARD' },
      resultingVersion: null,
    });

    // Nobody signed version 2 yet: those who signed version 1 show it as an earlier signature.
    const { charter } = await ok(CHARTER, {}, TOKENS.funder);
    expect(charter.currentVersion.number).toBe(2);
    expect(charter.versions.map((v: any) => [v.number, v.isCurrent])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(charter.signatories.every((s: any) => !s.signed)).toBe(true);
    const region = charter.signatories.find((s: any) => s.partner.slug === 'conseil-regional');
    expect(region).toMatchObject({ signed: false, signature: null, earlierSignature: { versionNumber: 1 } });
    expect(charter.signatories.find((s: any) => s.partner.slug === 'apes')).toMatchObject({ signed: false, earlierSignature: null });
    expect(charter.versions[1].signatures.length).toBe(charter.signatories.length - 2);

    const { signCharter } = await ok(SIGN, { input: { partnerId: partnerIds.get('conseil-regional') } }, TOKENS.funder);
    expect(signCharter.versionNumber).toBe(2);
    const after = (await ok('{ charter { signatories(signed: true) { partner { slug } signature { versionNumber } } } }', {}, TOKENS.funder)).charter.signatories;
    expect(after).toEqual([{ partner: { slug: 'conseil-regional' }, signature: { versionNumber: 2 } }]);
  });

  it('lets the author or the partner’s managers withdraw a proposed amendment, once', async () => {
    const input = { partnerId: partnerIds.get('conseil-regional'), title: 'Un article à retirer', rationale: 'Proposé puis retiré par son auteur.', changes: [{ kind: 'REMOVE', articleNumber: 8 }] };
    const { proposeCharterAmendment: a } = await ok(PROPOSE, { input }, TOKENS.funder);
    const WITHDRAW = 'mutation($id: ID!) { withdrawCharterAmendment(id: $id) { status closedAt decisionRecordedBy { name } } }';
    expect(await error(WITHDRAW, { id: a.id }, TOKENS.expert)).toMatchObject({ code: 'FORBIDDEN' });
    expect((await ok(WITHDRAW, { id: a.id }, TOKENS.funder)).withdrawCharterAmendment).toMatchObject({ status: 'WITHDRAWN', decisionRecordedBy: { name: 'Marc Financeur (Conseil Régional)' } });
    expect(await error(WITHDRAW, { id: a.id }, TOKENS.funder)).toMatchObject({ code: 'CONFLICT' });
    expect(await error(REJECT, { id: a.id, d: decision('IP-X') }, TOKENS.admin)).toMatchObject({ code: 'CONFLICT' });
  });

  it('publishes each change in the charter’s stream, in the transaction', async () => {
    const { charter } = await ok('{ charter { id } }', {}, TOKENS.admin);
    await t.app.gateway.events.idle();
    const key = Buffer.from(charter.id, 'base64url').toString().split(':')[1];
    const rows: { name: string; seq: string }[] = await t.app.gateway.orm.em
      .fork()
      .getConnection()
      .execute(`select name, seq from event where stream = ? order by seq`, [`governance-charter:${key}`]);
    expect(rows.map((r) => r.name)).toEqual([
      'governance.charter-signed',
      'governance.charter-amendment-proposed',
      'governance.charter-amendment-closed',
      'governance.charter-version-adopted',
      'governance.charter-amendment-closed',
      'governance.charter-signed',
      'governance.charter-amendment-proposed',
      'governance.charter-amendment-closed',
    ]);
    expect(rows.map((r) => Number(r.seq))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('is adopted or rejected only by a body whose rule says so (adoptsCharter): not the technical committee, unless an administrator sets it', async () => {
    const BODY = 'query($id: ID!) { governanceBody(id: $id) { adoptsCharter } }';
    const committeeId = (await ok('{ governanceBodies { id kind } }', {}, TOKENS.admin)).governanceBodies.find((b: any) => b.kind === 'TECHNICAL_COMMITTEE').id;
    expect((await ok(BODY, { id: committeeId }, TOKENS.expert)).governanceBody.adoptsCharter).toBe(false);
    expect((await ok(BODY, { id: boardId }, TOKENS.expert)).governanceBody.adoptsCharter).toBe(true);
    const input = { partnerId: partnerIds.get('conseil-regional'), title: 'Par le comité technique', rationale: 'Le comité voudrait décider seul.', changes: [{ kind: 'REMOVE', articleNumber: 8 }] };
    const { proposeCharterAmendment: a } = await ok(PROPOSE, { input }, TOKENS.funder);
    const byCommittee = { bodyId: committeeId, decidedOn: todayInFrance(), reference: 'CT-2026-12' };
    // The demo funder chairs the committee (it runs the body), and an administrator holds every right: the body's rule still refuses.
    for (const token of [TOKENS.funder, TOKENS.admin]) {
      for (const mutation of [ADOPT, REJECT]) {
        const res = await t.gql(mutation, { id: a.id, d: byCommittee }, token);
        expect(res.errors[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'decision.bodyId' });
        expect(res.errors[0].message).toBe(
          'L’instance « Comité technique » n’adopte pas la charte (son réglage adoptsCharter est à non) : la décision revient à une instance qui l’adopte, comme l’instance de pilotage ; un administrateur peut changer ce réglage.',
        );
      }
    }
    // Who does not run the body hears that first (FORBIDDEN), not the body's rule.
    expect(await error(REJECT, { id: a.id, d: byCommittee }, TOKENS.expert)).toMatchObject({ code: 'FORBIDDEN' });
    expect((await ok('query($id: ID!) { node(id: $id) { ... on CharterAmendment { status } } }', { id: a.id }, TOKENS.admin)).node.status).toBe('PROPOSED');

    // Its chair may not give the charter to its own body; an administrator may.
    const UPDATE = 'mutation($id: ID!, $input: UpdateGovernanceBodyInput!) { updateGovernanceBody(id: $id, input: $input) { adoptsCharter } }';
    const byChair = await t.gql(UPDATE, { id: committeeId, input: { adoptsCharter: true } }, TOKENS.funder);
    expect(byChair.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(byChair.errors[0].message).toContain('input.adoptsCharter');
    expect(await error(UPDATE, { id: committeeId, input: { adoptsCharter: null } }, TOKENS.admin)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.adoptsCharter' });
    expect((await ok(UPDATE, { id: committeeId, input: { adoptsCharter: true } }, TOKENS.admin)).updateGovernanceBody.adoptsCharter).toBe(true);
    expect((await ok(REJECT, { id: a.id, d: byCommittee }, TOKENS.funder)).rejectCharterAmendment).toEqual({ status: 'REJECTED', decidedBy: { kind: 'TECHNICAL_COMMITTEE' }, resultingVersion: null });
    expect((await ok(UPDATE, { id: committeeId, input: { adoptsCharter: false } }, TOKENS.admin)).updateGovernanceBody.adoptsCharter).toBe(false);
  });

  it('reads a page of amendments in a constant number of statements, whatever its size', async () => {
    for (let i = 0; i < 4; i++) {
      await ok(
        PROPOSE,
        { input: { partnerId: partnerIds.get('conseil-regional'), title: `Amendement ${i}`, rationale: 'Pour compter les requêtes.', changes: [{ kind: 'REMOVE', articleNumber: 1 + i }] } },
        TOKENS.funder,
      );
    }
    const q =
      'query($first: Int) { charterAmendments(first: $first) { totalCount edges { node { title status partner { name } proposedBy { name } baseVersion { number } changes { kind } decidedBy { name } } } } }';
    await t.gql(q, { first: 1 }, TOKENS.expert);
    const counts: number[] = [];
    for (const first of [1, 7]) {
      t.resetSql();
      const res = await t.gql(q, { first }, TOKENS.expert);
      expect(res.data.charterAmendments.edges.length).toBe(first);
      counts.push(t.sql.length);
    }
    expect(counts[1]).toBe(counts[0]);
    t.resetSql();
    await t.gql('{ charter { signatories { partner { name } signed signature { signatory { name } version { number } } earlierSignature { versionNumber } } } }', {}, TOKENS.expert);
    expect(t.sql.length).toBeLessThanOrEqual(8);
  });

  it('prints the current version with its signatures and commitments (HTML and PDF)', async () => {
    const auth = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
    expect((await fetch(`${files}/charter.html`)).status).toBe(401);
    const html = await (await fetch(`${files}/charter.html`, auth(TOKENS.expert))).text();
    for (const expected of ['Charte de partenariat de la plate-forme ESS du Boulonnais', 'Version 2', 'Article 8 – Durée', 'Marc Financeur (Conseil Régional)', 'N’ont pas encore signé'])
      expect(html).toContain(expected);
    const res = await fetch(`${files}/charter.pdf`, auth(TOKENS.funder));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = new Uint8Array(await res.arrayBuffer());
    await keepTestOutput('governance-charter.pdf', pdf);
    expect(pdfText(pdf)).toContain('Charte de partenariat');
    const png = await pdfToPng(pdf);
    await keepTestOutput('governance-charter.png', png);
    assertNotBlank(png);
  }, 60_000);
});
