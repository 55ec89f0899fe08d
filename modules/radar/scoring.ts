import { scoreOf, type AnswerValue, type GridQuestion, type GridSection } from '../interview-grids/index.js';

/*
 * The radar's scores, from a grid and the answers of one interview (plain data: no database, no context).
 *
 * For each axis (a section of the grid):
 *   score    = 100 · Σ weight·points / Σ weight, over the axis's ANSWERED scored questions (points 0..1 from `scoreOf`);
 *   coverage = Σ weight of the answered scored questions / Σ weight of all its scored questions (0..1).
 * An axis nobody answered has score null and coverage 0: it is "not assessed", never "bad". A score read on a
 * coverage under MIN_RELIABLE_COVERAGE is shown but flagged partial and never raises the level (see level.ts).
 */

/** Under this share of its scored weight answered, an axis's score is partial: shown, flagged, never alarming. */
export const MIN_RELIABLE_COVERAGE = 0.5;

export interface AxisScore {
  /** The section's code (`hr`, `finances`…). */
  axis: string;
  /** The section's French label. */
  label: string;
  /** 0..100 rounded to one decimal, or null when no scored question of the axis is answered. */
  score: number | null;
  /** Share (0..1, rounded to three decimals) of the axis's scored weight that is answered. */
  coverage: number;
}

export interface ScoringGrid {
  sections: readonly GridSection[];
  questions: readonly GridQuestion[];
}

const round = (value: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

/** The score and coverage of every axis of the grid, in the sections' order. */
export function scoreAxes(grid: ScoringGrid, answers: Readonly<Record<string, AnswerValue>>): AxisScore[] {
  const sums = new Map<string, { total: number; answered: number; weighted: number }>();
  for (const section of grid.sections) sums.set(section.code, { total: 0, answered: 0, weighted: 0 });
  for (const question of grid.questions) {
    const sum = sums.get(question.sectionCode);
    if (!sum || !(question.weight > 0)) continue;
    sum.total += question.weight;
    const points = scoreOf(question, answers[question.code]);
    if (points === null) continue;
    sum.answered += question.weight;
    sum.weighted += question.weight * points;
  }
  return [...grid.sections]
    .sort((a, b) => a.order - b.order || a.code.localeCompare(b.code))
    .map((section) => {
      const sum = sums.get(section.code)!;
      return {
        axis: section.code,
        label: section.label,
        score: sum.answered > 0 ? round((100 * sum.weighted) / sum.answered, 1) : null,
        coverage: sum.total > 0 ? round(sum.answered / sum.total, 3) : 0,
      };
    });
}

/** True when the axis's score rests on enough answers to be read (and to raise an alert). */
export function isReliable(axis: Pick<AxisScore, 'score' | 'coverage'>): axis is { score: number; coverage: number } {
  return axis.score !== null && axis.coverage >= MIN_RELIABLE_COVERAGE;
}
