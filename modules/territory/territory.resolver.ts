import { Args, Ctx, Field, FieldResolver, ID, InputType, ObjectType, Query, Resolver, Root, Arg } from 'type-graphql';
import { IsOptional, MaxLength } from 'class-validator';
import type { Context } from '../../server/context.js';
import { refKey } from '../../server/read.js';
import { ConnectionArgs, connectionType, toConnection } from '../../server/relay.js';
import { Commune } from './commune.entity.js';
import { Intercommunality } from './intercommunality.entity.js';
import { Territory } from './territory.entity.js';
import { TerritoryService } from './territory.service.js';
import { MaxItems } from '../../server/limits.js';

@ObjectType('CommuneConnection', { description: 'A page of communes.' })
export class CommuneConnection extends connectionType(Commune, 'Commune') {}

@InputType('CommuneFilter', { description: 'Filters on communes; all given filters apply together.' })
export class CommuneFilter {
  @Field(() => ID, { nullable: true, description: 'Only the communes of this intercommunality.' })
  @IsOptional()
  @MaxLength(100, { message: "L'identifiant est limité à 100 caractères." })
  intercommunalityId?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the name, accents and case ignored.' })
  @IsOptional()
  @MaxLength(100, { message: 'La recherche est limitée à 100 caractères.' })
  search?: string | null;
}

@Resolver(() => Territory)
export class TerritoryResolver {
  @MaxItems(3) // a platform serves one territorial network: one perimeter, a few at most
  @Query(() => [Territory], { description: 'The perimeters this platform covers.' })
  territories(@Ctx() ctx: Context): Promise<Territory[]> {
    return TerritoryService.territories(ctx);
  }

  @MaxItems(25) // a département has about 20 EPCI
  @FieldResolver(() => [Intercommunality], { description: 'Intercommunalities of the territory, by name.' })
  intercommunalities(@Root() territory: Territory, @Ctx() ctx: Context): Promise<Intercommunality[]> {
    return ctx.loaders.intercommunalitiesByTerritoryId.load(territory.id);
  }
}

@Resolver(() => Intercommunality)
export class IntercommunalityResolver {
  @MaxItems(75) // 3 territories of 25
  @Query(() => [Intercommunality], { description: 'Every intercommunality of the platform, by name.' })
  intercommunalities(@Ctx() ctx: Context): Promise<Intercommunality[]> {
    return TerritoryService.intercommunalities(ctx);
  }

  @FieldResolver(() => Territory, { description: 'The territory it belongs to.' })
  async territory(@Root() intercommunality: Intercommunality, @Ctx() ctx: Context): Promise<Territory> {
    return (await ctx.loaders.territoryById.load(refKey(intercommunality.territory)))!;
  }

  @MaxItems(200) // the largest French EPCI has 158 communes
  @FieldResolver(() => [Commune], { description: 'Its communes, by name.' })
  communes(@Root() intercommunality: Intercommunality, @Ctx() ctx: Context): Promise<Commune[]> {
    return ctx.loaders.communesByIntercommunalityId.load(intercommunality.id);
  }
}

@Resolver(() => Commune)
export class CommuneResolver {
  @Query(() => CommuneConnection, { description: 'Communes of the perimeter, by name.' })
  async communes(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => CommuneFilter, { nullable: true, description: 'Filters to apply.' }) filter: CommuneFilter | null,
    @Ctx() ctx: Context,
  ): Promise<CommuneConnection> {
    return toConnection(CommuneConnection, await TerritoryService.communes(ctx, filter, args));
  }

  @FieldResolver(() => Intercommunality, { description: 'The intercommunality the commune belongs to.' })
  async intercommunality(@Root() commune: Commune, @Ctx() ctx: Context): Promise<Intercommunality> {
    return (await ctx.loaders.intercommunalityById.load(refKey(commune.intercommunality)))!;
  }
}
