/**
 * The committee's working list, measured: `npx tsx bench/support.bench.ts` (PGlite in memory; PostgreSQL
 * with BENCH_DATABASE_URL or TEST_DATABASE_URL, on a database of its own).
 *
 * Operation: the open support requests, latest first (first 50), each with its receiving partner, the
 * partners the matching proposes and the partners' positions, as an administrator (who sees every row).
 * Floor: the leanest honest hand-written answer: nine statements in one round trip (the reference day,
 * the page, its organizations and their accreditations, its positions, the active partners, their
 * criteria and valid schemes, the communes' intercommunalities), the matching run by the same engine of
 * the partners module in Node, the JSON assembled in the answer's key order. The two `data` must be
 * equal byte for byte (after sorting keys) before anything is measured.
 *
 * Prints: statements per operation (first 5 and first 50), demo time, and the requests per second of
 * each side with sequential requests and with 10 connections (autocannon).
 */
import autocannon from 'autocannon';
import { DEFAULT_LIMITS } from '../server/config.js';
import { startTestApp, TOKENS } from '../test/harness.js';
import { ALL_MODULES } from '../modules/index.js';
import { floorExecutor, startFloorServer, answerBody, groupRows, type Floor, type Rows } from './floor.js';
import { canonicalData, firstDifference } from './check.js';
import { post } from './load.js';
import { matchAll, organizationSituation, type MatchBase, type Situation } from '../modules/partners/index.js';
import { isWithin } from '../server/kit/index.js';
import { OPEN_STATUSES } from '../modules/support/support.enums.js';

const PAGE = 50;
const QUERY = (first: number) =>
  `query CommitteeList { supportRequests(first: ${first}, filter: { open: true }) { edges { node { id title status receivingPartner { name } ` +
  `matches(first: 100) { partner { name } } positions { partner { name } kind amount } } } } }`;

const OPEN = OPEN_STATUSES.map((s) => `'${s}'`).join(', ');
const PAGE_SQL = `select r.id from support_request r where r.status in (${OPEN}) order by r.received_at desc, r.id desc limit ${PAGE}`;

const STATEMENTS = [
  `select coalesce((select fixed_reference_date::text from platform_settings limit 1), to_char(now() at time zone 'Europe/Paris', 'YYYY-MM-DD')) as day`,
  `select r.id, r.title, r.status, r.stage, r.target_legal_form, r.amount_sought, r.need_types, r.sector_code, r.commune_id, r.organization_id, p.name as partner_name
from support_request r join partner p on p.id = r.receiving_partner_id
where r.status in (${OPEN}) order by r.received_at desc, r.id desc limit ${PAGE}`,
  `select o.id, o.legal_form, o.employees, o.creation_date::text as creation_date, o.founded_year, o.publics, o.sector_code, o.sector_codes, o.commune_id, o.stage
from organization o where o.id = any(array(select r.organization_id from support_request r where r.id = any(array(${PAGE_SQL}))))`,
  `select a.organization_id, a.kind, a.since::text as since, a.until::text as until from accreditation a
where a.organization_id = any(array(select r.organization_id from support_request r where r.id = any(array(${PAGE_SQL}))))`,
  `select sp.request_id, p.name, sp.kind, sp.amount from support_position sp join partner p on p.id = sp.partner_id
where sp.request_id = any(array(${PAGE_SQL})) order by sp.recorded_at asc, sp.id asc`,
  `select id, name, short_name from partner where active order by name asc, id asc`,
  `select c.*, c.partner_id from intervention_criteria c join partner p on p.id = c.partner_id where p.active`,
  `select s.*, s.valid_from::text as valid_from_day, s.valid_until::text as valid_until_day from funding_scheme s join partner p on p.id = s.partner_id where p.active and s.active`,
  `select id, intercommunality_id from commune`,
] as const;

const camel = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), v]));

