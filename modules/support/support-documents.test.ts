import { request as httpRequest } from 'node:http';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TOKENS, type TestApp } from '../../test/harness.js';
import { databaseDigest, personWithToken } from '../../test/people.js';

/*
 * Documents of a support request: sent over HTTP, checked (kind, size, type confirmed by content),
 * stored on disk by the kit, listed with what is still missing, downloaded by whoever sees the request
 * and by nobody else, removed with their bytes. On PGlite, and on PostgreSQL with TEST_DATABASE_URL.
 */

let t: TestApp;
let base: string;
let communeId: string;
let loner: string;
beforeAll(async () => {
  t = await startTestApp({ modules: ['support'], demoScale: { organizations: 40 } });
  base = t.url.replace(/\/graphql$/, '');
  communeId = (await t.gql('{ communes(first: 1) { edges { node { id } } } }')).data.communes.edges[0].node.id;
  loner = (await personWithToken(t, { name: 'Léa Sans Partenaire' })).token;
}, 120_000);
afterAll(async () => t?.close());

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

const RECEIVE = `mutation($input: ReceiveSupportRequestInput!) { receiveSupportRequest(input: $input) { id } }`;
const DOCUMENTS = `query($id: ID!) { supportRequest(id: $id) { id missingDocuments documents { id kind title downloadPath addedAt addedBy { name } addedByPartner { slug } file { name type size sha256 createdAt } request { id } } } }`;

async function aRequest(consentToShare: boolean, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await t.gql(
    RECEIVE,
    {
      input: {
        title: 'Épicerie solidaire de quartier',
        holderName: 'Camille Porteuse',
        intakeChannel: 'PARTNER_OFFICE',
        stage: 'DEVELOPMENT',
        financialNeed: true,
        amountSought: 30_000,
        sector: 'recyclage-reemploi',
        communeId,
        consentToShare,
        ...overrides,
      },
    },
    TOKENS.funder,
  );
  expect(res.errors).toBeUndefined();
  return res.data.receiveSupportRequest.id;
}

