import { createHash } from 'node:crypto';
import { existsSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { AppError, FileType, StoredFile, defineModule, deleteStoredFile, readStoredFile, storeFile, toCsv, toXlsx, type Context } from '../server/kit/index.js';
import { Viewer } from '../server/auth.js';
import { removeStaleIncoming } from '../server/kit/files.js';
import { ALL_MODULES } from '../modules/index.js';
import { startTestApp, TOKENS, type TestApp } from './harness.js';

/*
 * Stored files (server/kit/files.ts): a type confirmed by content, size and hash recorded, bytes under
 * FILES_DIR/<module>/<sha prefix>/<id>, refusals that write nothing, rollback and deletion that remove
 * the bytes, and a route streaming a file back.
 */

const ALL_TYPES = Object.values(FileType);

@Resolver()
class ProbeStoreResolver {
  @Query(() => StoredFile, { nullable: true, description: 'A stored file by key (test probe).' })
  async probeStoredFile(@Arg('id', () => String, { description: 'Its key.' }) id: string, @Ctx() ctx: Context): Promise<StoredFile | null> {
    return ctx.em.findOne(StoredFile, { id });
  }
}

const probe = defineModule({
  name: 'probe-store',
  description: 'Test probe for stored files.',
  dependsOn: ['accounts'],
  entities: [],
  resolvers: [ProbeStoreResolver],
  routes: [
    {
      method: 'POST',
      path: '/upload',
      maxBytes: 2 * 1_048_576,
      handle: async (ctx, request) => {
        const file = await storeFile(ctx, { module: 'probe-store', name: request.query.name ?? '', type: request.contentType, bytes: request.body!, maxBytes: 1_048_576, allowedTypes: ALL_TYPES });
        return { contentType: 'application/json', body: JSON.stringify({ id: file.id, type: file.type, size: file.size }) };
      },
    },
    {
      method: 'GET',
      path: '/stored/:id',
      handle: async (ctx, request) => {
        const content = await readStoredFile(ctx, request.params.id!);
        return content && { contentType: content.file.type, body: content.stream, length: content.file.size, filename: content.file.name };
      },
    },
  ],
});

/** A zip whose entries are stored uncompressed, in order (enough for the sniffing under test). */
function zip(entries: [string, string][]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const data = Buffer.from(text);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt32LE(crc32(data), 16);
    header.writeUInt32LE(data.length, 20);
    header.writeUInt32LE(data.length, 24);
    header.writeUInt16LE(nameBytes.length, 28);
    header.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    central.push(header, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const SAMPLES: [string, Buffer, FileType][] = [
  ['Statuts.pdf', PDF, FileType.pdf],
  ['Logo.png', PNG, FileType.png],
  ['Photo.jpg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF\0 données')]), FileType.jpeg],
  [
    'Lettre.docx',
    zip([
      ['[Content_Types].xml', '<Types/>'],
      ['_rels/.rels', '<Relationships/>'],
      ['word/document.xml', '<w:document/>'],
    ]),
    FileType.docx,
  ],
  ['Compte.xlsx', Buffer.from(await toXlsx('Compte', [{ header: 'Poste', value: (r: { p: string }) => r.p }], [{ p: 'Loyer' }])), FileType.xlsx],
  [
    'Note.odt',
    zip([
      ['mimetype', FileType.odt],
      ['content.xml', '<office:document-content/>'],
    ]),
    FileType.odt,
  ],
  ['Liste.csv', Buffer.from(toCsv([{ header: 'Nom', value: (r: { n: string }) => r.n }], [{ n: 'Élise' }])), FileType.csv],
  ['Lisez-moi.txt', Buffer.from('Bonjour, voici le dossier.\r\nÀ bientôt.\n'), FileType.txt],
];

let t: TestApp;
let ctx: Context;
let filesDir: string;
beforeAll(async () => {
  t = await startTestApp({ modules: ['probe-store'], available: [...ALL_MODULES, probe] });
  filesDir = t.app.gateway.config.filesDir!;
  const viewer = await t.app.gateway.modules.find((m) => m.authenticate)!.authenticate!(t.app.gateway.orm.em.fork() as SqlEntityManager, TOKENS.funder);
  ctx = t.app.contextFor(viewer!);
});
afterAll(async () => t?.close());

const fresh = () => t.app.contextFor(ctx.viewer);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const rows = () => (t.app.gateway.orm.em.fork() as SqlEntityManager).count(StoredFile, {});

/** The files under FILES_DIR (not the folder of files being received), relative to it. */
function filesOnDisk(dir = filesDir): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesOnDisk(join(dir, e.name)) : [relative(filesDir, join(dir, e.name))]));
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The AppError `work` throws: its code, field and message. */
async function refusal(work: Promise<unknown>): Promise<{ code: unknown; field: unknown; message: string }> {
  const err = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  const { extensions, message } = err as AppError;
  return { code: extensions.code, field: extensions.field, message };
}

