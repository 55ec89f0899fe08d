/**
 * The rules of a grid (risks and margins for manoeuvre) as JSON Logic over the answers: checking them
 * before they are stored (every cited question exists, the logic compiles, codes and labels are sound)
 * and evaluating them. Evaluation uses one shared engine with the standard operators; it has no access to
 * anything but the answers it is given.
 */
import { LogicEngine } from 'json-logic-engine';
import type { AnswerValue, GridDefinition, GridRule } from './grid.js';

const engine = new LogicEngine(undefined, { maxDepth: 64, maxArrayLength: 1000, maxStringLength: 10_000 });

export const RULE_KINDS: readonly GridRule['kind'][] = ['risk', 'margin'];
export const RULE_SEVERITIES: readonly GridRule['severity'][] = ['info', 'watch', 'high', 'critical'];
export const RULE_CODE = /^[a-z][a-zA-Z0-9_]{0,59}$/;
export const RULE_LABEL_MAX = 200;
export const RULE_EXPLANATION_MAX = 1000;
export const MAX_RULES = 200;
/** A condition's bounds: nesting levels and elements (operators, arguments, values); the default grid's deepest has 8 levels, its largest 26 elements. */
export const RULE_CONDITION_MAX = { depth: 32, nodes: 1000 } as const;

/** The problem of a condition too deep or too large (read without recursion: any depth is safe), or null. */
function conditionSizeProblem(logic: unknown): string | null {
  const stack: [unknown, number][] = [[logic, 1]];
  let nodes = 0;
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > RULE_CONDITION_MAX.depth) return `La condition est trop imbriquée : ${RULE_CONDITION_MAX.depth} niveaux au plus.`;
    if (++nodes > RULE_CONDITION_MAX.nodes) return `La condition est trop longue : ${RULE_CONDITION_MAX.nodes} éléments au plus.`;
    if (node !== null && typeof node === 'object') for (const child of Object.values(node as object)) stack.push([child, depth + 1]);
  }
  return null;
}

/** One problem of a rule set: the path of the field (as `rules.3.condition`) and a French message. */
export interface RuleProblem {
  field: string;
  message: string;
}

/** The question codes a JSON Logic expression reads (`var` and `missing`/`missing_some` names). */
export function citedCodes(logic: unknown): string[] {
  const out = new Set<string>();
  const walk = (node: unknown, depth: number): void => {
    if (depth > 64 || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) walk(item, depth + 1);
      return;
    }
    for (const [op, args] of Object.entries(node as Record<string, unknown>)) {
      if (op === 'var') {
        const name: unknown = Array.isArray(args) ? (args as unknown[])[0] : args;
        if (typeof name === 'string' || typeof name === 'number') out.add(String(name));
        else walk(args, depth + 1);
      } else if (op === 'missing') {
        for (const name of Array.isArray(args) ? args : [args]) if (typeof name === 'string') out.add(name);
        walk(args, depth + 1);
      } else if (op === 'missing_some' && Array.isArray(args) && Array.isArray(args[1])) {
        for (const name of args[1] as unknown[]) if (typeof name === 'string') out.add(name);
      } else walk(args, depth + 1);
    }
  };
  walk(logic, 0);
  return [...out];
}

