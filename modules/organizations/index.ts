import { defineModule } from '../../server/module.js';
import { Organization } from './organization.entity.js';
import { OrganizationContact } from './organization-contact.entity.js';
import { organizationLoaders } from './organization.loaders.js';
import { OrganizationResolver } from './organization.resolver.js';
import { OrganizationService } from './organization.service.js';
import { seedOrganizations } from './organization.demo.js';

export { Organization, OrganizationContact, OrganizationService };
export { LegalForm, Stage, LEGAL_FORM_LABELS, STAGE_LABELS } from './organization.enums.js';
export { OrganizationChanged } from './organization.events.js';
export { isValidSiret } from './siret.js';

/** The directory of SSE organizations and project holders. */
export default defineModule({
  name: 'organizations',
  description: 'Directory of SSE organizations and project holders, with their contact people.',
  dependsOn: ['territory', 'sectors'],
  entities: [Organization, OrganizationContact],
  resolvers: [OrganizationResolver],
  permissions: {
    'organizations.create': ['MEMBER', 'MANAGER'],
    'organizations.update': ['MEMBER', 'MANAGER'],
    'organizations.contacts.read': ['MEMBER', 'MANAGER'],
  },
  loaders: organizationLoaders,
  nodes: {
    Organization: (ctx, id) => OrganizationService.findById(ctx, id),
    OrganizationContact: (ctx, id) => OrganizationService.findContact(ctx, id),
  },
  demo: seedOrganizations,
});
