import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { PermissionRegistry, Viewer, type MembershipRole } from '../server/auth.js';
import type { Context } from '../server/context.js';
import { ALL_MODULES } from '../modules/index.js';

/*
 * What the policy files read from a request context (`viewer` and `can`), without a database: the
 * permissions are those the shipped modules declare, so a policy test sees the real grants.
 */

const registry = PermissionRegistry.fromModules(ALL_MODULES);

export const PARTNER = randomUUID();
export const OTHER_PARTNER = randomUUID();

/** The viewers every policy is tried with. */
export const viewers = {
  anonymous: Viewer.anonymous(),
  loner: person([]),
  member: person([{ partnerId: PARTNER, role: 'MEMBER' }]),
  manager: person([{ partnerId: PARTNER, role: 'MANAGER' }]),
  otherManager: person([{ partnerId: OTHER_PARTNER, role: 'MANAGER' }]),
  admin: person([], 'ADMIN'),
};
export type ViewerKey = keyof typeof viewers;

/** Who passes a check reserved to the managers of `PARTNER` (and administrators), by viewer. */
export const PARTNER_MANAGERS_ONLY: readonly [ViewerKey, boolean][] = [
  ['anonymous', false],
  ['loner', false],
  ['member', false],
  ['otherManager', false],
  ['manager', true],
  ['admin', true],
];

export function person(memberships: { partnerId: string; role: MembershipRole }[], platformRole: 'ADMIN' | null = null, tokenId: string | null = randomUUID()): Viewer {
  return Viewer.person({ personId: randomUUID(), tokenId, platformRole, memberships });
}

export function contextOf(viewer: Viewer | ViewerKey): Context {
  const v = typeof viewer === 'string' ? viewers[viewer] : viewer;
  return { viewer: v, can: (permission: string) => registry.allows(v, permission) } as unknown as Context;
}

/** Runs `fn` and returns the error it throws, failing when it throws none. */
export function thrown(fn: () => unknown): { message: string; extensions: Record<string, unknown> } {
  try {
    fn();
  } catch (error) {
    return error as { message: string; extensions: Record<string, unknown> };
  }
  expect.unreachable('expected a refusal');
}

/** Expects `check` to pass when `allowed`, otherwise to refuse with FORBIDDEN and exactly `message`. */
export function expectAllowedOrForbidden(check: () => unknown, allowed: boolean, message: string): void {
  if (allowed) {
    expect(check).not.toThrow();
    return;
  }
  const error = thrown(check);
  expect(error.extensions.code).toBe('FORBIDDEN');
  expect(error.message).toBe(message);
}
