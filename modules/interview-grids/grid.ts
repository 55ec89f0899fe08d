/**
 * The interview grid as data: what a grid version holds (sections, questions, rules), how one answer
 * scores, and how an answer is checked against its question's type. Pure functions, no database: the
 * radar module scores with the same `scoreOf` as this module's tests.
 */

/** How a question is answered. */
export type QuestionType = 'yesPartlyNo' | 'scale0to4' | 'number' | 'money' | 'percentage' | 'date' | 'singleChoice' | 'multipleChoice' | 'text';

/** Who may read the answers to a question. */
export type Confidentiality = 'shared' | 'partnerAndCommittee' | 'interviewerOnly';

/** One option of a choice; `points` is the share of the question's weight it earns (0..1). */
export interface GridOption {
  code: string;
  label: string;
  points: number;
}

/** A band of a numeric answer: `min <= value < max` (an open end when null or absent) earns `points` (0..1). */
export interface GridThreshold {
  min?: number | null;
  max?: number | null;
  points: number;
}

/**
 * One question. `weight` 0 means not scored (free text, dates, context figures). Scoring:
 * - yesPartlyNo: yes 1, partly 0.5, no 0, unless `options` (codes yes, partly, no) say otherwise (a question
 *   where « oui » is bad news, e.g. arrears);
 * - scale0to4: value / 4, unless `options` (codes '0'…'4') say otherwise;
 * - singleChoice: the option's points; multipleChoice: the sum of the chosen options' points, capped to 1;
 * - number, money (euros), percentage (0…100): the points of the first threshold the value falls in;
 * - date, text: never scored.
 */
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

/** A section of the grid: one axis of the radar. */
export interface GridSection {
  code: string;
  label: string;
  description?: string | null;
  order: number;
}

/** A risk or a margin for manoeuvre, stored with the grid version and evaluated by the radar. */
export interface GridRule {
  code: string;
  kind: 'risk' | 'margin';
  severity: 'info' | 'watch' | 'high' | 'critical';
  sectionCode: string;
  /** French. */
  label: string;
  /** French; may cite answers as {{question_code}}. */
  explanation: string;
  /** JSON Logic over {"<question_code>": value}. */
  condition: unknown;
}

/** A whole grid: what a grid version stores as its definition. */
export interface GridDefinition {
  code: string;
  version: number;
  title: string;
  sections: GridSection[];
  questions: GridQuestion[];
  rules: GridRule[];
}

/** An answer: yesPartlyNo 'yes'|'partly'|'no'; scale 0..4; date 'YYYY-MM-DD'; percentage 0..100; money in euros. */
export type AnswerValue = boolean | number | string | string[] | null;

export const QUESTION_TYPES: readonly QuestionType[] = ['yesPartlyNo', 'scale0to4', 'number', 'money', 'percentage', 'date', 'singleChoice', 'multipleChoice', 'text'];
export const CONFIDENTIALITIES: readonly Confidentiality[] = ['shared', 'partnerAndCommittee', 'interviewerOnly'];

/** Longest free-text answer. */
export const ANSWER_TEXT_MAX = 4000;

const YES_PARTLY_NO: Readonly<Record<string, number>> = { yes: 1, partly: 0.5, no: 0 };

const clamp01 = (n: number): number => (n < 0 ? 0 : n > 1 ? 1 : n);

function optionPoints(question: GridQuestion, code: string): number | null {
  const option = question.options?.find((o) => o.code === code);
  return option ? clamp01(option.points) : null;
}

/** Score of one answer, 0..1, or null when unanswered or not scored. */
export function scoreOf(question: GridQuestion, value: AnswerValue | null | undefined): number | null {
  if (value === null || value === undefined || !(question.weight > 0)) return null;
  switch (question.type) {
    case 'yesPartlyNo': {
      if (typeof value !== 'string' || !Object.hasOwn(YES_PARTLY_NO, value)) return null;
      return question.options?.length ? optionPoints(question, value) : YES_PARTLY_NO[value]!;
    }
    case 'scale0to4': {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 4) return null;
      return question.options?.length ? optionPoints(question, String(value)) : value / 4;
    }
    case 'singleChoice':
      return typeof value === 'string' ? optionPoints(question, value) : null;
    case 'multipleChoice': {
      if (!Array.isArray(value)) return null;
      let sum = 0;
      for (const code of new Set(value)) sum += optionPoints(question, code) ?? 0;
      return clamp01(sum);
    }
    case 'number':
    case 'money':
    case 'percentage': {
      if (typeof value !== 'number' || !Number.isFinite(value) || !question.thresholds?.length) return null;
      const band = question.thresholds.find((t) => (t.min === null || t.min === undefined || value >= t.min) && (t.max === null || t.max === undefined || value < t.max));
      return band ? clamp01(band.points) : null;
    }
    default:
      return null; // date, text
  }
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/**
 * Why `value` does not fit `question` (a French sentence), or null when it does. Null is always accepted
 * here (an unanswered question); whether it is required is checked on completion.
 */
export function answerProblem(question: GridQuestion, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  switch (question.type) {
    case 'yesPartlyNo':
      return typeof value === 'string' && Object.hasOwn(YES_PARTLY_NO, value) ? null : 'La réponse doit être « oui », « en partie » ou « non » (yes, partly, no).';
    case 'scale0to4':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 4 ? null : 'La réponse doit être un entier de 0 à 4.';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= 1e12 ? null : 'La réponse doit être un nombre.';
    case 'money':
      return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= 1e12 ? null : 'La réponse doit être un montant en euros.';
    case 'percentage':
      return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100 ? null : 'La réponse doit être un pourcentage de 0 à 100.';
    case 'date':
      return typeof value === 'string' && isDate(value) ? null : 'La réponse doit être une date AAAA-MM-JJ.';
    case 'singleChoice':
      return typeof value === 'string' && question.options?.some((o) => o.code === value) ? null : `La réponse doit être l'un des choix : ${(question.options ?? []).map((o) => o.code).join(', ')}.`;
    case 'multipleChoice': {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return 'La réponse doit être une liste de choix.';
      const unknown = value.filter((v) => !question.options?.some((o) => o.code === v));
      if (unknown.length) return `Choix inconnus : ${unknown.join(', ')}.`;
      return new Set(value).size === value.length ? null : 'Un choix est donné deux fois.';
    }
    case 'text':
      if (typeof value !== 'string') return 'La réponse doit être un texte.';
      return value.length <= ANSWER_TEXT_MAX ? null : `La réponse est limitée à ${ANSWER_TEXT_MAX} caractères.`;
  }
}

/** True when the answer counts as given: not null nor a blank text (an empty list says « none of them »). */
export function isAnswered(value: AnswerValue | null | undefined): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  return true;
}
