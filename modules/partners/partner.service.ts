import { LockMode, type FilterQuery } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { GraphQLResolveInfo } from 'graphql';
import { Commune, Intercommunality } from '../territory/index.js';
import { SectorService } from '../sectors/index.js';
import { AccreditationKind, holdsEsus, validKinds, type Accreditation, type Organization } from '../organizations/index.js';
import { FundingScheme } from './funding-scheme.entity.js';
import { InterventionCriteria } from './intervention-criteria.entity.js';
import { Partner } from './partner.entity.js';
import { PartnerChanged } from './partner.events.js';
import { FundingSchemeKind, type PartnerKind } from './partner.enums.js';
import { PartnerPolicy } from './partner.policy.js';
import type { Situation } from './criteria-match.js';
import { matchAll, matchBase, validSchemeWhere, type PartnerMatchResult } from './partner-match.js';
import { referenceDate as referenceDay } from '../platform/index.js';
import {
  PARTNER_LISTS,
  type CreatePartnerInput,
  type EligibilityInput,
  type FundingSchemeInput,
  type InterventionCriteriaInput,
  type PartnerFilter,
  type PartnerSupportQuery,
  type ProjectInput,
  type UpdatePartnerInput,
} from './partner.inputs.js';
import { list, related, yearsBetween, type Context, type Transaction, badInput, conflict, notFound, decodeId, decodeIds, type ConnectionArgs, type Page } from '../../server/kit/index.js';

function checkRange(min: number | null | undefined, max: number | null | undefined, field: string, message = 'Le montant minimum dépasse le montant maximum.'): void {
  if (min != null && max != null && min > max) throw badInput(field, message);
}

/** Refuses bounds of eligibility rules in the wrong order. */
function checkRules(input: EligibilityInput & { minAmount?: number | null; maxAmount?: number | null }, field: string): void {
  checkRange(input.minAmount, input.maxAmount, `${field}.maxAmount`);
  checkRange(input.minEmployees, input.maxEmployees, `${field}.maxEmployees`, 'Le nombre minimum de salariés dépasse le maximum.');
  checkRange(input.minAgeYears, input.maxAgeYears, `${field}.maxAgeYears`, "L'âge minimum dépasse l'âge maximum.");
}

/** The eligibility rules of an input, as stored (lists without duplicates). */
function ruleValues(input: EligibilityInput) {
  return {
    accreditations: [...new Set(input.accreditations ?? [])],
    publics: [...new Set(input.publics ?? [])],
    needTypes: [...new Set(input.needTypes ?? [])],
    employerRequired: input.employerRequired ?? false,
    minEmployees: input.minEmployees ?? null,
    maxEmployees: input.maxEmployees ?? null,
    minAgeYears: input.minAgeYears ?? null,
    maxAgeYears: input.maxAgeYears ?? null,
    coFinancingRequired: input.coFinancingRequired ?? false,
  };
}

const assertCanManage = (ctx: Context, partnerId: string) => PartnerPolicy.assertCanManage(ctx, partnerId);

const BY_NAME = [
  ['name', 'asc'],
  ['id', 'asc'],
] as const;

async function situationFrom(em: SqlEntityManager, query: PartnerSupportQuery, field: string): Promise<Situation> {
  const sectorCodes = query.sector ? await SectorService.resolveCodes(em, [query.sector], `${field}.sector`) : null;
  return {
    sectorCodes,
    stage: query.stage,
    legalForm: query.legalForm,
    targetLegalForm: query.targetLegalForm,
    communeId: query.communeId ? decodeId(query.communeId, 'Commune', `${field}.communeId`) : null,
    amount: query.amount,
    employees: query.employees,
    ageYears: query.ageYears,
    publics: query.publics,
    needTypes: query.needTypes,
    // Not saying is holding none: a partner reserved to ACIs is not proposed to a holder who did not say.
    accreditations: query.accreditations ?? [],
    coFinancingSecured: query.coFinancingSecured,
  };
}

