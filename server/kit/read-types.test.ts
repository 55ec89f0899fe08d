import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArrayType, Collection, Entity, Enum, ManyToOne, OneToMany, PrimaryKey, PrimaryKeyProp, Property, type MikroORM, type Ref } from '@mikro-orm/core';
import { PostgreSqlPlatform, type SqlEntityManager } from '@mikro-orm/postgresql';
import { openDatabase } from '../database.js';
import { createTestDatabase } from '../../test/harness.js';
import { parsePgTimestamp } from './convert.js';
import { Viewer } from '../auth.js';
import { find, load, loadMany, LocalDateType } from './index.js';
import { entityInfo } from './entities.js';
import { fullPlan, type ReadPlan } from './plan.js';
import { joinPlan, readRows, selectPlan, GATHERED } from './rows.js';
import { scopeOf, type KitContext } from './scope.js';
import { Statement, runRead } from './statement.js';
import { VisibilityRules } from './visibility.js';

/*
 * The kit's reads (raw rows, no hydration) must give what MikroORM's hydration gives, for every kind of
 * column, on every path: a page's own rows, a joined ManyToOne, a gathered OneToMany (read through
 * json), the loaders; on PGlite and on PostgreSQL (whose driver gives timestamps, dates, bigint and
 * numeric as strings, and arrays of native enums as '{A,B}'). A test-only entity holds one column of
 * each kind.
 */

enum Colour {
  RED = 'RED',
  GREEN = 'GREEN',
}

@Entity({ tableName: 'read_probe_parent' })
class ReadProbeParent {
  [PrimaryKeyProp]?: 'code';

  @PrimaryKey({ type: 'string', length: 20 })
  code!: string;

  @OneToMany(() => ReadProbe, (p) => p.parent, { orderBy: { name: 'asc' } })
  probes = new Collection<ReadProbe>(this);
}

@Entity({ tableName: 'read_probe' })
class ReadProbe {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 50 })
  name!: string;

  @Property({ type: 'datetime' })
  at!: Date;

  @Property({ type: 'datetime', nullable: true })
  maybeAt: Date | null = null;

  @Property({ type: 'date' })
  day!: string;

  @Property({ type: LocalDateType })
  localDay!: string;

  @Property({ type: LocalDateType, nullable: true })
  maybeLocalDay: string | null = null;

  @Property({ type: 'decimal', precision: 12, scale: 2 })
  amount!: string;

  @Property({ type: 'decimal', precision: 12, scale: 2, runtimeType: 'number' })
  amountNumber!: number;

  @Property({ type: 'bigint' })
  big!: bigint;

  @Property({ type: 'bigint', runtimeType: 'number' })
  bigNumber!: number;

  @Property({ type: 'double' })
  ratio!: number;

  @Property({ type: 'integer' })
  count!: number;

  @Property({ type: 'boolean' })
  flag!: boolean;

  @Property({ type: 'json' })
  data!: { a: number; b: string[] };

  @Enum({ items: () => Colour, nativeEnumName: 'read_probe_colour' })
  colour!: Colour;

  @Enum({ items: () => Colour, array: true, nativeEnumName: 'read_probe_colour' })
  colours: Colour[] = [];

  @Enum({ items: () => Colour, array: true })
  colourTexts: Colour[] = [];

  @Property({ type: ArrayType })
  tags: string[] = [];

  @ManyToOne(() => ReadProbeParent, { ref: true })
  parent!: Ref<ReadProbeParent>;
}

let orm: MikroORM;
let drop: () => Promise<void>;
let em: SqlEntityManager;
let ctx: KitContext;
const ids: string[] = [];

beforeAll(async () => {
  const database = await createTestDatabase();
  drop = database.drop;
  orm = await openDatabase({ databaseUrl: database.url, dataDir: null, entities: [ReadProbe, ReadProbeParent] });
  await orm.getSchemaGenerator().createSchema();
  const writer = orm.em.fork();
  const parent = writer.create(ReadProbeParent, { code: 'p-1' });
  for (const [i, at] of [new Date('2026-11-30T22:47:58.563Z'), new Date('2024-02-29T00:00:00.001Z')].entries()) {
    const probe = writer.create(ReadProbe, {
      name: `probe ${i}`,
      at,
      maybeAt: i === 0 ? new Date('2026-01-01T12:00:00.000Z') : null,
      day: i === 0 ? '2026-11-30' : '2024-02-29',
      localDay: i === 0 ? '2026-11-30' : '2024-02-29',
      maybeLocalDay: i === 0 ? '1999-12-31' : null,
      amount: '1234.50',
      amountNumber: 99.25,
      big: 9007199254740993n,
      bigNumber: 12345678901,
      ratio: 0.125,
      count: 42,
      flag: i === 0,
      data: { a: 1, b: ['x', 'y'] },
      colour: Colour.GREEN,
      colours: [Colour.RED, Colour.GREEN],
      colourTexts: [Colour.GREEN],
      tags: ['un', 'deux, trois', 'quatre "cinq"'],
      parent,
    });
    ids.push(probe.id);
  }
  await writer.flush();
  em = orm.em.fork() as SqlEntityManager;
  ctx = { em, viewer: Viewer.anonymous(), can: () => false, gateway: { visibility: new VisibilityRules([]) } };
});
afterAll(async () => {
  await orm?.close(true);
  await drop?.();
});

/** What MikroORM's hydration gives for every column, by id: the reference to compare with. */
async function hydrated(): Promise<Map<string, Record<string, unknown>>> {
  const rows = await orm.em.fork().find(ReadProbe, { id: { $in: ids } });
  // `date` columns: hydration passes on what the driver gives (node-pg a string, PGlite a Date); the
  // property is declared a string, which reads give on both.
  return new Map(rows.map((r) => [r.id, { ...plain(r), parent: r.parent.unwrap().code, day: r.id === ids[0] ? '2026-11-30' : '2024-02-29' }]));
}

