import { Arg, Args, Ctx, Field, Float, ID, Int, Mutation, ObjectType, Query, Resolver, FieldResolver, Root } from 'type-graphql';
import { Authorized, ConnectionArgs, connectionType, decodeId, load, toConnection, type Context } from '../../server/kit/index.js';
import { Organization } from '../organizations/index.js';
import { ContactPriorityWeights } from './contact-priority.entity.js';
import { ContactPriorityWeightsInput } from './contact-priority.inputs.js';
import { ContactPriorityService, type RankedPriority } from './contact-priority.service.js';
import { RadarLevelEnum } from './radar.enums.js';
import { RadarPermissions } from './radar.permissions.js';

@ObjectType('ContactPriority', { description: 'An organization to contact, its rank and score, and why (French reasons).' })
export class ContactPriority {
  organizationId!: string;

  @Field(() => Int, { description: 'Rank in the whole list (1 = contact first).' })
  rank!: number;

  @Field(() => Float, { description: 'Priority score 0–100 (under `contactPriorityWeights`).' })
  score!: number;

  @Field(() => RadarLevelEnum, { nullable: true, description: "The latest radar's alert level; null without radar." })
  level!: RadarLevelEnum | null;

  @Field(() => [String], { description: 'Why, in French, the largest contribution first.' })
  reasons!: string[];
}

@ObjectType('ContactPriorityConnection', { description: 'A page of organizations ranked by contact priority.' })
export class ContactPriorityConnection extends connectionType(ContactPriority, 'ContactPriority') {}

const view = (r: RankedPriority): ContactPriority =>
  Object.assign(new ContactPriority(), { organizationId: r.organizationId, rank: r.rank, score: r.score, level: r.level as RadarLevelEnum | null, reasons: r.reasons });

@Resolver(() => ContactPriority)
export class ContactPriorityResolver {
  @Authorized(RadarPermissions.priorities.read)
  @Query(() => ContactPriorityConnection, { description: 'Organizations ranked by contact priority (alert level, time since the last interview, size, priority sector, stage), with French reasons.' })
  async contactPriorities(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('sectorId', () => ID, { nullable: true, description: 'Only the organizations of this sector.' }) sectorId: string | null,
    @Ctx() ctx: Context,
  ): Promise<ContactPriorityConnection> {
    const page = await ContactPriorityService.page(ctx, args, sectorId ? decodeId(sectorId, 'Sector', 'sectorId') : null);
    return toConnection(ContactPriorityConnection, { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: view(e.node) })) });
  }

  // Read as the platform settings were (no permission): the weights say how the list is ranked, not whom it
  // ranks. A root field of this module rather than a field on the platform module's PlatformSettings, which
  // tied the platform's type to the radar (and put the field in a schema without the radar).
  @Query(() => ContactPriorityWeights, { description: 'How the contact priority list weighs its factors (the defaults until the steering board changes them).' })
  contactPriorityWeights(@Ctx() ctx: Context): Promise<ContactPriorityWeights> {
    return ContactPriorityService.weights(ctx);
  }

  @FieldResolver(() => Organization, { description: 'The organization.' })
  async organization(@Root() priority: ContactPriority, @Ctx() ctx: Context): Promise<Organization> {
    return (await load(ctx, Organization, priority.organizationId))!;
  }

  @Authorized(RadarPermissions.priorities.update)
  @Mutation(() => ContactPriorityWeights, { description: "Changes the contact priority weights (administrators, and managers of a steering board's partner)." })
  setContactPriorityWeights(
    @Arg('input', () => ContactPriorityWeightsInput, { description: 'The new weights.' }) input: ContactPriorityWeightsInput,
    @Ctx() ctx: Context,
  ): Promise<ContactPriorityWeights> {
    return ContactPriorityService.setWeights(ctx, input);
  }
}
