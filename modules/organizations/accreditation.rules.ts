import { ACCREDITATION_HOLDERS, ACCREDITATION_LABELS, AccreditationKind, ESS_FAMILY_OF, LEGAL_FORM_LABELS, SIAE_KINDS, type LegalForm } from './organization.enums.js';
import { isWithin, todayInFrance } from '../../server/kit/index.js';

type Dated = { kind: AccreditationKind; since: string; until: string | null };

/** True when the accreditation applies on `day` ('YYYY-MM-DD'). */
export function isValidOn(accreditation: Pick<Dated, 'since' | 'until'>, day: string): boolean {
  return isWithin(day, accreditation.since, accreditation.until);
}

/** The kinds valid on `day`. */
export function validKinds(accreditations: readonly Dated[], day: string): Set<AccreditationKind> {
  return new Set(accreditations.filter((a) => isValidOn(a, day)).map((a) => a.kind));
}

/**
 * ESUS on `day`: a valid ESUS accreditation, or a valid insertion conventionnement held by an SSE
 * enterprise (code du travail, L3332-17-1: SIAE are ESUS by right when they are of the SSE; an ACI run by
 * a commune or a CCAS is not).
 */
export function holdsEsus(accreditations: readonly Dated[], day: string, form: LegalForm): boolean {
  const kinds = validKinds(accreditations, day);
  return kinds.has(AccreditationKind.ESUS) || (ESS_FAMILY_OF[form] != null && SIAE_KINDS.some((k) => kinds.has(k)));
}

/** Works in insertion on `day`: holds a valid SIAE conventionnement (insertion is a mode, across sectors). */
export function inInsertion(accreditations: readonly Dated[], day: string): boolean {
  const kinds = validKinds(accreditations, day);
  return SIAE_KINDS.some((k) => kinds.has(k));
}

/** The legal forms of the SSE (those whose SIAE conventionnements make them ESUS by right). */
export const SSE_FORMS = (Object.keys(ESS_FAMILY_OF) as LegalForm[]).filter((f) => ESS_FAMILY_OF[f] != null);

/** The French reason `kind` may not be held by an entity of `form`, or null when it may. */
export function holderProblem(kind: AccreditationKind, form: LegalForm): string | null {
  const allowed = ACCREDITATION_HOLDERS[kind];
  if (allowed.includes(form)) return null;
  const forms = allowed.map((f) => LEGAL_FORM_LABELS[f]).join(', ');
  return `${ACCREDITATION_LABELS[kind]} : ne peut être porté que par ${allowed.length > 1 ? 'l’une de ces formes' : 'cette forme'} (${forms}), pas par : ${LEGAL_FORM_LABELS[form]}.`;
}

/** French problems with an accreditation's own values (dates, posts), each with its field. */
export function valueProblems(input: { kind: AccreditationKind; since: string; until?: string | null; postsFte?: number | null }): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (input.since < '1980-01-01') problems.push({ field: 'since', message: 'La date de début doit être postérieure au 1er janvier 1980.' });
  // A decision may be recorded ahead of its start, not years ahead.
  const today = todayInFrance();
  const latest = `${Number(today.slice(0, 4)) + 2}${today.slice(4)}`;
  if (input.since > latest) problems.push({ field: 'since', message: 'La date de début ne peut pas dépasser de plus de deux ans la date du jour.' });
  if (input.until != null && input.until < input.since) problems.push({ field: 'until', message: 'La date de fin précède la date de début.' });
  if (input.postsFte != null && !SIAE_KINDS.includes(input.kind)) {
    problems.push({ field: 'postsFte', message: 'Les postes en ETP ne concernent que les conventionnements d’insertion (ACI, AI, EI, ETTI).' });
  }
  if (input.kind === AccreditationKind.ESUS && input.since < '2014-08-01') {
    problems.push({ field: 'since', message: "L'agrément ESUS existe depuis la loi du 31 juillet 2014 : sa date de début ne peut pas précéder août 2014." });
  }
  return problems;
}
