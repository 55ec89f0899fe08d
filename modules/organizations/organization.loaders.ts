import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, childrenLoader, type KeyedLoader } from '../../server/loaders.js';
import { Organization } from './organization.entity.js';
import { OrganizationContact } from './organization-contact.entity.js';

declare module '../../server/context.js' {
  interface Loaders {
    organizationById: KeyedLoader<Organization | null>;
    contactsByOrganizationId: KeyedLoader<OrganizationContact[]>;
  }
}

export const organizationLoaders = (em: SqlEntityManager) => ({
  organizationById: byIdLoader(em, Organization),
  contactsByOrganizationId: childrenLoader(em, OrganizationContact, 'organization', { isHolder: 'desc', lastName: 'asc', id: 'asc' }),
});