function plain(row: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of [
    'id',
    'name',
    'at',
    'maybeAt',
    'day',
    'localDay',
    'maybeLocalDay',
    'amount',
    'amountNumber',
    'big',
    'bigNumber',
    'ratio',
    'count',
    'flag',
    'data',
    'colour',
    'colours',
    'colourTexts',
    'tags',
    'parent',
  ]) {
    out[key] = (row as Record<string, unknown>)[key];
  }
  return out;
}

/** The values of a kit row to compare with hydration's: the parent as its key (a reference). */
function kitValues(row: object): Record<string, unknown> {
  const values = plain(row);
  return { ...values, parent: (values.parent as { code: string }).code };
}

/** Runs `plan` on every row of its entity, as a page statement does (joins and gathers included). */
async function readPlanned(plan: ReadPlan): Promise<object[]> {
  const scope = scopeOf(ctx);
  const st = new Statement(em).text('select ');
  selectPlan(st, scope, plan, 'e');
  st.text(` from "${plan.info.table}" e`);
  joinPlan(st, scope, plan, 'e');
  return readRows(scope, plan, await runRead(em, st));
}

describe('kit reads convert every column to the property type', () => {
  it('hydration itself gives the documented types (the reference is sound)', async () => {
    const reference = await hydrated();
    expect(reference.size).toBe(2);
    const first = reference.get(ids[0]!)!;
    expect(first.at).toEqual(new Date('2026-11-30T22:47:58.563Z'));
    expect(first.amount).toBe('1234.50');
    expect(first.amountNumber).toBe(99.25);
    expect(first.big).toBe(9007199254740993n);
    expect(first.bigNumber).toBe(12345678901);
    expect(first.colours).toEqual(['RED', 'GREEN']);
    expect(first.tags).toEqual(['un', 'deux, trois', 'quatre "cinq"']);
    expect(first.data).toEqual({ a: 1, b: ['x', 'y'] });
    // LocalDateType: hydration gives the day as a string on both databases (PGlite's driver a Date).
    expect(first.localDay).toBe('2026-11-30');
    expect(first.maybeLocalDay).toBe('1999-12-31');
    expect(reference.get(ids[1]!)!.maybeLocalDay).toBeNull();
  });

  it('page rows, loaders and gathered rows (through json) give what hydration gives', async () => {
    const reference = await hydrated();
    const parent = entityInfo(em, ReadProbeParent);
    const probe = entityInfo(em, ReadProbe);
    const gathered = await readPlanned({ ...fullPlan(parent), gathers: [{ relation: parent.relations.get('probes') as never, plan: fullPlan(probe, true) }] });
    const paths: Record<string, object[]> = {
      find: await find(ctx, ReadProbe, {
        orderBy: [
          ['name', 'asc'],
          ['id', 'asc'],
        ],
        limit: 10,
      }),
      load: [(await load(ctx, ReadProbe, ids[0]!))!, (await load(ctx, ReadProbe, ids[1]!))!],
      loadMany: (await loadMany(ctx, ReadProbe, ids)) as object[],
      gathered: (gathered[0] as Record<symbol, Record<string, object[]>>)[GATHERED]!.probes!,
    };
    for (const [path, rows] of Object.entries(paths)) {
      expect(rows, path).toHaveLength(2);
      for (const row of rows) {
        const values = kitValues(row);
        expect(values, path).toEqual(reference.get(values.id as string));
        expect(values.at, path).toBeInstanceOf(Date);
        expect(typeof values.big, path).toBe('bigint');
        expect(values.day, path).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  });

  it('a joined ManyToOne is a row of its entity; an unjoined one a reference holding the key', async () => {
    const parent = entityInfo(em, ReadProbeParent);
    const probe = entityInfo(em, ReadProbe);
    const [joined] = await readPlanned({ ...fullPlan(probe), joins: [{ relation: probe.relations.get('parent') as never, plan: fullPlan(parent) }] });
    expect((joined as ReadProbe).parent).toBeInstanceOf(ReadProbeParent);
    expect((joined as ReadProbe).parent.code).toBe('p-1');
    const [plainRow] = await find(ctx, ReadProbe, { orderBy: [['id', 'asc']], limit: 1 });
    expect(plainRow!.parent.code).toBe('p-1');
  });
});

describe('parsePgTimestamp', () => {
  it("reads what PostgreSQL writes as MikroORM's parser does, and leaves the rest to it", () => {
    const platform = new PostgreSqlPlatform();
    const postgresDate = (s: string) => platform.parseDate(s) as Date;
    const readable = [
      '2026-11-30 22:47:58.563+00',
      '2026-11-30 22:47:58.563123+00',
      '2026-11-30 22:47:58.5+00',
      '2026-11-30 22:47:58+00',
      '2026-11-30 22:47:58.999999+05:30',
      '2024-02-29 00:00:00.001-03',
      '1000-01-01 00:00:00+00',
      '9999-12-31 23:59:59.999-09:30',
    ];
    for (const s of readable) expect(parsePgTimestamp(s)?.toISOString(), s).toBe(postgresDate(s).toISOString());
    for (const s of [
      '0099-11-30 22:47:58+00',
      '12026-11-30 22:47:58+00',
      '2026-11-30 22:47:58.563+00 BC',
      '2026-11-30 22:47:58.563+05:45:12',
      'infinity',
      '2026-11-30T22:47:58.563Z',
      '2026-11-30 22:47:58',
      '',
    ]) {
      expect(parsePgTimestamp(s), s).toBeNull();
    }
  });
});
