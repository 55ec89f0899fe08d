import { describe, expect, it } from 'vitest';
import { checkCriteria, checkRules, ofName, type CriteriaRules, type EligibilityRules, type Situation } from './criteria-match.js';
import { matchAll, ruleOn, type MatchBase, type PartnerMatchResult } from './partner-match.js';
import { DEMO_PARTNERS, STATE_AID_RULES } from './demo/partners.data.js';
import { communeNamesOf } from '../territory/index.js';
import { AccreditationKind, LegalForm, Stage, TargetPublic } from '../organizations/index.js';
import { CriterionAxis, FundingSchemeKind, NeedType, StateAidFrame } from './partner.enums.js';
import type { FundingScheme } from './funding-scheme.entity.js';
import type { InterventionCriteria } from './intervention-criteria.entity.js';
import type { Partner } from './partner.entity.js';

/*
 * The matching engine on the demo partners, as plain data (ids are slugs, commune ids are names,
 * intercommunality ids their short names), against situations an adviser meets, with expectations
 * written by hand.
 */

const DAY = '2026-06-01';

function demoBase(day = DAY): MatchBase {
  const intercommunalityOf = new Map<string, string>();
  for (const short of ['CAB', 'CCDS']) for (const name of communeNamesOf(short)) intercommunalityOf.set(name, short);
  const valid = (s: { validFrom: string | null; validUntil: string | null }) => (s.validFrom == null || s.validFrom <= day) && (s.validUntil == null || day <= s.validUntil);
  return {
    day,
    partners: DEMO_PARTNERS.map((p) => ({ id: p.slug, name: p.name, shortName: p.shortName, representsIds: p.represents }) as unknown as Partner),
    criteriaOf: new Map(
      DEMO_PARTNERS.map((p) => [
        p.slug,
        p.criteria.map((c, i) => ({ ...c, id: `${p.slug}#${i}`, partner: { id: p.slug }, communeIds: c.communeNames, intercommunalityIds: c.intercommunalities }) as unknown as InterventionCriteria),
      ]),
    ),
    schemesOf: new Map(DEMO_PARTNERS.map((p) => [p.slug, p.fundingSchemes.filter(valid).map((s) => ({ ...s, partner: { id: p.slug } }) as unknown as FundingScheme)])),
    names: {},
    intercommunalityOf,
  };
}

const bySlug = (results: PartnerMatchResult[], slug: string) => results.find((r) => r.partner.id === slug);
const schemeOf = (results: PartnerMatchResult[], slug: string, name: string) => bySlug(results, slug)?.schemes.find((s) => s.scheme.name === name || s.scheme.shortName === name);
const failed = (checks: { passed: boolean; reason: string | null }[]) => checks.filter((c) => !c.passed).map((c) => c.reason);

const NO_RULES: EligibilityRules = {
  stages: [],
  legalForms: [],
  accreditations: [],
  publics: [],
  needTypes: [],
  employerRequired: false,
  minEmployees: null,
  maxEmployees: null,
  minAgeYears: null,
  maxAgeYears: null,
  minAmount: null,
  maxAmount: null,
  coFinancingRequired: false,
};
const EVERYWHERE: CriteriaRules = { ...NO_RULES, sectorCodes: [], communeIds: [], intercommunalityIds: [], departmentCodes: [], regionCodes: [] };

