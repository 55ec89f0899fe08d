import { mayEditContacts } from './contact-visibility.js';
import type { Organization } from './organization.entity.js';
import { ConsentMethod, WRITTEN_CONSENT_METHODS } from './organization-consent.enums.js';
import type { ConsentInput } from './organization-consent.inputs.js';
import { DEFAULT_CONSENT_PURPOSE, DEFAULT_CONSENT_SCOPE } from './organization-consent.entity.js';
import { OrganizationPermissions } from './organization.permissions.js';
import { type Context, AppError, ErrorCode, badInput, decodeId } from '../../server/kit/index.js';

/*
 * Who may record a holder's consent and edit an organization's contacts, written apart from the service
 * so that it can be read, tested and mutation-tested on its own (`npm run test:mutation`). Who may read
 * the contacts is the consent rule of contact-visibility.ts.
 */

/** Contacts are edited only by those who may read them (the consent rule), on top of `organizations.update`. */
export function assertMayEditContacts(ctx: Context, organization: Organization): void {
  if (!mayEditContacts(ctx, organization)) {
    throw new AppError(ErrorCode.Forbidden, "Vous ne pouvez pas modifier les contacts de cette organisation : son porteur n'a pas consenti à leur partage.");
  }
}

/**
 * Checks a consent record as given by the client and returns what to store: the right to record it,
 * a written trace for consent given, a date that is not in the future, the partner it is recorded for.
 */
export function consentEntry(ctx: Context, input: ConsentInput, field: string) {
  if (!ctx.can(OrganizationPermissions.consent.record)) {
    throw new AppError(ErrorCode.Forbidden, "Seuls les gestionnaires des partenaires et les administrateurs enregistrent le consentement d'un porteur.", { field });
  }
  if (input.given && !WRITTEN_CONSENT_METHODS.has(input.method)) {
    throw badInput(`${field}.method`, 'Le consentement doit être recueilli par écrit (formulaire, convention, courriel ou formulaire en ligne) ; une déclaration orale ne vaut que pour un retrait.');
  }
  // A day in France can still be tomorrow in UTC: one day of margin.
  const latest = new Date(Date.now() + 24 * 3600 * 1000).toISOString().slice(0, 10);
  if (input.obtainedOn > latest) throw badInput(`${field}.obtainedOn`, 'La date du consentement ne peut pas être dans le futur.');
  if (input.obtainedOn < '2000-01-01') throw badInput(`${field}.obtainedOn`, 'La date du consentement doit être postérieure au 1er janvier 2000.');
  if (input.retainUntil != null && input.retainUntil <= input.obtainedOn) throw badInput(`${field}.retainUntil`, 'La durée de conservation doit se terminer après le recueil du consentement.');
  if (input.retainUntil != null && !input.given) throw badInput(`${field}.retainUntil`, 'Une durée de conservation ne concerne que le consentement donné.');
  const threeYearsLater = `${Number(input.obtainedOn.slice(0, 4)) + 3}${input.obtainedOn.slice(4, 10) === '-02-29' ? '-02-28' : input.obtainedOn.slice(4, 10)}`;
  return {
    given: input.given,
    method: input.method as ConsentMethod,
    obtainedOn: input.obtainedOn,
    purpose: input.purpose?.trim() || DEFAULT_CONSENT_PURPOSE,
    scope: input.scope?.trim() || DEFAULT_CONSENT_SCOPE,
    retainUntil: input.given ? (input.retainUntil ?? threeYearsLater) : null,
    note: input.note?.trim() ?? '',
    recordedById: ctx.viewer.personId,
    recordedByPartnerId: recorderPartner(ctx, input.partnerId, `${field}.partnerId`),
  };
}

/** The partner a consent is recorded for: the one named (one of the viewer's), else the viewer's only one. */
function recorderPartner(ctx: Context, globalId: string | null | undefined, field: string): string | null {
  const own = ctx.viewer.partnerIds;
  if (globalId != null) {
    const id = decodeId(globalId, 'Partner', field);
    if (!own.includes(id)) throw new AppError(ErrorCode.Forbidden, "Vous n'êtes pas membre de ce partenaire.", { field });
    return id;
  }
  if (own.length > 1) throw badInput(field, 'Vous êtes membre de plusieurs partenaires : précisez pour lequel vous enregistrez ce consentement.');
  return own[0] ?? null;
}