function body(results: Rows[]): string {
  const [[{ day }], page, organizations, accreditations, positions, partners, criteria, schemes, communes] = results as [[{ day: string }], ...Rows[]];
  const base: MatchBase = {
    day: day as string,
    partners: partners.map((p) => ({ id: p.id, name: p.name, shortName: p.short_name })) as never,
    criteriaOf: groupRows(criteria, 'partner_id', (c) => camel(c)) as never,
    schemesOf: groupRows(
      schemes.filter((s) => isWithin(day as string, s.valid_from_day as string | null, s.valid_until_day as string | null)),
      'partner_id',
      (s) => camel(s),
    ) as never,
    names: {},
    intercommunalityOf: new Map(communes.map((c) => [c.id as string, c.intercommunality_id as string])),
  };
  const orgs = new Map(organizations.map((o) => [o.id, o]));
  const accreditationsOf = groupRows(accreditations, 'organization_id', (a) => ({ kind: a.kind, since: a.since, until: a.until }));
  const positionsOf = groupRows(positions, 'request_id', (p) => ({ partner: { name: p.name }, kind: p.kind, amount: p.amount }));
  const edges = page.map((r) => {
    const own: Situation = {
      sectorCodes: [r.sector_code as string],
      stage: r.stage as never,
      targetLegalForm: r.target_legal_form as never,
      communeId: r.commune_id as string,
      amount: r.amount_sought as number | null,
      needTypes: r.need_types as never,
    };
    const o = r.organization_id ? orgs.get(r.organization_id) : null;
    let situation: Situation;
    if (!o) situation = { ...own, legalForm: null, ageYears: 0, employees: 0, accreditations: [] };
    else {
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
      const theirs = organizationSituation(organization as never, (accreditationsOf.get(o.id) ?? []) as never, null, day as string);
      situation = { ...theirs, ...own, sectorCodes: [...new Set([r.sector_code as string, ...(theirs.sectorCodes ?? [])])] };
    }
    const matches = matchAll(base, situation, false).map((m) => ({ partner: { name: m.partner.name } }));
    return {
      node: {
        id: Buffer.from(`SupportRequest:${r.id as string}`).toString('base64url'),
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

const FLOOR: Floor = { statements: STATEMENTS, body };

async function rate(url: string, payload: string, token: string | null, connections: number, duration: number): Promise<number> {
  const result = await autocannon({
    url,
    method: 'POST',
    connections,
    duration,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: payload,
  });
  if (result.non2xx || result.errors || result.timeouts) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  return result.requests.average;
}

async function main(): Promise<void> {
  // The demo time support adds: the platform booted on an empty database with and without the module.
  const others = ALL_MODULES.map((m) => m.name).filter((n) => n !== 'support');
  let begun = Date.now();
  const without = await startTestApp({ modules: others });
  const withoutMs = Date.now() - begun;
  await without.close();
  begun = Date.now();
  const t = await startTestApp({ config: { limits: { ...DEFAULT_LIMITS, maxCost: 10_000_000 } } });
  const withMs = Date.now() - begun;
  try {
    const counts: number[] = [];
    for (const first of [5, PAGE]) {
      await t.gql(QUERY(first), {}, TOKENS.admin);
      t.resetSql();
      const res = await t.gql(QUERY(first), {}, TOKENS.admin);
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      counts.push(t.sql.length);
    }
    const body = JSON.stringify({ query: QUERY(PAGE) });
    const reference = await postAs(t.url, body, TOKENS.admin);
    const floorDb = floorExecutor(t.app.gateway.orm, t.databaseUrl);
    const floor = await startFloorServer(floorDb.execute, FLOOR);
    const floorAnswer = await post(floor.url, '{}');
    const a = canonicalData('GraphQL', reference.status, reference.text);
    const b = canonicalData('floor', floorAnswer.status, floorAnswer.text);
    if (a !== b) throw new Error(`floor and GraphQL differ: ${firstDifference(a, b)}`);
    const edges = (JSON.parse(reference.text) as { data: { supportRequests: { edges: { node: { matches: unknown[]; positions: unknown[] } }[] } } }).data.supportRequests.edges;
    const counted = await t.gql('{ supportRequests(first: 1) { totalCount } }', {}, TOKENS.admin);
    const total = (counted.data as { supportRequests: { totalCount: number } }).supportRequests.totalCount;
    console.log(`database: ${t.databaseUrl ? 'PostgreSQL' : 'PGlite'}; ${total} demo requests`);
    console.log(
      `answer: ${edges.length} open requests, ${edges.reduce((n, e) => n + e.node.matches.length, 0)} proposed partners, ${edges.reduce((n, e) => n + e.node.positions.length, 0)} positions`,
    );
    console.log(`statements per operation: first 5 → ${counts[0]}, first ${PAGE} → ${counts[1]}; floor: ${STATEMENTS.length} in one round trip`);
    console.log(`boot with demo: ${withMs} ms with support, ${withoutMs} ms without (support adds ${withMs - withoutMs} ms)`);
    const duration = Number(process.env.BENCH_DURATION ?? 8);
    for (const connections of [1, 10]) {
      const g = await rate(t.url, body, TOKENS.admin, connections, duration);
      const f = await rate(floor.url, '{}', null, connections, duration);
      console.log(`${connections} connection(s): GraphQL ${g.toFixed(1)} req/s, floor ${f.toFixed(1)} req/s, ratio ${(g / f).toFixed(2)}`);
    }
    await floor.close();
    await floorDb.close();
  } finally {
    await t.close();
  }
}

/** POSTs with a bearer token. */
async function postAs(url: string, body: string, token: string): Promise<{ status: number; text: string }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
  return { status: res.status, text: await res.text() };
}

await main();