describe('storing', () => {
  it.each(SAMPLES)('recognizes %s by its content, records it and streams it back', async (name, bytes, type) => {
    const file = await storeFile(fresh(), { module: 'probe-store', name, type, bytes, maxBytes: 1_048_576, allowedTypes: ALL_TYPES });
    expect(file).toMatchObject({ module: 'probe-store', name, type, size: bytes.length, sha256: sha256(bytes), createdBy: ctx.viewer.personId });
    expect(existsSync(join(filesDir, 'probe-store', file.sha256.slice(0, 2), file.id))).toBe(true);
    const content = await readStoredFile(fresh(), file.id);
    expect(content!.file).toMatchObject({ id: file.id, name, type, size: bytes.length });
    expect((await readAll(content!.stream)).equals(bytes)).toBe(true);
    const shown = await t.gql('query($id: String!) { probeStoredFile(id: $id) { name type size sha256 createdAt } }', { id: file.id });
    expect(shown.data.probeStoredFile).toEqual({ name, type, size: bytes.length, sha256: file.sha256, createdAt: file.createdAt.toISOString() });
  });

  it('takes a stream, detects the type when none is declared, and keeps only the last segment of the name', async () => {
    const stream = Readable.from([PDF.subarray(0, 3), PDF.subarray(3, 20), PDF.subarray(20)]);
    const file = await storeFile(fresh(), { module: 'probe-store', name: '..\\..//etc/Rapport\u0007.pdf', stream, maxBytes: 1_048_576, allowedTypes: [FileType.pdf] });
    expect(file).toMatchObject({ name: 'Rapport.pdf', type: FileType.pdf, size: PDF.length, sha256: sha256(PDF) });
    const text = await storeFile(fresh(), { module: 'probe-store', name: 'export.CSV', bytes: Buffer.from('a;b\n1;2\n'), maxBytes: 100, allowedTypes: [FileType.csv] });
    expect(text.type).toBe(FileType.csv); // text shows no signature: the name decides between CSV and plain text
    expect((await storeFile(fresh(), { module: 'probe-store', name: 'x.pdf', type: 'application/x-pdf', bytes: PDF, maxBytes: 1000, allowedTypes: [FileType.pdf] })).type).toBe(FileType.pdf);
  });
});

describe('refusing, writing nothing', () => {
  it('refuses too large a file, empty ones, a type not allowed and content that contradicts its type, naming the field in French', async () => {
    const before = { rows: await rows(), files: filesOnDisk() };
    const big = Readable.from(
      (function* () {
        for (let i = 0; i < 40; i++) yield Buffer.alloc(64 * 1024, 'a');
      })(),
    );
    expect(await refusal(storeFile(fresh(), { module: 'probe-store', name: 'Gros.txt', stream: big, maxBytes: 1_048_576, allowedTypes: ALL_TYPES, field: 'input.attachment' }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.attachment',
      message: 'Le fichier « Gros.txt » dépasse la taille maximale de 1 Mo.',
    });
    expect(await refusal(storeFile(fresh(), { module: 'probe-store', name: 'Vide.txt', bytes: Buffer.alloc(0), maxBytes: 100, allowedTypes: ALL_TYPES }))).toMatchObject({
      field: 'file',
      message: 'Le fichier « Vide.txt » est vide.',
    });
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)]);
    expect(
      (await refusal(storeFile(fresh(), { module: 'probe-store', name: 'Facture.pdf', type: 'application/pdf', bytes: exe, maxBytes: 1000, allowedTypes: [FileType.pdf, FileType.png] }))).message,
    ).toBe('Le fichier « Facture.pdf » n’est pas d’un type accepté (PDF, PNG).');
    expect((await refusal(storeFile(fresh(), { module: 'probe-store', name: 'Logo.png', bytes: PNG, maxBytes: 1000, allowedTypes: [FileType.pdf] }))).message).toBe(
      'Le fichier « Logo.png » n’est pas d’un type accepté (PDF).',
    );
    expect((await refusal(storeFile(fresh(), { module: 'probe-store', name: 'Logo.pdf', type: 'application/pdf', bytes: PNG, maxBytes: 1000, allowedTypes: ALL_TYPES }))).message).toBe(
      'Le contenu du fichier « Logo.pdf » ne correspond pas à son type déclaré (application/pdf) : c’est un fichier PNG.',
    );
    const otherZip = zip([
      ['mimetype', 'application/vnd.oasis.opendocument.spreadsheet'],
      ['content.xml', '<x/>'],
    ]);
    expect((await refusal(storeFile(fresh(), { module: 'probe-store', name: 'Tableau.ods', bytes: otherZip, maxBytes: 10_000, allowedTypes: ALL_TYPES }))).field).toBe('file');
    expect((await refusal(storeFile(fresh(), { module: 'probe-store', name: '/', bytes: PDF, maxBytes: 1000, allowedTypes: ALL_TYPES }))).message).toBe(
      'Le nom du fichier doit compter de 1 à 255 caractères.',
    );
    expect({ rows: await rows(), files: filesOnDisk() }).toEqual(before);
  });

  it('removes the bytes when the transaction that stored them rolls back', async () => {
    const before = { rows: await rows(), files: filesOnDisk() };
    const c = fresh();
    await expect(
      c.transaction(async (tx) => {
        await storeFile(tx, { module: 'probe-store', name: 'Annulé.pdf', bytes: PDF, maxBytes: 1000, allowedTypes: [FileType.pdf] });
        expect(filesOnDisk().length).toBe(before.files.length + 1);
        throw new Error('annulé');
      }),
    ).rejects.toThrow('annulé');
    expect({ rows: await rows(), files: filesOnDisk() }).toEqual(before);
  });

  it('refuses a module that is not enabled, and says when no folder is configured', async () => {
    await expect(storeFile(fresh(), { module: 'no-such-module', name: 'a.txt', bytes: Buffer.from('a'), maxBytes: 10, allowedTypes: ALL_TYPES })).rejects.toThrow(/not an enabled module/);
    const bare = await startTestApp({ modules: ['platform'], config: { filesDir: null } });
    try {
      const err = await refusal(storeFile(bare.app.contextFor(Viewer.system()), { module: 'platform', name: 'a.txt', bytes: Buffer.from('a'), maxBytes: 10, allowedTypes: ALL_TYPES }));
      expect(err).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: 'Le stockage des fichiers n’est pas configuré sur ce serveur (FILES_DIR).' });
    } finally {
      await bare.close();
    }
  });
});

