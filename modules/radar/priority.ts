import type { RadarLevel } from './level.js';

/*
 * Which organizations an adviser should contact first: a score 0..100 per organization, with its French reasons,
 * from plain data (the caller reads it in one statement; see radar.analytics.ts). Five factors, each 0..1:
 *   risk       the latest radar's level: critical 1, high 0.75, watch 0.4, low 0; no radar yet 0.5 (unknown);
 *   staleness  time since the last interview: months / 24, capped at 1; never interviewed 1;
 *   size       jobs at stake: log(1 + employees) / log(1 + 100), capped at 1 (100 employees and more: 1);
 *   sector     1 when the main sector is one the steering board made a priority, else 0;
 *   stage      difficulty/rebound 1, emergence and creation 0.6, development 0.4, consolidation 0.2.
 * score = 100 · Σ weight·factor / Σ weight (weights: ContactPriorityWeights, the platform-wide `contactPriorityWeights`), one decimal.
 * Ties rank by organization name, then id. Reasons list the factors that add to the score, largest first.
 */

export interface PriorityWeights {
  risk: number;
  staleness: number;
  size: number;
  sector: number;
  stage: number;
}

export const DEFAULT_PRIORITY_WEIGHTS: PriorityWeights = { risk: 40, staleness: 25, size: 15, sector: 10, stage: 10 };

export type PriorityStage = 'EMERGENCE' | 'CREATION' | 'DEVELOPMENT' | 'CONSOLIDATION' | 'RECOVERY';

export interface PriorityInput {
  organizationId: string;
  name: string;
  employees: number;
  stage: PriorityStage;
  sectorCode: string;
  sectorName: string;
  /** The latest radar's level, null when the organization has none. */
  level: RadarLevel | null;
  /** Day of the latest interview ('YYYY-MM-DD'), null when never interviewed. */
  lastInterview: string | null;
}

export interface PriorityResult {
  organizationId: string;
  name: string;
  score: number;
  level: RadarLevel | null;
  reasons: string[];
}

const RISK: Record<RadarLevel, number> = { critical: 1, high: 0.75, watch: 0.4, low: 0 };
const RISK_FR: Record<RadarLevel, string> = { critical: 'critique', high: 'élevé', watch: 'à surveiller', low: 'faible' };
const STAGE: Record<PriorityStage, number> = { RECOVERY: 1, EMERGENCE: 0.6, CREATION: 0.6, DEVELOPMENT: 0.4, CONSOLIDATION: 0.2 };
const STAGE_FR: Record<PriorityStage, string> = {
  RECOVERY: 'en difficulté ou en rebond',
  EMERGENCE: 'en émergence',
  CREATION: 'en création',
  DEVELOPMENT: 'en développement',
  CONSOLIDATION: 'en consolidation',
};
const LOG_101 = Math.log(101);

/** Whole months from `from` to `to` ('YYYY-MM-DD'), a month counted once its day is reached. */
export function monthsBetween(from: string, to: string): number {
  const fy = +from.slice(0, 4),
    fm = +from.slice(5, 7),
    fd = +from.slice(8, 10);
  const ty = +to.slice(0, 4),
    tm = +to.slice(5, 7),
    td = +to.slice(8, 10);
  return Math.max(0, (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0));
}

const dateFr = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** Scores one organization; `today` is the platform's reference date. Reasons only when `withReasons`. */
export function priorityOf(input: PriorityInput, weights: PriorityWeights, prioritySectors: ReadonlySet<string>, today: string, withReasons = true): PriorityResult {
  const total = weights.risk + weights.staleness + weights.size + weights.sector + weights.stage;
  const parts: { value: number; reason: () => string }[] = [];
  let sum = 0;
  const add = (weight: number, factor: number, reason: () => string): void => {
    if (factor > 0 && weight > 0) {
      sum += weight * factor;
      if (withReasons) parts.push({ value: weight * factor, reason });
    }
  };
  const level = input.level;
  add(weights.risk, level === null ? 0.5 : RISK[level], () => (level === null ? 'aucun diagnostic radar à ce jour' : `niveau de risque ${RISK_FR[level]}`));
  const last = input.lastInterview;
  if (last === null) add(weights.staleness, 1, () => 'jamais rencontrée en entretien');
  else {
    const months = monthsBetween(last, today);
    add(weights.staleness, Math.min(months / 24, 1), () => `dernier entretien il y a ${months} mois (le ${dateFr(last)})`);
  }
  const employees = Math.max(0, input.employees);
  add(weights.size, Math.min(Math.log(1 + employees) / LOG_101, 1), () => `${employees} ${employees > 1 ? 'emplois' : 'emploi'} en jeu`);
  add(weights.sector, prioritySectors.has(input.sectorCode) ? 1 : 0, () => `filière prioritaire : ${input.sectorName}`);
  add(weights.stage, STAGE[input.stage], () => `structure ${STAGE_FR[input.stage]}`);
  return {
    organizationId: input.organizationId,
    name: input.name,
    score: total > 0 ? Math.round((1000 * sum) / total) / 10 : 0,
    level,
    reasons: parts.sort((a, b) => b.value - a.value).map((p) => p.reason()),
  };
}

/**
 * Every organization scored and ranked: highest score first, then by name and id. The scores are computed
 * for all; the French reasons only when a result's `reasons` is first read (a page reads a few).
 */
export function rankPriorities(inputs: readonly PriorityInput[], weights: PriorityWeights, prioritySectors: readonly string[], today: string): PriorityResult[] {
  const sectors = new Set(prioritySectors);
  const total = weights.risk + weights.staleness + weights.size + weights.sector + weights.stage;
  const ranked = inputs.map((input) => new RankedResult(input, scoreOnly(input, weights, total, sectors, today), weights, sectors, today));
  ranked.sort((a, b) => b.score - a.score || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.organizationId < b.organizationId ? -1 : 1));
  return ranked;
}

/** The score alone (the ranking's hot path: no closure, no text), equal to `priorityOf(...).score`. */
function scoreOnly(input: PriorityInput, w: PriorityWeights, total: number, sectors: ReadonlySet<string>, today: string): number {
  if (total <= 0) return 0;
  const employees = input.employees > 0 ? input.employees : 0;
  const sum =
    w.risk * (input.level === null ? 0.5 : RISK[input.level]) +
    w.staleness * (input.lastInterview === null ? 1 : Math.min(monthsBetween(input.lastInterview, today) / 24, 1)) +
    w.size * Math.min(Math.log(1 + employees) / LOG_101, 1) +
    (sectors.has(input.sectorCode) ? w.sector : 0) +
    w.stage * STAGE[input.stage];
  return Math.round((1000 * sum) / total) / 10;
}

/** A ranked organization whose French reasons are written when first read. */
class RankedResult implements PriorityResult {
  readonly organizationId: string;
  readonly name: string;
  readonly level: RadarLevel | null;
  private written: string[] | null = null;
  constructor(
    private readonly input: PriorityInput,
    readonly score: number,
    private readonly weights: PriorityWeights,
    private readonly sectors: ReadonlySet<string>,
    private readonly today: string,
  ) {
    this.organizationId = input.organizationId;
    this.name = input.name;
    this.level = input.level;
  }
  get reasons(): string[] {
    return (this.written ??= priorityOf(this.input, this.weights, this.sectors, this.today).reasons);
  }
}
