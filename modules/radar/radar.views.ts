import { load, once, type Context } from '../../server/kit/index.js';
import { Organization } from '../organizations/index.js';
import { axisQuartiles, type AxisQuartiles } from './radar.analytics.js';
import { readerOf, signalsFor } from './radar-confidentiality.js';
import { Radar } from './radar.entity.js';
import { RadarLevelEnum, SignalKindEnum, SignalSeverityEnum } from './radar.enums.js';
import { radarSvg } from './radar-svg.js';
import { RadarService } from './radar.service.js';
import type { RadarAxis, RadarSignalView, RadarTrendView } from './radar.types.js';
import type { RadarSignal } from './rules.js';
import { isReliable } from './scoring.js';

const dateFr = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

function signalViews(ctx: Context, radar: Radar, signals: readonly RadarSignal[]): RadarSignalView[] {
  const reader = readerOf(ctx);
  return signalsFor(signals, { partnerId: radar.partner.id }, reader).map((s) => ({
    code: s.code,
    kind: s.kind as SignalKindEnum,
    severity: s.severity as SignalSeverityEnum,
    axis: s.axis,
    label: s.label,
    explanation: s.explanation,
    redacted: s.redacted,
  }));
}

/** What the radar's GraphQL fields, routes and exports show, the viewer's rights applied. */
export const RadarViews = {
  axes(radar: Radar): RadarAxis[] {
    return radar.axes.map((a) => ({ ...a, reliable: isReliable(a) }));
  },

  signals(ctx: Context, radar: Radar): RadarSignalView[] {
    return signalViews(ctx, radar, radar.signals);
  },

  async trend(ctx: Context, radar: Radar): Promise<RadarTrendView | null> {
    const trend = await RadarService.trend(ctx, radar);
    if (!trend) return null;
    const previous = await load(ctx, Radar, radar.previousRadar!.id);
    const fresh = new Set(trend.newSignals);
    const gone = new Set(trend.resolvedSignals);
    return {
      axes: trend.axes,
      newSignals: signalViews(
        ctx,
        radar,
        radar.signals.filter((s) => fresh.has(s.code)),
      ),
      resolvedSignals: previous
        ? signalViews(
            ctx,
            previous,
            previous.signals.filter((s) => gone.has(s.code)),
          )
        : [],
      level: trend.level as RadarLevelEnum,
      previousLevel: trend.previousLevel as RadarLevelEnum,
    };
  },

  /** Quartiles of a sector (or of the territory), once per operation and sector. */
  quartiles(ctx: Context, sectorCode: string | null): Promise<AxisQuartiles[]> {
    return once(ctx, `radar.quartiles:${sectorCode ?? ''}`, () => axisQuartiles(ctx.em, sectorCode));
  },

  async svg(ctx: Context, radar: Radar, withSectorMedian: boolean): Promise<string> {
    const [organization, previous] = await Promise.all([load(ctx, Organization, radar.organization.id), radar.previousRadar ? load(ctx, Radar, radar.previousRadar.id) : null]);
    const median = withSectorMedian && organization ? await RadarViews.quartiles(ctx, organization.sector.code) : null;
    return radarSvg({
      title: `${organization?.name ?? 'Organisation'} — entretien du ${dateFr(radar.interviewDate)}`,
      axes: radar.axes,
      previous: previous?.axes ?? null,
      previousLabel: previous ? `Entretien du ${dateFr(previous.interviewDate)}` : undefined,
      median: median ? Object.fromEntries(median.map((m) => [m.axis, m.median])) : null,
      medianLabel: 'Médiane du secteur',
      currentLabel: `Entretien du ${dateFr(radar.interviewDate)}`,
    });
  },
};
