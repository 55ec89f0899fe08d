import { ReferenceKind, type EntityClass, type EntityMetadata, type EntityProperty } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { converterOf, type Converter } from './convert.js';
import { isReference, readPrototype, referenceMaker } from './prototypes.js';
import { maxItemsOf } from './fields.js';

export { isReference };

/*
 * What the kit knows of an entity, read once from MikroORM's metadata: its table, its columns with the
 * converter from what drivers give to what the entity holds, and its relations. Every statement the kit
 * writes takes its names from here, so a renamed column or property is followed everywhere at once.
 */

export interface ColumnInfo {
  property: string;
  column: string;
  /** Raw value (never null) to the property's type; null: kept as read. */
  convert: Converter | null;
  /** Long texts, read only when a field asks for them. */
  lazy: boolean;
  /** SQL array type to compare the column with a list of values, e.g. `uuid[]`. */
  arrayType: string;
  /** Read as text inside json (bigint and numeric: a json number would lose digits). */
  textInJson: boolean;
}

export interface ManyToOneInfo {
  kind: 'one';
  property: string;
  /** The foreign key column on this entity's table. */
  column: string;
  target: () => EntityInfo;
}

export interface OneToManyInfo {
  kind: 'many';
  property: string;
  target: () => EntityInfo;
  /** The ManyToOne property of the target pointing back here. */
  foreignKey: string;
  orderBy: readonly (readonly [string, 'asc' | 'desc'])[];
  /** Most rows read per parent: the field's `@MaxItems`, or null. */
  limit: number | null;
}

/** An array column holding keys of another entity (`@KeysOf`), e.g. the sector codes of criteria. */
export interface KeysInfo {
  kind: 'keys';
  property: string;
  column: string;
  target: () => EntityInfo;
}

export type RelationInfo = ManyToOneInfo | OneToManyInfo | KeysInfo;

const keysOf = new WeakMap<Function, Map<string, () => EntityClass<object>>>();

/**
 * Declares an array property as keys of `target` rows: a field resolver that declares `@Needs` on it and
 * reads `related(ctx, row, property)` gets the target rows the page read with it (in the array's order,
 * with the target's visibility), else through the target's loader.
 */
export function KeysOf(target: () => EntityClass<object>): PropertyDecorator {
  return (prototype, property) => {
    let byProperty = keysOf.get(prototype.constructor);
    if (!byProperty) keysOf.set(prototype.constructor, (byProperty = new Map<string, () => EntityClass<object>>()));
    byProperty.set(String(property), target);
  };
}

/** The target `@KeysOf` declares for `property` on `entity` or on a class it extends (an abstract base). */
function declaredKeys(entity: Function, property: string): (() => EntityClass<object>) | undefined {
  for (let cls: unknown = entity; typeof cls === 'function' && cls !== Function.prototype; cls = Object.getPrototypeOf(cls)) {
    const target = keysOf.get(cls)?.get(property);
    if (target) return target;
  }
  return undefined;
}

export interface EntityInfo {
  entity: EntityClass<object>;
  name: string;
  table: string;
  meta: EntityMetadata;
  /** The single primary key property (the kit's entities all have one). */
  pk: ColumnInfo;
  /** Stored columns by property (lazy and hidden ones, such as search keys, excepted). */
  columns: ReadonlyMap<string, ColumnInfo>;
  /** Every stored column, search keys included: what filters may use. */
  stored: ReadonlyMap<string, ColumnInfo>;
  relations: ReadonlyMap<string, RelationInfo>;
  /** Prototype of read rows: the class's getters, no change tracking. */
  proto: object;
  /** A reference to the row with this key (see `referenceMaker`). */
  reference: (key: unknown) => object;
}

const infos = new WeakMap<object, EntityInfo>();

/** The kit's view of `entity` (by class or by name), built once per class. */
export function entityInfo(em: SqlEntityManager, entity: EntityClass<object> | string): EntityInfo {
  const meta = em.getMetadata().get(typeof entity === 'string' ? entity : entity.name);
  const cls = meta.class as EntityClass<object>;
  let info = infos.get(cls);
  if (!info) {
    info = buildInfo(em, meta);
    infos.set(cls, info);
  }
  return info;
}

function columnOf(em: SqlEntityManager, meta: EntityMetadata, prop: EntityProperty): ColumnInfo {
  const columnType = (prop.columnTypes?.[0] ?? 'text').replace(/\(.*\)$/, '');
  return {
    property: prop.name,
    column: prop.fieldNames[0]!,
    convert: converterOf(meta, prop, em.getPlatform(), em),
    lazy: prop.lazy === true,
    textInJson: /^(bigint|int8|numeric|decimal)/.test(columnType.toLowerCase()),
    arrayType: prop.nativeEnumName && !prop.array ? `"${prop.nativeEnumName}"[]` : /^[a-z ]+$/.test(columnType) && !columnType.endsWith('[]') ? `${columnType}[]` : 'text[]',
  };
}

function orderOf(prop: EntityProperty): [string, 'asc' | 'desc'][] {
  const orderBy = prop.orderBy ?? [];
  return (Array.isArray(orderBy) ? orderBy : [orderBy]).flatMap((o) =>
    Object.entries(o as object).map(([p, dir]) => [p, String(dir).toLowerCase().startsWith('desc') ? 'desc' : 'asc'] as [string, 'asc' | 'desc']),
  );
}

function buildInfo(em: SqlEntityManager, meta: EntityMetadata): EntityInfo {
  if (meta.primaryKeys.length !== 1) throw new Error(`${meta.className}: the kit reads entities with one primary key`);
  const columns = new Map<string, ColumnInfo>();
  const stored = new Map<string, ColumnInfo>();
  const relations = new Map<string, RelationInfo>();
  const lookup = (type: string) => () => entityInfo(em, type);
  for (const prop of Object.values(meta.properties) as EntityProperty[]) {
    if (prop.kind === ReferenceKind.ONE_TO_MANY) {
      relations.set(prop.name, { kind: 'many', property: prop.name, target: lookup(prop.type), foreignKey: prop.mappedBy, orderBy: orderOf(prop), limit: maxItemsOf(meta.class, prop.name) });
      continue;
    }
    if (prop.persist === false || !prop.fieldNames?.length) continue;
    const column = columnOf(em, meta, prop);
    stored.set(prop.name, column);
    if (!(prop.lazy && prop.hidden)) columns.set(prop.name, column);
    const keysTarget = declaredKeys(meta.class, prop.name);
    if (keysTarget) relations.set(prop.name, { kind: 'keys', property: prop.name, column: column.column, target: () => entityInfo(em, keysTarget()) });
    if (prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner)) {
      relations.set(prop.name, { kind: 'one', property: prop.name, column: column.column, target: lookup(prop.type) });
    }
  }
  const pk = columns.get(meta.primaryKeys[0]!)!;
  const proto = readPrototype(em, meta.class as EntityClass<object>);
  const reference = referenceMaker(em, meta.class as EntityClass<object>, pk.property);
  return { entity: meta.class as EntityClass<object>, name: meta.className, table: meta.tableName, meta, pk, columns, stored, relations, proto, reference };
}

/** The primary key of a row, a reference or a managed entity of `info`. */
export function keyOf(info: EntityInfo, row: object): string {
  return String((row as Record<string, unknown>)[info.pk.property]);
}
