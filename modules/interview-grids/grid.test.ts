import { describe, expect, it } from 'vitest';
import { answerProblem, scoreOf, type GridQuestion } from './grid.js';
import { DEFAULT_GRID } from './default-grid.js';
import { citedCodes, explain, ruleHolds, ruleProblems, RULE_CONDITION_MAX } from './grid-rules.js';
import { demoAnswers } from './interview.demo.js';
import { createRandom } from '../../server/kit/index.js';
import { LegalForm, Stage } from '../organizations/index.js';

const base = { sectionCode: 's', label: 'Q', required: false, weight: 1, confidentiality: 'shared' as const };
const question = (over: Partial<GridQuestion>): GridQuestion => ({ code: 'q', type: 'text', ...base, ...over });
const byCode = (code: string) => DEFAULT_GRID.questions.find((q) => q.code === code)!;

describe('scoreOf', () => {
  it('scores yes / partly / no as 1, 0.5, 0, or by the options when « oui » is bad news', () => {
    const plain = question({ type: 'yesPartlyNo' });
    expect([scoreOf(plain, 'yes'), scoreOf(plain, 'partly'), scoreOf(plain, 'no')]).toEqual([1, 0.5, 0]);
    const arrears = byCode('fin_arrears'); // yes 0, partly 0.3, no 1
    expect([scoreOf(arrears, 'yes'), scoreOf(arrears, 'partly'), scoreOf(arrears, 'no')]).toEqual([0, 0.3, 1]);
    expect(scoreOf(plain, 'peut-être')).toBeNull();
    expect(scoreOf(plain, true)).toBeNull();
  });

  it('scores a 0–4 scale as value / 4', () => {
    const scale = question({ type: 'scale0to4' });
    expect([0, 1, 2, 3, 4].map((v) => scoreOf(scale, v))).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(scoreOf(scale, 5)).toBeNull();
    expect(scoreOf(scale, 2.5)).toBeNull();
  });

  it('scores a single choice by its option and a multiple choice by the sum, capped to 1', () => {
    const evidence = byCode('su_evidence'); // none 0, informal 0.3, indicators 0.7, evaluation 1
    expect(scoreOf(evidence, 'informal')).toBe(0.3);
    expect(scoreOf(evidence, 'evaluation')).toBe(1);
    expect(scoreOf(evidence, 'inconnu')).toBeNull();
    const multiple = question({
      type: 'multipleChoice',
      options: [
        { code: 'a', label: 'A', points: 0.25 },
        { code: 'b', label: 'B', points: 0.5 },
        { code: 'c', label: 'C', points: 0.75 },
      ],
    });
    expect(scoreOf(multiple, ['a', 'b'])).toBe(0.75);
    expect(scoreOf(multiple, ['b', 'c'])).toBe(1); // 1.25 capped
    expect(scoreOf(multiple, ['a', 'a'])).toBe(0.25); // a choice counts once
    expect(scoreOf(multiple, [])).toBe(0);
  });

  it('scores numbers by the band min <= v < max', () => {
    const cash = byCode('fin_cash_months'); // < 1: 0; [1, 3): 0.3; [3, 6): 0.7; >= 6: 1
    expect([0.5, 1, 2.9, 3, 5.99, 6, 24].map((v) => scoreOf(cash, v))).toEqual([0, 0.3, 0.3, 0.7, 0.7, 1, 1]);
    const publicShare = byCode('fin_public_funding_share'); // < 30: 1; [30,50): .7; [50,70): .4; [70,80): .15; >= 80: 0
    expect([0, 29.9, 30, 55, 70, 79, 80, 100].map((v) => scoreOf(publicShare, v))).toEqual([1, 1, 0.7, 0.4, 0.15, 0.15, 0, 0]);
    const equityRatio = byCode('fin_equity_ratio'); // < 0: 0; [0,10): .3; [10,25): .7; >= 25: 1
    expect([-5, 0, 9, 10, 30].map((v) => scoreOf(equityRatio, v))).toEqual([0, 0.3, 0.3, 0.7, 1]);
    expect(scoreOf(cash, '3')).toBeNull();
    expect(scoreOf(question({ type: 'number', thresholds: [{ min: 0, max: 10, points: 1 }] }), 11)).toBeNull(); // outside every band
  });

  it('gives null for unanswered, unscored (weight 0) and never-scored types', () => {
    expect(scoreOf(byCode('fin_cash_months'), null)).toBeNull();
    expect(scoreOf(byCode('fin_cash_months'), undefined)).toBeNull();
    expect(scoreOf(byCode('hr_headcount'), 12)).toBeNull(); // weight 0
    expect(scoreOf(question({ type: 'date' }), '2012-05-01')).toBeNull();
    expect(scoreOf(question({ type: 'text' }), 'texte')).toBeNull();
  });

  it('weighted section score by hand: finances of a fragile association', () => {
    const answers: Record<string, number | string> = {
      fin_public_funding_share: 85, // 0 × 3
      fin_cash_months: 1.5, // 0.3 × 3
      fin_arrears: 'partly', // 0.3 × 3
      fin_main_funder_share: 40, // 0.5 × 2
      fin_deficits_in_row: 2, // 0 × 2
    };
    let sum = 0;
    let weights = 0;
    for (const q of DEFAULT_GRID.questions.filter((q) => q.sectionCode === 'finances')) {
      const s = scoreOf(q, answers[q.code]);
      if (s === null) continue;
      sum += s * q.weight;
      weights += q.weight;
    }
    expect(weights).toBe(13);
    expect(sum).toBeCloseTo(2.8, 10); // 0 + 0.9 + 0.9 + 1 + 0
  });
});

