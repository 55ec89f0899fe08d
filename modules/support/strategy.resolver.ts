import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { Authorized, type Context } from '../../server/kit/index.js';
import { SupportAction } from './strategy.entity.js';
import { ActionStatus, SatisfactionInput, StrategyInput, SupportActionInput } from './strategy.inputs.js';
import { StrategyService } from './strategy.service.js';
import { SupportPermissions } from './support.permissions.js';
import { SupportRequest } from './support-request.entity.js';

@Resolver(() => SupportRequest)
export class StrategyResolver {
  @Authorized(SupportPermissions.decide)
  @Mutation(() => SupportRequest, { description: 'The committee validates the shared strategy of a request under review (who and when are recorded): the request moves to STRATEGY_VALIDATED.' })
  validateStrategy(
    @Arg('requestId', () => ID, { description: 'Id of the request.' }) requestId: string,
    @Arg('input', () => StrategyInput, { description: 'The strategy.' }) input: StrategyInput,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version the decision was taken on: CONFLICT when the request changed since.' }) expectedVersion: number | null,
    @Ctx() ctx: Context,
  ): Promise<SupportRequest> {
    return StrategyService.validate(ctx, requestId, input, expectedVersion);
  }

  @Authorized(SupportPermissions.update)
  @Mutation(() => SupportAction, { description: 'Adds an action to the shared plan of a request (an owner partner, a due date, the position and scheme it follows from).' })
  addSupportAction(
    @Arg('requestId', () => ID, { description: 'Id of the request.' }) requestId: string,
    @Arg('input', () => SupportActionInput, { description: 'The action.' }) input: SupportActionInput,
    @Ctx() ctx: Context,
  ): Promise<SupportAction> {
    return StrategyService.addAction(ctx, requestId, input);
  }

  @Authorized(SupportPermissions.update)
  @Mutation(() => SupportAction, { description: "Changes an action's status: its owner partner's people, or administrators." })
  setSupportActionStatus(
    @Arg('id', () => ID, { description: 'Id of the action.' }) id: string,
    @Arg('status', () => ActionStatus, { description: 'The new status.' }) status: ActionStatus,
    @Ctx() ctx: Context,
  ): Promise<SupportAction> {
    return StrategyService.setActionStatus(ctx, id, status);
  }

  @Authorized(SupportPermissions.update)
  @Mutation(() => SupportRequest, { description: "Records the holder's satisfaction after closing (once), by the receiving partner." })
  recordSupportSatisfaction(
    @Arg('requestId', () => ID, { description: 'Id of the request.' }) requestId: string,
    @Arg('input', () => SatisfactionInput, { description: 'The feedback.' }) input: SatisfactionInput,
    @Ctx() ctx: Context,
  ): Promise<SupportRequest> {
    return StrategyService.recordSatisfaction(ctx, requestId, input);
  }
}
