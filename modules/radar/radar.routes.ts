import { CSV_TYPE, XLSX_TYPE, badInput, decodeId, find, load, renderPdf, toCsv, toXlsx, todayInFrance, type Column, type Context, type Download, type ModuleRoute } from '../../server/kit/index.js';
import { GridVersion, InterviewAnswer, type AnswerValue, type GridDefinition } from '../interview-grids/index.js';
import { LEGAL_FORM_LABELS, Organization } from '../organizations/index.js';
import { Sector } from '../sectors/index.js';
import { ContactPriorityService, type RankedPriority } from './contact-priority.service.js';
import { LEVEL_LABELS, type RadarLevel } from './level.js';
import { radarReportHtml } from './radar-report.js';
import { RadarPermissions } from './radar.permissions.js';
import { RadarService } from './radar.service.js';
import { RadarViews } from './radar.views.js';
import type { Radar } from './radar.entity.js';
import type { RadarSignal } from './rules.js';

/*
 * Downloads at /files/radar/…, with the GraphQL token and the same rules as the fields:
 *   /<organizationId>.svg                      the organization's latest radar (Organization.radar's visibility);
 *   /organizations/<organizationId>/report.html|.pdf   the latest interview and radar, printable, in French:
 *                                              the answers the viewer may read only (interview-grids' answer
 *                                              visibility), signals redacted as in `Radar.signals`;
 *   /priorities.csv|.xlsx[?sectorId=…]         the contact priority list (radar.priorities.read).
 */

async function latestVisible(ctx: Context, globalId: string): Promise<{ organization: Organization; radar: Radar } | null> {
  const id = decodeId(globalId, 'Organization', 'organizationId');
  const [organization, radar] = await Promise.all([load(ctx, Organization, id), RadarService.latest(ctx, id)]);
  return organization && radar ? { organization, radar } : null;
}

async function reportHtml(ctx: Context, globalId: string): Promise<{ html: string; name: string } | null> {
  const found = await latestVisible(ctx, globalId);
  if (!found) return null;
  const { organization, radar } = found;
  const [answers, grid, svg, trend, sector] = await Promise.all([
    find(ctx, InterviewAnswer, {
      where: { interview: radar.interview.id },
      orderBy: [
        ['questionCode', 'asc'],
        ['id', 'asc'],
      ],
      limit: 1000,
    }),
    find(ctx, GridVersion, { where: { id: radar.gridVersion.id }, orderBy: [['id', 'asc']], limit: 1 }),
    RadarViews.svg(ctx, radar, true),
    RadarViews.trend(ctx, radar),
    load(ctx, Sector, organization.sector.code),
  ]);
  const definition: GridDefinition | undefined = grid[0]?.definition;
  const readable = new Set(answers.map((a) => a.questionCode));
  const values: Record<string, AnswerValue> = Object.fromEntries(answers.map((a) => [a.questionCode, a.value]));
  const signals = RadarViews.signals(ctx, radar);
  const html = radarReportHtml({
    organizationName: organization.name,
    organizationLine: [LEGAL_FORM_LABELS[organization.legalForm], sector?.name].filter(Boolean).join(' · '),
    interviewDate: radar.interviewDate,
    gridTitle: radar.gridTitle,
    level: radar.level as RadarLevel,
    axes: radar.axes,
    signals: signals.map((s) => ({ kind: s.kind as RadarSignal['kind'], severity: s.severity as RadarSignal['severity'], axis: s.axis, label: s.label, explanation: s.explanation })),
    trend: trend
      ? {
          ...trend,
          newSignals: trend.newSignals.map((s) => s.code),
          resolvedSignals: trend.resolvedSignals.map((s) => s.code),
          level: trend.level as RadarLevel,
          previousLevel: trend.previousLevel as RadarLevel,
        }
      : null,
    sections: definition?.sections ?? [],
    questions: (definition?.questions ?? []).filter((q) => readable.has(q.code)),
    answers: values,
    svg,
    printedOn: todayInFrance(),
  });
  return { html, name: organization.name };
}

const PRIORITY_COLUMNS: Column<RankedPriority>[] = [
  { header: 'Rang', value: (r) => r.rank },
  { header: 'Organisation', value: (r) => r.name },
  { header: 'Score', value: (r) => r.score },
  { header: 'Niveau d’alerte', value: (r) => (r.level ? LEVEL_LABELS[r.level] : 'aucun radar') },
  { header: 'Raisons', value: (r) => r.reasons.join(' ; ') },
];

async function priorities(ctx: Context, sectorId: string | undefined): Promise<RankedPriority[]> {
  ctx.require(RadarPermissions.priorities.read);
  if (sectorId !== undefined && sectorId.length > 200) throw badInput('sectorId', 'Identifiant de filière trop long.');
  return ContactPriorityService.all(ctx, sectorId ? decodeId(sectorId, 'Sector', 'sectorId') : null);
}

const safeName = (name: string): string => name.replace(/[\\/:*?"<>|]+/g, ' ').slice(0, 100);

export const RADAR_ROUTES: ModuleRoute[] = [
  {
    method: 'GET',
    path: '/priorities.csv',
    handle: async (ctx, { query }): Promise<Download> => ({ contentType: CSV_TYPE, body: toCsv(PRIORITY_COLUMNS, await priorities(ctx, query.sectorId)), filename: 'priorites-de-contact.csv' }),
  },
  {
    method: 'GET',
    path: '/priorities.xlsx',
    handle: async (ctx, { query }): Promise<Download> => ({
      contentType: XLSX_TYPE,
      body: await toXlsx('Priorités de contact', PRIORITY_COLUMNS, await priorities(ctx, query.sectorId)),
      filename: 'priorites-de-contact.xlsx',
    }),
  },
  {
    method: 'GET',
    path: '/organizations/:id/report.html',
    handle: async (ctx, { params }): Promise<Download | null> => {
      const report = await reportHtml(ctx, params.id!);
      return report ? { contentType: 'text/html; charset=utf-8', body: report.html } : null;
    },
  },
  {
    method: 'GET',
    path: '/organizations/:id/report.pdf',
    handle: async (ctx, { params }): Promise<Download | null> => {
      const report = await reportHtml(ctx, params.id!);
      return report ? { contentType: 'application/pdf', body: await renderPdf(report.html), filename: `Diagnostic ${safeName(report.name)}.pdf` } : null;
    },
  },
  {
    method: 'GET',
    path: '/:file',
    handle: async (ctx, { params }): Promise<Download | null> => {
      const file = params.file!;
      if (!file.endsWith('.svg')) return null;
      const found = await latestVisible(ctx, file.slice(0, -4));
      return found ? { contentType: 'image/svg+xml', body: await RadarViews.svg(ctx, found.radar, false) } : null;
    },
  },
];