describe('answerProblem', () => {
  it('checks each value against its type, in French', () => {
    expect(answerProblem(question({ type: 'yesPartlyNo' }), 'yes')).toBeNull();
    expect(answerProblem(question({ type: 'yesPartlyNo' }), 'oui')).toMatch(/oui/);
    expect(answerProblem(question({ type: 'percentage' }), 120)).toMatch(/pourcentage/);
    expect(answerProblem(question({ type: 'date' }), '2012-02-30')).toMatch(/date/);
    expect(answerProblem(question({ type: 'date' }), '2012-02-29')).toBeNull();
    expect(answerProblem(byCode('su_publics'), ['youth', 'martians'])).toMatch(/martians/);
    expect(answerProblem(byCode('dev_stage'), 'creation')).toBeNull();
    expect(answerProblem(question({ type: 'money' }), Number.NaN)).toMatch(/montant/);
    expect(answerProblem(question({ type: 'scale0to4' }), null)).toBeNull();
  });

  it('refuses the names every object inherits as a « oui / en partie / non » answer, and never scores them', () => {
    for (const inherited of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      expect(answerProblem(question({ type: 'yesPartlyNo' }), inherited), inherited).toMatch(/oui/);
      expect(scoreOf(question({ type: 'yesPartlyNo' }), inherited), inherited).toBeNull();
    }
  });
});

