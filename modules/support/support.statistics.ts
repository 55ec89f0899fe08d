import type { Context } from '../../server/kit/index.js';

/*
 * The module's one analytics file: statistics of support requests over a period, in SQL with bound
 * parameters only (the same text on PGlite and PostgreSQL). The period is [from, to) on the day a
 * request was received (Paris time); aggregates only, for partners' people (`support.read`).
 */

export interface PartnerPositioning {
  partnerId: string;
  partner: string;
  /** Requests of the period the partner was asked to take position on (its invitations). */
  asked: number;
  /** Of them, those on which the partner took position. */
  answered: number;
  /** Average days from the invitation to the partner's first answer; null without answers. */
  averageDelayDays: number | null;
}

export interface OutcomeCount {
  status: string;
  requests: number;
}

export interface AmountBy {
  key: string;
  label: string;
  requests: number;
  /** Sum of the amounts sought, in euros. */
  sought: number;
  /** Sum of the amounts partners said they would mobilise (support, conditional support), in euros. */
  mobilised: number;
}

export interface SupportStatisticsRows {
  positioning: PartnerPositioning[];
  outcomes: OutcomeCount[];
  byScheme: AmountBy[];
  bySector: AmountBy[];
  byStage: AmountBy[];
  byIntercommunality: AmountBy[];
  satisfaction: { answers: number; average: number | null };
}

const PERIOD = `r.received_at >= (cast(? as date) at time zone 'Europe/Paris') and r.received_at < (cast(? as date) at time zone 'Europe/Paris')`;

/**
 * Per partner, the invitations of the period's requests (what it was asked), those answered (a current
 * position exists, whenever recorded) and the average delay from the invitation to its first answer
 * (0 when it answered before being asked). A partner never asked in the period is not listed.
 */
const POSITIONING = `
with invited as (
  select i.partner_id, i.request_id, i.invited_at from support_invitation i join support_request r on r.id = i.request_id where ${PERIOD}
)
select p.id as "partnerId", coalesce(p.short_name, p.name) as partner,
       count(*)::int as asked,
       count(sp.id)::int as answered,
       -- greatest() skips nulls: without the filter an unanswered invitation would count as an answer at once.
       round((avg(greatest(extract(epoch from (sp.first_recorded_at - i.invited_at)), 0)) filter (where sp.id is not null) / 86400)::numeric, 1)::float as "averageDelayDays"
from invited i
join partner p on p.id = i.partner_id
left join support_position sp on sp.request_id = i.request_id and sp.partner_id = i.partner_id
group by p.id, p.short_name, p.name
order by answered desc, partner asc, p.id asc`;

const OUTCOMES = `
select r.status::text as status, count(*)::int as requests
from support_request r where ${PERIOD}
group by r.status order by r.status`;

/** Amounts mobilised per request: the current positions that intervene. */
const MOBILISED = `(select sp.request_id, sp.scheme_id, sp.amount from support_position sp where sp.kind in ('WILL_SUPPORT', 'CONDITIONAL'))`;

const BY_SCHEME = `
select coalesce(fs.id::text, '') as key, coalesce(fs.name, 'Sans dispositif') as label, count(distinct r.id)::int as requests,
       0::int as sought, coalesce(sum(m.amount), 0)::int as mobilised
from support_request r join ${MOBILISED} m on m.request_id = r.id
left join funding_scheme fs on fs.id = m.scheme_id
where ${PERIOD}
group by fs.id, fs.name order by mobilised desc, label asc`;

const by = (key: string, label: string, join: string) => `
select ${key} as key, ${label} as label, count(*)::int as requests, coalesce(sum(r.amount_sought), 0)::int as sought,
       coalesce(sum((select sum(m.amount) from ${MOBILISED} m where m.request_id = r.id)), 0)::int as mobilised
from support_request r ${join}
where ${PERIOD}
group by 1, 2 order by sought desc, label asc`;

const BY_SECTOR = by('s.code', 's.name', 'join sector s on s.code = r.sector_code');
const BY_STAGE = by('r.stage::text', 'r.stage::text', '');
const BY_INTERCOMMUNALITY = by('i.id::text', 'i.short_name', 'join commune c on c.id = r.commune_id join intercommunality i on i.id = c.intercommunality_id');

const SATISFACTION = `
select count(r.satisfaction_score)::int as answers, round(avg(r.satisfaction_score)::numeric, 2)::float as average
from support_request r where ${PERIOD}`;

/** The statistics of the period [from, to) (days, YYYY-MM-DD). */
export async function supportStatistics(ctx: Context, from: string, to: string): Promise<SupportStatisticsRows> {
  const connection = ctx.em.getConnection();
  const run = <T>(sql: string) => connection.execute<T[]>(sql, [from, to], 'all');
  const [positioning, outcomes, byScheme, bySector, byStage, byIntercommunality, satisfaction] = await Promise.all([
    run<PartnerPositioning>(POSITIONING),
    run<OutcomeCount>(OUTCOMES),
    run<AmountBy>(BY_SCHEME),
    run<AmountBy>(BY_SECTOR),
    run<AmountBy>(BY_STAGE),
    run<AmountBy>(BY_INTERCOMMUNALITY),
    run<{ answers: number; average: number | null }>(SATISFACTION),
  ]);
  return { positioning, outcomes, byScheme, bySector, byStage, byIntercommunality, satisfaction: satisfaction[0] ?? { answers: 0, average: null } };
}
