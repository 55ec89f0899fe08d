import type { FilterQuery } from '@mikro-orm/core';
import { Sector } from '../sectors/index.js';
import { Commune, type Intercommunality } from '../territory/index.js';
import { FundingScheme } from './funding-scheme.entity.js';
import { InterventionCriteria } from './intervention-criteria.entity.js';
import { Partner } from './partner.entity.js';
import { StateAidRule } from './state-aid-rule.entity.js';
import { CriterionAxis, type StateAidFrame } from './partner.enums.js';
import { allPassed, checkCriteria, checkRules, ofName, type Check, type Names, type Situation } from './criteria-match.js';
import { referenceDate as referenceDay } from '../platform/index.js';
import { find, isWithin, once, related, type Context } from '../../server/kit/index.js';

/*
 * Matching for GraphQL: what the engine (criteria-match.ts) needs is read once per operation, a bounded
 * number of statements whatever the number of organizations matched, then matched in memory.
 */

/** The perimeter (the CAB and Desvres-Samer) lies wholly in the Pas-de-Calais, in Hauts-de-France. */
export const PERIMETER_PLACE = { departmentCode: '62', regionCode: '32' } as const;

/** One set of criteria checked. */
export interface CriteriaMatchResult {
  criteria: InterventionCriteria;
  eligible: boolean;
  checks: Check[];
}

/** One scheme checked. */
export interface SchemeMatchResult {
  scheme: FundingScheme;
  eligible: boolean;
  checks: Check[];
}

/** One partner checked: its criteria and its schemes valid at the reference date. */
export interface PartnerMatchResult {
  partner: Partner;
  eligible: boolean;
  criteria: CriteriaMatchResult[];
  schemes: SchemeMatchResult[];
}

/** What matching reads, once per operation. */
export interface MatchBase {
  day: string;
  partners: Partner[];
  criteriaOf: Map<string, InterventionCriteria[]>;
  schemesOf: Map<string, FundingScheme[]>;
  names: Names;
  intercommunalityOf: Map<string, string>;
}

const BY_NAME = [
  ['name', 'asc'],
  ['id', 'asc'],
] as const;

/** Where a scheme is valid on `day` (validity dates, both included). */
export function validSchemeWhere(day: string): FilterQuery<FundingScheme> {
  return { $and: [{ $or: [{ validFrom: null }, { validFrom: { $lte: day } }] }, { $or: [{ validUntil: null }, { validUntil: { $gte: day } }] }] };
}

/**
 * Every active partner, by name, with its criteria and schemes gathered in the same read, once per
 * operation: matching, `representedBy`, and the partners' `criteria` and `fundingSchemes` fields of the
 * matches (no statement of their own).
 */
export function activePartners(ctx: Context): Promise<Partner[]> {
  return once(ctx, 'partners.active', () => find(ctx, Partner, { where: { active: true }, orderBy: BY_NAME, limit: 100_000, with: ['criteria', 'schemes'] }));
}

/** Every State-aid rule, once per operation. */
export function stateAidRules(ctx: Context): Promise<StateAidRule[]> {
  return once(ctx, 'partners.stateAidRules', () =>
    find(ctx, StateAidRule, {
      where: {},
      orderBy: [
        ['frame', 'asc'],
        ['validFrom', 'asc'],
        ['id', 'asc'],
      ],
      limit: 1_000,
    }),
  );
}

/** The partners, their criteria, their schemes valid at the reference date and the names reasons use. */
export function matchBase(ctx: Context): Promise<MatchBase> {
  return once(ctx, 'partners.matchBase', async () => {
    const day = await referenceDay(ctx);
    const [partners, sectors, communes] = await Promise.all([
      activePartners(ctx),
      find(ctx, Sector, { where: {}, orderBy: [['code', 'asc']], limit: 1_000 }),
      find(ctx, Commune, { where: {}, orderBy: BY_NAME, limit: 10_000, with: ['intercommunality'] }),
    ]);
    const sectorNames = new Map(sectors.map((s) => [s.code, s.name]));
    const communeNames = new Map(communes.map((c) => [c.id, c.name]));
    const intercommunalityNames = new Map(communes.map((c) => [c.intercommunality.id, (c.intercommunality as unknown as Intercommunality).shortName]));
    return {
      day,
      partners,
      criteriaOf: new Map(await Promise.all(partners.map(async (p) => [p.id, await related<InterventionCriteria>(ctx, p, 'criteria')] as const))),
      schemesOf: new Map(
        await Promise.all(partners.map(async (p) => [p.id, (await related<FundingScheme>(ctx, p, 'schemes')).filter((s) => s.active && isWithin(day, s.validFrom, s.validUntil))] as const)),
      ),
      names: {
        sector: (code) => sectorNames.get(code) ?? code,
        commune: (id) => communeNames.get(id) ?? id,
        intercommunality: (id) => intercommunalityNames.get(id) ?? id,
      },
      intercommunalityOf: new Map(communes.map((c) => [c.id, c.intercommunality.id])),
    };
  });
}