async function upload(requestId: string, token: string | null, query: Record<string, string>, body: Buffer, type = 'application/pdf') {
  const res = await fetch(`${base}/files/support/requests/${encodeURIComponent(requestId)}/documents?${new URLSearchParams(query).toString()}`, {
    method: 'POST',
    headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  return { status: res.status, body: (await res.json()) as any };
}

async function download(path: string, token: string | null) {
  const res = await fetch(`${base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), bytes: Buffer.from(await res.arrayBuffer()) };
}

/** Every file kept under the app's FILES_DIR for the support module. */
async function filesOnDisk(): Promise<string[]> {
  const root = join(t.app.gateway.config.filesDir!, 'support');
  const folders = await readdir(root).catch(() => [] as string[]);
  const names = await Promise.all(folders.map(async (f) => (await readdir(join(root, f))).map((n) => `${f}/${n}`)));
  return names.flat().sort();
}

describe('documents of a support request', () => {
  it('attaches a document, lists it with what is still missing, and serves the same bytes', async () => {
    const requestId = await aRequest(true);
    const before = (await t.gql(DOCUMENTS, { id: requestId }, TOKENS.funder)).data.supportRequest;
    expect(before.documents).toEqual([]);
    expect(before.missingDocuments).toEqual(['STATUTES', 'FINANCING_PLAN', 'BUDGET', 'CASH_PLAN', 'ANNUAL_ACCOUNTS', 'GENERAL_ASSEMBLY_MINUTES']);

    const sent = await upload(requestId, TOKENS.funder, { kind: 'BUDGET', name: 'budget 2027.pdf', title: 'Budget prévisionnel 2027' }, PDF);
    expect(sent.status).toBe(200);
    expect(sent.body.document).toMatchObject({ kind: 'BUDGET', title: 'Budget prévisionnel 2027', name: 'budget 2027.pdf', type: 'application/pdf', size: PDF.length });

    const after = (await t.gql(DOCUMENTS, { id: requestId }, TOKENS.funder)).data.supportRequest;
    expect(after.missingDocuments).toEqual(['STATUTES', 'FINANCING_PLAN', 'CASH_PLAN', 'ANNUAL_ACCOUNTS', 'GENERAL_ASSEMBLY_MINUTES']);
    expect(after.documents).toHaveLength(1);
    const [document] = after.documents;
    expect(document).toMatchObject({ id: sent.body.document.id, kind: 'BUDGET', addedByPartner: { slug: 'conseil-regional' }, addedBy: { name: expect.any(String) }, request: { id: requestId } });
    expect(document.file).toMatchObject({ name: 'budget 2027.pdf', type: 'application/pdf', size: PDF.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(document.downloadPath).toBe(`/files/support/documents/${document.id}`);
    expect((await t.gql('query($id: ID!) { node(id: $id) { id ... on SupportDocument { kind } } }', { id: document.id }, TOKENS.expert)).data.node).toEqual({ id: document.id, kind: 'BUDGET' });

    const got = await download(document.downloadPath, TOKENS.expert); // another partner: the holder consented to share
    expect(got.status).toBe(200);
    expect(got.type).toBe('application/pdf');
    expect(got.disposition).toContain('attachment');
    expect(got.bytes.equals(PDF)).toBe(true);
  });

  it('refuses a bad kind, title, name, type or size with its field, and keeps nothing of it', async () => {
    const requestId = await aRequest(true);
    const digest = await databaseDigest(t);
    const files = await filesOnDisk();
    const cases: [Record<string, string>, Buffer, string, number, string, string][] = [
      [{ kind: 'LETTRE', name: 'a.pdf' }, PDF, 'application/pdf', 400, 'BAD_USER_INPUT', 'kind'],
      [{ kind: 'BUDGET' }, PDF, 'application/pdf', 400, 'BAD_USER_INPUT', 'name'],
      [{ kind: 'BUDGET', name: 'a.pdf', title: 'x'.repeat(201) }, PDF, 'application/pdf', 400, 'BAD_USER_INPUT', 'title'],
      [{ kind: 'BUDGET', name: 'image.pdf' }, PNG, 'application/pdf', 400, 'BAD_USER_INPUT', 'file'], // the content contradicts the declared type
      [{ kind: 'BUDGET', name: 'notes.txt' }, Buffer.from('quelques notes'), 'text/plain', 400, 'BAD_USER_INPUT', 'file'], // a type not accepted
      [{ kind: 'BUDGET', name: 'vide.pdf' }, Buffer.alloc(0), 'application/pdf', 400, 'BAD_USER_INPUT', 'file'],
      [{ kind: 'BUDGET', name: 'exe.pdf' }, Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]), 'application/pdf', 400, 'BAD_USER_INPUT', 'file'],
    ];
    for (const [query, body, type, status, code, field] of cases) {
      const res = await upload(requestId, TOKENS.funder, query, body, type);
      expect({ query, status: res.status, code: res.body.error?.code, field: res.body.error?.field }).toEqual({ query, status, code, field });
      expect(res.body.error.message).toMatch(/[a-zé]/); // a French sentence, not a stack
    }
    const tooLarge = await upload(requestId, TOKENS.funder, { kind: 'BUDGET', name: 'gros.pdf' }, Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]));
    expect([tooLarge.status, tooLarge.body.error.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    expect(await databaseDigest(t)).toBe(digest);
    expect(await filesOnDisk()).toEqual(files);
  });

  it('lets only those who see and may change the request attach a document', async () => {
    const hidden = await aRequest(false);
    const digest = await databaseDigest(t);
    for (const [token, status, code] of [
      [null, 401, 'UNAUTHENTICATED'],
      [loner, 403, 'FORBIDDEN'],
      [TOKENS.expert, 404, 'NOT_FOUND'], // the holder did not consent: the expert's partner does not see the request
    ] as const) {
      const res = await upload(hidden, token, { kind: 'STATUTES', name: 'statuts.pdf' }, PDF);
      expect([res.status, res.body.error?.code], String(token)).toEqual([status, code]);
    }
    expect(await databaseDigest(t)).toBe(digest);
  });

  it('shows the documents of a request kept from other partners to nobody else, on every path', async () => {
    const hidden = await aRequest(false);
    const sent = await upload(hidden, TOKENS.funder, { kind: 'STATUTES', name: 'statuts.pdf' }, PDF);
    expect(sent.status).toBe(200);
    const { id, downloadPath } = sent.body.document;
    for (const [token, sees] of [
      [TOKENS.funder, true],
      [TOKENS.admin, true],
      [TOKENS.expert, false],
      [loner, false],
      [null, false],
    ] as const) {
      const node = await t.gql('query($id: ID!) { node(id: $id) { id } nodes(ids: [$id]) { id } }', { id }, token);
      expect(node.data.node?.id ?? null, String(token)).toBe(sees ? id : null);
      expect(node.data.nodes[0]?.id ?? null).toBe(sees ? id : null);
      const got = await download(downloadPath, token);
      expect(got.status, String(token)).toBe(sees ? 200 : token === null ? 401 : token === loner ? 403 : 404);
      if (sees) expect(got.bytes.equals(PDF)).toBe(true);
      else expect(got.bytes.includes(Buffer.from('%PDF'))).toBe(false);
    }
  });

  it('removes a document and its bytes for its partner, not for another one', async () => {
    const requestId = await aRequest(true);
    const sent = await upload(requestId, TOKENS.funder, { kind: 'CASH_PLAN', name: 'tresorerie.png' }, PNG, 'image/png');
    expect(sent.status).toBe(200);
    const { id, downloadPath } = sent.body.document;
    const REMOVE = 'mutation($id: ID!) { removeSupportDocument(id: $id) }';
    const files = await filesOnDisk();

    const refused = await t.gql(REMOVE, { id }, TOKENS.expert);
    expect(refused.errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await download(downloadPath, TOKENS.expert)).status).toBe(200);

    const removed = await t.gql(REMOVE, { id }, TOKENS.funder);
    expect(removed.errors).toBeUndefined();
    expect(removed.data.removeSupportDocument).toBe(true);
    expect((await download(downloadPath, TOKENS.funder)).status).toBe(404);
    expect((await t.gql(DOCUMENTS, { id: requestId }, TOKENS.funder)).data.supportRequest.documents).toEqual([]);
    await t.app.gateway.events.idle();
    expect((await filesOnDisk()).length).toBe(files.length - 1);
    expect((await t.gql(REMOVE, { id }, TOKENS.funder)).errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('reads a page of requests with their documents and what they miss in as many statements for 5 as for 30', async () => {
    for (let i = 0; i < 30; i++) {
      const requestId = await aRequest(true, { title: `Projet ${i}` });
      if (i % 2 === 0) expect((await upload(requestId, TOKENS.funder, { kind: 'BUDGET', name: `budget ${i}.pdf` }, PDF)).status).toBe(200);
    }
    const query = 'query($first: Int) { supportRequests(first: $first) { edges { node { id missingDocuments documents { kind file { name size } addedBy { name } } } } } }';
    const counts: number[] = [];
    for (const first of [5, 30]) {
      t.resetSql();
      const res = await t.gql(query, { first }, TOKENS.funder);
      expect(res.errors).toBeUndefined();
      expect(res.data.supportRequests.edges).toHaveLength(first);
      expect(res.data.supportRequests.edges.some((e: any) => e.node.documents.length === 1 && !e.node.missingDocuments.includes('BUDGET'))).toBe(true);
      counts.push(t.sql.length);
    }
    expect(counts[1]).toBe(counts[0]);
  });

  it('keeps a name under an extension of the type its content has, without the characters that disguise it', async () => {
    const requestId = await aRequest(true);
    const script = await upload(requestId, TOKENS.funder, { kind: 'OTHER', name: 'facture.hta' }, Buffer.from('<html><script>alert(1)</script></html>'), 'text/csv');
    expect([script.status, script.body.document.name, script.body.document.type]).toEqual([200, 'facture.hta.csv', 'text/csv']);
    const got = await download(script.body.document.downloadPath, TOKENS.expert);
    expect(got.disposition).toContain('filename="facture.hta.csv"');
    const disguised = await upload(requestId, TOKENS.funder, { kind: 'OTHER', name: 'facture\u202Efdp.exe' }, PDF);
    expect(disguised.body.document.name).toBe('facturefdp.exe.pdf');
    const kept = await upload(requestId, TOKENS.funder, { kind: 'OTHER', name: 'Comptes 2025.PDF' }, PDF, 'application/octet-stream'); // "some bytes": the content decides
    expect([kept.status, kept.body.document.name, kept.body.document.type]).toEqual([200, 'Comptes 2025.PDF', 'application/pdf']);
    for (const name of ['..', '.']) expect((await upload(requestId, TOKENS.funder, { kind: 'OTHER', name }, PDF)).body.error.field).toBe('file');
    const multipart = await upload(
      requestId,
      TOKENS.funder,
      { kind: 'OTHER', name: 'budget.pdf' },
      Buffer.from('--x\r\ncontent-disposition: form-data\r\n\r\n%PDF-1.4\r\n--x--'),
      'multipart/form-data; boundary=x',
    );
    expect(multipart.body.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file', message: expect.stringContaining('multipart/form-data') });
  });

  it('answers an anonymous upload before reading its body, and closes the connection of one too large', async () => {
    const requestId = await aRequest(true);
    const { port } = new URL(base);
    const answer = (headers: Record<string, string | number>) =>
      new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: `/files/support/requests/${encodeURIComponent(requestId)}/documents?kind=BUDGET&name=a.pdf`, headers });
        req.on('response', (res) => {
          res.resume();
          resolve({ status: res.statusCode!, connection: res.headers.connection });
          req.destroy();
        });
        req.on('error', reject);
        req.flushHeaders(); // the 10 MiB announced are never sent: only an answer given before reading them arrives
        setTimeout(() => reject(new Error('no answer before the body')), 5_000).unref();
      });
    expect(await answer({ 'content-type': 'application/pdf', 'content-length': 10 * 1024 * 1024 })).toMatchObject({ status: 401 });
    expect(await answer({ 'content-type': 'application/pdf', 'content-length': 50 * 1024 * 1024, authorization: `Bearer ${TOKENS.funder}` })).toEqual({ status: 413, connection: 'close' });
  });

  it('keeps the documents of a request once it is withdrawn, and asks for no more', async () => {
    const requestId = await aRequest(true);
    const sent = await upload(requestId, TOKENS.funder, { kind: 'BUDGET', name: 'budget.pdf' }, PDF);
    const withdrawn = await t.gql('mutation($id: ID!) { changeSupportRequestStatus(id: $id, status: WITHDRAWN, reason: "Le porteur renonce") { status } }', { id: requestId }, TOKENS.funder);
    expect(withdrawn.errors).toBeUndefined();
    const removed = await t.gql('mutation($id: ID!) { removeSupportDocument(id: $id) }', { id: sent.body.document.id }, TOKENS.funder);
    expect(removed.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(removed.errors[0].message).toContain('retirée par le porteur');
    const after = (await t.gql(DOCUMENTS, { id: requestId }, TOKENS.funder)).data.supportRequest;
    expect([after.documents.length, after.missingDocuments]).toEqual([1, []]);
    const refused = await upload(requestId, TOKENS.funder, { kind: 'STATUTES', name: 'statuts.pdf' }, PDF);
    expect([refused.status, refused.body.error.field]).toEqual([400, 'requestId']);
  });
});
