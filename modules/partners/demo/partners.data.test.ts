import { describe, it, expect } from 'vitest';
import { DEMO_PARTNERS, generatePartners, type PartnerSeed } from './partners.data.js';
import { communeNamesOf } from '../../territory/index.js';
import { SECTOR_CODES } from '../../sectors/index.js';

// The perimeter, from the territory module.
const CAB = communeNamesOf('CAB');
const DESVRES_SAMER = communeNamesOf('CCDS');
const COMMUNES = [...CAB, ...DESVRES_SAMER];

const STAGES = ['CREATION', 'DEVELOPMENT', 'CONSOLIDATION'];
const LEGAL_FORMS = ['ASSOCIATION', 'SCOP', 'SCIC', 'COOPERATIVE', 'MUTUAL_HEALTH', 'MUTUAL_INSURANCE', 'FOUNDATION', 'SARL', 'SAS', 'SA', 'COMMUNE', 'CCAS', 'INDIVIDUAL'];
const ACCREDITATIONS = ['SIAE_ACI', 'SIAE_AI', 'SIAE_EI', 'SIAE_ETTI', 'ESUS', 'EA', 'ESAT', 'SAP', 'JEP', 'GENERAL_INTEREST'];
const KINDS = ['FUNDER', 'EXPERT', 'TECHNICAL_PARTNER', 'SSE_REPRESENTATIVE', 'HOST'];
const SCHEME_KINDS = ['GRANT', 'LOAN', 'HONOUR_LOAN', 'GUARANTEE', 'EQUITY', 'SUPPORT_PROGRAMME'];