/**
 * An organization's situation at `day`, with its project (what the project says first): its age from its
 * creation date (or the 1st of January of its year of creation), the kinds of its accreditations valid then
 * (ESUS included for an insertion structure of the SSE, for which it is automatic).
 */
export function organizationSituation(organization: Organization, accreditations: readonly Accreditation[], project: ProjectInput | null | undefined, day: string): Situation {
  const created = organization.creationDate ?? (organization.foundedYear != null ? `${organization.foundedYear}-01-01` : null);
  return {
    sectorCodes: organization.sectorCodes.length > 0 ? organization.sectorCodes : [organization.sector.code],
    stage: project?.stage ?? organization.stage,
    legalForm: organization.legalForm,
    targetLegalForm: project?.targetLegalForm ?? null,
    communeId: organization.commune.id,
    amount: project?.amount ?? null,
    employees: organization.employees,
    ageYears: created ? Math.max(0, yearsBetween(created, day)) : null,
    publics: project?.publics ?? organization.publics,
    needTypes: project?.needTypes ?? null,
    accreditations: [...validKinds(accreditations, day), ...(holdsEsus(accreditations, day, organization.legalForm) ? [AccreditationKind.ESUS] : [])].filter((k, i, all) => all.indexOf(k) === i),
    coFinancingSecured: project?.coFinancingSecured ?? null,
  };
}

