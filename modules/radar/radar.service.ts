import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { load, loadChildren, notFound, type Context, type JobHandle } from '../../server/kit/index.js';
import { interviewsForScoring, Interview, type InterviewForScoring } from '../interview-grids/index.js';
import { compareRadars, overallLevel, type RadarLevel, type RadarTrend } from './level.js';
import { Radar, RADAR_LABEL } from './radar.entity.js';
import { RadarLevelEnum } from './radar.enums.js';
import { RadarUpdated } from './radar.events.js';
import { evaluateRules, type RuleProblem } from './rules.js';
import { scoreAxes } from './scoring.js';

/** What the radar of an interview is computed from: the interview's grid and answers, and who held it. */
export type RadarSource = InterviewForScoring & { partnerId: string; interviewerId: string | null };

/** The newest first: the latest radar of an organization is the first. */
const LATEST_FIRST = [
  ['interviewDate', 'desc'],
  ['computedAt', 'desc'],
  ['id', 'desc'],
] as const;

/** Radars recomputed per transaction when a grid's rules change. */
export const RECOMPUTE_BATCH = 100;

export interface ComputedRadar {
  axes: ReturnType<typeof scoreAxes>;
  signals: ReturnType<typeof evaluateRules>['signals'];
  problems: RuleProblem[];
  level: RadarLevel;
}

/** The radar of an interview, computed (pure). */
export function computeRadar(source: Pick<InterviewForScoring, 'grid' | 'answers'>): ComputedRadar {
  const axes = scoreAxes(source.grid, source.answers);
  const { signals, problems } = evaluateRules(source.grid, source.answers);
  return { axes, signals, problems, level: overallLevel(axes, signals) };
}