describe('a village festival committee with no employee', () => {
  const committee: Situation = {
    legalForm: LegalForm.ASSOCIATION,
    employees: 0,
    ageYears: 22,
    stage: Stage.DEVELOPMENT,
    sectorCodes: ['culture'],
    communeId: 'Samer',
    amount: 3_000,
    needTypes: [NeedType.OPERATIONS],
    accreditations: [],
    publics: [],
    coFinancingSecured: false,
  };
  const all = matchAll(demoBase(), committee, true);

  it('is not eligible for the DLA, which is for employers', () => {
    const dla = schemeOf(all, 'direccte', 'DLA')!;
    expect(dla.eligible).toBe(false);
    expect(dla.checks).toContainEqual({ axis: CriterionAxis.EMPLOYER, passed: false, reason: "0 salarié : le dispositif DLA s'adresse aux employeurs." });
    const direccte = bySlug(all, 'direccte')!;
    expect(direccte.eligible).toBe(false);
    expect(direccte.criteria.map((c) => failed(c.checks))).toEqual([
      ["Aucun des agréments ACI, AI, EI, ETTI : Direccte s'adresse aux structures qui en détiennent un."],
      ["0 salarié : Direccte s'adresse aux employeurs."],
    ]);
    expect(dla.checks[0]).toEqual({ axis: CriterionAxis.PARTNER, passed: false, reason: "Aucun critère d'intervention de Direccte ne couvre cette situation." });
  });

  it('is not eligible for a solidarity loan, nor for any loan or quasi-equity', () => {
    const nef = schemeOf(all, 'nef', 'Prêt solidaire')!;
    expect(nef.eligible).toBe(false);
    expect(failed(nef.checks)).toContain('3 000 € : le dispositif « Prêt solidaire » intervient de 10 000 € à 300 000 €.');
    const caisse = schemeOf(all, 'caisse-solidaire', 'Prêt solidaire aux structures employeuses')!;
    expect(failed(caisse.checks)).toContain("0 salarié : le dispositif « Prêt solidaire aux structures employeuses » s'adresse aux employeurs.");
    const apport = schemeOf(all, 'inseraction-62', "Contrat d'apport associatif")!;
    expect(failed(apport.checks)).toEqual([
      "0 salarié : le dispositif « Contrat d'apport associatif » s'adresse aux employeurs.",
      "Besoin en fonctionnement : le dispositif « Contrat d'apport associatif » finance le besoin en fonds de roulement et l'investissement.",
    ]);
    const proposed = matchAll(demoBase(), committee, false).flatMap((m) => m.schemes.map((s) => s.scheme));
    expect(proposed.filter((s) => ['LOAN', 'QUASI_EQUITY', 'EQUITY', 'GUARANTEE'].includes(s.kind))).toEqual([]);
  });

  it('is proposed what fits a small association: the FDVA', () => {
    const proposed = matchAll(demoBase(), committee, false);
    expect(schemeOf(proposed, 'ddcs-62', 'FDVA – fonctionnement et innovation')?.eligible).toBe(true);
    expect(proposed.every((m) => m.eligible && m.schemes.every((s) => s.eligible))).toBe(true);
  });
});

