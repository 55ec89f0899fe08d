import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { Authorized, Needs, type Context } from '../../server/kit/index.js';
import { Partner } from '../partners/index.js';
import { PartnerPosition } from './partner-position.entity.js';
import { PositionInput } from './position.inputs.js';
import { PositionService } from './position.service.js';
import { SupportPermissions } from './support.permissions.js';
import { SupportRequest } from './support-request.entity.js';
import { PositionInvitation } from './position-invitation.entity.js';

@ObjectType('MissingPosition', { description: 'A partner asked for its position on a request that has not answered yet.' })
export class MissingPositionType {
  @Field(() => Partner, { description: 'The partner.' })
  partner!: Partner;

  @Field(() => GraphQLDateTime, { description: 'Since when its position is awaited: when it was asked (the qualification of the request, or when the committee added it).' })
  since!: Date;

  @Field(() => Int, { description: 'For how many whole days.' })
  days!: number;
}

@Resolver(() => SupportRequest)
export class PositionResolver {
  @Authorized(SupportPermissions.position)
  @Mutation(() => PartnerPosition, { description: "Records or changes the viewer's partner's position on a request (every version is kept); a partner changes only its own." })
  recordPosition(
    @Arg('requestId', () => ID, { description: 'Id of the request.' }) requestId: string,
    @Arg('input', () => PositionInput, { description: 'The position.' }) input: PositionInput,
    @Ctx() ctx: Context,
  ): Promise<PartnerPosition> {
    return PositionService.record(ctx, requestId, input);
  }

  @Authorized(SupportPermissions.update)
  @Mutation(() => PositionInvitation, {
    description:
      'Asks a partner for its position on a request the viewer may see (one the matching did not propose), between the qualification and the strategy; a partner already asked keeps its invitation (the same one is returned).',
  })
  inviteToPosition(
    @Arg('requestId', () => ID, { description: 'Id of the request.' }) requestId: string,
    @Arg('partnerId', () => ID, { description: 'Id of the partner to ask.' }) partnerId: string,
    @Ctx() ctx: Context,
  ): Promise<PositionInvitation> {
    return PositionService.invite(ctx, requestId, partnerId);
  }

  @FieldResolver(() => [MissingPositionType], {
    description:
      'Partners asked for their position (`invitations`: the receiving partner and those the matching proposed at the qualification, and those the committee added) that have not answered, since they were asked, while positions are taken; by name.',
  })
  @Needs('invitations', 'positions', 'status')
  missingPositions(@Root() request: SupportRequest, @Ctx() ctx: Context): Promise<MissingPositionType[]> {
    return PositionService.missing(ctx, request);
  }
}