/** Lower case, no accents, straight apostrophes: to compare names as a reader would. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/’/g, "'")
    .toLowerCase();
}

function findPartner(partners: PartnerSeed[], named: string): PartnerSeed | undefined {
  const key = fold(named);
  return partners.find((p) => fold(p.name).includes(key) || (p.shortName !== null && fold(p.shortName) === key));
}

function checkPartner(p: PartnerSeed): void {
  expect(p.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  expect(p.slug.length).toBeLessThanOrEqual(80);
  expect(p.name.length).toBeLessThanOrEqual(200);
  if (p.shortName !== null) expect(p.shortName.length).toBeLessThanOrEqual(60);
  expect(KINDS).toContain(p.kind);
  expect(p.description.length).toBeGreaterThan(20);
  if (p.email !== null) expect(p.email).toMatch(/^[a-z0-9.-]+@example\.(org|fr)$/);
  for (const list of [p.constraints, p.needs, p.contributions]) {
    expect(list.length).toBeGreaterThanOrEqual(1);
    expect(list.length).toBeLessThanOrEqual(3);
    for (const sentence of list) expect(sentence.length).toBeLessThanOrEqual(500);
  }
  expect(p.criteria.length).toBeGreaterThanOrEqual(1);
  expect(p.criteria.length).toBeLessThanOrEqual(3);
  expect(p.fundingSchemes.length).toBeLessThanOrEqual(3);
  for (const c of p.criteria) {
    expect(c.label.length).toBeGreaterThan(0);
    for (const code of c.sectorCodes) expect(SECTOR_CODES).toContain(code);
    for (const stage of c.stages) expect(STAGES).toContain(stage);
    for (const form of c.legalForms) expect(LEGAL_FORMS).toContain(form);
    for (const kind of c.accreditations) expect(ACCREDITATIONS).toContain(kind);
    for (const commune of c.communeNames) expect(COMMUNES).toContain(commune);
    if (!c.wholeTerritory) expect(c.communeNames.length).toBeGreaterThan(0);
    for (const amount of [c.minAmount, c.maxAmount]) if (amount !== null) expect(Number.isInteger(amount) && amount > 0).toBe(true);
    if (c.minAmount !== null && c.maxAmount !== null) expect(c.minAmount).toBeLessThanOrEqual(c.maxAmount);
  }
  for (const s of p.fundingSchemes) {
    expect(SCHEME_KINDS).toContain(s.kind);
    expect(s.name.length).toBeGreaterThan(0);
    expect(s.description.length).toBeGreaterThan(0);
    expect(s.eligibility.length).toBeGreaterThan(0);
    for (const stage of s.stages) expect(STAGES).toContain(stage);
    for (const amount of [s.minAmount, s.maxAmount]) if (amount !== null) expect(Number.isInteger(amount) && amount > 0).toBe(true);
    if (s.minAmount !== null && s.maxAmount !== null) expect(s.minAmount).toBeLessThanOrEqual(s.maxAmount);
  }
}

describe('DEMO_PARTNERS', () => {
  it.each([
    // Technical committee
    'Conseil Régional',
    'Direccte',
    'Conseil Général du Pas-de-Calais',
    'Inséraction 62',
    'APES',
    'Association des Cigales du Nord et du Pas-de-Calais',
    'URIAE',
    'CRESS',
    'URSCOP',
    'Chantier École',
    // Solidarity finance represented by the Cigales
    'NEF',
    'Autonomie et Solidarité',
    'La Caisse Solidaire',
    // Technical partners
    "service d'amorçage de projets",
    "couveuse d'entreprises à l'essai",
    'Boulogne Développement',
    "pépinières d'entreprises",
    // Host
    "Maison de l'Emploi et de la Formation du Boulonnais",
  ])('includes "%s", named in the call', (named) => {
    expect(findPartner(DEMO_PARTNERS, named)).toBeDefined();
  });

  it('puts the technical committee of the call on the technical committee', () => {
    for (const named of ['Conseil Régional', 'Direccte', 'Conseil Général', 'Inséraction 62', 'APES', 'Cigales', 'URIAE', 'CRESS', 'URSCOP', 'Chantier École']) {
      expect(findPartner(DEMO_PARTNERS, named)?.technicalCommittee, named).toBe(true);
    }
  });

  it('has one host, the MEF, on both bodies', () => {
    const hosts = DEMO_PARTNERS.filter((p) => p.kind === 'HOST');
    expect(hosts).toHaveLength(1);
    expect(hosts[0]?.name).toBe("Maison de l'Emploi et de la Formation du Boulonnais");
    expect(hosts[0]?.technicalCommittee).toBe(true);
    expect(hosts[0]?.steeringBoard).toBe(true);
  });

  it('has the steering board kinds of the call: SSE actors, banks, the development agency and foundations', () => {
    const board = DEMO_PARTNERS.filter((p) => p.steeringBoard);
    expect(board.some((p) => p.kind === 'SSE_REPRESENTATIVE')).toBe(true);
    expect(board.some((p) => fold(p.name).includes('banque'))).toBe(true);
    expect(board.some((p) => fold(p.name).includes('fondation'))).toBe(true);
    expect(board.some((p) => p.slug === 'boulogne-developpement')).toBe(true);
  });

  it('has unique slugs and names and well-formed, fictional data', () => {
    expect(new Set(DEMO_PARTNERS.map((p) => p.slug)).size).toBe(DEMO_PARTNERS.length);
    expect(new Set(DEMO_PARTNERS.map((p) => p.name)).size).toBe(DEMO_PARTNERS.length);
    for (const p of DEMO_PARTNERS) checkPartner(p);
  });

  it('encodes the realistic rules of the main funders', () => {
    const urscop = findPartner(DEMO_PARTNERS, 'URSCOP')!;
    expect(urscop.criteria.every((c) => c.legalForms.length > 0 && c.legalForms.every((f) => f === 'SCOP' || f === 'SCIC'))).toBe(true);
    const cigales = findPartner(DEMO_PARTNERS, 'Cigales')!;
    const equity = cigales.fundingSchemes.find((s) => s.kind === 'EQUITY')!;
    expect([equity.minAmount, equity.maxAmount]).toEqual([1_000, 15_000]);
    expect(equity.stages).toContain('CREATION');
    expect(cigales.criteria.every((c) => !c.legalForms.includes('ASSOCIATION'))).toBe(true);
    expect(findPartner(DEMO_PARTNERS, 'NEF')!.fundingSchemes.some((s) => s.kind === 'LOAN')).toBe(true);
    const autonomie = findPartner(DEMO_PARTNERS, 'Autonomie et Solidarité')!;
    expect(autonomie.fundingSchemes.map((s) => s.kind)).toEqual(expect.arrayContaining(['EQUITY', 'LOAN']));
    const caisse = findPartner(DEMO_PARTNERS, 'La Caisse Solidaire')!;
    expect(caisse.fundingSchemes.map((s) => s.kind)).toEqual(expect.arrayContaining(['LOAN', 'GUARANTEE']));
    const direccte = findPartner(DEMO_PARTNERS, 'Direccte')!;
    expect(direccte.criteria.some((c) => c.accreditations.includes('SIAE_ACI'))).toBe(true);
    expect(DEMO_PARTNERS.some((p) => p.fundingSchemes.some((s) => s.kind === 'HONOUR_LOAN'))).toBe(true);
    const bdco = findPartner(DEMO_PARTNERS, 'Boulogne Développement')!;
    expect(bdco.criteria[0]?.wholeTerritory).toBe(false);
    expect([...(bdco.criteria[0]?.communeNames ?? [])].sort()).toEqual([...CAB].sort());
  });

  it('lets a SCOP in creation in recycling asking 10 000 € find partners', () => {
    const covering = DEMO_PARTNERS.filter((p) =>
      p.criteria.some(
        (c) =>
          (c.legalForms.length === 0 || c.legalForms.includes('SCOP')) &&
          (c.stages.length === 0 || c.stages.includes('CREATION')) &&
          (c.sectorCodes.length === 0 || c.sectorCodes.includes('recyclage-reemploi')) &&
          (c.minAmount === null || c.minAmount <= 10_000) &&
          (c.maxAmount === null || c.maxAmount >= 10_000),
      ),
    );
    expect(covering.map((p) => p.slug)).toEqual(expect.arrayContaining(['urscop', 'cigales-nord-pas-de-calais']));
  });
});

describe('generatePartners', () => {
  const options = { count: 200, seed: 2012, communes: COMMUNES, sectorCodes: SECTOR_CODES };

  it('starts with DEMO_PARTNERS, then fills up to count with unique slugs and names', () => {
    const partners = generatePartners(options);
    expect(partners).toHaveLength(200);
    expect(partners.slice(0, DEMO_PARTNERS.length)).toEqual(DEMO_PARTNERS);
    expect(new Set(partners.map((p) => p.slug)).size).toBe(200);
    expect(new Set(partners.map((p) => p.name)).size).toBe(200);
    for (const p of partners) checkPartner(p);
    expect(partners.slice(DEMO_PARTNERS.length).some((p) => p.kind === 'HOST')).toBe(false);
  });

  it('is deterministic for a given seed', () => {
    expect(generatePartners(options)).toEqual(generatePartners(options));
    expect(generatePartners({ ...options, seed: 1 })).not.toEqual(generatePartners(options));
  });

  it('returns copies that do not alias DEMO_PARTNERS', () => {
    const partners = generatePartners(options);
    partners[0]!.criteria[0]!.sectorCodes.push('culture');
    partners[0]!.constraints.push('Modifié.');
    expect(DEMO_PARTNERS[0]!.criteria[0]!.sectorCodes).not.toContain('culture');
    expect(DEMO_PARTNERS[0]!.constraints).not.toContain('Modifié.');
  });

  it('handles small and large counts', () => {
    expect(generatePartners({ ...options, count: 0 })).toEqual([]);
    expect(generatePartners({ ...options, count: 3 }).map((p) => p.slug)).toEqual(DEMO_PARTNERS.slice(0, 3).map((p) => p.slug));
    const many = generatePartners({ ...options, count: 5_000 });
    expect(new Set(many.map((p) => p.slug)).size).toBe(5_000);
    expect(new Set(many.map((p) => p.name)).size).toBe(5_000);
    expect(() => generatePartners({ ...options, count: -1 })).toThrow(RangeError);
  });
});
