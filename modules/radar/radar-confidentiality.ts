import { find, once, type Context } from '../../server/kit/index.js';
import type { Confidentiality } from '../interview-grids/index.js';
import { Partner } from '../partners/index.js';
import type { RadarSignal } from './rules.js';

/*
 * Who reads what a radar's signals say. A signal carries the most restrictive confidentiality of the answers
 * its rule reads (rules.ts); the radar itself is for partners' people (radar.visibility.ts). Per signal:
 *   shared               every radar reader;
 *   partnerAndCommittee  administrators, people of the partner that held the interview, and people of the
 *                        partners sitting in the technical committee (partner.technicalCommittee);
 *   interviewerOnly      administrators and the person who held the interview.
 * Anyone else reads the signal as « Signal confidentiel » with its kind, severity and axis only (so the level
 * stays explained) — neither the rule's label nor the explanation, which would reveal the answers.
 */

export interface SignalReader {
  isAdmin: boolean;
  personId: string | null;
  partnerIds: readonly string[];
  /** Partners sitting in the technical committee. */
  committeePartnerIds: ReadonlySet<string>;
}

export interface RadarAudience {
  partnerId: string;
  interviewerId: string | null;
}

export const CONFIDENTIAL_LABEL = 'Signal confidentiel';
export const CONFIDENTIAL_EXPLANATIONS: Record<Exclude<Confidentiality, 'shared'>, string> = {
  partnerAndCommittee: 'Détail réservé au partenaire qui a mené l’entretien et au comité technique.',
  interviewerOnly: 'Détail réservé à la personne qui a mené l’entretien.',
};

/** True when `reader` may read answers (and what cites them) of this confidentiality in this radar. */
export function mayRead(confidentiality: Confidentiality, radar: RadarAudience, reader: SignalReader): boolean {
  if (confidentiality === 'shared' || reader.isAdmin) return true;
  if (confidentiality === 'interviewerOnly') return reader.personId !== null && reader.personId === radar.interviewerId;
  return reader.partnerIds.includes(radar.partnerId) || reader.partnerIds.some((id) => reader.committeePartnerIds.has(id));
}

/** The signals as `reader` may read them: those it may not, reduced to kind, severity and axis. */
export function signalsFor(signals: readonly RadarSignal[], radar: RadarAudience, reader: SignalReader): (RadarSignal & { redacted: boolean })[] {
  return signals.map((s) =>
    mayRead(s.confidentiality, radar, reader)
      ? { ...s, redacted: false }
      : { ...s, code: 'confidential', label: CONFIDENTIAL_LABEL, explanation: CONFIDENTIAL_EXPLANATIONS[s.confidentiality as Exclude<Confidentiality, 'shared'>], questions: [], redacted: true },
  );
}

/** The viewer of the operation as a signal reader (the committee's partners read once per operation). */
export async function readerOf(ctx: Context): Promise<SignalReader> {
  const viewer = ctx.viewer;
  const committeePartnerIds =
    viewer.isAdmin || viewer.partnerIds.length === 0
      ? new Set<string>()
      : await once(ctx, 'radar.committee', async () => new Set((await find(ctx, Partner, { where: { technicalCommittee: true }, orderBy: [['id', 'asc']], limit: 1000 })).map((p) => p.id)));
  return { isAdmin: viewer.isAdmin, personId: viewer.personId, partnerIds: viewer.partnerIds, committeePartnerIds };
}
