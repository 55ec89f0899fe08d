import type { FilterQuery } from '@mikro-orm/core';
import { matches, visibleTo, type Rights } from '../../server/kit/index.js';
import { StatusChange, SupportRequest } from './support-request.entity.js';
import { PartnerPosition, PositionVersion } from './partner-position.entity.js';
import { StrategyDecision, SupportAction } from './strategy.entity.js';
import { SupportDocument } from './support-document.entity.js';
import { PositionInvitation } from './position-invitation.entity.js';
import { SupportPermissions } from './support.permissions.js';

/**
 * Who sees a support request, written once: administrators every one; partners' people
 * (`support.read`) those whose holder consented to share them, and those their own partner received
 * whatever the consent; nobody else. The kit applies it on every read path (lists, relations,
 * `node(id)`, subscriptions); what hangs on a request (its history, invitations, positions, actions) follows the
 * request's rule through the relation, documents included.
 */
function requestAlternatives(rights: Rights): FilterQuery<SupportRequest>[] | boolean {
  if (rights.viewer.isAdmin) return true;
  if (!rights.can(SupportPermissions.read)) return false;
  const own = rights.viewer.partnerIds;
  return own.length === 0 ? [{ consentToShare: true }] : [{ consentToShare: true }, { receivingPartner: { $in: own } }];
}

export function requestRule(rights: Rights): FilterQuery<SupportRequest> | boolean {
  const rule = requestAlternatives(rights);
  return typeof rule === 'boolean' ? rule : rule.length === 1 ? rule[0]! : { $or: rule };
}

/** The rule for a record hanging on a request (`request` relation): the request's, each alternative through the relation. */
export function throughRequest<T>(rights: Rights): FilterQuery<T> | boolean {
  const rule = requestAlternatives(rights);
  if (typeof rule === 'boolean') return rule;
  return (rule.length === 1 ? { request: rule[0] } : { $or: rule.map((r) => ({ request: r })) }) as FilterQuery<T>;
}

/** True when the viewer may see `request` (a loaded entity): the same rule, read in JavaScript before a write. */
export function maySee(rights: Rights, request: Pick<SupportRequest, 'consentToShare' | 'receivingPartner'>): boolean {
  return matches(request, requestRule(rights) as object | boolean);
}

/**
 * Positions (and their versions) are for the partners' people who see the request: the committee's
 * members and the request's partners; never the holder, who hears the territorial answer only.
 */
export const SUPPORT_VISIBILITY = [
  visibleTo(SupportRequest, { rows: requestRule }),
  visibleTo(StatusChange, { rows: throughRequest<StatusChange> }),
  visibleTo(PartnerPosition, { rows: throughRequest<PartnerPosition> }),
  visibleTo(PositionVersion, { rows: throughRequest<PositionVersion> }),
  visibleTo(SupportAction, { rows: throughRequest<SupportAction> }),
  visibleTo(StrategyDecision, { rows: throughRequest<StrategyDecision> }),
  visibleTo(SupportDocument, { rows: throughRequest<SupportDocument> }),
  visibleTo(PositionInvitation, { rows: throughRequest<PositionInvitation> }),
];
