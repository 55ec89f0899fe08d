import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createWriteStream } from 'node:fs';
import { Context, contextOf, type Transaction } from '../context.js';
import { badInput, serviceUnavailable } from '../errors.js';
import { StoredFile } from './stored-file.entity.js';

/*
 * Stored files: bytes a module keeps (an attachment of a support request, a signed letter), checked
 * before anything is kept (size, and a type its first bytes confirm), written under FILES_DIR and
 * recorded in `stored_file` in the caller's transaction. A refused file leaves nothing; a transaction
 * that rolls back removes the bytes it stored. Several processes on one PostgreSQL need one shared FILES_DIR.
 */

/** The types the kit recognizes from content, by their usual extension. */
export const FileType = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  csv: 'text/csv',
  txt: 'text/plain',
} as const;
export type FileType = (typeof FileType)[keyof typeof FileType];

const LABELS: Record<FileType, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (.docx)',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel (.xlsx)',
  'application/vnd.oasis.opendocument.text': 'OpenDocument texte (.odt)',
  'text/csv': 'CSV',
  'text/plain': 'texte',
};

/** The extensions a file of each type may bear; the first is given to a name that has none of them. */
const EXTENSIONS: Record<FileType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'text/csv': ['csv'],
  'text/plain': ['txt'],
};

/** Other names browsers and tools give the same types. */
const ALIASES: Record<string, FileType> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'application/x-pdf': 'application/pdf',
  'application/csv': 'text/csv',
  'text/comma-separated-values': 'text/csv',
};

export interface StoreFileInput {
  /** The module storing it (an enabled module's name): its folder on disk. */
  module: string;
  /** The file's name as the person gave it (only its last segment is kept). */
  name: string;
  /** The declared type (e.g. an upload's Content-Type); the content must confirm it. Omitted: what the content shows. */
  type?: string | null;
  /** The content, whole or as a stream (read once, never held whole in memory). */
  bytes?: Uint8Array;
  stream?: Readable;
  /** The largest size accepted, in bytes. */
  maxBytes: number;
  /** The types accepted (FileType values). */
  allowedTypes: readonly FileType[];
  /** The input field refusals name (default 'file'). */
  field?: string;
}

/** A stored file's row and its bytes, to stream (e.g. as a route's `body`). */
export interface StoredFileContent {
  file: StoredFile;
  stream: Readable;
}

const HEAD_BYTES = 4096;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

class TooLarge extends Error {}

/**
 * Checks and keeps a file: too large, empty, of a type not allowed, or whose content contradicts its
 * declared type, it is refused with `badInput(field, French message)` and nothing is written. Inside a
 * transaction (`tx`, or a `ctx` in one) the row is written there and the bytes removed if it rolls back.
 */
export async function storeFile(ctxOrTx: Context | Transaction, input: StoreFileInput): Promise<StoredFile> {
  const ctx = ctxOrTx instanceof Context ? ctxOrTx : contextOf(ctxOrTx);
  const root = filesRoot(ctx);
  if (!ctx.gateway.modules.some((m) => m.name === input.module)) throw new Error(`storeFile: "${input.module}" is not an enabled module`);
  if ((input.bytes === undefined) === (input.stream === undefined)) throw new Error('storeFile: give exactly one of bytes and stream');
  const field = input.field ?? 'file';
  const name = cleanName(input.name);
  if (name.length === 0 || name.length > 255) throw badInput(field, 'Le nom du fichier doit compter de 1 à 255 caractères.');

  await mkdir(join(root, '.incoming'), { recursive: true });
  const incoming = join(root, '.incoming', randomUUID());
  let moved = false;
  try {
    const { size, sha256, head } = await receive(input.stream ?? Readable.from([input.bytes!]), incoming, input.maxBytes, name, field);
    if (size === 0) throw badInput(field, `Le fichier « ${name} » est vide.`);
    const type = await checkedType(incoming, size, head, name, input, field);
    // Kept under an extension of the type its content has: a text declared as CSV and named "x.hta" or
    // "x.html" is handed to others' browsers as "x.hta.csv", never as something their system would run.
    const kept = withExtension(name, type);
    const file = Object.assign(new StoredFile(), { module: input.module, name: kept, type, size, sha256, createdBy: ctx.viewer.personId });
    const path = pathOf(root, file);
    await mkdir(join(path, '..'), { recursive: true });
    await rename(incoming, path);
    moved = true;
    try {
      const record = async (tx: Transaction) => {
        tx.afterRollback(() => rm(path, { force: true }));
        await tx.em.insert(StoredFile, file);
        return file;
      };
      return await (ctxOrTx instanceof Context ? ctxOrTx.transaction(record) : record(ctxOrTx));
    } catch (err) {
      await rm(path, { force: true });
      throw err;
    }
  } finally {
    if (!moved) await rm(incoming, { force: true });
  }
}