describe('cleaning up', () => {
  it('removes, at start, what a crash left of uploads once it is a day old', async () => {
    const incoming = join(filesDir, '.incoming');
    writeFileSync(join(incoming, 'old'), 'a');
    writeFileSync(join(incoming, 'new'), 'b');
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    utimesSync(join(incoming, 'old'), twoDaysAgo, twoDaysAgo);
    expect(await removeStaleIncoming(filesDir)).toBe(1);
    expect(readdirSync(incoming)).toEqual(['new']);
    expect(await removeStaleIncoming(null)).toBe(0);
    rmSync(join(incoming, 'new'));
  });
});

describe('deleting', () => {
  it('removes the row and, once committed, the bytes', async () => {
    const file = await storeFile(fresh(), { module: 'probe-store', name: 'Ancien.txt', bytes: Buffer.from('ancien'), maxBytes: 100, allowedTypes: [FileType.txt] });
    const path = join(filesDir, 'probe-store', file.sha256.slice(0, 2), file.id);
    expect(existsSync(path)).toBe(true);
    expect(await deleteStoredFile(fresh(), file.id)).toBe(true);
    expect(existsSync(path)).toBe(false);
    expect(await readStoredFile(fresh(), file.id)).toBeNull();
    expect(await deleteStoredFile(fresh(), file.id)).toBe(false);
  });
});

describe('through a route', () => {
  it('uploads, refuses with the field, and streams a file back with its length and name', async () => {
    const base = t.url.replace(/\/graphql$/, '/files/probe-store');
    const up = await fetch(`${base}/upload?name=${encodeURIComponent('Statuts signés.pdf')}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKENS.funder}`, 'content-type': 'application/pdf' },
      body: PDF,
    });
    expect(up.status).toBe(200);
    const { id, type, size } = (await up.json()) as { id: string; type: string; size: number };
    expect({ type, size }).toEqual({ type: FileType.pdf, size: PDF.length });
    const wrong = await fetch(`${base}/upload?name=x.pdf`, { method: 'POST', headers: { authorization: `Bearer ${TOKENS.funder}`, 'content-type': 'application/pdf' }, body: PNG });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: { field: string } }).error.field).toBe('file');
    const down = await fetch(`${base}/stored/${id}`, { headers: { authorization: `Bearer ${TOKENS.funder}` } });
    expect(down.status).toBe(200);
    expect(down.headers.get('content-type')).toBe(FileType.pdf);
    expect(down.headers.get('content-length')).toBe(String(PDF.length));
    expect(down.headers.get('content-disposition')).toContain('attachment');
    expect(Buffer.from(await down.arrayBuffer()).equals(PDF)).toBe(true);
    expect((await fetch(`${base}/stored/00000000-0000-4000-8000-000000000000`, { headers: { authorization: `Bearer ${TOKENS.funder}` } })).status).toBe(404);
  });
});
