import { Intercommunality, TerritoryService } from '../territory/index.js';
import { SectorService } from '../sectors/index.js';
import type { AccreditationKind, LegalForm, Stage, TargetPublic } from '../organizations/index.js';
import { FundingScheme } from './funding-scheme.entity.js';
import { InterventionCriteria } from './intervention-criteria.entity.js';
import { Partner } from './partner.entity.js';
import { StateAidRule } from './state-aid-rule.entity.js';
import type { FundingSchemeKind, NeedType, PartnerKind, StateAidFrame } from './partner.enums.js';
import { DEMO_PARTNERS, STATE_AID_RULES, generatePartners, type RulesSeed } from './demo/partners.data.js';
import { type DemoContext, type ReferenceContext, type ReferenceResult, searchKey } from '../../server/kit/index.js';

/**
 * The State-aid rules (de minimis ceilings before and since 2024): reference data a real deployment
 * needs, added by slug, never duplicated nor overwritten (`npm run setup`, and with the demo).
 */
export async function loadStateAidRules({ em }: ReferenceContext): Promise<ReferenceResult> {
  const existing = new Set((await em.find(StateAidRule, { slug: { $in: STATE_AID_RULES.map((r) => r.slug) } }, { fields: ['slug'] })).map((r) => r.slug));
  const missing = STATE_AID_RULES.filter((r) => !existing.has(r.slug));
  for (const rule of missing) em.create(StateAidRule, { ...rule, frame: rule.frame as StateAidFrame });
  await em.flush();
  return { lines: [`state-aid rules: ${missing.length} added (${STATE_AID_RULES.length} in the reference data)`] };
}

/** The typed eligibility rules of a seed (only them). */
function rules(seed: RulesSeed) {
  return {
    employerRequired: seed.employerRequired,
    minEmployees: seed.minEmployees,
    maxEmployees: seed.maxEmployees,
    minAgeYears: seed.minAgeYears,
    maxAgeYears: seed.maxAgeYears,
    minAmount: seed.minAmount,
    maxAmount: seed.maxAmount,
    coFinancingRequired: seed.coFinancingRequired,
    stages: seed.stages as Stage[],
    legalForms: seed.legalForms as LegalForm[],
    accreditations: seed.accreditations as AccreditationKind[],
    publics: seed.publics as TargetPublic[],
    needTypes: seed.needTypes as NeedType[],
  };
}

/** The partners named in the call, with plausible criteria and schemes (more for benchmarks). */
export async function seedPartners({ em, scale, logger }: DemoContext): Promise<void> {
  await loadStateAidRules({ em, logger });
  if ((await em.count(Partner, {})) > 0) return;
  const communes = await TerritoryService.communesByName(em);
  const intercommunalities = new Map((await em.find(Intercommunality, {}, { fields: ['id', 'shortName'] })).map((i) => [i.shortName, i.id]));
  const seeds = scale?.partners ? generatePartners({ count: scale.partners, seed: 2012, communes: [...communes.keys()], sectorCodes: await SectorService.allCodes(em) }) : DEMO_PARTNERS;
  const bySlug = new Map<string, Partner>();
  for (const seed of seeds) {
    const partner = em.create(Partner, {
      slug: seed.slug,
      name: seed.name,
      shortName: seed.shortName,
      currentName: seed.currentName,
      nameChangedYear: seed.nameChangedYear,
      kind: seed.kind as PartnerKind,
      roles: seed.roles as PartnerKind[],
      description: seed.description,
      website: seed.website,
      email: seed.email,
      technicalCommittee: seed.technicalCommittee,
      steeringBoard: seed.steeringBoard,
      constraints: seed.constraints,
      needs: seed.needs,
      contributions: seed.contributions,
      searchText: searchKey(`${seed.name} ${seed.shortName ?? ''} ${seed.currentName ?? ''} ${seed.description}`),
    });
    bySlug.set(seed.slug, partner);
    for (const c of seed.criteria) {
      const communeIds = c.communeNames.map((n) => communes.get(n)?.id).filter((id): id is string => !!id);
      const intercommunalityIds = c.intercommunalities.map((n) => intercommunalities.get(n)).filter((id): id is string => !!id);
      const { label, sectorCodes, departmentCodes, regionCodes } = c;
      em.create(InterventionCriteria, {
        ...rules(c),
        partner,
        label,
        sectorCodes,
        communeIds,
        intercommunalityIds,
        departmentCodes,
        regionCodes,
        wholeTerritory: communeIds.length + intercommunalityIds.length + departmentCodes.length + regionCodes.length === 0,
      });
    }
    for (const s of seed.fundingSchemes) {
      em.create(FundingScheme, {
        ...rules(s),
        partner,
        name: s.name,
        shortName: s.shortName,
        kind: s.kind as FundingSchemeKind,
        description: s.description,
        eligibility: s.eligibility,
        guaranteeRate: s.guaranteeRate,
        decidingBody: s.decidingBody,
        calendar: s.calendar,
        typicalDelayDays: s.typicalDelayDays,
        yearlyEnvelope: s.yearlyEnvelope,
        validFrom: s.validFrom,
        validUntil: s.validUntil,
        stateAidFrame: s.stateAidFrame as StateAidFrame | null,
        legalFrame: s.legalFrame,
      });
    }
  }
  for (const seed of seeds) {
    if (seed.represents.length > 0) bySlug.get(seed.slug)!.representsIds = seed.represents.map((slug) => bySlug.get(slug)!.id);
  }
  await em.flush();
  logger.info({ partners: seeds.length }, 'demo partners loaded');
}
