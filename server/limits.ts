import {
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  isCompositeType,
  isEnumType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  OperationTypeNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { Extensions } from 'type-graphql';
import { AppError, ErrorCode } from './errors.js';
import type { OperationLimits } from './config.js';
import { DEFAULT_PAGE_SIZE } from './relay.js';

/*
 * Operation limits, shared by HTTP (an Apollo plugin) and WebSocket (graphql-ws `onSubscribe`):
 * Apollo's validation rules do not reach graphql-ws, so both paths call `checkOperationLimits`.
 *
 * Every check is one walk of the document with each fragment evaluated once (per page size for the
 * cost), so a fragment spread twice at each of 30 levels costs 31 evaluations, not 2^30. A fragment
 * still counts once per spread in the totals: that is what execution may do.
 */

/** Items a list field without a declared bound and without `first`/`last` is costed at. */
export const UNDECLARED_LIST_ITEMS = 100;

/** Costs never grow past this, so they stay exact integers and `0 × ∞` never makes NaN. */
const SATURATED = Number.MAX_SAFE_INTEGER;

/**
 * Declares the most items an unpaged list field returns, for the cost limit (read from the field's
 * GraphQL `extensions.maxItems`). Without it a list costs `UNDECLARED_LIST_ITEMS` items.
 */
export const MaxItems = (items: number) => Extensions({ maxItems: items });

const tooComplex = (message: string, extra: Record<string, unknown>) => new AppError(ErrorCode.TooComplex, message, extra);

/** A document the checker cannot measure is refused: a limit that cannot be computed must not let it through. */
class Unmeasurable extends Error {}

const add = (a: number, b: number) => Math.min(a + b, SATURATED);
const times = (a: number, b: number) => Math.min(a * b, SATURATED);

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const map = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) map.set(d.name.value, d);
  return map;
}

/**
 * Evaluates `compute` for a fragment once: later spreads reuse the value. A fragment met again while
 * it is being evaluated is a cycle (graphql-js validation refuses those; we refuse too).
 */
function memoized(memo: Map<string, number | null>, key: string, compute: () => number): number {
  const known = memo.get(key);
  if (known === null) throw new Unmeasurable(`fragment cycle at ${key}`);
  if (known !== undefined) return known;
  memo.set(key, null);
  const value = compute();
  memo.set(key, value);
  return value;
}

/** Depth of the deepest field (a field with a selection is one level more than its deepest child). */
function depthOf(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, memo: Map<string, number | null>): number {
  let max = 0;
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) {
      max = Math.max(max, s.selectionSet ? 1 + depthOf(s.selectionSet, fragments, memo) : 1);
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      max = Math.max(max, depthOf(s.selectionSet, fragments, memo));
    } else {
      const fragment = fragments.get(s.name.value);
      if (!fragment) throw new Unmeasurable(`unknown fragment ${s.name.value}`);
      max = Math.max(
        max,
        memoized(memo, s.name.value, () => depthOf(fragment.selectionSet, fragments, memo)),
      );
    }
  }
  return max;
}

/** Aliased fields of the operation, a fragment's counting once per spread. */
function aliasesOf(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, memo: Map<string, number | null>): number {
  let count = 0;
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) {
      if (s.alias) count = add(count, 1);
      if (s.selectionSet) count = add(count, aliasesOf(s.selectionSet, fragments, memo));
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      count = add(count, aliasesOf(s.selectionSet, fragments, memo));
    } else {
      const fragment = fragments.get(s.name.value);
      if (!fragment) throw new Unmeasurable(`unknown fragment ${s.name.value}`);
      count = add(
        count,
        memoized(memo, s.name.value, () => aliasesOf(fragment.selectionSet, fragments, memo)),
      );
    }
  }
  return count;
}

/**
 * Cost of an operation: each field costs 1, plus, for a list of objects, its number of items times what each
 * item costs. The number of items of a list field is, in order: its declared `maxItems`; its page size
 * when it takes `first`/`last`; the page size of the connection it belongs to (`edges`); the number of
 * values of its enum; else `UNDECLARED_LIST_ITEMS`. A connection's page size is its `first`/`last`
 * (literal, variable or the variable's default; `DEFAULT_PAGE_SIZE` when absent, at most
 * `maxPageSize`, the largest when both are given, `maxPageSize` when not an integer: graphql-js then
 * refuses the value anyway). Fragments on other types (interfaces, unions) all count: a sum is never
 * less than what any one type costs. `@skip`/`@include` are ignored: the field counts.
 */
