import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

/** An error returned by the API, with its `extensions.code` (and `field` for bad input). */
export class MaillageError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly field: string | undefined,
    readonly errors: unknown[],
  ) {
    super(message);
    this.name = 'MaillageError';
  }
}

/**
 * A minimal typed client for partner portals: operations come from `clients/generated` (codegen),
 * so variables and results are checked by TypeScript.
 *
 * ```ts
 * const maillage = createMaillageClient({ url: 'http://localhost:4000/graphql', token });
 * const { organizations } = await maillage.request(PortalOrganizationsDocument, { first: 20 });
 * ```
 */
export function createMaillageClient(options: { url: string; token?: string | null; fetch?: typeof fetch }) {
  const doFetch = options.fetch ?? fetch;
  return {
    async request<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables?: TVariables): Promise<TResult> {
      const response = await doFetch(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
        body: JSON.stringify({ query: print(document), variables }),
      });
      const body = (await response.json()) as { data?: TResult; errors?: { message: string; extensions?: { code?: string; field?: string } }[] };
      if (body.errors?.length) {
        const first = body.errors[0]!;
        throw new MaillageError(first.message, first.extensions?.code, first.extensions?.field, body.errors);
      }
      return body.data as TResult;
    },
  };
}
