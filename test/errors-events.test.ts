import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { defineModule } from '../server/module.js';
import { defineEvent, on } from '../server/events.js';
import type { Context } from '../server/context.js';
import { ALL_MODULES } from '../modules/index.js';
import { Sector } from '../modules/sectors/index.js';
import { collect, startTestApp, type TestApp } from './harness.js';
import { DEFAULT_LIMITS } from '../server/config.js';

/** A module that exists only in this test: it proves the plugin contract and the error and event rules. */
const ProbeHappened = defineEvent<{ code: string }>('probe.happened');
const delivered: string[] = [];

@Resolver()
class ProbeResolver {
  @Query(() => String, { description: 'Fails with an unexpected error.' })
  probeBoom(): string {
    throw new Error('password=hunter2 at db.internal:5432');
  }

  @Mutation(() => String, { description: 'Writes, publishes, then fails: nothing must stay, nothing must be delivered.' })
  async probeRollback(@Ctx() ctx: Context): Promise<string> {
    return ctx.transaction(async (tx) => {
      tx.em.create(Sector, { code: 'rolled-back', name: 'Annulée' });
      await tx.em.flush();
      tx.publish(ProbeHappened, { code: 'rolled-back' });
      throw new Error('failure after the write');
    });
  }

  @Mutation(() => String, { description: 'Writes and publishes.' })
  async probeCommit(@Ctx() ctx: Context): Promise<string> {
    return ctx.transaction(async (tx) => {
      tx.em.create(Sector, { code: 'committed', name: 'Validée' });
      await tx.em.flush();
      tx.publish(ProbeHappened, { code: 'committed' });
      return 'ok';
    });
  }
}

const probe = defineModule({
  name: 'probe',
  description: 'Test probe.',
  dependsOn: ['sectors'],
  entities: [],
  resolvers: [ProbeResolver],
  subscribers: [on(ProbeHappened, ({ code }) => void delivered.push(code))],
});

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ modules: ['probe', 'partners'], available: [...ALL_MODULES, probe], config: { limits: { ...DEFAULT_LIMITS, maxSubscriptionsPerSocket: 2 } } });
});
afterAll(async () => t?.close());

describe('errors', () => {
  it('masks unexpected errors and gives a request id', async () => {
    const res = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ probeBoom }' }) });
    const body = (await res.json()) as any;
    expect(body.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(body)).not.toContain('hunter2');
    expect(body.errors[0].extensions.requestId).toBe(res.headers.get('x-request-id'));
  });
});

describe('events', () => {
  it('delivers events after commit only, and rolls back the writes of a failed operation', async () => {
    const failed = await t.gql('mutation { probeRollback }');
    expect(failed.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
    const ok = await t.gql('mutation { probeCommit }');
    expect(ok.data.probeCommit).toBe('ok');
    // Delivered after commit by the dispatcher, not inside the mutation.
    await vi.waitFor(() => expect(delivered).toEqual(['committed']), { timeout: 5_000, interval: 20 });
    await t.app.gateway.events.idle();
    expect(delivered).toEqual(['committed']);
    const sectors = (await t.gql('{ sectors { code } }')).data.sectors.map((s: any) => s.code);
    expect(sectors).toContain('committed');
    expect(sectors).not.toContain('rolled-back');
  });
});

describe('subscriptions per socket', () => {
  it('refuses more open subscriptions than the cap on one socket', async () => {
    const client = t.ws();
    const query = 'subscription { partnerChanged { id } }';
    const a = collect(client, query, {}, 1, 60_000);
    const b = collect(client, query, {}, 1, 60_000);
    a.results.catch(() => {});
    b.results.catch(() => {});
    await Promise.all([a.ready, b.ready]);
    const third = collect(client, query, {}, 1, 5_000);
    const error = await third.results.catch((e: unknown) => e);
    expect(Array.isArray(error) ? (error as any)[0].extensions.limit : error).toBe('subscriptions');
  });
});
