import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ctx, Query, Resolver } from 'type-graphql';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { createApp, type App } from '../server/app.js';
import { createLogger, serializeError, statementShape } from '../server/logger.js';
import { defineModule, withDependencies } from '../server/module.js';
import type { Context } from '../server/context.js';
import { ALL_MODULES } from '../modules/index.js';
import { Person } from '../modules/accounts/index.js';
import { createTestDatabase, testConfig } from './harness.js';

/*
 * Database errors reach the log without the values of their statement nor PostgreSQL's detail, which
 * hold personal data (issue 8, item 17), and with the request id and the statement's shape.
 */

const NAME = 'Jeanne Secrète-Dupont';
const EMAIL = 'jeanne.secrete@exemple.fr';

@Resolver()
class LogProbeResolver {
  @Query(() => String, { description: 'Flushes a person whose name is longer than its column (a DriverException).' })
  async logProbeTooLong(@Ctx() ctx: Context): Promise<string> {
    const em = ctx.em.fork() as SqlEntityManager;
    em.create(Person, { name: `${NAME} `.repeat(20), email: EMAIL, createdAt: new Date() } as never);
    await em.flush();
    return 'unreachable';
  }

  @Query(() => String, { description: 'A raw statement refused by PostgreSQL, which quotes the value in its message.' })
  async logProbeBadUuid(@Ctx() ctx: Context): Promise<string> {
    await ctx.em.fork().getConnection().execute('select id from person where id = ?', [EMAIL]);
    return 'unreachable';
  }

  @Query(() => String, { description: 'A NOT NULL violation, whose detail lists the whole row.' })
  async logProbeNotNull(@Ctx() ctx: Context): Promise<string> {
    const em = ctx.em.fork() as SqlEntityManager;
    await em.getConnection().execute("insert into person (id, name, email, created_at) values ('6f7e3c1a-2b4d-4e5f-8a9b-0c1d2e3f4a5b', ?, null, now())", [NAME]);
    return 'unreachable';
  }
}

const logProbe = defineModule({
  name: 'logprobe',
  description: 'Test probe for the logs.',
  dependsOn: ['accounts'],
  entities: [],
  resolvers: [LogProbeResolver],
});

const lines: string[] = [];
let app: App;
let url: string;
let drop: () => Promise<void>;
beforeAll(async () => {
  const database = await createTestDatabase();
  drop = database.drop;
  const available = [...ALL_MODULES, logProbe];
  const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
  app = await createApp(testConfig({ databaseUrl: database.url, modules: withDependencies(available, ['logprobe']), logLevel: 'info' }), { available, logger });
  url = await app.listen();
});
afterAll(async () => {
  await app?.close();
  await drop?.();
});

async function logOf(query: string, requestId: string): Promise<any> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': requestId }, body: JSON.stringify({ query }) });
  const body = (await res.json()) as any;
  expect(body.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
  const logged = lines.filter((line) => line.includes(requestId));
  expect(logged).toHaveLength(1);
  return { line: logged[0]!, entry: JSON.parse(logged[0]!) };
}

function expectNoPersonalData(line: string): void {
  expect(line).not.toContain('Secrète');
  expect(line).not.toContain('Secr\\u00e8te');
  expect(line).not.toContain('jeanne');
  expect(line).not.toMatch(/"(params|parameters|detail|query|where|internalQuery)"/);
}

describe('database errors in the log', () => {
  it('logs a failed flush with the request id and the statement shape, without its values', async () => {
    const { line, entry } = await logOf('{ logProbeTooLong }', 'req-log-too-long');
    expectNoPersonalData(line);
    expect(entry.requestId).toBe('req-log-too-long');
    expect(entry.err.code).toBe('22001');
    expect(entry.err.statement).toMatch(/^insert into "person" \(.*"name".*\) values \(\?, \?, \?/);
    expect(entry.err.message).toContain('value too long for type character varying(200)');
    expect(entry.err.stack).toMatch(/\n\s+at /);
  });

  it('masks the value PostgreSQL quotes in its own message', async () => {
    const { line, entry } = await logOf('{ logProbeBadUuid }', 'req-log-bad-uuid');
    expectNoPersonalData(line);
    expect(entry.err.code).toBe('22P02');
    expect(entry.err.statement).toBe('select id from person where id = ?');
    expect(entry.err.message).toMatch(/invalid input syntax for type uuid: \?$/);
  });

  it('drops the detail of a constraint violation, which lists the row', async () => {
    const { line, entry } = await logOf('{ logProbeNotNull }', 'req-log-not-null');
    expectNoPersonalData(line);
    expect(entry.err.code).toBe('23502');
    expect(entry.err).toMatchObject({ table: 'person', column: 'email' });
    expect(entry.err.statement).toBe('insert into person (id, name, email, created_at) values (?, ?, null, now())');
  });
});

describe('the serializer', () => {
  it('masks literals and numbers but keeps quoted identifiers', () => {
    expect(statementShape(`insert into "t1" ("a", "b2") values (E'l\\'été', 'l''été', 42, 3.5, "c1") returning "id"`)).toBe('insert into "t1" ("a", "b2") values (?, ?, ?, ?, "c1") returning "id"');
  });

  it('redacts a database error nested as the cause of another', () => {
    const database = Object.assign(new Error(`insert into "person" ("email") values ('${EMAIL}') - duplicate key value violates unique constraint "person_email_unique"`), {
      code: '23505',
      severity: 'ERROR',
      detail: `Key (email)=(${EMAIL}) already exists.`,
      constraint: 'person_email_unique',
    });
    const wrapper = new Error(`failed: ${database.message}`, { cause: database });
    const line = JSON.stringify(serializeError(wrapper));
    expectNoPersonalData(line);
    expect(line).toContain('person_email_unique');
    expect(line).toContain('insert into \\"person\\" (\\"email\\") values (?)');
  });
});
