import { badInput, conflict, decodeId, forbidden, load, loadMany, notFound, related, type Context } from '../../server/kit/index.js';
import { FundingScheme, Partner } from '../partners/index.js';
import { PartnerPosition, PositionVersion, POSITION_LIMITS } from './partner-position.entity.js';
import { InvitationReason, PositionKind, SupportStatus } from './support.enums.js';
import { PositionRecorded } from './support.events.js';
import type { PositionInput } from './position.inputs.js';
import { lockRequest } from './support-request.service.js';
import { PositionInvitation } from './position-invitation.entity.js';
import type { SupportRequest } from './support-request.entity.js';

/** Statuses in which partners take positions: from the qualification to the collective review. */
export const POSITION_STATUSES: readonly SupportStatus[] = [SupportStatus.QUALIFIED, SupportStatus.SCHEDULED, SupportStatus.UNDER_REVIEW];

/** The partner a position is recorded for: the one given (the viewer's own), else the viewer's only partner. */
function positionPartner(ctx: Context, input: PositionInput): string {
  if (input.partnerId) {
    const id = decodeId(input.partnerId, 'Partner', 'input.partnerId');
    if (!ctx.viewer.hasRoleIn(id)) throw forbidden('Un partenaire ne change que sa propre position.');
    return id;
  }
  const own = ctx.viewer.partnerIds;
  if (own.length !== 1) throw badInput('input.partnerId', 'Indiquez le partenaire qui prend position.');
  return own[0]!;
}

export interface MissingPosition {
  partner: Partner;
  since: Date;
  days: number;
}

export const PositionService = {
  /** Records (or changes) the viewer's partner's position; every version is kept. */
  async record(ctx: Context, requestGlobalId: string, input: PositionInput): Promise<PartnerPosition> {
    const partnerId = positionPartner(ctx, input);
    const schemeId = input.schemeId ? decodeId(input.schemeId, 'FundingScheme', 'input.schemeId') : null;
    const redirectToId = input.redirectToId ? decodeId(input.redirectToId, 'Partner', 'input.redirectToId') : null;
    if (input.kind === PositionKind.REDIRECTS && !redirectToId && !input.comment)
      throw badInput('input.redirectToId', 'Indiquez vers quel partenaire le porteur est orienté, ou dites-le en commentaire.');
    if (input.kind === PositionKind.CONDITIONAL && !input.conditions) throw badInput('input.conditions', 'Une position sous conditions dit lesquelles.');
    if (input.kind === PositionKind.OUTSIDE_CRITERIA && !input.comment) throw badInput('input.comment', 'Dites pourquoi la demande est hors de vos critères.');
    const id = await ctx.transaction(async (tx) => {
      const request = await lockRequest(ctx, tx, requestGlobalId, null, 'requestId');
      if (!POSITION_STATUSES.includes(request.status)) {
        throw conflict('Les partenaires prennent position entre la qualification de la demande et la validation de la stratégie.');
      }
      if (schemeId) {
        const scheme = await tx.em.findOne(FundingScheme, { id: schemeId }, { fields: ['id', 'partner'] });
        if (!scheme || scheme.partner.id !== partnerId) throw badInput('input.schemeId', 'Un partenaire ne mobilise que ses propres dispositifs.');
      }
      if (redirectToId && (await tx.em.count(Partner, { id: redirectToId })) === 0) throw badInput('input.redirectToId', 'Partenaire inconnu.');
      const content = {
        kind: input.kind,
        scheme: schemeId,
        amount: input.amount ?? null,
        conditions: input.conditions ?? '',
        comment: input.comment ?? '',
        redirectTo: redirectToId,
        recordedBy: ctx.viewer.personId,
        recordedAt: new Date(),
      };
      let position = await tx.em.findOne(PartnerPosition, { request: request.id, partner: partnerId });
      if (position) {
        if (position.revision >= POSITION_LIMITS.versions) throw conflict(`Cette position a déjà ${POSITION_LIMITS.versions} versions : ${POSITION_LIMITS.versions} au plus.`);
        tx.em.assign(position, { ...content, revision: position.revision + 1 });
      } else {
        position = tx.em.create(PartnerPosition, { ...content, request: request.id, partner: partnerId, firstRecordedAt: content.recordedAt });
      }
      tx.em.create(PositionVersion, { ...content, position, request: request.id, revision: position.revision });
      await tx.em.flush();
      tx.publish(PositionRecorded, { requestId: request.id, partnerId, kind: input.kind, revision: position.revision });
      return position.id;
    });
    // Read again as the viewer sees it (its versions and their authors from the database).
    return (await load(ctx, PartnerPosition, id))!;
  },

  /**
   * Asks `partnerId` for its position on a request, for the committee (a partner the matching did not
   * propose); while positions are taken. Idempotent: a partner already asked keeps its invitation.
   */
  async invite(ctx: Context, requestGlobalId: string, partnerGlobalId: string): Promise<PositionInvitation> {
    const partnerId = decodeId(partnerGlobalId, 'Partner', 'partnerId');
    const id = await ctx.transaction(async (tx) => {
      const request = await lockRequest(ctx, tx, requestGlobalId, null, 'requestId');
      if (!POSITION_STATUSES.includes(request.status)) {
        throw badInput('requestId', 'Un partenaire est sollicité entre la qualification de la demande et la validation de la stratégie.');
      }
      const partner = await tx.em.findOne(Partner, { id: partnerId }, { fields: ['id', 'active'] });
      if (!partner) throw notFound('Partenaire', partnerGlobalId);
      const existing = await tx.em.findOne(PositionInvitation, { request: request.id, partner: partnerId }, { fields: ['id'] });
      if (existing) return existing.id;
      if (!partner.active) throw badInput('partnerId', 'Ce partenaire n’est plus actif : il ne peut pas être sollicité.');
      const invitation = tx.em.create(PositionInvitation, { request: request.id, partner: partnerId, reason: InvitationReason.ADDED, invitedAt: new Date(), invitedBy: ctx.viewer.personId });
      await tx.em.flush();
      return invitation.id;
    });
    return (await load(ctx, PositionInvitation, id))!;
  },

  /**
   * Who has not answered, and since when: the partners asked for their position on the request
   * (`invitations`: at the qualification, or added by the committee) without one, while positions are
   * taken; by name.
   */
  async missing(ctx: Context, request: SupportRequest, now: Date = new Date()): Promise<MissingPosition[]> {
    if (!POSITION_STATUSES.includes(request.status)) return [];
    const [invitations, positions] = await Promise.all([related<PositionInvitation>(ctx, request, 'invitations'), related<PartnerPosition>(ctx, request, 'positions')]);
    const answered = new Set(positions.map((p) => p.partner.id));
    const awaited = invitations.filter((i) => !answered.has(i.partner.id));
    if (awaited.length === 0) return [];
    const partners = await loadMany(
      ctx,
      Partner,
      awaited.map((i) => i.partner.id),
    );
    return awaited
      .flatMap((i, k) => {
        const partner = partners[k];
        return partner ? [{ partner, since: i.invitedAt, days: Math.floor((now.getTime() - i.invitedAt.getTime()) / 86_400_000) }] : [];
      })
      .sort((a, b) => a.partner.name.localeCompare(b.partner.name, 'fr') || a.partner.id.localeCompare(b.partner.id));
  },
};
