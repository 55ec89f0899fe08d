import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { load, Needs, related, type Context } from '../../server/kit/index.js';
import { Organization, type Accreditation } from '../organizations/index.js';
import { firstMatches, matchAll, matchBase, organizationSituation, PartnerMatch, type PartnerMatchResult, type Situation } from '../partners/index.js';
import { SupportRequest } from './support-request.entity.js';

/*
 * Matching a request: its situation (the request's sector, stage, commune, amount and needs; the
 * organization's legal form, size, age, publics and accreditations when the holder is in the directory)
 * checked by the partners module's engine against every active partner's criteria and schemes, with a
 * French reason per failing criterion. What matching reads comes once per operation; the organizations
 * and their accreditations of a page come in one statement each (loaders): a constant number of
 * statements whatever the page's size.
 */

/** The properties of a request its situation reads (the page reads them). */
export const SITUATION_NEEDS = ['organization', 'sector', 'stage', 'targetLegalForm', 'commune', 'amountSought', 'needTypes'] as const;

/** A request's situation, for the matching engine. */
export async function requestSituation(ctx: Context, request: SupportRequest, day: string): Promise<Situation> {
  const own: Situation = {
    sectorCodes: [request.sector.code],
    stage: request.stage,
    targetLegalForm: request.targetLegalForm,
    communeId: request.commune.id,
    amount: request.amountSought,
    needTypes: request.needTypes,
  };
  const organization = request.organization ? await load(ctx, Organization, request.organization.id) : null;
  if (!organization) {
    // A project holder not yet created: a structure of less than a year, without employees nor accreditation.
    return { ...own, legalForm: null, ageYears: 0, employees: 0, accreditations: [] };
  }
  const accreditations = await related<Accreditation>(ctx, organization, 'accreditations');
  const theirs = organizationSituation(organization, accreditations, null, day);
  // The request's sector (the project's) comes first; the organization's others also count.
  return { ...theirs, ...own, sectorCodes: [...new Set([request.sector.code, ...(theirs.sectorCodes ?? [])])] };
}

/** The partners matched against a request, by name, with the reasons. */
export async function requestMatches(ctx: Context, request: SupportRequest, includeIneligible: boolean): Promise<PartnerMatchResult[]> {
  const base = await matchBase(ctx);
  return matchAll(base, await requestSituation(ctx, request, base.day), includeIneligible);
}

@Resolver(() => SupportRequest)
export class SupportMatchResolver {
  @FieldResolver(() => [PartnerMatch], {
    description:
      'The active partners whose intervention criteria and funding schemes fit this request, by name, criterion by criterion (sector, stage, legal form, amount, commune and territory, eligibility), with a French reason for each failing one; `includeIneligible` also gives those that do not fit and why.',
  })
  @Needs(...SITUATION_NEEDS)
  matches(
    @Root() request: SupportRequest,
    @Arg('includeIneligible', () => Boolean, { defaultValue: false, description: 'Also the partners, criteria and schemes that do not fit, with their reasons.' }) includeIneligible: boolean,
    @Arg('first', () => Int, { defaultValue: 20, description: 'At most this many partners, by name (at most 100).' }) first: number,
    @Ctx() ctx: Context,
  ): Promise<PartnerMatch[]> {
    return requestMatches(ctx, request, includeIneligible).then((results) => firstMatches(results, first));
  }
}
