import { Arg, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { IsEmail, IsOptional, Length, MaxLength, registerDecorator } from 'class-validator';
import { GraphQLDateTime } from 'graphql-scalars';
import { Partner } from '../partners/index.js';
import { ApiToken } from './api-token.entity.js';
import { Membership } from './membership.entity.js';
import { Person } from './person.entity.js';
import { MembershipRoleEnum, PlatformRoleEnum } from './account.enums.js';
import { AccountService } from './account.service.js';
import { AccountPermissions } from './account.permissions.js';
import { Needs, type Context, Authorized } from '../../server/kit/index.js';

@ObjectType('Viewer', { description: 'Who is calling, and what they may do.' })
export class ViewerInfo {
  @Field(() => Boolean, { description: 'True when a valid token was sent.' })
  isAuthenticated!: boolean;

  @Field(() => Person, { nullable: true, description: 'The person behind the token; null for anonymous callers.' })
  person!: Person | null;

  @Field(() => [String], { description: 'Permissions held, e.g. "organizations.contacts.read".' })
  permissions!: string[];
}

@ObjectType('CreatedApiToken', { description: 'A new API token: copy `token` now, it is never shown again.' })
export class CreatedApiToken {
  @Field(() => String, { description: 'The secret token, to send as "Authorization: Bearer <token>".' })
  token!: string;

  @Field(() => ApiToken, { description: 'The stored token (without its secret).' })
  apiToken!: ApiToken;
}

/** How far ahead a token may expire: a forgotten token stops working within a year. */
const MAX_TOKEN_LIFETIME_DAYS = 366;

/** class-validator rule: a date after now and at most MAX_TOKEN_LIFETIME_DAYS ahead (9999-12-31 was accepted). */
function IsFutureWithinLifetime() {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isFutureWithinLifetime',
      target: object.constructor,
      propertyName,
      options: { message: "La date d'expiration doit être dans le futur, à un an au plus." },
      validator: {
        validate: (value: unknown) => value == null || (value instanceof Date && value.getTime() > Date.now() && value.getTime() <= Date.now() + MAX_TOKEN_LIFETIME_DAYS * 86_400_000),
      },
    });
}

@InputType('CreateApiTokenInput', { description: 'A new API token for yourself.' })
export class CreateApiTokenInput {
  @Field(() => String, { description: 'What it is for, e.g. "Portail Inséraction 62".' })
  @Length(1, 200, { message: 'Le nom du jeton doit compter de 1 à 200 caractères.' })
  name!: string;

  @Field(() => GraphQLDateTime, {
    nullable: true,
    description:
      'When it stops working: in the future, at most 366 days ahead, and no later than the token that creates it; omitted, it expires with that token (never, when that token never expires).',
  })
  @IsOptional()
  @IsFutureWithinLifetime()
  expiresAt?: Date | null;
}

@InputType('CreatePersonInput', { description: 'A new person.' })
export class CreatePersonInput {
  @Field(() => String, { description: 'Display name.' })
  @Length(2, 200, { message: 'Le nom doit compter de 2 à 200 caractères.' })
  name!: string;

  @Field(() => String, { description: 'E-mail address (unique).' })
  @IsEmail({}, { message: "L'adresse e-mail n'est pas valide (254 caractères au plus)." })
  @MaxLength(254, { message: "L'adresse e-mail n'est pas valide (254 caractères au plus)." })
  email!: string;

