import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { UniqueConstraintViolationException, ForeignKeyConstraintViolationException } from '@mikro-orm/core';
import type { Logger } from './logger.js';

/** The error codes a client can rely on, in `extensions.code`. */
export const ErrorCode = {
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  BadUserInput: 'BAD_USER_INPUT',
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
  TooComplex: 'OPERATION_TOO_COMPLEX',
  /** A service the server needs is missing or overloaded (Chromium for PDFs): try again later. */
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
  Internal: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An error meant for the caller: its message is shown as is (in French), with a code and, for bad input, the field. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
    this.name = 'AppError';
  }
}

export const unauthenticated = (message = 'Authentification requise.') => new AppError(ErrorCode.Unauthenticated, message);
/** A bearer token that is unknown, expired or revoked (HTTP 401). */
export const invalidToken = () => new AppError(ErrorCode.Unauthenticated, 'Jeton invalide, expiré ou révoqué.', { http: { status: 401 } });
export const forbidden = (message = "Vous n'avez pas les droits nécessaires pour cette opération.") => new AppError(ErrorCode.Forbidden, message);
export const notFound = (what: string, id?: string) => new AppError(ErrorCode.NotFound, `${what} introuvable.`, id ? { id } : {});
export const conflict = (message: string, field?: string) => new AppError(ErrorCode.Conflict, message, field ? { field } : {});
/** Bad input on one field; `field` is the path as the client wrote it (e.g. `input.siret`). */
/** A service the server needs is missing or busy (HTTP 503); the message says which, in French. */
export const serviceUnavailable = (message: string) => new AppError(ErrorCode.ServiceUnavailable, message, { http: { status: 503 } });
export const badInput = (field: string, message: string) => new AppError(ErrorCode.BadUserInput, message, { field });

const NAME = '[_A-Za-z][_0-9A-Za-z]*';
const VARIABLE = new RegExp(`^Variable "\\$(${NAME})"`);
const FIELD_OF_OBJECT = new RegExp(`; Field "(${NAME})" (?:of required type "[^"]*" was not provided|is not defined by type "[^"]*")\\.(?: Did you mean [^;]*)?$`);

/**
 * The field of a graphql-js variable coercion error, as the client wrote it: `Variable "$input" got
 * invalid value 3 at "input.contacts[0].lastName"; …` gives `input.contacts.0.lastName` (the notation
 * of validation errors); a missing or unknown field of an object is named too (`input.name`).
 */
export function variableField(message: string): string | undefined {
  const variable = VARIABLE.exec(message);
  if (!variable) return undefined;
  const name = variable[1]!;
  // The path starts with the variable's name; the value printed before it cannot hold `" at "…"; ` unescaped.
  const at = new RegExp(` at "(${name}(?:\\.${NAME}|\\[\\d+\\])*)"; `).exec(message);
  let path = at ? at[1]!.replace(/\[(\d+)\]/g, '.$1') : name;
  const field = FIELD_OF_OBJECT.exec(message);
  if (field) path += `.${field[1]}`;
  return path;
}

/**
 * A French message for a graphql-js variable coercion error (whose text is English), naming the field;
 * the original stays available as `extensions.detail` for developers.
 */
export function frenchVariableMessage(message: string, field: string | undefined): string {
  const what = field ? `« ${field} »` : 'Une variable';
  if (/was not provided\.?/.test(message)) return `${what} est obligatoire.`;
  if (/must not be null\.?$/.test(message) || /Expected non-nullable type "[^"]+" not to be null/.test(message)) return `${what} ne peut pas être nul.`;
  const unknown = /is not defined by type "([^"]+)"/.exec(message);
  if (unknown) return `${what} n'existe pas dans le type ${unknown[1]}.`;
  const expected = /Expected type "([^"]+)"/.exec(message);
  if (expected) return `${what} : la valeur n'est pas du type attendu (${expected[1]}).`;
  return `${what} : la valeur n'est pas valide (le détail est dans extensions.detail).`;
}

const KNOWN_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Turns any error into what the caller may see: known errors pass with their code,
 * validation errors become BAD_USER_INPUT with the field, anything else is logged and masked.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, logger: Logger, requestId?: string): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;

  if (original instanceof UniqueConstraintViolationException) {
    return {
      message: 'Cette valeur est déjà utilisée par un autre enregistrement.',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.Conflict },
    };
  }
  if (original instanceof ForeignKeyConstraintViolationException) {
    return {
      message: 'Cet enregistrement est encore référencé ailleurs, ou fait référence à un enregistrement inexistant.',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.Conflict },
    };
  }
  const outerCode = error instanceof GraphQLError ? error.extensions?.code : undefined;
  if (original instanceof GraphQLError && !outerCode && !original.originalError && !original.extensions?.code && !original.path) {
    // Raised by GraphQL itself before any field ran (variable values, operation name): about the request.
    const field = variableField(original.message);
    if (!VARIABLE.test(original.message)) return { message: original.message, locations: formatted.locations, extensions: { code: ErrorCode.BadUserInput } };
    return {
      message: frenchVariableMessage(original.message, field),
      locations: formatted.locations,
      extensions: { code: ErrorCode.BadUserInput, ...(field ? { field } : {}), detail: original.message },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && KNOWN_CODES.has(code) && code !== ErrorCode.Internal) {
    // GraphQL's own errors (parse, validation, variable coercion) and ours: safe to show.
    // `http` sets the status (Apollo removes it; graphql-ws would show it).
    const { stacktrace: _omit, http: _status, ...extensions } = formatted.extensions ?? {};
    if (extensions.field === undefined && typeof formatted.message === 'string') {
      const field = variableField(formatted.message);
      if (field) extensions.field = field;
    }
    return { ...formatted, extensions };
  }
  if (original instanceof GraphQLError && !original.originalError && !code) {
    return formatted; // a plain GraphQL error raised by graphql-js (e.g. an abstract type resolution)
  }
  logger.error({ err: original, requestId, path: formatted.path }, 'unexpected error');
  return {
    message: 'Erreur interne. Elle a été enregistrée ; indiquez cet identifiant au support : ' + (requestId ?? 'inconnu'),
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.Internal, requestId },
  };
}
