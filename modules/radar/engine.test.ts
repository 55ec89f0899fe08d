import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_GRID, type AnswerValue, type GridQuestion, type GridRule, type GridSection } from '../interview-grids/index.js';
import { MIN_RELIABLE_COVERAGE, scoreAxes } from './scoring.js';
import { conditionVariables, evaluateRules, formatAnswer } from './rules.js';
import { compareRadars, overallLevel } from './level.js';

const q = (code: string, sectionCode: string, type: GridQuestion['type'], weight: number, extra: Partial<GridQuestion> = {}): GridQuestion => ({
  code,
  sectionCode,
  label: code,
  type,
  weight,
  required: false,
  confidentiality: 'shared',
  ...extra,
});

const SECTIONS: GridSection[] = [
  { code: 'governance', label: 'Gouvernance', order: 3 },
  { code: 'finances', label: 'Situation financière', order: 1 },
  { code: 'hr', label: 'Ressources humaines', order: 2 },
];
const QUESTIONS: GridQuestion[] = [
  q('public_share', 'finances', 'percentage', 3, {
    label: 'Part des financements publics',
    confidentiality: 'partnerAndCommittee',
    thresholds: [
      { max: 50, points: 1 },
      { min: 50, max: 70, points: 0.5 },
      { min: 70, points: 0 },
    ],
  }),
  q('cash_days', 'finances', 'number', 2, {
    label: 'Trésorerie nette en jours de charges',
    thresholds: [
      { max: 30, points: 0 },
      { min: 30, max: 90, points: 0.5 },
      { min: 90, points: 1 },
    ],
  }),
  q('equity_ok', 'finances', 'yesPartlyNo', 1),
  q('arrears', 'finances', 'yesPartlyNo', 2),
  q('funders_note', 'finances', 'text', 0),
  q('turnover_eur', 'finances', 'money', 0),
  q('training', 'hr', 'scale0to4', 1),
  q('successor', 'hr', 'singleChoice', 3, {
    options: [
      { code: 'named', label: 'Successeur désigné', points: 1 },
      { code: 'planned', label: 'Succession prévue', points: 0.5 },
      { code: 'none', label: 'Aucune', points: 0 },
    ],
  }),
  q('tools', 'hr', 'multipleChoice', 2, {
    options: [
      { code: 'a', label: 'Entretiens annuels', points: 0.5 },
      { code: 'b', label: 'Plan de formation', points: 0.4 },
      { code: 'c', label: 'Fiches de poste', points: 0.3 },
    ],
  }),
  q('ga_held', 'governance', 'yesPartlyNo', 2, { confidentiality: 'interviewerOnly' }),
];
const rule = (code: string, kind: GridRule['kind'], severity: GridRule['severity'], sectionCode: string, condition: unknown, explanation: string): GridRule => ({
  code,
  kind,
  severity,
  sectionCode,
  label: `Règle ${code}`,
  explanation,
  condition,
});
const RULES: GridRule[] = [
  rule('public_dependency', 'risk', 'high', 'finances', { '>=': [{ var: 'public_share' }, 70] }, 'Financements publics : {{public_share}} % des produits.'),
  rule('low_cash', 'risk', 'watch', 'finances', { '<': [{ var: 'cash_days' }, 90] }, 'Trésorerie courte.'),
  rule('arrears', 'risk', 'critical', 'finances', { '==': [{ var: 'arrears' }, 'yes'] }, 'Dettes sociales ou fiscales.'),
  rule('ga_missing', 'risk', 'high', 'governance', { '==': [{ var: 'ga_held' }, 'no'] }, 'Pas d’assemblée générale.'),
  rule('training_margin', 'margin', 'info', 'hr', { '<': [{ var: 'training' }, 4] }, 'Formation à développer ({{training}} sur 4).'),
  rule('broken', 'risk', 'high', 'hr', { not_an_operator: [1] }, 'Jamais.'),
];
const ANSWERS: Record<string, AnswerValue> = {
  public_share: 78,
  cash_days: 45,
  equity_ok: 'yes',
  funders_note: 'CAB, Département',
  turnover_eur: 12500,
  training: 3,
  successor: 'planned',
  tools: ['a', 'b', 'c'],
};