class CostWalker {
  private readonly memo = new Map<string, number | null>();
  private readonly defaults = new Map<string, ValueNode>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: Map<string, FragmentDefinitionNode>,
    operation: OperationDefinitionNode,
    private readonly variables: Record<string, unknown> | null | undefined,
    private readonly maxPageSize: number,
  ) {
    for (const v of operation.variableDefinitions ?? []) if (v.defaultValue) this.defaults.set(v.variable.name.value, v.defaultValue);
  }

  /** `page`: page size of the connection whose selection this is, for its list fields (`edges`). */
  selection(set: SelectionSetNode, parent: GraphQLCompositeType, page: number | null): number {
    let total = 0;
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        total = add(total, this.field(s, parent, page));
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        const type = s.typeCondition ? this.compositeType(s.typeCondition.name.value) : parent;
        total = add(total, this.selection(s.selectionSet, type, page));
      } else {
        const name = s.name.value;
        const fragment = this.fragments.get(name);
        if (!fragment) throw new Unmeasurable(`unknown fragment ${name}`);
        const cost = memoized(this.memo, page === null ? name : `${name}\u0000${page}`, () => this.selection(fragment.selectionSet, this.compositeType(fragment.typeCondition.name.value), page));
        total = add(total, cost);
      }
    }
    return total;
  }

  private field(node: FieldNode, parent: GraphQLCompositeType, page: number | null): number {
    const def = this.fieldDef(parent, node.name.value);
    const pageSize = this.pageSizeOf(node, def);
    let lists = 0;
    let type: GraphQLOutputType = def.type;
    for (;;) {
      if (isNonNullType(type)) type = type.ofType;
      else if (isListType(type)) {
        lists++;
        type = type.ofType as GraphQLOutputType;
      } else break;
    }
    let items = 1;
    if (lists > 0) {
      const declared = def.extensions?.maxItems;
      const bound = typeof declared === 'number' && Number.isInteger(declared) && declared >= 0 ? declared : (pageSize ?? page ?? (isEnumType(type) ? type.getValues().length : UNDECLARED_LIST_ITEMS));
      items = bound ** lists;
    }
    // A list of scalars or enums is one value (one column, one array): it costs like any field.
    if (!node.selectionSet) return 1;
    if (!isCompositeType(type)) throw new Unmeasurable(`selection on leaf ${def.name}`);
    // An empty page still costs one item: the selection under it is prepared all the same.
    const children = this.selection(node.selectionSet, type, lists === 0 ? pageSize : null);
    return add(1, times(Math.max(items, 1), children));
  }

  private fieldDef(parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> {
    if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
    if (parent === this.schema.getQueryType()) {
      if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
      if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
    }
    const def = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
    if (!def) throw new Unmeasurable(`unknown field ${parent.name}.${name}`);
    return def;
  }

  private compositeType(name: string): GraphQLCompositeType {
    const type = this.schema.getType(name);
    if (!isCompositeType(type)) throw new Unmeasurable(`unknown type ${name}`);
    return type;
  }

  /** Page size of a field taking `first`/`last`; null for any other field. */
  private pageSizeOf(node: FieldNode, def: GraphQLField<unknown, unknown>): number | null {
    if (!def.args.some((a) => a.name === 'first' || a.name === 'last')) return null;
    let size: number | null = null;
    for (const arg of node.arguments ?? []) {
      if (arg.name.value !== 'first' && arg.name.value !== 'last') continue;
      const value = this.intOf(arg.value);
      if (value !== null) size = Math.max(size ?? 0, value);
    }
    return size ?? Math.min(DEFAULT_PAGE_SIZE, this.maxPageSize);
  }

  /** An Int argument, clamped to the page range; null when absent; `maxPageSize` when not an integer. */
  private intOf(value: ValueNode): number | null {
    let raw: unknown;
    switch (value.kind) {
      case Kind.VARIABLE: {
        const name = value.name.value;
        if (!variableGiven(this.variables, name)) {
          const fallback = this.defaults.get(name);
          return fallback ? this.intOf(fallback) : null;
        }
        raw = this.variables![name];
        break;
      }
      case Kind.NULL:
        return null;
      case Kind.INT:
        raw = Number(value.value);
        break;
      default:
        return this.maxPageSize; // not an Int: graphql-js refuses it
    }
    if (raw === null) return null;
    if (typeof raw !== 'number' || !Number.isInteger(raw)) return this.maxPageSize;
    return Math.min(Math.max(raw, 0), this.maxPageSize);
  }
}

