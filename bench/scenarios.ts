import { PORTAL_FLOOR, type Floor } from './floor.js';
import { PARTNER_FLOOR, PARTNER_PAGE_SIZE } from './partner-floor.js';

/**
 * The operations `npm run bench` loads, each against its own floor. `inspect` refuses an answer that
 * would make the comparison meaningless (a short page, nested lists all empty) and says what it holds.
 */
export interface Scenario {
  name: string;
  /** What the table's heading says the operation reads. */
  title: string;
  query: string;
  floor: Floor;
  /** Throws unless the GraphQL answer's `data` are worth loading; returns a one-line summary. */
  inspect(data: unknown): string;
}

const PORTAL_PAGE_SIZE = 100;

interface Page<N> {
  totalCount: number;
  edges: { node: N }[];
}

/** The page's nodes; throws unless it is a full page of `size`. */
function fullPage<N>(name: string, page: Page<N> | undefined, size: number): N[] {
  const nodes = (page?.edges ?? []).map((e) => e.node);
  if (nodes.length !== size) throw new Error(`${name}: expected ${size} edges, got ${nodes.length}`);
  return nodes;
}

/** How many nodes have a non-empty list; throws when none has one. */
function withSome<N>(name: string, nodes: N[], what: string, list: (node: N) => unknown[]): number {
  const count = nodes.filter((n) => list(n).length > 0).length;
  if (count === 0) throw new Error(`${name}: no ${what} in the page — does the bench's viewer see them, and does the demo data hold them?`);
  return count;
}

const portalList: Scenario = {
  name: 'PortalList',
  title: `organizations(first: ${PORTAL_PAGE_SIZE}) with sector, commune and contacts`,
  query: `query PortalList { organizations(first: ${PORTAL_PAGE_SIZE}) { totalCount edges { node { id name legalForm employees sector { code name } commune { name } contacts { firstName lastName email phone role } } } } }`,
  floor: PORTAL_FLOOR,
  inspect(data) {
    type Node = { contacts: unknown[] };
    const page = (data as { organizations?: Page<Node> }).organizations;
    const nodes = fullPage('PortalList', page, PORTAL_PAGE_SIZE);
    const contacts = withSome('PortalList', nodes, 'contacts (is the expert token entitled to organizations.contacts.read?)', (n) => n.contacts);
    return `${nodes.length} edges, totalCount ${page!.totalCount}, ${contacts} with contacts`;
  },
};

const partnerList: Scenario = {
  name: 'PartnerList',
  title: `partners(first: ${PARTNER_PAGE_SIZE}) with intervention criteria (and their sectors) and funding schemes`,
  query:
    `query PartnerList { partners(first: ${PARTNER_PAGE_SIZE}) { totalCount edges { node { id slug name shortName kind description website email ` +
    'technicalCommittee steeringBoard constraints needs contributions ' +
    'criteria { label stages legalForms minAmount maxAmount wholeTerritory sectors { code name } } ' +
    'fundingSchemes { name kind description eligibility minAmount maxAmount stages } } } } }',
  floor: PARTNER_FLOOR,
  inspect(data) {
    type Node = { criteria: { sectors: unknown[] }[]; fundingSchemes: unknown[] };
    const page = (data as { partners?: Page<Node> }).partners;
    const nodes = fullPage('PartnerList', page, PARTNER_PAGE_SIZE);
    const criteria = withSome('PartnerList', nodes, 'criteria', (n) => n.criteria);
    const sectors = withSome('PartnerList', nodes, 'criteria sectors', (n) => n.criteria.flatMap((c) => c.sectors));
    const schemes = withSome('PartnerList', nodes, 'funding schemes', (n) => n.fundingSchemes);
    return `${nodes.length} edges, totalCount ${page!.totalCount}, ${criteria} with criteria (${sectors} naming sectors), ${schemes} with funding schemes`;
  },
};

export const SCENARIOS: readonly Scenario[] = [portalList, partnerList];

/** The scenarios named in `names` (comma-separated, case-insensitive), all of them when empty. */
export function selectScenarios(names: string | undefined): Scenario[] {
  const wanted = (names ?? '')
    .split(',')
    .map((n) => n.trim().toLowerCase())
    .filter(Boolean);
  if (wanted.length === 0) return [...SCENARIOS];
  return wanted.map((w) => {
    const found = SCENARIOS.find((s) => s.name.toLowerCase() === w);
    if (!found) throw new Error(`scenario "${w}": expected one of ${SCENARIOS.map((s) => s.name).join(', ')}`);
    return found;
  });
}
