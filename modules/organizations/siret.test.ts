import { describe, it, expect } from 'vitest';
import { isValidSiren, isValidSiret, luhnCheckDigit, normalizeSiret } from './siret.js';

describe('normalizeSiret', () => {
  it('strips ordinary, no-break and narrow no-break spaces', () => {
    expect(normalizeSiret('732 829 320 00074')).toBe('73282932000074');
    expect(normalizeSiret(' 443\u00a0061\u202f841 00047 ')).toBe('44306184100047');
    expect(normalizeSiret('73282932000074')).toBe('73282932000074');
  });
});

describe('isValidSiret', () => {
  it.each(['73282932000074', '44306184100047', '55208131766522'])('accepts the Luhn-valid SIRET %s', (siret) => {
    expect(isValidSiret(siret)).toBe(true);
  });

  it('accepts La Poste establishments whose digit sum is a multiple of 5', () => {
    expect(isValidSiret('35600000049837')).toBe(true); // sum 45, fails Luhn
    expect(isValidSiret('35600000000001')).toBe(true); // sum 15, fails Luhn
  });

  it("accepts La Poste's head office, which follows the Luhn rule", () => {
    expect(isValidSiret('35600000000048')).toBe(true);
  });

  it('rejects La Poste establishments whose digit sum is not a multiple of 5, even if Luhn-valid', () => {
    expect(isValidSiret('35600000049838')).toBe(false);
    expect(isValidSiret('35600000000014')).toBe(false);
  });

  it.each([
    ['wrong check digit', '73282932000075'],
    ['transposed digits', '73282932000704'],
    ['13 digits', '7328293200007'],
    ['15 digits', '732829320000740'],
    ['letters', '7328293200007A'],
    ['spaces (not normalized)', '732 829 320 00074'],
    ['empty', ''],
  ])('rejects %s', (_label, value) => {
    expect(isValidSiret(value)).toBe(false);
  });

  it('accepts the normalized form of a spaced SIRET', () => {
    expect(isValidSiret(normalizeSiret('552 081 317 66522'))).toBe(true);
  });
});

describe('isValidSiren and luhnCheckDigit', () => {
  it('validates SIRENs', () => {
    expect(isValidSiren('732829320')).toBe(true);
    expect(isValidSiren('356000000')).toBe(true);
    expect(isValidSiren('732829321')).toBe(false);
    expect(isValidSiren('73282932')).toBe(false);
  });

  it('computes the digit that completes a Luhn-valid number', () => {
    expect(luhnCheckDigit('7328293200007')).toBe(4);
    expect(luhnCheckDigit('73282932')).toBe(0);
    for (const base of ['1234567890123', '0000000000000', '9999999999999']) {
      expect(isValidSiret(base + String(luhnCheckDigit(base)))).toBe(true);
    }
  });
});
