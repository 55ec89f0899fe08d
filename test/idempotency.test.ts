import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Arg, Ctx, Int, Mutation, Resolver } from 'type-graphql';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { defineModule } from '../server/module.js';
import { defineEvent } from '../server/events.js';
import type { Context } from '../server/context.js';
import { ALL_MODULES } from '../modules/index.js';
import { startTestApp, TOKENS, type TestApp } from './harness.js';

/*
 * Idempotency keys (`ctx.transaction(fn, { idempotencyKey, operation })`, server/idempotency.ts): a
 * retry returns the first result without running again or publishing again; two calls at once with one
 * key run once (PostgreSQL: the second waits for the first); keys are per viewer and per operation,
 * checked, forgotten when the work fails, and purged after 24 hours.
 */

const Counted = defineEvent<{ n: number }>('idem-probe.counted', { stream: () => 'idem-probe' });
let runs = 0;

@Resolver()
class IdemProbeResolver {
  @Mutation(() => Int, { description: 'Counts one run (a row and an event) under an idempotency key; returns the run number.' })
  async idemProbeRun(
    @Arg('key', () => String, { nullable: true }) key: string | null,
    @Arg('operation', () => String, { defaultValue: 'idem-probe.run' }) operation: string,
    @Arg('delayMs', () => Int, { defaultValue: 0 }) delayMs: number,
    @Arg('fail', () => Boolean, { defaultValue: false }) fail: boolean,
    @Ctx() ctx: Context,
  ): Promise<number> {
    return ctx.transaction(
      async (tx) => {
        const n = ++runs;
        await tx.em.execute('insert into idem_probe_run (n) values (?)', [n]);
        tx.publish(Counted, { n });
        if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
        if (fail) throw new Error('échec voulu');
        return n;
      },
      { idempotencyKey: key, operation },
    );
  }
}

const probe = defineModule({ name: 'idem-probe', description: 'Test probe for idempotency keys.', dependsOn: [], entities: [], resolvers: [IdemProbeResolver] });

let t: TestApp;
const em = () => t.app.gateway.orm.em.fork() as SqlEntityManager;
const RUN = 'mutation($key: String, $operation: String, $delayMs: Int, $fail: Boolean) { idemProbeRun(key: $key, operation: $operation, delayMs: $delayMs, fail: $fail) }';
const run = (variables: Record<string, unknown>, token: string = TOKENS.admin) => t.gql(RUN, { operation: 'idem-probe.run', ...variables }, token);
const count = async (sql: string) => ((await em().execute(sql)) as { n: number }[])[0]!.n;

beforeAll(async () => {
  t = await startTestApp({ modules: ['idem-probe', 'accounts'], available: [...ALL_MODULES, probe] });
  await em().execute('create table idem_probe_run (n int primary key)');
});
afterAll(async () => t?.close());

describe('idempotency keys', () => {
  it('returns the first result to a retry, without running nor publishing again', async () => {
    const first = await run({ key: 'retry-1' });
    expect(first.errors).toBeUndefined();
    const rows = await count('select count(*)::int as n from idem_probe_run');
    const events = await count("select count(*)::int as n from event where name = 'idem-probe.counted'");
    const again = await run({ key: 'retry-1' });
    expect(again.data.idemProbeRun).toBe(first.data.idemProbeRun);
    expect(await count('select count(*)::int as n from idem_probe_run')).toBe(rows);
    expect(await count("select count(*)::int as n from event where name = 'idem-probe.counted'")).toBe(events);
    // Without a key, each call runs.
    const a = await run({ key: null });
    const b = await run({ key: null });
    expect(b.data.idemProbeRun).toBe(a.data.idemProbeRun + 1);
  });

  it('keeps keys apart per viewer and per operation', async () => {
    const admin = await run({ key: 'shared' });
    const funder = await run({ key: 'shared' }, TOKENS.funder);
    const other = await run({ key: 'shared', operation: 'idem-probe.other' });
    expect(new Set([admin.data.idemProbeRun, funder.data.idemProbeRun, other.data.idemProbeRun]).size).toBe(3);
    expect((await run({ key: 'shared' }, TOKENS.funder)).data.idemProbeRun).toBe(funder.data.idemProbeRun);
  });

  it('refuses a key that cannot be one, naming the field', async () => {
    for (const key of ['', 'x'.repeat(101), 'clé avec espaces']) {
      const res = await run({ key });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
    }
    expect((await run({ key: 'x'.repeat(100) })).errors).toBeUndefined();
  });

  it('forgets the key of a call that failed: the retry runs', async () => {
    const failed = await run({ key: 'fails-first', fail: true });
    expect(failed.errors).toBeDefined();
    const retried = await run({ key: 'fails-first' });
    expect(retried.errors).toBeUndefined();
    expect(await count(`select count(*)::int as n from idem_probe_run where n = ${Number(retried.data.idemProbeRun)}`)).toBe(1);
  });

  it('runs two concurrent calls with one key once: the second returns the first result', async () => {
    const before = runs;
    const [a, b] = await Promise.all([run({ key: 'concurrent', delayMs: 300 }), run({ key: 'concurrent', delayMs: 300 })]);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    expect(a.data.idemProbeRun).toBe(b.data.idemProbeRun);
    expect(runs).toBe(before + 1);
    expect(await count("select count(*)::int as n from idempotency_key where key = 'concurrent'")).toBe(1);
  });

  it('treats a key older than 24 hours as new, and the kit task purges it', async () => {
    const first = await run({ key: 'old' });
    await em().execute("update idempotency_key set created_at = now() - interval '25 hours' where key = 'old'");
    const later = await run({ key: 'old' });
    expect(later.data.idemProbeRun).toBe(first.data.idemProbeRun + 1);
    await em().execute("update idempotency_key set created_at = now() - interval '25 hours' where key = 'old'");
    expect(await t.runPeriodicTask('kit.idempotency-purge')).toBe('succeeded');
    expect(await count("select count(*)::int as n from idempotency_key where key = 'old'")).toBe(0);
    expect(await count("select count(*)::int as n from idempotency_key where key = 'retry-1'")).toBe(1);
  });
});
