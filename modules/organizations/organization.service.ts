import { FlushMode, LockMode, type FilterQuery } from '@mikro-orm/core';
import type { GraphQLResolveInfo } from 'graphql';
import { Commune } from '../territory/index.js';
import { SectorService } from '../sectors/index.js';
import { Organization } from './organization.entity.js';
import { OrganizationContact } from './organization-contact.entity.js';
import { OrganizationConsent } from './organization-consent.entity.js';
import type { ConsentInput } from './organization-consent.inputs.js';
import { assertMayEditContacts, consentEntry } from './organization.policy.js';
import { mayEditContacts } from './contact-visibility.js';
import { Accreditation } from './accreditation.entity.js';
import { OrganizationFigures } from './organization-figures.entity.js';
import { SSE_FORMS, holderProblem, valueProblems } from './accreditation.rules.js';
import { AccreditationKind, ESS_FAMILY_OF, LegalForm, OrganizationOrder, SIAE_KINDS, type EssFamily } from './organization.enums.js';
import { referenceDate } from '../platform/index.js';
import { OrganizationChanged } from './organization.events.js';
import {
  MAX_CONTACTS,
  type AccreditationInput,
  type OrganizationFiguresInput,
  type CreateOrganizationInput,
  type OrganizationContactInput,
  type OrganizationFilter,
  type UpdateOrganizationInput,
} from './organization.inputs.js';
import { normalizeSiret } from './siret.js';
import {
  applyChanges,
  todayInFrance,
  list,
  orderBy,
  type Order,
  type Context,
  type Transaction,
  badInput,
  conflict,
  notFound,
  decodeId,
  decodeIds,
  type ConnectionArgs,
  type Page,
} from '../../server/kit/index.js';

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
} as const;

/** Input fields the service writes itself (relations, checked identifiers, sectors). */
const WRITTEN_APART = ['sector', 'otherSectors', 'communeId', 'siret', 'rna', 'nafCode', 'creationDate', 'foundedYear'] as const;

/** Accreditations valid on `day` of one of `kinds`: a filter on organizations. */
function holding(kinds: readonly AccreditationKind[], day: string): FilterQuery<Organization> {
  return { accreditations: { kind: { $in: [...kinds] }, since: { $lte: day }, $or: [{ until: null }, { until: { $gte: day } }] } } as FilterQuery<Organization>;
}

/** ESUS on `day`: a valid ESUS, or a valid SIAE conventionnement held by an SSE enterprise (accreditation.rules.ts). */
function esusOn(day: string): FilterQuery<Organization> {
  return { $or: [holding([AccreditationKind.ESUS], day), { $and: [{ legalForm: { $in: SSE_FORMS } }, holding(SIAE_KINDS, day)] }] } as FilterQuery<Organization>;
}

/** Legal forms of the given SSE families. */
function formsOf(families: readonly EssFamily[]): LegalForm[] {
  return Object.values(LegalForm).filter((f) => families.includes(ESS_FAMILY_OF[f] as EssFamily));
}

