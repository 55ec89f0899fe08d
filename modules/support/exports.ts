import { CSV_TYPE, find, toCsv, toXlsx, XLSX_TYPE, type Column, type Context, type ModuleRoute } from '../../server/kit/index.js';
import { STAGE_LABELS } from '../organizations/index.js';
import { Partner } from '../partners/index.js';
import { Sector } from '../sectors/index.js';
import { Commune } from '../territory/index.js';
import { referenceOf } from './letter.js';
import { labelledStatistics, type AmountsType, type PartnerPositioningType } from './statistics.resolver.js';
import { INTAKE_CHANNEL_LABELS, SUPPORT_STATUS_LABELS } from './support.enums.js';
import { SupportPermissions } from './support.permissions.js';
import { SupportRequest } from './support-request.entity.js';
import { REQUEST_ORDER } from './support-request.service.js';

/*
 * CSV and Excel exports through the kit (toCsv, toXlsx), served as module routes with the viewer's
 * token: the requests the viewer may see (the visibility rule applies, as on every read), and the
 * statistics of a period.
 */

/** The most requests one export holds. */
const MAX_EXPORT = 10_000;

interface RequestRow {
  request: SupportRequest;
  partner: string;
  sector: string;
  commune: string;
}

const REQUEST_COLUMNS: Column<RequestRow>[] = [
  { header: 'Référence', value: (r) => referenceOf(r.request) },
  { header: 'Reçue le', value: (r) => r.request.receivedAt },
  { header: 'Projet', value: (r) => r.request.title },
  { header: 'Porteur', value: (r) => r.request.holderName ?? '' },
  { header: 'Partenaire ayant reçu la demande', value: (r) => r.partner },
  { header: 'Canal', value: (r) => INTAKE_CHANNEL_LABELS[r.request.intakeChannel] },
  { header: 'Stade', value: (r) => STAGE_LABELS[r.request.stage] },
  { header: 'Filière', value: (r) => r.sector },
  { header: 'Commune', value: (r) => r.commune },
  { header: 'Besoin technique', value: (r) => r.request.technicalNeed },
  { header: 'Besoin financier', value: (r) => r.request.financialNeed },
  { header: 'Montant demandé (€)', value: (r) => r.request.amountSought },
  { header: 'Statut', value: (r) => SUPPORT_STATUS_LABELS[r.request.status] },
  { header: 'Consentement au partage', value: (r) => r.request.consentToShare },
  { header: 'Satisfaction (1 à 5)', value: (r) => r.request.satisfactionScore },
];

/** The requests the viewer may see, the latest first, with the names the export shows. */
async function requestRows(ctx: Context): Promise<RequestRow[]> {
  ctx.require(SupportPermissions.read);
  const [requests, partners, sectors, communes] = await Promise.all([
    find(ctx, SupportRequest, { where: {}, orderBy: REQUEST_ORDER, limit: MAX_EXPORT }),
    find(ctx, Partner, {
      where: {},
      orderBy: [
        ['name', 'asc'],
        ['id', 'asc'],
      ],
      limit: 1_000,
    }),
    find(ctx, Sector, { where: {}, orderBy: [['code', 'asc']], limit: 1_000 }),
    find(ctx, Commune, {
      where: {},
      orderBy: [
        ['name', 'asc'],
        ['id', 'asc'],
      ],
      limit: 10_000,
    }),
  ]);
  const partner = new Map(partners.map((p) => [p.id, p.shortName ?? p.name]));
  const sector = new Map(sectors.map((s) => [s.code, s.name]));
  const commune = new Map(communes.map((c) => [c.id, c.name]));
  return requests.map((request) => ({
    request,
    partner: partner.get(request.receivingPartner.id) ?? '',
    sector: sector.get(request.sector.code) ?? request.sector.code,
    commune: commune.get(request.commune.id) ?? '',
  }));
}

type StatisticsRow = { table: string } & (Partial<PartnerPositioningType> & Partial<AmountsType>);

const STATISTICS_COLUMNS: Column<StatisticsRow>[] = [
  { header: 'Tableau', value: (r) => r.table },
  { header: 'Libellé', value: (r) => r.partner ?? r.label ?? '' },
  { header: 'Demandes (pour un partenaire : celles où il a été sollicité)', value: (r) => r.asked ?? r.requests ?? null },
  { header: 'Positionnements', value: (r) => r.answered ?? null },
  { header: 'Taux de positionnement', value: (r) => r.rate ?? null },
  { header: 'Délai moyen (jours)', value: (r) => r.averageDelayDays ?? null },
  { header: 'Montant demandé (€)', value: (r) => r.sought ?? null },
  { header: 'Montant mobilisé (€)', value: (r) => r.mobilised ?? null },
];

async function statisticsRows(ctx: Context, query: Record<string, string>): Promise<StatisticsRow[]> {
  ctx.require(SupportPermissions.read);
  const s = await labelledStatistics(ctx, query.from ?? '', query.to ?? '');
  return [
    ...s.positioning.map((p) => ({ table: 'Positionnement par partenaire', ...p })),
    ...s.outcomes.map((o) => ({ table: 'Issues', label: o.label, requests: o.requests })),
    ...s.byScheme.map((a) => ({ table: 'Par dispositif', ...a })),
    ...s.bySector.map((a) => ({ table: 'Par filière', ...a })),
    ...s.byStage.map((a) => ({ table: 'Par stade', ...a })),
    ...s.byIntercommunality.map((a) => ({ table: 'Par intercommunalité', ...a })),
  ];
}

export const SUPPORT_EXPORT_ROUTES: ModuleRoute[] = [
  { method: 'GET', path: '/requests.csv', handle: async (ctx) => ({ contentType: CSV_TYPE, body: toCsv(REQUEST_COLUMNS, await requestRows(ctx)), filename: 'demandes-accompagnement.csv' }) },
  {
    method: 'GET',
    path: '/requests.xlsx',
    handle: async (ctx) => ({ contentType: XLSX_TYPE, body: await toXlsx('Demandes', REQUEST_COLUMNS, await requestRows(ctx)), filename: 'demandes-accompagnement.xlsx' }),
  },
  {
    method: 'GET',
    path: '/statistics.csv',
    handle: async (ctx, request) => ({ contentType: CSV_TYPE, body: toCsv(STATISTICS_COLUMNS, await statisticsRows(ctx, request.query)), filename: 'statistiques-accompagnement.csv' }),
  },
  {
    method: 'GET',
    path: '/statistics.xlsx',
    handle: async (ctx, request) => ({
      contentType: XLSX_TYPE,
      body: await toXlsx('Statistiques', STATISTICS_COLUMNS, await statisticsRows(ctx, request.query)),
      filename: 'statistiques-accompagnement.xlsx',
    }),
  },
];
