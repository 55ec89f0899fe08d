import { beforeAll, describe, expect, it } from 'vitest';
import { GraphQLInt, GraphQLList, GraphQLObjectType, GraphQLSchema, GraphQLString, parse } from 'graphql';
import { checkOperationLimits } from './limits.js';
import { DEFAULT_LIMITS } from './config.js';
import { PermissionRegistry } from './auth.js';
import { orderModules } from './module.js';
import { buildGatewaySchema } from './schema.js';
import { ALL_MODULES } from '../modules/index.js';

/*
 * The limit checker on its own, on the shipped schema and without a database: what depth, aliases and
 * cost it measures, its cache, its refusals. test/limits.test.ts sends the same limits through the
 * gateway over HTTP and WebSocket. These tests are also those `npm run test:mutation` runs on limits.ts.
 */

let schema: GraphQLSchema;
beforeAll(async () => {
  const modules = orderModules(ALL_MODULES);
  const permissions = PermissionRegistry.fromModules(modules);
  schema = await buildGatewaySchema({ modules, permissions });
});

/** `fragment F0 on <type> { <wrap(...F1 ...F1)> } … fragment F<levels> on <type> { <bottom> }`: 2^levels spreads. */
function doubledChain(levels: number, type: string, bottom: string, wrap = (spreads: string) => spreads): string {
  let fragments = '';
  for (let i = 0; i < levels; i++) fragments += `fragment F${i} on ${type} { ${wrap(`...F${i + 1} ...F${i + 1}`)} }\n`;
  return `${fragments}fragment F${levels} on ${type} { ${bottom} }\n`;
}

const CHAIN = 30;

