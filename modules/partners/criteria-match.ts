import type { AccreditationKind, LegalForm, Stage, TargetPublic } from '../organizations/index.js';
import { CriterionAxis, NEED_TYPE_LABELS, NEED_TYPE_PHRASES, type NeedType } from './partner.enums.js';

/*
 * The matching engine: pure functions from rules (a partner's criteria, a scheme's eligibility) and a
 * situation (an organization's, a project holder's) to one check per restricting axis, each passed or
 * failed with a French reason. An empty list or a null bound restricts nothing and gives no check; a
 * value the situation does not give is not held against it (the check passes, with a note saying so).
 */

/** A situation to check against criteria and schemes; null or absent: not known. */
export interface Situation {
  /** The sectors of the activity (main first); matches criteria covering any of them. */
  sectorCodes?: readonly string[] | null;
  stage?: Stage | null;
  /** The legal form today. */
  legalForm?: LegalForm | null;
  /** The legal form the project leads to (a SARL taken over as a SCOP): the one criteria are checked against. */
  targetLegalForm?: LegalForm | null;
  communeId?: string | null;
  intercommunalityId?: string | null;
  /** INSEE code of the département, e.g. '62'. */
  departmentCode?: string | null;
  /** INSEE code of the région, e.g. '32' (Hauts-de-France). */
  regionCode?: string | null;
  /** Amount sought, in euros. */
  amount?: number | null;
  employees?: number | null;
  /** Age of the structure in whole years at the reference date (0 for a project not yet created). */
  ageYears?: number | null;
  publics?: readonly TargetPublic[] | null;
  needTypes?: readonly NeedType[] | null;
  /** Accreditations valid at the reference date. */
  accreditations?: readonly AccreditationKind[] | null;
  /** True when another funder is already committed. */
  coFinancingSecured?: boolean | null;
}

/** Eligibility rules shared by intervention criteria and schemes. */
export interface EligibilityRules {
  stages: readonly Stage[];
  legalForms: readonly LegalForm[];
  accreditations: readonly AccreditationKind[];
  publics: readonly TargetPublic[];
  needTypes: readonly NeedType[];
  employerRequired: boolean;
  minEmployees: number | null;
  maxEmployees: number | null;
  minAgeYears: number | null;
  maxAgeYears: number | null;
  minAmount: number | null;
  maxAmount: number | null;
  coFinancingRequired: boolean;
}

/** A partner's criteria: the shared rules, plus sectors and places. */
export interface CriteriaRules extends EligibilityRules {
  sectorCodes: readonly string[];
  communeIds: readonly string[];
  intercommunalityIds: readonly string[];
  departmentCodes: readonly string[];
  regionCodes: readonly string[];
}

/** One axis checked: passed or not, and why (French). */
export interface Check {
  axis: CriterionAxis;
  passed: boolean;
  /** Why it failed; for a passed check, null, or a note when the situation did not say. */
  reason: string | null;
}

/** Names to write reasons with (sectors, communes, intercommunalities); codes and ids otherwise. */
export interface Names {
  sector?: (code: string) => string;
  commune?: (id: string) => string;
  intercommunality?: (id: string) => string;
}

/** Legal forms as a reason names them. */
export const LEGAL_FORM_WORDS: Record<LegalForm, string> = {
  ASSOCIATION: 'association',
  SCOP: 'SCOP',
  SCIC: 'SCIC',
  COOPERATIVE: 'coopérative',
  MUTUAL_HEALTH: 'mutuelle santé',
  MUTUAL_INSURANCE: "mutuelle d'assurance",
  FOUNDATION: 'fondation',
  SARL: 'SARL',
  SAS: 'SAS',
  SA: 'SA',
  COMMUNE: 'commune',
  CCAS: 'CCAS',
  INDIVIDUAL: 'personne physique',
};

const ACCREDITATION_WORDS: Record<AccreditationKind, string> = {
  SIAE_ACI: 'ACI',
  SIAE_AI: 'AI',
  SIAE_EI: 'EI',
  SIAE_ETTI: 'ETTI',
  ESUS: 'ESUS',
  EA: 'EA',
  ESAT: 'ESAT',
  SAP: 'SAP',
  JEP: 'JEP',
  GENERAL_INTEREST: 'intérêt général',
};

