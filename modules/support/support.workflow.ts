import { badInput } from '../../server/kit/index.js';
import { SUPPORT_STATUS_LABELS, SupportStatus } from './support.enums.js';

/*
 * The request's workflow, written once: from each status, the statuses it may move to. A request moves
 * forward one step at a time; before a strategy is validated it may be withdrawn by its holder or
 * redirected elsewhere; once in follow-up it is closed; closed, withdrawn and redirected are final.
 */
const S = SupportStatus;
const EXITS = [S.WITHDRAWN, S.REDIRECTED] as const;

export const TRANSITIONS: Readonly<Record<SupportStatus, readonly SupportStatus[]>> = {
  RECEIVED: [S.QUALIFIED, ...EXITS],
  QUALIFIED: [S.SCHEDULED, ...EXITS],
  SCHEDULED: [S.UNDER_REVIEW, ...EXITS],
  UNDER_REVIEW: [S.STRATEGY_VALIDATED, ...EXITS],
  STRATEGY_VALIDATED: [S.IN_FOLLOW_UP, S.WITHDRAWN],
  IN_FOLLOW_UP: [S.CLOSED, S.WITHDRAWN],
  CLOSED: [],
  WITHDRAWN: [],
  REDIRECTED: [],
};

/** "a", "a ou b", "a, b ou c". */
const either = (items: readonly string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ou ${items[items.length - 1]}`);

/** The French sentence refusing `from → to`, naming the allowed statuses. */
export function transitionRefusal(from: SupportStatus, to: SupportStatus): string {
  const allowed = TRANSITIONS[from];
  const label = (s: SupportStatus) => `« ${SUPPORT_STATUS_LABELS[s]} » (${s})`;
  if (allowed.length === 0) return `Une demande ${SUPPORT_STATUS_LABELS[from]} ne change plus de statut.`;
  if (from === to) return `La demande est déjà ${SUPPORT_STATUS_LABELS[from]} ; statuts possibles : ${either(allowed.map(label))}.`;
  return `Une demande ${SUPPORT_STATUS_LABELS[from]} ne peut pas passer au statut ${label(to)} ; statuts possibles : ${either(allowed.map(label))}.`;
}

/** Refuses an illegal transition with BAD_USER_INPUT on `field`, naming the allowed ones. */
export function assertTransition(from: SupportStatus, to: SupportStatus, field: string): void {
  if (!TRANSITIONS[from].includes(to)) throw badInput(field, transitionRefusal(from, to));
}
