/**
 * SIRET (French establishment identifier: 9-digit SIREN + 5-digit NIC) helpers.
 *
 * A SIRET is valid when it has exactly 14 digits and passes the Luhn checksum.
 * Exception: establishments of La Poste (SIREN 356000000) are numbered with a
 * different key: the plain sum of the 14 digits must be a multiple of 5. The head
 * office of La Poste (35600000000048) follows the ordinary Luhn rule.
 */

const LA_POSTE_SIREN = '356000000';
const LA_POSTE_HEAD_OFFICE_SIRET = '35600000000048';

/** Removes every kind of whitespace (spaces, tabs, no-break and narrow no-break spaces). */
export function normalizeSiret(value: string): string {
  return value.replace(/[\s\u00a0\u202f]+/g, '');
}

/** Luhn checksum over a string of digits (rightmost digit is the check digit). */
export function luhnSum(digits: string): number {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let digit = digits.charCodeAt(i) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum;
}

/** The digit to append to `digits` so that the whole string passes the Luhn check. */
export function luhnCheckDigit(digits: string): number {
  return (10 - (luhnSum(digits + '0') % 10)) % 10;
}

/** True when `value` is a 9-digit SIREN with a valid Luhn key. */
export function isValidSiren(value: string): boolean {
  return /^\d{9}$/.test(value) && luhnSum(value) % 10 === 0;
}

/**
 * True when `value` is a valid SIRET. The value must already be normalized:
 * spaces are NOT accepted here (use normalizeSiret first).
 */
export function isValidSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value)) return false;
  if (value.startsWith(LA_POSTE_SIREN) && value !== LA_POSTE_HEAD_OFFICE_SIRET) {
    let sum = 0;
    for (let i = 0; i < value.length; i++) sum += value.charCodeAt(i) - 48;
    return sum % 5 === 0;
  }
  return luhnSum(value) % 10 === 0;
}
