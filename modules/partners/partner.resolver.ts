import { Arg, Args, Info, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root, Subscription } from 'type-graphql';
import { ArrayMaxSize, IsOptional, Max, MaxLength, Min } from 'class-validator';
import type { GraphQLResolveInfo } from 'graphql';
import { Commune } from '../territory/index.js';
import { Sector } from '../sectors/index.js';
import { Organization } from '../organizations/index.js';
import { FundingScheme } from './funding-scheme.entity.js';
import { InterventionCriteria } from './intervention-criteria.entity.js';
import { Partner } from './partner.entity.js';
import { FundingSchemeKind } from './partner.enums.js';
import { PartnerChanged } from './partner.events.js';
import { PartnerPermissions } from './partner.permissions.js';
import { CreatePartnerInput, FundingSchemeInput, InterventionCriteriaInput, PARTNER_LISTS, PartnerFilter, UpdatePartnerInput } from './partner.inputs.js';
import { PartnerService } from './partner.service.js';
import { Needs, load, related, type Context, Authorized, subscribeTo, ConnectionArgs, connectionType, decodeId, toConnection, MaxItems } from '../../server/kit/index.js';

@ObjectType('PartnerConnection', { description: 'A page of partners.' })
export class PartnerConnection extends connectionType(Partner, 'Partner') {}

@ObjectType('FundingSchemeConnection', { description: 'A page of funding schemes.' })
export class FundingSchemeConnection extends connectionType(FundingScheme, 'FundingScheme') {}

@InputType('FundingSchemeFilter', { description: 'Filters on funding schemes; all given filters apply together.' })
export class FundingSchemeFilter {
  @Field(() => [FundingSchemeKind], { nullable: true, description: 'Kinds (any of them).' })
  @IsOptional()
  kinds?: FundingSchemeKind[] | null;

  @Field(() => [ID], { nullable: true, description: 'Partners offering them (any of them).' })
  @IsOptional()
  @ArrayMaxSize(100, { message: 'Au plus 100 partenaires.' })
  @MaxLength(100, { each: true, message: "L'identifiant est limité à 100 caractères." })
  partnerIds?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'Only schemes whose amount range includes this amount, in euros (at most 1,000,000,000).' })
  @IsOptional()
  @Min(0, { message: 'Le montant ne peut pas être négatif.' })
  @Max(1_000_000_000, { message: 'Le montant ne peut pas dépasser 1 000 000 000 €.' })
  amount?: number | null;
}

@Resolver(() => Partner)
export class PartnerResolver {
  @Query(() => PartnerConnection, { description: 'Partners of the platform, by name.' })
  async partners(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => PartnerFilter, { nullable: true, description: 'Filters to apply.' }) filter: PartnerFilter | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PartnerConnection> {
    return toConnection(PartnerConnection, await PartnerService.list(ctx, filter, args, info));
  }

  @MaxItems(PARTNER_LISTS.fundingSchemes)
  @FieldResolver(() => [FundingScheme], { description: 'Funding schemes the partner can mobilise, by name (active ones only unless `includeInactive`).' })
  @Needs('schemes')
  fundingSchemes(
    @Root() partner: Partner,
    @Arg('includeInactive', () => Boolean, { defaultValue: false, description: 'Include schemes no longer offered.' }) includeInactive: boolean,
    @Ctx() ctx: Context,
  ): FundingScheme[] | Promise<FundingScheme[]> {
    const shown = (schemes: FundingScheme[]) => (includeInactive ? schemes : schemes.filter((s) => s.active));
    const schemes = related<FundingScheme>(ctx, partner, 'schemes');
    return Array.isArray(schemes) ? shown(schemes) : schemes.then(shown); // gathered with the page: no promise per partner
  }

  @Authorized(PartnerPermissions.create)
  @Mutation(() => Partner, { description: 'Adds a partner to the platform (administrators).' })
  createPartner(@Arg('input', () => CreatePartnerInput, { description: 'The partner.' }) input: CreatePartnerInput, @Ctx() ctx: Context): Promise<Partner> {
    return PartnerService.create(ctx, input);
  }

  @Authorized(PartnerPermissions.update)
  @Mutation(() => Partner, { description: 'Changes a partner (its managers, or administrators); omitted fields stay as they are.' })
  updatePartner(
    @Arg('id', () => ID, { description: 'Id of the partner.' }) id: string,
    @Arg('input', () => UpdatePartnerInput, { description: 'The changes.' }) input: UpdatePartnerInput,
    @Ctx() ctx: Context,
  ): Promise<Partner> {
    return PartnerService.update(ctx, id, input);
  }

