import { ArgsType, Field, ID, Int, InterfaceType, ObjectType, type ClassType } from 'type-graphql';
import { IsOptional, IsString, Max, Min } from 'class-validator';
import { Cursor, ReferenceKind, type EntityClass, type EntityMetadata, type EntityProperty } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { badInput } from './errors.js';
import { CONTROL, isUuid, keyFits } from './keys.js';

export { keyFits, registerKeyFormats } from './keys.js';

/* Relay conventions: opaque global ids, the Node interface, connections with edges, pageInfo and totalCount. */

/** Opaque global id of a record: base64url of `Type:key`. */
export function toGlobalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

/** Reads a global id; null when it is not one. */
export function fromGlobalId(globalId: string): { type: string; id: string } | null {
  if (typeof globalId !== 'string' || globalId.length === 0 || globalId.length > 200) return null;
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const sep = decoded.indexOf(':');
  if (sep <= 0 || sep === decoded.length - 1) return null;
  const type = decoded.slice(0, sep);
  if (!/^[A-Z][A-Za-z]*$/.test(type)) return null;
  const id = decoded.slice(sep + 1);
  // No key holds control characters, and PostgreSQL refuses NUL in any text: not an id.
  if (CONTROL.test(id)) return null;
  return { type, id };
}

/** Decodes the global id of a `type` record given in `field`, or refuses it as bad input. */
export function decodeId(globalId: string, type: string, field: string): string {
  const parsed = fromGlobalId(globalId);
  if (!parsed || parsed.type !== type || !keyFits(type, parsed.id)) {
    throw badInput(field, `« ${String(globalId).slice(0, 80)} » n'est pas un identifiant valide (type attendu dans le schéma : ${type}).`);
  }
  return parsed.id;
}

/** Decodes a list of global ids of one type. */
export function decodeIds(globalIds: readonly string[], type: string, field: string): string[] {
  return globalIds.map((g, i) => decodeId(g, type, `${field}[${i}]`));
}

@InterfaceType('Node', {
  // Types of disabled modules implement Node too: register only the types the schema reaches.
  autoRegisterImplementations: false,
  description: 'A record with an opaque global id, fetchable with `node(id)`.',
})
export abstract class Node {
  @Field(() => ID, { name: 'id', description: 'Opaque global id of the record.', simple: false })
  readonly globalId!: string;
}

