import { Ctx, Info, Query, Resolver } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Sector } from './sector.entity.js';
import { SectorService } from './sector.service.js';
import { type Context } from '../../server/kit/index.js';

@Resolver(() => Sector)
export class SectorResolver {
  @Query(() => [Sector], { description: 'The sectors (filières) the platform follows, in display order.' })
  sectors(@Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Sector[]> {
    return SectorService.list(ctx, info);
  }
}
