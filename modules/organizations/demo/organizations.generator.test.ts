/**
 * The checks an SSE adviser of the Boulonnais makes reading the demo directory: over the whole generated
 * set and over 50 organizations taken at random, nothing may read false.
 */
import { describe, it, expect } from 'vitest';
import { isValidSiren, isValidSiret } from '../siret.js';
import { PERIMETER_COMMUNES, communeNamesOf } from '../../territory/index.js';
import { SECTOR_CODES } from '../../sectors/index.js';
import { ACCREDITATION_HOLDERS, AccreditationKind, EssFamily, LegalForm, SIAE_KINDS, Stage } from '../organization.enums.js';
import { createRandom } from '../../../server/kit/index.js';
import { ACTIVITY_BY_CODE, FORM_SINCE, NETWORK_BY_CODE } from './activities.catalogue.js';
import { COMMUNE_FACTS, PRIORITY_DISTRICTS, communeFacts, staffCapacity } from './communes.data.js';
import { SEA_WORDS } from './names.js';
import { DEMO_DATA_DATE, DEMO_ORGANIZATION_COUNT, DEMO_SEED, LATEST_FIGURES_YEAR, familyOf, generateOrganizations, isCurrent, type OrganizationSeed } from './organizations.generator.js';

const COMMUNES = [...PERIMETER_COMMUNES];
const CCDS = new Set(communeNamesOf('CCDS'));

function demo(seed = DEMO_SEED, count = DEMO_ORGANIZATION_COUNT): OrganizationSeed[] {
  return generateOrganizations({ count, seed, communes: COMMUNES, sectorCodes: SECTOR_CODES });
}

const all = demo();
const created = all.filter((o) => o.siret !== null);
const ess = created.filter((o) => familyOf(o) !== null);
/** 50 organizations an adviser opens at random (a fixed draw, so that a failure names the same ones). */
const sample = (() => {
  const r = createRandom(50);
  const picked = new Set<number>();
  while (picked.size < 50) picked.add(r.int(0, all.length - 1));
  return [...picked].map((i) => all[i]!);
})();
const jobs = (list: readonly OrganizationSeed[]): number => list.reduce((sum, o) => sum + o.employees, 0);
const label = (o: OrganizationSeed): string => `${o.name} (${o.legalForm}, ${o.activity}, ${o.communeName}, ${o.employees} salariés)`;