  @Authorized(PartnerPermissions.update)
  @Mutation(() => InterventionCriteria, { description: 'Adds intervention criteria to a partner.' })
  addInterventionCriteria(
    @Arg('partnerId', () => ID, { description: 'Id of the partner.' }) partnerId: string,
    @Arg('input', () => InterventionCriteriaInput, { description: 'The criteria.' }) input: InterventionCriteriaInput,
    @Ctx() ctx: Context,
  ): Promise<InterventionCriteria> {
    return PartnerService.addCriteria(ctx, partnerId, input);
  }

  @Authorized(PartnerPermissions.update)
  @Mutation(() => ID, { description: 'Removes intervention criteria; returns their id.' })
  removeInterventionCriteria(@Arg('id', () => ID, { description: 'Id of the criteria.' }) id: string, @Ctx() ctx: Context): Promise<string> {
    return PartnerService.removeCriteria(ctx, id);
  }

  @Authorized(PartnerPermissions.update)
  @Mutation(() => FundingScheme, { description: 'Adds a funding scheme to a partner.' })
  addFundingScheme(
    @Arg('partnerId', () => ID, { description: 'Id of the partner.' }) partnerId: string,
    @Arg('input', () => FundingSchemeInput, { description: 'The scheme.' }) input: FundingSchemeInput,
    @Ctx() ctx: Context,
  ): Promise<FundingScheme> {
    return PartnerService.addFundingScheme(ctx, partnerId, input);
  }

  @Authorized(PartnerPermissions.update)
  @Mutation(() => FundingScheme, { description: 'Replaces the description of a funding scheme.' })
  updateFundingScheme(
    @Arg('id', () => ID, { description: 'Id of the scheme.' }) id: string,
    @Arg('input', () => FundingSchemeInput, { description: 'The scheme.' }) input: FundingSchemeInput,
    @Ctx() ctx: Context,
  ): Promise<FundingScheme> {
    return PartnerService.updateFundingScheme(ctx, id, input);
  }

  @Subscription(() => Partner, {
    subscribe: ({ args, context }) => {
      const { id: raw } = args as { id?: string | null };
      const id = raw ? decodeId(raw, 'Partner', 'id') : null;
      return subscribeTo(context as Context, PartnerChanged, (payload) => !id || payload.partnerId === id);
    },
    description: 'Pushes a partner each time it, its criteria or its schemes change (all partners, or the one with `id`).',
  })
  async partnerChanged(@Arg('id', () => ID, { nullable: true, description: 'Only this partner.' }) _id: string | null, @Root() payload: { partnerId: string }, @Ctx() ctx: Context): Promise<Partner> {
    return (await load(ctx, Partner, payload.partnerId))!;
  }
}

@Resolver(() => InterventionCriteria)
export class InterventionCriteriaResolver {
  @MaxItems(PARTNER_LISTS.sectorsPerCriteria)
  @FieldResolver(() => [Sector], { description: 'Sectors covered; empty: every sector.' })
  @Needs('sectorCodes')
  sectors(@Root() criteria: InterventionCriteria, @Ctx() ctx: Context): Sector[] | Promise<Sector[]> {
    return related<Sector>(ctx, criteria, 'sectorCodes');
  }

  @MaxItems(PARTNER_LISTS.communesPerCriteria)
  @FieldResolver(() => [Commune], { description: 'Communes covered when not the whole territory.' })
  @Needs('communeIds')
  communes(@Root() criteria: InterventionCriteria, @Ctx() ctx: Context): Commune[] | Promise<Commune[]> {
    return related<Commune>(ctx, criteria, 'communeIds');
  }
}

@Resolver(() => FundingScheme)
export class FundingSchemeResolver {
  @Query(() => FundingSchemeConnection, { description: 'Active funding schemes of active partners, by name.' })
  async fundingSchemes(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => FundingSchemeFilter, { nullable: true, description: 'Filters to apply.' }) filter: FundingSchemeFilter | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<FundingSchemeConnection> {
    return toConnection(FundingSchemeConnection, await PartnerService.fundingSchemes(ctx, filter, args, info));
  }
}

/** Adds `Organization.eligiblePartners` without touching the organizations module. */
@Resolver(() => Organization)
export class OrganizationPartnersResolver {
  @FieldResolver(() => [Partner], { description: 'Active partners whose intervention criteria cover this organization (sector, stage, legal form, commune), by name.' })
  @Needs('sector', 'stage', 'legalForm', 'commune')
  eligiblePartners(@Root() organization: Organization, @Ctx() ctx: Context): Promise<Partner[]> {
    return PartnerService.eligibleFor(ctx, organization);
  }
}
