import { GraphQLBoolean, GraphQLFloat, GraphQLInt, GraphQLObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { Float, Int, getMetadataStorage, type AuthCheckerFn } from 'type-graphql';

/** What type-graphql's metadata holds about a `@FieldResolver` once a schema is built. */
interface FieldResolverMetadata {
  kind: 'internal' | 'external';
  target: new () => Record<string, (...args: unknown[]) => unknown>;
  methodName: string;
  schemaName: string;
  getObjectType?: () => unknown;
  params?: { kind: string; index: number; name?: string; propertyName?: string; getType?: () => unknown }[];
  roles?: string[];
  middlewares?: unknown[];
}

/**
 * An `@Arg` of a boolean or number type: type-graphql passes its value on as GraphQL coerced it
 * (nothing to convert; our validateFn checks strings and input objects only), so a direct resolver may too.
 */
function plainScalarArg(p: { getType?: () => unknown }): boolean {
  const type = p.getType?.();
  return type === Boolean || type === Number || type === Float || type === Int || type === GraphQLBoolean || type === GraphQLInt || type === GraphQLFloat;
}

/** type-graphql's `convertToType` leaves these values as they are. */
function keptAsIs(type: unknown, value: unknown): boolean {
  return value == null || typeof value !== 'object' || typeof type !== 'function' || value instanceof type;
}

/**
 * type-graphql calls each field resolver through a generic wrapper: per call, an object, its
 * parameters sorted and mapped, and for `@Authorized` fields an async middleware chain (about six
 * promises per row). On a 100-row page that is several hundred calls per field.
 *
 * For the `@FieldResolver`s of resolver classes whose parameters are only `@Root`, `@Ctx` and `@Info`
 * (nothing to convert or validate) and whose only middleware is `@Authorized`, this puts a direct
 * resolver in the built schema: the same authChecker with the same roles, called first and
 * synchronously, then the method. Anything else (a checker answering with a promise or `false`, a root
 * type-graphql would convert) goes through type-graphql's own resolver, so the behaviour is the same.
 * Resolver classes are stateless: one instance serves every call, as type-graphql's container does.
 *
 * Returns the fields it made direct (`Type.field`).
 */
export function installLeanResolvers(schema: GraphQLSchema, authChecker: AuthCheckerFn<never, string>): string[] {
  const storage = getMetadataStorage() as unknown as {
    fieldResolvers: FieldResolverMetadata[];
    objectTypes: { target: unknown; name: string }[];
  };
  const installed: string[] = [];
  for (const def of storage.fieldResolvers) {
    if (def.kind !== 'external' || (def.middlewares?.length ?? 0) > 0 || !def.params) continue;
    const params = [...def.params].sort((a, b) => a.index - b.index);
    if (params.some((p) => p.kind !== 'root' && p.kind !== 'context' && p.kind !== 'info' && !(p.kind === 'arg' && plainScalarArg(p)))) continue;
    const objectType = def.getObjectType?.();
    const typeName = storage.objectTypes.find((o) => o.target === objectType)?.name;
    const type = typeName ? schema.getType(typeName) : undefined;
    if (!(type instanceof GraphQLObjectType)) continue;
    const field = type.getFields()[def.schemaName];
    const original = field?.resolve;
    if (!field || !original) continue;

    const instance = new def.target();
    const method = instance[def.methodName];
    if (typeof method !== 'function') continue;
    const roles = def.roles;
    const rootTypes = params.map((p) => (p.kind === 'root' && p.getType ? p.getType() : undefined));
    // (@Root() row, @Ctx() ctx) with no conversion to make: called as is.
    const simple = params.length === 2 && params[0]!.kind === 'root' && !params[0]!.propertyName && rootTypes[0] === undefined && params[1]!.kind === 'context' && !params[1]!.propertyName;
    const lean: GraphQLFieldResolver<unknown, Record<string, unknown>, Record<string, unknown>> = (root, args, context, info) => {
      if (roles) {
        const granted = authChecker({ root, args, context, info } as never, roles);
        if (granted !== true) return original(root, args, context, info);
      }
      if (simple) return method.call(instance, root, context); // the common (@Root, @Ctx) shape
      const values = new Array<unknown>(params.length);
      for (let i = 0; i < params.length; i++) {
        const p = params[i]!;
        if (p.kind === 'root') {
          const value = p.propertyName ? (root as Record<string, unknown>)[p.propertyName] : root;
          if (rootTypes[i] !== undefined && !keptAsIs(rootTypes[i], value)) return original(root, args, context, info);
          values[i] = value;
        } else if (p.kind === 'context') {
          values[i] = p.propertyName ? context[p.propertyName] : context;
        } else if (p.kind === 'arg') {
          values[i] = (args as Record<string, unknown>)[p.name!];
        } else {
          values[i] = info;
        }
      }
      return method.apply(instance, values);
    };
    field.resolve = lean;
    installed.push(`${type.name}.${field.name}`);
  }
  return installed;
}