export const PartnerService = {
  async list(ctx: Context, filter: PartnerFilter | null | undefined, args: ConnectionArgs, info: GraphQLResolveInfo): Promise<Page<Partner>> {
    const where: FilterQuery<Partner>[] = [{ active: filter?.active ?? true }];
    if (filter?.kinds?.length) where.push({ kind: { $in: filter.kinds } });
    if (filter?.technicalCommittee != null) where.push({ technicalCommittee: filter.technicalCommittee });
    if (filter?.canSupport) {
      const situation = await situationFrom(ctx.em, filter.canSupport, 'filter.canSupport');
      where.push({ id: { $in: matchAll(await matchBase(ctx), situation, false).map((m) => m.partner.id) } });
    }
    return list(ctx, Partner, { where: { $and: where }, orderBy: BY_NAME, search: filter?.search, args, info });
  },

  async fundingSchemes(
    ctx: Context,
    filter: { kinds?: FundingSchemeKind[] | null; partnerIds?: string[] | null; amount?: number | null; includeInvalid?: boolean | null } | null,
    args: ConnectionArgs,
    info: GraphQLResolveInfo,
  ): Promise<Page<FundingScheme>> {
    const where: FilterQuery<FundingScheme>[] = [{ active: true }, { partner: { active: true } }];
    if (!filter?.includeInvalid) where.push(validSchemeWhere(await referenceDay(ctx)));
    if (filter?.kinds?.length) where.push({ kind: { $in: filter.kinds } });
    if (filter?.partnerIds?.length) where.push({ partner: { $in: decodeIds(filter.partnerIds, 'Partner', 'filter.partnerIds') } });
    if (filter?.amount != null) {
      where.push({ $or: [{ minAmount: null }, { minAmount: { $lte: filter.amount } }] });
      where.push({ $or: [{ maxAmount: null }, { maxAmount: { $gte: filter.amount } }] });
    }
    return list(ctx, FundingScheme, { where: { $and: where }, orderBy: BY_NAME, args, info });
  },

  /** The active partners matched against an organization and its project, with the reasons. */
  async matchesFor(ctx: Context, organization: Organization, project: ProjectInput | null, includeIneligible: boolean): Promise<PartnerMatchResult[]> {
    const [base, accreditations] = await Promise.all([matchBase(ctx), related<Accreditation>(ctx, organization, 'accreditations')]);
    return matchAll(base, organizationSituation(organization, accreditations, project, base.day), includeIneligible);
  },

  /** The active partners matched against a situation given in full (a holder not in the directory). */
  async matches(ctx: Context, query: PartnerSupportQuery, includeIneligible: boolean): Promise<PartnerMatchResult[]> {
    const situation = await situationFrom(ctx.em, query, 'situation');
    return matchAll(await matchBase(ctx), situation, includeIneligible);
  },

  async create(ctx: Context, input: CreatePartnerInput): Promise<Partner> {
    return ctx.transaction(async (tx) => {
      if (await tx.em.count(Partner, { $or: [{ slug: input.slug }, { name: input.name.trim() }] })) {
        throw conflict('Un partenaire porte déjà ce nom ou cet identifiant.', 'input.slug');
      }
      const partner = tx.em.create(Partner, {
        slug: input.slug,
        name: input.name.trim(),
        shortName: input.shortName?.trim() || null,
        currentName: input.currentName?.trim() || null,
        nameChangedYear: input.nameChangedYear ?? null,
        kind: input.kind,
        roles: rolesOf(input.kind, input.roles),
        representsIds: await representedIds(tx, input.representsIds, null),
        description: input.description?.trim() ?? '',
        website: input.website ?? null,
        email: input.email ?? null,
        technicalCommittee: input.technicalCommittee ?? false,
        steeringBoard: input.steeringBoard ?? false,
        constraints: input.constraints ?? [],
        needs: input.needs ?? [],
        contributions: input.contributions ?? [],
        active: input.active ?? true,
      });
      for (const [i, c] of (input.criteria ?? []).entries()) await addCriteria(tx, partner, c, `input.criteria[${i}]`);
      for (const [i, s] of (input.fundingSchemes ?? []).entries()) addScheme(tx, partner, s, `input.fundingSchemes[${i}]`);
      await tx.em.flush();
      tx.publish(PartnerChanged, { partnerId: partner.id, change: 'CREATED' });
      return partner;
    });
  },

  async update(ctx: Context, globalId: string, input: UpdatePartnerInput): Promise<Partner> {
    const id = decodeId(globalId, 'Partner', 'id');
    assertCanManage(ctx, id);
    PartnerPolicy.assertCanChangeStatus(ctx, input);
    return ctx.transaction(async (tx) => {
      const partner = await tx.em.findOne(Partner, id);
      if (!partner) throw notFound('Partenaire', globalId);
      if (input.name === null) throw badInput('input.name', 'Le nom ne peut pas être vide.');
      if (input.name !== undefined && input.name.trim() !== partner.name) {
        if (await tx.em.count(Partner, { name: input.name.trim(), id: { $ne: id } })) {
          throw conflict('Un partenaire porte déjà ce nom.', 'input.name');
        }
        partner.name = input.name.trim();
      }
      if (input.shortName !== undefined) partner.shortName = input.shortName?.trim() || null;
      if (input.currentName !== undefined) partner.currentName = input.currentName?.trim() || null;
      if (input.nameChangedYear !== undefined) partner.nameChangedYear = input.nameChangedYear;
      if (input.roles != null) partner.roles = rolesOf(partner.kind, input.roles);
      if (input.representsIds != null) partner.representsIds = await representedIds(tx, input.representsIds, id);
      if (input.description !== undefined) partner.description = input.description?.trim() ?? '';
      if (input.website !== undefined) partner.website = input.website;
      if (input.email !== undefined) partner.email = input.email;
      if (input.constraints != null) partner.constraints = input.constraints;
      if (input.needs != null) partner.needs = input.needs;
      if (input.contributions != null) partner.contributions = input.contributions;
      if (input.technicalCommittee != null) partner.technicalCommittee = input.technicalCommittee;
      if (input.steeringBoard != null) partner.steeringBoard = input.steeringBoard;
      if (input.active != null) partner.active = input.active;
      partner.updatedAt = new Date();
      await tx.em.flush();
      tx.publish(PartnerChanged, { partnerId: partner.id, change: 'UPDATED' });
      return partner;
    });
  },

  addCriteria(ctx: Context, partnerGlobalId: string, input: InterventionCriteriaInput): Promise<InterventionCriteria> {
    return changePartner(ctx, partnerGlobalId, async (tx, partner) => {
      await assertRoom(tx, InterventionCriteria, partner, PARTNER_LISTS.criteria, "jeux de critères d'intervention");
      return addCriteria(tx, partner, input, 'input');
    });
  },

  async removeCriteria(ctx: Context, globalId: string): Promise<string> {
    const id = decodeId(globalId, 'InterventionCriteria', 'id');
    return ctx.transaction(async (tx) => {
      const criteria = await tx.em.findOne(InterventionCriteria, id);
      if (!criteria) throw notFound("Critère d'intervention", globalId);
      assertCanManage(ctx, criteria.partner.id);
      tx.em.remove(criteria);
      await tx.em.flush();
      tx.publish(PartnerChanged, { partnerId: criteria.partner.id, change: 'UPDATED' });
      return globalId;
    });
  },

  addFundingScheme(ctx: Context, partnerGlobalId: string, input: FundingSchemeInput): Promise<FundingScheme> {
    return changePartner(ctx, partnerGlobalId, async (tx, partner) => {
      await assertRoom(tx, FundingScheme, partner, PARTNER_LISTS.fundingSchemes, 'dispositifs de financement');
      return addScheme(tx, partner, input, 'input');
    });
  },

  async updateFundingScheme(ctx: Context, globalId: string, input: FundingSchemeInput): Promise<FundingScheme> {
    const id = decodeId(globalId, 'FundingScheme', 'id');
    return ctx.transaction(async (tx) => {
      const scheme = await tx.em.findOne(FundingScheme, id);
      if (!scheme) throw notFound('Dispositif', globalId);
      assertCanManage(ctx, scheme.partner.id);
      checkScheme(input, 'input');
      Object.assign(scheme, schemeValues(input));
      await tx.em.flush();
      tx.publish(PartnerChanged, { partnerId: scheme.partner.id, change: 'UPDATED' });
      return scheme;
    });
  },
};

