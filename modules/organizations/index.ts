import { Organization } from './organization.entity.js';
import { OrganizationContact } from './organization-contact.entity.js';
import { OrganizationConsent } from './organization-consent.entity.js';
import { CONTACT_VISIBILITY } from './contact-visibility.js';
import { AccreditationResolver, OrganizationResolver } from './organization.resolver.js';
import { Accreditation } from './accreditation.entity.js';
import { OrganizationFigures } from './organization-figures.entity.js';
import { OrganizationService } from './organization.service.js';
import { OrganizationPermissions } from './organization.permissions.js';
import { seedOrganizations } from './organization.demo.js';
import { defineModule } from '../../server/kit/index.js';

export { Organization, OrganizationConsent, OrganizationContact, OrganizationPermissions, OrganizationService, Accreditation, OrganizationFigures };
export { holdsEsus, inInsertion, isValidOn, validKinds, holderProblem } from './accreditation.rules.js';
export { ConsentMethod } from './organization-consent.enums.js';
export {
  LegalForm,
  Stage,
  EssFamily,
  AccreditationKind,
  TargetPublic,
  LEGAL_FORM_LABELS,
  STAGE_LABELS,
  ESS_FAMILY_LABELS,
  ESS_FAMILY_OF,
  ACCREDITATION_LABELS,
  ACCREDITATION_HOLDERS,
  SIAE_KINDS,
  TARGET_PUBLIC_LABELS,
} from './organization.enums.js';
export { OrganizationChanged } from './organization.events.js';
export { isValidSiret } from './siret.js';

/** The directory of SSE organizations and project holders. */
export default defineModule({
  name: 'organizations',
  description: 'Directory of SSE organizations and project holders, with their contact people.',
  dependsOn: ['platform', 'territory', 'sectors'],
  entities: [Organization, OrganizationContact, OrganizationConsent, Accreditation, OrganizationFigures],
  resolvers: [OrganizationResolver, AccreditationResolver],
  permissions: OrganizationPermissions,
  visibility: CONTACT_VISIBILITY,
  demo: seedOrganizations,
});
