import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, ObjectType, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../server/context.js';
import { subscribeTo } from '../../server/events.js';
import { refKey } from '../../server/read.js';
import type { GraphQLResolveInfo } from 'graphql';
import { ConnectionArgs, connectionType, decodeId, selectedFields, toConnection } from '../../server/relay.js';
import { Commune } from '../territory/index.js';
import { Sector } from '../sectors/index.js';
import { Organization } from './organization.entity.js';
import { OrganizationContact } from './organization-contact.entity.js';
import { OrganizationConsent } from './organization-consent.entity.js';
import { ConsentInput } from './organization-consent.inputs.js';
import { CONTACTS_READ } from './contact-visibility.js';
import { OrganizationOrder } from './organization.enums.js';
import { OrganizationChanged } from './organization.events.js';
import { MAX_CONTACTS, CreateOrganizationInput, OrganizationContactInput, OrganizationFilter, UpdateOrganizationInput } from './organization.inputs.js';
import { CONSENT_RECORD, OrganizationService } from './organization.service.js';
import { MaxItems } from '../../server/limits.js';

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
    return toConnection(OrganizationConnection, await OrganizationService.list(ctx, filter, orderBy, args, selectedFields(info)));
  }

  @FieldResolver(() => Sector, { description: 'Sector (filière).' })
  sector(@Root() organization: Organization, @Ctx() ctx: Context): Sector | Promise<Sector> {
    return ctx.loaders.sectorByCode.get(refKey(organization.sector)) as Sector | Promise<Sector>;
  }

  @FieldResolver(() => Commune, { description: 'Commune where the organization is established.' })
  commune(@Root() organization: Organization, @Ctx() ctx: Context): Commune | Promise<Commune> {
    return ctx.loaders.communeById.get(refKey(organization.commune)) as Commune | Promise<Commune>;
  }

  @Authorized(CONTACTS_READ)
  @MaxItems(MAX_CONTACTS)
  @FieldResolver(() => [OrganizationContact], {
    description: 'Contact people, holder first. Partners\' people only; empty unless the holder consented to share (platform administrators see all).',
  })
  contacts(@Root() organization: Organization, @Ctx() ctx: Context): OrganizationContact[] | Promise<OrganizationContact[]> {
    return OrganizationService.visibleContacts(ctx, organization);
  }

  @Authorized(CONTACTS_READ)
  @FieldResolver(() => [OrganizationConsent], {
    description: "The holder's consent decisions, newest first: who recorded each, when and how. For those who may see the contacts (the same rule); empty otherwise.",
  })
  consentHistory(@Root() organization: Organization, @Ctx() ctx: Context): Promise<OrganizationConsent[]> {
    return OrganizationService.consentHistory(ctx, organization);
  }

  @Authorized('organizations.create')
  @Mutation(() => Organization, {
    description: "Registers an organization or a project holder. With `input.consent`, records the holder's consent as `recordOrganizationConsent` does (same right).",
  })
  createOrganization(@Arg('input', () => CreateOrganizationInput, { description: 'The organization.' }) input: CreateOrganizationInput, @Ctx() ctx: Context): Promise<Organization> {
    return OrganizationService.create(ctx, input);
  }

  @Authorized('organizations.update')
  @Mutation(() => Organization, {
    description: "Changes an organization; omitted fields stay as they are. Consent is not changed here (see `recordOrganizationConsent`).",
  })
  updateOrganization(
    @Arg('id', () => ID, { description: 'Id of the organization.' }) id: string,
    @Arg('input', () => UpdateOrganizationInput, { description: 'The changes.' }) input: UpdateOrganizationInput,
    @Ctx() ctx: Context,
  ): Promise<Organization> {
    return OrganizationService.update(ctx, id, input);
  }

  @Authorized('organizations.update')
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

  @Authorized('organizations.update')
  @Mutation(() => ID, { description: 'Removes a contact person; returns its id. Only for those who may see the contacts (FORBIDDEN otherwise).' })
  removeOrganizationContact(@Arg('id', () => ID, { description: 'Id of the contact.' }) id: string, @Ctx() ctx: Context): Promise<string> {
    return OrganizationService.removeContact(ctx, id);
  }

  @Authorized(CONSENT_RECORD)
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

  @Subscription(() => Organization, {
    subscribe: ({ args, context }) => {
      const id = args.id ? decodeId(args.id as string, 'Organization', 'id') : null;
      return subscribeTo(context as Context, OrganizationChanged, (payload) => !id || payload.organizationId === id);
    },
    description: 'Pushes an organization each time it is created or changed (all of them, or the one with `id`).',
  })
  async organizationChanged(
    @Arg('id', () => ID, { nullable: true, description: 'Only this organization.' }) _id: string | null,
    @Root() payload: { organizationId: string },
    @Ctx() ctx: Context,
  ): Promise<Organization> {
    return (await ctx.loaders.organizationById.load(payload.organizationId))!;
  }
}

@Resolver(() => OrganizationConsent)
export class OrganizationConsentResolver {
  @FieldResolver(() => Organization, { description: 'The organization whose holder decided.' })
  async organization(@Root() record: OrganizationConsent, @Ctx() ctx: Context): Promise<Organization> {
    return (await ctx.loaders.organizationById.load(refKey(record.organization)))!;
  }
}
