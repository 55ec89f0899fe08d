import { isReliable, type AxisScore } from './scoring.js';
import type { RadarSignal } from './rules.js';

/*
 * The radar's overall level and its trend against the previous radar of the same organization.
 *
 * Level (only RISK signals count; margins are levers, info signals are notes; an axis counts only when its
 * score is reliable, coverage ≥ 50 %, so an unanswered axis never raises the level):
 *   critical  ≥ 1 critical risk, or ≥ 3 high risks;
 *   high      2 high risks, or 1 high risk with ≥ 2 watch risks, or a reliable axis under 25/100;
 *   watch     1 high risk, or ≥ 1 watch risk, or a reliable axis under 50/100;
 *   low       otherwise.
 */

export type RadarLevel = 'low' | 'watch' | 'high' | 'critical';

export const RADAR_LEVELS: readonly RadarLevel[] = ['low', 'watch', 'high', 'critical'];

export const LEVEL_LABELS: Record<RadarLevel, string> = { low: 'faible', watch: 'à surveiller', high: 'élevé', critical: 'critique' };

/** Under this reliable score an axis makes the level at least "high". */
export const AXIS_ALARM = 25;
/** Under this reliable score an axis makes the level at least "watch". */
export const AXIS_WATCH = 50;

export function overallLevel(axes: readonly Pick<AxisScore, 'score' | 'coverage'>[], signals: readonly Pick<RadarSignal, 'kind' | 'severity'>[]): RadarLevel {
  const risks = signals.filter((s) => s.kind === 'risk');
  const count = (severity: RadarSignal['severity']): number => risks.filter((s) => s.severity === severity).length;
  const critical = count('critical');
  const high = count('high');
  const watch = count('watch');
  const reliable = axes.filter(isReliable).map((a) => a.score);
  const lowest = reliable.length > 0 ? Math.min(...reliable) : null;
  if (critical >= 1 || high >= 3) return 'critical';
  if (high >= 2 || (high === 1 && watch >= 2) || (lowest !== null && lowest < AXIS_ALARM)) return 'high';
  if (high === 1 || watch >= 1 || (lowest !== null && lowest < AXIS_WATCH)) return 'watch';
  return 'low';
}

export interface AxisTrend {
  axis: string;
  label: string;
  score: number | null;
  previousScore: number | null;
  /** score − previousScore (one decimal), null when either is not assessed. */
  delta: number | null;
}

export interface RadarTrend {
  axes: AxisTrend[];
  /** Codes of the signals of the current radar absent from the previous one. */
  newSignals: string[];
  /** Codes of the signals of the previous radar absent from the current one. */
  resolvedSignals: string[];
  level: RadarLevel;
  previousLevel: RadarLevel;
}

interface RadarShape {
  axes: readonly AxisScore[];
  signals: readonly Pick<RadarSignal, 'code'>[];
  level: RadarLevel;
}

/** What changed between the previous radar and the current one (axes matched by code; the current grid's order). */
export function compareRadars(current: RadarShape, previous: RadarShape): RadarTrend {
  const before = new Map(previous.axes.map((a) => [a.axis, a]));
  const axes = current.axes.map((a) => {
    const p = before.get(a.axis)?.score ?? null;
    return { axis: a.axis, label: a.label, score: a.score, previousScore: p, delta: a.score !== null && p !== null ? Math.round((a.score - p) * 10) / 10 : null };
  });
  const now = new Set(current.signals.map((s) => s.code));
  const then = new Set(previous.signals.map((s) => s.code));
  return {
    axes,
    newSignals: [...now].filter((c) => !then.has(c)),
    resolvedSignals: [...then].filter((c) => !now.has(c)),
    level: current.level,
    previousLevel: previous.level,
  };
}
