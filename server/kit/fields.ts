import { getMetadataStorage } from 'type-graphql';

/*
 * Which GraphQL field of an entity's type reads which properties, so a read selects only the columns
 * the fields asked for need. A field declared on a property reads that property; a computed field (a
 * getter, a field resolver of this module or of another one) declares what it reads with `@Needs`,
 * next to its definition. A computed field that declares nothing makes the read take every column.
 *
 * A need may name properties of a relation's rows: `@Needs('schemes.active', 'schemes.validFrom')` on a
 * field resolver that shows some of a partner's schemes gathers `schemes` with those columns and, when
 * the field's type is the relation's target (it answers those rows), with what its selection asks of
 * them, as the relation's own field would. A bare relation (`@Needs('schemes')`) gathers every column.
 */

const declared = new WeakMap<object, Map<string, readonly string[]>>();

/**
 * Declares the properties a computed field reads (on a getter of the entity or a `@FieldResolver`);
 * `relation.property` for a property of a OneToMany (or `@KeysOf`) relation's rows.
 */
export function Needs(...properties: string[]): MethodDecorator & PropertyDecorator {
  return (target: object, member: string | symbol) => {
    const owner = typeof target === 'function' ? target : target.constructor;
    let byMember = declared.get(owner);
    if (!byMember) declared.set(owner, (byMember = new Map<string, readonly string[]>()));
    byMember.set(String(member), properties);
  };
}

/** What a GraphQL field of an entity's type reads. */
export interface FieldReads {
  /** The property behind the field, when it is one. */
  property?: string;
  /** Properties a computed field declared with `@Needs`. */
  needs?: readonly string[];
  /** The class of the rows a field resolver answers (its GraphQL type), when it is an object type. */
  shows?: Function;
}

interface StoredField {
  target: Function;
  name: string;
  schemaName: string;
}
interface StoredFieldResolver {
  target: Function;
  methodName: string;
  schemaName: string;
  getObjectType?: () => unknown;
  getType?: () => unknown;
}

const byEntity = new WeakMap<object, Map<string, FieldReads>>();

/** The fields of `entity`'s GraphQL type (its own and those other resolvers add), by schema name. */
export function fieldReads(entity: Function): ReadonlyMap<string, FieldReads> {
  let fields = byEntity.get(entity);
  if (fields) return fields;
  fields = new Map();
  const storage = getMetadataStorage() as unknown as { fields: StoredField[]; fieldResolvers: StoredFieldResolver[] };
  for (const f of storage.fields) {
    if (f.target !== entity && !(f.target.prototype instanceof Object && entity.prototype instanceof f.target)) continue;
    const needs = declared.get(f.target)?.get(f.name);
    fields.set(f.schemaName, needs ? { needs } : { property: f.name });
  }
  for (const r of storage.fieldResolvers) {
    if (r.getObjectType?.() !== entity) continue;
    // type-graphql also lists the entity's own getters declared `simple: false` (`globalId`) as field
    // resolvers of the entity class itself: those are fields of the entity, read as above.
    if (r.target === entity || entity.prototype instanceof r.target) continue;
    const needs = declared.get(r.target)?.get(r.methodName);
    const shows = needs?.some((n) => n.includes('.')) ? r.getType?.() : undefined;
    fields.set(r.schemaName, typeof shows === 'function' ? { needs, shows } : { needs });
  }
  byEntity.set(entity, fields);
  return fields;
}

/**
 * The `maxItems` a list field on `property` of `entity` declares (`@MaxItems`), or null. The kit reads
 * at most that many rows of such a OneToMany relation per parent, so the cost the query limits charge
 * is the most a query can read.
 */
export function maxItemsOf(entity: Function, property: string): number | null {
  const storage = getMetadataStorage() as unknown as { fieldExtensions: { target: Function; fieldName: string; extensions: { maxItems?: number } }[] };
  const found = storage.fieldExtensions.find((e) => (e.target === entity || entity.prototype instanceof e.target) && e.fieldName === property && e.extensions.maxItems != null);
  return found?.extensions.maxItems ?? null;
}
