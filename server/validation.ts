import { getNamedType, getOperationAST, getVariableValues, type DocumentNode, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { IsDefined, ValidateIf, validate, type ValidationError } from 'class-validator';
import { AppError, ErrorCode, frenchVariableMessage, variableField } from './errors.js';

const VARIABLE_MESSAGE = /^Variable "\$/;

/**
 * How deep a variable's value may nest objects and lists. The deepest input of the schema nests four
 * (`input.criteria[0].communeIds[0]`); graphql-js, graphql-jit and JSON.stringify recurse through values,
 * so 100,000 levels overflowed the stack and answered INTERNAL_SERVER_ERROR.
 */
export const MAX_VARIABLES_DEPTH = 20;

const NUL_MESSAGE = 'Ce texte contient un caractère nul (\\u0000), que la base de données refuse.';

/**
 * Characters refused in any text, with why: NUL (PostgreSQL refuses it), a lone UTF-16 surrogate (stored
 * as U+FFFD: what was stored would differ from what was sent), bidirectional overrides and isolates
 * (they can make a name read otherwise than it is: "Trojan Source").
 */
const REFUSED_CHARACTERS: readonly [RegExp, string][] = [
  // eslint-disable-next-line no-control-regex -- NUL is what this entry refuses
  [/\u0000/, NUL_MESSAGE],
  [/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/, 'Ce texte contient un caractère Unicode invalide (demi-caractère isolé).'],
  [/[\u202A-\u202E\u2066-\u2069]/, 'Ce texte contient un caractère de contrôle de direction (U+202A à U+202E, U+2066 à U+2069), refusé car il peut masquer le texte réel.'],
];

/** Why `text` is refused, or null. */
function refusal(text: string): string | null {
  for (const [pattern, message] of REFUSED_CHARACTERS) if (pattern.test(text)) return message;
  return null;
}

/** White space and invisible characters (zero-width spaces and joiners, word joiner, BOM) at either end. */
const EDGES = /^[\s\u200B-\u200D\u2060\uFEFF]+|[\s\u200B-\u200D\u2060\uFEFF]+$/g;

/**
 * For fields of an update where null means nothing (a name, a list, a flag): omitted keeps the value,
 * null is refused with the field instead of being silently ignored. Use in place of `@IsOptional()`.
 */
export function OmitOrSet(message = 'Ce champ ne peut pas être null : omettez-le pour le laisser inchangé.') {
  return (object: object, propertyName: string): void => {
    ValidateIf((_object, value) => value !== undefined)(object, propertyName);
    IsDefined({ message })(object, propertyName);
  };
}

function flatten(errors: ValidationError[], prefix: string): { field: string; message: string }[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    // A refused null says only that: the other rules of the field would complain about null too.
    const constraints = e.constraints?.isDefined ? { isDefined: e.constraints.isDefined } : (e.constraints ?? {});
    const own = Object.values(constraints).map((message) => ({ field, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !(value instanceof Date);

/**
 * Trims, in place, the strings of an input (so what is validated is what services store: a name of
 * spaces is empty, hence refused), and returns the path of the first string holding a NUL byte, which
 * PostgreSQL refuses in text.
 */
function trimAndFindNul(value: Record<string, unknown> | unknown[], path: string): { field: string; message: string } | null {
  let found: { field: string; message: string } | null = null;
  const entries: [string | number, unknown][] = Array.isArray(value) ? [...value.entries()] : Object.entries(value);
  for (const [key, item] of entries) {
    const itemPath = path ? `${path}.${key}` : String(key);
    if (typeof item === 'string') {
      const trimmed = item.replace(EDGES, '');
      if (trimmed !== item) (value as Record<string | number, unknown>)[key] = trimmed;
      const message: string | null = found === null ? refusal(trimmed) : null;
      if (message !== null) found = { field: itemPath, message };
    } else if (Array.isArray(item) || isRecord(item)) {
      const nested = trimAndFindNul(item, itemPath);
      if (found === null) found = nested;
    }
  }
  return found;
}

/** The argument's name as the client wrote it, or '' for `@Args` classes whose fields are arguments. */
function argumentName(argValue: unknown, argType: unknown, info: GraphQLResolveInfo, args: Record<string, unknown>): string {
  for (const [name, value] of Object.entries(args)) if (value === argValue) return name;
  const typeName = typeof argType === 'function' ? argType.name : null;
  const arg = info.parentType.getFields()[info.fieldName]?.args.find((a) => getNamedType(a.type).name === typeName);
  return arg?.name ?? '';
}

/**
 * Validates inputs with class-validator and refuses them as BAD_USER_INPUT naming the field as the
 * client wrote it (`input.contacts.0.email`, `first`), before the resolver runs: bad input changes nothing.
 * Every string is trimmed first (white space and invisible characters at either end) and refused when it
 * holds a NUL byte, a lone surrogate or a bidirectional control, whatever its type or rules.
 */
export async function validateInput(argValue: unknown, argType: unknown, resolverData: { info: GraphQLResolveInfo; args: Record<string, unknown> }): Promise<void> {
  if (argValue == null) return;
  const { info, args } = resolverData;
  if (typeof argValue === 'string') {
    const message = refusal(argValue);
    if (message !== null) {
      const field = argumentName(argValue, argType, info, args);
      throw new AppError(ErrorCode.BadUserInput, message, { field });
    }
    return;
  }
  if (typeof argValue !== 'object' || argValue instanceof Date) return;
  const name = argumentName(argValue, argType, info, args);
  const refused = trimAndFindNul(argValue as Record<string, unknown>, name);
  if (refused !== null) throw new AppError(ErrorCode.BadUserInput, refused.message, { field: refused.field });

  const values = Array.isArray(argValue) ? argValue : [argValue];
  const fields: { field: string; message: string }[] = [];
  for (const [i, value] of values.entries()) {
    if (value == null || typeof value !== 'object') continue;
    const errors = await validateClass(value as object);
    const prefix = Array.isArray(argValue) ? (name ? `${name}.${i}` : String(i)) : name;
    fields.push(...flatten(errors, prefix));
  }
  if (fields.length > 0) {
    throw new AppError(ErrorCode.BadUserInput, fields[0]!.message, { field: fields[0]!.field, fields });
  }
}

const VALIDATION_OPTIONS = { forbidUnknownValues: false, validationError: { target: false, value: false } } as const;

/**
 * Inputs of numbers, booleans and nulls only (a page's `first`, `last`), by class and values, found
 * valid: class-validator's rules give the same answer for the same numbers, and it read the class's
 * rules on every request (2 % of the directory page's CPU). Anything with a string, a date, a list or an
 * object is validated each time. At most VALID_KEPT entries.
 */
const validNumbers = new WeakMap<object, Map<string, true>>();
const VALID_KEPT = 1_000;

async function validateClass(value: object): Promise<ValidationError[]> {
  const key = numbersKey(value);
  const kept = key === null ? undefined : validNumbers.get(value.constructor);
  if (key !== null && kept?.has(key)) return [];
  const errors = await validate(value, VALIDATION_OPTIONS);
  if (key !== null && errors.length === 0) {
    let valid = kept;
    if (!valid) validNumbers.set(value.constructor, (valid = new Map<string, true>()));
    if (valid.size >= VALID_KEPT) valid.delete(valid.keys().next().value!);
    valid.set(key, true);
  }
  return errors;
}

/** `name:value,…` when the value is an instance of a class whose own values are finite numbers, booleans, null or undefined; else null. */
function numbersKey(value: object): string | null {
  if (value.constructor === Object || typeof value.constructor !== 'function') return null;
  let key = '';
  for (const [property, item] of Object.entries(value)) {
    if (item !== null && item !== undefined && typeof item !== 'boolean' && !(typeof item === 'number' && Number.isFinite(item))) return null;
    key += `${property}:${String(item)},`;
  }
  return key;
}

/** Throws BAD_USER_INPUT when a variable nests objects and lists deeper than `max`; walks without recursion. */
export function checkVariablesDepth(variables: Record<string, unknown> | null | undefined, max = MAX_VARIABLES_DEPTH): void {
  if (!variables || typeof variables !== 'object') return;
  for (const [name, value] of Object.entries(variables)) {
    const stack: [unknown, number][] = [[value, 0]];
    while (stack.length > 0) {
      const [current, depth] = stack.pop()!;
      if (current === null || typeof current !== 'object') continue;
      if (depth >= max) {
        throw new AppError(ErrorCode.BadUserInput, `La variable $${name} est trop imbriquée : ${max} niveaux d'objets et de listes au plus.`, {
          field: name,
          http: { status: 400 },
        });
      }
      for (const child of Array.isArray(current) ? current : Object.values(current)) stack.push([child, depth + 1]);
    }
  }
}

/**
 * Checks the variables before anything else reads them (limits, graphql-jit): their depth, then their
 * coercion by graphql-js, whose messages give the path of the wrong value (graphql-jit's name a field
 * as if it were the variable). Refuses with BAD_USER_INPUT, the first `field`, and every error in `fields`.
 */
export function checkVariables(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | null | undefined, operationName?: string | null): void {
  checkVariablesDepth(variables);
  const operation = getOperationAST(document, operationName);
  if (!operation?.variableDefinitions?.length) return;
  const result = getVariableValues(schema, operation.variableDefinitions, variables ?? {}, { maxErrors: 20 });
  if (!result.errors) return;
  // graphql-js's last error may be "Too many errors processing variables…", about no variable.
  // graphql-js's messages are English: a French one naming the field, the original as `detail`.
  const fields = result.errors.map((e) => {
    const field = variableField(e.message);
    return { field, message: VARIABLE_MESSAGE.test(e.message) ? frenchVariableMessage(e.message, field) : e.message, detail: e.message };
  });
  throw new AppError(ErrorCode.BadUserInput, fields[0]!.message, {
    field: fields[0]!.field,
    detail: fields[0]!.detail,
    fields,
    http: { status: 400 },
  });
}

/**
 * What `validateInput` would refuse in `value` (an instance of an input class), as a list instead of an
 * error, for inputs that do not come through GraphQL arguments (a row of an imported file): its strings
 * trimmed in place, each refused character, then every class-validator rule, fields prefixed by `prefix`.
 */
export async function inputProblems(value: object, prefix = ''): Promise<{ field: string; message: string }[]> {
  const problems: { field: string; message: string }[] = [];
  const refused = trimAndFindNul(value as Record<string, unknown>, prefix);
  if (refused !== null) problems.push(refused);
  const errors = await validate(value, VALIDATION_OPTIONS);
  problems.push(...flatten(errors, prefix).filter((p) => p.field !== refused?.field));
  return problems;
}
