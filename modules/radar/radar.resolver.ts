import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root, Subscription } from 'type-graphql';
import { Authorized, Needs, decodeId, subscribeTo, type Context } from '../../server/kit/index.js';
import { Organization } from '../organizations/index.js';
import { Interview } from '../interview-grids/index.js';
import { Radar } from './radar.entity.js';
import { RadarUpdated } from './radar.events.js';
import { RadarPermissions } from './radar.permissions.js';
import { RadarService } from './radar.service.js';
import { RadarViews } from './radar.views.js';
import { RadarAxis, RadarAxisQuartiles, RadarSignalView, RadarTrendView } from './radar.types.js';

/** Radar fields: axes, signals as the viewer may read them, trend, picture; the sector view. Thin: one service call each. */
@Resolver(() => Radar)
export class RadarResolver {
  @Needs('axes')
  @FieldResolver(() => [RadarAxis], { description: 'Score and coverage of each axis, in the grid order.' })
  axes(@Root() radar: Radar): RadarAxis[] {
    return RadarViews.axes(radar);
  }

  @Needs('signals', 'partner')
  @FieldResolver(() => [RadarSignalView], { description: 'Risks and margins, explanations withheld where they cite answers the viewer may not read.' })
  signals(@Root() radar: Radar, @Ctx() ctx: Context): RadarSignalView[] {
    return RadarViews.signals(ctx, radar);
  }

  @Needs('axes', 'signals', 'level', 'previousRadar', 'partner')
  @FieldResolver(() => RadarTrendView, { nullable: true, description: 'What changed since the previous radar of the organization; null for the first.' })
  trend(@Root() radar: Radar, @Ctx() ctx: Context): Promise<RadarTrendView | null> {
    return RadarViews.trend(ctx, radar);
  }

  @Needs('axes', 'previousRadar', 'organization', 'interviewDate')
  @FieldResolver(() => String, { description: 'The radar as an SVG picture (French labels, previous interview outlined), optionally with the sector median dashed.' })
  svg(
    @Root() radar: Radar,
    @Arg('withSectorMedian', () => Boolean, { defaultValue: false, description: "Draw the median of the organization's sector." }) withSectorMedian: boolean,
    @Ctx() ctx: Context,
  ): Promise<string> {
    return RadarViews.svg(ctx, radar, withSectorMedian);
  }

  @Authorized(RadarPermissions.read)
  @Query(() => [RadarAxisQuartiles], { description: 'Quartiles of each axis over the latest radar of each organization: of a sector, or of the whole territory.' })
  radarQuartiles(
    @Arg('sectorId', () => ID, { nullable: true, description: 'A sector; the whole territory when left out.' }) sectorId: string | null,
    @Ctx() ctx: Context,
  ): Promise<RadarAxisQuartiles[]> {
    return RadarViews.quartiles(ctx, sectorId ? decodeId(sectorId, 'Sector', 'sectorId') : null);
  }

  @Subscription(() => Radar, {
    subscribe: ({ args, context }) => {
      const ctx = context as Context;
      ctx.require(RadarPermissions.read);
      const organizationId = decodeId((args as { organizationId: string }).organizationId, 'Organization', 'organizationId');
      return subscribeTo(ctx, RadarUpdated, (payload) => payload.organizationId === organizationId);
    },
    description: "Pushes the organization's radar each time it is computed or recomputed.",
  })
  radarUpdated(@Arg('organizationId', () => ID, { description: 'The organization.' }) _organizationId: string, @Root() payload: { radarId: string }, @Ctx() ctx: Context): Promise<Radar> {
    return RadarService.visible(ctx, payload.radarId);
  }
}

/** `Organization.radar`, added by this module. */
@Resolver(() => Organization)
export class OrganizationRadarResolver {
  @Needs('id')
  @FieldResolver(() => Radar, { nullable: true, description: "The organization's latest radar (of its latest interview); null when none or not visible." })
  radar(@Root() organization: Organization, @Ctx() ctx: Context): Promise<Radar | null> {
    return RadarService.latest(ctx, organization.id);
  }
}

/** `Interview.radar`, added by this module. */
@Resolver(() => Interview)
export class InterviewRadarResolver {
  @Needs('id')
  @FieldResolver(() => Radar, { nullable: true, description: 'The radar computed from this interview once completed; null before, or when not visible.' })
  radar(@Root() interview: Interview, @Ctx() ctx: Context): Promise<Radar | null> {
    return RadarService.ofInterview(ctx, interview.id);
  }
}

export const RADAR_RESOLVERS = [RadarResolver, OrganizationRadarResolver, InterviewRadarResolver];
