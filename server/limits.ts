import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { AppError, ErrorCode } from './errors.js';
import type { OperationLimits } from './config.js';

/*
 * Operation limits, shared by HTTP (an Apollo plugin) and WebSocket (graphql-ws `onSubscribe`):
 * Apollo's validation rules do not reach graphql-ws, so both paths call `checkOperationLimits`.
 */

const tooComplex = (message: string, extra: Record<string, unknown>) => new AppError(ErrorCode.TooComplex, message, extra);

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const map = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) map.set(d.name.value, d);
  return map;
}

/** Depth of the deepest field, following fragments (each fragment once per path). */
function depthOf(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen: Set<string>): number {
  let max = 0;
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) {
      max = Math.max(max, s.selectionSet ? 1 + depthOf(s.selectionSet, fragments, seen) : 1);
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      max = Math.max(max, depthOf(s.selectionSet, fragments, seen));
    } else {
      const name = s.name.value;
      const fragment = fragments.get(name);
      if (fragment && !seen.has(name)) {
        max = Math.max(max, depthOf(fragment.selectionSet, fragments, new Set([...seen, name])));
      }
    }
  }
  return max;
}

/** Number of aliased fields in the whole document. */
function aliasCount(document: DocumentNode): number {
  let count = 0;
  const walk = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        if (s.alias) count++;
        if (s.selectionSet) walk(s.selectionSet);
      } else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet);
    }
  };
  for (const d of document.definitions) {
    if (d.kind === Kind.OPERATION_DEFINITION || d.kind === Kind.FRAGMENT_DEFINITION) walk(d.selectionSet);
  }
  return count;
}

/** Lists cost their page size (`first`/`last`, default 20, at most 100) times what each item costs. */
const pageEstimator =
  (maxPageSize: number): ComplexityEstimator =>
  ({ args, childComplexity }) => {
    const size = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : null;
    if (size === null) return undefined;
    return 1 + Math.min(Math.max(size, 0), maxPageSize) * Math.max(childComplexity, 1);
  };

function selectedOperation(document: DocumentNode, operationName?: string | null): OperationDefinitionNode | undefined {
  const ops = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return operationName ? ops.find((o) => o.name?.value === operationName) : ops[0];
}

/**
 * Checked documents: Apollo and our WebSocket path reuse one parsed DocumentNode per query text, so the
 * depth and alias checks run once per document and the cost once per document and variables.
 */
const checked = new WeakMap<DocumentNode, Map<string, true>>();

/** Throws OPERATION_TOO_COMPLEX when the operation is too deep, has too many aliases or costs too much. */
export function checkOperationLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
  operationName: string | null | undefined,
  limits: OperationLimits,
): void {
  const key = `${operationName ?? ''}\u0000${JSON.stringify(variables ?? {})}\u0000${limits.maxDepth}/${limits.maxAliases}/${limits.maxCost}`;
  let passed = checked.get(document);
  if (passed?.has(key)) return;
  checkUncached(schema, document, variables, operationName, limits);
  if (!passed) checked.set(document, (passed = new Map()));
  if (passed.size < 100) passed.set(key, true); // bounded: variables vary without limit
}

function checkUncached(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
  operationName: string | null | undefined,
  limits: OperationLimits,
): void {
  const operation = selectedOperation(document, operationName);
  if (!operation) return; // graphql-js reports the missing operation itself
  const fragments = fragmentsOf(document);
  const depth = depthOf(operation.selectionSet, fragments, new Set());
  if (depth > limits.maxDepth) {
    throw tooComplex(`Requête trop profonde : ${depth} niveaux pour ${limits.maxDepth} au plus.`, { limit: 'depth', value: depth, max: limits.maxDepth });
  }
  const aliases = aliasCount(document);
  if (aliases > limits.maxAliases) {
    throw tooComplex(`Trop d'alias : ${aliases} pour ${limits.maxAliases} au plus.`, { limit: 'aliases', value: aliases, max: limits.maxAliases });
  }
  let cost: number;
  try {
    cost = getComplexity({
      schema,
      query: document,
      operationName: operationName ?? undefined,
      variables: variables ?? {},
      estimators: [pageEstimator(limits.maxPageSize), simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch {
    return; // invalid variables or document: graphql-js reports them with their own message
  }
  if (cost > limits.maxCost) {
    throw tooComplex(`Requête trop coûteuse : ${cost} pour ${limits.maxCost} au plus. Réduisez first/last ou le nombre de champs.`, {
      limit: 'cost',
      value: cost,
      max: limits.maxCost,
    });
  }
}