/**
 * Adds something to a partner its managers (or administrators) may change: checks the right, loads the
 * partner in the transaction, runs `work`, then stamps, flushes and announces the change.
 */
async function changePartner<R>(ctx: Context, partnerGlobalId: string, work: (tx: Transaction, partner: Partner) => Promise<R>): Promise<R> {
  const id = decodeId(partnerGlobalId, 'Partner', 'partnerId');
  assertCanManage(ctx, id);
  return ctx.transaction(async (tx) => {
    const partner = await tx.em.findOne(Partner, id);
    if (!partner) throw notFound('Partenaire', partnerGlobalId);
    const result = await work(tx, partner);
    partner.updatedAt = new Date();
    await tx.em.flush();
    tx.publish(PartnerChanged, { partnerId: partner.id, change: 'UPDATED' });
    return result;
  });
}

/** The roles to store: the main one first, then the others once each. */
function rolesOf(kind: PartnerKind, roles: readonly PartnerKind[] | null | undefined): PartnerKind[] {
  return [...new Set([kind, ...(roles ?? [])])];
}

/** The ids of the partners represented, checked: existing partners, never itself. */
async function representedIds(tx: Transaction, globalIds: readonly string[] | null | undefined, self: string | null): Promise<string[]> {
  const ids = [...new Set(decodeIds(globalIds ?? [], 'Partner', 'input.representsIds'))];
  if (ids.length === 0) return [];
  if (self && ids.includes(self)) throw badInput('input.representsIds', 'Un partenaire ne peut pas se représenter lui-même.');
  if ((await tx.em.count(Partner, { id: { $in: ids } })) !== ids.length) throw badInput('input.representsIds', "Un des partenaires représentés n'existe pas.");
  return ids;
}

