import { answerBody, expectResultSets, groupRows, type Floor, type Rows } from './floor.js';

/**
 * The PartnerList floor: the leanest honest hand-written answer to the PartnerList operation
 * (bench/scenarios.ts). Five statements travel in one round trip: the page of active partners by name,
 * their count, the page's intervention criteria (by label, as the `criteriaByPartnerId` loader), the
 * sectors those criteria name, and the page's active funding schemes (by name: `fundingSchemes` without
 * `includeInactive`). Node assembles the JSON in the GraphQL answer's key order.
 *
 * What the GraphQL side shows every viewer: `partners` lists active partners only (`PartnerService.list`),
 * no field of this selection is restricted, a criteria's `sectors` follow its `sector_codes` order and
 * skip codes without a sector (`InterventionCriteriaResolver.sectors`).
 */
export const PARTNER_PAGE_SIZE = 50;

const PAGE_IDS = `array(select id from partner where active order by name asc, id asc limit ${PARTNER_PAGE_SIZE})`;

export const PARTNER_FLOOR_STATEMENTS = [
  `select id, slug, name, short_name, kind, description, website, email, technical_committee, steering_board, constraints, needs, contributions
from partner
where active
order by name asc, id asc
limit ${PARTNER_PAGE_SIZE}`,
  `select count(*)::int as total from partner where active`,
  `select partner_id, label, stages, legal_forms, min_amount, max_amount, whole_territory, sector_codes
from intervention_criteria
where partner_id = any(${PAGE_IDS})
order by label asc, id asc`,
  `select code, name from sector
where code = any(array(select unnest(sector_codes) from intervention_criteria where partner_id = any(${PAGE_IDS})))`,
  `select partner_id, name, kind, description, eligibility, min_amount, max_amount, stages
from funding_scheme
where active and partner_id = any(${PAGE_IDS})
order by name asc, id asc`,
] as const;

interface PartnerRow {
  id: string;
  slug: string;
  name: string;
  short_name: string | null;
  kind: string;
  description: string;
  website: string | null;
  email: string | null;
  technical_committee: boolean;
  steering_board: boolean;
  constraints: string[];
  needs: string[];
  contributions: string[];
}
interface CriteriaRow {
  partner_id: string;
  label: string;
  stages: string[];
  legal_forms: string[];
  min_amount: number | null;
  max_amount: number | null;
  whole_territory: boolean;
  sector_codes: string[];
}
interface SchemeRow {
  partner_id: string;
  name: string;
  kind: string;
  description: string;
  eligibility: string;
  min_amount: number | null;
  max_amount: number | null;
  stages: string[];
}

function partnerNode(p: PartnerRow, criteria: object[], fundingSchemes: object[]): object {
  return {
    id: Buffer.from(`Partner:${p.id}`, 'utf8').toString('base64url'),
    slug: p.slug,
    name: p.name,
    shortName: p.short_name,
    kind: p.kind,
    description: p.description,
    website: p.website,
    email: p.email,
    technicalCommittee: p.technical_committee,
    steeringBoard: p.steering_board,
    constraints: p.constraints,
    needs: p.needs,
    contributions: p.contributions,
    criteria,
    fundingSchemes,
  };
}

/** The PartnerList answer, built in Node from the five result sets. */
export function partnerFloorBody(results: Rows[]): string {
  expectResultSets(results, PARTNER_FLOOR_STATEMENTS);
  const [page, count, criteria, sectors, schemes] = results as unknown as [PartnerRow[], { total: number }[], CriteriaRow[], { code: string; name: string }[], SchemeRow[]];
  const sectorByCode = new Map(sectors.map((s) => [s.code, { code: s.code, name: s.name }]));
  const criteriaOf = groupRows(criteria, 'partner_id', (c) => ({
    label: c.label,
    stages: c.stages,
    legalForms: c.legal_forms,
    minAmount: c.min_amount,
    maxAmount: c.max_amount,
    wholeTerritory: c.whole_territory,
    sectors: c.sector_codes.flatMap((code) => sectorByCode.get(code) ?? []),
  }));
  const schemesOf = groupRows(schemes, 'partner_id', (s) => ({
    name: s.name,
    kind: s.kind,
    description: s.description,
    eligibility: s.eligibility,
    minAmount: s.min_amount,
    maxAmount: s.max_amount,
    stages: s.stages,
  }));
  const edges = page.map((p) => ({ node: partnerNode(p, criteriaOf.get(p.id) ?? [], schemesOf.get(p.id) ?? []) }));
  return answerBody({ partners: { totalCount: count[0]!.total, edges } });
}

/** The PartnerList floor. */
export const PARTNER_FLOOR: Floor = { statements: PARTNER_FLOOR_STATEMENTS, body: partnerFloorBody };