const variableGiven = (variables: Record<string, unknown> | null | undefined, name: string): boolean =>
  variables != null && typeof variables === 'object' && Object.hasOwn(variables, name) && variables[name] !== undefined;

/** Variables a page size may come from: the only ones the cost depends on. */
function pageVariablesOf(document: DocumentNode): string[] {
  const names = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        for (const arg of s.arguments ?? []) {
          if ((arg.name.value === 'first' || arg.name.value === 'last') && arg.value.kind === Kind.VARIABLE) names.add(arg.value.name.value);
        }
        if (s.selectionSet) walk(s.selectionSet);
      } else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet);
    }
  };
  for (const d of document.definitions) {
    if (d.kind === Kind.OPERATION_DEFINITION || d.kind === Kind.FRAGMENT_DEFINITION) walk(d.selectionSet);
  }
  return [...names];
}

/** What the cost can see of a variable: its integer value, or that it is absent, null or not an integer. */
function variableKey(variables: Record<string, unknown> | null | undefined, name: string): string {
  if (!variableGiven(variables, name)) return 'absent';
  const value = variables![name];
  if (value === null) return 'null';
  return typeof value === 'number' && Number.isInteger(value) ? String(value) : 'other';
}

function selectedOperation(document: DocumentNode, operationName?: string | null): OperationDefinitionNode | undefined {
  const ops = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return operationName ? ops.find((o) => o.name?.value === operationName) : ops[0];
}

/**
 * Checked documents: Apollo and our WebSocket path reuse one parsed DocumentNode per query text, so the
 * checks run once per document, operation and values of the variables that set page sizes.
 */
const checked = new WeakMap<DocumentNode, { pageVariables: string[]; passed: Set<string> }>();

/** Throws OPERATION_TOO_COMPLEX when the operation is too deep, has too many aliases, costs too much or cannot be measured. */
export function checkOperationLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
  operationName: string | null | undefined,
  limits: OperationLimits,
): void {
  let entry = checked.get(document);
  if (!entry) checked.set(document, (entry = { pageVariables: pageVariablesOf(document), passed: new Set() }));
  let key = `${operationName ?? ''}\u0000${limits.maxDepth}/${limits.maxAliases}/${limits.maxCost}/${limits.maxPageSize}`;
  for (const name of entry.pageVariables) key += `\u0000${variableKey(variables, name)}`;
  if (entry.passed.has(key)) return;
  try {
    checkUncached(schema, document, variables, operationName, limits);
  } catch (err) {
    if (err instanceof AppError) throw err;
    // Anything else (a fragment cycle, an unknown field, a stack overflow…) leaves the operation unmeasured: refused.
    throw tooComplex("Impossible d'évaluer la complexité de cette requête : elle est refusée.", { limit: 'unmeasurable' });
  }
  if (entry.passed.size < 100) entry.passed.add(key); // bounded: page sizes vary without limit
}

function checkUncached(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | null | undefined, operationName: string | null | undefined, limits: OperationLimits): void {
  const operation = selectedOperation(document, operationName);
  if (!operation) return; // no operation runs: graphql-js reports the missing operation itself
  const fragments = fragmentsOf(document);
  const depth = depthOf(operation.selectionSet, fragments, new Map());
  if (depth > limits.maxDepth) {
    throw tooComplex(`Requête trop profonde : ${depth} niveaux pour ${limits.maxDepth} au plus.`, { limit: 'depth', value: depth, max: limits.maxDepth });
  }
  const aliases = aliasesOf(operation.selectionSet, fragments, new Map());
  if (aliases > limits.maxAliases) {
    throw tooComplex(`Trop d'alias : ${aliases} pour ${limits.maxAliases} au plus.`, { limit: 'aliases', value: aliases, max: limits.maxAliases });
  }
  const root = operation.operation === OperationTypeNode.QUERY ? schema.getQueryType() : operation.operation === OperationTypeNode.MUTATION ? schema.getMutationType() : schema.getSubscriptionType();
  if (!root) throw new Unmeasurable(`no ${operation.operation} type`);
  const cost = new CostWalker(schema, fragments, operation, variables, limits.maxPageSize).selection(operation.selectionSet, root, null);
  if (!(cost <= limits.maxCost)) {
    throw tooComplex(`Requête trop coûteuse : ${cost} pour ${limits.maxCost} au plus. Réduisez first/last ou le nombre de champs.`, {
      limit: 'cost',
      value: cost,
      max: limits.maxCost,
    });
  }
}
