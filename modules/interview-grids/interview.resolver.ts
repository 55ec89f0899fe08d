import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, ObjectType, Query, Resolver, Root, Subscription } from 'type-graphql';
import { Authorized, ConnectionArgs, connectionType, decodeId, forbidden, Needs, subscribeTo, toConnection, type Context } from '../../server/kit/index.js';
import { Organization } from '../organizations/index.js';
import { GridVersion } from './grid-version.entity.js';
import { Interview } from './interview.entity.js';
import { InterviewCompleted } from './interview.events.js';
import { CreateGridVersionInput, InterviewFilter, SaveAnswersInput, SetGridRulesInput, StartInterviewInput, UpdateGridVersionInput } from './interview.inputs.js';
import { InterviewPermissions } from './interview.permissions.js';
import { InterviewService, ORGANIZATION_INTERVIEWS_MAX } from './interview.service.js';

@ObjectType('InterviewConnection', { description: 'A page of interviews.' })
export class InterviewConnection extends connectionType(Interview, 'Interview') {}

@ObjectType('GridVersionConnection', { description: 'A page of grid versions.' })
export class GridVersionConnection extends connectionType(GridVersion, 'GridVersion') {}

/** Thin: arguments, context, one service call. */
@Resolver(() => Interview)
export class InterviewResolver {
  @Query(() => InterviewConnection, { description: 'Interviews, the latest first; only those the viewer may see (the organization consented, or the viewer’s partner held them).' })
  async interviews(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => InterviewFilter, { nullable: true, description: 'Filters to apply.' }) filter: InterviewFilter | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InterviewConnection> {
    return toConnection(InterviewConnection, await InterviewService.list(ctx, filter, args, info));
  }

  @Query(() => GridVersionConnection, { description: 'Grid versions, by code then the latest version first; drafts only for those who manage grids.' })
  async gridVersions(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('code', () => String, { nullable: true, description: 'Only the versions of this grid.' }) code: string | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<GridVersionConnection> {
    return toConnection(GridVersionConnection, await InterviewService.gridVersions(ctx, code, args, info));
  }

  @Query(() => GridVersion, { nullable: true, description: 'A grid version by id, or the latest published version of a grid (the default grid when both are omitted).' })
  gridVersion(
    @Arg('id', () => ID, { nullable: true, description: 'Id of the version.' }) id: string | null,
    @Arg('code', () => String, { nullable: true, description: 'Code of the grid: its latest published version.' }) code: string | null,
    @Ctx() ctx: Context,
  ): Promise<GridVersion | null> {
    return InterviewService.gridVersion(ctx, id, code);
  }

  @Authorized(InterviewPermissions.conduct)
  @Mutation(() => Interview, { description: 'Starts a draft interview of an organization for one of the viewer’s partners.' })
  startInterview(@Arg('input', () => StartInterviewInput, { description: 'The interview.' }) input: StartInterviewInput, @Ctx() ctx: Context): Promise<Interview> {
    return InterviewService.start(ctx, input);
  }

  @Authorized(InterviewPermissions.conduct)
  @Mutation(() => Interview, { description: 'Saves some answers of a draft interview (CONFLICT when `expectedVersion` is stale; every refused value reported at once).' })
  saveAnswers(@Arg('input', () => SaveAnswersInput, { description: 'The answers.' }) input: SaveAnswersInput, @Ctx() ctx: Context): Promise<Interview> {
    return InterviewService.saveAnswers(ctx, input);
  }

  @Authorized(InterviewPermissions.conduct)
  @Mutation(() => Interview, { description: 'Completes a draft interview: every required answer given and of its type, else every problem at once (extensions.fields).' })
  completeInterview(
    @Arg('id', () => ID, { description: 'Id of the interview.' }) id: string,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version the client last read; stale: CONFLICT.' }) expectedVersion: number | null,
    @Ctx() ctx: Context,
  ): Promise<Interview> {
    return InterviewService.complete(ctx, id, expectedVersion);
  }

  @Authorized(InterviewPermissions.validate)
  @Mutation(() => Interview, { description: 'Validates a completed interview (a manager of the interviewing partner, or an administrator).' })
  validateInterview(@Arg('id', () => ID, { description: 'Id of the interview.' }) id: string, @Ctx() ctx: Context): Promise<Interview> {
    return InterviewService.validate(ctx, id);
  }

  @Authorized(InterviewPermissions.grids.manage)
  @Mutation(() => GridVersion, { description: 'Replaces the rules of a grid version; every cited question and the JSON Logic are checked first.' })
  setGridRules(@Arg('input', () => SetGridRulesInput, { description: 'The grid version and its rules.' }) input: SetGridRulesInput, @Ctx() ctx: Context): Promise<GridVersion> {
    return InterviewService.setGridRules(ctx, input);
  }

  @Authorized(InterviewPermissions.grids.manage)
  @Mutation(() => GridVersion, { description: 'Creates the next version of a grid as a draft (a copy, or the definition given).' })
  createGridVersion(@Arg('input', () => CreateGridVersionInput, { description: 'Where to start from.' }) input: CreateGridVersionInput, @Ctx() ctx: Context): Promise<GridVersion> {
    return InterviewService.createGridVersion(ctx, input);
  }

  @Authorized(InterviewPermissions.grids.manage)
  @Mutation(() => GridVersion, { description: 'Replaces the definition of a draft grid version (a published one never changes).' })
  updateGridVersion(@Arg('input', () => UpdateGridVersionInput, { description: 'The draft and its definition.' }) input: UpdateGridVersionInput, @Ctx() ctx: Context): Promise<GridVersion> {
    return InterviewService.updateGridVersion(ctx, input);
  }

  @Authorized(InterviewPermissions.grids.manage)
  @Mutation(() => GridVersion, { description: 'Publishes a draft grid version: it never changes afterwards.' })
  publishGridVersion(@Arg('id', () => ID, { description: 'Id of the draft.' }) id: string, @Ctx() ctx: Context): Promise<GridVersion> {
    return InterviewService.publishGridVersion(ctx, id);
  }

  @Subscription(() => Interview, {
    subscribe: ({ args, context }) => {
      const ctx = context as Context;
      if (!InterviewService.mayRead(ctx)) throw forbidden();
      const given = (args as { organizationId?: string | null }).organizationId;
      const organizationId = given ? decodeId(given, 'Organization', 'organizationId') : null;
      return subscribeTo(ctx, InterviewCompleted, (payload) => !organizationId || payload.organizationId === organizationId);
    },
    description: 'Pushes each interview completed (all of them, or those of `organizationId`), as the viewer may see it.',
  })
  interviewCompleted(
    @Arg('organizationId', () => ID, { nullable: true, description: 'Only those of this organization.' }) _organizationId: string | null,
    @Root() payload: { interviewId: string },
    @Ctx() ctx: Context,
  ): Promise<Interview> {
    return InterviewService.visible(ctx, payload.interviewId);
  }
}

/** Adds `Organization.interviews` without touching the organizations module. */
@Resolver(() => Organization)
export class OrganizationInterviewsResolver {
  @Needs('id')
  @FieldResolver(() => [Interview], { description: `The organization's interviews the viewer may see, the latest first (at most ${ORGANIZATION_INTERVIEWS_MAX}).` })
  interviews(
    @Root() organization: Organization,
    @Arg('first', () => Int, { defaultValue: 10, description: `At most this many (at most ${ORGANIZATION_INTERVIEWS_MAX}).` }) first: number,
    @Ctx() ctx: Context,
  ): Promise<Interview[]> {
    return InterviewService.ofOrganization(ctx, organization, first);
  }
}
