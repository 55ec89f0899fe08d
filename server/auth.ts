import type { AuthCheckerFn } from 'type-graphql';
import { forbidden, unauthenticated } from './errors.js';
import { permissionDefinitions, type PermissionSet } from './permissions.js';

/** Roles a person holds in a partner organization. */
export const MembershipRole = {
  /** Manages the partner's record, people and positions. */
  Manager: 'MANAGER',
  /** Sits in the platform's bodies for the partner; sees confidential material. */
  Member: 'MEMBER',
} as const;
export type MembershipRole = (typeof MembershipRole)[keyof typeof MembershipRole];

/** Platform-wide roles. */
export const PlatformRole = {
  /** Runs the platform (the host, e.g. the MEF). */
  Admin: 'ADMIN',
} as const;
export type PlatformRole = (typeof PlatformRole)[keyof typeof PlatformRole];

/** A role as permissions name it: `AUTHENTICATED` is any signed-in person. */
export type Role = MembershipRole | PlatformRole | 'AUTHENTICATED';

export interface ViewerMembership {
  partnerId: string;
  role: MembershipRole;
}

/** Who is calling: a person authenticated by a token, or anonymous. */
export class Viewer {
  private constructor(
    readonly personId: string | null,
    readonly tokenId: string | null,
    readonly platformRole: PlatformRole | null,
    readonly memberships: readonly ViewerMembership[],
  ) {}

  static anonymous(): Viewer {
    return new Viewer(null, null, null, []);
  }

  /** The platform itself, for event subscribers (server/events.ts): no person, administrator rights. */
  static system(): Viewer {
    return new Viewer(null, null, PlatformRole.Admin, []);
  }

  static person(args: { personId: string; tokenId: string | null; platformRole: PlatformRole | null; memberships: ViewerMembership[] }): Viewer {
    return new Viewer(args.personId, args.tokenId, args.platformRole, args.memberships);
  }

  get isAuthenticated(): boolean {
    return this.personId !== null;
  }

  get isAdmin(): boolean {
    return this.platformRole === PlatformRole.Admin;
  }

  private roleSet: ReadonlySet<Role> | null = null;

  /** Every role this viewer holds somewhere (computed once: authorization asks for it on every row). */
  get roles(): ReadonlySet<Role> {
    if (!this.roleSet) {
      const roles = new Set<Role>();
      if (this.isAuthenticated) {
        roles.add('AUTHENTICATED');
        if (this.platformRole) roles.add(this.platformRole);
        for (const m of this.memberships) roles.add(m.role);
      }
      this.roleSet = roles;
    }
    return this.roleSet;
  }

  /** True when the viewer holds one of `roles` in this partner (admins hold every role). */
  hasRoleIn(partnerId: string, ...roles: MembershipRole[]): boolean {
    if (this.isAdmin) return true;
    return this.memberships.some((m) => m.partnerId === partnerId && (roles.length === 0 || roles.includes(m.role)));
  }

  /** Ids of the partners the viewer belongs to. */
  get partnerIds(): string[] {
    return [...new Set(this.memberships.map((m) => m.partnerId))];
  }
}

/**
 * Permissions are declared by modules with `definePermissions` (server/permissions.ts), given to their
 * manifest (`permissions: PartnerPermissions`) and named by constant in `@Authorized(PartnerPermissions.update)`.
 * A permission grants the operation to roles; rules on a particular record (a manager edits only their
 * own partner) live in the module's service.
 */
export class PermissionRegistry {
  private readonly grants = new Map<string, Set<Role>>();

  /** Registers a module's permissions; each is named after the module (`partners.update`) and declared once. */
  register(moduleName: string, permissions: PermissionSet): void {
    for (const { name, roles } of permissionDefinitions(permissions)) {
      if (!name.startsWith(`${moduleName}.`)) {
        throw new Error(`Permission "${name}" of module "${moduleName}" must be named "${moduleName}.…" (definePermissions('${moduleName}', …))`);
      }
      if (this.grants.has(name)) throw new Error(`Permission "${name}" of module "${moduleName}" is declared twice`);
      this.grants.set(name, new Set([...roles, PlatformRole.Admin]));
    }
  }

  /** The permissions the modules declare, for the gateway. */
  static fromModules(modules: readonly { name: string; permissions?: PermissionSet }[]): PermissionRegistry {
    const registry = new PermissionRegistry();
    for (const m of modules) if (m.permissions) registry.register(m.name, m.permissions);
    return registry;
  }

  list(): string[] {
    return [...this.grants.keys()].sort();
  }

  allows(viewer: Viewer, permission: string): boolean {
    const granted = this.grants.get(permission);
    if (!granted) throw new Error(`Unknown permission "${permission}": declare it in a module manifest`);
    if (!viewer.isAuthenticated) return false;
    for (const role of viewer.roles) if (granted.has(role)) return true;
    return false;
  }

  /** Permissions this viewer holds. */
  of(viewer: Viewer): string[] {
    return this.list().filter((p) => this.allows(viewer, p));
  }
}

/** type-graphql's checker: anonymous callers get UNAUTHENTICATED, others without the permission FORBIDDEN. */
export function createAuthChecker(registry: PermissionRegistry): AuthCheckerFn<{ viewer: Viewer }, string> {
  return ({ context }, permissions) => {
    const viewer = context.viewer;
    if (permissions.length === 0) {
      if (!viewer.isAuthenticated) throw unauthenticated();
      return true;
    }
    if (permissions.some((p) => registry.allows(viewer, p))) return true;
    if (!viewer.isAuthenticated) throw unauthenticated();
    throw forbidden();
  };
}
