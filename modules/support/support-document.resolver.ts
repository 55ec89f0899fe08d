import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Authorized, Needs, related, type Context, type ModuleRoute } from '../../server/kit/index.js';
import { SupportDocument } from './support-document.entity.js';
import { missingDocuments, SupportDocumentService } from './support-document.service.js';
import { SupportPermissions } from './support.permissions.js';
import { SupportRequest } from './support-request.entity.js';
import { DocumentKind } from './support.enums.js';
import { DOCUMENT_LIMITS } from './support-document.entity.js';

/** Documents of a request: what is missing, and their removal (they are sent over HTTP: `SUPPORT_DOCUMENT_ROUTES`). */
@Resolver(() => SupportRequest)
export class SupportDocumentResolver {
  @FieldResolver(() => [DocumentKind], {
    description:
      'The documents the request still needs before its review (statutes, financing plan, budget, 12-month cash plan; for a running organization with a financial need, its accounts and last general assembly minutes too); empty when complete or once the request is closed, withdrawn or redirected.',
  })
  @Needs('financialNeed', 'stage', 'organization', 'status', 'documents')
  async missingDocuments(@Root() request: SupportRequest, @Ctx() ctx: Context): Promise<DocumentKind[]> {
    const documents = await related<SupportDocument>(ctx, request, 'documents');
    return missingDocuments(
      request,
      documents.map((d) => d.kind),
    );
  }

  @Authorized(SupportPermissions.update)
  @Mutation(() => Boolean, {
    description:
      'Removes a document of a request, and its file: the person who added it, a manager of their partner, the partner that received the request, or an administrator. Documents are added by POST /files/support/requests/<requestId>/documents.',
  })
  removeSupportDocument(@Arg('id', () => ID, { description: 'Id of the document.' }) id: string, @Ctx() ctx: Context): Promise<boolean> {
    return SupportDocumentService.remove(ctx, id);
  }
}

/**
 * Over plain HTTP with the same bearer token:
 * - `POST /files/support/requests/<requestId>/documents?kind=BUDGET&name=budget.pdf[&title=…]`, the file as
 *   the body and its type as Content-Type: 200 with the document's JSON (`{ document: { id, kind, title, name, type,
 *   size, sha256, addedAt, downloadPath } }`);
 * - `GET /files/support/documents/<documentId>`: the file, for whoever sees the request.
 */
export const SUPPORT_DOCUMENT_ROUTES: ModuleRoute[] = [
  {
    method: 'POST',
    path: '/requests/:id/documents',
    maxBytes: DOCUMENT_LIMITS.maxBytes,
    permission: SupportPermissions.update,
    handle: async (ctx, request) => {
      const { document, file } = await SupportDocumentService.add(ctx, {
        requestId: request.params.id!,
        kind: request.query.kind,
        title: request.query.title,
        name: request.query.name,
        type: request.contentType,
        bytes: request.body ?? new Uint8Array(),
      });
      const body = {
        document: {
          id: document.globalId,
          kind: document.kind,
          title: document.title,
          name: file.name,
          type: file.type,
          size: file.size,
          sha256: file.sha256,
          addedAt: document.addedAt.toISOString(),
          downloadPath: document.downloadPath,
        },
      };
      return { contentType: 'application/json; charset=utf-8', body: JSON.stringify(body) };
    },
  },
  {
    method: 'GET',
    path: '/documents/:id',
    permission: SupportPermissions.read,
    handle: async (ctx, request) => {
      const content = await SupportDocumentService.download(ctx, request.params.id!);
      return content && { contentType: content.file.type, body: content.stream, length: content.file.size, filename: content.file.name };
    },
  },
];
