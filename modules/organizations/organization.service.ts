import { LockMode, type FilterQuery } from '@mikro-orm/core';
import type { GraphQLResolveInfo } from 'graphql';
import { Commune } from '../territory/index.js';
import { SectorService } from '../sectors/index.js';
import { Organization } from './organization.entity.js';
import { OrganizationContact } from './organization-contact.entity.js';
import { OrganizationConsent } from './organization-consent.entity.js';
import type { ConsentInput } from './organization-consent.inputs.js';
import { assertMayEditContacts, consentEntry } from './organization.policy.js';
import { mayEditContacts } from './contact-visibility.js';
import { OrganizationOrder } from './organization.enums.js';
import { OrganizationChanged } from './organization.events.js';
import { MAX_CONTACTS, type CreateOrganizationInput, type OrganizationContactInput, type OrganizationFilter, type UpdateOrganizationInput } from './organization.inputs.js';
import { normalizeSiret } from './siret.js';
import { applyChanges, list, orderBy, type Order, type Context, type Transaction, badInput, conflict, notFound, decodeId, decodeIds, type ConnectionArgs, type Page } from '../../server/kit/index.js';

const ORDERS: Record<OrganizationOrder, Order<Organization>> = {
  [OrganizationOrder.NAME]: orderBy('name', 'id'),
  [OrganizationOrder.NAME_DESC]: orderBy('-name', '-id'),
  [OrganizationOrder.EMPLOYEES_DESC]: orderBy('-employees', 'id'),
  [OrganizationOrder.UPDATED_AT_DESC]: orderBy('-updatedAt', 'id'),
};

/** Fields an update may not clear (null), with their French labels (the inputs refuse null too). */
const REQUIRED = {
  name: 'Le nom',
  legalForm: 'La forme juridique',
  sector: 'La filière',
  communeId: 'La commune',
  employees: 'Le nombre de salariés',
  stage: 'La phase',
  esus: "L'agrément ESUS",
} as const;