describe('an association running an ACI', () => {
  const aci: Situation = {
    legalForm: LegalForm.ASSOCIATION,
    accreditations: [AccreditationKind.SIAE_ACI],
    employees: 25,
    ageYears: 10,
    stage: Stage.DEVELOPMENT,
    communeId: 'Outreau',
    amount: 10_000,
    needTypes: [NeedType.INVESTMENT],
  };

  it('is not proposed Cigales equity, and is told why', () => {
    const all = matchAll(demoBase(), aci, true);
    const cigales = bySlug(all, 'cigales-nord-pas-de-calais')!;
    expect(cigales.eligible).toBe(false);
    expect(failed(cigales.criteria[0]!.checks)).toEqual(["Association : Cigales s'adresse aux formes SCOP, SCIC, coopérative, SARL, SAS, SA."]);
    const proposed = matchAll(demoBase(), aci, false);
    expect(bySlug(proposed, 'cigales-nord-pas-de-calais')).toBeUndefined();
    expect(proposed.flatMap((m) => m.schemes).filter((s) => s.scheme.kind === FundingSchemeKind.EQUITY)).toEqual([]);
  });

  it('reaches the insertion partners, with the schemes that finance its need', () => {
    const proposed = matchAll(demoBase(), aci, false);
    // Their criteria all cover an ACI; each is proposed only when one of its schemes finances the need
    // (the URIAE's and Chantier École's support programmes do not finance an investment).
    const all = matchAll(demoBase(), aci, true);
    for (const slug of ['direccte', 'uriae', 'chantier-ecole', 'conseil-general-62']) {
      const match = bySlug(all, slug)!;
      expect(
        match.criteria.some((c) => c.eligible),
        slug,
      ).toBe(true);
      expect(match.eligible, slug).toBe(match.schemes.length === 0 || match.schemes.some((x) => x.eligible));
      expect(bySlug(proposed, slug) !== undefined, slug).toBe(match.eligible);
    }
    expect(bySlug(proposed, 'direccte')?.eligible).toBe(true);
    expect(bySlug(proposed, 'uriae')).toBeUndefined();
    expect(bySlug(proposed, 'direccte')!.schemes.map((s) => s.scheme.name)).toEqual(["Fonds départemental d'insertion"]);
    expect(failed(schemeOf(all, 'direccte', "Aide au poste d'insertion")!.checks)).toEqual(["Besoin en investissement : le dispositif « Aide au poste d'insertion » finance le fonctionnement."]);
    expect(schemeOf(matchAll(demoBase(), { ...aci, needTypes: [NeedType.OPERATIONS] }, false), 'direccte', "Aide au poste d'insertion")?.eligible).toBe(true);
  });
});

describe('a SARL taken over by its employees as a SCOP', () => {
  const takeover: Situation = {
    legalForm: LegalForm.SARL,
    employees: 12,
    ageYears: 25,
    stage: Stage.CREATION,
    communeId: 'Desvres',
    amount: 80_000,
    needTypes: [NeedType.INVESTMENT, NeedType.TECHNICAL_SUPPORT],
  };

  it("reaches URSCOP's tools through its target legal form", () => {
    const proposed = matchAll(demoBase(), { ...takeover, targetLegalForm: LegalForm.SCOP }, false);
    const urscop = bySlug(proposed, 'urscop')!;
    expect(urscop.eligible).toBe(true);
    expect(urscop.schemes.map((s) => s.scheme.name)).toEqual([
      'Accompagnement à la création et à la reprise en coopérative',
      'Prêt participatif Socoden',
      'Garantie Sofiscop',
      'Titres participatifs IDES',
      'Scopinvest',
    ]);
  });

  it('does not reach them as the SARL it is today, with the reason', () => {
    const all = matchAll(demoBase(), takeover, true);
    const urscop = bySlug(all, 'urscop')!;
    expect(urscop.eligible).toBe(false);
    expect(failed(urscop.criteria[0]!.checks)).toEqual(["SARL : URSCOP s'adresse aux formes SCOP, SCIC."]);
    expect(failed(urscop.schemes.find((s) => s.scheme.name === 'Garantie Sofiscop')!.checks)).toEqual([
      "Aucun critère d'intervention d'URSCOP ne couvre cette situation.",
      "SARL : le dispositif « Garantie Sofiscop » s'adresse aux formes SCOP, SCIC.",
    ]);
  });
});

describe('the couveuse', () => {
  it('is for a person testing an activity', () => {
    const person: Situation = {
      legalForm: LegalForm.INDIVIDUAL,
      stage: Stage.EMERGENCE,
      employees: 0,
      publics: [TargetPublic.JOB_SEEKERS],
      needTypes: [NeedType.TECHNICAL_SUPPORT],
      communeId: 'Le Portel',
    };
    const couveuse = bySlug(matchAll(demoBase(), person, false), 'couveuse')!;
    expect(couveuse.eligible).toBe(true);
    expect(couveuse.schemes.map((s) => s.scheme.name)).toEqual(["Test d'activité en couveuse"]);
  });

  it('is not for an ACI', () => {
    const aci: Situation = { legalForm: LegalForm.ASSOCIATION, accreditations: [AccreditationKind.SIAE_ACI], stage: Stage.CREATION, employees: 8 };
    const couveuse = bySlug(matchAll(demoBase(), aci, true), 'couveuse')!;
    expect(couveuse.eligible).toBe(false);
    expect(failed(couveuse.criteria[0]!.checks)).toEqual(["Association : Couveuse s'adresse aux formes personne physique."]);
  });
});

