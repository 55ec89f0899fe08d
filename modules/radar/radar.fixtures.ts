import type { AnswerValue, GridDefinition, GridQuestion } from '../interview-grids/index.js';

/*
 * Answers to a grid for tests, benches and demo data: every scored question answered at its best (health 1)
 * or its worst (health 0) band or option, a mix in between (deterministic: question i is healthy when
 * (i · 0.618) mod 1 < health). Dates and texts are left unanswered.
 */
function pick(question: GridQuestion, healthy: boolean): AnswerValue | undefined {
  const better = (a: number, b: number) => (healthy ? a > b : a < b);
  if (question.options?.length) {
    const best = question.options.reduce((x, o) => (better(o.points, x.points) ? o : x));
    if (question.type === 'multipleChoice') return [best.code];
    if (question.type === 'scale0to4') return Number(best.code);
    return best.code;
  }
  switch (question.type) {
    case 'yesPartlyNo':
      return healthy ? 'yes' : 'no';
    case 'scale0to4':
      return healthy ? 4 : 0;
    case 'number':
    case 'money':
    case 'percentage': {
      const bands = question.thresholds ?? [];
      if (bands.length === 0) return undefined;
      const band = bands.reduce((x, b) => (better(b.points, x.points) ? b : x));
      if (band.min != null && band.max != null) return (band.min + band.max) / 2;
      if (band.min != null) return question.type === 'percentage' ? Math.min(100, band.min + 5) : band.min + 1;
      return Math.max(0, (band.max ?? 1) - 1);
    }
    default:
      return undefined;
  }
}

export function answersAt(grid: Pick<GridDefinition, 'questions'>, health: number): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  grid.questions.forEach((q, i) => {
    if (!(q.weight > 0)) return;
    const value = pick(q, (i * 0.618) % 1 < health);
    if (value !== undefined) out[q.code] = value;
  });
  return out;
}
