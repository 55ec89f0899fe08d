import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, childrenLoader, KeyedLoader } from '../../server/loaders.js';
import { refKey } from '../../server/read.js';
import { Organization } from './organization.entity.js';
import { OrganizationContact } from './organization-contact.entity.js';
import { OrganizationConsent } from './organization-consent.entity.js';

declare module '../../server/context.js' {
  interface Loaders {
    organizationById: KeyedLoader<Organization | null>;
    contactById: KeyedLoader<OrganizationContact | null>;
    contactsByOrganizationId: KeyedLoader<OrganizationContact[]>;
    consentsByOrganizationId: KeyedLoader<OrganizationConsent[]>;
  }
}

/**
 * Consent records of organizations, newest first. Read through MikroORM's mapping (dates, enums): a
 * history is read one organization at a time, where the raw read path's speed does not matter.
 */
function consentsLoader(em: SqlEntityManager): KeyedLoader<OrganizationConsent[]> {
  return new KeyedLoader<OrganizationConsent[]>(async (keys) => {
    if (!Array.isArray(keys)) throw new Error('consent records are not prefetched by pages');
    const rows = await em.find(OrganizationConsent, { organization: { $in: keys as string[] } }, { orderBy: { recordedAt: 'desc', id: 'desc' } });
    const groups = new Map<string, OrganizationConsent[]>();
    for (const row of rows) {
      const key = refKey(row.organization);
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    return groups;
  }, () => []);
}

export const organizationLoaders = (em: SqlEntityManager) => ({
  organizationById: byIdLoader(em, Organization),
  contactById: byIdLoader(em, OrganizationContact),
  contactsByOrganizationId: childrenLoader(em, OrganizationContact, 'organization', { isHolder: 'desc', lastName: 'asc', id: 'asc' }),
  consentsByOrganizationId: consentsLoader(em),
});
