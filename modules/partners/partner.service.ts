import { LockMode, type FilterQuery } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { GraphQLResolveInfo } from 'graphql';
import { Commune } from '../territory/index.js';
import { SectorService } from '../sectors/index.js';
import type { Organization } from '../organizations/index.js';
import { FundingScheme } from './funding-scheme.entity.js';
import { InterventionCriteria } from './intervention-criteria.entity.js';
import { Partner } from './partner.entity.js';
import { PartnerChanged } from './partner.events.js';
import type { FundingSchemeKind } from './partner.enums.js';
import { PartnerPolicy } from './partner.policy.js';
import { criteriaCovers, type Situation } from './criteria-match.js';
import {
  PARTNER_LISTS,
  type CreatePartnerInput,
  type FundingSchemeInput,
  type InterventionCriteriaInput,
  type PartnerFilter,
  type PartnerSupportQuery,
  type UpdatePartnerInput,
} from './partner.inputs.js';
import { find, list, loadMany, once, type Context, type Transaction, badInput, conflict, notFound, decodeId, decodeIds, type ConnectionArgs, type Page } from '../../server/kit/index.js';

function checkRange(min: number | null | undefined, max: number | null | undefined, field: string): void {
  if (min != null && max != null && min > max) throw badInput(field, 'Le montant minimum dépasse le montant maximum.');
}

const assertCanManage = (ctx: Context, partnerId: string) => PartnerPolicy.assertCanManage(ctx, partnerId);

const BY_NAME = [
  ['name', 'asc'],
  ['id', 'asc'],
] as const;

/**
 * Ids of the active partners with criteria covering `situation`. Every active criteria is read once per
 * operation (a few hundred rows) and matched here (criteria-match.ts), for any number of organizations.
 */
async function coveringPartnerIds(ctx: Context, situation: Situation): Promise<string[]> {
  const criteria = await once(ctx, 'partners.activeCriteria', () => find(ctx, InterventionCriteria, { where: { partner: { active: true } }, orderBy: [['id', 'asc']], limit: 100_000 }));
  return [...new Set(criteria.filter((c) => criteriaCovers(c, situation)).map((c) => c.partner.id))];
}

async function situationFrom(em: SqlEntityManager, query: PartnerSupportQuery, field: string): Promise<Situation> {
  const [sectorCode] = query.sector ? await SectorService.resolveCodes(em, [query.sector], `${field}.sector`) : [null];
  return {
    sectorCode,
    stage: query.stage,
    legalForm: query.legalForm,
    communeId: query.communeId ? decodeId(query.communeId, 'Commune', `${field}.communeId`) : null,
    amount: query.amount,
  };
}

export const PartnerService = {
  async list(ctx: Context, filter: PartnerFilter | null | undefined, args: ConnectionArgs, info: GraphQLResolveInfo): Promise<Page<Partner>> {
    const where: FilterQuery<Partner>[] = [{ active: filter?.active ?? true }];
    if (filter?.kinds?.length) where.push({ kind: { $in: filter.kinds } });
    if (filter?.technicalCommittee != null) where.push({ technicalCommittee: filter.technicalCommittee });
    if (filter?.canSupport) {
      const situation = await situationFrom(ctx.em, filter.canSupport, 'filter.canSupport');
      where.push({ id: { $in: await coveringPartnerIds(ctx, situation) } });
    }
    return list(ctx, Partner, { where: { $and: where }, orderBy: BY_NAME, search: filter?.search, args, info });
  },

  fundingSchemes(
    ctx: Context,
    filter: { kinds?: FundingSchemeKind[] | null; partnerIds?: string[] | null; amount?: number | null } | null,
    args: ConnectionArgs,
    info: GraphQLResolveInfo,
  ): Promise<Page<FundingScheme>> {
    const where: FilterQuery<FundingScheme>[] = [{ active: true }, { partner: { active: true } }];
    if (filter?.kinds?.length) where.push({ kind: { $in: filter.kinds } });
    if (filter?.partnerIds?.length) where.push({ partner: { $in: decodeIds(filter.partnerIds, 'Partner', 'filter.partnerIds') } });
    if (filter?.amount != null) {
      where.push({ $or: [{ minAmount: null }, { minAmount: { $lte: filter.amount } }] });
      where.push({ $or: [{ maxAmount: null }, { maxAmount: { $gte: filter.amount } }] });
    }
    return list(ctx, FundingScheme, { where: { $and: where }, orderBy: BY_NAME, args, info });
  },

  /** Active partners whose criteria cover the organization (sector, stage, legal form, commune). */
  async eligibleFor(ctx: Context, organization: Organization): Promise<Partner[]> {
    const situation: Situation = {
      sectorCode: organization.sector.code,
      stage: organization.stage,
      legalForm: organization.legalForm,
      communeId: organization.commune.id,
    };
    const partners = (await loadMany(ctx, Partner, await coveringPartnerIds(ctx, situation))).filter((p): p is Partner => p !== null);
    return partners.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
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
        kind: input.kind,
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
      checkRange(input.minAmount, input.maxAmount, 'input.maxAmount');
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

async function addCriteria(tx: Transaction, partner: Partner, input: InterventionCriteriaInput, field: string): Promise<InterventionCriteria> {
  checkRange(input.minAmount, input.maxAmount, `${field}.maxAmount`);
  const sectorCodes = await SectorService.resolveCodes(tx.em, input.sectors ?? [], `${field}.sectors`);
  const communeIds = decodeIds(input.communeIds ?? [], 'Commune', `${field}.communeIds`);
  if (communeIds.length > 0) {
    const found = await tx.em.count(Commune, { id: { $in: communeIds } });
    if (found !== new Set(communeIds).size) throw badInput(`${field}.communeIds`, "Une des communes n'appartient pas au périmètre de la plate-forme.");
  }
  return tx.em.create(InterventionCriteria, {
    partner,
    label: input.label.trim(),
    sectorCodes,
    stages: [...new Set(input.stages ?? [])],
    legalForms: [...new Set(input.legalForms ?? [])],
    minAmount: input.minAmount ?? null,
    maxAmount: input.maxAmount ?? null,
    wholeTerritory: communeIds.length === 0,
    communeIds: [...new Set(communeIds)],
  });
}

function schemeValues(input: FundingSchemeInput) {
  return {
    name: input.name.trim(),
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

function addScheme(tx: Transaction, partner: Partner, input: FundingSchemeInput, field: string): FundingScheme {
  checkRange(input.minAmount, input.maxAmount, `${field}.maxAmount`);
  return tx.em.create(FundingScheme, { partner, ...schemeValues(input) });
}
