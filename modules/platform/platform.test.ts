import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TOKENS, type TestApp } from '../../test/harness.js';
import { todayInFrance } from '../../server/kit/index.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ modules: ['platform', 'organizations', 'accounts'], demoScale: { organizations: 20 } });
});
afterAll(async () => t?.close());

const SETTINGS = '{ platform { referenceDate fixedReferenceDate dataDescribes updatedAt } }';
const SET = 'mutation($d: LocalDate) { setReferenceDate(date: $d) { referenceDate fixedReferenceDate } }';

describe('the platform settings', () => {
  it('follow today unless fixed, and state the day the demo data describes', async () => {
    const res = await t.gql(SETTINGS);
    expect(res.errors).toBeUndefined();
    expect(res.data.platform).toMatchObject({ referenceDate: todayInFrance(), fixedReferenceDate: null, dataDescribes: '2026-01-01' });
  });

  it('let administrators only fix the reference date, within 2000–2100, and go back to today', async () => {
    for (const token of [undefined, TOKENS.expert, TOKENS.funder]) {
      const denied = await t.gql(SET, { d: '2012-06-30' }, token);
      expect(denied.errors[0].extensions.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    }
    const out = await t.gql(SET, { d: '1999-12-31' }, TOKENS.admin);
    expect(out.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'date' });
    const malformed = await t.gql(SET, { d: '2012-13-45' }, TOKENS.admin);
    expect(malformed.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await t.gql(SETTINGS)).data.platform.fixedReferenceDate).toBeNull();
    const fixed = await t.gql(SET, { d: '2012-06-30' }, TOKENS.admin);
    expect(fixed.data.setReferenceDate).toEqual({ referenceDate: '2012-06-30', fixedReferenceDate: '2012-06-30' });
    expect((await t.gql(SETTINGS)).data.platform.referenceDate).toBe('2012-06-30');
    const back = await t.gql(SET, { d: null }, TOKENS.admin);
    expect(back.data.setReferenceDate).toEqual({ referenceDate: todayInFrance(), fixedReferenceDate: null });
  });
});
