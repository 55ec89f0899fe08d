import { FundingScheme } from './funding-scheme.entity.js';
import { InterventionCriteria } from './intervention-criteria.entity.js';
import { Partner } from './partner.entity.js';
import { FundingSchemeResolver, InterventionCriteriaResolver, OrganizationPartnersResolver, PartnerResolver, StateAidRuleResolver } from './partner.resolver.js';
import { StateAidRule } from './state-aid-rule.entity.js';
import { loadStateAidRules, seedPartners } from './partner.demo.js';
import { PartnerPermissions } from './partner.permissions.js';
import { defineModule } from '../../server/kit/index.js';

export { FundingScheme, InterventionCriteria, Partner, PartnerPermissions, StateAidRule };
export { PartnerKind, FundingSchemeKind, NeedType, CriterionAxis, StateAidFrame } from './partner.enums.js';
export { PartnerChanged } from './partner.events.js';
export { PartnerService } from './partner.service.js';
export { criteriaCovers, checkCriteria, checkRules, euros, type Situation, type Check } from './criteria-match.js';
// Matching for other modules (support requests): what it reads once per operation, the matching, its GraphQL types.
export { matchAll, matchBase, type MatchBase, type PartnerMatchResult } from './partner-match.js';
export { organizationSituation } from './partner.service.js';
export { PartnerMatch, CriteriaMatch, SchemeMatch, CriterionCheck, firstMatches } from './partner.resolver.js';

/** Partners, their intervention criteria and funding schemes. */
export default defineModule({
  name: 'partners',
  description: 'Partners of the platform with their intervention criteria, funding schemes, constraints, needs and contributions.',
  dependsOn: ['platform', 'territory', 'sectors', 'organizations'],
  entities: [Partner, InterventionCriteria, FundingScheme, StateAidRule],
  resolvers: [PartnerResolver, InterventionCriteriaResolver, FundingSchemeResolver, StateAidRuleResolver, OrganizationPartnersResolver],
  permissions: PartnerPermissions,
  reference: loadStateAidRules,
  demo: seedPartners,
});