async function addCriteria(tx: Transaction, partner: Partner, input: InterventionCriteriaInput, field: string): Promise<InterventionCriteria> {
  checkRules(input, field);
  const sectorCodes = await SectorService.resolveCodes(tx.em, input.sectors ?? [], `${field}.sectors`);
  const communeIds = decodeIds(input.communeIds ?? [], 'Commune', `${field}.communeIds`);
  if (communeIds.length > 0) {
    const found = await tx.em.count(Commune, { id: { $in: communeIds } });
    if (found !== new Set(communeIds).size) throw badInput(`${field}.communeIds`, "Une des communes n'appartient pas au périmètre de la plate-forme.");
  }
  const intercommunalityIds = [...new Set(decodeIds(input.intercommunalityIds ?? [], 'Intercommunality', `${field}.intercommunalityIds`))];
  if (intercommunalityIds.length > 0 && (await tx.em.count(Intercommunality, { id: { $in: intercommunalityIds } })) !== intercommunalityIds.length) {
    throw badInput(`${field}.intercommunalityIds`, "Une des intercommunalités n'appartient pas au périmètre de la plate-forme.");
  }
  const departmentCodes = [...new Set(input.departmentCodes ?? [])];
  const regionCodes = [...new Set(input.regionCodes ?? [])];
  return tx.em.create(InterventionCriteria, {
    ...ruleValues(input),
    intercommunalityIds,
    departmentCodes,
    regionCodes,
    partner,
    label: input.label.trim(),
    sectorCodes,
    stages: [...new Set(input.stages ?? [])],
    legalForms: [...new Set(input.legalForms ?? [])],
    minAmount: input.minAmount ?? null,
    maxAmount: input.maxAmount ?? null,
    wholeTerritory: communeIds.length + intercommunalityIds.length + departmentCodes.length + regionCodes.length === 0,
    communeIds: [...new Set(communeIds)],
  });
}

function schemeValues(input: FundingSchemeInput) {
  return {
    ...ruleValues(input),
    name: input.name.trim(),
    shortName: input.shortName?.trim() || null,
    legalForms: [...new Set(input.legalForms ?? [])],
    guaranteeRate: input.guaranteeRate ?? null,
    decidingBody: input.decidingBody?.trim() ?? '',
    calendar: input.calendar?.trim() ?? '',
    typicalDelayDays: input.typicalDelayDays ?? null,
    yearlyEnvelope: input.yearlyEnvelope ?? null,
    validFrom: input.validFrom ?? null,
    validUntil: input.validUntil ?? null,
    stateAidFrame: input.stateAidFrame ?? null,
    legalFrame: input.legalFrame?.trim() ?? '',
    kind: input.kind,
    description: input.description?.trim() ?? '',
    eligibility: input.eligibility?.trim() ?? '',
    minAmount: input.minAmount ?? null,
    maxAmount: input.maxAmount ?? null,
    stages: [...new Set(input.stages ?? [])],
    active: input.active ?? true,
  };
}

/** Refuses an addition past the bound the lists declare (inputs and operation limits count on it). */
async function assertRoom(tx: Transaction, entity: typeof InterventionCriteria | typeof FundingScheme, partner: Partner, max: number, what: string): Promise<void> {
  await tx.em.lock(partner, LockMode.PESSIMISTIC_WRITE); // two additions at once would both see room
  const count = await tx.em.count(entity as typeof FundingScheme, { partner: partner.id });
  if (count >= max) throw conflict(`Ce partenaire a déjà ${count} ${what} : ${max} au plus.`);
}

function checkScheme(input: FundingSchemeInput, field: string): void {
  checkRules(input, field);
  if (input.validFrom && input.validUntil && input.validFrom > input.validUntil) throw badInput(`${field}.validUntil`, 'La fin de validité précède son début.');
  if (input.guaranteeRate != null && input.kind !== FundingSchemeKind.GUARANTEE) throw badInput(`${field}.guaranteeRate`, 'Seule une garantie a une quotité garantie.');
}

function addScheme(tx: Transaction, partner: Partner, input: FundingSchemeInput, field: string): FundingScheme {
  checkScheme(input, field);
  return tx.em.create(FundingScheme, { partner, ...schemeValues(input) });
}
