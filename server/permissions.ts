import type { GraphQLSchema } from 'graphql';
import { Authorized as TypeGraphQLAuthorized, getMetadataStorage } from 'type-graphql';
import type { PermissionRegistry, Role } from './auth.js';

/*
 * Typed permissions (after Vendure's `PermissionDefinition` and Hive's typed `assertPerformAction`): a
 * module declares its permissions once with `definePermissions`, gets constants back, and names them in
 * `@Authorized(P.update)` and `ctx.can(P.update)`. A plain string is not a `Permission`, so a misspelled
 * name fails to compile; a name no enabled module declares (a cast, a disabled module) fails at boot.
 */

declare const permissionBrand: unique symbol;

/** A permission's full name (`organizations.update`), as only `definePermissions` makes it. */
export type Permission<Name extends string = string> = Name & { readonly [permissionBrand]: true };

/** What a module declares for one permission. */
export interface PermissionSpec {
  /** Roles that hold it; administrators hold every permission, so `[]` means administrators only. */
  roles: readonly Role[];
  /** One line on what it allows. */
  description: string;
}

/** Permissions, possibly grouped: `{ update: spec, consent: { record: spec } }`. */
export interface PermissionTree {
  readonly [key: string]: PermissionSpec | PermissionTree;
}

/** A declared permission, as the registry keeps it. */
export interface PermissionDefinition {
  name: Permission;
  roles: readonly Role[];
  description: string;
}

/** The constants of `T` under `Prefix`: each spec becomes `Permission<'prefix.key'>`, each group an object. */
export type PermissionConstants<Prefix extends string, T> = {
  readonly [K in keyof T & string]: T[K] extends PermissionSpec ? Permission<`${Prefix}.${K}`> : PermissionConstants<`${Prefix}.${K}`, T[K]>;
};

const DEFINITIONS = Symbol('permission definitions');

/** What `definePermissions` returns: the constants, carrying their definitions for the manifest. */
export type PermissionSet<Prefix extends string = string, T = unknown> = PermissionConstants<Prefix, T> & {
  readonly [DEFINITIONS]: readonly PermissionDefinition[];
};

function isSpec(value: PermissionSpec | PermissionTree): value is PermissionSpec {
  return Array.isArray((value as PermissionSpec).roles);
}

/**
 * Declares a module's permissions under its name and returns them as constants:
 * `definePermissions('organizations', { update: { roles: ['MANAGER'], description: '…' } }).update`
 * is the `Permission` `'organizations.update'`. Give the set to the manifest's `permissions`.
 */
export function definePermissions<const Prefix extends string, const T extends PermissionTree>(prefix: Prefix, tree: T): PermissionSet<Prefix, T> {
  const definitions: PermissionDefinition[] = [];
  const constants = (path: string, node: PermissionTree): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (!/^[a-z][a-zA-Z0-9]*$/.test(key)) throw new Error(`Permission key "${key}" under "${path}" must be camelCase`);
      const name = `${path}.${key}`;
      if (isSpec(value)) {
        definitions.push({ name: name as Permission, roles: value.roles, description: value.description });
        out[key] = name;
      } else {
        out[key] = constants(name, value);
      }
    }
    return Object.freeze(out);
  };
  const set = constants(prefix, tree);
  return Object.freeze(Object.defineProperty({ ...set }, DEFINITIONS, { value: Object.freeze(definitions), enumerable: false })) as never;
}

/** The definitions a `PermissionSet` carries. */
export function permissionDefinitions(set: PermissionSet): readonly PermissionDefinition[] {
  const definitions = set[DEFINITIONS];
  if (!definitions) throw new Error('Permissions must be declared with definePermissions');
  return definitions;
}

/**
 * type-graphql's `@Authorized`, taking only declared permissions: `@Authorized()` is any signed-in
 * person, `@Authorized(P.a, P.b)` anyone holding one of them. Modules use this one, never type-graphql's.
 */
export function Authorized(...permissions: Permission[]): MethodDecorator & PropertyDecorator & ClassDecorator {
  return TypeGraphQLAuthorized(...permissions);
}

/** An `@Authorized` entry of type-graphql's global metadata (a field, or a whole class when no fieldName). */
interface AuthorizedEntry {
  target: Function;
  fieldName?: string;
  roles: unknown[];
}

/** The classes behind a schema: its resolvers and the object and interface types it contains. */
function schemaClasses(schema: GraphQLSchema, resolvers: readonly Function[]): Function[] {
  const storage = getMetadataStorage() as unknown as { objectTypes: { target: Function; name: string }[]; interfaceTypes: { target: Function; name: string }[] };
  const types = [...storage.objectTypes, ...storage.interfaceTypes].filter((t) => schema.getType(t.name) !== undefined).map((t) => t.target);
  return [...resolvers, ...types];
}

/**
 * Refuses a schema whose `@Authorized` names a permission the enabled modules do not declare, listing each
 * one with its class and field: otherwise the server would start, and every call of that field fail with a
 * masked error. type-graphql's metadata is global (every class ever decorated in the process), so only the
 * classes of this schema, and the classes they extend, are checked.
 */
export function assertDeclaredPermissions(schema: GraphQLSchema, resolvers: readonly Function[], registry: PermissionRegistry): void {
  const classes = schemaClasses(schema, resolvers);
  const inSchema = (target: Function) => classes.some((c) => c === target || c.prototype instanceof target);
  const storage = getMetadataStorage() as unknown as { authorizedFields: AuthorizedEntry[]; authorizedResolver: AuthorizedEntry[] };
  const declared = new Set(registry.list());
  const problems: string[] = [];
  for (const entry of [...storage.authorizedFields, ...storage.authorizedResolver]) {
    if (!inSchema(entry.target)) continue;
    const where = entry.fieldName ? `${entry.target.name}.${entry.fieldName}` : entry.target.name;
    for (const role of entry.roles) {
      if (typeof role !== 'string' || !declared.has(role)) problems.push(`  @Authorized(${JSON.stringify(role)}) on ${where}`);
    }
  }
  if (problems.length > 0) {
    throw new Error(
      `Unknown permission(s): no enabled module declares\n${problems.join('\n')}\n` + `Declared: ${[...declared].join(', ') || '(none)'}. Name permissions by the constants of definePermissions.`,
    );
  }
}
