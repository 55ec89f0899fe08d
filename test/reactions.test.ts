import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { contextOf, type Context } from '../server/context.js';
import { defineEvent, within } from '../server/events.js';
import { defineModule } from '../server/module.js';
import { createApp } from '../server/app.js';
import { ALL_MODULES } from '../modules/index.js';
import { startTestApp, testConfig, TOKENS, type TestApp } from './harness.js';

/*
 * Reactions inside the publishing transaction (a manifest's `reactions`, `within(Event, (payload, tx) => …)`):
 * a module depending on another appends its own events and rows in the transaction that published the
 * other's event, with the caller's context; an error rolls everything back; chains run in order; a
 * reaction to a module it does not depend on stops the start.
 */

const BaseDone = defineEvent<{ code: string }>('react-base.done', { stream: (p) => `react-base:${p.code}` });
const Followed = defineEvent<{ code: string; viewer: string }>('react-dep.followed', { stream: (p) => `react-dep:${p.code}` });
const Chained = defineEvent<{ code: string }>('react-dep.chained', { stream: (p) => `react-dep:${p.code}` });

@Resolver()
class ReactBaseResolver {
  @Mutation(() => Boolean, { description: 'Writes a row and publishes BaseDone in one transaction.' })
  async reactBaseDo(@Arg('code', () => String) code: string, @Ctx() ctx: Context): Promise<boolean> {
    return ctx.transaction(async (tx) => {
      await tx.em.execute('insert into react_probe (code, what) values (?, ?)', [code, 'base']);
      tx.publish(BaseDone, { code });
      return true;
    });
  }
}

const base = defineModule({ name: 'react-base', description: 'Publishes.', dependsOn: [], entities: [], resolvers: [ReactBaseResolver] });
const dependent = defineModule({
  name: 'react-dep',
  description: 'Reacts within the transaction.',
  dependsOn: ['react-base'],
  entities: [],
  resolvers: [],
  reactions: [
    within(BaseDone, async (p, tx) => {
      if (p.code === 'fails') throw new Error('la réaction échoue');
      await tx.em.execute('insert into react_probe (code, what) values (?, ?)', [p.code, 'dep']);
      tx.publish(Followed, { code: p.code, viewer: contextOf(tx).viewer.personId ?? 'none' });
    }),
    within(Followed, (p, tx) => tx.publish(Chained, { code: p.code })),
  ],
});

let t: TestApp;
const em = () => t.app.gateway.orm.em.fork() as SqlEntityManager;

beforeAll(async () => {
  t = await startTestApp({ modules: ['react-dep', 'accounts'], available: [...ALL_MODULES, base, dependent] });
  await em().execute('create table react_probe (code text, what text)');
});
afterAll(async () => t?.close());

const run = (code: string) => t.gql('mutation($code: String!) { reactBaseDo(code: $code) }', { code }, TOKENS.admin);

describe('reactions within the publishing transaction', () => {
  it("writes the reacting module's rows and events in the same transaction, as the caller, chains included", async () => {
    expect((await run('one')).errors).toBeUndefined();
    expect(await em().execute("select what from react_probe where code = 'one' order by what")).toEqual([{ what: 'base' }, { what: 'dep' }]);
    const events = (await em().execute(`select name, stream, seq::int as seq, payload from event where payload->>'code' = 'one' order by id`)) as any[];
    expect(events.map((e) => [e.name, e.stream, e.seq])).toEqual([
      ['react-base.done', 'react-base:one', 1],
      ['react-dep.followed', 'react-dep:one', 1],
      ['react-dep.chained', 'react-dep:one', 2],
    ]);
    expect(events[1].payload.viewer).not.toBe('none'); // the caller's context, not the system's
    const writers = (await em().execute(`select xmin::text as x from event where payload->>'code' = 'one'`)) as { x: string }[];
    expect(new Set(writers.map((r) => r.x)).size).toBe(1); // one transaction
  });

  it('rolls the change back when a reaction fails', async () => {
    expect((await run('fails')).errors).toBeDefined();
    expect(await em().execute("select what from react_probe where code = 'fails'")).toEqual([]);
    expect(await em().execute(`select name from event where payload->>'code' = 'fails'`)).toEqual([]);
  });

  it('refuses at start a reaction to the events of a module the reacting one does not depend on', async () => {
    const stray = defineModule({ name: 'react-stray', description: 'Reacts to a module it does not depend on.', dependsOn: [], entities: [], resolvers: [], reactions: [within(BaseDone, () => {})] });
    await expect(createApp(testConfig({ modules: ['react-base', 'react-stray'], demo: false }), { available: [base, stray] })).rejects.toThrow(/does not depend on/);
  });
});
