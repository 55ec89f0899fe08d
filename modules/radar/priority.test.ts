import { describe, expect, it } from 'vitest';
import { DEFAULT_PRIORITY_WEIGHTS, monthsBetween, priorityOf, rankPriorities, type PriorityInput } from './priority.js';

const base: PriorityInput = { organizationId: 'a', name: 'Alpha', employees: 0, stage: 'CONSOLIDATION', sectorCode: 'culture', sectorName: 'Culture', level: 'low', lastInterview: '2026-01-15' };
const TODAY = '2026-07-15';

describe('priorityOf', () => {
  it('weighs the five factors as documented', () => {
    const r = priorityOf(
      { ...base, level: 'high', employees: 9, stage: 'RECOVERY', sectorCode: 'reemploi', sectorName: 'Recyclage et réemploi', lastInterview: '2025-01-20' },
      DEFAULT_PRIORITY_WEIGHTS,
      new Set(['reemploi']),
      TODAY,
    );
    // risk high 0.75 · 40 = 30 ; staleness: 2025-01-20 → 2026-07-15 = 17 whole months, 17/24 · 25 = 17.7083… ;
    // size: ln(10)/ln(101) = 0.49891… · 15 = 7.4837… ; sector 1 · 10 = 10 ; stage recovery 1 · 10 = 10.
    // score = 100 · (30 + 17.7083 + 7.4837 + 10 + 10) / 100 = 75.19… → 75.2
    expect(r.score).toBe(75.2);
    expect(r.reasons).toEqual([
      'niveau de risque élevé',
      'dernier entretien il y a 17 mois (le 20/01/2025)',
      'filière prioritaire : Recyclage et réemploi',
      'structure en difficulté ou en rebond',
      '9 emplois en jeu',
    ]);
  });

  it('reads an organization without radar as unknown risk, never met as fully stale', () => {
    const r = priorityOf({ ...base, level: null, lastInterview: null }, DEFAULT_PRIORITY_WEIGHTS, new Set(), TODAY);
    // risk 0.5 · 40 = 20 ; staleness 1 · 25 = 25 ; size 0 ; sector 0 ; stage consolidation 0.2 · 10 = 2 → 47
    expect(r.score).toBe(47);
    expect(r.reasons).toEqual(['jamais rencontrée en entretien', 'aucun diagnostic radar à ce jour', 'structure en consolidation']);
  });

  it('counts whole months', () => {
    expect(monthsBetween('2025-01-31', '2025-02-28')).toBe(0);
    expect(monthsBetween('2025-01-15', '2025-02-15')).toBe(1);
    expect(monthsBetween('2026-08-01', '2026-07-15')).toBe(0);
  });
});

describe('rankPriorities', () => {
  const inputs: PriorityInput[] = [
    { ...base, organizationId: 'big', name: 'Grande', employees: 100, level: 'low', lastInterview: '2026-07-01' },
    { ...base, organizationId: 'risky', name: 'Risquée', employees: 0, level: 'critical', lastInterview: '2026-07-01' },
  ];
  it('changes the ranking when the weights change', () => {
    // Default: Grande = 15 (size 1·15) + 2 (stage) = 17 ; Risquée = 40 (critical) + 2 = 42.
    expect(rankPriorities(inputs, DEFAULT_PRIORITY_WEIGHTS, [], TODAY).map((r) => [r.organizationId, r.score])).toEqual([
      ['risky', 42],
      ['big', 17],
    ]);
    // Size first: weights risk 10, size 80, stage 10 (others 0): Grande = 100·(80 + 2)/100 = 82 ; Risquée = 100·(10 + 2)/100 = 12.
    const sizeFirst = { risk: 10, staleness: 0, size: 80, sector: 0, stage: 10 };
    expect(rankPriorities(inputs, sizeFirst, [], TODAY).map((r) => [r.organizationId, r.score])).toEqual([
      ['big', 82],
      ['risky', 12],
    ]);
  });
});
