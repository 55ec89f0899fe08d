import type { TOKENS } from '../test/harness.js';
import { PORTAL_FLOOR, type Floor } from './floor.js';
import { PARTNER_FLOOR, PARTNER_PAGE_SIZE } from './partner-floor.js';
import { COMMITTEE_FLOOR, COMMITTEE_MATCHES, COMMITTEE_PAGE_SIZE } from './support-floor.js';

/**
 * The operations `npm run bench` loads, each against its own floor. `inspect` refuses an answer that
 * would make the comparison meaningless (a short page, nested lists all empty) and says what it holds.
 */
export interface Scenario {
  name: string;
  /** What the table's heading says the operation reads. */
  title: string;
  /** The operation at its page size (`queryAt(pageSize)`): what is loaded and compared with the floor. */
  query: string;
  pageSize: number;
  /** The operation with a page of `first`: the bench checks its statements do not grow with the page. */
  queryAt(first: number): string;
  /** The demo person whose token every request carries (the floor answers what that person sees). */
  viewer: keyof typeof TOKENS;
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

/** A scenario's `query` and `pageSize` from its `queryAt`. */
function paged(pageSize: number, queryAt: (first: number) => string): Pick<Scenario, 'query' | 'pageSize' | 'queryAt'> {
  return { query: queryAt(pageSize), pageSize, queryAt };
}

const portalList: Scenario = {
  name: 'PortalList',
  title: `organizations(first: ${PORTAL_PAGE_SIZE}) with sector, commune and contacts`,
  ...paged(
    PORTAL_PAGE_SIZE,
    (first) =>
      `query PortalList { organizations(first: ${first}) { totalCount edges { node { id name legalForm employees sector { code name } commune { name } contacts { firstName lastName email phone role } } } } }`,
  ),
  viewer: 'expert',
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
  ...paged(
    PARTNER_PAGE_SIZE,
    (first) =>
      `query PartnerList { partners(first: ${first}) { totalCount edges { node { id slug name shortName kind description website email ` +
      'technicalCommittee steeringBoard constraints needs contributions ' +
      'criteria { label stages legalForms minAmount maxAmount wholeTerritory sectors { code name } } ' +
      'fundingSchemes { name kind description eligibility minAmount maxAmount stages } } } } }',
  ),
  viewer: 'expert',
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

/**
 * The committee's working list (support issue): the open requests, latest first, each with its receiving
 * partner, the partners the matching proposes and the partners' positions, as an administrator (who sees
 * every request: the floor filters nothing). Matching reads its base once per operation and the page's
 * organizations and accreditations by loaders: statements do not grow with the page.
 */
const committeeList: Scenario = {
  name: 'CommitteeList',
  title: `supportRequests(first: ${COMMITTEE_PAGE_SIZE}, open) with receiving partner, matches(first: ${COMMITTEE_MATCHES}) and positions, as an administrator`,
  ...paged(
    COMMITTEE_PAGE_SIZE,
    (first) =>
      `query CommitteeList { supportRequests(first: ${first}, filter: { open: true }) { edges { node { id title status receivingPartner { name } ` +
      `matches(first: ${COMMITTEE_MATCHES}) { partner { name } } positions { partner { name } kind amount } } } } }`,
  ),
  viewer: 'admin',
  floor: COMMITTEE_FLOOR,
  inspect(data) {
    type Node = { matches: unknown[]; positions: unknown[] };
    const page = (data as { supportRequests?: Page<Node> }).supportRequests;
    const nodes = fullPage('CommitteeList', page, COMMITTEE_PAGE_SIZE);
    const matched = withSome('CommitteeList', nodes, 'matching partners', (n) => n.matches);
    const positioned = withSome('CommitteeList', nodes, 'positions', (n) => n.positions);
    const count = (list: (n: Node) => unknown[]) => nodes.reduce((sum, n) => sum + list(n).length, 0);
    return `${nodes.length} open requests, ${matched} with matching partners (${count((n) => n.matches)} in all), ${positioned} with positions (${count((n) => n.positions)} in all)`;
  },
};

export const SCENARIOS: readonly Scenario[] = [portalList, partnerList, committeeList];

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
