import { LockMode, type FilterQuery } from '@mikro-orm/core';
import type { GraphQLResolveInfo } from 'graphql';
import { applyChanges, badInput, conflict, decodeId, forbidden, list, load, notFound, type ConnectionArgs, type Context, type Order, type Page, type Transaction } from '../../server/kit/index.js';
import { Organization } from '../organizations/index.js';
import { Partner } from '../partners/index.js';
import { Sector, SectorService } from '../sectors/index.js';
import { Commune } from '../territory/index.js';
import { StatusChange, SupportRequest, SUPPORT_LIMITS, SUPPORT_REQUEST_LABEL } from './support-request.entity.js';
import { OPEN_STATUSES, SupportStatus } from './support.enums.js';
import { SupportRequestReceived, SupportStatusChanged } from './support.events.js';
import type { ReceiveSupportRequestInput, SupportRequestFilter, UpdateSupportRequestInput } from './support-request.inputs.js';
import { maySee } from './support.visibility.js';
import { assertTransition } from './support.workflow.js';
import { inviteAtQualification } from './invitation.service.js';

/** The list's order: the latest received first, ending with the unique id (the keyset needs it). */
export const REQUEST_ORDER: Order<SupportRequest> = [
  ['receivedAt', 'desc'],
  ['id', 'desc'],
];

/** The filter of a list of requests (the visibility rule is the kit's). */
export async function requestWhere(ctx: Context, filter: SupportRequestFilter | null | undefined): Promise<FilterQuery<SupportRequest>> {
  const where: FilterQuery<SupportRequest>[] = [];
  if (filter?.statuses?.length) where.push({ status: { $in: filter.statuses } });
  if (filter?.open) where.push({ status: { $in: [...OPEN_STATUSES] } });
  if (filter?.partnerId) where.push({ receivingPartner: decodeId(filter.partnerId, 'Partner', 'filter.partnerId') });
  if (filter?.organizationId) where.push({ organization: decodeId(filter.organizationId, 'Organization', 'filter.organizationId') });
  if (filter?.stages?.length) where.push({ stage: { $in: filter.stages } });
  if (filter?.sector) {
    const [code] = await SectorService.resolveCodes(ctx.em, [filter.sector], 'filter.sector', { single: true });
    where.push({ sector: code! });
  }
  return where.length === 0 ? {} : { $and: where };
}

/** The request `globalId` locked for a write, as the viewer may see it; NOT_FOUND when hidden or gone, CONFLICT when `expectedVersion` is stale. */
export async function lockRequest(ctx: Context, tx: Transaction, globalId: string, expectedVersion: number | null | undefined, field = 'id'): Promise<SupportRequest> {
  const id = decodeId(globalId, 'SupportRequest', field);
  const request = await tx.em.findOne(SupportRequest, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!request || !maySee(ctx, request)) throw notFound(SUPPORT_REQUEST_LABEL, globalId);
  if (expectedVersion != null && expectedVersion !== request.version) {
    throw conflict(`La demande a été modifiée entre-temps (version ${request.version}, et non ${expectedVersion}) : rechargez-la avant de la modifier à nouveau.`, 'expectedVersion');
  }
  return request;
}

async function assertExists(tx: Transaction, entity: typeof Organization | typeof Commune | typeof Partner, id: string, label: string, globalId: string): Promise<void> {
  if ((await tx.em.count(entity as typeof Commune, { id })) === 0) throw notFound(label, globalId);
}

/** The receiving partner: the one given (the viewer must belong to it), else the viewer's only partner. */
function receivingPartnerOf(ctx: Context, input: ReceiveSupportRequestInput): string {
  if (input.receivingPartnerId) {
    const id = decodeId(input.receivingPartnerId, 'Partner', 'input.receivingPartnerId');
    if (!ctx.viewer.hasRoleIn(id)) throw forbidden('Une demande est enregistrée au nom de son propre partenaire.');
    return id;
  }
  const own = ctx.viewer.partnerIds;
  if (own.length !== 1) throw badInput('input.receivingPartnerId', 'Indiquez le partenaire qui a reçu la demande.');
  return own[0]!;
}

