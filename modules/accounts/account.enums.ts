import { registerEnumType } from 'type-graphql';

/** Role of a person in a partner (mirrors server/auth.ts MembershipRole). */
export enum MembershipRoleEnum {
  MANAGER = 'MANAGER',
  MEMBER = 'MEMBER',
}

registerEnumType(MembershipRoleEnum, {
  name: 'MembershipRole',
  description: 'Role of a person in a partner organization.',
  valuesConfig: {
    MANAGER: { description: "Gestionnaire: manages the partner's record, people and positions." },
    MEMBER: { description: "Membre: represents the partner in the platform's bodies; sees partners-only material." },
  },
});

/** Platform-wide role (mirrors server/auth.ts PlatformRole). */
export enum PlatformRoleEnum {
  ADMIN = 'ADMIN',
}

registerEnumType(PlatformRoleEnum, {
  name: 'PlatformRole',
  description: 'Platform-wide role.',
  valuesConfig: { ADMIN: { description: 'Administrateur: runs the platform (the host), holds every permission.' } },
});
