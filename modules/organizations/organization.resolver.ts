import { Arg, Args, Ctx, ID, Info, Mutation, ObjectType, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Organization } from './organization.entity.js';
import { OrganizationContact } from './organization-contact.entity.js';
import { OrganizationConsent } from './organization-consent.entity.js';
import { ConsentInput } from './organization-consent.inputs.js';
import { OrganizationOrder } from './organization.enums.js';
import { OrganizationChanged } from './organization.events.js';
import { CreateOrganizationInput, OrganizationContactInput, OrganizationFilter, UpdateOrganizationInput } from './organization.inputs.js';
import { OrganizationService } from './organization.service.js';
import { OrganizationPermissions } from './organization.permissions.js';
import { load, type Context, Authorized, subscribeTo, ConnectionArgs, connectionType, decodeId, toConnection } from '../../server/kit/index.js';

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
