import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Node, fromGlobalId } from './relay.js';
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

async function fetchNode(ctx: Context, id: string, field: string): Promise<object | null> {
  const parsed = fromGlobalId(id);
  if (!parsed) throw badInput(field, `« ${id.slice(0, 80)} » n'est pas un identifiant global valide.`);
  const fetch = ctx.gateway.nodes.get(parsed.type);
  return fetch ? fetch(ctx, parsed.id) : null;
}
