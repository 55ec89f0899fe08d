import { describe, expect, it } from 'vitest';
import { createAuthChecker, MembershipRole, PermissionRegistry, PlatformRole, Viewer } from './auth.js';
import { definePermissions } from './permissions.js';

const person = (memberships: { partnerId: string; role: MembershipRole }[], platformRole: PlatformRole | null = null) => Viewer.person({ personId: 'p1', tokenId: 't1', platformRole, memberships });

const X = definePermissions('x', {
  read: { roles: ['AUTHENTICATED'], description: 'Any signed-in person.' },
  manage: { roles: ['MANAGER'], description: 'Managers.' },
  member: { roles: ['MEMBER'], description: 'Members.' },
});
const Y = definePermissions('y', { admin: { roles: [], description: 'Administrators only.' } });

function registry(): PermissionRegistry {
  return PermissionRegistry.fromModules([{ name: 'x', permissions: X }, { name: 'none' }, { name: 'y', permissions: Y }]);
}

/** The error `fn` throws, or undefined. */
function errorOf(fn: () => unknown): { message: string; extensions: Record<string, unknown> } | undefined {
  try {
    fn();
  } catch (error) {
    return error as never;
  }
  return undefined;
}

describe('the viewer', () => {
  it('anonymous: not authenticated, not an administrator, no role, no partner, no role anywhere', () => {
    const v = Viewer.anonymous();
    expect([v.personId, v.tokenId, v.platformRole]).toEqual([null, null, null]);
    expect(v.isAuthenticated).toBe(false);
    expect(v.isAdmin).toBe(false);
    expect([...v.roles]).toEqual([]);
    expect(v.partnerIds).toEqual([]);
    expect(v.hasRoleIn('x')).toBe(false);
  });

  it('a person holds AUTHENTICATED, their platform role and the roles of their memberships', () => {
    const v = person([
      { partnerId: 'x', role: 'MEMBER' },
      { partnerId: 'y', role: 'MANAGER' },
      { partnerId: 'z', role: 'MEMBER' },
    ]);
    expect(v.isAuthenticated).toBe(true);
    expect(v.isAdmin).toBe(false);
    expect([...v.roles].sort()).toEqual(['AUTHENTICATED', 'MANAGER', 'MEMBER']);
    expect(v.roles).toBe(v.roles); // computed once
    expect([...person([], 'ADMIN').roles].sort()).toEqual(['ADMIN', 'AUTHENTICATED']);
    expect([...person([]).roles]).toEqual(['AUTHENTICATED']);
    expect(person([], 'ADMIN').isAdmin).toBe(true);
  });

  it('holds a role in a partner only through a membership of that partner, any role when none is named', () => {
    const v = person([
      { partnerId: 'x', role: 'MEMBER' },
      { partnerId: 'y', role: 'MANAGER' },
    ]);
    expect(v.hasRoleIn('x')).toBe(true);
    expect(v.hasRoleIn('x', 'MEMBER')).toBe(true);
    expect(v.hasRoleIn('x', 'MANAGER')).toBe(false);
    expect(v.hasRoleIn('x', 'MANAGER', 'MEMBER')).toBe(true);
    expect(v.hasRoleIn('y', 'MANAGER')).toBe(true);
    expect(v.hasRoleIn('z')).toBe(false);
    expect(v.hasRoleIn('z', 'MEMBER')).toBe(false);
  });

  it('an administrator holds every role in every partner', () => {
    expect(person([], 'ADMIN').hasRoleIn('anything', 'MANAGER')).toBe(true);
  });

  it('lists each of its partners once', () => {
    expect(
      person([
        { partnerId: 'x', role: 'MEMBER' },
        { partnerId: 'x', role: 'MANAGER' },
        { partnerId: 'y', role: 'MEMBER' },
      ]).partnerIds,
    ).toEqual(['x', 'y']);
  });
});

describe('the permission registry', () => {
  it('grants each permission to its roles and always to administrators', () => {
    const r = registry();
    const member = person([{ partnerId: 'x', role: 'MEMBER' }]);
    const manager = person([{ partnerId: 'x', role: 'MANAGER' }]);
    const admin = person([], 'ADMIN');
    const loner = person([]);
    expect(r.allows(loner, 'x.read')).toBe(true);
    expect(r.allows(loner, 'x.manage')).toBe(false);
    expect(r.allows(member, 'x.member')).toBe(true);
    expect(r.allows(member, 'x.manage')).toBe(false);
    expect(r.allows(manager, 'x.manage')).toBe(true);
    expect(r.allows(manager, 'y.admin')).toBe(false);
    expect(r.allows(admin, 'y.admin')).toBe(true);
    expect(r.allows(admin, 'x.member')).toBe(true);
  });

  it('grants nothing to anonymous callers, not even what every signed-in person has', () => {
    expect(registry().allows(Viewer.anonymous(), 'x.read')).toBe(false);
    expect(registry().of(Viewer.anonymous())).toEqual([]);
  });

  it('refuses an unknown permission, a permission declared twice and one not named after its module', () => {
    const r = registry();
    expect(() => r.allows(person([]), 'nope')).toThrow('Unknown permission "nope": declare it in a module manifest');
    expect(() => r.register('x', X)).toThrow('Permission "x.read" of module "x" is declared twice');
    expect(() => r.register('three', X)).toThrow(`Permission "x.read" of module "three" must be named "three.…" (definePermissions('three', …))`);
    expect(() => new PermissionRegistry().register('x', definePermissions('xy', { read: { roles: [], description: '' } }))).toThrow('"xy.read" of module "x" must be named "x.…"');
  });

  it('lists the permissions, sorted, and those of a viewer', () => {
    const r = registry();
    expect(r.list()).toEqual(['x.manage', 'x.member', 'x.read', 'y.admin']);
    expect(r.of(person([{ partnerId: 'x', role: 'MEMBER' }]))).toEqual(['x.member', 'x.read']);
    expect(r.of(person([], 'ADMIN'))).toEqual(['x.manage', 'x.member', 'x.read', 'y.admin']);
  });
});

describe("type-graphql's auth checker", () => {
  const check = (viewer: Viewer, permissions: string[]) => createAuthChecker(registry())({ context: { viewer } } as never, permissions);

  it('without a permission: any signed-in person, anonymous callers get UNAUTHENTICATED', () => {
    expect(check(person([]), [])).toBe(true);
    const error = errorOf(() => check(Viewer.anonymous(), []));
    expect(error?.extensions.code).toBe('UNAUTHENTICATED');
    expect(error?.message).toBe('Authentification requise.');
  });

  it('with permissions: any one of them suffices', () => {
    const member = person([{ partnerId: 'x', role: 'MEMBER' }]);
    expect(check(member, ['x.member'])).toBe(true);
    expect(check(member, ['x.manage', 'x.member'])).toBe(true);
  });

  it('refuses signed-in people without them (FORBIDDEN) and anonymous callers (UNAUTHENTICATED)', () => {
    const forbidden = errorOf(() => check(person([{ partnerId: 'x', role: 'MEMBER' }]), ['x.manage', 'y.admin']));
    expect(forbidden?.extensions.code).toBe('FORBIDDEN');
    expect(errorOf(() => check(Viewer.anonymous(), ['x.read']))?.extensions.code).toBe('UNAUTHENTICATED');
  });
});