describe('checks and their reasons', () => {
  it('says nothing of an axis the rules leave open', () => {
    expect(checkCriteria(EVERYWHERE, { employees: 0, legalForm: LegalForm.SARL }, 'X')).toEqual([]);
  });

  it('does not hold against a situation what it does not say, and says so', () => {
    expect(checkRules({ ...NO_RULES, employerRequired: true, minAmount: 1_000 }, {}, 'X')).toEqual([
      { axis: CriterionAxis.EMPLOYER, passed: true, reason: 'Nombre de salariés non renseigné : critère non vérifié.' },
      { axis: CriterionAxis.AMOUNT, passed: true, reason: 'Montant non renseigné : critère non vérifié.' },
    ]);
  });

  it('writes a French reason per failing axis', () => {
    const rules: EligibilityRules = {
      ...NO_RULES,
      stages: [Stage.CREATION],
      minEmployees: 1,
      maxEmployees: 9,
      minAgeYears: 1,
      maxAgeYears: 3,
      publics: [TargetPublic.YOUTH],
      minAmount: 1_500,
      coFinancingRequired: true,
    };
    const situation: Situation = { stage: Stage.RECOVERY, employees: 12, ageYears: 0, publics: [TargetPublic.SENIORS], amount: 1_000, coFinancingSecured: false };
    expect(failed(checkRules(rules, situation, 'Initiative'))).toEqual([
      'Stade difficulté ou rebond : Initiative intervient en création.',
      "12 salariés : Initiative s'adresse aux structures de 1 salarié à 9 salariés.",
      "Structure de moins d’un an : Initiative s'adresse aux structures de 1 an à 3 ans d'existence.",
      "Publics personnes âgées : Initiative s'adresse aux jeunes.",
      '1 000 € : Initiative intervient à partir de 1 500 €.',
      'Pas de cofinancement acquis : Initiative intervient avec un autre financeur.',
    ]);
    expect(failed(checkRules({ ...rules, stages: [] }, { ...situation, employees: 5, ageYears: 2, publics: [TargetPublic.YOUTH], amount: 2_000, coFinancingSecured: true }, 'X'))).toEqual([]);
  });

  it('places a commune in its intercommunality, the Pas-de-Calais and Hauts-de-France', () => {
    const base = demoBase();
    const samer = { communeId: 'Samer' };
    const cab = matchAll(base, samer, true).find((m) => m.partner.id === 'cab')!;
    expect(failed(cab.criteria[0]!.checks)).toEqual(['Samer : hors du territoire de CAB (CAB).']);
    expect(matchAll(base, samer, true).find((m) => m.partner.id === 'ccds')!.eligible).toBe(true);
    expect(
      matchAll(base, samer, true)
        .find((m) => m.partner.id === 'caf-62')!
        .criteria[0]!.checks.find((c) => c.axis === CriterionAxis.GEOGRAPHY),
    ).toEqual({
      axis: CriterionAxis.GEOGRAPHY,
      passed: true,
      reason: null,
    });
  });
});

