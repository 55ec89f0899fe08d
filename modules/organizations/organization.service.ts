import { LockMode } from '@mikro-orm/core';
import type { Context, Transaction } from '../../server/context.js';
import { badInput, conflict, notFound } from '../../server/errors.js';
import { isUuid } from '../../server/loaders.js';
import { decodeId, decodeIds, paginateSql, type ConnectionArgs, type ConnectionSelection, type Page } from '../../server/relay.js';
import { pgArray, refKey, type PagePrefetch, type SqlCondition } from '../../server/read.js';
import { containsPattern, searchKey } from '../../server/text.js';
import { Commune } from '../territory/index.js';
import { SectorService } from '../sectors/index.js';
import { Organization } from './organization.entity.js';
import { OrganizationContact } from './organization-contact.entity.js';
import { OrganizationConsent } from './organization-consent.entity.js';
import type { ConsentInput } from './organization-consent.inputs.js';
import { ContactVisibility } from './contact-visibility.js';
import { assertMayEditContacts, consentEntry } from './organization.policy.js';
import { OrganizationOrder } from './organization.enums.js';
import { OrganizationChanged } from './organization.events.js';
import { MAX_CONTACTS, type CreateOrganizationInput, type OrganizationContactInput, type OrganizationFilter, type UpdateOrganizationInput } from './organization.inputs.js';
import { normalizeSiret } from './siret.js';

const ORDERS: Record<OrganizationOrder, readonly (readonly [string, 'asc' | 'desc'])[]> = {
  [OrganizationOrder.NAME]: [['name', 'asc'], ['id', 'asc']],
  [OrganizationOrder.NAME_DESC]: [['name', 'desc'], ['id', 'desc']],
  [OrganizationOrder.EMPLOYEES_DESC]: [['employees', 'desc'], ['id', 'asc']],
  [OrganizationOrder.UPDATED_AT_DESC]: [['updatedAt', 'desc'], ['id', 'asc']],
};

/**
 * The search text of an organization: its name and description. `description` is lazy, so an entity
 * loaded without it would silently lose its words: refuse that instead.
 */
function searchTextOf(o: Pick<Organization, 'name' | 'description'>): string {
  if (typeof o.name !== 'string' || typeof o.description !== 'string') throw new Error('searchTextOf: name and description must be loaded');
  return searchKey(`${o.name} ${o.description}`);
}

/** Nulls in an update mean "clear" only for clearable fields; required fields refuse them. */
function requireValue<T>(value: T | null | undefined, field: string, label: string): T | undefined {
  if (value === null) throw badInput(field, `${label} ne peut pas être vide.`);
  return value;
}

/**
 * What the organization fields of this module that are not properties read, so a page reads only the
 * columns asked for. Fields other modules add (`eligiblePartners`…) make the page read every column.
 */
const FIELD_NEEDS: Record<string, readonly string[]> = {
  isEmployer: ['employees'],
  contacts: ['id', 'consentToShare'],
  consentHistory: ['id', 'consentToShare'],
};