/** Every problem of `rules` against the questions of `grid` (empty when they may be stored). */
export function ruleProblems(grid: Pick<GridDefinition, 'questions' | 'sections'>, rules: readonly GridRule[], path = 'rules'): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const codes = new Set(grid.questions.map((question) => question.code));
  const sections = new Set(grid.sections.map((section) => section.code));
  if (rules.length > MAX_RULES) problems.push({ field: path, message: `Une grille compte au plus ${MAX_RULES} règles.` });
  const seen = new Set<string>();
  rules.forEach((rule, i) => {
    const at = `${path}.${i}`;
    if (!RULE_CODE.test(rule.code)) problems.push({ field: `${at}.code`, message: 'Le code d’une règle commence par une minuscule et ne compte que des lettres, chiffres et « _ » (60 au plus).' });
    else if (seen.has(rule.code)) problems.push({ field: `${at}.code`, message: `Le code « ${rule.code} » est donné à deux règles.` });
    seen.add(rule.code);
    if (!RULE_KINDS.includes(rule.kind)) problems.push({ field: `${at}.kind`, message: 'Une règle est un risque (risk) ou une marge de manœuvre (margin).' });
    if (!RULE_SEVERITIES.includes(rule.severity)) problems.push({ field: `${at}.severity`, message: 'Le niveau est info, watch, high ou critical.' });
    if (!sections.has(rule.sectionCode)) problems.push({ field: `${at}.sectionCode`, message: `La rubrique « ${rule.sectionCode} » n’existe pas dans cette grille.` });
    if (!rule.label?.trim() || rule.label.length > RULE_LABEL_MAX) problems.push({ field: `${at}.label`, message: `L’intitulé doit compter de 1 à ${RULE_LABEL_MAX} caractères.` });
    if (!rule.explanation?.trim() || rule.explanation.length > RULE_EXPLANATION_MAX)
      problems.push({ field: `${at}.explanation`, message: `L’explication doit compter de 1 à ${RULE_EXPLANATION_MAX} caractères.` });
    else {
      const unknown = [...rule.explanation.matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)].map((m) => m[1]!).filter((code) => !codes.has(code));
      if (unknown.length) problems.push({ field: `${at}.explanation`, message: `L’explication cite des questions inconnues : ${[...new Set(unknown)].join(', ')}.` });
    }
    if (rule.condition === null || typeof rule.condition !== 'object') {
      problems.push({ field: `${at}.condition`, message: 'La condition doit être une expression JSON Logic (un objet).' });
      return;
    }
    const tooBig = conditionSizeProblem(rule.condition);
    if (tooBig) {
      problems.push({ field: `${at}.condition`, message: tooBig });
      return;
    }
    const unknown = citedCodes(rule.condition).filter((code) => !codes.has(code));
    if (unknown.length) {
      problems.push({ field: `${at}.condition`, message: `La condition cite des questions inconnues : ${unknown.join(', ')}.` });
      return;
    }
    if (citedCodes(rule.condition).length === 0) problems.push({ field: `${at}.condition`, message: 'La condition doit porter sur au moins une réponse (« var »).' });
    try {
      engine.build(rule.condition);
      engine.run(rule.condition, {});
    } catch (error) {
      problems.push({ field: `${at}.condition`, message: `Expression JSON Logic invalide : ${logicError(error)}.` });
    }
  });
  return problems;
}

function logicError(error: unknown): string {
  if (error instanceof Error) return error.message.slice(0, 200);
  const e = error as { type?: unknown; key?: unknown } | null;
  if (e && e.type === 'Unknown Operator' && typeof e.key === 'string') return `opérateur inconnu « ${e.key.slice(0, 60)} »`;
  return 'refusée';
}

/** True when `rule` holds for these answers (an error in evaluation counts as false). */
export function ruleHolds(rule: Pick<GridRule, 'condition'>, answers: Readonly<Record<string, AnswerValue>>): boolean {
  try {
    return Boolean(engine.truthy(engine.run(rule.condition, answers)));
  } catch {
    return false;
  }
}

/** The explanation with {{question_code}} replaced by the answers (French numbers; « non renseigné » when missing). */
export function explain(rule: Pick<GridRule, 'explanation'>, answers: Readonly<Record<string, AnswerValue>>): string {
  return rule.explanation.replace(/\{\{\s*([^}\s]+)\s*\}\}/g, (_, code: string) => {
    const value = answers[code];
    if (value === null || value === undefined) return 'non renseigné';
    if (typeof value === 'number') return value.toLocaleString('fr-FR', { maximumFractionDigits: 2 }).replace(/\u202f/g, ' ');
    if (Array.isArray(value)) return value.join(', ');
    return String(value);
  });
}
