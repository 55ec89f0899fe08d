import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { OrganizationConsent } from '../organizations/index.js';
import { Partner } from '../partners/index.js';
import { Person } from './person.entity.js';
import { load, Needs, type Context } from '../../server/kit/index.js';

/**
 * Adds who recorded a consent decision to `OrganizationConsent` without touching the organizations
 * module (it comes before people and partners). The record itself is only reachable by those who may
 * see the organization's contacts.
 */
@Resolver(() => OrganizationConsent)
export class ConsentRecorderResolver {
  @FieldResolver(() => Person, { nullable: true, description: 'The person who recorded it; null for imported or demo data.' })
  @Needs('recordedById')
  recordedBy(@Root() record: OrganizationConsent, @Ctx() ctx: Context): Promise<Person | null> | null {
    return record.recordedById ? load(ctx, Person, record.recordedById) : null;
  }

  @FieldResolver(() => Partner, { nullable: true, description: 'The partner on whose behalf it was recorded; null for an administrator acting for the platform.' })
  @Needs('recordedByPartnerId')
  recordedByPartner(@Root() record: OrganizationConsent, @Ctx() ctx: Context): Promise<Partner | null> | null {
    return record.recordedByPartnerId ? load(ctx, Partner, record.recordedByPartnerId) : null;
  }
}
