import { describe, expect, it } from 'vitest';
import { Viewer } from './auth.js';
import { RecentViewers, sameViewer } from './viewers.js';

const person = (memberships: { partnerId: string; role: 'MANAGER' | 'MEMBER' }[], platformRole: 'ADMIN' | null = null) => Viewer.person({ personId: 'p1', tokenId: 't1', platformRole, memberships });

describe('remembered viewers', () => {
  it('compare people, roles and memberships, in any order', () => {
    const a = person([
      { partnerId: 'x', role: 'MEMBER' },
      { partnerId: 'y', role: 'MANAGER' },
    ]);
    expect(
      sameViewer(
        a,
        person([
          { partnerId: 'y', role: 'MANAGER' },
          { partnerId: 'x', role: 'MEMBER' },
        ]),
      ),
    ).toBe(true);
    expect(
      sameViewer(
        a,
        person([
          { partnerId: 'x', role: 'MEMBER' },
          { partnerId: 'y', role: 'MEMBER' },
        ]),
      ),
    ).toBe(false);
    expect(sameViewer(a, person([{ partnerId: 'x', role: 'MEMBER' }]))).toBe(false);
    expect(
      sameViewer(
        a,
        person(
          [
            { partnerId: 'x', role: 'MEMBER' },
            { partnerId: 'y', role: 'MANAGER' },
          ],
          'ADMIN',
        ),
      ),
    ).toBe(false);
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

  it('tell apart another person, another token of the same person and another platform role', () => {
    const of = (personId: string, tokenId: string | null, platformRole: 'ADMIN' | null) => Viewer.person({ personId, tokenId, platformRole, memberships: [] });
    const a = of('p1', 't1', null);
    expect(sameViewer(a, of('p1', 't1', null))).toBe(true);
    expect(sameViewer(a, of('p2', 't1', null))).toBe(false);
    expect(sameViewer(a, of('p1', 't2', null))).toBe(false);
    expect(sameViewer(a, of('p1', null, null))).toBe(false);
    expect(sameViewer(a, of('p1', 't1', 'ADMIN'))).toBe(false);
    expect(sameViewer(Viewer.anonymous(), Viewer.anonymous())).toBe(true);
  });

  it('keep each token apart, and up to 10,000 of them by default', () => {
    const viewers = new RecentViewers();
    const a = person([]);
    const b = person([{ partnerId: 'x', role: 'MEMBER' }]);
    for (let i = 0; i < 10_000; i++) viewers.set(`mlg_${i}`, i === 0 ? a : b);
    expect(viewers.get('mlg_0')).toBe(a);
    expect(viewers.get('mlg_1')).toBe(b);
    expect(viewers.get('mlg_unknown')).toBeUndefined();
    viewers.set('mlg_10000', a);
    expect(viewers.get('mlg_0')).toBeUndefined(); // the oldest left
    expect(viewers.get('mlg_1')).toBe(b);
    expect(viewers.get('mlg_10000')).toBe(a);
  });

  it('compare memberships one by one, not their concatenation', () => {
    const of = (memberships: { partnerId: string; role: 'MANAGER' | 'MEMBER' }[]) => Viewer.person({ personId: 'p1', tokenId: 't1', platformRole: null, memberships });
    const a = of([
      { partnerId: 'x', role: 'MEMBER' },
      { partnerId: 'y:MEMBERz', role: 'MEMBER' },
    ]);
    const b = of([
      { partnerId: 'x:MEMBERy', role: 'MEMBER' },
      { partnerId: 'z', role: 'MEMBER' },
    ]);
    expect(sameViewer(a, b)).toBe(false);
  });
});
