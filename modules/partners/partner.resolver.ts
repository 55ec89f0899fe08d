import { Arg, Args, Info, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root, Subscription } from 'type-graphql';
import { ArrayMaxSize, IsOptional, Max, MaxLength, Min } from 'class-validator';
import type { GraphQLResolveInfo } from 'graphql';
import { Commune, Intercommunality } from '../territory/index.js';
import { Sector } from '../sectors/index.js';
import { Organization } from '../organizations/index.js';
import { FundingScheme } from './funding-scheme.entity.js';
import { InterventionCriteria } from './intervention-criteria.entity.js';
import { Partner } from './partner.entity.js';
import { StateAidRule } from './state-aid-rule.entity.js';
import { CRITERION_AXES, CriterionAxis, FundingSchemeKind } from './partner.enums.js';
import { PartnerChanged } from './partner.events.js';
import { PartnerPermissions } from './partner.permissions.js';
import { CreatePartnerInput, FundingSchemeInput, InterventionCriteriaInput, PARTNER_LISTS, PartnerFilter, PartnerSupportQuery, ProjectInput, UpdatePartnerInput } from './partner.inputs.js';
import { PartnerService } from './partner.service.js';
import { activePartners, ruleOn, stateAidRules, type PartnerMatchResult } from './partner-match.js';
import { referenceDate as referenceDay } from '../platform/index.js';
import { badInput, isWithin, Needs, load, related, type Context, Authorized, subscribeTo, ConnectionArgs, connectionType, decodeId, toConnection, MaxItems } from '../../server/kit/index.js';

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

  @Field(() => Boolean, { nullable: true, description: 'Include schemes not valid at the reference date (false by default).' })
  @IsOptional()
  includeInvalid?: boolean | null;
}

@ObjectType('CriterionCheck', { description: 'One axis of criteria or of a scheme checked against a situation.' })
export class CriterionCheck {
  @Field(() => CriterionAxis, { description: 'The axis checked.' })
  axis!: CriterionAxis;

  @Field(() => Boolean, { description: 'True when the situation meets the rule on this axis.' })
  passed!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Why it failed (French), e.g. "0 salarié : le dispositif DLA s\'adresse aux employeurs."; for a passed check, null, or a note when the situation did not say (not held against it).',
  })
  reason!: string | null;
}

@ObjectType('CriteriaMatch', { description: "A set of a partner's intervention criteria checked against a situation." })
export class CriteriaMatch {
  @Field(() => InterventionCriteria, { description: 'The criteria.' })
  criteria!: InterventionCriteria;

  @Field(() => Boolean, { description: 'True when every check passed.' })
  eligible!: boolean;

  @MaxItems(CRITERION_AXES)
  @Field(() => [CriterionCheck], { description: 'One check per axis the criteria restrict.' })
  checks!: CriterionCheck[];
}

@ObjectType('SchemeMatch', { description: 'A funding scheme checked against a situation.' })
export class SchemeMatch {
  @Field(() => FundingScheme, { description: 'The scheme.' })
  scheme!: FundingScheme;

  @Field(() => Boolean, { description: "True when every check passed (the partner's criteria included)." })
  eligible!: boolean;

  @MaxItems(CRITERION_AXES)
  @Field(() => [CriterionCheck], { description: "One check per axis the scheme restricts, after a failed check of the partner's criteria when none covers the situation." })
  checks!: CriterionCheck[];
}

@ObjectType('PartnerMatch', { description: 'A partner checked against a situation: its criteria and its schemes valid at the reference date, with the reasons.' })
export class PartnerMatch {
  @Field(() => Partner, { description: 'The partner.' })
  partner!: Partner;

  @Field(() => Boolean, { description: 'True when some set of its criteria covers the situation.' })
  eligible!: boolean;

  @MaxItems(PARTNER_LISTS.criteria)
  @Field(() => [CriteriaMatch], { description: 'Its criteria checked (only those met, unless ineligible ones are asked for).' })
  criteria!: CriteriaMatch[];

  @MaxItems(PARTNER_LISTS.fundingSchemes)
  @Field(() => [SchemeMatch], { description: 'Its schemes valid at the reference date, checked (only those open to the situation, unless ineligible ones are asked for).' })
  schemes!: SchemeMatch[];
}

/** The most partners a list of matches gives (its `first`), as a page would. */
const MAX_MATCHES = 100;

