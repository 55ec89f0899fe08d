import type { EventArgs, EventSubscriber } from '@mikro-orm/core';
import { searchKey } from '../text.js';

/*
 * Search columns, declared on the entity: `@SearchText('name', 'description') searchText` keeps the
 * column in step with its sources on every create and update (a MikroORM subscriber), and lists find
 * it by itself (`list(ctx, Entity, { search })`). When a source changes, every source must be loaded:
 * a lazy one left unloaded would silently drop its words, so that is refused.
 */

interface SearchColumn {
  property: string;
  sources: readonly string[];
}

const columns = new WeakMap<Function, SearchColumn>();

/** Declares the property as the entity's search text, made of `sources` (lower case, no accents). */
export function SearchText(...sources: string[]): PropertyDecorator {
  return (target, property) => {
    columns.set(target.constructor, { property: String(property), sources });
  };
}

/** The search column of `entity`, if it declares one. */
export function searchColumnOf(entity: Function): string | undefined {
  return columns.get(entity)?.property;
}

/** Fills the declared search text of every entity created or updated (registered by the database). */
export class SearchTextSubscriber implements EventSubscriber {
  beforeCreate(args: EventArgs<object>): void {
    refresh(args.entity);
  }

  beforeUpdate(args: EventArgs<object>): void {
    // Only when a source changed: an update of other fields may leave a lazy source unloaded.
    const changed = args.changeSet?.payload ?? {};
    const column = columns.get(args.entity.constructor);
    if (column && column.sources.some((s) => s in changed)) refresh(args.entity);
  }
}

function refresh(entity: object): void {
  const column = columns.get(entity.constructor);
  if (!column) return;
  const values = column.sources.map((s) => (entity as Record<string, unknown>)[s]);
  if (values.some((v) => v === undefined)) {
    throw new Error(`${entity.constructor.name}.${column.property}: load ${column.sources.join(', ')} before changing it (a lazy source would lose its words)`);
  }
  (entity as Record<string, unknown>)[column.property] = searchKey(
    values
      .filter((v) => v != null)
      .map(String)
      .join(' '),
  );
}
