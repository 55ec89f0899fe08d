import { visibleTo, type Rights } from '../../server/kit/index.js';
import { GovernancePermissions } from './governance.permissions.js';
import { Charter, CharterAmendment, CharterAmendmentChange, CharterArticle, CharterSignature, CharterVersion } from './charter.entity.js';

/**
 * Who sees the charter, its versions, amendments and signatures, declared once: partners' people
 * (`governance.read`) and administrators, as for the bodies; nobody else (signatures name people).
 */
const readers = (rights: Rights) => rights.can(GovernancePermissions.read);

export const CHARTER_VISIBILITY = [
  visibleTo(Charter, { rows: readers }),
  visibleTo(CharterVersion, { rows: readers }),
  visibleTo(CharterArticle, { rows: readers }),
  visibleTo(CharterAmendment, { rows: readers }),
  visibleTo(CharterAmendmentChange, { rows: readers }),
  visibleTo(CharterSignature, { rows: readers }),
];
