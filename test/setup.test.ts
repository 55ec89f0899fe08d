import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSetup, SetupExit } from '../server/setup.js';
import { createTestDatabase, startTestApp, testConfig, type TestApp } from './harness.js';

/**
 * `npm run setup` on an empty database (PostgreSQL with TEST_DATABASE_URL, else a PGlite folder: the
 * setup and the server are two openings of one database, which PGlite in memory cannot be).
 */
const root = join(import.meta.dirname, '..');

interface Run {
  code: number;
  out: string;
  err: string;
}

const TOKEN = /^\s+(mlg_[\w-]+)$/m;

describe('npm run setup', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let folder: string;
  let dataDir: string | null;
  const config = () => testConfig({ databaseUrl: database.url, dataDir, demo: true, logLevel: 'silent' });

  async function setup(...argv: string[]): Promise<Run> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runSetup(argv, {}, config(), { log: (l) => out.push(l), error: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  /** `npm run setup` as a process (what `npm run setup --` runs), on the same database. */
  function cli(...argv: string[]): Promise<Run> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/setup.ts', ...argv], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: database.url ?? '', DATA_DIR: dataDir ?? '', REDIS_URL: '', LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr.on('data', (c: Buffer) => (err += c.toString()));
      child.on('exit', (code) => resolve({ code: code ?? -1, out, err }));
    });
  }

  async function counts(app: TestApp): Promise<Record<string, number>> {
    const tables = ['territory', 'intercommunality', 'commune', 'sector', 'partner', 'organization', 'person', 'membership'];
    const [row] = await app.app.gateway.orm.em
      .fork()
      .getConnection()
      .execute(`select ${tables.map((t) => `(select count(*) from ${t})::int as ${t}`).join(', ')}, (select count(*) from person where platform_role = 'ADMIN')::int as admins`);
    return row as Record<string, number>;
  }

  async function openApp(): Promise<TestApp> {
    // The database outlives the app: setup runs again after it closes.
    return startTestApp({ database: { url: database.url, drop: async () => {} }, config: { dataDir, demo: false } });
  }

  const viewer = `{ viewer { isAuthenticated permissions person { name email platformRole } } }`;

  beforeAll(async () => {
    database = await createTestDatabase();
    folder = mkdtempSync(join(tmpdir(), 'maillage-setup-'));
    dataDir = database.url ? null : join(folder, 'pglite');
  });

  afterAll(async () => {
    await database.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('refuses missing or wrong administrator details with exit code 2, before opening the database', async () => {
    const noEmail = await setup('--name', 'Claire Martin');
    expect(noEmail.code).toBe(SetupExit.Usage);
    expect(noEmail.err).toMatch(/--email \(or ADMIN_EMAIL\)/);
    const badEmail = await setup('--name', 'Claire Martin', '--email', 'claire');
    expect(badEmail.code).toBe(SetupExit.Usage);
    expect(badEmail.err).toMatch(/--email: "claire" is not an e-mail address/);
    const unknown = await setup('--admin', 'x');
    expect(unknown.code).toBe(SetupExit.Usage);
    expect(unknown.err).toMatch(/Unknown option '--admin'/);
  });

  it('loads the reference data and creates one administrator whose printed token works; a second run is refused (exit code 3); --force adds one; nothing is duplicated', async () => {
    // The command itself, as an operator runs it: exit code 0 and the token on stdout, then 3.
    const first = await cli('--name', '  Claire Martin ', '--email', 'Claire.Martin@Example.org');
    expect(first.err).toBe('');
    expect(first.code).toBe(SetupExit.Done);
    expect(first.out).toMatch(/migrations: \d+ applied/);
    expect(first.out).toMatch(/53 communes added/);
    expect(first.out).toMatch(/sectors: 14 added/);
    const token = TOKEN.exec(first.out)?.[1];
    expect(token).toBeDefined();
    // Every token made with it depends on it: the operator is told to keep it, never to revoke it.
    expect(first.out).toMatch(/Keep it in a secret store: revoking it would revoke every token made with it/);
    expect(first.out).not.toMatch(/then revoke this one/);

    const again = await cli('--name', 'Claire Martin', '--email', 'claire.martin@example.org');
    expect(again.code).toBe(SetupExit.AdminExists);
    expect(again.err).toMatch(/An administrator already exists \(Claire Martin <claire\.martin@example\.org>\): nothing was changed\. Use --force/);
    expect(again.out).not.toMatch(/mlg_/);

    const forced = await setup('--name', 'Paul Durand', '--email', 'paul.durand@example.org', '--force');
    expect(forced.code).toBe(SetupExit.Done);
    expect(forced.out).toMatch(/0 territory, 0 intercommunalities and 0 communes added/);
    expect(forced.out).toMatch(/sectors: 0 added/);
    const second = TOKEN.exec(forced.out)?.[1];
    expect(second).toBeDefined();
    expect(second).not.toBe(token);

    const reference = await setup('--reference-only');
    expect(reference.code).toBe(SetupExit.Done);
    expect(reference.out).not.toMatch(/mlg_/);

    const app = await openApp();
    try {
      expect(await counts(app)).toEqual({
        territory: 1,
        intercommunality: 2,
        commune: 53,
        sector: 14,
        partner: 0, // no demo data
        organization: 0,
        person: 2,
        membership: 0,
        admins: 2,
      });
      const claire = await app.gql(viewer, {}, token);
      expect(claire.errors).toBeUndefined();
      expect(claire.data.viewer).toMatchObject({ isAuthenticated: true, person: { name: 'Claire Martin', email: 'claire.martin@example.org', platformRole: 'ADMIN' } });
      expect(claire.data.viewer.permissions).toContain('partners.create');
      const paul = await app.gql(viewer, {}, second);
      expect(paul.data.viewer.person).toMatchObject({ name: 'Paul Durand', platformRole: 'ADMIN' });
      // The administrator can start the platform: a partner, through the API.
      const communes = await app.gql(`{ territories { name intercommunalities { shortName } } }`, {}, token);
      expect(communes.data.territories).toEqual([{ name: 'Boulonnais', intercommunalities: expect.arrayContaining([{ shortName: 'CAB' }, { shortName: 'CCDS' }]) }]);
    } finally {
      await app.close();
    }

    // --force with the e-mail of an administrator: a new token for the same person (a lost token).
    const lost = await setup('--name', 'Claire Martin', '--email', 'claire.martin@example.org', '--force');
    expect(lost.code).toBe(SetupExit.Done);
    expect(lost.out).toMatch(/already administrator: a new token/);
    const app2 = await openApp();
    try {
      expect(await counts(app2)).toMatchObject({ person: 2, admins: 2, commune: 53, sector: 14 });
      const renewed = await app2.gql(viewer, {}, TOKEN.exec(lost.out)![1]);
      expect(renewed.data.viewer.person.name).toBe('Claire Martin');
    } finally {
      await app2.close();
    }
  }, 120_000);
});
