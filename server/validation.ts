import { getNamedType, type GraphQLResolveInfo } from 'graphql';
import { validate, type ValidationError } from 'class-validator';
import { AppError, ErrorCode } from './errors.js';

function flatten(errors: ValidationError[], prefix: string): { field: string; message: string }[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * Validates inputs with class-validator and refuses them as BAD_USER_INPUT naming the field as the
 * client wrote it (`input.contacts.0.email`, `first`), before the resolver runs: bad input changes nothing.
 */
export async function validateInput(argValue: unknown, argType: unknown, resolverData: { info: GraphQLResolveInfo }): Promise<void> {
  if (argValue == null || typeof argValue !== 'object') return;
  const values = Array.isArray(argValue) ? argValue : [argValue];
  const { info } = resolverData;
  const typeName = typeof argType === 'function' ? argType.name : null;
  const arg = info.parentType.getFields()[info.fieldName]?.args.find((a) => getNamedType(a.type).name === typeName);
  const fields: { field: string; message: string }[] = [];
  for (const [i, value] of values.entries()) {
    if (value == null || typeof value !== 'object') continue;
    const errors = await validate(value, { forbidUnknownValues: false, validationError: { target: false, value: false } });
    const prefix = arg ? (Array.isArray(argValue) ? `${arg.name}.${i}` : arg.name) : '';
    fields.push(...flatten(errors, prefix));
  }
  if (fields.length > 0) {
    throw new AppError(ErrorCode.BadUserInput, fields[0]!.message, { field: fields[0]!.field, fields });
  }
}
