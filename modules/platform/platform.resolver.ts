import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { PlatformSettings } from './platform-settings.entity.js';
import { PlatformPermissions } from './platform.permissions.js';
import { PlatformService, effectiveDate } from './platform.service.js';
import { Authorized, Needs, type Context } from '../../server/kit/index.js';

@Resolver(() => PlatformSettings)
export class PlatformResolver {
  @Query(() => PlatformSettings, { description: 'Settings of the platform: its reference date and the day its demonstration data describes.' })
  async platform(@Ctx() ctx: Context): Promise<PlatformSettings> {
    return (await PlatformService.settings(ctx)) ?? new PlatformSettings();
  }

  @FieldResolver(() => GraphQLLocalDate, {
    description: 'The day that decides which schemes and accreditations are valid and how old structures are: `fixedReferenceDate`, else today (in France).',
  })
  @Needs('fixedReferenceDate')
  referenceDate(@Root() settings: PlatformSettings): string {
    return effectiveDate(settings);
  }

  @Authorized(PlatformPermissions.settings.update)
  @Mutation(() => PlatformSettings, { description: 'Fixes the reference date (administrators); null makes the platform follow today again.' })
  setReferenceDate(@Arg('date', () => GraphQLLocalDate, { nullable: true, description: 'The day, or null for today.' }) date: string | null, @Ctx() ctx: Context): Promise<PlatformSettings> {
    return PlatformService.setReferenceDate(ctx, date);
  }
}
