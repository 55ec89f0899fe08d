import { describe, expect, it } from 'vitest';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { MAX_PREPARED, Statement, preparedOn, type PgConnection } from './statement.js';

/** A connection that records what it was sent, and node-pg's record of its prepared statements. */
function fakeConnection(): PgConnection & { sent: string[] } {
  const sent: string[] = [];
  return {
    sent,
    connection: { parsedStatements: {} },
    query: async (config) => {
      sent.push(typeof config === 'string' ? config : config.name);
      return { rows: [] };
    },
  };
}

describe('prepared statements of the kit', () => {
  it('number the placeholders and reuse the name of a text already prepared on the connection', async () => {
    const connection = fakeConnection();
    const first = await preparedOn(connection, 'select e."id" from "organization" e where e."name" = ? limit ?');
    expect(first.text).toBe('select e."id" from "organization" e where e."name" = $1 limit $2');
    expect(await preparedOn(connection, 'select e."id" from "organization" e where e."name" = ? limit ?')).toBe(first);
    expect(connection.sent).toEqual([]);
  });

  it('keep at most MAX_PREPARED per connection, deallocating the least recently used: many shapes cannot fill the cache for good', async () => {
    const connection = fakeConnection();
    const hot = 'select e."id" from "organization" e limit ?';
    const hotName = (await preparedOn(connection, hot)).name;
    for (let i = 0; i < MAX_PREPARED * 3; i++) {
      const { name } = await preparedOn(connection, `select ${i} where ? = ?`);
      connection.connection!.parsedStatements![name] = 'parsed';
      if (i % 10 === 0) expect((await preparedOn(connection, hot)).name).toBe(hotName); // used often: kept
    }
    const deallocated = connection.sent.filter((s) => s.startsWith('deallocate'));
    expect(deallocated).toHaveLength(MAX_PREPARED * 3 + 1 - MAX_PREPARED);
    expect(deallocated).not.toContain(`deallocate "${hotName}"`);
    expect(Object.keys(connection.connection!.parsedStatements!).length).toBeLessThanOrEqual(MAX_PREPARED);
    // A shape first seen after all this is still prepared.
    expect((await preparedOn(connection, 'select 42 where ? = ?')).name).toMatch(/^kit_/);
  });
});

describe('row counts in a statement', () => {
  it('are written into the text (a generic plan), and only whole numbers are', () => {
    const st = new Statement({} as SqlEntityManager).text('select 1 limit ').count(101);
    expect(st.sql).toBe('select 1 limit 101');
    expect(st.params).toEqual([]);
    for (const bad of [1.5, -1, Number.NaN, 2 ** 60, '1; drop table x' as unknown as number]) expect(() => st.count(bad)).toThrow(/whole number/);
  });
});
