import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Node, fromGlobalId, keyFits } from './relay.js';
import { badInput } from './errors.js';
import type { Context } from './context.js';

/** `node(id)` and `nodes(ids)`: each record is fetched by its module, with the same checks as its fields. */
@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'The record with this global id, or null when it does not exist or is not visible to you.' })
  async node(@Arg('id', () => ID, { description: 'Global id of the record.' }) id: string, @Ctx() ctx: Context): Promise<object | null> {
    return fetchNode(ctx, id, 'id');
  }

  @Query(() => [Node], { nullable: 'items', description: 'The records with these global ids (at most 100), in order; null for each one that does not exist or is not visible to you.' })
  async nodes(@Arg('ids', () => [ID], { description: 'Global ids of the records.' }) ids: string[], @Ctx() ctx: Context): Promise<(object | null)[]> {
    if (ids.length > 100) throw badInput('ids', 'Au plus 100 identifiants par appel.');
    return Promise.all(ids.map((id, i) => fetchNode(ctx, id, `ids[${i}]`)));
  }
}

/**
 * A string that is not a global id is the client's mistake (BAD_USER_INPUT on `field`). A global id
 * of an unknown type, or whose key its type's primary key could not hold (`Organization:not-a-uuid`,
 * `Partner:1`), names no record: null, as for a record that does not exist (Relay's convention), and
 * without reaching the database.
 */
async function fetchNode(ctx: Context, id: string, field: string): Promise<object | null> {
  const parsed = fromGlobalId(id);
  if (!parsed) throw badInput(field, `« ${id.slice(0, 80)} » n'est pas un identifiant global valide.`);
  const fetch = ctx.gateway.nodes.get(parsed.type);
  return fetch && keyFits(parsed.type, parsed.id) ? fetch(ctx, parsed.id) : null;
}
