import { defineEvent } from '../../server/kit/index.js';

/** The charter's stream: every change of the charter, numbered in commit order. */
const stream = (p: { charterId: string }) => `governance-charter:${p.charterId}`;

/** A version of the charter was adopted (the first one, or by adopting an amendment). */
export const CharterVersionAdopted = defineEvent<{ charterId: string; versionId: string; number: number; bodyId: string; amendmentId: string | null }>('governance.charter-version-adopted', {
  stream,
});
/** A partner proposed an amendment. */
export const CharterAmendmentProposed = defineEvent<{ charterId: string; amendmentId: string; partnerId: string }>('governance.charter-amendment-proposed', { stream });
/** An amendment was adopted, rejected or withdrawn. */
export const CharterAmendmentClosed = defineEvent<{ charterId: string; amendmentId: string; status: string }>('governance.charter-amendment-closed', { stream });
/** A partner signed a version of the charter. */
export const CharterSigned = defineEvent<{ charterId: string; signatureId: string; partnerId: string; versionNumber: number }>('governance.charter-signed', { stream });
