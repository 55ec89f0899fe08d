import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Mutation, Query, Resolver } from 'type-graphql';
import { Authorized, type Context } from '../../server/kit/index.js';
import { GovernanceBody } from './governance-body.entity.js';
import { BodyMemberInput, CreateGovernanceBodyInput, UpdateGovernanceBodyInput } from './governance-body.inputs.js';
import { GovernancePermissions } from './governance.permissions.js';
import { GovernanceBodyService } from './governance-body.service.js';

/** Thin: arguments, context, one service call. */
@Resolver(() => GovernanceBody)
export class GovernanceBodyResolver {
  @Query(() => [GovernanceBody], { description: 'The governance bodies, by name; only for those who may see them (empty otherwise).' })
  governanceBodies(@Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<GovernanceBody[]> {
    return GovernanceBodyService.all(ctx, info);
  }

  @Query(() => GovernanceBody, { nullable: true, description: 'One body; null when hidden or unknown.' })
  governanceBody(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: Context): Promise<GovernanceBody | null> {
    return GovernanceBodyService.one(ctx, id);
  }

  @Authorized(GovernancePermissions.manage)
  @Mutation(() => GovernanceBody, { description: 'Creates a governance body (administrators).' })
  createGovernanceBody(@Arg('input', () => CreateGovernanceBodyInput, { description: 'The new body.' }) input: CreateGovernanceBodyInput, @Ctx() ctx: Context): Promise<GovernanceBody> {
    return GovernanceBodyService.create(ctx, input);
  }

  @Authorized(GovernancePermissions.manage)
  @Mutation(() => GovernanceBody, { description: "Changes a body's rules, rhythm or mode (its chair and secretary, administrators)." })
  updateGovernanceBody(
    @Arg('id', () => ID, { description: 'The body.' }) id: string,
    @Arg('input', () => UpdateGovernanceBodyInput, { description: 'The changes.' }) input: UpdateGovernanceBodyInput,
    @Ctx() ctx: Context,
  ): Promise<GovernanceBody> {
    return GovernanceBodyService.update(ctx, id, input);
  }

  @Authorized(GovernancePermissions.manage)
  @Mutation(() => GovernanceBody, { description: 'Seats a partner on a body, or changes its seat (representative, role, vote); answers the body.' })
  setBodyMember(@Arg('input', () => BodyMemberInput, { description: 'The seat.' }) input: BodyMemberInput, @Ctx() ctx: Context): Promise<GovernanceBody> {
    return GovernanceBodyService.setMember(ctx, input);
  }

  @Authorized(GovernancePermissions.manage)
  @Mutation(() => GovernanceBody, { description: 'Removes a partner from a body; answers the body.' })
  removeBodyMember(
    @Arg('bodyId', () => ID, { description: 'The body.' }) bodyId: string,
    @Arg('partnerId', () => ID, { description: 'The partner.' }) partnerId: string,
    @Ctx() ctx: Context,
  ): Promise<GovernanceBody> {
    return GovernanceBodyService.removeMember(ctx, bodyId, partnerId);
  }
}