describe('DEFAULT_GRID', () => {
  it('has the eight sections, about sixty questions with unique codes, sound options and thresholds', () => {
    expect(DEFAULT_GRID.sections.map((s) => s.code)).toEqual(['hr', 'governance', 'finances', 'market', 'socialUtility', 'essValues', 'development', 'territory']);
    const codes = DEFAULT_GRID.questions.map((q) => q.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.length).toBeGreaterThanOrEqual(55);
    const sections = new Set(DEFAULT_GRID.sections.map((s) => s.code));
    for (const q of DEFAULT_GRID.questions) {
      expect(sections.has(q.sectionCode), q.code).toBe(true);
      if (q.type === 'singleChoice' || q.type === 'multipleChoice') expect(q.options?.length, q.code).toBeGreaterThan(1);
      if (q.weight > 0 && ['number', 'money', 'percentage'].includes(q.type)) expect(q.thresholds?.length, q.code).toBeGreaterThan(1);
      for (const o of q.options ?? []) expect(o.points >= 0 && o.points <= 1, q.code).toBe(true);
    }
    for (const s of DEFAULT_GRID.sections) expect(DEFAULT_GRID.questions.filter((q) => q.sectionCode === s.code && q.weight > 0).length, s.code).toBeGreaterThanOrEqual(3);
    expect(DEFAULT_GRID.questions.filter((q) => q.sectionCode === 'finances').every((q) => q.confidentiality !== 'shared')).toBe(true);
  });

  it('its rules are valid and cite only its questions', () => {
    expect(ruleProblems(DEFAULT_GRID, DEFAULT_GRID.rules)).toEqual([]);
    expect(DEFAULT_GRID.rules.filter((r) => r.kind === 'margin').length).toBeGreaterThanOrEqual(5);
  });

  it('fires risks and margins as an adviser expects, never on unanswered questions', () => {
    const rule = (code: string) => DEFAULT_GRID.rules.find((r) => r.code === code)!;
    expect(ruleHolds(rule('public_funding_dependency'), { fin_public_funding_share: 75 })).toBe(true);
    expect(ruleHolds(rule('public_funding_dependency'), { fin_public_funding_share: 70 })).toBe(false);
    expect(ruleHolds(rule('low_cash'), { fin_cash_months: 2 })).toBe(true);
    expect(ruleHolds(rule('low_cash'), {})).toBe(false);
    expect(ruleHolds(rule('cash_crisis'), {})).toBe(false);
    expect(ruleHolds(rule('cash_crisis'), { fin_cash_months: 0.5 })).toBe(true);
    expect(ruleHolds(rule('negative_equity'), { fin_equity: -12000 })).toBe(true);
    expect(ruleHolds(rule('customer_concentration'), { mkt_main_customer_share: 62 })).toBe(true);
    expect(ruleHolds(rule('board_not_renewed'), { gov_years_since_board_renewal: 3 })).toBe(true);
    expect(ruleHolds(rule('subsidised_contracts_ending'), { hr_subsidised_ending_share: 40 })).toBe(true);
    expect(ruleHolds(rule('tax_social_arrears'), { fin_arrears: 'partly' })).toBe(true);
    expect(ruleHolds(rule('tax_social_arrears'), { fin_arrears: 'no' })).toBe(false);
    expect(ruleHolds(rule('scop_capital_below_majority'), { gov_legal_form: 'scop', gov_scop_employee_capital: 40 })).toBe(true);
    expect(ruleHolds(rule('scop_capital_below_majority'), { gov_legal_form: 'association', gov_scop_employee_capital: 40 })).toBe(false);
    expect(ruleHolds(rule('employee_takeover'), { dev_project_kinds: ['hiring', 'employeeTakeover'] })).toBe(true);
    expect(ruleHolds(rule('employee_takeover'), {})).toBe(false);
    expect(ruleHolds(rule('unmet_demand'), { mkt_unmet_demand: 'yes' })).toBe(true);
    expect(explain(rule('low_cash'), { fin_cash_months: 2.5 })).toBe('La trésorerie couvre 2,5 mois de charges (moins de 3 mois).');
  });

  it('refuses rules citing unknown questions or invalid JSON Logic, each problem with its field', () => {
    const good = DEFAULT_GRID.rules[0]!;
    const problems = ruleProblems(DEFAULT_GRID, [
      { ...good, condition: { '>': [{ var: 'fin_unknown' }, 3] } },
      { ...good, code: 'other', condition: { frobnicate: [{ var: 'fin_cash_months' }] } },
      { ...good, code: 'other', sectionCode: 'nowhere', explanation: 'Voir {{nope}}.' },
    ]);
    expect(problems.map((p) => p.field)).toEqual(['rules.0.condition', 'rules.1.condition', 'rules.2.code', 'rules.2.sectionCode', 'rules.2.explanation']);
    expect(problems[0]!.message).toContain('fin_unknown');
    expect(problems[1]!.message).toContain('frobnicate');
    expect(citedCodes({ and: [{ var: 'a' }, { var: ['b', 0] }, { missing: ['c'] }] })).toEqual(['a', 'b', 'c']);
  });

  it('refuses a condition too deep or too large (an unknown code deep inside is not let through), without overflowing the stack', () => {
    const good = DEFAULT_GRID.rules[0]!;
    let deep: unknown = { var: 'fin_unknown' };
    for (let i = 0; i < 70; i++) deep = { '!': [deep] };
    let abyss: unknown = { var: 'fin_cash_months' };
    for (let i = 0; i < 100_000; i++) abyss = [abyss];
    const wide = { or: [{ var: 'fin_cash_months' }, { in: [1, Array.from({ length: 5000 }, (_, i) => i)] }] };
    const problems = ruleProblems(DEFAULT_GRID, [
      { ...good, condition: { and: [{ var: 'fin_cash_months' }, deep] } },
      { ...good, code: 'abyss', condition: { and: [{ var: 'fin_cash_months' }, abyss] } },
      { ...good, code: 'wide', condition: wide },
    ]);
    expect(problems.map((p) => p.field)).toEqual(['rules.0.condition', 'rules.1.condition', 'rules.2.condition']);
    expect(problems[0]!.message).toBe(`La condition est trop imbriquée : ${RULE_CONDITION_MAX.depth} niveaux au plus.`);
    expect(problems[2]!.message).toBe(`La condition est trop longue : ${RULE_CONDITION_MAX.nodes} éléments au plus.`);
  });
});

describe('demo answers', () => {
  const profile = { legalForm: LegalForm.ASSOCIATION, stage: Stage.CONSOLIDATION, employees: 12 };

  it('are deterministic, of their question types, and follow the fragility', () => {
    const a = demoAnswers(DEFAULT_GRID, profile, 0.8, '2023-03-01', createRandom(7));
    expect(demoAnswers(DEFAULT_GRID, profile, 0.8, '2023-03-01', createRandom(7))).toEqual(a);
    for (const [code, value] of Object.entries(a)) expect(answerProblem(byCode(code), value), code).toBeNull();
    for (const q of DEFAULT_GRID.questions.filter((q) => q.required)) expect(a[q.code], q.code).not.toBeUndefined();
    let fragileCash = 0;
    let solidCash = 0;
    for (let seed = 0; seed < 40; seed++) {
      fragileCash += Number(demoAnswers(DEFAULT_GRID, profile, 0.9, '2023-03-01', createRandom(seed)).fin_cash_months);
      solidCash += Number(demoAnswers(DEFAULT_GRID, profile, 0.1, '2023-03-01', createRandom(seed)).fin_cash_months);
    }
    expect(fragileCash / 40).toBeLessThan(2);
    expect(solidCash / 40).toBeGreaterThan(5);
  });
});
