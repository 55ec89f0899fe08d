import { MetadataStorage, ReferenceKind } from '@mikro-orm/core';
import { GraphQLObjectType, type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { entityInfo, type ManyToOneInfo, type OneToManyInfo } from './entities.js';
import { byKey, children } from './loaders.js';
import { GATHERED, type Gathered } from './rows.js';
import { scopeOf, type KitContext } from './scope.js';

/*
 * The kit's resolvers in a built schema: every field of an entity's GraphQL type declared on a
 * ManyToOne or OneToMany property resolves from the metadata, from what the page read with its rows
 * (joined or gathered) or else through the relation's loader, with the target's visibility. And the
 * resolver hooks (tracing, audit) around every resolver that is not a plain property read.
 */

/** What a hook sees of a resolver call. */
export interface ResolverCall {
  root: unknown;
  args: Record<string, unknown>;
  context: unknown;
  info: GraphQLResolveInfo;
}

/** Runs around a resolver: call `next()` for its result (a value or a promise). */
export type ResolverHook = (call: ResolverCall, next: () => unknown) => unknown;

function manyToOne(property: string): GraphQLFieldResolver<Record<string, unknown>, KitContext> {
  let relation: ManyToOneInfo | undefined;
  return (root, _args, ctx) => {
    const value = root[property] as Record<string, unknown> | null | undefined;
    if (value == null) return null;
    relation ??= entityInfo(ctx.em, (root as object).constructor.name).relations.get(property) as ManyToOneInfo;
    const target = relation.target();
    if (Object.getPrototypeOf(value) === target.proto) return value; // read with the row (joined)
    return byKey(scopeOf(ctx), target).get(String(value[target.pk.property]));
  };
}

function oneToMany(property: string): GraphQLFieldResolver<Record<string | symbol, unknown>, KitContext> {
  let relation: OneToManyInfo | undefined;
  return (root, _args, ctx) => {
    const gathered = (root[GATHERED] as Gathered | undefined)?.[property];
    if (gathered) return gathered;
    const info = entityInfo(ctx.em, (root as object).constructor.name);
    relation ??= info.relations.get(property) as OneToManyInfo;
    return children(scopeOf(ctx), relation).get(String(root[info.pk.property]));
  };
}

interface StoredField {
  target: Function;
  name: string;
  schemaName: string;
}

/** The kind of the MikroORM property `name` declared by decorators on the class `target`, if any. */
function relationKind(target: Function, name: string): ReferenceKind | undefined {
  const properties = MetadataStorage.getMetadataFromDecorator(target as never).properties as Record<string, { kind?: ReferenceKind }>;
  return properties[name]?.kind;
}

/** Installs the relation resolvers; returns the fields it installed (`Type.field`). */
export function installRelationResolvers(schema: GraphQLSchema): string[] {
  const storage = getMetadataStorage() as unknown as {
    fields: StoredField[];
    objectTypes: { target: Function; name: string }[];
    authorizedFields: { target: Function; fieldName: string }[];
    middlewares: { target: Function; fieldName: string }[];
  };
  const guarded = (f: StoredField) => [...storage.authorizedFields, ...storage.middlewares].some((g) => g.target === f.target && g.fieldName === f.name);
  const installed: string[] = [];
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!(type instanceof GraphQLObjectType)) continue;
    for (const f of storage.fields) {
      // The type's own fields and those it inherits from an abstract base entity (PositionContent):
      // type-graphql gives the subclass's type both, so both are resolved here.
      if (f.target !== objectType.target && !(objectType.target.prototype instanceof f.target)) continue;
      // The relation is declared where the field is (MikroORM keeps decorators by declaring class).
      const kind = relationKind(f.target, f.name);
      const field = type.getFields()[f.schemaName];
      if (!field || (kind !== ReferenceKind.MANY_TO_ONE && kind !== ReferenceKind.ONE_TO_MANY)) continue;
      // The kit's resolver replaces type-graphql's, whose @Authorized and middlewares would silently go.
      if (guarded(f))
        throw new Error(
          `${type.name}.${field.name}: the kit resolves relation fields; declare who sees ${kind === ReferenceKind.MANY_TO_ONE ? 'the target' : 'its rows'} with a visibility rule, not @Authorized or a middleware on the field`,
        );
      field.resolve = (kind === ReferenceKind.MANY_TO_ONE ? manyToOne(f.name) : oneToMany(f.name)) as GraphQLFieldResolver<unknown, unknown>;
      installed.push(`${type.name}.${field.name}`);
    }
  }
  return installed;
}

/**
 * Wraps every resolver of the schema that is not a plain property read (root fields, field
 * resolvers, the direct ones of lean-resolvers.ts and the relation ones above) in `hooks`, first
 * outermost. Without hooks nothing is wrapped, so the fast path costs nothing.
 */
export function installHooks(schema: GraphQLSchema, hooks: readonly ResolverHook[]): number {
  if (hooks.length === 0) return 0;
  let wrapped = 0;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (!resolve) continue;
      field.resolve = (root, args, context, info) => {
        const call: ResolverCall = { root, args: args as Record<string, unknown>, context, info };
        const run = (i: number): unknown => (i === hooks.length ? resolve(root, args, context, info) : hooks[i]!(call, () => run(i + 1)));
        return run(0);
      };
      wrapped++;
    }
  }
  return wrapped;
}