export const RadarService = {
  /**
   * Computes and stores the radar of a completed interview, on the transaction's EntityManager. Idempotent:
   * one radar per interview, recomputed in place when it exists (a redelivered event, changed rules). Its
   * previous radar is the organization's latest one of an earlier interview.
   */
  async record(em: SqlEntityManager, source: RadarSource): Promise<{ radar: Radar; problems: RuleProblem[] }> {
    const [recorded] = await RadarService.recordMany(em, [source]);
    return recorded!;
  },

  /**
   * `record` for many interviews at once, in a constant number of statements: their radars and those of
   * the same organizations read once, each previous radar found in memory (an organization's second
   * interview of the batch finds its first), one flush. Results in the order of `sources`.
   */
  async recordMany(em: SqlEntityManager, sources: readonly RadarSource[]): Promise<{ radar: Radar; problems: RuleProblem[] }[]> {
    if (sources.length === 0) return [];
    const known = await em.find(Radar, { organization: { $in: [...new Set(sources.map((s) => s.organizationId))] } });
    const byInterview = new Map<string, Radar>(known.map((r) => [r.interview.id, r]));
    // Each organization's radars as (date, interview) keys, kept as the batch adds its own.
    const radarsOf = new Map<string, { date: string; interviewId: string; radar: Radar }[]>();
    const keep = (organizationId: string, date: string, interviewId: string, radar: Radar) => {
      const list = radarsOf.get(organizationId) ?? [];
      const existing = list.find((k) => k.interviewId === interviewId);
      if (existing) Object.assign(existing, { date, radar });
      else list.push({ date, interviewId, radar });
      radarsOf.set(organizationId, list);
    };
    for (const r of known) keep(r.organization.id, String(r.interviewDate).slice(0, 10), r.interview.id, r);
    const before = (a: { date: string; interviewId: string }, b: { date: string; interviewId: string }) => a.date < b.date || (a.date === b.date && a.interviewId < b.interviewId);
    const results: { radar: Radar; problems: RuleProblem[] }[] = [];
    for (const source of sources) {
      const computed = computeRadar(source);
      const at = { date: source.date, interviewId: source.interviewId };
      let previous: { date: string; interviewId: string; radar: Radar } | null = null;
      for (const k of radarsOf.get(source.organizationId) ?? []) {
        if (k.interviewId !== source.interviewId && before(k, at) && (!previous || before(previous, k))) previous = k;
      }
      const values = {
        organization: source.organizationId,
        partner: source.partnerId,
        interviewerId: source.interviewerId,
        gridVersion: source.gridVersionId,
        gridTitle: `${source.grid.title} (version ${source.grid.version})`.slice(0, 200),
        interviewDate: source.date,
        computedAt: new Date(),
        axes: computed.axes,
        signals: computed.signals,
        level: computed.level as RadarLevelEnum,
        previousRadar: previous?.radar ?? null,
      };
      let radar = byInterview.get(source.interviewId);
      if (radar) em.assign(radar, values);
      else {
        radar = em.create(Radar, { interview: source.interviewId, ...values });
        byInterview.set(source.interviewId, radar);
      }
      keep(source.organizationId, source.date, source.interviewId, radar);
      results.push({ radar, problems: computed.problems });
    }
    await em.flush();
    return results;
  },

  /** Computes, stores and announces (RadarUpdated, after commit) the radar of an interview, in one transaction. */
  async compute(ctx: Context, source: RadarSource): Promise<Radar> {
    return ctx.transaction(async (tx) => {
      const { radar, problems } = await RadarService.record(tx.em, source);
      if (problems.length > 0) ctx.logger.warn({ interviewId: source.interviewId, problems }, 'radar: rules that could not be evaluated fired nothing');
      tx.publish(RadarUpdated, { radarId: radar.id, organizationId: source.organizationId, interviewId: source.interviewId });
      return radar;
    });
  },

  /**
   * The sources of these interviews (grid, answers, partner, interviewer) in a handful of statements whatever
   * their number: the platform's own read, without visibility (never handed to a viewer as such).
   */
  async sources(em: SqlEntityManager, interviewIds: readonly string[]): Promise<RadarSource[]> {
    const scoring = await interviewsForScoring(em, interviewIds);
    if (scoring.length === 0) return [];
    const who = await em.find(Interview, { id: { $in: scoring.map((s) => s.interviewId) } }, { fields: ['id', 'partner', 'interviewer'] });
    const byId = new Map(who.map((i) => [i.id, i]));
    return scoring.map((s) => ({ ...s, partnerId: byId.get(s.interviewId)!.partner.id, interviewerId: byId.get(s.interviewId)!.interviewer?.id ?? null }));
  },

  /**
   * Recomputes every radar of a grid version (its rules changed), as a background job: oldest interviews first,
   * RECOMPUTE_BATCH radars per transaction, progress reported after each; each radar announced (RadarUpdated).
   */
  async recomputeGrid(job: JobHandle, gridVersionId: string): Promise<void> {
    const em = job.ctx.em;
    const ids = (await em.find(Radar, { gridVersion: gridVersionId }, { fields: ['interview'], orderBy: { interviewDate: 'asc', id: 'asc' } })).map((r) => r.interview.id);
    job.total = ids.length;
    for (let i = 0; i < ids.length; i += RECOMPUTE_BATCH) {
      const sources = (await RadarService.sources(em, ids.slice(i, i + RECOMPUTE_BATCH))).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      await job.ctx.transaction(async (tx) => {
        const recorded = await RadarService.recordMany(tx.em, sources);
        recorded.forEach(({ radar }, n) => tx.publish(RadarUpdated, { radarId: radar.id, organizationId: sources[n]!.organizationId, interviewId: sources[n]!.interviewId }));
      });
      em.clear();
      await job.progress(Math.min(i + RECOMPUTE_BATCH, ids.length));
    }
  },

  /** The latest radar of an organization the viewer may see (batched per level of the query: one statement). */
  async latest(ctx: Context, organizationId: string): Promise<Radar | null> {
    const [row] = await loadChildren(ctx, Radar, 'organization', organizationId, { orderBy: [...LATEST_FIRST], limit: 1 });
    return row ?? null;
  },

  /** The radar of an interview the viewer may see (batched). */
  async ofInterview(ctx: Context, interviewId: string): Promise<Radar | null> {
    const [row] = await loadChildren(ctx, Radar, 'interview', interviewId, { orderBy: [['id', 'asc']], limit: 1 });
    return row ?? null;
  },

  /** The trend against the previous radar, null for the first (the previous one read through a batched loader). */
  async trend(ctx: Context, radar: Radar): Promise<RadarTrend | null> {
    const previousId = radar.previousRadar?.id;
    if (!previousId) return null;
    const previous = await load(ctx, Radar, previousId);
    if (!previous) return null;
    return compareRadars(radar, previous);
  },

  /** The radar `id` as the viewer may see it (a subscription's payload); NOT_FOUND when hidden or gone. */
  async visible(ctx: Context, id: string): Promise<Radar> {
    const found = await load(ctx, Radar, id);
    if (!found) throw notFound(RADAR_LABEL);
    return found;
  },
};
