import { answerBody, expectResultSets, groupRows, type Floor, type Rows } from './floor.js';
import { matchAll, organizationSituation, type MatchBase, type Situation } from '../modules/partners/index.js';
import { isWithin } from '../server/kit/index.js';
import { OPEN_STATUSES } from '../modules/support/support.enums.js';

/**
 * The CommitteeList floor: the leanest honest hand-written answer to the committee's working list
 * (bench/scenarios.ts): the open support requests, latest received first, each with its receiving
 * partner, the partners the matching proposes (by name, the first COMMITTEE_MATCHES) and the partners'
 * positions, as an administrator, who sees every request (so no visibility filter here).
 *
 * Nine statements travel in one round trip: the reference day, the page, its organizations and their
 * accreditations, its positions, the active partners, their criteria and schemes, the communes'
 * intercommunalities. The matching runs in Node with the partners module's own engine (`matchAll`,
 * `organizationSituation`: the floor measures reading and assembling, not another matching), and Node
 * assembles the JSON in the answer's key order.
 */
export const COMMITTEE_PAGE_SIZE = 50;
/** The `first` of `matches` in the operation. */
export const COMMITTEE_MATCHES = 100;

const OPEN = OPEN_STATUSES.map((s) => `'${s}'`).join(', ');
const PAGE_IDS = `array(select r.id from support_request r where r.status in (${OPEN}) order by r.received_at desc, r.id desc limit ${COMMITTEE_PAGE_SIZE})`;
const PAGE_ORGANIZATIONS = `array(select r.organization_id from support_request r where r.id = any(${PAGE_IDS}))`;

export const COMMITTEE_FLOOR_STATEMENTS = [
  `select coalesce((select fixed_reference_date::text from platform_settings limit 1), to_char(now() at time zone 'Europe/Paris', 'YYYY-MM-DD')) as day`,
  `select r.id, r.title, r.status, r.stage, r.target_legal_form, r.amount_sought, r.need_types, r.sector_code, r.commune_id, r.organization_id, p.name as partner_name
from support_request r join partner p on p.id = r.receiving_partner_id
where r.status in (${OPEN}) order by r.received_at desc, r.id desc limit ${COMMITTEE_PAGE_SIZE}`,
  `select o.id, o.legal_form, o.employees, o.creation_date::text as creation_date, o.founded_year, o.publics, o.sector_code, o.sector_codes, o.commune_id, o.stage
from organization o where o.id = any(${PAGE_ORGANIZATIONS})`,
  `select a.organization_id, a.kind, a.since::text as since, a.until::text as until from accreditation a
where a.organization_id = any(${PAGE_ORGANIZATIONS})`,
  `select sp.request_id, p.name, sp.kind, sp.amount from support_position sp join partner p on p.id = sp.partner_id
where sp.request_id = any(${PAGE_IDS}) order by sp.recorded_at asc, sp.id asc`,
  `select id, name, short_name from partner where active order by name asc, id asc`,
  `select c.* from intervention_criteria c join partner p on p.id = c.partner_id where p.active`,
  `select s.*, s.valid_from::text as valid_from_day, s.valid_until::text as valid_until_day from funding_scheme s join partner p on p.id = s.partner_id where p.active and s.active`,
  `select id, intercommunality_id from commune`,
] as const;

/** Column names in camelCase, each converted once. */
const CAMEL = new Map<string, string>();
/** snake_case keys to camelCase: criteria and schemes rows as the engine reads them. */
function camel(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in row) {
    let name = CAMEL.get(key);
    if (name === undefined) CAMEL.set(key, (name = key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())));
    out[name] = row[key];
  }
  return out;
}

interface RequestRow {
  id: string;
  title: string;
  status: string;
  stage: Situation['stage'];
  target_legal_form: Situation['targetLegalForm'];
  amount_sought: number | null;
  need_types: Situation['needTypes'];
  sector_code: string;
  commune_id: string;
  organization_id: string | null;
  partner_name: string;
}
interface OrganizationRow {
  id: string;
  legal_form: string;
  employees: number;
  creation_date: string | null;
  founded_year: number | null;
  publics: string[];
  sector_code: string;
  sector_codes: string[];
  commune_id: string;
  stage: string;
}

/** A request's situation as `requestSituation` (modules/support/support-match.ts) builds it. */
function situationOf(r: RequestRow, o: OrganizationRow | undefined, accreditations: Rows, day: string): Situation {
  const own: Situation = {
    sectorCodes: [r.sector_code],
    stage: r.stage,
    targetLegalForm: r.target_legal_form,
    communeId: r.commune_id,
    amount: r.amount_sought,
    needTypes: r.need_types,
  };
  // A project holder not yet created: a structure of less than a year, without employees nor accreditation.
  if (!o) return { ...own, legalForm: null, ageYears: 0, employees: 0, accreditations: [] };
  const organization = {
    legalForm: o.legal_form,
    employees: o.employees,
    creationDate: o.creation_date,
    foundedYear: o.founded_year,
    publics: o.publics,
    sectorCodes: o.sector_codes,
    sector: { code: o.sector_code },
    commune: { id: o.commune_id },
    stage: o.stage,
  };
  const theirs = organizationSituation(organization as never, accreditations as never, null, day);
  return { ...theirs, ...own, sectorCodes: [...new Set([r.sector_code, ...(theirs.sectorCodes ?? [])])] };
}

/** The CommitteeList answer, built in Node from the nine result sets. */
export function committeeFloorBody(results: Rows[]): string {
  expectResultSets(results, COMMITTEE_FLOOR_STATEMENTS);
  const [[first], page, organizations, accreditations, positions, partners, criteria, schemes, communes] = results as [Rows, RequestRow[], OrganizationRow[], ...Rows[]];
  const day = first!.day as string;
  const base: MatchBase = {
    day,
    partners: partners.map((p) => ({ id: p.id, name: p.name, shortName: p.short_name })) as never,
    criteriaOf: groupRows(criteria!, 'partner_id', camel) as never,
    schemesOf: groupRows(
      schemes!.filter((s) => isWithin(day, s.valid_from_day as string | null, s.valid_until_day as string | null)),
      'partner_id',
      camel,
    ) as never,
    names: {},
    intercommunalityOf: new Map(communes!.map((c) => [c.id as string, c.intercommunality_id as string])),
  };
  const organizationById = new Map(organizations.map((o) => [o.id, o]));
  const accreditationsOf = groupRows(accreditations!, 'organization_id', (a) => ({ kind: a.kind, since: a.since, until: a.until }));
  const positionsOf = groupRows(positions!, 'request_id', (p) => ({ partner: { name: p.name }, kind: p.kind, amount: p.amount }));
  const edges = page.map((r) => {
    const situation = situationOf(r, r.organization_id ? organizationById.get(r.organization_id) : undefined, (r.organization_id && accreditationsOf.get(r.organization_id)) || [], day);
    const matches = matchAll(base, situation, false)
      .slice(0, COMMITTEE_MATCHES)
      .map((m) => ({ partner: { name: m.partner.name } }));
    return {
      node: {
        id: Buffer.from(`SupportRequest:${r.id}`, 'utf8').toString('base64url'),
        title: r.title,
        status: r.status,
        receivingPartner: { name: r.partner_name },
        matches,
        positions: positionsOf.get(r.id) ?? [],
      },
    };
  });
  return answerBody({ supportRequests: { edges } });
}

/** The CommitteeList floor. */
export const COMMITTEE_FLOOR: Floor = { statements: COMMITTEE_FLOOR_STATEMENTS, body: committeeFloorBody };