@ObjectType({ description: 'Where a page stands in a list (Relay convention).', simpleResolvers: true })
export class PageInfo {
  @Field(() => Boolean, { description: 'True when there are records after this page.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'True when there are records before this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first record of the page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last record of the page.' })
  endCursor!: string | null;
}

/** Default page size when neither `first` nor `last` is given. */
export const DEFAULT_PAGE_SIZE = 20;
/** Largest page a client may ask for. */
export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `Page size from the start or from \`after\` (at most ${MAX_PAGE_SIZE}; ${DEFAULT_PAGE_SIZE} by default).` })
  @IsOptional()
  @Min(0, { message: 'first doit être positif ou nul.' })
  @Max(MAX_PAGE_SIZE, { message: `first ne peut pas dépasser ${MAX_PAGE_SIZE}.` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Return records after this cursor.' })
  @IsOptional()
  @IsString({ message: 'after doit être un curseur (une chaîne).' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `Page size from the end or from \`before\` (at most ${MAX_PAGE_SIZE}).` })
  @IsOptional()
  @Min(0, { message: 'last doit être positif ou nul.' })
  @Max(MAX_PAGE_SIZE, { message: `last ne peut pas dépasser ${MAX_PAGE_SIZE}.` })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Return records before this cursor.' })
  @IsOptional()
  @IsString({ message: 'before doit être un curseur (une chaîne).' })
  before?: string | null;
}

/** The edge and connection types of `nodeType`; subclass the result with `@ObjectType()`. */
export function connectionType<T extends object>(nodeType: ClassType<T>, nodeName: string) {
  @ObjectType(`${nodeName}Edge`, { description: `A ${nodeName} in a page, with its cursor.`, simpleResolvers: true })
  class Edge {
    @Field(() => String, { description: 'Opaque cursor of this record, for `after` and `before`.' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${nodeName}.` })
    node!: T;
  }

  // Registered only so the subclass inherits its fields; type-graphql 2 emits only referenced types.
  @ObjectType(`${nodeName}ConnectionBase`, { description: `Fields of ${nodeName}Connection.` })
  abstract class Connection {
    @Field(() => [Edge], { description: 'The records of this page.' })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Where this page stands.' })
    pageInfo!: PageInfo;

    /** Counted only when asked for. */
    count!: () => Promise<number>;

    @Field(() => Int, { description: 'Number of records matching the filters, all pages together.' })
    totalCount(): Promise<number> {
      return this.count();
    }
  }
  return Connection;
}

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  count: () => Promise<number>;
}

/** What a cursor value must be to stand for a value of `prop` (as `Cursor.decode` gives it back). */
const cursorValueChecks = new WeakMap<EntityProperty, (value: unknown) => boolean>();

function cursorValueCheck(em: SqlEntityManager, prop: EntityProperty): (value: unknown) => boolean {
  let check = cursorValueChecks.get(prop);
  if (check) return check;
  const columnType = (prop.columnTypes?.[0] ?? '').toLowerCase();
  if (prop.kind === ReferenceKind.MANY_TO_ONE || prop.kind === ReferenceKind.ONE_TO_ONE) {
    const target = em.getMetadata().find(prop.type) as EntityMetadata | undefined;
    const pk = target?.primaryKeys.length === 1 ? target.properties[target.primaryKeys[0]!] : undefined;
    check = pk ? cursorValueCheck(em, pk as EntityProperty) : () => false;
  } else if (prop.runtimeType === 'Date') {
    // Cursor.decode gives ISO strings back as dates.
    check = (v) => v instanceof Date && !Number.isNaN(v.getTime());
  } else if (columnType === 'uuid') {
    check = (v) => typeof v === 'string' && isUuid(v);
  } else if (prop.enum && Array.isArray(prop.items)) {
    const items = new Set(prop.items.map(String));
    check = (v) => typeof v === 'string' && items.has(v);
  } else if (prop.runtimeType === 'number') {
    const integer = /^(smallint|int|integer|int2|int4|int8|bigint|serial)/.test(columnType);
    check = integer ? (v) => Number.isSafeInteger(v) && Math.abs(v as number) <= 2_147_483_647 : (v) => typeof v === 'number' && Number.isFinite(v);
  } else if (prop.runtimeType === 'boolean') {
    check = (v) => typeof v === 'boolean';
  } else {
    check = (v) => typeof v === 'string' && !CONTROL.test(v);
  }
  cursorValueChecks.set(prop, check);
  return check;
}

/**
 * Refuses a cursor this list could not have given: not base64url JSON, another arity than the order,
 * or a value that does not fit its column (a cursor of another order, a forged one). Checked before
 * any SQL, so a bad cursor is the client's error (BAD_USER_INPUT on `field`), never the database's.
 */
function checkCursor(em: SqlEntityManager, entity: EntityClass<object>, order: readonly (readonly [string, unknown])[], cursor: string, field: 'after' | 'before'): void {
  const refuse = () => badInput(field, `Le curseur « ${cursor.slice(0, 40)} » n'est pas valide pour cette liste.`);
  let values: unknown;
  try {
    values = Cursor.decode(cursor);
  } catch {
    throw refuse();
  }
  if (!Array.isArray(values) || values.length !== order.length) throw refuse();
  const meta = em.getMetadata().get(entity.name);
  order.forEach(([name], i) => {
    const prop = meta.properties[name];
    if (!prop || !cursorValueCheck(em, prop as EntityProperty)(values[i])) throw refuse();
  });
}

/** Checks `first`/`last`/`after`/`before` together (cursors against `order`) and returns the page asked for. */
export function checkPageArgs(args: ConnectionArgs, em: SqlEntityManager, entity: EntityClass<object>, order: readonly (readonly [string, unknown])[]) {
  if (args.first != null && args.last != null) {
    throw badInput('first', 'Utilisez first ou last, pas les deux.');
  }
  if (args.after != null) checkCursor(em, entity, order, args.after, 'after');
  if (args.before != null) checkCursor(em, entity, order, args.before, 'before');
  const first = args.first ?? (args.last == null ? DEFAULT_PAGE_SIZE : undefined);
  return {
    first: first ?? undefined,
    last: args.last ?? undefined,
    after: args.after ?? undefined,
    before: args.before ?? undefined,
  };
}

/** Wraps a page in the connection class so `totalCount` resolves lazily. */
export function toConnection<C extends { edges: unknown; pageInfo: PageInfo; count: () => Promise<number> }>(Type: abstract new () => C, page: Page<unknown>): C {
  const connection = Object.create(Type.prototype as object) as C;
  return Object.assign(connection, page);
}