describe('scoreAxes', () => {
  it('weighs the answered scored questions of each axis and reports the coverage', () => {
    const axes = scoreAxes({ sections: SECTIONS, questions: QUESTIONS }, ANSWERS);
    // finances: public_share 78 % → 0 (≥ 70), cash_days 45 → 0.5, equity_ok yes → 1, arrears unanswered, text and money weight 0.
    //   score = 100 · (3·0 + 2·0.5 + 1·1) / (3 + 2 + 1) = 100 · 2/6 = 33.33… → 33.3 ; coverage = 6 / (3+2+1+2) = 0.75
    // hr: training 3/4 → 0.75, successor planned → 0.5, tools a+b+c = 0.5+0.4+0.3 = 1.2 capped to 1.
    //   score = 100 · (1·0.75 + 3·0.5 + 2·1) / 6 = 100 · 4.25/6 = 70.83… → 70.8 ; coverage = 6/6 = 1
    // governance: nothing answered → score null (not assessed), coverage 0.
    expect(axes).toEqual([
      { axis: 'finances', label: 'Situation financière', score: 33.3, coverage: 0.75 },
      { axis: 'hr', label: 'Ressources humaines', score: 70.8, coverage: 1 },
      { axis: 'governance', label: 'Gouvernance', score: null, coverage: 0 },
    ]);
  });

  it('does not count an unscored answer nor an unknown option', () => {
    const axes = scoreAxes({ sections: SECTIONS, questions: QUESTIONS }, { successor: 'unknown', funders_note: 'x', training: 0 });
    // hr: only training answered (0/4 → 0): 100 · 1·0 / 1 = 0 ; coverage 1/6 = 0.1666… → 0.167
    expect(axes.find((a) => a.axis === 'hr')).toEqual({ axis: 'hr', label: 'Ressources humaines', score: 0, coverage: 0.167 });
    expect(axes.find((a) => a.axis === 'finances')).toMatchObject({ score: null, coverage: 0 });
  });
});

