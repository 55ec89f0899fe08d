import { TerritoryService } from '../territory/index.js';
import { SectorService } from '../sectors/index.js';
import type { LegalForm, Stage } from '../organizations/index.js';
import { FundingScheme } from './funding-scheme.entity.js';
import { InterventionCriteria } from './intervention-criteria.entity.js';
import { Partner } from './partner.entity.js';
import type { FundingSchemeKind, PartnerKind } from './partner.enums.js';
import { DEMO_PARTNERS, generatePartners } from './demo/partners.data.js';
import { type DemoContext, searchKey } from '../../server/kit/index.js';

/** The partners named in the call, with plausible criteria and schemes (more for benchmarks). */
export async function seedPartners({ em, scale, logger }: DemoContext): Promise<void> {
  if ((await em.count(Partner, {})) > 0) return;
  const communes = await TerritoryService.communesByName(em);
  const seeds = scale?.partners ? generatePartners({ count: scale.partners, seed: 2012, communes: [...communes.keys()], sectorCodes: await SectorService.allCodes(em) }) : DEMO_PARTNERS;
  for (const seed of seeds) {
    const partner = em.create(Partner, {
      slug: seed.slug,
      name: seed.name,
      shortName: seed.shortName,
      kind: seed.kind as PartnerKind,
      description: seed.description,
      website: seed.website,
      email: seed.email,
      technicalCommittee: seed.technicalCommittee,
      steeringBoard: seed.steeringBoard,
      constraints: seed.constraints,
      needs: seed.needs,
      contributions: seed.contributions,
      searchText: searchKey(`${seed.name} ${seed.shortName ?? ''} ${seed.description}`),
    });
    for (const c of seed.criteria) {
      const communeIds = c.wholeTerritory ? [] : c.communeNames.map((n) => communes.get(n)?.id).filter((id): id is string => !!id);
      em.create(InterventionCriteria, {
        partner,
        label: c.label,
        sectorCodes: c.sectorCodes,
        stages: c.stages as Stage[],
        legalForms: c.legalForms as LegalForm[],
        minAmount: c.minAmount,
        maxAmount: c.maxAmount,
        wholeTerritory: c.wholeTerritory || communeIds.length === 0,
        communeIds,
      });
    }
    for (const s of seed.fundingSchemes) {
      em.create(FundingScheme, { partner, ...s, kind: s.kind as FundingSchemeKind, stages: s.stages as Stage[] });
    }
  }
  await em.flush();
  logger.info({ partners: seeds.length }, 'demo partners loaded');
}
