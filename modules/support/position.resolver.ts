import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { Authorized, Needs, type Context } from '../../server/kit/index.js';
import { Partner } from '../partners/index.js';
import { PartnerPosition } from './partner-position.entity.js';
import { PositionInput } from './position.inputs.js';
import { PositionService } from './position.service.js';
import { SupportPermissions } from './support.permissions.js';
import { SupportRequest } from './support-request.entity.js';
import { SITUATION_NEEDS } from './support-match.js';

@ObjectType('MissingPosition', { description: 'A partner expected to take position on a request that has not answered yet.' })
export class MissingPositionType {
  @Field(() => Partner, { description: 'The partner.' })
  partner!: Partner;

  @Field(() => GraphQLDateTime, { description: 'Since when its position is awaited (the qualification of the request).' })
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

  @FieldResolver(() => [MissingPositionType], {
    description: 'Partners whose position is awaited (those the matching proposes, and the receiving partner), since the qualification, while positions are taken; by name.',
  })
  @Needs(...SITUATION_NEEDS, 'positions', 'status', 'qualifiedAt', 'receivingPartner')
  missingPositions(@Root() request: SupportRequest, @Ctx() ctx: Context): Promise<MissingPositionType[]> {
    return PositionService.missing(ctx, request);
  }
}
