import { LogicEngine } from 'json-logic-engine';
import type { AnswerValue, Confidentiality, GridQuestion, GridRule } from '../interview-grids/index.js';

/*
 * The grid's rules, evaluated on the answers of one interview (plain data). A rule's condition is JSON Logic
 * over {"<question_code>": value}, run by json-logic-engine's interpreter (`run`: never `build`, which compiles
 * through eval). Each rule that fires becomes a signal: a risk or a margin of progress, its severity, its axis,
 * and a French explanation citing the values of the answers it rests on.
 */

export type SignalKind = 'risk' | 'margin';
export type SignalSeverity = 'info' | 'watch' | 'high' | 'critical';

export interface RadarSignal {
  /** The rule's code. */
  code: string;
  kind: SignalKind;
  severity: SignalSeverity;
  /** The section (axis) it concerns. */
  axis: string;
  /** Short French title (the rule's label). */
  label: string;
  /** French sentence citing the answers' values ("financements publics : 78 % des produits"). */
  explanation: string;
  /** Codes of the questions the rule reads (its condition and its explanation). */
  questions: string[];
  /** The most restrictive confidentiality among those questions: who may read the explanation. */
  confidentiality: Confidentiality;
}

export interface RuleProblem {
  rule: string;
  message: string;
}

export interface RuleGrid {
  questions: readonly GridQuestion[];
  rules: readonly GridRule[];
}

const engine = new LogicEngine();

const RESTRICTION: Record<Confidentiality, number> = { shared: 0, partnerAndCommittee: 1, interviewerOnly: 2 };

/** The more restrictive of two confidentiality levels. */
export function stricter(a: Confidentiality, b: Confidentiality): Confidentiality {
  return RESTRICTION[b] > RESTRICTION[a] ? b : a;
}

/** The question codes a JSON Logic condition reads (`{"var": "code"}`, `{"var": ["code", default]}`, `missing`). */
export function conditionVariables(condition: unknown): string[] {
  const found = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    for (const [op, arg] of Object.entries(node as Record<string, unknown>)) {
      if (op === 'var') {
        const name: unknown = Array.isArray(arg) ? (arg as unknown[])[0] : arg;
        if (typeof name === 'string' && name !== '') found.add(name.split('.')[0]!);
        else walk(arg);
      } else if (op === 'missing' || op === 'missing_some') {
        const names: unknown = op === 'missing_some' && Array.isArray(arg) ? (arg as unknown[])[1] : arg;
        (Array.isArray(names) ? names : [names]).forEach((n) => (typeof n === 'string' ? found.add(n) : walk(n)));
      } else walk(arg);
    }
  };
  walk(condition);
  return [...found];
}

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}/g;

const numberFr = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
const moneyFr = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const YES_PARTLY_NO_FR: Record<string, string> = { yes: 'oui', partly: 'en partie', no: 'non' };

/**
 * An answer as a French reader expects it: "78 %", "12 500 €", "oui", "15/03/2024", option labels. Without
 * `units` (inside an explanation, whose text writes "{{code}} %" itself) numbers come bare: "78", "12 500".
 */
export function formatAnswer(question: GridQuestion | undefined, value: AnswerValue | undefined, units = true): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return 'non renseigné';
  const optionLabel = (code: string): string => question?.options?.find((o) => o.code === code)?.label ?? code;
  switch (question?.type) {
    case 'percentage':
      return typeof value === 'number' ? `${numberFr.format(value)}${units ? '\u00a0%' : ''}` : String(value);
    case 'money':
      return typeof value === 'number' ? `${moneyFr.format(value)}${units ? '\u00a0€' : ''}` : String(value);
    case 'number':
      return typeof value === 'number' ? numberFr.format(value) : String(value);
    case 'scale0to4':
      return typeof value === 'number' ? `${numberFr.format(value)}${units ? '/4' : ''}` : String(value);
    case 'yesPartlyNo':
      return typeof value === 'string' ? (Object.hasOwn(YES_PARTLY_NO_FR, value) ? YES_PARTLY_NO_FR[value]! : value) : String(value);
    case 'date': {
      const m = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
      return m ? `${m[3]}/${m[2]}/${m[1]}` : String(value);
    }
    case 'singleChoice':
      return typeof value === 'string' ? optionLabel(value) : String(value);
    case 'multipleChoice':
      return Array.isArray(value) ? value.map(optionLabel).join(', ') : String(value);
    default:
      if (typeof value === 'boolean') return value ? 'oui' : 'non';
      if (typeof value === 'number') return numberFr.format(value);
      return Array.isArray(value) ? value.join(', ') : value;
  }
}

/** Lower-cases the first letter of a French label to cite it inside a sentence. */
const inSentence = (label: string): string => (/^[A-ZÀ-Ý][a-zà-ÿ]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label);

/**
 * The rule's French explanation with its `{{question_code}}` replaced by the formatted answers (bare numbers: the
 * text carries its units, "{{fin_public_funding_share}} % des produits"). When it cites
 * no answer, the values of the questions its condition reads are appended ("… (part des financements publics : 78 %)").
 */
export function explain(
  rule: GridRule,
  byCode: ReadonlyMap<string, GridQuestion>,
  answers: Readonly<Record<string, AnswerValue>>,
  conditionCodes: readonly string[],
): { text: string; cited: string[] } {
  const cited: string[] = [];
  let text = rule.explanation.replace(PLACEHOLDER, (_m, code: string) => {
    cited.push(code);
    return formatAnswer(byCode.get(code), answers[code], false);
  });
  if (cited.length === 0 && conditionCodes.length > 0) {
    const values = conditionCodes.map((code) => `${inSentence(byCode.get(code)?.label ?? code)} : ${formatAnswer(byCode.get(code), answers[code])}`);
    text = `${text.replace(/[.\s]+$/, '')} (${values.join(' ; ')}).`;
  }
  return { text, cited };
}

/**
 * Evaluates every rule on the answers; returns the signals of those that fire (in the rules' order) and the
 * problems of those that cannot be evaluated (an unknown operator…), which fire nothing.
 */
export function evaluateRules(grid: RuleGrid, answers: Readonly<Record<string, AnswerValue>>): { signals: RadarSignal[]; problems: RuleProblem[] } {
  const byCode = new Map(grid.questions.map((q) => [q.code, q]));
  const data: Record<string, AnswerValue> = {};
  for (const [code, value] of Object.entries(answers)) if (value !== undefined) data[code] = value;
  const signals: RadarSignal[] = [];
  const problems: RuleProblem[] = [];
  for (const rule of grid.rules) {
    let fired: unknown;
    try {
      fired = engine.run(rule.condition as object, data);
    } catch (error) {
      problems.push({ rule: rule.code, message: error instanceof Error && error.message ? error.message : 'condition illisible' });
      continue;
    }
    if (!engine.truthy(fired)) continue;
    const conditionCodes = conditionVariables(rule.condition);
    const { text, cited } = explain(rule, byCode, answers, conditionCodes);
    const questions = [...new Set([...conditionCodes, ...cited])];
    const confidentiality = questions.reduce<Confidentiality>((c, code) => stricter(c, byCode.get(code)?.confidentiality ?? 'shared'), 'shared');
    signals.push({ code: rule.code, kind: rule.kind, severity: rule.severity, axis: rule.sectionCode, label: rule.label, explanation: text, questions, confidentiality });
  }
  return { signals, problems };
}
