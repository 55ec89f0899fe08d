import type { LegalForm, Stage } from '../organizations/index.js';
import type { InterventionCriteria } from './intervention-criteria.entity.js';

/** A situation to check against criteria; an absent value matches any criteria on that axis. */
export interface Situation {
  sectorCode?: string | null;
  stage?: Stage | null;
  legalForm?: LegalForm | null;
  communeId?: string | null;
  amount?: number | null;
}

/** True when `criteria` covers `situation` on every axis (empty lists restrict nothing). */
export function criteriaCovers(
  criteria: Pick<InterventionCriteria, 'sectorCodes' | 'stages' | 'legalForms' | 'minAmount' | 'maxAmount' | 'wholeTerritory' | 'communeIds'>,
  situation: Situation,
): boolean {
  const { sectorCode, stage, legalForm, communeId, amount } = situation;
  if (sectorCode && criteria.sectorCodes.length > 0 && !criteria.sectorCodes.includes(sectorCode)) return false;
  if (stage && criteria.stages.length > 0 && !criteria.stages.includes(stage)) return false;
  if (legalForm && criteria.legalForms.length > 0 && !criteria.legalForms.includes(legalForm)) return false;
  if (communeId && !criteria.wholeTerritory && !criteria.communeIds.includes(communeId)) return false;
  if (amount != null) {
    if (criteria.minAmount != null && amount < criteria.minAmount) return false;
    if (criteria.maxAmount != null && amount > criteria.maxAmount) return false;
  }
  return true;
}