describe('evaluateRules', () => {
  it('fires the rules whose condition holds, citing the answers in French', () => {
    const { signals, problems } = evaluateRules({ questions: QUESTIONS, rules: RULES }, ANSWERS);
    expect(signals.map((s) => s.code)).toEqual(['public_dependency', 'low_cash', 'training_margin']);
    expect(signals[0]).toEqual({
      code: 'public_dependency',
      kind: 'risk',
      severity: 'high',
      axis: 'finances',
      label: 'Règle public_dependency',
      explanation: 'Financements publics : 78 % des produits.',
      questions: ['public_share'],
      confidentiality: 'partnerAndCommittee',
    });
    // No placeholder: the condition's answers are appended, label lower-cased in the sentence.
    expect(signals[1]!.explanation).toBe('Trésorerie courte (trésorerie nette en jours de charges : 45).');
    expect(signals[1]!.confidentiality).toBe('shared');
    expect(signals[2]).toMatchObject({ kind: 'margin', severity: 'info', explanation: 'Formation à développer (3 sur 4).' });
    expect(problems).toEqual([{ rule: 'broken', message: expect.any(String) }]);
  });

  it('takes the most restrictive confidentiality of the answers a rule reads', () => {
    const { signals } = evaluateRules({ questions: QUESTIONS, rules: RULES }, { ...ANSWERS, ga_held: 'no' });
    expect(signals.find((s) => s.code === 'ga_missing')).toMatchObject({ confidentiality: 'interviewerOnly', explanation: 'Pas d’assemblée générale (ga_held : non).' });
  });

  it('never evaluates through eval', () => {
    const spy = vi.spyOn(globalThis, 'eval');
    const reduce = { '>': [{ reduce: [{ var: 'tools' }, { '+': [{ var: 'accumulator' }, 1] }, 0] }, 2] };
    const { signals } = evaluateRules({ questions: QUESTIONS, rules: [rule('many_tools', 'margin', 'info', 'hr', reduce, 'Outils.')] }, ANSWERS);
    expect(signals.map((s) => s.code)).toEqual(['many_tools']);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it('formats answers the French way', () => {
    const byCode = new Map(QUESTIONS.map((x) => [x.code, x]));
    expect(formatAnswer(byCode.get('turnover_eur'), 1234567)).toBe('1\u202f234\u202f567\u00a0€');
    expect(formatAnswer(byCode.get('public_share'), 12.5)).toBe('12,5\u00a0%');
    expect(formatAnswer(byCode.get('turnover_eur'), 12500, false)).toBe('12\u202f500');
    expect(formatAnswer(byCode.get('tools'), ['a', 'c'])).toBe('Entretiens annuels, Fiches de poste');
    expect(formatAnswer({ ...byCode.get('equity_ok')!, type: 'date' }, '2024-03-15')).toBe('15/03/2024');
    expect(formatAnswer(byCode.get('equity_ok'), 'partly')).toBe('en partie');
    expect(formatAnswer(byCode.get('equity_ok'), null)).toBe('non renseigné');
    // A name every object inherits is no answer: shown as given, never as a function's text, and never scored.
    expect(formatAnswer(byCode.get('equity_ok'), 'toString')).toBe('toString');
    expect(scoreAxes({ sections: SECTIONS, questions: QUESTIONS }, { equity_ok: 'constructor' }).every((a) => a.score === null)).toBe(true);
    expect(conditionVariables({ and: [{ var: 'a' }, { '<': [{ var: ['b', 0] }, 3] }, { missing: ['c'] }] })).toEqual(['a', 'b', 'c']);
  });
});

describe('overallLevel', () => {
  const sig = (severity: 'info' | 'watch' | 'high' | 'critical', kind: 'risk' | 'margin' = 'risk') => ({ kind, severity });
  const fine = [{ score: 80, coverage: 1 }];
  it.each([
    ['no signal, good axes', fine, [], 'low'],
    ['a margin, even critical, is not a risk', fine, [sig('critical', 'margin')], 'low'],
    ['info risks are notes', fine, [sig('info'), sig('info')], 'low'],
    ['one watch risk', fine, [sig('watch')], 'watch'],
    ['one high risk', fine, [sig('high')], 'watch'],
    ['one high and two watch', fine, [sig('high'), sig('watch'), sig('watch')], 'high'],
    ['two high risks', fine, [sig('high'), sig('high')], 'high'],
    ['three high risks', fine, [sig('high'), sig('high'), sig('high')], 'critical'],
    ['one critical risk', fine, [sig('critical')], 'critical'],
    ['a reliable axis at 49.9', [{ score: 49.9, coverage: 0.5 }], [], 'watch'],
    ['a reliable axis at 24.9', [{ score: 24.9, coverage: 0.8 }], [], 'high'],
    ['a low axis on 40 % coverage is partial: not alarming', [{ score: 0, coverage: 0.4 }], [], 'low'],
    ['an unanswered axis is not bad', [{ score: null, coverage: 0 }], [], 'low'],
  ] as const)('%s → %s', (_name, axes, signals, expected) => {
    expect(overallLevel(axes, signals)).toBe(expected);
  });

  it('reads the example interview as "watch": one high and one watch risk, lowest reliable axis 33.3 ≥ 25', () => {
    const grid = { sections: SECTIONS, questions: QUESTIONS, rules: RULES };
    expect(overallLevel(scoreAxes(grid, ANSWERS), evaluateRules(grid, ANSWERS).signals)).toBe('watch');
  });
});

describe('compareRadars', () => {
  it('gives per-axis deltas and the new and resolved signals', () => {
    const grid = { sections: SECTIONS, questions: QUESTIONS, rules: RULES };
    const current = { axes: scoreAxes(grid, ANSWERS), signals: evaluateRules(grid, ANSWERS).signals, level: 'watch' as const };
    const previous = {
      axes: [
        { axis: 'finances', label: 'Situation financière', score: 50, coverage: 1 },
        { axis: 'governance', label: 'Gouvernance', score: 40, coverage: 1 },
        { axis: 'hr', label: 'Ressources humaines', score: 70.8, coverage: 1 },
      ],
      signals: [{ code: 'low_cash' }, { code: 'ga_missing' }],
      level: 'high' as const,
    };
    // finances 33.3 − 50 = −16.7 ; hr 70.8 − 70.8 = 0 ; governance not assessed now → null.
    expect(compareRadars(current, previous)).toEqual({
      axes: [
        { axis: 'finances', label: 'Situation financière', score: 33.3, previousScore: 50, delta: -16.7 },
        { axis: 'hr', label: 'Ressources humaines', score: 70.8, previousScore: 70.8, delta: 0 },
        { axis: 'governance', label: 'Gouvernance', score: null, previousScore: 40, delta: null },
      ],
      newSignals: ['public_dependency', 'training_margin'],
      resolvedSignals: ['ga_missing'],
      level: 'watch',
      previousLevel: 'high',
    });
  });
});

describe('the default grid', () => {
  it('explains its public funding rule in French with the answer: « 78 % des produits »', () => {
    const { signals, problems } = evaluateRules(DEFAULT_GRID, { fin_public_funding_share: 78 });
    expect(problems).toEqual([]);
    expect(signals.find((s) => s.code === 'public_funding_dependency')).toMatchObject({
      kind: 'risk',
      severity: 'high',
      axis: 'finances',
      explanation: 'Les financements publics représentent 78 % des produits (au-delà de 70 %).',
      confidentiality: 'partnerAndCommittee',
    });
    // Only the public share answered in the finances axis: 78 % falls in the band [70, 80) worth 0.15,
    // so score = 100 · 3·0.15 / 3 = 15, on a partial coverage (3 of the axis's scored weight).
    const finances = scoreAxes(DEFAULT_GRID, { fin_public_funding_share: 78 }).find((a) => a.axis === 'finances')!;
    expect(finances.score).toBe(15);
    expect(finances.coverage).toBeGreaterThan(0);
    expect(finances.coverage).toBeLessThan(MIN_RELIABLE_COVERAGE);
  });

  it('reads an empty interview as not assessed on every axis, level low', () => {
    const axes = scoreAxes(DEFAULT_GRID, {});
    expect(axes).toHaveLength(8);
    expect(axes.every((a) => a.score === null && a.coverage === 0)).toBe(true);
    expect(overallLevel(axes, evaluateRules(DEFAULT_GRID, {}).signals)).toBe('low');
  });
});
