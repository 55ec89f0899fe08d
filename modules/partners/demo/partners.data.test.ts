import { describe, it, expect } from 'vitest';
import { DEMO_PARTNERS, STATE_AID_RULES, generatePartners, type PartnerSeed, type RulesSeed } from './partners.data.js';
import { communeNamesOf } from '../../territory/index.js';
import { SECTOR_CODES } from '../../sectors/index.js';

// The perimeter, from the territory module.
const CAB = communeNamesOf('CAB');
const DESVRES_SAMER = communeNamesOf('CCDS');
const COMMUNES = [...CAB, ...DESVRES_SAMER];

const STAGES = ['EMERGENCE', 'CREATION', 'DEVELOPMENT', 'CONSOLIDATION', 'RECOVERY'];
const PUBLICS = ['YOUTH', 'LONG_TERM_UNEMPLOYED', 'MINIMUM_INCOME', 'DISABLED', 'SENIORS', 'WOMEN', 'PRIORITY_DISTRICTS', 'FAMILIES', 'JOB_SEEKERS'];
const NEED_TYPES = ['INVESTMENT', 'WORKING_CAPITAL', 'OPERATIONS', 'TECHNICAL_SUPPORT'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const LEGAL_FORMS = ['ASSOCIATION', 'SCOP', 'SCIC', 'COOPERATIVE', 'MUTUAL_HEALTH', 'MUTUAL_INSURANCE', 'FOUNDATION', 'SARL', 'SAS', 'SA', 'COMMUNE', 'CCAS', 'INDIVIDUAL'];
const ACCREDITATIONS = ['SIAE_ACI', 'SIAE_AI', 'SIAE_EI', 'SIAE_ETTI', 'ESUS', 'EA', 'ESAT', 'SAP', 'JEP', 'GENERAL_INTEREST'];
const KINDS = ['FUNDER', 'EXPERT', 'TECHNICAL_PARTNER', 'SSE_REPRESENTATIVE', 'HOST'];
const SCHEME_KINDS = ['GRANT', 'LOAN', 'HONOUR_LOAN', 'GUARANTEE', 'QUASI_EQUITY', 'EQUITY', 'SUPPORT_PROGRAMME'];

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

function checkRules(r: RulesSeed): void {
  for (const stage of r.stages) expect(STAGES).toContain(stage);
  for (const form of r.legalForms) expect(LEGAL_FORMS).toContain(form);
  for (const kind of r.accreditations) expect(ACCREDITATIONS).toContain(kind);
  for (const p of r.publics) expect(PUBLICS).toContain(p);
  for (const n of r.needTypes) expect(NEED_TYPES).toContain(n);
  for (const [min, max] of [
    [r.minAmount, r.maxAmount],
    [r.minEmployees, r.maxEmployees],
    [r.minAgeYears, r.maxAgeYears],
  ] as const) {
    for (const v of [min, max]) if (v !== null) expect(Number.isInteger(v) && v >= 0).toBe(true);
    if (min !== null && max !== null) expect(min).toBeLessThanOrEqual(max);
  }
  for (const amount of [r.minAmount, r.maxAmount]) if (amount !== null) expect(amount).toBeGreaterThan(0);
}

function checkPartner(p: PartnerSeed): void {
  expect(p.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  expect(p.slug.length).toBeLessThanOrEqual(80);
  expect(p.name.length).toBeLessThanOrEqual(200);
  if (p.shortName !== null) expect(p.shortName.length).toBeLessThanOrEqual(60);
  expect(KINDS).toContain(p.kind);
  expect(p.roles[0]).toBe(p.kind);
  expect(new Set(p.roles).size).toBe(p.roles.length);
  for (const role of p.roles) expect(KINDS).toContain(role);
  expect(p.represents).not.toContain(p.slug);
  if (p.currentName !== null) expect(p.currentName).not.toBe(p.name);
  if (p.nameChangedYear !== null) expect(p.currentName).not.toBeNull();
  expect(p.description.length).toBeGreaterThan(20);
  if (p.email !== null) expect(p.email).toMatch(/^[a-z0-9.-]+@example\.(org|fr)$/);
  for (const list of [p.constraints, p.needs, p.contributions]) {
    expect(list.length).toBeGreaterThanOrEqual(1);
    expect(list.length).toBeLessThanOrEqual(3);
    for (const sentence of list) expect(sentence.length).toBeLessThanOrEqual(500);
  }
  expect(p.criteria.length).toBeGreaterThanOrEqual(1);
  expect(p.criteria.length).toBeLessThanOrEqual(3);
  expect(p.fundingSchemes.length).toBeLessThanOrEqual(5);
  for (const c of p.criteria) {
    expect(c.label.length).toBeGreaterThan(0);
    checkRules(c);
    for (const code of c.sectorCodes) expect(SECTOR_CODES).toContain(code);
    for (const commune of c.communeNames) expect(COMMUNES).toContain(commune);
    for (const i of c.intercommunalities) expect(['CAB', 'CCDS']).toContain(i);
    for (const d of c.departmentCodes) expect(d).toBe('62');
    for (const r of c.regionCodes) expect(r).toBe('32');
    const places = c.communeNames.length + c.intercommunalities.length + c.departmentCodes.length + c.regionCodes.length;
    expect(c.wholeTerritory).toBe(places === 0);
  }
  for (const s of p.fundingSchemes) {
    checkRules(s);
    expect(SCHEME_KINDS).toContain(s.kind);
    expect(s.name.length).toBeGreaterThan(0);
    expect(s.description.length).toBeGreaterThan(0);
    expect(s.eligibility.length).toBeGreaterThan(0);
    if (s.guaranteeRate !== null) {
      expect(s.kind).toBe('GUARANTEE');
      expect(s.guaranteeRate).toBeGreaterThan(0);
      expect(s.guaranteeRate).toBeLessThanOrEqual(100);
    }
    for (const day of [s.validFrom, s.validUntil]) if (day !== null) expect(day).toMatch(DAY);
    if (s.validFrom !== null && s.validUntil !== null) expect(s.validFrom <= s.validUntil).toBe(true);
    // Prêts participatifs and contrats d'apport associatif are quasi-equity, not loans.
    if (/prêt participatif|apport associatif|titres participatifs/i.test(s.name)) expect(s.kind).toBe('QUASI_EQUITY');
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
    expect(autonomie.fundingSchemes.map((s) => s.kind)).toEqual(['EQUITY', 'QUASI_EQUITY']);
    const caisse = findPartner(DEMO_PARTNERS, 'La Caisse Solidaire')!;
    expect(caisse.fundingSchemes.map((s) => s.kind)).toEqual(expect.arrayContaining(['LOAN', 'GUARANTEE']));
    const direccte = findPartner(DEMO_PARTNERS, 'Direccte')!;
    expect(direccte.criteria.some((c) => c.accreditations.includes('SIAE_ACI'))).toBe(true);
    const dla = direccte.fundingSchemes.find((s) => s.shortName === 'DLA')!;
    expect(dla.employerRequired).toBe(true);
    expect(DEMO_PARTNERS.some((p) => p.fundingSchemes.some((s) => s.kind === 'HONOUR_LOAN'))).toBe(true);
    const bdco = findPartner(DEMO_PARTNERS, 'Boulogne Développement')!;
    expect(bdco.criteria[0]?.wholeTerritory).toBe(false);
    expect(bdco.criteria[0]?.intercommunalities).toEqual(['CAB']);
  });

  it('makes Inséraction 62 the département’s France Active fund, a funder, and drops the fictional guarantee fund', () => {
    const inseraction = findPartner(DEMO_PARTNERS, 'Inséraction 62')!;
    expect(inseraction.kind).toBe('FUNDER');
    expect(inseraction.currentName).toBe('Pas-de-Calais Actif');
    const guarantee = inseraction.fundingSchemes.find((s) => s.kind === 'GUARANTEE')!;
    expect(guarantee.guaranteeRate).toBe(65);
    expect(inseraction.fundingSchemes.find((s) => s.name === "Contrat d'apport associatif")?.kind).toBe('QUASI_EQUITY');
    expect(inseraction.description).toContain('FINES');
    expect(DEMO_PARTNERS.some((p) => fold(p.name).includes('fonds territorial de garantie'))).toBe(false);
  });

  it('lets the Cigales speak for the solidarity finance pole', () => {
    const cigales = findPartner(DEMO_PARTNERS, 'Cigales')!;
    expect(cigales.represents).toEqual(['nef', 'autonomie-et-solidarite', 'caisse-solidaire']);
    expect(cigales.roles).toEqual(['FUNDER', 'SSE_REPRESENTATIVE']);
    const slugs = new Set(DEMO_PARTNERS.map((p) => p.slug));
    for (const p of DEMO_PARTNERS) for (const slug of p.represents) expect(slugs).toContain(slug);
  });

  it('keeps the 2012 names with today’s alongside', () => {
    const changed = Object.fromEntries(DEMO_PARTNERS.filter((p) => p.currentName).map((p) => [p.slug, [p.currentName, p.nameChangedYear]]));
    expect(changed).toMatchObject({
      direccte: ['DREETS Hauts-de-France et DDETS du Pas-de-Calais', 2021],
      'conseil-general-62': ['Conseil départemental du Pas-de-Calais', 2015],
      'conseil-regional': ['Conseil régional Hauts-de-France', 2016],
      'inseraction-62': ['Pas-de-Calais Actif', null],
      'ddcs-62': [expect.stringContaining('SDJES'), 2021],
      'caisse-des-depots': [expect.stringContaining('Banque des Territoires'), 2018],
    });
  });

  it('has the funders a Boulonnais adviser names, and URSCOP’s real tools', () => {
    for (const slug of ['cab', 'ccds', 'caisse-des-depots', 'initiative-boulonnais', 'fse', 'caf-62', 'ddcs-62']) {
      expect(DEMO_PARTNERS.find((p) => p.slug === slug)?.kind, slug).toBe('FUNDER');
    }
    const schemes = (slug: string) => DEMO_PARTNERS.find((p) => p.slug === slug)!.fundingSchemes;
    expect(schemes('cab').map((s) => s.name)).toEqual(["Appel à projets ESS de l'agglomération", "Mois de l'ESS"]);
    expect(schemes('initiative-boulonnais').map((s) => s.kind)).toEqual(['HONOUR_LOAN']);
    expect(schemes('ddcs-62').map((s) => s.name)).toEqual(['Poste FONJEP', 'FDVA – formation des bénévoles', 'FDVA – fonctionnement et innovation']);
    expect(schemes('fse').map((s) => [s.validFrom, s.validUntil])).toEqual([
      ['2007-01-01', '2015-12-31'],
      ['2014-01-01', '2023-12-31'],
      ['2021-01-01', '2029-12-31'],
    ]);
    expect(schemes('urscop').map((s) => [s.name, s.kind])).toEqual([
      ['Accompagnement à la création et à la reprise en coopérative', 'SUPPORT_PROGRAMME'],
      ['Prêt participatif Socoden', 'QUASI_EQUITY'],
      ['Garantie Sofiscop', 'GUARANTEE'],
      ['Titres participatifs IDES', 'QUASI_EQUITY'],
      ['Scopinvest', 'QUASI_EQUITY'],
    ]);
  });

  it('states the de minimis ceilings as data: 200 000 € then 300 000 €, SIEG 500 000 € then 750 000 €', () => {
    const ceilings = STATE_AID_RULES.map((r) => [r.frame, r.ceiling, r.periodYears, r.validFrom, r.validUntil]);
    expect(ceilings).toEqual([
      ['DE_MINIMIS_GENERAL', 200_000, 3, '2007-01-01', '2023-12-31'],
      ['DE_MINIMIS_GENERAL', 300_000, 3, '2024-01-01', '2030-12-31'],
      ['DE_MINIMIS_SIEG', 500_000, 3, null, '2023-12-31'],
      ['DE_MINIMIS_SIEG', 750_000, 3, '2024-01-01', '2030-12-31'],
    ]);
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