/** The file's row and a stream of its bytes; null when there is no such file. Check the reader's right first. */
export async function readStoredFile(ctx: Context, id: string): Promise<StoredFileContent | null> {
  if (!UUID.test(id)) return null;
  const file = await ctx.em.findOne(StoredFile, { id });
  if (!file) return null;
  const handle = await open(pathOf(filesRoot(ctx), file), 'r'); // a missing file fails here, before any answer starts
  return { file, stream: handle.createReadStream() };
}

/** Deletes the file's row (in the transaction) and its bytes once committed; false when there was none. */
export async function deleteStoredFile(ctxOrTx: Context | Transaction, id: string): Promise<boolean> {
  const ctx = ctxOrTx instanceof Context ? ctxOrTx : contextOf(ctxOrTx);
  const root = filesRoot(ctx);
  if (!UUID.test(id)) return false;
  const remove = async (tx: Transaction): Promise<boolean> => {
    const file = await tx.em.findOne(StoredFile, { id });
    if (!file) return false;
    await tx.em.nativeDelete(StoredFile, { id });
    tx.afterCommit(() => rm(pathOf(root, file), { force: true })); // an error is logged: the row is gone, the bytes stay
    return true;
  };
  return ctxOrTx instanceof Context ? ctxOrTx.transaction(remove) : remove(ctxOrTx);
}

/**
 * At start (server/app.ts): removes what uploads cut short by a crash left in FILES_DIR's folder of files
 * being received, once older than a day (another process sharing the folder may be receiving one now).
 */
export async function removeStaleIncoming(root: string | null | undefined, olderThanMs = 86_400_000): Promise<number> {
  if (!root) return 0;
  const folder = join(root, '.incoming');
  const names = await readdir(folder).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    const path = join(folder, name);
    const info = await stat(path).catch(() => null);
    if (info && Date.now() - info.mtimeMs > olderThanMs) {
      await rm(path, { force: true, recursive: true });
      removed++;
    }
  }
  return removed;
}

function filesRoot(ctx: Context): string {
  const root = ctx.gateway.config.filesDir;
  if (!root) throw serviceUnavailable('Le stockage des fichiers n’est pas configuré sur ce serveur (FILES_DIR).');
  return root;
}

/** `<root>/<module>/<first two hex digits of the sha256>/<id>`. */
function pathOf(root: string, file: StoredFile): string {
  return join(root, file.module, file.sha256.slice(0, 2), file.id);
}

/**
 * The last segment of a path, without control characters (C0, C1), line or paragraph separators and
 * the bidirectional controls that make "facture\u202Efdp.exe" read "factureexe.pdf"; trimmed; "." and
 * ".." give nothing.
 */
function cleanName(name: string): string {
  const last = (name.split(/[\\/]/).pop() ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .trim();
  return /^\.+$/.test(last) ? '' : last;
}

/** `name` if it ends with an extension of `type`, else `name` with the type's first extension added. */
function withExtension(name: string, type: FileType): string {
  const extensions = EXTENSIONS[type];
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (extensions.includes(extension)) return name;
  const suffix = `.${extensions[0]}`;
  return `${name.slice(0, 255 - suffix.length)}${suffix}`;
}

const sizeText = (bytes: number) => (bytes >= 1_048_576 ? `${(bytes / 1_048_576).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo` : `${Math.ceil(bytes / 1024)} Ko`);

/** Copies `source` to `path`, hashing it and keeping its first bytes; refuses it past `maxBytes`. */
async function receive(source: Readable, path: string, maxBytes: number, name: string, field: string): Promise<{ size: number; sha256: string; head: Buffer }> {
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let size = 0;
  let headSize = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) return done(new TooLarge());
      hash.update(chunk);
      if (headSize < HEAD_BYTES) {
        head.push(chunk.subarray(0, HEAD_BYTES - headSize));
        headSize += Math.min(chunk.length, HEAD_BYTES - headSize);
      }
      done(null, chunk);
    },
  });
  try {
    await pipeline(source, meter, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
  } catch (err) {
    if (err instanceof TooLarge) throw badInput(field, `Le fichier « ${name} » dépasse la taille maximale de ${sizeText(maxBytes)}.`);
    throw err;
  }
  return { size, sha256: hash.digest('hex'), head: Buffer.concat(head) };
}

