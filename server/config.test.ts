import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('has defaults for the embedded database', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 4000, databaseUrl: null, dataDir: '.data/pglite', redisUrl: null, modules: null, demo: true });
  });

  it('turns demo data off by default on PostgreSQL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@localhost/db' }).demo).toBe(false);
  });

  it('reports every invalid variable by name', () => {
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', DEMO: 'maybe', MODULES: 'Bad Name' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      for (const name of ['PORT', 'DATABASE_URL', 'LOG_LEVEL', 'DEMO', 'MODULES']) expect(problems).toContain(name);
    }
  });

  it('reads IMPORT_DIR as an existing folder, absolute with its links resolved; a missing one is reported', () => {
    expect(loadConfig({}).importDir).toBeNull();
    expect(loadConfig({ IMPORT_DIR: '.' }).importDir).toBe(realpathSync(process.cwd()));
    expect(() => loadConfig({ IMPORT_DIR: '/no/such/folder' })).toThrow(/IMPORT_DIR: the folder "\/no\/such\/folder" does not exist/);
  });

  it('keeps stored files beside the PGlite folder unless FILES_DIR says where, as an absolute path', () => {
    expect(loadConfig({}).filesDir).toBe(resolve('.data/files'));
    expect(loadConfig({ DATA_DIR: '/srv/maillage/pglite' }).filesDir).toBe('/srv/maillage/files');
    expect(loadConfig({ FILES_DIR: 'stockage' }).filesDir).toBe(resolve('stockage'));
  });

  it('reads MODULES as a list', () => {
    expect(loadConfig({ MODULES: 'territory, sectors' }).modules).toEqual(['territory', 'sectors']);
  });
});
