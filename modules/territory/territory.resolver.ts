import { Arg, Args, Ctx, Field, ID, Info, InputType, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ArrayMaxSize, IsOptional, Length, MaxLength } from 'class-validator';
import { TerritoryPermissions } from './territory.permissions.js';
import { Commune } from './commune.entity.js';
import { Intercommunality } from './intercommunality.entity.js';
import { Territory } from './territory.entity.js';
import { MAX_INTERCOMMUNALITIES, MAX_TERRITORIES, TerritoryService } from './territory.service.js';
import { type Context, ConnectionArgs, connectionType, toConnection, MaxItems, Authorized, OmitOrSet } from '../../server/kit/index.js';

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

@InputType('CommuneZoningInput', { description: "A commune's zoning, as the official lists give it; omitted fields stay as they are." })
export class CommuneZoningInput {
  @Field(() => Boolean, { nullable: true, description: 'Classified as a rural revitalisation zone (ZRR, France Ruralités Revitalisation); null: not recorded.' })
  @IsOptional()
  ruralRevitalisationZone?: boolean | null;

  @Field(() => [String], { nullable: true, description: 'Names of the priority districts (QPV) in the commune, as the decree names them (at most 20); null is refused.' })
  @OmitOrSet('La liste des quartiers prioritaires ne peut pas être vide : donnez une liste, éventuellement vide.')
  @ArrayMaxSize(20, { message: 'Au plus 20 quartiers prioritaires.' })
  @Length(2, 100, { each: true, message: 'Chaque nom de quartier compte de 2 à 100 caractères.' })
  priorityDistricts?: string[] | null;
}

@Resolver(() => Territory)
export class TerritoryResolver {
  @MaxItems(MAX_TERRITORIES) // a platform serves one territorial network: one perimeter, a few at most
  @Query(() => [Territory], { description: 'The perimeters this platform covers.' })
  territories(@Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Territory[]> {
    return TerritoryService.territories(ctx, info);
  }
}

@Resolver(() => Intercommunality)
export class IntercommunalityResolver {
  @MaxItems(MAX_INTERCOMMUNALITIES) // 3 territories of 25
  @Query(() => [Intercommunality], { description: 'Every intercommunality of the platform, by name.' })
  intercommunalities(@Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Intercommunality[]> {
    return TerritoryService.intercommunalities(ctx, info);
  }
}

@Resolver(() => Commune)
export class CommuneResolver {
  @Query(() => CommuneConnection, { description: 'Communes of the perimeter, by name.' })
  async communes(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => CommuneFilter, { nullable: true, description: 'Filters to apply.' }) filter: CommuneFilter | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommuneConnection> {
    return toConnection(CommuneConnection, await TerritoryService.communes(ctx, filter, args, info));
  }

  @Authorized(TerritoryPermissions.communes.update)
  @Mutation(() => Commune, { description: "Records a commune's zoning (ZRR, priority districts) from the official lists (administrators)." })
  setCommuneZoning(
    @Arg('id', () => ID, { description: 'Id of the commune.' }) id: string,
    @Arg('input', () => CommuneZoningInput, { description: 'The zoning.' }) input: CommuneZoningInput,
    @Ctx() ctx: Context,
  ): Promise<Commune> {
    return TerritoryService.setZoning(ctx, id, input);
  }
}
