import type { Context } from '../../server/context.js';
import type { Organization } from './organization.entity.js';
import { OrganizationPermissions } from './organization.permissions.js';

/** The permission that opens an organization's contact people to partners' people. */
const CONTACTS_READ = OrganizationPermissions.contacts.read;

/**
 * The consent rule, written once: who may see an organization's contact people (personal data), and so
 * also edit them and read its consent history. Partners' people (`organizations.contacts.read`) see them
 * only when the holder consented; platform administrators always. Every path applies it from here:
 * the `contacts` and `consentHistory` fields (`allows`), a directory page's prefetch (`sqlCondition`),
 * `node(id)` on a contact or a consent record, and adding or removing a contact (`allows` on the record's
 * organization).
 */
export const ContactVisibility = {
  /** True when the viewer may see some organization's contacts (the permission, before consent). */
  mayReadAny(ctx: Context): boolean {
    return ctx.can(CONTACTS_READ);
  },

  /** True when the viewer may see the contacts of this organization. */
  allows(ctx: Context, organization: Pick<Organization, 'consentToShare'>): boolean {
    return ctx.can(CONTACTS_READ) && (organization.consentToShare === true || ctx.viewer.isAdmin);
  },

  /**
   * The same rule on organization rows in SQL (`alias` names the organization row): null when every row
   * passes, `false` when none does.
   */
  sqlCondition(ctx: Context, alias: string): string | null {
    if (!ctx.can(CONTACTS_READ)) return 'false';
    return ctx.viewer.isAdmin ? null : `${alias}.consent_to_share`;
  },
};