export const OrganizationService = {
  /**
   * The directory, filtered and paged. `selection`: what the client asked for, so long texts are read,
   * the total counted and relations loaded (in the page's own round trip) only when wanted.
   */
  async list(ctx: Context, filter: OrganizationFilter | null | undefined, order: OrganizationOrder, args: ConnectionArgs, selection?: ConnectionSelection): Promise<Page<Organization>> {
    // The directory is the platform's hottest list: its conditions are written by hand (see paginateSql).
    const where: SqlCondition[] = [];
    if (filter?.sectors?.length) {
      const codes = await SectorService.resolveCodes(ctx.em, filter.sectors, 'filter.sectors');
      where.push({ sql: 'e.sector_code = any(?::varchar[])', params: [pgArray(codes)] });
    }
    if (filter?.communeIds?.length) {
      where.push({ sql: 'e.commune_id = any(?::uuid[])', params: [pgArray(decodeIds(filter.communeIds, 'Commune', 'filter.communeIds'))] });
    }
    if (filter?.intercommunalityId) {
      const id = decodeId(filter.intercommunalityId, 'Intercommunality', 'filter.intercommunalityId');
      where.push({ sql: 'e.commune_id in (select c.id from commune c where c.intercommunality_id = ?::uuid)', params: [id] });
    }
    if (filter?.legalForms?.length) where.push({ sql: 'e.legal_form::text = any(?::text[])', params: [pgArray(filter.legalForms)] });
    if (filter?.stages?.length) where.push({ sql: 'e.stage::text = any(?::text[])', params: [pgArray(filter.stages)] });
    if (filter?.employer != null) where.push({ sql: filter.employer ? 'e.employees > 0' : 'e.employees = 0', params: [] });
    if (filter?.esus != null) where.push({ sql: 'e.esus = ?', params: [filter.esus] });
    for (const word of (filter?.search ?? '').split(/\s+/).filter(Boolean).slice(0, 8)) {
      where.push({ sql: 'e.search_text like ?', params: [containsPattern(word)] });
    }
    return paginateSql(ctx.em, Organization, where, ORDERS[order], args, {
      selection,
      prefetch: selection && pagePrefetch(ctx, selection.node),
      fieldNeeds: FIELD_NEEDS,
    });
  },

  findById(ctx: Context, id: string): Promise<Organization | null> {
    return ctx.loaders.organizationById.load(id);
  },

  /** Contacts the viewer may see: partners' people, and only with the holder's consent (admins always). */
  visibleContacts(ctx: Context, organization: Organization): OrganizationContact[] | Promise<OrganizationContact[]> {
    if (!ContactVisibility.allows(ctx, organization)) return [];
    return ctx.loaders.contactsByOrganizationId.get(organization.id);
  },

  /** The consent history, newest first, for those who may see the contacts (the same rule). */
  async consentHistory(ctx: Context, organization: Organization): Promise<OrganizationConsent[]> {
    if (!ContactVisibility.allows(ctx, organization)) return [];
    return ctx.loaders.consentsByOrganizationId.load(organization.id);
  },

  async create(ctx: Context, input: CreateOrganizationInput): Promise<Organization> {
    // Registering an organization with its holder's consent records that consent: same right and
    // same who/when/how as `recordConsent`.
    const consent = input.consent ? consentEntry(ctx, input.consent, 'input.consent') : null;
    return ctx.transaction(async (tx) => {
      const [sector] = await SectorService.resolveCodes(tx.em, [input.sector], 'input.sector');
      const commune = await findCommune(tx, input.communeId, 'input.communeId');
      const siret = input.siret ? normalizeSiret(input.siret) : null;
      checkFoundedYear(input.foundedYear);
      await checkSiretFree(tx, siret, null);
      const organization = tx.em.create(Organization, {
        name: input.name.trim(),
        legalForm: input.legalForm,
        siret,
        sector: sector!,
        commune,
        employees: input.employees ?? 0,
        foundedYear: input.foundedYear ?? null,
        stage: input.stage,
        esus: input.esus ?? false,
        description: input.description?.trim() ?? '',
        email: input.email ?? null,
        phone: input.phone ?? null,
        website: input.website ?? null,
        consentToShare: consent?.given ?? false,
        consentRecordedAt: consent ? new Date() : null,
      });
      organization.searchText = searchTextOf(organization);
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
      const name = requireValue(input.name, 'input.name', 'Le nom');
      if (name !== undefined) organization.name = name.trim();
      const legalForm = requireValue(input.legalForm, 'input.legalForm', 'La forme juridique');
      if (legalForm !== undefined) organization.legalForm = legalForm;
      const sector = requireValue(input.sector, 'input.sector', 'La filière');
      if (sector !== undefined) {
        const [code] = await SectorService.resolveCodes(tx.em, [sector], 'input.sector');
        organization.sector = tx.em.getReference('Sector', code!) as never;
      }
      const communeId = requireValue(input.communeId, 'input.communeId', 'La commune');
      if (communeId !== undefined) organization.commune = (await findCommune(tx, communeId, 'input.communeId')) as never;
      if (input.siret !== undefined) {
        const siret = input.siret ? normalizeSiret(input.siret) : null;
        await checkSiretFree(tx, siret, organization.id);
        organization.siret = siret;
      }
      const employees = requireValue(input.employees, 'input.employees', 'Le nombre de salariés');
      if (employees !== undefined) organization.employees = employees;
      if (input.foundedYear !== undefined) {
        checkFoundedYear(input.foundedYear);
        organization.foundedYear = input.foundedYear;
      }
      const stage = requireValue(input.stage, 'input.stage', 'La phase');
      if (stage !== undefined) organization.stage = stage;
      if (input.esus != null) organization.esus = input.esus;
      if (input.description !== undefined) organization.description = input.description?.trim() ?? '';
      if (input.email !== undefined) organization.email = input.email;
      if (input.phone !== undefined) organization.phone = input.phone;
      if (input.website !== undefined) organization.website = input.website;
      organization.searchText = searchTextOf(organization);
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
      if (!contact) throw notFound('Contact', contactGlobalId);
      assertMayEditContacts(ctx, contact.organization.getEntity());
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

  /** For `node(id)` on a contact: the same rule as `Organization.contacts`. */
  async findContact(ctx: Context, id: string): Promise<OrganizationContact | null> {
    if (!ContactVisibility.mayReadAny(ctx) || !isUuid(id)) return null;
    const contact = await ctx.loaders.contactById.load(id);
    if (!contact) return null;
    const organization = await ctx.loaders.organizationById.load(refKey(contact.organization));
    return organization && ContactVisibility.allows(ctx, organization) ? contact : null;
  },

  /** For `node(id)` on a consent record: the same rule as `Organization.consentHistory`. */
  async findConsent(ctx: Context, id: string): Promise<OrganizationConsent | null> {
    if (!ContactVisibility.mayReadAny(ctx) || !isUuid(id)) return null;
    const record = await ctx.em.findOne(OrganizationConsent, { id });
    if (!record) return null;
    const organization = await ctx.loaders.organizationById.load(refKey(record.organization));
    return organization && ContactVisibility.allows(ctx, organization) ? record : null;
  },
};

/**
 * Relations a directory page fills in its own round trip when the client asks for them on each node.
 * Contacts are read only for the organizations whose contacts the viewer may see (`ContactVisibility`,
 * in SQL and again per row), and the `contacts` field still checks the rule itself.
 */
function pagePrefetch(ctx: Context, fields: ReadonlySet<string>): PagePrefetch<Organization>[] {
  const prefetch: PagePrefetch<Organization>[] = [];
  if (fields.has('sector')) prefetch.push({ loader: ctx.loaders.sectorByCode, column: 'sector_code', uses: ['sector'], keyOf: (o) => refKey(o.sector) });
  if (fields.has('commune')) prefetch.push({ loader: ctx.loaders.communeById, column: 'commune_id', uses: ['commune'], keyOf: (o) => refKey(o.commune) });
  if (fields.has('contacts') && ContactVisibility.mayReadAny(ctx)) {
    prefetch.push({
      loader: ctx.loaders.contactsByOrganizationId,
      column: 'id',
      uses: ['id', 'consentToShare'],
      where: ContactVisibility.sqlCondition(ctx, 'p') ?? undefined,
      keyOf: (o) => (ContactVisibility.allows(ctx, o) ? o.id : null),
    });
  }
  return prefetch;
}

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

