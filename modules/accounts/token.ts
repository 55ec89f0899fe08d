import { createHash, randomBytes } from 'node:crypto';

/** A new API token: "mlg_" and 32 random bytes; the token is never stored, only its hash. */
export function newToken(): string {
  return `mlg_${randomBytes(32).toString('base64url')}`;
}

/** SHA-256 suffices: tokens carry 256 random bits, so there is nothing to brute-force. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function tokenPrefix(token: string): string {
  return token.slice(0, 12);
}
