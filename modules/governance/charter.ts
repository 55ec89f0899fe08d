import { renderPdf, type ModuleRoute } from '../../server/kit/index.js';
import { Charter, CharterAmendment, CharterAmendmentChange, CharterArticle, CharterSignature, CharterVersion } from './charter.entity.js';
import { CharterResolver, CharterVersionResolver } from './charter.resolver.js';
import { charterDocument } from './charter.print.js';
import { GovernancePermissions } from './governance.permissions.js';

/*
 * The partnership charter's part of the governance manifest (index.ts spreads these): its entities,
 * resolvers, routes, visibility and demo data.
 */
export { CHARTER_VISIBILITY } from './charter.visibility.js';
export { seedCharter } from './charter.demo.js';
export { CharterVersionAdopted, CharterAmendmentProposed, CharterAmendmentClosed, CharterSigned } from './charter.events.js';
export { Charter, CharterVersion, CharterSignature, CharterAmendment, AmendmentStatus } from './charter.entity.js';

export const CHARTER_ENTITIES = [Charter, CharterVersion, CharterArticle, CharterAmendment, CharterAmendmentChange, CharterSignature];
export const CHARTER_RESOLVERS = [CharterResolver, CharterVersionResolver];

/** The current charter with its signatures, printable: /files/governance/charter.html and .pdf. */
export const CHARTER_ROUTES: ModuleRoute[] = [
  {
    method: 'GET',
    path: '/charter.html',
    permission: GovernancePermissions.read,
    handle: async (ctx) => {
      const document = await charterDocument(ctx);
      return document && { contentType: 'text/html; charset=utf-8', body: document.html };
    },
  },
  {
    method: 'GET',
    path: '/charter.pdf',
    permission: GovernancePermissions.read,
    handle: async (ctx) => {
      const document = await charterDocument(ctx);
      return document && { contentType: 'application/pdf', body: await renderPdf(document.html), filename: `${document.title}.pdf` };
    },
  },
];