describe('the eligible partners only', () => {
  // Every combination of a few values per axis: situations that pass and fail each axis, or do not say.
  const situations: Situation[] = [];
  for (const stage of [undefined, Stage.CREATION, Stage.RECOVERY])
    for (const legalForm of [undefined, LegalForm.ASSOCIATION, LegalForm.SCOP, LegalForm.INDIVIDUAL])
      for (const employees of [undefined, 0, 12])
        for (const amount of [undefined, 3_000, 150_000])
          for (const [communeId, sectorCodes] of [
            [undefined, undefined],
            ['Samer', ['culture']],
            ['Boulogne-sur-Mer', ['recyclage-reemploi', 'mobilite']],
          ] as const)
            for (const rest of [{}, { accreditations: [AccreditationKind.SIAE_ACI], publics: [TargetPublic.YOUTH], needTypes: [NeedType.INVESTMENT], ageYears: 2, coFinancingSecured: true }])
              situations.push({ stage, legalForm, employees, amount, communeId, sectorCodes, ...rest });

  it('are what matching every partner keeps of the eligible ones, criterion and check alike', () => {
    const base = demoBase();
    let eligible = 0;
    for (const situation of situations) {
      const kept = matchAll(base, situation, true)
        .filter((r) => r.eligible)
        .map((r) => ({ ...r, criteria: r.criteria.filter((c) => c.eligible), schemes: r.schemes.filter((s) => s.eligible) }));
      expect(matchAll(base, situation, false)).toEqual(kept);
      eligible += kept.length;
    }
    expect(situations.length).toBeGreaterThan(500);
    expect(eligible).toBeGreaterThan(situations.length); // some situations fit several partners
  });

  it('are judged without reasons, by the same verdicts', () => {
    const base = demoBase();
    for (const situation of situations.slice(0, 200))
      for (const partner of base.partners) {
        for (const c of base.criteriaOf.get(partner.id) ?? []) {
          const withReasons = checkCriteria(c, situation, 'X', base.names);
          expect(checkCriteria(c, situation, 'X', base.names, false)).toEqual(withReasons.map((k) => (k.passed ? k : { ...k, reason: null })));
        }
        for (const s of base.schemesOf.get(partner.id) ?? []) {
          const withReasons = checkRules(s, situation, 'X');
          expect(checkRules(s, situation, 'X', false)).toEqual(withReasons.map((k) => (k.passed ? k : { ...k, reason: null })));
        }
      }
  });
});

describe('the reference date', () => {
  it('decides which schemes are offered: one FSE programme at a time', () => {
    const fse = (day: string) =>
      matchAll(demoBase(day), {}, true)
        .find((m) => m.partner.id === 'fse')!
        .schemes.map((s) => s.scheme.name);
    expect(fse('2012-06-01')).toEqual(['FSE 2007-2013']);
    expect(fse('2015-06-01')).toEqual(['FSE 2007-2013', 'FSE 2014-2020']);
    expect(fse('2026-06-01')).toEqual(['FSE+ 2021-2027']);
  });

  it('decides which de minimis ceiling applies', () => {
    const ceiling = (frame: StateAidFrame, day: string) => ruleOn(STATE_AID_RULES as never[], frame, day) as { ceiling: number } | null;
    expect(ceiling(StateAidFrame.DE_MINIMIS_GENERAL, '2012-06-01')?.ceiling).toBe(200_000);
    expect(ceiling(StateAidFrame.DE_MINIMIS_GENERAL, '2023-12-31')?.ceiling).toBe(200_000);
    expect(ceiling(StateAidFrame.DE_MINIMIS_GENERAL, '2024-01-01')?.ceiling).toBe(300_000);
    expect(ceiling(StateAidFrame.DE_MINIMIS_SIEG, '2012-06-01')?.ceiling).toBe(500_000);
    expect(ceiling(StateAidFrame.DE_MINIMIS_SIEG, '2026-06-01')?.ceiling).toBe(750_000);
    expect(ceiling(StateAidFrame.DE_MINIMIS_GENERAL, '2031-01-01')).toBeNull();
  });
});

describe('French of the reasons', () => {
  it('elides "de" before a vowel and names needs with their article', () => {
    expect(ofName('URSCOP')).toBe("d'URSCOP");
    expect(ofName('Autonomie et Solidarité')).toBe("d'Autonomie et Solidarité");
    expect(ofName('Cigales')).toBe('de Cigales');
  });
});