/** The first `first` matches (refused past MAX_MATCHES, as pages are). */
export function firstMatches(results: PartnerMatchResult[], first: number): PartnerMatch[] {
  if (!Number.isInteger(first) || first < 0 || first > MAX_MATCHES) throw badInput('first', `Le nombre de partenaires demandés doit être compris entre 0 et ${MAX_MATCHES}.`);
  return results.slice(0, first) as PartnerMatch[];
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

  @Query(() => [PartnerMatch], {
    description:
      'Active partners matched against a situation (a project holder not yet in the directory), by name: for each, its criteria and schemes checked, with a French reason per failing criterion.',
  })
  partnerMatches(
    @Arg('situation', () => PartnerSupportQuery, { description: 'The situation; what is left out is not held against it.' }) situation: PartnerSupportQuery,
    @Arg('includeIneligible', () => Boolean, { defaultValue: false, description: 'Also the partners, criteria and schemes that do not fit, with their reasons.' }) includeIneligible: boolean,
    @Arg('first', () => Int, { defaultValue: 20, description: 'At most this many partners, by name (at most 100).' }) first: number,
    @Ctx() ctx: Context,
  ): Promise<PartnerMatch[]> {
    return PartnerService.matches(ctx, situation, includeIneligible).then((results) => firstMatches(results, first));
  }

  @MaxItems(PARTNER_LISTS.fundingSchemes)
  @FieldResolver(() => [FundingScheme], { description: 'Funding schemes the partner can mobilise, by name: active ones valid at the reference date unless `includeInactive`.' })
  @Needs('schemes.active', 'schemes.validFrom', 'schemes.validUntil')
  async fundingSchemes(
    @Root() partner: Partner,
    @Arg('includeInactive', () => Boolean, { defaultValue: false, description: 'Include schemes no longer offered: inactive, or not valid at the reference date.' }) includeInactive: boolean,
    @Ctx() ctx: Context,
  ): Promise<FundingScheme[]> {
    const schemes = await related<FundingScheme>(ctx, partner, 'schemes'); // gathered with the page
    if (includeInactive) return schemes;
    const day = await referenceDay(ctx);
    return schemes.filter((s) => s.active && isWithin(day, s.validFrom, s.validUntil));
  }

  @MaxItems(PARTNER_LISTS.represents)
  @FieldResolver(() => [Partner], { description: 'The partners this one speaks for (the Cigales for the NEF, Autonomie et Solidarité and La Caisse Solidaire).' })
  @Needs('representsIds')
  represents(@Root() partner: Partner, @Ctx() ctx: Context): Partner[] | Promise<Partner[]> {
    return related<Partner>(ctx, partner, 'representsIds');
  }

  @MaxItems(PARTNER_LISTS.represents)
  @FieldResolver(() => [Partner], { description: 'The active partners that speak for this one, by name (the first 10).' })
  async representedBy(@Root() partner: Partner, @Ctx() ctx: Context): Promise<Partner[]> {
    return (await activePartners(ctx)).filter((p) => p.representsIds.includes(partner.id)).slice(0, PARTNER_LISTS.represents); // the declared bound, held
  }

  @FieldResolver(() => String, {
    description: "The name valid at the platform's reference date: `currentName` from `nameChangedYear` on, `name` before (`currentName` at any date when the year of the change is not known).",
  })
  @Needs('name', 'currentName', 'nameChangedYear')
  async nameAtReferenceDate(@Root() partner: Partner, @Ctx() ctx: Context): Promise<string> {
    if (!partner.currentName) return partner.name;
    if (partner.nameChangedYear == null) return partner.currentName;
    return Number((await referenceDay(ctx)).slice(0, 4)) >= partner.nameChangedYear ? partner.currentName : partner.name;
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

  @MaxItems(PARTNER_LISTS.intercommunalitiesPerCriteria)
  @FieldResolver(() => [Intercommunality], { description: 'Intercommunalities covered (every commune of them).' })
  @Needs('intercommunalityIds')
  intercommunalities(@Root() criteria: InterventionCriteria, @Ctx() ctx: Context): Intercommunality[] | Promise<Intercommunality[]> {
    return related<Intercommunality>(ctx, criteria, 'intercommunalityIds');
  }
}

@Resolver(() => StateAidRule)
export class StateAidRuleResolver {
  @Query(() => [StateAidRule], { description: 'The State-aid rules (de minimis ceilings), by frame and date.' })
  @MaxItems(100)
  stateAidRules(@Ctx() ctx: Context): Promise<StateAidRule[]> {
    return stateAidRules(ctx);
  }

  @FieldResolver(() => Boolean, { description: "True when the rule applies at the platform's reference date." })
  @Needs('validFrom', 'validUntil')
  async valid(@Root() rule: StateAidRule, @Ctx() ctx: Context): Promise<boolean> {
    return isWithin(await referenceDay(ctx), rule.validFrom, rule.validUntil);
  }
}

@Resolver(() => FundingScheme)
export class FundingSchemeResolver {
  @FieldResolver(() => Boolean, { description: "True when the scheme is offered at the platform's reference date (its validity dates)." })
  @Needs('validFrom', 'validUntil')
  async valid(@Root() scheme: FundingScheme, @Ctx() ctx: Context): Promise<boolean> {
    return isWithin(await referenceDay(ctx), scheme.validFrom, scheme.validUntil);
  }

  @FieldResolver(() => StateAidRule, {
    nullable: true,
    description: "The State-aid rule of the scheme's frame in force at the platform's reference date (its ceiling); null when the scheme has no frame.",
  })
  @Needs('stateAidFrame')
  async stateAidRule(@Root() scheme: FundingScheme, @Ctx() ctx: Context): Promise<StateAidRule | null> {
    if (!scheme.stateAidFrame) return null;
    const [rules, day] = await Promise.all([stateAidRules(ctx), referenceDay(ctx)]);
    return ruleOn(rules, scheme.stateAidFrame, day);
  }

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
  @FieldResolver(() => [PartnerMatch], {
    description:
      'Active partners matched against this organization (sector, legal form, commune, employees, age, accreditations) and its project (target legal form, stage, amount, needs, publics, co-financing), by name, with a French reason per failing criterion.',
  })
  @Needs('sector', 'sectorCodes', 'stage', 'legalForm', 'commune', 'employees', 'creationDate', 'foundedYear', 'publics', 'accreditations')
  eligiblePartners(
    @Root() organization: Organization,
    @Arg('project', () => ProjectInput, { nullable: true, description: 'The project to match; null: the organization as it is.' }) project: ProjectInput | null,
    @Arg('includeIneligible', () => Boolean, { defaultValue: false, description: 'Also the partners, criteria and schemes that do not fit, with their reasons.' }) includeIneligible: boolean,
    @Arg('first', () => Int, { defaultValue: 20, description: 'At most this many partners, by name (at most 100).' }) first: number,
    @Ctx() ctx: Context,
  ): Promise<PartnerMatch[]> {
    return PartnerService.matchesFor(ctx, organization, project, includeIneligible).then((results) => firstMatches(results, first));
  }
}