/** The type the content shows, checked against the allowed ones and the declared one. */
async function checkedType(path: string, size: number, head: Buffer, name: string, input: StoreFileInput, field: string): Promise<FileType> {
  const sniffed = await sniff(path, size, head);
  // "Some bytes" declares nothing: what the content shows decides.
  const declared = input.type && normalized(input.type) !== 'application/octet-stream' ? normalized(input.type) : null;
  if (declared === 'multipart/form-data') {
    throw badInput(
      field,
      `Envoyez le fichier « ${name} » tel quel comme corps de la requête, avec son type en Content-Type (par exemple application/pdf), et non dans un formulaire multipart/form-data.`,
    );
  }
  // Text shows no signature: CSV or plain text is what was declared, else what the name says.
  const detected = sniffed === 'text' ? (declared === FileType.csv || (!declared && /\.csv$/i.test(name)) ? FileType.csv : FileType.txt) : sniffed;
  const allowed = input.allowedTypes.map((t) => LABELS[t]).join(', ');
  if (detected === null || !input.allowedTypes.includes(detected)) throw badInput(field, `Le fichier « ${name} » n’est pas d’un type accepté (${allowed}).`);
  if (declared !== null && declared !== detected)
    throw badInput(field, `Le contenu du fichier « ${name} » ne correspond pas à son type déclaré (${input.type}) : c’est un fichier ${LABELS[detected]}.`);
  return detected;
}

function normalized(type: string): string {
  const bare = type.split(';')[0]!.trim().toLowerCase();
  return ALIASES[bare] ?? bare;
}

const startsWith = (head: Buffer, bytes: number[]) => head.length >= bytes.length && bytes.every((b, i) => head[i] === b);

/** The type of a file from its first bytes (and, for a zip, its directory); 'text' for text; null when unknown. */
async function sniff(path: string, size: number, head: Buffer): Promise<FileType | 'text' | null> {
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return FileType.pdf;
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return FileType.png;
  if (startsWith(head, [0xff, 0xd8, 0xff])) return FileType.jpeg;
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    // OpenDocument: an uncompressed first entry "mimetype" holding the type.
    if (head.toString('latin1', 30, 38) === 'mimetype' && head.toString('latin1', 38, 38 + FileType.odt.length) === FileType.odt) return FileType.odt;
    const names = await zipEntryNames(path, size);
    if (names.includes('[Content_Types].xml') && names.includes('word/document.xml')) return FileType.docx;
    if (names.includes('[Content_Types].xml') && names.includes('xl/workbook.xml')) return FileType.xlsx;
    return null;
  }
  // Text (UTF-8 or a single-byte encoding such as Windows-1252): no control character but tab, line breaks and form feed.
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(head.toString('latin1')) ? null : 'text';
}

/** The entry names of a zip's central directory (empty when it cannot be read). */
async function zipEntryNames(path: string, size: number): Promise<string[]> {
  const file = await open(path, 'r');
  try {
    const tailLength = Math.min(size, 65_557); // the end record (22 bytes) and a comment of at most 65,535
    const tail = Buffer.alloc(tailLength);
    await file.read(tail, 0, tailLength, size - tailLength);
    const end = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (end < 0 || end + 22 > tail.length) return [];
    const count = tail.readUInt16LE(end + 10);
    const directorySize = tail.readUInt32LE(end + 12);
    const directoryOffset = tail.readUInt32LE(end + 16);
    if (directorySize > 16 * 1_048_576 || directoryOffset + directorySize > size) return [];
    const directory = Buffer.alloc(directorySize);
    await file.read(directory, 0, directorySize, directoryOffset);
    const names: string[] = [];
    for (let p = 0, i = 0; i < count && p + 46 <= directory.length && directory.readUInt32LE(p) === 0x02014b50; i++) {
      const nameLength = directory.readUInt16LE(p + 28);
      names.push(directory.toString('utf8', p + 46, p + 46 + nameLength));
      p += 46 + nameLength + directory.readUInt16LE(p + 30) + directory.readUInt16LE(p + 32);
    }
    return names;
  } finally {
    await file.close();
  }
}
