import {
  badInput,
  conflict,
  decodeId,
  deleteStoredFile,
  forbidden,
  load,
  MembershipRole,
  notFound,
  readStoredFile,
  storeFile,
  toGlobalId,
  type Context,
  type StoredFileContent,
  type StoredFile,
} from '../../server/kit/index.js';
import { Stage } from '../organizations/index.js';
import { DOCUMENT_LIMITS, SupportDocument } from './support-document.entity.js';
import { SupportRequest } from './support-request.entity.js';
import { DOCUMENT_KIND_LABELS, DocumentKind, FINAL_STATUSES, SUPPORT_STATUS_LABELS } from './support.enums.js';
import { SupportDocumentAdded } from './support.events.js';
import { lockRequest } from './support-request.service.js';

/** What a person sends to attach a document. */
export interface AddDocumentInput {
  requestId: string;
  kind: string | undefined;
  title: string | undefined;
  /** The file's name as the person gave it. */
  name: string | undefined;
  /** The declared type (the upload's Content-Type). */
  type: string | null;
  bytes: Uint8Array;
}

/**
 * The documents a request needs before the committee examines it (DOMAIN: statutes, three years of
 * accounts, a 12-month cash plan, a budget, the last general assembly's minutes, and the financing plan
 * of what is sought). A project not yet running has no accounts nor general assembly; a technical need
 * alone asks only the statutes of an existing organization.
 */
export function requiredDocuments(request: Pick<SupportRequest, 'financialNeed' | 'stage' | 'organization'>): DocumentKind[] {
  const starting = request.stage === Stage.EMERGENCE || request.stage === Stage.CREATION;
  if (request.financialNeed) {
    const kinds = [DocumentKind.STATUTES, DocumentKind.FINANCING_PLAN, DocumentKind.BUDGET, DocumentKind.CASH_PLAN];
    return starting ? kinds : [...kinds, DocumentKind.ANNUAL_ACCOUNTS, DocumentKind.GENERAL_ASSEMBLY_MINUTES];
  }
  return request.organization ? [DocumentKind.STATUTES] : [];
}

/** The required kinds no document of `kinds` covers, in the order of `requiredDocuments`. */
export function missingDocuments(request: Pick<SupportRequest, 'financialNeed' | 'stage' | 'organization' | 'status'>, kinds: Iterable<DocumentKind>): DocumentKind[] {
  if (FINAL_STATUSES.includes(request.status)) return [];
  const present = new Set(kinds);
  return requiredDocuments(request).filter((k) => !present.has(k));
}

function documentKind(value: string | undefined): DocumentKind {
  const kinds = Object.values(DocumentKind) as string[];
  if (!value || !kinds.includes(value)) {
    throw badInput('kind', `Indiquez le type de document (kind) parmi : ${kinds.map((k) => `${k} (${DOCUMENT_KIND_LABELS[k as DocumentKind]})`).join(', ')}.`);
  }
  return value as DocumentKind;
}

export const SupportDocumentService = {
  /**
   * Attaches a document to a request the viewer may see and change: checked (size, type confirmed by
   * its content) and stored by the kit in the same transaction; a refusal leaves nothing.
   */
  async add(ctx: Context, input: AddDocumentInput): Promise<{ document: SupportDocument; file: StoredFile }> {
    const kind = documentKind(input.kind);
    const title = (input.title ?? '').trim();
    if (title.length > DOCUMENT_LIMITS.title) throw badInput('title', `Le titre est limité à ${DOCUMENT_LIMITS.title} caractères.`);
    if (!input.name?.trim()) throw badInput('name', 'Indiquez le nom du fichier (name).');
    return ctx.transaction(async (tx) => {
      const request = await lockRequest(ctx, tx, input.requestId, null, 'requestId');
      if (FINAL_STATUSES.includes(request.status)) throw badInput('requestId', `La demande est ${SUPPORT_STATUS_LABELS[request.status]} : on n’y ajoute plus de document.`);
      if ((await tx.em.count(SupportDocument, { request: request.id })) >= DOCUMENT_LIMITS.perRequest) {
        throw conflict(`Une demande compte au plus ${DOCUMENT_LIMITS.perRequest} documents : retirez-en un avant d’en ajouter.`, 'requestId');
      }
      const file = await storeFile(tx, { module: 'support', name: input.name!, type: input.type, bytes: input.bytes, maxBytes: DOCUMENT_LIMITS.maxBytes, allowedTypes: DOCUMENT_LIMITS.types });
      const own = ctx.viewer.partnerIds;
      const addedByPartner = own.includes(request.receivingPartner.id) ? request.receivingPartner.id : (own[0] ?? null);
      const document = tx.em.create(SupportDocument, { request: request.id, kind, title, file: file.id, addedBy: ctx.viewer.personId, addedByPartner, addedAt: new Date() });
      await tx.em.flush();
      tx.publish(SupportDocumentAdded, { requestId: request.id, documentId: document.id, kind });
      return { document, file };
    });
  },

  /**
   * Removes a document and, once committed, its bytes: the person who added it, a manager of the partner
   * that added it, the people of the partner that received the request, or an administrator.
   */
  async remove(ctx: Context, globalId: string): Promise<boolean> {
    const id = decodeId(globalId, 'SupportDocument', 'id');
    // Read as the viewer may see it (a document of a hidden request does not exist for them), then locked with its request.
    const seen = await load(ctx, SupportDocument, id);
    if (!seen) throw notFound('Document', globalId);
    return ctx.transaction(async (tx) => {
      const request = await lockRequest(ctx, tx, toGlobalId('SupportRequest', seen.request.id), null);
      const document = await tx.em.findOne(SupportDocument, { id });
      if (!document) throw notFound('Document', globalId);
      const viewer = ctx.viewer;
      const allowed =
        viewer.isAdmin ||
        (document.addedBy !== null && document.addedBy.id === viewer.personId) ||
        (document.addedByPartner !== null && viewer.hasRoleIn(document.addedByPartner.id, MembershipRole.Manager)) ||
        viewer.hasRoleIn(request.receivingPartner.id);
      if (FINAL_STATUSES.includes(request.status)) throw badInput('id', `La demande est ${SUPPORT_STATUS_LABELS[request.status]} : ses documents sont conservés avec son dossier.`);
      if (!allowed) throw forbidden('Seuls la personne qui a ajouté le document, les responsables de son partenaire et le partenaire qui a reçu la demande le retirent.');
      await tx.em.nativeDelete(SupportDocument, { id });
      await deleteStoredFile(tx, document.file.id);
      return true;
    });
  },

  /** The document's file to download, when the viewer may see its request; null otherwise (as for a missing one). */
  async download(ctx: Context, globalId: string): Promise<StoredFileContent | null> {
    const document = await load(ctx, SupportDocument, decodeId(globalId, 'SupportDocument', 'id'));
    return document && readStoredFile(ctx, document.file.id);
  },
};
