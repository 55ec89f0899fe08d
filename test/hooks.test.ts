import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineModule, type ResolverHook } from '../server/kit/index.js';
import { ALL_MODULES } from '../modules/index.js';
import { TOKENS, collect, startTestApp, type TestApp } from './harness.js';

/*
 * Resolver hooks (tracing, audit) run around every resolver that is not a plain property read, on the
 * fast paths too: root fields, the direct field resolvers (server/lean-resolvers.ts) and the kit's
 * relation resolvers, over HTTP and over WebSocket.
 */

const seen = new Map<string, number>();
const tracing: ResolverHook = (call, next) => {
  const key = `${call.info.parentType.name}.${call.info.fieldName}`;
  seen.set(key, (seen.get(key) ?? 0) + 1);
  return next();
};
const hookModule = defineModule({ name: 'hook-probe', description: 'Counts resolver calls (test).', dependsOn: [], entities: [], resolvers: [], hooks: [tracing] });

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ available: [...ALL_MODULES, hookModule], modules: [...ALL_MODULES.map((m) => m.name), 'hook-probe'] });
});
afterAll(() => t?.close());

describe('resolver hooks', () => {
  it('wrap root fields, direct field resolvers and the kit relation resolvers, once per call', async () => {
    seen.clear();
    const res = await t.gql('{ organizations(first: 3) { edges { node { name sector { name } contacts { firstName } eligiblePartners { partner { name } } } } } }', {}, TOKENS.admin);
    expect(res.errors).toBeUndefined();
    expect(seen.get('Query.organizations')).toBe(1);
    expect(seen.get('Organization.sector')).toBe(3); // kit relation resolver (joined rows)
    expect(seen.get('Organization.contacts')).toBe(3); // kit relation resolver (gathered rows)
    expect(seen.get('Organization.eligiblePartners')).toBe(3); // direct field resolver
    expect(seen.has('Organization.name')).toBe(false); // plain property reads stay unwrapped
  });

  it('wrap subscription payload resolvers over WebSocket too', async () => {
    seen.clear();
    const list = await t.gql('{ organizations(first: 1) { edges { node { id } } } }', {}, TOKENS.admin);
    const id = list.data.organizations.edges[0].node.id;
    const client = t.ws(TOKENS.admin);
    const pushed = collect(client, 'subscription($id: ID) { organizationChanged(id: $id) { name sector { name } } }', { id }, 1);
    await pushed.ready;
    await t.gql('mutation($id: ID!) { updateOrganization(id: $id, input: { phone: "03 21 00 00 01" }) { id } }', { id }, TOKENS.admin);
    expect((await pushed.results)[0]!.errors).toBeUndefined();
    await client.dispose();
    expect(seen.get('Mutation.updateOrganization')).toBe(1);
    expect(seen.get('Subscription.organizationChanged')).toBe(1);
    expect(seen.get('Organization.sector')).toBeGreaterThanOrEqual(1);
  });
});
