import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Authorized, ConnectionArgs, connectionType, toConnection, type Context } from '../../server/kit/index.js';
import { SupportRequest } from './support-request.entity.js';
import { ReceiveSupportRequestInput, SupportRequestFilter, UpdateSupportRequestInput } from './support-request.inputs.js';
import { SupportPermissions } from './support.permissions.js';
import { SupportRequestService } from './support-request.service.js';
import { SupportStatus } from './support.enums.js';

@ObjectType('SupportRequestConnection', { description: 'A page of support requests.' })
export class SupportRequestConnection extends connectionType(SupportRequest, 'SupportRequest') {}

const VERSION = { nullable: true, description: 'The version the change was made on: CONFLICT when the request changed since; null: no check.' } as const;

/** Thin: arguments, context, one service call. */
@Resolver(() => SupportRequest)
export class SupportRequestResolver {
  @Query(() => SupportRequestConnection, { description: 'Support requests the viewer may see, the latest received first.' })
  async supportRequests(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => SupportRequestFilter, { nullable: true, description: 'Filters to apply.' }) filter: SupportRequestFilter | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SupportRequestConnection> {
    return toConnection(SupportRequestConnection, await SupportRequestService.list(ctx, filter, args, info));
  }

  @Query(() => SupportRequest, { nullable: true, description: 'One support request; null when the viewer may not see it.' })
  supportRequest(@Arg('id', () => ID, { description: 'Id of the request.' }) id: string, @Ctx() ctx: Context): Promise<SupportRequest | null> {
    return SupportRequestService.one(ctx, id);
  }

  @Authorized(SupportPermissions.receive)
  @Mutation(() => SupportRequest, { description: "Records a support request received by the viewer's partner (status RECEIVED)." })
  receiveSupportRequest(@Arg('input', () => ReceiveSupportRequestInput, { description: 'The request.' }) input: ReceiveSupportRequestInput, @Ctx() ctx: Context): Promise<SupportRequest> {
    return SupportRequestService.receive(ctx, input);
  }

  @Authorized(SupportPermissions.update)
  @Mutation(() => SupportRequest, { description: 'Changes a support request; fields left out stay as they are.' })
  updateSupportRequest(
    @Arg('id', () => ID, { description: 'Id of the request.' }) id: string,
    @Arg('input', () => UpdateSupportRequestInput, { description: 'The changes.' }) input: UpdateSupportRequestInput,
    @Arg('expectedVersion', () => Int, VERSION) expectedVersion: number | null,
    @Ctx() ctx: Context,
  ): Promise<SupportRequest> {
    return SupportRequestService.update(ctx, id, input, expectedVersion);
  }

  @Authorized(SupportPermissions.update)
  @Mutation(() => SupportRequest, {
    description: 'Qualifies a received request (RECEIVED → QUALIFIED): its receiving partner and the partners the matching proposes are asked for their position (`invitations`).',
  })
  qualifySupportRequest(
    @Arg('id', () => ID, { description: 'Id of the request.' }) id: string,
    @Arg('reason', () => String, { nullable: true, description: 'A note on the qualification (French).' }) reason: string | null,
    @Arg('expectedVersion', () => Int, VERSION) expectedVersion: number | null,
    @Ctx() ctx: Context,
  ): Promise<SupportRequest> {
    return SupportRequestService.changeStatus(ctx, id, SupportStatus.QUALIFIED, reason, expectedVersion);
  }

  @Authorized(SupportPermissions.update)
  @Mutation(() => SupportRequest, { description: 'Moves a request along its workflow; an illegal move is BAD_USER_INPUT naming the allowed statuses.' })
  changeSupportRequestStatus(
    @Arg('id', () => ID, { description: 'Id of the request.' }) id: string,
    @Arg('status', () => SupportStatus, { description: 'The new status.' }) status: SupportStatus,
    @Arg('reason', () => String, { nullable: true, description: 'Why (French), kept in the history.' }) reason: string | null,
    @Arg('expectedVersion', () => Int, VERSION) expectedVersion: number | null,
    @Ctx() ctx: Context,
  ): Promise<SupportRequest> {
    return SupportRequestService.changeStatus(ctx, id, status, reason, expectedVersion);
  }
}
