/**
 * Checks a whole grid definition (sections, questions, rules) before a draft is saved or published:
 * every problem at once, each with its field (`definition.questions.4.options`) and a French message.
 */
import { CONFIDENTIALITIES, QUESTION_TYPES, type GridDefinition, type GridQuestion } from './grid.js';
import { ruleProblems, type RuleProblem } from './grid-rules.js';

export const QUESTION_CODE = /^[a-z][a-zA-Z0-9_]{0,59}$/;
export const MAX_QUESTIONS = 300;
export const MAX_SECTIONS = 20;
const LABEL_MAX = 500;
const HELP_MAX = 2000;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.trim().length > 0 && v.length <= max;
const isPoints = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1;
const isBound = (v: unknown) => v === null || v === undefined || (typeof v === 'number' && Number.isFinite(v));

function questionProblems(question: Record<string, unknown>, at: string, sections: Set<string>): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const p = (field: string, message: string) => problems.push({ field: `${at}.${field}`, message });
  if (typeof question.code !== 'string' || !QUESTION_CODE.test(question.code)) p('code', 'Le code commence par une minuscule et ne compte que des lettres, chiffres et « _ » (60 au plus).');
  if (typeof question.sectionCode !== 'string' || !sections.has(question.sectionCode)) p('sectionCode', 'La rubrique de la question n’existe pas dans la grille.');
  if (!isText(question.label, LABEL_MAX)) p('label', `L’intitulé doit compter de 1 à ${LABEL_MAX} caractères.`);
  if (question.help != null && (typeof question.help !== 'string' || question.help.length > HELP_MAX)) p('help', `L’aide est un texte de ${HELP_MAX} caractères au plus.`);
  if (!QUESTION_TYPES.includes(question.type as never)) p('type', `Le type doit être l’un de : ${QUESTION_TYPES.join(', ')}.`);
  if (typeof question.required !== 'boolean') p('required', 'Indiquez si la question est obligatoire (true ou false).');
  if (typeof question.weight !== 'number' || !Number.isFinite(question.weight) || question.weight < 0 || question.weight > 100) p('weight', 'Le poids est un nombre de 0 à 100.');
  if (!CONFIDENTIALITIES.includes(question.confidentiality as never)) p('confidentiality', `La confidentialité doit être l’une de : ${CONFIDENTIALITIES.join(', ')}.`);
  const type = question.type as GridQuestion['type'];
  const options = question.options;
  if (options != null) {
    if (!Array.isArray(options) || options.some((o) => !isObject(o) || typeof o.code !== 'string' || !o.code || o.code.length > 60 || !isText(o.label, 200) || !isPoints(o.points))) {
      p('options', 'Chaque choix a un code (60 caractères au plus), un intitulé et des points de 0 à 1.');
    } else if (new Set(options.map((o) => (o as { code: string }).code)).size !== options.length) p('options', 'Deux choix ont le même code.');
    else if (type === 'yesPartlyNo' && options.some((o) => !['yes', 'partly', 'no'].includes((o as { code: string }).code)))
      p('options', 'Les choix d’une question oui / en partie / non ont pour codes yes, partly et no.');
    else if (type === 'scale0to4' && options.some((o) => !['0', '1', '2', '3', '4'].includes((o as { code: string }).code))) p('options', 'Les choix d’une échelle ont pour codes 0 à 4.');
  }
  if ((type === 'singleChoice' || type === 'multipleChoice') && (!Array.isArray(options) || options.length < 2)) p('options', 'Une question à choix propose au moins deux choix.');
  const thresholds = question.thresholds;
  if (thresholds != null && (!Array.isArray(thresholds) || thresholds.some((t) => !isObject(t) || !isBound(t.min) || !isBound(t.max) || !isPoints(t.points)))) {
    p('thresholds', 'Chaque seuil a un minimum et un maximum (nombres ou null) et des points de 0 à 1.');
  }
  if (['number', 'money', 'percentage'].includes(type) && typeof question.weight === 'number' && question.weight > 0 && (!Array.isArray(thresholds) || thresholds.length === 0)) {
    p('thresholds', 'Une question chiffrée comptée dans le score a des seuils.');
  }
  return problems;
}

/** Every problem of `definition` (empty when it may be saved or published). */
export function definitionProblems(definition: unknown, path = 'definition'): RuleProblem[] {
  if (!isObject(definition)) return [{ field: path, message: 'La grille doit être un objet (title, sections, questions, rules).' }];
  const problems: RuleProblem[] = [];
  if (!isText(definition.title, 200)) problems.push({ field: `${path}.title`, message: 'Le titre doit compter de 1 à 200 caractères.' });
  const sections = Array.isArray(definition.sections) ? (definition.sections as unknown[]) : null;
  const sectionCodes = new Set<string>();
  if (!sections || sections.length === 0 || sections.length > MAX_SECTIONS) problems.push({ field: `${path}.sections`, message: `Une grille compte de 1 à ${MAX_SECTIONS} rubriques.` });
  else
    sections.forEach((s, i) => {
      const at = `${path}.sections.${i}`;
      if (!isObject(s) || typeof s.code !== 'string' || !QUESTION_CODE.test(s.code))
        problems.push({ field: `${at}.code`, message: 'Le code d’une rubrique commence par une minuscule (lettres, chiffres, « _ »).' });
      else if (sectionCodes.has(s.code)) problems.push({ field: `${at}.code`, message: `La rubrique « ${s.code} » est donnée deux fois.` });
      else sectionCodes.add(s.code);
      if (!isObject(s) || !isText(s.label, 200)) problems.push({ field: `${at}.label`, message: 'L’intitulé d’une rubrique compte de 1 à 200 caractères.' });
      if (!isObject(s) || typeof s.order !== 'number' || !Number.isInteger(s.order)) problems.push({ field: `${at}.order`, message: 'La position d’une rubrique est un entier.' });
    });
  const questions = Array.isArray(definition.questions) ? (definition.questions as unknown[]) : null;
  if (!questions || questions.length === 0 || questions.length > MAX_QUESTIONS) problems.push({ field: `${path}.questions`, message: `Une grille compte de 1 à ${MAX_QUESTIONS} questions.` });
  else {
    const seen = new Set<string>();
    questions.forEach((q, i) => {
      if (!isObject(q)) return void problems.push({ field: `${path}.questions.${i}`, message: 'Une question est un objet.' });
      problems.push(...questionProblems(q, `${path}.questions.${i}`, sectionCodes));
      if (typeof q.code === 'string') {
        if (seen.has(q.code)) problems.push({ field: `${path}.questions.${i}.code`, message: `Le code « ${q.code} » est donné à deux questions.` });
        seen.add(q.code);
      }
    });
  }
  if (problems.length === 0) {
    const grid = definition as unknown as GridDefinition;
    if (!Array.isArray(definition.rules)) problems.push({ field: `${path}.rules`, message: 'Les règles sont une liste (éventuellement vide).' });
    else problems.push(...ruleProblems(grid, grid.rules, `${path}.rules`));
  }
  return problems;
}
