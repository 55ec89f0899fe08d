import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** Fields asked for under a field, by name, each with what is asked under it (fragments merged). */
export type Selection = ReadonlyMap<string, Selection>;

const EMPTY: Selection = new Map();

function merge(info: GraphQLResolveInfo, sets: readonly (SelectionSetNode | undefined)[]): Selection {
  const nodes = new Map<string, FieldNode[]>();
  const visit = (set: SelectionSetNode | undefined, seen: Set<string>) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        const list = nodes.get(name);
        if (list) list.push(selection);
        else nodes.set(name, [selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, seen);
      } else if (!seen.has(selection.name.value)) {
        // A fragment spread twice is walked once: the walk stays linear in the document.
        seen.add(selection.name.value);
        visit(info.fragments[selection.name.value]?.selectionSet, seen);
      }
    }
  };
  const seen = new Set<string>();
  for (const set of sets) visit(set, seen);
  const result = new Map<string, Selection>();
  for (const [name, fieldNodes] of nodes) {
    const children = fieldNodes.filter((n) => n.selectionSet).map((n) => n.selectionSet);
    result.set(name, children.length ? merge(info, children) : EMPTY);
  }
  return result;
}

/** Selections by the field's node: a document is parsed once (Apollo keeps it) and asked many times. */
const bySingleNode = new WeakMap<FieldNode, Selection>();

/** What is asked under the field being resolved (worked out once per field of a parsed document). */
export function selectionOf(info: GraphQLResolveInfo): Selection {
  const single = info.fieldNodes.length === 1 ? info.fieldNodes[0]! : null;
  let selection = single ? bySingleNode.get(single) : undefined;
  if (!selection) {
    selection = merge(
      info,
      info.fieldNodes.map((n) => n.selectionSet),
    );
    if (single) bySingleNode.set(single, selection);
  }
  return selection;
}

/** What is asked of a connection (its own fields) and of its nodes (`edges.node`). */
export function connectionSelection(info: GraphQLResolveInfo): { connection: Selection; node: Selection } {
  const connection = selectionOf(info);
  return { connection, node: connection.get('edges')?.get('node') ?? EMPTY };
}