const STAGE_WORDS: Record<Stage, string> = {
  EMERGENCE: 'émergence',
  CREATION: 'création',
  DEVELOPMENT: 'développement',
  CONSOLIDATION: 'consolidation',
  RECOVERY: 'difficulté ou rebond',
};

const PUBLIC_WORDS: Record<TargetPublic, string> = {
  YOUTH: 'jeunes',
  LONG_TERM_UNEMPLOYED: 'demandeurs d’emploi de longue durée',
  MINIMUM_INCOME: 'allocataires de minima sociaux',
  DISABLED: 'personnes en situation de handicap',
  SENIORS: 'personnes âgées',
  WOMEN: 'femmes',
  PRIORITY_DISTRICTS: 'habitants des quartiers prioritaires',
  FAMILIES: 'familles',
  JOB_SEEKERS: 'demandeurs d’emploi créateurs',
};

/** Départements and régions by INSEE code, as reasons name them. */
export const DEPARTMENT_NAMES: Readonly<Record<string, string>> = { '62': 'Pas-de-Calais', '59': 'Nord' };
export const REGION_NAMES: Readonly<Record<string, string>> = { '32': 'Hauts-de-France' };

/** 12500 → "12 500 €". */
export function euros(amount: number): string {
  return `${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')} €`;
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const words = <K extends string>(keys: readonly K[], table: Record<K, string>) => keys.map((k) => table[k]).join(', ');
/** "a", "a et b", "a, b et c". */
const listed = (items: readonly string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`);
/** "de" before a name, elided before a vowel: "de Cigales", "d'URSCOP", "d'Autonomie et Solidarité". */
export const ofName = (name: string) => (/^[aeiouyàâéèêëîïôöùûü]/i.test(name) ? `d'${name}` : `de ${name}`);
const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;
const unknown = (what: string) => `${capital(what)} non renseigné : critère non vérifié.`;

function bounds(min: number | null, max: number | null, show: (n: number) => string): string {
  if (min != null && max != null) return `de ${show(min)} à ${show(max)}`;
  if (min != null) return `à partir de ${show(min)}`;
  return `jusqu'à ${show(max!)}`;
}

const within = (value: number, min: number | null, max: number | null) => (min == null || value >= min) && (max == null || value <= max);

/** One axis checked; `reason` is only read for a failed check. */
const checked = (axis: CriterionAxis, passed: boolean, reason: string | null): Check => ({ axis, passed, reason: passed ? null : reason });
/** A passed check whose value the situation did not give. */
const noted = (axis: CriterionAxis, what: string): Check => ({ axis, passed: true, reason: unknown(what) });

/** A bounded number (size, age): noted when unknown; the reason, written only for a failure when reasons are asked. */
function inRange(axis: CriterionAxis, value: number | null | undefined, min: number | null, max: number | null, what: string, reasons: boolean, reason: (value: number) => string): Check {
  if (value == null) return noted(axis, what);
  const passed = within(value, min, max);
  return checked(axis, passed, passed || !reasons ? null : reason(value));
}

/*
 * Reasons are written only for failed checks, and only when `reasons` is true: a caller that keeps no
 * failed check (the eligible partners only, `criteriaCovers`) passes false and gets failed checks whose
 * reason is null. Each reason is an expression evaluated after `passed` is known, never before.
 */

/** The checks of the rules shared by criteria and schemes; `who` names the partner or the scheme in reasons. */
export function checkRules(rules: EligibilityRules, situation: Situation, who: string, reasons = true): Check[] {
  const checks: Check[] = [];
  addRuleChecks(checks, rules, situation, who, reasons);
  return checks;
}

function addRuleChecks(checks: Check[], rules: EligibilityRules, situation: Situation, who: string, reasons: boolean): void {
  if (rules.stages.length > 0) {
    const { stage } = situation;
    if (!stage) checks.push(noted(CriterionAxis.STAGE, 'stade du projet'));
    else {
      const passed = rules.stages.includes(stage);
      checks.push(checked(CriterionAxis.STAGE, passed, passed || !reasons ? null : `Stade ${STAGE_WORDS[stage]} : ${who} intervient en ${words(rules.stages, STAGE_WORDS)}.`));
    }
  }
  if (rules.legalForms.length > 0) {
    const form = situation.targetLegalForm ?? situation.legalForm;
    if (!form) checks.push(noted(CriterionAxis.LEGAL_FORM, 'forme juridique'));
    else {
      const passed = rules.legalForms.includes(form);
      let reason: string | null = null;
      if (!passed && reasons) {
        const fact = situation.targetLegalForm ? `Forme visée ${LEGAL_FORM_WORDS[form]}` : capital(LEGAL_FORM_WORDS[form]);
        reason = `${fact} : ${who} s'adresse aux formes ${words(rules.legalForms, LEGAL_FORM_WORDS)}.`;
      }
      checks.push(checked(CriterionAxis.LEGAL_FORM, passed, reason));
    }
  }
  if (rules.accreditations.length > 0) {
    const held = situation.accreditations;
    if (!held) checks.push(noted(CriterionAxis.ACCREDITATION, 'agrément'));
    else {
      const passed = rules.accreditations.some((a) => held.includes(a));
      let reason: string | null = null;
      if (!passed && reasons) {
        const list = words(rules.accreditations, ACCREDITATION_WORDS);
        const fact = rules.accreditations.length === 1 ? `Pas d'agrément ${list}` : `Aucun des agréments ${list}`;
        reason = `${fact} : ${who} s'adresse aux structures qui en détiennent un.`;
      }
      checks.push(checked(CriterionAxis.ACCREDITATION, passed, reason));
    }
  }
  if (rules.employerRequired) {
    const n = situation.employees;
    if (n == null) checks.push(noted(CriterionAxis.EMPLOYER, 'nombre de salariés'));
    else checks.push(checked(CriterionAxis.EMPLOYER, n > 0, n > 0 || !reasons ? null : `0 salarié : ${who} s'adresse aux employeurs.`));
  }
  if (rules.minEmployees != null || rules.maxEmployees != null) {
    checks.push(
      inRange(
        CriterionAxis.SIZE,
        situation.employees,
        rules.minEmployees,
        rules.maxEmployees,
        'nombre de salariés',
        reasons,
        (n) => `${plural(n, 'salarié', 'salariés')} : ${who} s'adresse aux structures ${bounds(rules.minEmployees, rules.maxEmployees, (k) => plural(k, 'salarié', 'salariés'))}.`,
      ),
    );
  }
  if (rules.minAgeYears != null || rules.maxAgeYears != null) {
    checks.push(
      inRange(
        CriterionAxis.AGE,
        situation.ageYears,
        rules.minAgeYears,
        rules.maxAgeYears,
        'âge de la structure',
        reasons,
        (age) =>
          `${age === 0 ? 'Structure de moins d’un an' : `Structure de ${plural(age, 'an', 'ans')}`} : ${who} s'adresse aux structures ${bounds(rules.minAgeYears, rules.maxAgeYears, (k) => plural(k, 'an', 'ans'))} d'existence.`,
      ),
    );
  }
  if (rules.publics.length > 0) {
    const publics = situation.publics;
    if (!publics) checks.push(noted(CriterionAxis.PUBLICS, 'public'));
    else {
      const passed = rules.publics.some((p) => publics.includes(p));
      let reason: string | null = null;
      if (!passed && reasons) {
        const fact = publics.length === 0 ? 'Aucun public cible' : `Publics ${words(publics, PUBLIC_WORDS)}`;
        reason = `${fact} : ${who} s'adresse aux ${words(rules.publics, PUBLIC_WORDS)}.`;
      }
      checks.push(checked(CriterionAxis.PUBLICS, passed, reason));
    }
  }
  if (rules.needTypes.length > 0) {
    const needs = situation.needTypes;
    if (!needs || needs.length === 0) checks.push(noted(CriterionAxis.NEED_TYPE, 'besoin'));
    else {
      const passed = rules.needTypes.some((t) => needs.includes(t));
      checks.push(
        checked(
          CriterionAxis.NEED_TYPE,
          passed,
          passed || !reasons ? null : `Besoin en ${words(needs, NEED_TYPE_LABELS)} : ${who} finance ${listed(rules.needTypes.map((k) => NEED_TYPE_PHRASES[k]))}.`,
        ),
      );
    }
  }
  if (rules.minAmount != null || rules.maxAmount != null) {
    const amount = situation.amount;
    if (amount == null) checks.push(noted(CriterionAxis.AMOUNT, 'montant'));
    else {
      const passed = within(amount, rules.minAmount, rules.maxAmount);
      checks.push(checked(CriterionAxis.AMOUNT, passed, passed || !reasons ? null : `${euros(amount)} : ${who} intervient ${bounds(rules.minAmount, rules.maxAmount, euros)}.`));
    }
  }
  if (rules.coFinancingRequired) {
    const secured = situation.coFinancingSecured;
    if (secured == null) checks.push(noted(CriterionAxis.CO_FINANCING, 'cofinancement'));
    else checks.push(checked(CriterionAxis.CO_FINANCING, secured, secured || !reasons ? null : `Pas de cofinancement acquis : ${who} intervient avec un autre financeur.`));
  }
}

/** The checks of a partner's criteria: sectors, places, then the shared rules. */
export function checkCriteria(criteria: CriteriaRules, situation: Situation, who: string, names: Names = {}, reasons = true): Check[] {
  const checks: Check[] = [];
  if (criteria.sectorCodes.length > 0) {
    const sectors = situation.sectorCodes;
    if (!sectors || sectors.length === 0) checks.push({ axis: CriterionAxis.SECTOR, passed: true, reason: unknown('filière') });
    else {
      const passed = sectors.some((s) => criteria.sectorCodes.includes(s));
      let reason: string | null = null;
      if (!passed && reasons) {
        const name = names.sector ?? ((code: string) => code);
        reason = `Filière ${sectors.map(name).join(', ')} : ${who} intervient en ${criteria.sectorCodes.map(name).join(', ')}.`;
      }
      checks.push({ axis: CriterionAxis.SECTOR, passed, reason });
    }
  }
  if (criteria.communeIds.length + criteria.intercommunalityIds.length + criteria.departmentCodes.length + criteria.regionCodes.length > 0) {
    const { communeId, intercommunalityId, departmentCode, regionCode } = situation;
    if (!communeId && !intercommunalityId && !departmentCode && !regionCode) checks.push({ axis: CriterionAxis.GEOGRAPHY, passed: true, reason: unknown('lieu') });
    else {
      const passed =
        (!!communeId && criteria.communeIds.includes(communeId)) ||
        (!!intercommunalityId && criteria.intercommunalityIds.includes(intercommunalityId)) ||
        (!!departmentCode && criteria.departmentCodes.includes(departmentCode)) ||
        (!!regionCode && criteria.regionCodes.includes(regionCode));
      let reason: string | null = null;
      if (!passed && reasons) {
        const places = geography(criteria, names);
        const where = communeId
          ? (names.commune ?? String)(communeId)
          : intercommunalityId
            ? (names.intercommunality ?? String)(intercommunalityId)
            : (DEPARTMENT_NAMES[departmentCode ?? ''] ?? REGION_NAMES[regionCode ?? ''] ?? departmentCode ?? regionCode!);
        reason = `${where} : hors du territoire de ${who} (${places.length > 4 ? `${places.slice(0, 4).join(', ')}…` : places.join(', ')}).`;
      }
      checks.push({ axis: CriterionAxis.GEOGRAPHY, passed, reason });
    }
  }
  addRuleChecks(checks, criteria, situation, who, reasons);
  return checks;
}

/** The places criteria cover, named (empty: everywhere). */
function geography(criteria: CriteriaRules, names: Names): string[] {
  return [
    ...criteria.communeIds.map(names.commune ?? String),
    ...criteria.intercommunalityIds.map(names.intercommunality ?? String),
    ...criteria.departmentCodes.map((c) => DEPARTMENT_NAMES[c] ?? c),
    ...criteria.regionCodes.map((c) => REGION_NAMES[c] ?? c),
  ];
}

/** True when every check passed. */
export const allPassed = (checks: readonly Check[]): boolean => checks.every((c) => c.passed);

/** True when `criteria` covers `situation` on every axis (empty lists restrict nothing). */
export function criteriaCovers(criteria: CriteriaRules, situation: Situation): boolean {
  return allPassed(checkCriteria(criteria, situation, '', {}, false));
}
