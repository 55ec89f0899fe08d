import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, ObjectType, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Organization } from './organization.entity.js';
import { OrganizationContact } from './organization-contact.entity.js';
import { OrganizationConsent } from './organization-consent.entity.js';
import { Accreditation } from './accreditation.entity.js';
import { OrganizationFigures } from './organization-figures.entity.js';
import { holdsEsus, inInsertion, isValidOn } from './accreditation.rules.js';
import { MAX_SECTORS } from './organization.entity.js';
import { Sector } from '../sectors/index.js';
import { referenceDate } from '../platform/index.js';
import { ConsentInput } from './organization-consent.inputs.js';
import { OrganizationOrder } from './organization.enums.js';
import { OrganizationChanged } from './organization.events.js';
import { AccreditationInput, OrganizationFiguresInput, CreateOrganizationInput, OrganizationContactInput, OrganizationFilter, UpdateOrganizationInput } from './organization.inputs.js';
import { OrganizationService } from './organization.service.js';
import { OrganizationPermissions } from './organization.permissions.js';
import { load, related, Needs, MaxItems, type Context, Authorized, subscribeTo, ConnectionArgs, connectionType, decodeId, toConnection } from '../../server/kit/index.js';

@ObjectType('OrganizationConnection', { description: 'A page of the organizations directory.' })
export class OrganizationConnection extends connectionType(Organization, 'Organization') {}

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => OrganizationConnection, { description: 'The directory of SSE organizations and project holders, filtered and paged.' })
  async organizations(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => OrganizationFilter, { nullable: true, description: 'Filters to apply.' }) filter: OrganizationFilter | null,
    @Arg('orderBy', () => OrganizationOrder, { defaultValue: OrganizationOrder.NAME, description: 'Sort order.' }) orderBy: OrganizationOrder,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<OrganizationConnection> {
    return toConnection(OrganizationConnection, await OrganizationService.list(ctx, filter, orderBy, args, info));
  }

  @Authorized(OrganizationPermissions.create)
  @Mutation(() => Organization, {
    description: "Registers an organization or a project holder. With `input.consent`, records the holder's consent as `recordOrganizationConsent` does (same right).",
  })
  createOrganization(@Arg('input', () => CreateOrganizationInput, { description: 'The organization.' }) input: CreateOrganizationInput, @Ctx() ctx: Context): Promise<Organization> {
    return OrganizationService.create(ctx, input);
  }

  @Authorized(OrganizationPermissions.update)
  @Mutation(() => Organization, {
    description: 'Changes an organization; omitted fields stay as they are. Consent is not changed here (see `recordOrganizationConsent`).',
  })
  updateOrganization(
    @Arg('id', () => ID, { description: 'Id of the organization.' }) id: string,
    @Arg('input', () => UpdateOrganizationInput, { description: 'The changes.' }) input: UpdateOrganizationInput,
    @Ctx() ctx: Context,
  ): Promise<Organization> {
    return OrganizationService.update(ctx, id, input);
  }

  @Authorized(OrganizationPermissions.update)
  @Mutation(() => OrganizationContact, {
    description: 'Adds a contact person to an organization; only for those who may see its contacts (FORBIDDEN otherwise).',
  })
  addOrganizationContact(
    @Arg('organizationId', () => ID, { description: 'Id of the organization.' }) organizationId: string,
    @Arg('input', () => OrganizationContactInput, { description: 'The contact person.' }) input: OrganizationContactInput,
    @Ctx() ctx: Context,
  ): Promise<OrganizationContact> {
    return OrganizationService.addContact(ctx, organizationId, input);
  }

  @Authorized(OrganizationPermissions.update)
  @Mutation(() => ID, { description: 'Removes a contact person; returns its id. Only for those who may see the contacts (FORBIDDEN otherwise).' })
  removeOrganizationContact(@Arg('id', () => ID, { description: 'Id of the contact.' }) id: string, @Ctx() ctx: Context): Promise<string> {
    return OrganizationService.removeContact(ctx, id);
  }

  @Authorized(OrganizationPermissions.consent.record)
  @Mutation(() => OrganizationConsent, {
    description:
      "Records the holder's decision to share its contact people and file with partners (given, refused or withdrawn), with who, when and how; it becomes the organization's `consentToShare` and enters its `consentHistory`. Consent is the holder's: partners' managers and administrators record it (`organizations.consent.record`), from a written trace when given.",
  })
  recordOrganizationConsent(
    @Arg('organizationId', () => ID, { description: 'Id of the organization.' }) organizationId: string,
    @Arg('input', () => ConsentInput, { description: "The holder's decision." }) input: ConsentInput,
    @Ctx() ctx: Context,
  ): Promise<OrganizationConsent> {
    return OrganizationService.recordConsent(ctx, organizationId, input);
  }

  @FieldResolver(() => Boolean, {
    description: "Holds ESUS (entreprise solidaire d'utilité sociale) at the reference date: a valid ESUS accreditation, or by right a valid insertion conventionnement of an SSE enterprise (not of a commune or a CCAS).",
  })
  @Needs('accreditations', 'legalForm')
  async esus(@Root() organization: Organization, @Ctx() ctx: Context): Promise<boolean> {
    const [accreditations, day] = await Promise.all([related<Accreditation>(ctx, organization, 'accreditations'), referenceDate(ctx)]);
    return holdsEsus(accreditations, day, organization.legalForm);
  }

  @FieldResolver(() => Boolean, {
    description: 'Works in insertion at the reference date (a valid ACI, AI, EI or ETTI conventionnement): insertion is a mode across sectors, not a sector.',
  })
  @Needs('accreditations')
  async insertion(@Root() organization: Organization, @Ctx() ctx: Context): Promise<boolean> {
    const [accreditations, day] = await Promise.all([related<Accreditation>(ctx, organization, 'accreditations'), referenceDate(ctx)]);
    return inInsertion(accreditations, day);
  }

  @MaxItems(MAX_SECTORS)
  @FieldResolver(() => [Sector], { description: 'Every sector of the organization, the main one (`sector`) first.' })
  @Needs('sectorCodes')
  sectors(@Root() organization: Organization, @Ctx() ctx: Context): Sector[] | Promise<Sector[]> {
    return related<Sector>(ctx, organization, 'sectorCodes');
  }

  @FieldResolver(() => OrganizationFigures, { nullable: true, description: "The latest year's figures; null when none, or for those who may not see figures." })
  @Needs('figures')
  async latestFigures(@Root() organization: Organization, @Ctx() ctx: Context): Promise<OrganizationFigures | null> {
    return (await related<OrganizationFigures>(ctx, organization, 'figures'))[0] ?? null;
  }

  @Authorized(OrganizationPermissions.update)
  @Mutation(() => Accreditation, { description: 'Records an agrément or conventionnement of an organization; its legal form must be one that may hold it (an AI is an association…).' })
  addAccreditation(
    @Arg('organizationId', () => ID, { description: 'Id of the organization.' }) organizationId: string,
    @Arg('input', () => AccreditationInput, { description: 'The accreditation.' }) input: AccreditationInput,
    @Ctx() ctx: Context,
  ): Promise<Accreditation> {
    return OrganizationService.addAccreditation(ctx, organizationId, input);
  }

  @Authorized(OrganizationPermissions.update)
  @Mutation(() => ID, { description: 'Removes an accreditation recorded by mistake (an ended one stays, with its end date); returns its id.' })
  removeAccreditation(@Arg('id', () => ID, { description: 'Id of the accreditation.' }) id: string, @Ctx() ctx: Context): Promise<string> {
    return OrganizationService.removeAccreditation(ctx, id);
  }

  @Authorized(OrganizationPermissions.figures.write)
  @Mutation(() => OrganizationFigures, { description: "Records an organization's people and money for one year, replacing that year's figures." })
  setOrganizationFigures(
    @Arg('organizationId', () => ID, { description: 'Id of the organization.' }) organizationId: string,
    @Arg('input', () => OrganizationFiguresInput, { description: 'The figures.' }) input: OrganizationFiguresInput,
    @Ctx() ctx: Context,
  ): Promise<OrganizationFigures> {
    return OrganizationService.setFigures(ctx, organizationId, input);
  }

  @Subscription(() => Organization, {
    subscribe: ({ args, context }) => {
      const { id: raw } = args as { id?: string | null };
      const id = raw ? decodeId(raw, 'Organization', 'id') : null;
      return subscribeTo(context as Context, OrganizationChanged, (payload) => !id || payload.organizationId === id);
    },
    description: 'Pushes an organization each time it is created or changed (all of them, or the one with `id`).',
  })
  async organizationChanged(
    @Arg('id', () => ID, { nullable: true, description: 'Only this organization.' }) _id: string | null,
    @Root() payload: { organizationId: string },
    @Ctx() ctx: Context,
  ): Promise<Organization> {
    return (await load(ctx, Organization, payload.organizationId))!;
  }
}

@Resolver(() => Accreditation)
export class AccreditationResolver {
  @FieldResolver(() => Boolean, { description: 'True when it applies at the platform’s reference date.' })
  @Needs('since', 'until')
  async valid(@Root() accreditation: Accreditation, @Ctx() ctx: Context): Promise<boolean> {
    return isValidOn(accreditation, await referenceDate(ctx));
  }
}
