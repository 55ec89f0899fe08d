import { describe, expect, it } from 'vitest';
import { matches } from './visibility.js';

describe('matches (a visibility rule checked in memory, as SQL would)', () => {
  const answer = { code: 'q1', interview: { partner: 'p1', organization: { consentToShare: false } } };

  it('follows a relation whose filter starts with a logical operator', () => {
    const rule = { interview: { $or: [{ organization: { consentToShare: true } }, { partner: { $in: ['p1'] } }] } };
    expect(matches(answer, rule)).toBe(true);
    expect(matches(answer, { interview: { $or: [{ organization: { consentToShare: true } }, { partner: { $in: ['p2'] } }] } })).toBe(false);
    expect(matches(answer, { interview: { $and: [{ partner: 'p1' }, { organization: { consentToShare: false } }] } })).toBe(true);
    expect(matches(answer, { interview: { $not: { partner: 'p1' } } })).toBe(false);
  });

  it('keeps comparison operators on values, and refuses those it cannot check in memory', () => {
    expect(matches(answer, { code: { $in: ['q1', 'q2'] } })).toBe(true);
    expect(matches(answer, { code: { $ne: 'q1' } })).toBe(false);
    expect(() => matches(answer, { code: { $like: 'q%' } })).toThrow(/for SQL only/);
  });

  it('refuses to read the fields of a relation that is not loaded (all undefined: « not » would let anyone see)', () => {
    // What MikroORM gives for a relation not populated: an entity with only its key, marked not initialized.
    const organization = Object.assign(Object.create({ __meta: { className: 'Organization', primaryKeys: ['id'] } }), { id: 'o1', __helper: { __initialized: false } });
    const interview = { partner: 'p1', organization };
    expect(() => matches(interview, { $not: { organization: { consentToShare: false } } })).toThrow(/Organization\.consentToShare is not loaded/);
    expect(() => matches(interview, { organization: { consentToShare: true } })).toThrow(/not loaded/);
    expect(matches(interview, { organization: { id: 'o1' } })).toBe(true);
    expect(matches(interview, { organization: 'o1' })).toBe(true);
    organization.__helper.__initialized = true;
    organization.consentToShare = false;
    expect(matches(interview, { $not: { organization: { consentToShare: false } } })).toBe(false);
  });
});
