import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { ApiToken, Membership, Person } from '../modules/accounts/index.js';
import { MembershipRoleEnum } from '../modules/accounts/account.enums.js';
import { hashToken, newToken, tokenPrefix } from '../modules/accounts/token.js';
import { Partner } from '../modules/partners/index.js';
import { jobsIdle } from '../server/kit/jobs.js';
import { toGlobalId } from '../server/relay.js';
import { TOKENS, type TestApp } from './harness.js';

/**
 * A person with a token of their own, written straight into the database: the API issues tokens only
 * to their holder, and these tests need people the demo does not have (a signed-in person without any
 * partner, the manager of another partner).
 */
export async function personWithToken(
  t: TestApp,
  options: { name: string; membership?: { partnerSlug: string; role: 'MANAGER' | 'MEMBER' } },
): Promise<{ token: string; personId: string; partnerId: string | null }> {
  const em = t.app.gateway.orm.em.fork() as SqlEntityManager;
  const token = newToken();
  const person = em.create(Person, { name: options.name, email: `${options.name.toLowerCase().replace(/\W+/g, '.')}.${tokenPrefix(token).slice(4)}@example.org` });
  let partnerId: string | null = null;
  if (options.membership) {
    const partner = await em.findOneOrFail(Partner, { slug: options.membership.partnerSlug });
    partnerId = toGlobalId('Partner', partner.id);
    em.create(Membership, { person, partner, role: options.membership.role as MembershipRoleEnum });
  }
  em.create(ApiToken, { person, name: 'Jeton de test', tokenHash: hashToken(token), prefix: tokenPrefix(token) });
  await em.flush();
  return { token, personId: toGlobalId('Person', person.id), partnerId };
}

/**
 * A digest of every table's content, in one statement: equal before and after a call when the call
 * changed nothing (rows added, removed or changed all show; durable events included).
 */
export async function databaseDigest(t: TestApp): Promise<string> {
  // Events committed by earlier calls get their position and deliveries in the background: wait for it.
  await t.app.gateway.events.idle();
  // Jobs started by those events (the radar's recompute when grid rules change) write progress and results: wait for them too.
  await jobsIdle(t.app.gateway);
  await t.app.gateway.events.idle();
  const conn = t.app.gateway.orm.em.fork().getConnection();
  const rows: { table_name: string }[] = await conn.execute(
    `select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'mikro_orm%' order by table_name`,
  );
  const tables = rows.map((r) => r.table_name);
  if (tables.length < 8) throw new Error(`expected every table of the platform, found ${tables.join(', ')}`);
  // A sum of row hashes: order-free, so no sort (this runs around every call of the authorization matrix).
  const parts = tables.map((name) => `(select '${name}:' || count(*) || ':' || coalesce(sum(hashtextextended(t::text, 0)::numeric), 0) from "${name}" t)`);
  const [row]: { digest: string }[] = await conn.execute(`select ${parts.join(" || ' ' || ")} as digest`);
  return row!.digest;
}

/** The mutation that makes a person a manager of a partner (administrators). */
export const SET_MANAGER = 'mutation($p: ID!, $q: ID!) { setMembership(personId: $p, partnerId: $q, role: MANAGER) { id } }';

/** Makes the person `personId` a manager of the demo funder's partner, as an administrator; returns the partner's and the membership's ids. */
export async function makeManagerOfFundersPartner(t: TestApp, personId: string): Promise<{ partnerId: string; membershipId: string }> {
  const funder = await t.gql('{ viewer { person { memberships { partner { id } } } } }', {}, TOKENS.funder);
  const partnerId = funder.data.viewer.person.memberships[0].partner.id as string;
  const set = await t.gql(SET_MANAGER, { p: personId, q: partnerId }, TOKENS.admin);
  if (set.errors) throw new Error(`setMembership refused: ${JSON.stringify(set.errors)}`);
  return { partnerId, membershipId: set.data.setMembership.id as string };
}

/**
 * A support request received by the demo funder's office (a *garage solidaire* in creation in
 * `communeId`, with a technical and a 40,000 € investment need), with or without the holder's consent
 * to share, then qualified: the request the committee's tests review. Returns its id.
 */
export async function qualifiedSupportRequest(t: TestApp, communeId: string, { consent = true }: { consent?: boolean } = {}): Promise<string> {
  const input = supportRequestInput(communeId, { consent });
  const received = await t.gql('mutation($input: ReceiveSupportRequestInput!) { receiveSupportRequest(input: $input) { id } }', { input }, TOKENS.funder);
  if (received.errors) throw new Error(`receiveSupportRequest: ${JSON.stringify(received.errors)}`);
  const id: string = received.data.receiveSupportRequest.id;
  const qualified = await t.gql('mutation($id: ID!) { qualifySupportRequest(id: $id) { status } }', { id }, TOKENS.funder);
  if (qualified.errors) throw new Error(`qualifySupportRequest: ${JSON.stringify(qualified.errors)}`);
  return id;
}

/**
 * The input of `receiveSupportRequest` for a *garage solidaire* in creation in `communeId` (technical and
 * 40,000 € investment need, mobility), the request tests and the fan-out bench have reviewed.
 */
export function supportRequestInput(communeId: string, { consent = true, title = 'Garage solidaire', holderName = 'Karim Porteur' } = {}) {
  return {
    title,
    holderName,
    intakeChannel: 'PARTNER_OFFICE',
    stage: 'CREATION',
    targetLegalForm: 'ASSOCIATION',
    technicalNeed: true,
    financialNeed: true,
    amountSought: 40_000,
    needTypes: ['INVESTMENT'],
    sector: 'mobilite',
    communeId,
    consentToShare: consent,
  };
}
