import { Organization } from './organization.entity.js';
import { OrganizationContact } from './organization-contact.entity.js';
import { OrganizationConsent } from './organization-consent.entity.js';
import { CONTACT_VISIBILITY } from './contact-visibility.js';
import { OrganizationResolver } from './organization.resolver.js';
import { OrganizationService } from './organization.service.js';
import { OrganizationPermissions } from './organization.permissions.js';
import { seedOrganizations } from './organization.demo.js';
import { defineModule } from '../../server/kit/index.js';

export { Organization, OrganizationConsent, OrganizationContact, OrganizationPermissions, OrganizationService };
export { ConsentMethod } from './organization-consent.enums.js';
export { LegalForm, Stage, LEGAL_FORM_LABELS, STAGE_LABELS } from './organization.enums.js';
export { OrganizationChanged } from './organization.events.js';
export { isValidSiret } from './siret.js';

/** The directory of SSE organizations and project holders. */
export default defineModule({
  name: 'organizations',
  description: 'Directory of SSE organizations and project holders, with their contact people.',
  dependsOn: ['territory', 'sectors'],
  entities: [Organization, OrganizationContact, OrganizationConsent],
  resolvers: [OrganizationResolver],
  permissions: OrganizationPermissions,
  visibility: CONTACT_VISIBILITY,
  demo: seedOrganizations,
});