export const OrganizationService = {
  /** The directory, filtered and paged (the kit reads only what the client asked for, in one statement). */
  async list(ctx: Context, filter: OrganizationFilter | null | undefined, order: OrganizationOrder, args: ConnectionArgs, info: GraphQLResolveInfo): Promise<Page<Organization>> {
    const sectors = filter?.sectors?.length ? await SectorService.resolveCodes(ctx.em, filter.sectors, 'filter.sectors') : undefined;
    const where: FilterQuery<Organization> = {
      $and: [
        sectors ? { sector: { $in: sectors } } : {},
        filter?.communeIds?.length ? { commune: { $in: decodeIds(filter.communeIds, 'Commune', 'filter.communeIds') } } : {},
        filter?.intercommunalityId ? { commune: { intercommunality: decodeId(filter.intercommunalityId, 'Intercommunality', 'filter.intercommunalityId') } } : {},
        filter?.legalForms?.length ? { legalForm: { $in: filter.legalForms } } : {},
        filter?.stages?.length ? { stage: { $in: filter.stages } } : {},
        filter?.employer != null ? { employees: filter.employer ? { $gt: 0 } : 0 } : {},
        filter?.esus != null ? { esus: filter.esus } : {},
      ],
    };
    return list(ctx, Organization, { where, orderBy: ORDERS[order], search: filter?.search, args, info });
  },

  async create(ctx: Context, input: CreateOrganizationInput): Promise<Organization> {
    // Registering an organization with its holder's consent records that consent: same right and
    // same who/when/how as `recordConsent`.
    const consent = input.consent ? consentEntry(ctx, input.consent, 'input.consent') : null;
    return ctx.transaction(async (tx) => {
      const [sector] = await SectorService.resolveCodes(tx.em, [input.sector], 'input.sector', { single: true });
      const commune = await findCommune(tx, input.communeId, 'input.communeId');
      const siret = input.siret ? normalizeSiret(input.siret) : null;
      checkFoundedYear(input.foundedYear);
      await checkSiretFree(tx, siret, null);
      const organization = tx.em.create(Organization, { name: input.name, legalForm: input.legalForm, stage: input.stage, siret, sector: sector!, commune });
      applyChanges(organization, input, { clearTo: { description: '' }, skip: ['sector', 'communeId', 'siret', 'consent', 'contacts'] });
      organization.consentToShare = consent?.given ?? false;
      organization.consentRecordedAt = consent ? new Date() : null;
      for (const contact of input.contacts ?? []) tx.em.create(OrganizationContact, contactValues(organization, contact));
      if (consent) tx.em.create(OrganizationConsent, { organization, ...consent, recordedAt: organization.consentRecordedAt! });
      await tx.em.flush();
      tx.publish(OrganizationChanged, { organizationId: organization.id, change: 'CREATED' });
      return organization;
    });
  },

  async update(ctx: Context, globalId: string, input: UpdateOrganizationInput): Promise<Organization> {
    const id = decodeId(globalId, 'Organization', 'id');
    return ctx.transaction(async (tx) => {
      // The lazy description is loaded too: the search text is recomputed from it.
      const organization = await tx.em.findOne(Organization, id, { populate: ['description'] });
      if (!organization) throw notFound('Organisation', globalId);
      if (input.sector != null) {
        const [code] = await SectorService.resolveCodes(tx.em, [input.sector], 'input.sector', { single: true });
        organization.sector = tx.em.getReference('Sector', code!) as never;
      }
      if (input.communeId != null) organization.commune = (await findCommune(tx, input.communeId, 'input.communeId')) as never;
      if (input.siret !== undefined) {
        organization.siret = input.siret ? normalizeSiret(input.siret) : null;
        await checkSiretFree(tx, organization.siret, organization.id);
      }
      if (input.foundedYear !== undefined) checkFoundedYear(input.foundedYear);
      applyChanges(organization, input, { required: REQUIRED, clearTo: { description: '' }, skip: ['sector', 'communeId', 'siret'] });
      organization.updatedAt = new Date();
      await tx.em.flush();
      tx.publish(OrganizationChanged, { organizationId: organization.id, change: 'UPDATED' });
      return organization;
    });
  },

  async addContact(ctx: Context, organizationGlobalId: string, input: OrganizationContactInput): Promise<OrganizationContact> {
    const id = decodeId(organizationGlobalId, 'Organization', 'organizationId');
    return ctx.transaction(async (tx) => {
      const organization = await tx.em.findOne(Organization, id);
      if (!organization) throw notFound('Organisation', organizationGlobalId);
      assertMayEditContacts(ctx, organization);
      await tx.em.lock(organization, LockMode.PESSIMISTIC_WRITE); // two additions at once would both see room
      const count = await tx.em.count(OrganizationContact, { organization: organization.id });
      if (count >= MAX_CONTACTS) throw conflict(`Cette organisation a déjà ${count} contacts : ${MAX_CONTACTS} au plus.`);
      const contact = tx.em.create(OrganizationContact, contactValues(organization, input));
      organization.updatedAt = new Date();
      await tx.em.flush();
      tx.publish(OrganizationChanged, { organizationId: organization.id, change: 'UPDATED' });
      return contact;
    });
  },

  async removeContact(ctx: Context, contactGlobalId: string): Promise<string> {
    const id = decodeId(contactGlobalId, 'OrganizationContact', 'id');
    return ctx.transaction(async (tx) => {
      const contact = await tx.em.findOne(OrganizationContact, id, { populate: ['organization'] });
      // A contact the caller may not see does not exist for them, as for node(id): no hint that it does.
      if (!contact || !mayEditContacts(ctx, contact.organization.getEntity())) throw notFound('Contact', contactGlobalId);
      const organizationId = contact.organization.id;
      tx.em.remove(contact);
      await tx.em.flush();
      tx.publish(OrganizationChanged, { organizationId, change: 'UPDATED' });
      return contactGlobalId;
    });
  },

  /**
   * Records the holder's decision (consent given, refused or withdrawn) with who, when and how, and
   * makes it the organization's current consent. Needs `organizations.consent.record` (the resolver).
   */
  async recordConsent(ctx: Context, organizationGlobalId: string, input: ConsentInput): Promise<OrganizationConsent> {
    const id = decodeId(organizationGlobalId, 'Organization', 'organizationId');
    const entry = consentEntry(ctx, input, 'input');
    return ctx.transaction(async (tx) => {
      const organization = await tx.em.findOne(Organization, id);
      if (!organization) throw notFound('Organisation', organizationGlobalId);
      const recordedAt = new Date();
      const record = tx.em.create(OrganizationConsent, { organization, ...entry, recordedAt });
      organization.consentToShare = entry.given;
      organization.consentRecordedAt = recordedAt;
      organization.updatedAt = recordedAt;
      await tx.em.flush();
      tx.publish(OrganizationChanged, { organizationId: organization.id, change: 'UPDATED' });
      return record;
    });
  },
};

async function findCommune(tx: Transaction, globalId: string, field: string): Promise<Commune> {
  const commune = await tx.em.findOne(Commune, decodeId(globalId, 'Commune', field));
  if (!commune) throw badInput(field, "Cette commune n'appartient pas au périmètre de la plate-forme.");
  return commune;
}

function checkFoundedYear(year: number | null | undefined): void {
  if (year != null && year > new Date().getFullYear()) {
    throw badInput('input.foundedYear', "L'année de création ne peut pas être dans le futur.");
  }
}

async function checkSiretFree(tx: Transaction, siret: string | null, exceptId: string | null): Promise<void> {
  if (!siret) return;
  const existing = await tx.em.findOne(Organization, { siret }, { fields: ['id', 'name'] });
  if (existing && existing.id !== exceptId) {
    throw conflict(`Le SIRET ${siret} est déjà enregistré pour « ${existing.name} ».`, 'input.siret');
  }
}

function contactValues(organization: Organization, input: OrganizationContactInput) {
  return {
    organization,
    firstName: input.firstName.trim(),
    lastName: input.lastName.trim(),
    role: input.role?.trim() ?? '',
    email: input.email ?? null,
    phone: input.phone ?? null,
    isHolder: input.isHolder ?? false,
  };
}
