import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Authorized, ConnectionArgs, connectionType, load, MaxItems, Needs, toConnection, type Context } from '../../server/kit/index.js';
import { GovernancePermissions } from './governance.permissions.js';
import { Charter, CharterAmendment, CharterSignatory, CharterSignature, CharterVersion, CHARTER_LIMITS } from './charter.entity.js';
import { CharterAmendmentFilter, CharterDecisionInput, CreateCharterInput, ProposeCharterAmendmentInput, SignCharterInput } from './charter.inputs.js';
import { CharterService } from './charter.service.js';

/** Where the printable charter is served (routes of the manifest, under /files/governance). */
export const CHARTER_HTML_PATH = '/files/governance/charter.html';
export const CHARTER_PDF_PATH = '/files/governance/charter.pdf';

@ObjectType('CharterAmendmentConnection', { description: 'A page of charter amendments.' })
export class CharterAmendmentConnection extends connectionType(CharterAmendment, 'CharterAmendment') {}

@Resolver(() => Charter)
export class CharterResolver {
  @Authorized(GovernancePermissions.read)
  @Query(() => Charter, { nullable: true, description: 'The partnership charter of the platform (null until an administrator writes it).' })
  charter(@Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Charter | null> {
    return CharterService.current(ctx, info);
  }

  @Authorized(GovernancePermissions.read)
  @Query(() => CharterAmendmentConnection, { description: 'Amendments of the charter, the latest proposed first.' })
  async charterAmendments(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => CharterAmendmentFilter, { nullable: true, description: 'Which amendments.' }) filter: CharterAmendmentFilter | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CharterAmendmentConnection> {
    return toConnection(CharterAmendmentConnection, await CharterService.amendments(ctx, filter, args, info));
  }

  @FieldResolver(() => CharterVersion, { description: 'The version in force: the last adopted.' })
  @Needs('currentNumber')
  async currentVersion(@Root() charter: Charter, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<CharterVersion> {
    return (await CharterService.currentVersion(ctx, charter, info))!;
  }

  @MaxItems(CHARTER_LIMITS.signatures)
  @FieldResolver(() => [CharterSignatory], { description: 'Every active partner, by name, and whether it signed the current version (its signature and commitments), or only an earlier one.' })
  @Needs('currentNumber')
  signatories(
    @Root() charter: Charter,
    @Arg('signed', () => Boolean, { nullable: true, description: 'true: those that signed the current version; false: those that have not; absent: all.' }) signed: boolean | null,
    @Ctx() ctx: Context,
  ): Promise<CharterSignatory[]> {
    return CharterService.signatories(ctx, charter, signed ?? null);
  }

  @FieldResolver(() => String, { description: 'Where to download the current version with its signatures, as a printable HTML page (same bearer token).' })
  htmlPath(): string {
    return CHARTER_HTML_PATH;
  }

  @FieldResolver(() => String, { description: 'Where to download the current version with its signatures, as a PDF (same bearer token).' })
  pdfPath(): string {
    return CHARTER_PDF_PATH;
  }

  @Authorized(GovernancePermissions.manage)
  @Mutation(() => Charter, { description: 'Writes the platform’s charter: version 1 and the body’s decision that adopted it (administrators; once).' })
  createCharter(@Arg('input', () => CreateCharterInput, { description: 'The charter.' }) input: CreateCharterInput, @Ctx() ctx: Context): Promise<Charter> {
    return CharterService.create(ctx, input);
  }

  @Authorized(GovernancePermissions.manage)
  @Mutation(() => CharterAmendment, { description: 'Proposes an amendment of the current version for a partner (its managers).' })
  proposeCharterAmendment(@Arg('input', () => ProposeCharterAmendmentInput, { description: 'The amendment.' }) input: ProposeCharterAmendmentInput, @Ctx() ctx: Context): Promise<CharterAmendment> {
    return CharterService.propose(ctx, input);
  }

  @Authorized(GovernancePermissions.manage)
  @Mutation(() => CharterAmendment, { description: 'Withdraws a proposed amendment (its author, a manager of its partner, administrators).' })
  withdrawCharterAmendment(@Arg('id', () => ID, { description: 'Id of the amendment.' }) id: string, @Ctx() ctx: Context): Promise<CharterAmendment> {
    return CharterService.withdraw(ctx, id);
  }

  @Authorized(GovernancePermissions.manage)
  @Mutation(() => CharterAmendment, {
    description: 'Records a body’s decision adopting a proposed amendment: a new version of the charter, current from now on (the body’s chair or secretary, administrators).',
  })
  adoptCharterAmendment(
    @Arg('id', () => ID, { description: 'Id of the amendment.' }) id: string,
    @Arg('decision', () => CharterDecisionInput, { description: 'The body’s decision.' }) decision: CharterDecisionInput,
    @Ctx() ctx: Context,
  ): Promise<CharterAmendment> {
    return CharterService.decide(ctx, id, decision, true);
  }

  @Authorized(GovernancePermissions.manage)
  @Mutation(() => CharterAmendment, { description: 'Records a body’s decision rejecting a proposed amendment (the body’s chair or secretary, administrators).' })
  rejectCharterAmendment(
    @Arg('id', () => ID, { description: 'Id of the amendment.' }) id: string,
    @Arg('decision', () => CharterDecisionInput, { description: 'The body’s decision.' }) decision: CharterDecisionInput,
    @Ctx() ctx: Context,
  ): Promise<CharterAmendment> {
    return CharterService.decide(ctx, id, decision, false);
  }

  @Authorized(GovernancePermissions.manage)
  @Mutation(() => CharterSignature, { description: 'Signs the current version for a partner (its managers), with the commitments the partner holds now.' })
  signCharter(@Arg('input', () => SignCharterInput, { description: 'The signature.' }) input: SignCharterInput, @Ctx() ctx: Context): Promise<CharterSignature> {
    return CharterService.sign(ctx, input);
  }
}

@Resolver(() => CharterVersion)
export class CharterVersionResolver {
  @FieldResolver(() => Boolean, { description: 'True for the version in force.' })
  @Needs('number', 'charter')
  async isCurrent(@Root() version: CharterVersion, @Ctx() ctx: Context): Promise<boolean> {
    const charter = await load(ctx, Charter, version.charter.id);
    return charter?.currentNumber === version.number;
  }
}
