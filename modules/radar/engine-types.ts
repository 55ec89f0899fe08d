/*
 * TEMPORARY mirror of the shapes `interview-grids` exports (see /work/notes/grids-contract.md), so that the
 * radar's pure engine can be written and tested before that module reaches main. Replaced by imports from
 * '../interview-grids/index.js' as soon as it is merged; nothing outside modules/radar imports this file.
 */
export type QuestionType = 'yesPartlyNo' | 'scale0to4' | 'number' | 'money' | 'percentage' | 'date' | 'singleChoice' | 'multipleChoice' | 'text';
export type Confidentiality = 'shared' | 'partnerAndCommittee' | 'interviewerOnly';
export interface GridOption {
  code: string;
  label: string;
  points: number;
}
export interface GridThreshold {
  min?: number | null;
  max?: number | null;
  points: number;
}
export interface GridQuestion {
  code: string;
  sectionCode: string;
  label: string;
  help?: string | null;
  type: QuestionType;
  required: boolean;
  weight: number;
  options?: GridOption[] | null;
  thresholds?: GridThreshold[] | null;
  confidentiality: Confidentiality;
}
export interface GridSection {
  code: string;
  label: string;
  description?: string | null;
  order: number;
}
export interface GridRule {
  code: string;
  kind: 'risk' | 'margin';
  severity: 'info' | 'watch' | 'high' | 'critical';
  sectionCode: string;
  label: string;
  explanation: string;
  condition: unknown;
}
export type AnswerValue = boolean | number | string | string[] | null;

const YES_PARTLY_NO: Record<string, number> = { yes: 1, partly: 0.5, no: 0 };

/** Score of one answer, 0..1, or null when unanswered or not scored (mirror of the contract's `scoreOf`). */
export function scoreOf(question: GridQuestion, value: AnswerValue | null | undefined): number | null {
  if (question.weight <= 0 || value === null || value === undefined || value === '') return null;
  switch (question.type) {
    case 'yesPartlyNo':
      return typeof value === 'string' && value in YES_PARTLY_NO ? YES_PARTLY_NO[value]! : null;
    case 'scale0to4':
      return typeof value === 'number' ? Math.min(Math.max(value, 0), 4) / 4 : null;
    case 'singleChoice':
      return question.options?.find((o) => o.code === value)?.points ?? null;
    case 'multipleChoice': {
      if (!Array.isArray(value)) return null;
      const sum = value.reduce((s, code) => s + (question.options?.find((o) => o.code === code)?.points ?? 0), 0);
      return Math.min(sum, 1);
    }
    case 'number':
    case 'money':
    case 'percentage': {
      if (typeof value !== 'number') return null;
      const hit = question.thresholds?.find((t) => (t.min == null || value >= t.min) && (t.max == null || value < t.max));
      return hit ? hit.points : null;
    }
    default:
      return null;
  }
}