/** What an adviser checks on one organization; each failing check is a sentence. */
function problems(o: OrganizationSeed): string[] {
  const out: string[] = [];
  const activity = ACTIVITY_BY_CODE.get(o.activity);
  if (activity === undefined) return [`activité inconnue ${o.activity}`];
  const facts = communeFacts(o.communeName);
  const seaside = facts.coastal || facts.port;
  // Where
  if (activity.place === 'coast' && !facts.coastal) out.push('activité littorale loin de la mer');
  if (activity.place === 'port' && !facts.port) out.push('activité portuaire hors du port');
  if (activity.place === 'rural' && facts.population >= 3000) out.push('activité rurale en ville');
  if (activity.place === 'town' && facts.population < 3000) out.push('activité urbaine dans un village');
  if (o.employees > staffCapacity(facts.population)) out.push(`${o.employees} salariés pour ${facts.population} habitants`);
  if (!seaside && SEA_WORDS.test(o.name)) out.push('nom maritime dans une commune sans mer ni port');
  if (o.priorityDistrict !== null && !(PRIORITY_DISTRICTS[o.communeName] ?? []).some((d) => d.name === o.priorityDistrict)) out.push('QPV inexistant dans la commune');
  // Form, accreditations and name
  if (!activity.forms.some(([f]) => f === o.legalForm) && o.legalForm !== LegalForm.INDIVIDUAL) out.push('forme juridique invraisemblable pour l’activité');
  for (const a of o.accreditations) {
    if (!ACCREDITATION_HOLDERS[a.kind].includes(o.legalForm)) out.push(`${a.kind} porté par ${o.legalForm}`);
    if (a.until !== null && a.until < a.since) out.push(`${a.kind} finit avant de commencer`);
    if (o.creationDate !== null && a.since < o.creationDate) out.push(`${a.kind} avant la création`);
    if (a.since > DEMO_DATA_DATE) out.push(`${a.kind} postérieur à la date des données`);
    if (a.since < '1980-01-01') out.push(`${a.kind} avant 1980`);
    if (a.kind === AccreditationKind.ESUS && a.since < '2014-08-01') out.push('ESUS avant la loi de 2014');
    if ((a.postsFte !== null) !== SIAE_KINDS.includes(a.kind)) out.push('postes en ETP hors conventionnement d’insertion');
  }
  for (const rule of activity.accreditations) {
    if (rule.chance === 1 && o.siret !== null && ACCREDITATION_HOLDERS[rule.kind].includes(o.legalForm) && !o.accreditations.some((a) => a.kind === rule.kind)) out.push(`${rule.kind} manquant`);
  }
  const siae = o.accreditations.some((a) => SIAE_KINDS.includes(a.kind));
  const name = o.name;
  const nameRules: [RegExp, (o: OrganizationSeed) => boolean, string][] = [
    [/\bSCOP\b/, (x) => x.legalForm === LegalForm.SCOP, 'SCOP'],
    [/\bSCIC\b/, (x) => x.legalForm === LegalForm.SCIC, 'SCIC'],
    [/Mutuelle|mutualiste|Mutualité/, (x) => x.legalForm === LegalForm.MUTUAL_HEALTH || x.legalForm === LegalForm.MUTUAL_INSURANCE, 'mutuelle'],
    [/Mutuelle d'assurance/, (x) => x.legalForm === LegalForm.MUTUAL_INSURANCE, "mutuelle d'assurance"],
    [/Fondation/, (x) => x.legalForm === LegalForm.FOUNDATION, 'fondation'],
    [/Caisse locale/, (x) => x.activity === 'bank-local-caisse' && NETWORK_BY_CODE.get(x.network ?? '')?.localCaisses === true, 'caisse locale'],
    [/\bCUMA\b|Coopérative|coopératif/, (x) => x.legalForm === LegalForm.COOPERATIVE || x.legalForm === LegalForm.SCOP || x.legalForm === LegalForm.SCIC, 'coopérative'],
    [/Association intermédiaire/, (x) => x.accreditations.some((a) => a.kind === AccreditationKind.SIAE_AI), 'association intermédiaire'],
    [/Chantier d'insertion|Jardins d'insertion|chantier d'insertion/, (x) => x.accreditations.some((a) => a.kind === AccreditationKind.SIAE_ACI), "chantier d'insertion"],
    [/Entreprise d'insertion|Restaurant d'insertion/, (x) => x.accreditations.some((a) => a.kind === AccreditationKind.SIAE_EI), "entreprise d'insertion"],
    [/Intérim d'insertion/, (x) => x.accreditations.some((a) => a.kind === AccreditationKind.SIAE_ETTI), "intérim d'insertion"],
    [/\bESAT\b/, (x) => x.accreditations.some((a) => a.kind === AccreditationKind.ESAT), 'ESAT'],
    [/Entreprise adaptée/, (x) => x.accreditations.some((a) => a.kind === AccreditationKind.EA), 'entreprise adaptée'],
    [/\bCCAS\b/, (x) => x.legalForm === LegalForm.CCAS, 'CCAS'],
    [/^Association\b/, (x) => x.legalForm === LegalForm.ASSOCIATION || (x.legalForm === LegalForm.INDIVIDUAL && x.name.startsWith('Projet')), 'association'],
    [/^Projet /, (x) => x.legalForm === LegalForm.INDIVIDUAL, 'projet'],
  ];
  // A project's name tells what it will be, not its holder's form: only the "Projet" rule applies.
  for (const [pattern, ok, what] of nameRules) if (pattern.test(name) && !ok(o) && (o.legalForm !== LegalForm.INDIVIDUAL || what === 'projet')) out.push(`nom de ${what} pour ${o.legalForm}`);
  if (/\(\d+\)$/.test(name)) out.push('nom numéroté comme un doublon');
  // Identifiers
  if (o.siret !== null) {
    if (!isValidSiret(o.siret) || !isValidSiren(o.siret.slice(0, 9))) out.push('SIRET ou SIREN invalide');
    if (o.headOffice === null) out.push('siège inconnu');
    if (o.nafCode === null || !activity.naf.includes(o.nafCode)) out.push('code NAF étranger à l’activité');
    if (o.nafCode !== null && !/^\d{2}\.\d{2}[A-Z]$/.test(o.nafCode)) out.push('code NAF mal formé');
    if (o.creationDate === null || o.creationDate < FORM_SINCE[o.legalForm] || o.creationDate > DEMO_DATA_DATE) out.push('date de création impossible pour la forme');
    if (o.creationDate !== null && o.creationDate.slice(0, 4) < String(activity.since)) out.push('créée avant que l’activité existe');
    if (o.foundedYear !== Number(o.creationDate?.slice(0, 4))) out.push('année de création incohérente');
    if (o.address === null || o.postalCode !== facts.postalCode) out.push('adresse incomplète');
    if ((o.legalForm === LegalForm.CCAS) !== o.siret.startsWith('2')) out.push('SIREN public hors collectivité');
  } else if (o.legalForm !== LegalForm.INDIVIDUAL || o.stage !== Stage.EMERGENCE || o.employees !== 0 || o.creationDate !== null || o.figures.length > 0 || o.accreditations.length > 0) {
    out.push('porteur de projet incohérent');
  }
  if (o.rna !== null && (o.legalForm !== LegalForm.ASSOCIATION || !/^W[0-9A-Z]{9}$/.test(o.rna))) out.push('RNA hors association ou mal formé');
  if ((o.network !== null) !== (o.headOffice === false)) out.push('établissement secondaire sans réseau');
  if (o.sectorCodes[0] !== o.sectorCode || new Set(o.sectorCodes).size !== o.sectorCodes.length) out.push('secteurs mal ordonnés');
  if (o.sectorCodes.includes('insertion')) out.push("l'insertion n'est pas un secteur");
  // Figures
  const latest = o.figures[0];
  if (latest !== undefined) {
    if (latest.year !== LATEST_FIGURES_YEAR || latest.headcount !== o.employees) out.push('derniers chiffres décalés');
    for (let k = 1; k < o.figures.length; k++) if (o.figures[k]!.year !== o.figures[k - 1]!.year - 1) out.push('années non consécutives');
  } else if (o.siret !== null && o.headOffice && ACTIVITY_BY_CODE.get(o.activity)!.money !== null && Number(o.creationDate!.slice(0, 4)) <= LATEST_FIGURES_YEAR) out.push('chiffres manquants');
  if (o.headOffice === false && o.figures.length > 0) out.push('chiffres sur un établissement secondaire');
  for (const f of o.figures) {
    if (f.fte > f.headcount || (f.headcount > 0 && f.fte <= 0) || (f.headcount === 0 && f.fte !== 0)) out.push(`${f.year} : ETP ${f.fte} pour ${f.headcount} salariés`);
    if (f.insertionEmployees > 0 && !siae) out.push('salariés en insertion hors SIAE');
    if (siae && f.insertionEmployees === 0) out.push('SIAE sans salarié en insertion');
    if (f.insertionEmployees + f.subsidisedContracts > f.headcount) out.push('plus de contrats que de salariés');
    if (f.headcount > 0) {
      const payPerFte = f.payroll! / f.fte;
      const incomePerFte = f.income / f.fte;
      if (payPerFte < 20000 || payPerFte > 50000) out.push(`${f.year} : masse salariale de ${Math.round(payPerFte)} € par ETP`);
      if (f.payroll! > f.income) out.push('masse salariale au-delà des produits');
      if (incomePerFte < 25000 || incomePerFte > 350000) out.push(`${f.year} : ${Math.round(incomePerFte)} € de produits par ETP`);
    } else if (f.payroll !== 0 || f.income > 200000) out.push('produits ou masse salariale sans salarié');
    const share = f.publicFundingShare;
    if (share !== null) {
      if (share < 0 || share > 100) out.push('part publique hors de 0–100');
      if (share > 0 !== f.mainFunders.length > 0) out.push('financeurs et part publique discordants');
      if (o.accreditations.some((a) => a.kind === AccreditationKind.SIAE_ACI) && share < 60) out.push('ACI financé à moins de 60 % par le public');
      if ((o.legalForm === LegalForm.SCOP || o.legalForm === LegalForm.SARL || o.legalForm === LegalForm.SAS) && !siae && !o.accreditations.some((a) => a.kind === AccreditationKind.EA) && share > 15)
        out.push('SCOP ou société trop subventionnée');
    }
    if (f.equity !== null && f.equity < 0 && o.stage !== Stage.RECOVERY) out.push('fonds propres négatifs sans difficulté déclarée');
    if ((o.legalForm === LegalForm.CCAS) !== (f.equity === null)) out.push('fonds propres d’un CCAS');
    if (o.legalForm === LegalForm.SCOP && f.members < 2) out.push('SCOP de moins de deux associés');
    if (o.legalForm === LegalForm.SCIC && f.members < 3) out.push('SCIC de moins de trois sociétaires');
  }
  return out;
}

describe('the demo directory, as an adviser reads it', () => {
  it('states its date, its seed and its size', () => {
    expect(DEMO_DATA_DATE).toBe('2026-01-01');
    expect(DEMO_SEED).toBe(2012);
    expect(DEMO_ORGANIZATION_COUNT).toBe(1540);
    expect(all).toHaveLength(DEMO_ORGANIZATION_COUNT);
    expect(LATEST_FIGURES_YEAR).toBe(2024);
  });

  it('is deterministic for a given seed', () => {
    expect(demo()).toEqual(all);
    expect(demo(DEMO_SEED + 1)).not.toEqual(all);
  });

  it('finds nothing incoherent in 50 organizations taken at random', () => {
    expect(sample).toHaveLength(50);
    const found = sample.flatMap((o) => problems(o).map((p) => `${label(o)} : ${p}`));
    expect(found).toEqual([]);
  });

  it('finds nothing incoherent in the whole directory, nor with other seeds', () => {
    for (const list of [all, demo(7), demo(2026, 600)]) {
      const found = list.flatMap((o) => problems(o).map((p) => `${label(o)} : ${p}`));
      expect(found.slice(0, 20)).toEqual([]);
    }
  });

  it('knows the size, the coast and the postal code of every commune of the perimeter', () => {
    for (const name of COMMUNES) expect(COMMUNE_FACTS[name], name).toBeDefined();
    expect(Object.keys(COMMUNE_FACTS)).toHaveLength(COMMUNES.length);
    expect(COMMUNES).toContain('Questrecques');
    expect(COMMUNES).not.toContain('Zoteux');
    expect(COMMUNE_FACTS['Boulogne-sur-Mer']).toMatchObject({ coastal: true, port: true });
    expect(COMMUNE_FACTS.Desvres).toMatchObject({ coastal: false, port: false });
    const cab = COMMUNES.filter((c) => !CCDS.has(c)).reduce((s, c) => s + COMMUNE_FACTS[c]!.population, 0);
    expect(cab).toBeGreaterThan(100_000);
    expect(cab).toBeLessThan(125_000);
  });

  it('puts no coastal activity inland, no port activity away from the port, nothing too large for its commune', () => {
    for (const o of created) {
      const activity = ACTIVITY_BY_CODE.get(o.activity)!;
      const facts = communeFacts(o.communeName);
      if (activity.place === 'coast') expect(facts.coastal, label(o)).toBe(true);
      if (activity.place === 'port') expect(['Boulogne-sur-Mer', 'Le Portel', 'Outreau'], label(o)).toContain(o.communeName);
      expect(o.employees, label(o)).toBeLessThanOrEqual(staffCapacity(facts.population));
    }
    // The 130-staff youth centre of a 200-inhabitant village does not exist.
    for (const o of all.filter((x) => communeFacts(x.communeName).population < 1000)) expect(o.employees, label(o)).toBeLessThanOrEqual(25);
    expect(all.some((o) => o.activity === 'shore-fishing')).toBe(true);
  });

  it('gives every created structure a valid SIRET, no SIRET twice, and a network’s agencies one SIREN', () => {
    const sirets = created.map((o) => o.siret!);
    for (const siret of sirets) expect(isValidSiret(siret), siret).toBe(true);
    expect(new Set(sirets).size).toBe(sirets.length);
    const rnas = all.flatMap((o) => (o.rna === null ? [] : [o.rna]));
    expect(new Set(rnas).size).toBe(rnas.length);
    const byNetwork = new Map<string, Set<string>>();
    for (const o of created.filter((x) => x.network !== null)) byNetwork.set(o.network!, (byNetwork.get(o.network!) ?? new Set()).add(o.siret!.slice(0, 9)));
    expect(byNetwork.size).toBeGreaterThan(3);
    for (const sirens of byNetwork.values()) expect(sirens.size).toBe(1);
    const heads = new Map<string, number>();
    for (const o of created.filter((x) => x.headOffice)) heads.set(o.siret!.slice(0, 9), (heads.get(o.siret!.slice(0, 9)) ?? 0) + 1);
    for (const [siren, n] of heads) expect(n, siren).toBe(1);
    expect(all.every((o) => o.rna === null || o.legalForm === LegalForm.ASSOCIATION)).toBe(true);
    expect(all.filter((o) => o.legalForm === LegalForm.ASSOCIATION && o.rna !== null).length / all.filter((o) => o.legalForm === LegalForm.ASSOCIATION).length).toBeGreaterThan(0.9);
  });

  it('gives names that are unique and say the truth about form and activity', () => {
    expect(new Set(all.map((o) => o.name)).size).toBe(all.length);
    expect(all.filter((o) => /Caisse locale/.test(o.name)).every((o) => NETWORK_BY_CODE.get(o.network!)!.localCaisses)).toBe(true);
    expect(all.some((o) => /Caisse locale/.test(o.name))).toBe(true);
    expect(all.filter((o) => /^Mutuelle|mutualiste|Mutualité/.test(o.name)).every((o) => familyOf(o) === EssFamily.MUTUAL)).toBe(true);
    expect(all.filter((o) => o.legalForm === LegalForm.FOUNDATION).every((o) => /Fondation/.test(o.name))).toBe(true);
    expect(all.filter((o) => familyOf(o) === EssFamily.MUTUAL).every((o) => /Mutu/i.test(o.name))).toBe(true);
  });

  it('holds accreditations only for the forms that may hold them, dated coherently', () => {
    for (const o of all) {
      for (const a of o.accreditations) {
        expect(ACCREDITATION_HOLDERS[a.kind], label(o)).toContain(o.legalForm);
        if (a.until !== null) expect(a.since <= a.until, label(o)).toBe(true);
        expect(o.creationDate! <= a.since, label(o)).toBe(true);
      }
      const siae = o.accreditations.filter((a) => SIAE_KINDS.includes(a.kind));
      expect(siae.length, label(o)).toBeLessThanOrEqual(1);
      if (siae.length === 1) {
        expect(isCurrent(siae[0]!), label(o)).toBe(true);
        expect(siae[0]!.postsFte!, label(o)).toBeGreaterThan(0);
        expect(o.esus, label(o)).toBe(true);
      }
    }
    const ai = all.filter((o) => o.accreditations.some((a) => a.kind === AccreditationKind.SIAE_AI));
    expect(ai.length).toBeGreaterThan(0);
    expect(ai.every((o) => o.legalForm === LegalForm.ASSOCIATION)).toBe(true);
  });

  it('has the proportions of the CRESS panorama: CAB size and jobs, CCDS share, families, ESUS, insertion', () => {
    const cab = ess.filter((o) => !CCDS.has(o.communeName));
    const ccds = ess.filter((o) => CCDS.has(o.communeName));
    // About 1,300 SSE establishments and nearly 5,000 jobs in the CAB (a one-to-one demo).
    expect(cab.length).toBeGreaterThan(1230);
    expect(cab.length).toBeLessThan(1370);
    expect(jobs(cab)).toBeGreaterThan(4500);
    expect(jobs(cab)).toBeLessThan(5300);
    // The CCDS: about a seventh of the perimeter's population, fewer SSE jobs per inhabitant.
    expect(ccds.length / ess.length).toBeGreaterThan(0.09);
    expect(ccds.length / ess.length).toBeLessThan(0.17);
    expect(jobs(ccds) / ccds.length).toBeLessThan(jobs(cab) / cab.length);
    // Families' shares of SSE jobs (Hauts-de-France): mutuelles about 3 %, fondations about 3.4 %.
    const share = (family: EssFamily): number => jobs(ess.filter((o) => familyOf(o) === family)) / jobs(ess);
    expect(share(EssFamily.MUTUAL)).toBeGreaterThan(0.02);
    expect(share(EssFamily.MUTUAL)).toBeLessThan(0.045);
    expect(share(EssFamily.FOUNDATION)).toBeGreaterThan(0.02);
    expect(share(EssFamily.FOUNDATION)).toBeLessThan(0.05);
    expect(share(EssFamily.ASSOCIATION)).toBeGreaterThan(0.7);
    expect(ess.filter((o) => o.legalForm === LegalForm.ASSOCIATION).length / ess.length).toBeGreaterThan(0.8);
    // ESUS on request is rare (about 1.3 % nationally); SIAE are ESUS by law besides.
    const esus = ess.filter((o) => o.accreditations.some((a) => a.kind === AccreditationKind.ESUS && isCurrent(a))).length / ess.length;
    expect(esus).toBeGreaterThanOrEqual(0.01);
    expect(esus).toBeLessThanOrEqual(0.02);
    const siae = created.filter((o) => o.accreditations.some((a) => SIAE_KINDS.includes(a.kind)));
    expect(siae.length).toBeGreaterThan(12);
    expect(siae.length).toBeLessThan(45);
    // Employers, and project holders (about 3 %).
    expect(created.filter((o) => o.employees > 0).length / created.length).toBeGreaterThan(0.25);
    expect(all.filter((o) => o.siret === null).length / all.length).toBeCloseTo(0.03, 2);
  });

  it('puts QPV addresses only where the commune has a QPV, and towns in the middle of Boulogne', () => {
    const inQpv = created.filter((o) => o.priorityDistrict !== null);
    expect(inQpv.length).toBeGreaterThan(20);
    for (const o of inQpv) expect(['Boulogne-sur-Mer', 'Outreau'], label(o)).toContain(o.communeName);
    expect(inQpv.some((o) => o.priorityDistrict === 'Chemin Vert')).toBe(true);
    expect(inQpv.some((o) => o.priorityDistrict === 'Tour du Renard')).toBe(true);
    const onlyChemins = generateOrganizations({ count: 300, seed: 3, communes: COMMUNES, sectorCodes: SECTOR_CODES, priorityDistricts: { 'Boulogne-sur-Mer': ['Chemin Vert'] } });
    expect(onlyChemins.every((o) => o.priorityDistrict === null || o.priorityDistrict === 'Chemin Vert')).toBe(true);
    expect(created.filter((o) => o.communeName === 'Boulogne-sur-Mer').length / created.length).toBeGreaterThan(0.3);
  });

  it('writes French text, fictional contact details and consent for about 70 %', () => {
    const text = all.map((o) => `${o.name} ${o.description} ${o.contacts.map((c) => c.role).join(' ')}`).join(' ');
    expect(text).toMatch(/[éèàç]/);
    expect(text).not.toMatch(/undefined|null|NaN/);
    for (const o of all) {
      for (const email of [o.email, ...o.contacts.map((c) => c.email)]) if (email !== null) expect(email).toMatch(/^[a-z0-9.-]+@example\.(org|fr)$/);
      for (const phone of [o.phone, ...o.contacts.map((c) => c.phone)]) if (phone !== null) expect(phone).toMatch(/^03 53 01 \d\d \d\d$/);
      expect(o.contacts.length).toBeGreaterThanOrEqual(1);
      expect(o.contacts.length).toBeLessThanOrEqual(3);
    }
    const consenting = all.filter((o) => o.consentToShare).length / all.length;
    expect(consenting).toBeGreaterThan(0.6);
    expect(consenting).toBeLessThan(0.8);
  });

  it('honours an exact number of employers, restricted communes and sectors, and rejects invalid options', () => {
    expect(generateOrganizations({ count: 0, seed: 1, communes: COMMUNES, sectorCodes: SECTOR_CODES })).toEqual([]);
    const some = generateOrganizations({ count: 300, employers: 120, seed: 1, communes: COMMUNES, sectorCodes: SECTOR_CODES });
    expect(some.filter((o) => o.employees > 0)).toHaveLength(120);
    const samer = generateOrganizations({ count: 60, employers: 30, seed: 1, communes: ['Samer'], sectorCodes: ['culture', 'sport-loisirs'] });
    expect(samer.every((o) => o.communeName === 'Samer' && ['culture', 'sport-loisirs'].includes(o.sectorCode))).toBe(true);
    expect(samer.filter((o) => o.employees > 0)).toHaveLength(30);
    for (const o of samer) expect(problems(o).filter((p) => !p.includes('activité urbaine'))).toEqual([]);
    expect(() => generateOrganizations({ count: 5, employers: 6, seed: 1, communes: COMMUNES, sectorCodes: SECTOR_CODES })).toThrow(RangeError);
    expect(() => generateOrganizations({ count: 5, seed: 1, communes: [], sectorCodes: SECTOR_CODES })).toThrow(RangeError);
    expect(() => generateOrganizations({ count: 5, seed: 1, communes: COMMUNES, sectorCodes: [] })).toThrow(RangeError);
    expect(() => generateOrganizations({ count: 5, seed: 1, communes: COMMUNES, sectorCodes: ['insertion'] })).toThrow(RangeError);
  });

  it('generates 10,000 organizations with unique names and SIRETs', () => {
    const many = generateOrganizations({ count: 10_000, employers: 4_600, seed: 7, communes: COMMUNES, sectorCodes: SECTOR_CODES });
    expect(many.filter((o) => o.employees > 0)).toHaveLength(4_600);
    expect(new Set(many.map((o) => o.name)).size).toBe(10_000);
    const sirets = many.flatMap((o) => (o.siret === null ? [] : [o.siret]));
    expect(new Set(sirets).size).toBe(sirets.length);
  });
});
