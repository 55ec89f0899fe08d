import { FundingScheme } from './funding-scheme.entity.js';
import { InterventionCriteria } from './intervention-criteria.entity.js';
import { Partner } from './partner.entity.js';
import { FundingSchemeResolver, InterventionCriteriaResolver, OrganizationPartnersResolver, PartnerResolver } from './partner.resolver.js';
import { seedPartners } from './partner.demo.js';
import { PartnerPermissions } from './partner.permissions.js';
import { defineModule } from '../../server/kit/index.js';

export { FundingScheme, InterventionCriteria, Partner, PartnerPermissions };
export { PartnerKind, FundingSchemeKind } from './partner.enums.js';
export { PartnerChanged } from './partner.events.js';
export { PartnerService } from './partner.service.js';
export { criteriaCovers, type Situation } from './criteria-match.js';

/** Partners, their intervention criteria and funding schemes. */
export default defineModule({
  name: 'partners',
  description: 'Partners of the platform with their intervention criteria, funding schemes, constraints, needs and contributions.',
  dependsOn: ['territory', 'sectors', 'organizations'],
  entities: [Partner, InterventionCriteria, FundingScheme],
  resolvers: [PartnerResolver, InterventionCriteriaResolver, FundingSchemeResolver, OrganizationPartnersResolver],
  permissions: PartnerPermissions,
  demo: seedPartners,
});
