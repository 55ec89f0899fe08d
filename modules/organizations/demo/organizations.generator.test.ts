import { describe, it, expect } from 'vitest';
import { isValidSiret } from '../siret.js';
import { PERIMETER_COMMUNES } from '../../territory/index.js';
import { SECTOR_CODES } from '../../sectors/index.js';
import { DEMO_EMPLOYER_COUNT, DEMO_ORGANIZATION_COUNT, DEMO_SEED, generateOrganizations, type OrganizationSeed } from './organizations.generator.js';

// The perimeter (the territory module's): the CAB and the Communauté de communes de Desvres-Samer.
const COMMUNES = [...PERIMETER_COMMUNES];

const SIAE = new Set(['SIAE_ACI', 'SIAE_EI', 'SIAE_ETTI', 'SIAE_AI']);

function demo(seed = DEMO_SEED): OrganizationSeed[] {
  return generateOrganizations({
    count: DEMO_ORGANIZATION_COUNT,
    employers: DEMO_EMPLOYER_COUNT,
    seed,
    communes: COMMUNES,
    sectorCodes: SECTOR_CODES,
  });
}

describe('generateOrganizations', () => {
  const organizations = demo();

  it('uses the figures of the call', () => {
    expect(DEMO_ORGANIZATION_COUNT).toBe(690);
    expect(DEMO_EMPLOYER_COUNT).toBe(316);
    expect(DEMO_SEED).toBe(2012);
  });

  it('is deterministic for a given seed', () => {
    expect(demo()).toEqual(organizations);
    expect(demo(DEMO_SEED + 1)).not.toEqual(organizations);
  });

  it('produces exactly count organizations, employers of them with employees', () => {
    expect(organizations).toHaveLength(690);
    expect(organizations.filter((o) => o.employees > 0)).toHaveLength(316);
    expect(organizations.filter((o) => o.employees === 0)).toHaveLength(690 - 316);
    for (const o of organizations) {
      expect(Number.isInteger(o.employees)).toBe(true);
      expect(o.employees).toBeGreaterThanOrEqual(0);
    }
  });

  it('gives a valid and unique SIRET to every created organization', () => {
    const sirets = organizations.flatMap((o) => (o.siret === null ? [] : [o.siret]));
    for (const siret of sirets) expect(isValidSiret(siret), siret).toBe(true);
    expect(new Set(sirets).size).toBe(sirets.length);
  });

  it('gives unique names', () => {
    expect(new Set(organizations.map((o) => o.name)).size).toBe(organizations.length);
  });

  it('only uses the given communes and sectors, Boulogne-sur-Mer first', () => {
    for (const o of organizations) {
      expect(COMMUNES).toContain(o.communeName);
      expect(SECTOR_CODES).toContain(o.sectorCode);
    }
    const inBoulogne = organizations.filter((o) => o.communeName === 'Boulogne-sur-Mer').length;
    const inDesvres = organizations.filter((o) => o.communeName === 'Desvres').length;
    expect(inBoulogne).toBeGreaterThan(organizations.length / 5);
    expect(inBoulogne).toBeGreaterThan(inDesvres);
  });

  it('has about 4% project holders, not created yet', () => {
    const holders = organizations.filter((o) => o.siret === null);
    expect(holders.length).toBeGreaterThanOrEqual(15);
    expect(holders.length).toBeLessThanOrEqual(45);
    for (const h of holders) {
      expect(h.foundedYear).toBeNull();
      expect(h.stage).toBe('CREATION');
      expect(h.employees).toBe(0);
      expect(h.esus).toBe(false);
      expect(h.contacts[0]?.isHolder).toBe(true);
    }
  });

  it('weights legal forms like the real SSE, SIAE only in insertion and always ESUS once created', () => {
    const associations = organizations.filter((o) => o.legalForm === 'ASSOCIATION').length;
    expect(associations / organizations.length).toBeGreaterThan(0.7);
    expect(associations / organizations.length).toBeLessThan(0.9);
    const siae = organizations.filter((o) => SIAE.has(o.legalForm));
    expect(siae.length).toBeGreaterThan(0);
    for (const o of siae) {
      expect(o.sectorCode).toBe('insertion');
      expect(o.esus).toBe(o.siret !== null);
    }
    const esus = organizations.filter((o) => o.esus).length / organizations.length;
    expect(esus).toBeGreaterThan(0.08);
    expect(esus).toBeLessThan(0.22);
  });

  it('has plausible years, stages and staff', () => {
    for (const o of organizations) {
      if (o.foundedYear !== null) {
        expect(o.foundedYear).toBeGreaterThanOrEqual(1901);
        expect(o.foundedYear).toBeLessThanOrEqual(2024);
        if (o.legalForm === 'SCIC') expect(o.foundedYear).toBeGreaterThanOrEqual(2002);
      }
      expect(['CREATION', 'DEVELOPMENT', 'CONSOLIDATION']).toContain(o.stage);
      expect(o.employees).toBeLessThanOrEqual(250);
    }
    const employers = organizations.filter((o) => o.employees > 0);
    const small = employers.filter((o) => o.employees <= 10).length;
    expect(small / employers.length).toBeGreaterThan(0.5);
  });

  it('uses fictional contact details only', () => {
    const emails = organizations.flatMap((o) => [o.email, ...o.contacts.map((c) => c.email)]);
    for (const email of emails) {
      if (email !== null) expect(email).toMatch(/^[a-z0-9.-]+@example\.(org|fr)$/);
    }
    const phones = organizations.flatMap((o) => [o.phone, ...o.contacts.map((c) => c.phone)]);
    for (const phone of phones) if (phone !== null) expect(phone).toMatch(/^03 53 01 \d\d \d\d$/);
    for (const o of organizations) {
      if (o.website !== null) expect(o.website).toMatch(/^https:\/\/www\.example\.org\/[a-z0-9-]+$/);
      expect(o.contacts.length).toBeGreaterThanOrEqual(1);
      expect(o.contacts.length).toBeLessThanOrEqual(3);
    }
  });

  it('writes French text for people to read', () => {
    const text = organizations.map((o) => `${o.name} ${o.description} ${o.contacts.map((c) => c.role).join(' ')}`).join(' ');
    expect(text).toMatch(/[éèàç]/);
    expect(text).not.toMatch(/undefined|null|NaN/);
  });

  it('shares data with consent for about 70% of organizations', () => {
    const share = organizations.filter((o) => o.consentToShare).length / organizations.length;
    expect(share).toBeGreaterThan(0.6);
    expect(share).toBeLessThan(0.8);
  });

  it('handles edge cases and rejects invalid options', () => {
    expect(generateOrganizations({ count: 0, employers: 0, seed: 1, communes: COMMUNES, sectorCodes: SECTOR_CODES })).toEqual([]);
    const allEmployers = generateOrganizations({ count: 50, employers: 50, seed: 1, communes: ['Samer'], sectorCodes: ['culture'] });
    expect(allEmployers.every((o) => o.employees > 0 && o.siret !== null && o.communeName === 'Samer')).toBe(true);
    expect(() => generateOrganizations({ count: 5, employers: 6, seed: 1, communes: COMMUNES, sectorCodes: SECTOR_CODES })).toThrow(RangeError);
    expect(() => generateOrganizations({ count: 5, employers: 1, seed: 1, communes: [], sectorCodes: SECTOR_CODES })).toThrow(RangeError);
    expect(() => generateOrganizations({ count: 5, employers: 1, seed: 1, communes: COMMUNES, sectorCodes: [] })).toThrow(RangeError);
  });

  it('generates 10,000 organizations quickly, with unique names and SIRETs', () => {
    const started = performance.now();
    const many = generateOrganizations({ count: 10_000, employers: 4_580, seed: 7, communes: COMMUNES, sectorCodes: SECTOR_CODES });
    const elapsed = performance.now() - started;
    expect(many.filter((o) => o.employees > 0)).toHaveLength(4_580);
    expect(new Set(many.map((o) => o.name)).size).toBe(10_000);
    const sirets = many.flatMap((o) => (o.siret === null ? [] : [o.siret]));
    expect(new Set(sirets).size).toBe(sirets.length);
    // Typically well under a second; the bound is loose so that a busy CI machine does not fail the test.
    expect(elapsed).toBeLessThan(3_000);
  });
});
