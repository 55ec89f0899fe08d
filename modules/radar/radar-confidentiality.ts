import type { Context } from '../../server/kit/index.js';
import { InterviewPermissions, type Confidentiality } from '../interview-grids/index.js';
import type { RadarSignal } from './rules.js';

/*
 * Who reads what a radar's signals say: exactly who may read the answers they rest on (interview-grids'
 * answer visibility, interview.visibility.ts). A signal carries the most restrictive confidentiality of the
 * answers its rule reads (rules.ts). Per signal:
 *   shared               every radar reader;
 *   partnerAndCommittee  administrators, the committee (`interview-grids.committee.read`) and the people of the
 *                        partner that held the interview;
 *   interviewerOnly      the people of the partner that held the interview (not platform administrators, unless
 *                        they belong to that partner).
 * Anyone else reads the signal as « Signal confidentiel » with its kind, severity and axis only (so the level
 * stays explained) — neither the rule's label nor the explanation, which would reveal the answers.
 */

export interface SignalReader {
  isAdmin: boolean;
  /** Holds `interview-grids.committee.read`. */
  committee: boolean;
  partnerIds: readonly string[];
}

export interface RadarAudience {
  partnerId: string;
}

export const CONFIDENTIAL_LABEL = 'Signal confidentiel';
export const CONFIDENTIAL_EXPLANATIONS: Record<Exclude<Confidentiality, 'shared'>, string> = {
  partnerAndCommittee: 'Détail réservé au partenaire qui a mené l’entretien et au comité.',
  interviewerOnly: 'Détail réservé au partenaire qui a mené l’entretien.',
};

/** True when `reader` may read answers (and what cites them) of this confidentiality in this radar. */
export function mayRead(confidentiality: Confidentiality, radar: RadarAudience, reader: SignalReader): boolean {
  const ownPartner = reader.partnerIds.includes(radar.partnerId);
  if (confidentiality === 'shared') return true;
  if (confidentiality === 'interviewerOnly') return ownPartner;
  return ownPartner || reader.isAdmin || reader.committee;
}

/** The signals as `reader` may read them: those it may not, reduced to kind, severity and axis. */
export function signalsFor(signals: readonly RadarSignal[], radar: RadarAudience, reader: SignalReader): (RadarSignal & { redacted: boolean })[] {
  return signals.map((s) =>
    mayRead(s.confidentiality, radar, reader)
      ? { ...s, redacted: false }
      : { ...s, code: 'confidential', label: CONFIDENTIAL_LABEL, explanation: CONFIDENTIAL_EXPLANATIONS[s.confidentiality as Exclude<Confidentiality, 'shared'>], questions: [], redacted: true },
  );
}

/** The viewer of the operation as a signal reader. */
export function readerOf(ctx: Context): SignalReader {
  return { isAdmin: ctx.viewer.isAdmin, committee: ctx.can(InterviewPermissions.committee.read), partnerIds: ctx.viewer.partnerIds };
}