export const SupportRequestService = {
  /** A page of requests the viewer may see, the latest received first: one statement. */
  async list(ctx: Context, filter: SupportRequestFilter | null | undefined, args: ConnectionArgs, info: GraphQLResolveInfo): Promise<Page<SupportRequest>> {
    return list(ctx, SupportRequest, { where: await requestWhere(ctx, filter), orderBy: REQUEST_ORDER, args, info });
  },

  /** The request `globalId` as the viewer may see it; null when hidden or gone. */
  async one(ctx: Context, globalId: string): Promise<SupportRequest | null> {
    return load(ctx, SupportRequest, decodeId(globalId, 'SupportRequest', 'id'));
  },

  /** Records a request received by the viewer's partner, with its first status change. */
  async receive(ctx: Context, input: ReceiveSupportRequestInput): Promise<SupportRequest> {
    const partnerId = receivingPartnerOf(ctx, input);
    const organizationId = input.organizationId ? decodeId(input.organizationId, 'Organization', 'input.organizationId') : null;
    const communeId = decodeId(input.communeId, 'Commune', 'input.communeId');
    if (!organizationId && !input.holderName) throw badInput('input.holderName', 'Indiquez l’organisation du porteur ou, pour un projet pas encore créé, le nom du porteur.');
    if (!input.technicalNeed && !input.financialNeed) throw badInput('input.financialNeed', 'Une demande porte sur un besoin technique, financier ou les deux.');
    if (input.amountSought != null && !input.financialNeed) throw badInput('input.amountSought', 'Un montant ne se demande qu’avec un besoin financier.');
    return ctx.transaction(async (tx) => {
      const [sector] = await SectorService.resolveCodes(tx.em, [input.sector], 'input.sector', { single: true });
      await assertExists(tx, Partner, partnerId, 'Partenaire', input.receivingPartnerId ?? partnerId);
      await assertExists(tx, Commune, communeId, 'Commune', input.communeId);
      if (organizationId) await assertExists(tx, Organization, organizationId, 'Organisation', input.organizationId!);
      const now = new Date();
      const request = tx.em.create(SupportRequest, {
        title: input.title,
        organization: organizationId,
        holderName: input.holderName ?? null,
        holderContact: input.holderContact ?? null,
        receivingPartner: partnerId,
        intakeChannel: input.intakeChannel,
        stage: input.stage,
        targetLegalForm: input.targetLegalForm ?? null,
        technicalNeed: input.technicalNeed ?? false,
        financialNeed: input.financialNeed ?? false,
        amountSought: input.amountSought ?? null,
        needTypes: [...new Set(input.needTypes ?? [])],
        useOfFunds: input.useOfFunds ?? '',
        sector: sector!,
        commune: communeId,
        description: input.description ?? '',
        consentToShare: input.consentToShare ?? false,
        receivedAt: now,
        statusChangedAt: now,
      });
      tx.em.create(StatusChange, { request, from: null, to: SupportStatus.RECEIVED, by: ctx.viewer.personId, at: now });
      await tx.em.flush();
      tx.publish(SupportRequestReceived, { requestId: request.id, partnerId });
      return request;
    });
  },

  /** Changes a request's content; refused (CONFLICT) when `expectedVersion` is stale. */
  async update(ctx: Context, globalId: string, input: UpdateSupportRequestInput, expectedVersion: number | null): Promise<SupportRequest> {
    return ctx.transaction(async (tx) => {
      const request = await lockRequest(ctx, tx, globalId, expectedVersion);
      // The holder's consent gates who reads the request: only the partner that received it (who heard the
      // holder) or an administrator records it, not every partner the consent lets read it.
      if (input.consentToShare != null && input.consentToShare !== request.consentToShare && !ctx.viewer.isAdmin && !ctx.viewer.hasRoleIn(request.receivingPartner.id)) {
        throw forbidden('Seul le partenaire qui a reçu la demande enregistre le consentement du porteur.');
      }
      if (input.organizationId !== undefined) {
        // A project holder becomes an organization: the request (and its history) stays, its holder is named.
        if (input.organizationId === null) {
          if (request.organization) throw badInput('input.organizationId', 'L’organisation du porteur ne peut pas être retirée : donnez-en une autre.');
        } else {
          const id = decodeId(input.organizationId, 'Organization', 'input.organizationId');
          await assertExists(tx, Organization, id, 'Organisation', input.organizationId);
          request.organization = tx.em.getReference(Organization, id, { wrapped: true });
        }
      }
      if (input.sector != null) {
        const [code] = await SectorService.resolveCodes(tx.em, [input.sector], 'input.sector', { single: true });
        request.sector = tx.em.getReference(Sector, code!, { wrapped: true });
      }
      if (input.communeId != null) {
        const id = decodeId(input.communeId, 'Commune', 'input.communeId');
        await assertExists(tx, Commune, id, 'Commune', input.communeId);
        request.commune = tx.em.getReference(Commune, id, { wrapped: true });
      }
      applyChanges(request, input, { clearTo: { useOfFunds: '', description: '', needTypes: [] }, skip: ['organizationId', 'sector', 'communeId'] });
      if (input.needTypes) request.needTypes = [...new Set(input.needTypes)];
      if (!request.organization && !request.holderName) throw badInput('input.holderName', 'Sans organisation, le nom du porteur est nécessaire.');
      if (!request.technicalNeed && !request.financialNeed) throw badInput('input.financialNeed', 'Une demande porte sur un besoin technique, financier ou les deux.');
      request.version += 1;
      await tx.em.flush();
      return request;
    });
  },

  /** Moves a request along its workflow, recording who, when and why; an illegal move names the allowed ones. Qualified, its partners are asked for their position (`inviteAtQualification`). */
  async changeStatus(ctx: Context, globalId: string, to: SupportStatus, reason: string | null | undefined, expectedVersion: number | null): Promise<SupportRequest> {
    if (reason && reason.length > SUPPORT_LIMITS.reason) throw badInput('reason', `Le motif est limité à ${SUPPORT_LIMITS.reason} caractères.`);
    return ctx.transaction(async (tx) => {
      const request = await lockRequest(ctx, tx, globalId, expectedVersion);
      const from = request.status;
      assertTransition(from, to, 'status');
      const now = new Date();
      request.status = to;
      request.statusChangedAt = now;
      if (to === SupportStatus.QUALIFIED) {
        request.qualifiedAt = now;
        await inviteAtQualification(ctx, tx, request, now);
      }
      request.version += 1;
      tx.em.create(StatusChange, { request, from, to, by: ctx.viewer.personId, reason: reason?.trim() ?? '', at: now });
      await tx.em.flush();
      tx.publish(SupportStatusChanged, { requestId: request.id, from, to });
      return request;
    });
  },
};
