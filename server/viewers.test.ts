import { describe, expect, it } from 'vitest';
import { Viewer } from './auth.js';
import { RecentViewers, sameViewer } from './viewers.js';

const person = (memberships: { partnerId: string; role: 'MANAGER' | 'MEMBER' }[], platformRole: 'ADMIN' | null = null) =>
  Viewer.person({ personId: 'p1', tokenId: 't1', platformRole, memberships });

describe('remembered viewers', () => {
  it('compare people, roles and memberships, in any order', () => {
    const a = person([{ partnerId: 'x', role: 'MEMBER' }, { partnerId: 'y', role: 'MANAGER' }]);
    expect(sameViewer(a, person([{ partnerId: 'y', role: 'MANAGER' }, { partnerId: 'x', role: 'MEMBER' }]))).toBe(true);
    expect(sameViewer(a, person([{ partnerId: 'x', role: 'MEMBER' }, { partnerId: 'y', role: 'MEMBER' }]))).toBe(false);
    expect(sameViewer(a, person([{ partnerId: 'x', role: 'MEMBER' }]))).toBe(false);
    expect(sameViewer(a, person([{ partnerId: 'x', role: 'MEMBER' }, { partnerId: 'y', role: 'MANAGER' }], 'ADMIN'))).toBe(false);
  });

  it('forget refused tokens and keep at most the given number', () => {
    const viewers = new RecentViewers(2);
    const v = person([]);
    viewers.set('mlg_a', v);
    viewers.set('mlg_b', v);
    viewers.set('mlg_a', v); // refreshed: now the newest
    viewers.set('mlg_c', v);
    expect([viewers.get('mlg_a'), viewers.get('mlg_b'), viewers.get('mlg_c')]).toEqual([v, undefined, v]);
    viewers.set('mlg_c', null);
    expect(viewers.get('mlg_c')).toBeUndefined();
  });
});