  @Field(() => PlatformRoleEnum, { nullable: true, description: 'Platform-wide role.' })
  @IsOptional()
  platformRole?: PlatformRoleEnum | null;
}

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => ViewerInfo, { description: 'Who you are for the API, and what you may do.' })
  async viewer(@Ctx() ctx: Context): Promise<ViewerInfo> {
    return {
      isAuthenticated: ctx.viewer.isAuthenticated,
      person: await AccountService.viewerPerson(ctx),
      permissions: ctx.gateway.permissions.of(ctx.viewer),
    };
  }

  @Authorized()
  @Needs('email')
  @FieldResolver(() => String, { description: 'E-mail address (signed-in callers only).' })
  email(@Root() person: Person): string {
    return person.email;
  }

  @Authorized()
  @Needs('id')
  @FieldResolver(() => [ApiToken], { description: "The person's API tokens, newest first (the person themself, or administrators)." })
  apiTokens(@Root() person: Person, @Ctx() ctx: Context): Promise<ApiToken[]> {
    return AccountService.tokensOf(ctx, person);
  }

  @Authorized()
  @Mutation(() => CreatedApiToken, {
    description: 'Creates an API token for yourself, expiring no later than the token you call with (revoking that token revokes this one); the token is shown only in this answer.',
  })
  createApiToken(@Arg('input', () => CreateApiTokenInput, { description: 'The token.' }) input: CreateApiTokenInput, @Ctx() ctx: Context): Promise<CreatedApiToken> {
    return AccountService.createToken(ctx, input.name, input.expiresAt ?? null);
  }

  @Authorized(AccountPermissions.tokens.issue)
  @Mutation(() => CreatedApiToken, {
    description:
      'Creates an API token for another person (administrators), to hand over to them by a safe channel: it expires no later than the token you call with, and revoking that token revokes this one; the token is shown only in this answer.',
  })
  issueApiToken(
    @Arg('personId', () => ID, { description: 'Id of the person the token is for (active).' }) personId: string,
    @Arg('input', () => CreateApiTokenInput, { description: 'The token.' }) input: CreateApiTokenInput,
    @Ctx() ctx: Context,
  ): Promise<CreatedApiToken> {
    return AccountService.createToken(ctx, input.name, input.expiresAt ?? null, personId);
  }

  @Authorized()
  @Mutation(() => ApiToken, { description: "Revokes one of your API tokens (administrators: anyone's) and every token it created, transitively; they stop working at once." })
  revokeApiToken(@Arg('id', () => ID, { description: 'Id of the token.' }) id: string, @Ctx() ctx: Context): Promise<ApiToken> {
    return AccountService.revokeToken(ctx, id);
  }

  @Authorized(AccountPermissions.people.create)
  @Mutation(() => Person, { description: 'Creates a person (administrators).' })
  createPerson(@Arg('input', () => CreatePersonInput, { description: 'The person.' }) input: CreatePersonInput, @Ctx() ctx: Context): Promise<Person> {
    return AccountService.createPerson(ctx, input);
  }

  @Authorized(AccountPermissions.memberships.manage)
  @Mutation(() => Membership, { description: "Adds a person to a partner or changes their role (the partner's managers, or administrators)." })
  setMembership(
    @Arg('personId', () => ID, { description: 'Id of the person.' }) personId: string,
    @Arg('partnerId', () => ID, { description: 'Id of the partner.' }) partnerId: string,
    @Arg('role', () => MembershipRoleEnum, { description: 'Role in the partner.' }) role: MembershipRoleEnum,
    @Ctx() ctx: Context,
  ): Promise<Membership> {
    return AccountService.setMembership(ctx, personId, partnerId, role);
  }

  @Authorized(AccountPermissions.memberships.manage)
  @Mutation(() => ID, { description: 'Removes a person from a partner; returns the membership id.' })
  removeMembership(@Arg('id', () => ID, { description: 'Id of the membership.' }) id: string, @Ctx() ctx: Context): Promise<string> {
    return AccountService.removeMembership(ctx, id);
  }
}

/** Adds `Partner.members` without touching the partners module. */
@Resolver(() => Partner)
export class PartnerMembersResolver {
  @Authorized()
  @Needs('id')
  @FieldResolver(() => [Membership], { description: "The partner's people and their roles (signed-in callers only)." })
  members(@Root() partner: Partner, @Ctx() ctx: Context): Promise<Membership[]> {
    return AccountService.membersOf(ctx, partner);
  }
}