describe('the limit checker', () => {
  it(`refuses a doubled-fragment chain of ${CHAIN} levels in under 50 ms`, () => {
    const document = parse(`query { ...F0 } ${doubledChain(CHAIN, 'Query', 'territories { name }')}`);
    const started = performance.now();
    expect(() => checkOperationLimits(schema, document, {}, null, DEFAULT_LIMITS)).toThrow(/trop coûteuse/);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('accepts the operations of the shipped client and the benchmark', () => {
    // A regression here would refuse the portal's own queries.
    const benchmark = `query PortalList { organizations(first: 100) { totalCount edges { node { id name legalForm employees sector { code name } commune { name } contacts { firstName lastName email phone role } } } } }`;
    const perimeter = '{ territories { name intercommunalities { shortName communes { name } } } }';
    const partners = '{ partners(first: 100) { totalCount edges { node { id name kind fundingSchemes { name kind minAmount maxAmount } } } } }';
    for (const query of [benchmark, perimeter, partners]) {
      expect(() => checkOperationLimits(schema, parse(query), {}, null, DEFAULT_LIMITS)).not.toThrow();
    }
  });
});

describe('the cost model', () => {
  /** What a limit measures, read from the refusal of a limit of 0. */
  const measure = (limit: 'depth' | 'aliases' | 'cost', query: string, variables: Record<string, unknown> = {}): number => {
    const limits = { ...DEFAULT_LIMITS, maxDepth: 100, maxAliases: 1000, maxCost: Number.MAX_SAFE_INTEGER };
    if (limit === 'depth') limits.maxDepth = 0;
    else if (limit === 'aliases') limits.maxAliases = 0;
    else limits.maxCost = 0;
    try {
      checkOperationLimits(schema, parse(query), variables, null, limits);
    } catch (err: any) {
      expect(err.extensions).toMatchObject({ code: 'OPERATION_TOO_COMPLEX', limit });
      return err.extensions.value;
    }
    return 0;
  };
  const cost = (query: string, variables?: Record<string, unknown>) => measure('cost', query, variables);
  const EDGES = 'edges { node { name } }';

  it('costs a field 1 and a list its items times one item', () => {
    expect(cost('{ __typename }')).toBe(1);
    expect(cost('{ territories { name } }')).toBe(1 + 3 * 1);
    expect(cost('{ intercommunalities { shortName communes { name } } }')).toBe(1 + 75 * (1 + (1 + 200 * 1)));
    // A list of scalars or enums is one value: it costs like a field.
    expect(cost('{ viewer { permissions } }')).toBe(1 + 1);
    expect(cost('{ __schema { queryType { name } } __type(name: "Query") { name } }')).toBe(3 + 2);
    expect(cost('{ partners(first: 1) { edges { node { criteria { stages } } } } }')).toBe(1 + (1 + 1 * (1 + (1 + 10 * 1))));
  });

  it('costs a connection by its page size: first, last, the larger of both, 20 by default, at most 100', () => {
    expect(cost('{ communes { totalCount } }')).toBe(2);
    expect(cost(`{ communes { ${EDGES} } }`)).toBe(1 + 1 + 20 * 2);
    expect(cost(`{ communes(first: 5) { ${EDGES} } }`)).toBe(1 + 1 + 5 * 2);
    expect(cost(`{ communes(last: 7) { ${EDGES} } }`)).toBe(1 + 1 + 7 * 2);
    expect(cost(`{ communes(first: 5, last: 7) { ${EDGES} } }`)).toBe(1 + 1 + 7 * 2);
    expect(cost(`{ communes(first: 1000) { ${EDGES} } }`)).toBe(1 + 1 + 100 * 2);
    expect(cost(`{ communes(first: 0) { ${EDGES} } }`)).toBe(1 + 1 + 1 * 2);
    // Not an Int (graphql-js validation refuses it; the check does not count on that): the largest page.
    expect(cost(`{ communes(first: "5") { ${EDGES} } }`)).toBe(1 + 1 + 100 * 2);
  });

  it('reads page sizes from variables and their defaults, and costs a value that is not an integer at the largest page', () => {
    const query = `query($n: Int) { communes(first: $n) { ${EDGES} } }`;
    expect(cost(query, { n: 5 })).toBe(12);
    expect(cost(query, {})).toBe(42);
    expect(cost(query, { n: null })).toBe(42);
    expect(cost(query, { n: 'many' })).toBe(202);
    expect(cost(query, { n: 2.5 })).toBe(202);
    expect(cost(`query($n: Int = 5) { communes(first: $n) { ${EDGES} } }`)).toBe(12);
    // Only the variables' own values: not what their prototype holds.
    expect(cost(`query($toString: Int) { communes(first: $toString) { ${EDGES} } }`, {})).toBe(42);
    expect(cost(`query($n: Int = 5) { communes(first: $n) { ${EDGES} } }`, { n: 9 })).toBe(20);
  });

  it('counts a fragment once per spread, with the page size of where it is spread', () => {
    expect(cost('query { ...S ...S } fragment S on Query { sectors { name } }')).toBe(2 * (1 + 100));
    const fragment = `fragment E on CommuneConnection { ${EDGES} }`;
    expect(cost(`{ communes(first: 5) { ...E } } ${fragment}`)).toBe(12);
    expect(cost(`{ a: communes(first: 5) { ...E } b: communes(first: 10) { ...E } } ${fragment}`)).toBe(12 + 22);
    expect(cost(`{ communes(first: 5) { ... { ${EDGES} } } }`)).toBe(12);
  });

  it('sums the fragments on the types of an interface, and counts fields under @skip and @include', () => {
    expect(cost('{ nodes(ids: []) { id ... on Commune { name } ... on Sector { name code } } }')).toBe(1 + 100 * (1 + 1 + 2));
    expect(cost('{ territories @skip(if: true) { name @include(if: false) } }')).toBe(4);
  });

  it('measures depth and aliases through fragments, each fragment once per spread', () => {
    expect(measure('depth', '{ territories { intercommunalities { name } } }')).toBe(3);
    expect(measure('depth', 'query { territories { ...I } } fragment I on Territory { intercommunalities { ... on Intercommunality { communes { name } } } }')).toBe(4);
    expect(measure('aliases', 'query { ...T ...T } fragment T on Query { a: sectors { b: name } }')).toBe(4);
  });

  it('refuses what it cannot measure, and leaves a missing operation to graphql-js', () => {
    const run =
      (query: string, operationName: string | null = null) =>
      () =>
        checkOperationLimits(schema, parse(query), {}, operationName, DEFAULT_LIMITS);
    expect(run('query { ...A } fragment A on Query { ...A }')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ limit: 'unmeasurable' }) }));
    expect(run('{ notAField }')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ limit: 'unmeasurable' }) }));
    expect(run('query { ...Missing }')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ limit: 'unmeasurable' }) }));
    expect(run('query { ...X } fragment X on NotAType { name }')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ limit: 'unmeasurable' }) }));
    expect(run('{ territories { name { length } } }')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ limit: 'unmeasurable' }) }));
    expect(run('query A { __typename }', 'B')).not.toThrow();
  });

  it('caches a passed check per document, page-size variables and limits', () => {
    const document = parse(`query($n: Int) { communes(first: $n) { ${EDGES} } }`);
    const limits = { ...DEFAULT_LIMITS, maxCost: 20 };
    const check =
      (variables: Record<string, unknown>, l = limits) =>
      () =>
        checkOperationLimits(schema, document, variables, null, l);
    expect(check({ n: 5 })).not.toThrow();
    expect(check({ n: 5 })).not.toThrow();
    expect(check({ n: 10 })).toThrow(/trop coûteuse/);
    expect(check({ n: 5, other: 'ignored' })).not.toThrow();
    expect(check({ n: 5 }, { ...limits, maxCost: 10 })).toThrow(/trop coûteuse/);
  });

  it('keys the cache on the page-size variables used in fragments, and on the operation', () => {
    for (const query of [
      'query($n: Int) { ...C } fragment C on Query { communes(first: $n) { edges { node { name } } } }',
      'query($n: Int) { ... on Query { communes(first: $n) { edges { node { name } } } } }',
    ]) {
      const document = parse(query);
      const check = (n: number) => () => checkOperationLimits(schema, document, { n }, null, { ...DEFAULT_LIMITS, maxCost: 20 });
      expect(check(5)).not.toThrow();
      expect(check(10)).toThrow(/trop coûteuse/);
    }
    const document = parse(`query Small { __typename } query Large { communes(first: 100) { ${EDGES} } }`);
    const check = (name: string) => () => checkOperationLimits(schema, document, {}, name, { ...DEFAULT_LIMITS, maxCost: 20 });
    expect(check('Small')).not.toThrow();
    expect(check('Large')).toThrow(/trop coûteuse/);
  });

  it('reads only page-size variables: variables nested 100,000 deep do not break the check', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const document = parse('query($f: CommuneFilter) { communes(first: 1, filter: $f) { totalCount } }');
    expect(() => checkOperationLimits(schema, document, { f: { search: deep } }, null, DEFAULT_LIMITS)).not.toThrow();
  });

  it('stops counting at the largest safe integer', () => {
    expect(cost(`query { ...F0 } ${doubledChain(80, 'Query', 'territories { name }')}`)).toBe(Number.MAX_SAFE_INTEGER);
    expect(measure('aliases', `query { ...F0 } ${doubledChain(80, 'Query', 'a: territories { name }')}`)).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe('the limits at their thresholds', () => {
  /** Runs the check on a fresh document (no cache), and returns its refusal or null. */
  const refusal = (query: string, limits: Partial<typeof DEFAULT_LIMITS>, variables: Record<string, unknown> | null = {}) => {
    try {
      checkOperationLimits(schema, parse(query), variables, null, { ...DEFAULT_LIMITS, ...limits });
      return null;
    } catch (err: any) {
      return { message: err.message as string, extensions: err.extensions as Record<string, unknown> };
    }
  };

  it('accepts a depth equal to the limit, refuses one more, and says so', () => {
    const query = '{ territories { name } }';
    expect(refusal(query, { maxDepth: 2 })).toBeNull();
    expect(refusal(query, { maxDepth: 1 })).toEqual({
      message: 'Requête trop profonde : 2 niveaux pour 1 au plus.',
      extensions: { code: 'OPERATION_TOO_COMPLEX', limit: 'depth', value: 2, max: 1 },
    });
  });

  it('accepts as many aliases as the limit, refuses one more, and says so', () => {
    const query = '{ a: territories { b: name } }';
    expect(refusal(query, { maxAliases: 2 })).toBeNull();
    expect(refusal(query, { maxAliases: 1 })).toEqual({
      message: "Trop d'alias : 2 pour 1 au plus.",
      extensions: { code: 'OPERATION_TOO_COMPLEX', limit: 'aliases', value: 2, max: 1 },
    });
  });

  it('accepts a cost equal to the limit, refuses one more, and says so', () => {
    const query = '{ territories { name } }'; // 1 + 3 territories × 1
    expect(refusal(query, { maxCost: 4 })).toBeNull();
    expect(refusal(query, { maxCost: 3 })).toEqual({
      message: 'Requête trop coûteuse : 4 pour 3 au plus. Réduisez first/last ou le nombre de champs.',
      extensions: { code: 'OPERATION_TOO_COMPLEX', limit: 'cost', value: 4, max: 3 },
    });
  });

  it('refuses what it cannot measure with its own message', () => {
    expect(refusal('{ notAField }', {})).toEqual({
      message: "Impossible d'évaluer la complexité de cette requête : elle est refusée.",
      extensions: { code: 'OPERATION_TOO_COMPLEX', limit: 'unmeasurable' },
    });
    // The schema's entry points exist on the query root only.
    expect(refusal('{ territories { __type(name: "Query") { name } } }', {})?.extensions.limit).toBe('unmeasurable');
    expect(refusal('{ territories { __schema { queryType { name } } } }', {})?.extensions.limit).toBe('unmeasurable');
  });

  it('counts aliases inside inline fragments', () => {
    const query = '{ ... on Query { a: sectors { name } } }';
    expect(refusal(query, { maxAliases: 1 })).toBeNull();
    expect(refusal(query, { maxAliases: 0 })?.extensions).toMatchObject({ limit: 'aliases', value: 1 });
  });

  it('measures mutations on the mutation root and subscriptions on the subscription root', () => {
    expect(refusal('mutation { revokeApiToken(id: "x") { name } }', { maxCost: 0 })?.extensions).toMatchObject({ limit: 'cost', value: 2 });
    expect(refusal('subscription { partnerChanged { name } }', { maxCost: 0 })?.extensions).toMatchObject({ limit: 'cost', value: 2 });
    expect(refusal('mutation { territories { name } }', {})?.extensions.limit).toBe('unmeasurable');
    expect(refusal('subscription { revokeApiToken(id: "x") { name } }', {})?.extensions.limit).toBe('unmeasurable');
  });

  it('measures the operation, wherever its fragments are written, and the named one', () => {
    expect(refusal('fragment T on Query { territories { name } } query { ...T }', { maxCost: 4 })).toBeNull();
    const document = parse('{ __typename } query Big { communes(first: 100) { edges { node { name } } } }');
    expect(() => checkOperationLimits(schema, document, {}, 'Big', { ...DEFAULT_LIMITS, maxCost: 20 })).toThrow(/trop coûteuse/);
  });

  it('sizes a page by its first/last only: a null page size is the default, the larger of first and last wins, other arguments do not count', () => {
    const EDGES = 'edges { node { name } }';
    const cost = (query: string, variables: Record<string, unknown> | null = {}) => refusal(query, { maxCost: 0 }, variables)?.extensions.value;
    expect(cost(`{ communes(first: null) { ${EDGES} } }`)).toBe(1 + 1 + 20 * 2);
    expect(cost(`{ communes(first: 7, last: 5) { ${EDGES} } }`)).toBe(1 + 1 + 7 * 2);
    expect(cost(`{ communes(first: 5, after: "abc") { ${EDGES} } }`)).toBe(1 + 1 + 5 * 2);
    const query = `query($n: Int) { communes(first: $n) { ${EDGES} } }`;
    expect(cost(query, { n: undefined })).toBe(42);
    expect(cost(query, null)).toBe(42);
    expect(cost(query, undefined as never)).toBe(42);
  });

  it('keys its cache on what the cost sees of each page-size variable: absent, null, an integer or something else', () => {
    const check = (document: ReturnType<typeof parse>, variables: Record<string, unknown> | null) => () => checkOperationLimits(schema, document, variables, null, { ...DEFAULT_LIMITS, maxCost: 42 });
    for (const first of [{}, { n: null }, null]) {
      const document = parse('query($n: Int) { communes(first: $n) { edges { node { name } } } }');
      expect(check(document, first)).not.toThrow(); // 20 by default: 42
      expect(check(document, { n: 'many' })).toThrow(/trop coûteuse/); // the largest page: 202
    }
    const byLast = parse('query($n: Int) { communes(last: $n) { edges { node { name } } } }');
    expect(check(byLast, { n: 5 })).not.toThrow();
    expect(check(byLast, { n: 50 })).toThrow(/trop coûteuse/);
  });
});

describe('the cost model on declared bounds', () => {
  // A schema of its own, for bounds and arguments the shipped schema does not have.
  const Leaf = new GraphQLObjectType({ name: 'Leaf', fields: { name: { type: GraphQLString } } });
  const leaves = (extensions: Record<string, unknown>) => ({ type: new GraphQLList(Leaf), extensions });
  const Item = new GraphQLObjectType({
    name: 'Item',
    fields: {
      name: { type: GraphQLString },
      leaves: { type: new GraphQLList(Leaf) },
      children: { type: new GraphQLList(Leaf), args: { first: { type: GraphQLInt } } },
    },
  });
  const custom = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        none: leaves({ maxItems: 0 }),
        seven: leaves({ maxItems: 7 }),
        negative: leaves({ maxItems: -1 }),
        fractional: leaves({ maxItems: 2.5 }),
        text: leaves({ maxItems: '5' }),
        items: { type: new GraphQLList(Item), args: { first: { type: GraphQLInt } } },
        onlyFirst: { type: new GraphQLList(Leaf), args: { first: { type: GraphQLInt } } },
        onlyLast: { type: new GraphQLList(Leaf), args: { last: { type: GraphQLInt } } },
        nested: { type: Item },
      },
    }),
  });
  const cost = (query: string) => {
    try {
      checkOperationLimits(custom, parse(query), {}, null, { ...DEFAULT_LIMITS, maxCost: 0 });
    } catch (err: any) {
      return err.extensions.value;
    }
    return 0;
  };

  it('takes a declared bound that is a non-negative integer, 0 included, and ignores any other', () => {
    expect(cost('{ none { name } }')).toBe(1 + 1); // an empty list still costs one item
    expect(cost('{ seven { name } }')).toBe(1 + 7);
    for (const field of ['negative', 'fractional', 'text']) expect(cost(`{ ${field} { name } }`)).toBe(1 + 100);
  });

  it('pages a list by its own first or last, not the lists under it', () => {
    expect(cost('{ items(first: 3) { name leaves { name } } }')).toBe(1 + 3 * (1 + (1 + 100)));
    expect(cost('{ onlyFirst(first: 3) { name } }')).toBe(1 + 3);
    expect(cost('{ onlyLast(last: 3) { name } }')).toBe(1 + 3);
  });

  it('keys its cache on page-size variables at any depth', () => {
    const document = parse('query($n: Int) { nested { children(first: $n) { name } } }');
    const check = (n: number) => () => checkOperationLimits(custom, document, { n }, null, { ...DEFAULT_LIMITS, maxCost: 10 });
    expect(check(2)).not.toThrow();
    expect(check(50)).toThrow(/trop coûteuse/);
  });
});
