import { describe, expect, it } from 'vitest';
import { contextOf, OTHER_PARTNER, PARTNER, PARTNER_MANAGERS_ONLY, expectAllowedOrForbidden, thrown, type ViewerKey } from '../../test/policy-context.js';
import { PartnerPolicy } from './partner.policy.js';

describe('who may change a partner', () => {
  it.each<[ViewerKey, boolean]>([...PARTNER_MANAGERS_ONLY])('%s may manage it: %s', (viewer, allowed) => {
    const check = () => PartnerPolicy.assertCanManage(contextOf(viewer), PARTNER);
    expectAllowedOrForbidden(check, allowed, 'Seuls les gestionnaires de ce partenaire et les administrateurs peuvent le modifier.');
  });

  it('a manager manages only their own partner', () => {
    expect(() => PartnerPolicy.assertCanManage(contextOf('otherManager'), OTHER_PARTNER)).not.toThrow();
    expect(thrown(() => PartnerPolicy.assertCanManage(contextOf('manager'), OTHER_PARTNER)).extensions.code).toBe('FORBIDDEN');
  });

  it.each(['technicalCommittee', 'steeringBoard', 'active'] as const)('only an administrator sets %s, to true or false', (field) => {
    for (const value of [true, false]) {
      expect(() => PartnerPolicy.assertCanChangeStatus(contextOf('admin'), { [field]: value })).not.toThrow();
      for (const viewer of ['manager', 'member', 'loner', 'anonymous'] as const) {
        const error = thrown(() => PartnerPolicy.assertCanChangeStatus(contextOf(viewer), { [field]: value }));
        expect(error.extensions.code).toBe('FORBIDDEN');
        expect(error.message).toBe("Seuls les administrateurs de la plate-forme changent la composition des instances ou le statut d'un partenaire.");
      }
    }
  });

  it('a manager may send an update without those fields, or with them null', () => {
    expect(() => PartnerPolicy.assertCanChangeStatus(contextOf('manager'), {})).not.toThrow();
    expect(() => PartnerPolicy.assertCanChangeStatus(contextOf('manager'), { technicalCommittee: null, steeringBoard: null, active: null })).not.toThrow();
  });
});