export const OrganizationService = {
  /** The directory, filtered and paged (the kit reads only what the client asked for, in one statement). */
  async list(ctx: Context, filter: OrganizationFilter | null | undefined, order: OrganizationOrder, args: ConnectionArgs, info: GraphQLResolveInfo): Promise<Page<Organization>> {
    const sectors = filter?.sectors?.length ? await SectorService.resolveCodes(ctx.em, filter.sectors, 'filter.sectors') : undefined;
    const needsDay = filter?.esus != null || filter?.insertion != null || filter?.accreditations?.length;
    const day = needsDay ? await referenceDate(ctx) : '';
    const where: FilterQuery<Organization> = {
      $and: [
        sectors ? { sectorCodes: { $overlap: sectors } } : {},
        filter?.communeIds?.length ? { commune: { $in: decodeIds(filter.communeIds, 'Commune', 'filter.communeIds') } } : {},
        filter?.intercommunalityId ? { commune: { intercommunality: decodeId(filter.intercommunalityId, 'Intercommunality', 'filter.intercommunalityId') } } : {},
        filter?.legalForms?.length ? { legalForm: { $in: filter.legalForms } } : {},
        filter?.stages?.length ? { stage: { $in: filter.stages } } : {},
        filter?.employer != null ? { employees: filter.employer ? { $gt: 0 } : 0 } : {},
        filter?.esus != null ? (filter.esus ? esusOn(day) : { $not: esusOn(day) }) : {},
        filter?.insertion != null ? (filter.insertion ? holding(SIAE_KINDS, day) : { $not: holding(SIAE_KINDS, day) }) : {},
        filter?.accreditations?.length ? holding(filter.accreditations, day) : {},
        filter?.essFamilies?.length ? { legalForm: { $in: formsOf(filter.essFamilies) } } : {},
        filter?.inPriorityDistrict != null ? { priorityDistrict: filter.inPriorityDistrict ? { $ne: null } : null } : {},
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
      await checkSiretFree(tx, siret, null);
      const organization = tx.em.create(Organization, { name: input.name, legalForm: input.legalForm, stage: input.stage, siret, sector: sector!, commune });
      await writeIdentity(tx, organization, input, sector!);
      applyChanges(organization, input, { clearTo: { description: '' }, skip: [...WRITTEN_APART, 'consent', 'contacts'] });
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
      let mainSector = organization.sector.code;
      if (input.sector != null) {
        const [code] = await SectorService.resolveCodes(tx.em, [input.sector], 'input.sector', { single: true });
        organization.sector = tx.em.getReference('Sector', code!) as never;
        mainSector = code!;
      }
      if (input.communeId != null) organization.commune = (await findCommune(tx, input.communeId, 'input.communeId')) as never;
      if (input.siret !== undefined) {
        organization.siret = input.siret ? normalizeSiret(input.siret) : null;
        await checkSiretFree(tx, organization.siret, organization.id);
      }
      if (input.legalForm != null && input.legalForm !== organization.legalForm) await checkHeldAccreditations(tx, organization.id, input.legalForm);
      applyChanges(organization, input, { required: REQUIRED, clearTo: { description: '' }, skip: WRITTEN_APART });
      await writeIdentity(tx, organization, input, mainSector);
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

  /** Records an agrément or conventionnement; the holder's legal form must allow it. */
  async addAccreditation(ctx: Context, organizationGlobalId: string, input: AccreditationInput): Promise<Accreditation> {
    const id = decodeId(organizationGlobalId, 'Organization', 'organizationId');
    for (const problem of valueProblems(input)) throw badInput(`input.${problem.field}`, problem.message);
    return ctx.transaction(async (tx) => {
      const organization = await tx.em.findOne(Organization, id);
      if (!organization) throw notFound('Organisation', organizationGlobalId);
      const problem = holderProblem(input.kind, organization.legalForm);
      if (problem) throw badInput('input.kind', problem);
      const accreditation = tx.em.create(Accreditation, {
        organization,
        kind: input.kind,
        since: input.since,
        until: input.until ?? null,
        postsFte: input.postsFte ?? null,
        reference: input.reference?.trim() || null,
      });
      organization.updatedAt = new Date();
      await tx.em.flush();
      tx.publish(OrganizationChanged, { organizationId: organization.id, change: 'UPDATED' });
      return accreditation;
    });
  },

  async removeAccreditation(ctx: Context, globalId: string): Promise<string> {
    const id = decodeId(globalId, 'Accreditation', 'id');
    return ctx.transaction(async (tx) => {
      const accreditation = await tx.em.findOne(Accreditation, id);
      if (!accreditation) throw notFound('Agrément', globalId);
      const organizationId = accreditation.organization.id;
      tx.em.remove(accreditation);
      await tx.em.flush();
      tx.publish(OrganizationChanged, { organizationId, change: 'UPDATED' });
      return globalId;
    });
  },

  /** Writes the figures of one year (replacing that year's), checked against each other. */
  async setFigures(ctx: Context, organizationGlobalId: string, input: OrganizationFiguresInput): Promise<OrganizationFigures> {
    const id = decodeId(organizationGlobalId, 'Organization', 'organizationId');
    const nextYear = Number(todayInFrance().slice(0, 4)) + 1;
    if (input.year > nextYear) throw badInput('input.year', `L'année ne peut pas dépasser ${nextYear}.`);
    for (const field of ['fte', 'insertionEmployees', 'subsidisedContracts'] as const) {
      if ((input[field] ?? 0) > input.headcount) throw badInput(`input.${field}`, `Ce nombre dépasse l'effectif (${input.headcount}).`);
    }
    return ctx.transaction(async (tx) => {
      const organization = await tx.em.findOne(Organization, id);
      if (!organization) throw notFound('Organisation', organizationGlobalId);
      const figures =
        (await tx.em.findOne(OrganizationFigures, { organization: id, year: input.year })) ?? tx.em.create(OrganizationFigures, { organization, year: input.year, headcount: input.headcount });
      Object.assign(figures, {
        headcount: input.headcount,
        fte: input.fte ?? 0,
        insertionEmployees: input.insertionEmployees ?? 0,
        subsidisedContracts: input.subsidisedContracts ?? 0,
        volunteers: input.volunteers ?? 0,
        members: input.members ?? 0,
        income: input.income ?? null,
        payroll: input.payroll ?? null,
        publicFundingShare: input.publicFundingShare ?? null,
        mainFunders: (input.mainFunders ?? []).map((f) => f.trim()).filter(Boolean),
        equity: input.equity ?? null,
      });
      organization.updatedAt = new Date();
      await tx.em.flush();
      tx.publish(OrganizationChanged, { organizationId: organization.id, change: 'UPDATED' });
      return figures;
    });
  },
};

async function findCommune(tx: Transaction, globalId: string, field: string): Promise<Commune> {
  const commune = await tx.em.findOne(Commune, decodeId(globalId, 'Commune', field));
  if (!commune) throw badInput(field, "Cette commune n'appartient pas au périmètre de la plate-forme.");
  return commune;
}

/** Identity fields: creation day and year, NAF code, RNA (associations only, unique), sectors, each checked. */
async function writeIdentity(tx: Transaction, organization: Organization, input: CreateOrganizationInput | UpdateOrganizationInput, mainSector: string): Promise<void> {
  const today = todayInFrance();
  if (input.creationDate != null) {
    if (input.creationDate > today) throw badInput('input.creationDate', 'La date de création ne peut pas être dans le futur.');
    if (input.creationDate < '1800-01-01') throw badInput('input.creationDate', 'La date de création doit être postérieure à 1800.');
    const year = Number(input.creationDate.slice(0, 4));
    if (input.foundedYear != null && input.foundedYear !== year) throw badInput('input.foundedYear', `L'année de création (${input.foundedYear}) ne correspond pas à la date de création (${year}).`);
    organization.creationDate = input.creationDate;
    organization.foundedYear = year;
  } else if (input.creationDate === null) {
    organization.creationDate = null;
  }
  if (input.foundedYear !== undefined && input.creationDate == null) {
    if (input.foundedYear != null && input.foundedYear > Number(today.slice(0, 4))) throw badInput('input.foundedYear', "L'année de création ne peut pas être dans le futur.");
    if (organization.creationDate && input.foundedYear !== Number(organization.creationDate.slice(0, 4))) organization.creationDate = null; // the year wins: the day no longer fits
    organization.foundedYear = input.foundedYear;
  }
  if (input.nafCode !== undefined) organization.nafCode = input.nafCode ? normalizeNaf(input.nafCode) : null;
  if (input.rna !== undefined) organization.rna = input.rna ?? null;
  if (organization.rna && organization.legalForm !== LegalForm.ASSOCIATION) {
    throw badInput('input.rna', 'Le numéro RNA ne concerne que les associations : retirez-le ou corrigez la forme juridique.');
  }
  if (input.rna) {
    // COMMIT: not flushing the organization being written first (its own RNA would collide).
    const existing = await tx.em.findOne(Organization, { rna: input.rna, id: { $ne: organization.id } }, { fields: ['id', 'name'], flushMode: FlushMode.COMMIT });
    if (existing) throw conflict(`Le numéro RNA ${input.rna} est déjà enregistré pour « ${existing.name} ».`, 'input.rna');
  }
  if (input.otherSectors !== undefined || organization.sectorCodes[0] !== mainSector) {
    const others = input.otherSectors !== undefined ? await SectorService.resolveCodes(tx.em, input.otherSectors ?? [], 'input.otherSectors') : organization.sectorCodes.slice(1);
    organization.sectorCodes = [...new Set([mainSector, ...others])];
  }
}

/** "8899b" → "88.99B". */
function normalizeNaf(code: string): string {
  const compact = code.replace('.', '').toUpperCase();
  return `${compact.slice(0, 2)}.${compact.slice(2)}`;
}

/** A new legal form must still be allowed to hold every accreditation the organization has. */
async function checkHeldAccreditations(tx: Transaction, organizationId: string, form: LegalForm): Promise<void> {
  const held = await tx.em.find(Accreditation, { organization: organizationId }, { fields: ['kind'] });
  for (const a of held) {
    const problem = holderProblem(a.kind, form);
    if (problem) throw badInput('input.legalForm', `${problem} Retirez d'abord cet agrément.`);
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
