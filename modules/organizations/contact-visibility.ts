import { matches, visibleTo, type Rights, type RowRule } from '../../server/kit/index.js';
import type { Organization } from './organization.entity.js';
import { OrganizationContact } from './organization-contact.entity.js';
import { OrganizationConsent } from './organization-consent.entity.js';
import { OrganizationFigures } from './organization-figures.entity.js';
import { OrganizationPermissions } from './organization.permissions.js';

/** The permission that opens an organization's contact people to partners' people. */
const CONTACTS_READ = OrganizationPermissions.contacts.read;

/**
 * The consent rule, written once: who may see an organization's contact people (personal data), and so
 * also its consent history and the right to edit its contacts. Partners' people
 * (`organizations.contacts.read`) see them only when the holder consented; platform administrators
 * always. The kit applies it on every read path (lists, relations, `node(id)`, subscriptions);
 * `mayEditContacts` reads the same rule before a write.
 */
const consented: RowRule<OrganizationContact | OrganizationConsent> = (rights) => {
  if (!rights.can(CONTACTS_READ)) return false;
  return rights.viewer.isAdmin ? true : { organization: { consentToShare: true } };
};

/** Yearly figures (finances): partners' people and administrators, whatever the consent. */
const partnersPeople: RowRule<OrganizationFigures> = (rights) => rights.viewer.isAdmin || rights.can(OrganizationPermissions.figures.read);

/** The manifest's visibility: contacts and consent records follow the consent rule; figures are for partners' people. */
export const CONTACT_VISIBILITY = [visibleTo(OrganizationContact, { rows: consented }), visibleTo(OrganizationConsent, { rows: consented }), visibleTo(OrganizationFigures, { rows: partnersPeople })];

/** True when the viewer may see (and so edit) the contacts of `organization` (a loaded entity). */
export function mayEditContacts(rights: Rights, organization: Pick<Organization, 'consentToShare'>): boolean {
  return matches({ organization }, consented(rights) as object | boolean);
}