/** How reasons name a partner. */
export const partnerWho = (partner: Pick<Partner, 'name' | 'shortName'>): string => partner.shortName ?? partner.name;
/** How reasons name a scheme. */
export const schemeWho = (scheme: Pick<FundingScheme, 'name' | 'shortName'>): string => `le dispositif ${scheme.shortName ?? `« ${scheme.name} »`}`;

/** Fills in the places a commune implies (its intercommunality, the perimeter's département and région). */
export function placed(base: MatchBase, situation: Situation): Situation {
  if (!situation.communeId) return situation;
  return { ...PERIMETER_PLACE, intercommunalityId: base.intercommunalityOf.get(situation.communeId) ?? null, ...situation };
}

/** Checks one partner against a situation: eligible when some set of its criteria covers it. */
export function matchPartner(base: MatchBase, partner: Partner, situation: Situation): PartnerMatchResult {
  const who = partnerWho(partner);
  const criteria = (base.criteriaOf.get(partner.id) ?? []).map((c) => {
    const checks = checkCriteria(c, situation, who, base.names);
    return { criteria: c, eligible: allPassed(checks), checks };
  });
  const covered = criteria.some((c) => c.eligible);
  const partnerCheck: Check[] = covered ? [] : [{ axis: CriterionAxis.PARTNER, passed: false, reason: `Aucun critère d'intervention ${ofName(who)} ne couvre cette situation.` }];
  const schemes = (base.schemesOf.get(partner.id) ?? []).map((s) => {
    const checks = [...partnerCheck, ...checkRules(s, situation, schemeWho(s))];
    return { scheme: s, eligible: allPassed(checks), checks };
  });
  // A partner whose criteria cover the situation but none of whose schemes fits it has nothing to offer:
  // not proposed (its schemes say why). One without schemes (an expert's support) is proposed on its criteria.
  const eligible = covered && (schemes.length === 0 || schemes.some((s) => s.eligible));
  return { partner, eligible, criteria, schemes };
}

/**
 * One partner as `matchPartner` judges it, but only when eligible and with what fits only (its eligible
 * criteria and schemes); null otherwise. Nothing that fails is kept, so no reason is written (they are
 * most of the engine's work: most partners fail most situations), and the schemes of a partner whose
 * criteria do not cover the situation are not checked (they could not fit: `partnerCheck` fails them).
 */
function eligibleMatch(base: MatchBase, partner: Partner, situation: Situation): PartnerMatchResult | null {
  const who = partnerWho(partner);
  const criteria: CriteriaMatchResult[] = [];
  for (const c of base.criteriaOf.get(partner.id) ?? []) {
    const checks = checkCriteria(c, situation, who, base.names, false);
    if (allPassed(checks)) criteria.push({ criteria: c, eligible: true, checks });
  }
  if (criteria.length === 0) return null;
  const all = base.schemesOf.get(partner.id) ?? [];
  const schemes: SchemeMatchResult[] = [];
  for (const s of all) {
    const checks = checkRules(s, situation, schemeWho(s), false);
    if (allPassed(checks)) schemes.push({ scheme: s, eligible: true, checks });
  }
  if (all.length > 0 && schemes.length === 0) return null;
  return { partner, eligible: true, criteria, schemes };
}

/** The partners matched against a situation, by name: the eligible ones (with what fits only), or all with their reasons. */
export function matchAll(base: MatchBase, situation: Situation, includeIneligible: boolean): PartnerMatchResult[] {
  const where = placed(base, situation);
  if (includeIneligible) return base.partners.map((p) => matchPartner(base, p, where));
  const results: PartnerMatchResult[] = [];
  for (const p of base.partners) {
    const result = eligibleMatch(base, p, where);
    if (result) results.push(result);
  }
  return results;
}

/** The rule of `frame` in force on `day`, if any. */
export function ruleOn<R extends Pick<StateAidRule, 'frame' | 'validFrom' | 'validUntil'>>(rules: readonly R[], frame: StateAidFrame | null, day: string): R | null {
  if (!frame) return null;
  return rules.find((r) => r.frame === frame && isWithin(day, r.validFrom, r.validUntil)) ?? null;
}
