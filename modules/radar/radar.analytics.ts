import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { RadarLevel } from './level.js';
import type { PriorityInput, PriorityStage } from './priority.js';
import { MIN_RELIABLE_COVERAGE } from './scoring.js';

/*
 * The radar module's analytical SQL, in this one file (values always bound, never in the text). Each read is one
 * statement and runs the same on PGlite and PostgreSQL.
 *
 * - Sector view: quartiles (25 %, median, 75 %) of each axis's score over the LATEST radar of each organization
 *   (of a sector, or of the whole territory). Only reliable axis scores count (coverage ≥ MIN_RELIABLE_COVERAGE),
 *   and a cell of fewer than MIN_CELL organizations is suppressed (statistical secrecy: a median of two would
 *   reveal scores), its figures null.
 * - Contact priorities: each organization with its latest radar's level and interview day, in one statement.
 */

/** Fewer organizations than this in a cell: its quartiles are not shown. */
export const MIN_CELL = 3;

export interface AxisQuartiles {
  axis: string;
  label: string;
  /** Organizations whose latest radar scores this axis reliably. */
  organizations: number;
  q1: number | null;
  median: number | null;
  q3: number | null;
}

/** The latest radar of each organization (newest interview, then newest computation). */
const LATEST = `select distinct on (r.organization_id) r.organization_id, r.axes
  from radar r
  order by r.organization_id, r.interview_date desc, r.computed_at desc, r.id desc`;

const QUARTILES = `with latest as (${LATEST}),
scoped as (
  select l.axes from latest l join organization o on o.id = l.organization_id
  where (cast(? as text) is null or o.sector_code = ?)
),
axis as (
  select a.axis, a.label, a.score, a.coverage, a.ord
  from scoped s cross join lateral rows from (jsonb_to_recordset(s.axes) as (axis text, label text, score float8, coverage float8)) with ordinality as a(axis, label, score, coverage, ord)
),
reliable as (
  select axis, label, ord, case when score is not null and coverage >= ? then score end as score from axis
)
select axis, min(label) as label, min(ord) as ord, count(score)::int as organizations,
  percentile_cont(0.25) within group (order by score) as q1,
  percentile_cont(0.5) within group (order by score) as median,
  percentile_cont(0.75) within group (order by score) as q3
from reliable group by axis order by min(ord), axis`;

interface QuartileRow {
  axis: string;
  label: string;
  organizations: number | string;
  q1: number | string | null;
  median: number | string | null;
  q3: number | string | null;
}

const round1 = (v: number | string | null): number | null => (v === null ? null : Math.round(Number(v) * 10) / 10);

/** Quartiles per axis over the latest radar of each organization of `sectorCode` (null: the whole territory). */
export async function axisQuartiles(em: SqlEntityManager, sectorCode: string | null): Promise<AxisQuartiles[]> {
  const rows = (await em.execute(QUARTILES, [sectorCode, sectorCode, MIN_RELIABLE_COVERAGE], 'all')) as QuartileRow[];
  return rows.map((r) => {
    const n = Number(r.organizations);
    const shown = n >= MIN_CELL;
    return { axis: r.axis, label: r.label, organizations: n, q1: shown ? round1(r.q1) : null, median: shown ? round1(r.median) : null, q3: shown ? round1(r.q3) : null };
  });
}

const PRIORITY_INPUTS = `select o.id, o.name, o.employees, o.stage, o.sector_code, s.name as sector_name, l.level, l.interview_date
from organization o
join sector s on s.code = o.sector_code
left join lateral (
  select r.level, r.interview_date from radar r where r.organization_id = o.id
  order by r.interview_date desc, r.computed_at desc, r.id desc limit 1
) l on true
where (cast(? as text) is null or o.sector_code = ?)`;

interface PriorityRow {
  id: string;
  name: string;
  employees: number;
  stage: PriorityStage;
  sector_code: string;
  sector_name: string;
  level: RadarLevel | null;
  interview_date: string | Date | null;
}

const isoDay = (v: string | Date | null): string | null =>
  v === null ? null : typeof v === 'string' ? v.slice(0, 10) : `${v.getFullYear()}-${String(v.getMonth() + 1).padStart(2, '0')}-${String(v.getDate()).padStart(2, '0')}`;

/** Every organization (of `sectorCode`, or all) with what its contact priority needs, in one statement. */
export async function priorityInputs(em: SqlEntityManager, sectorCode: string | null): Promise<PriorityInput[]> {
  const rows = (await em.execute(PRIORITY_INPUTS, [sectorCode, sectorCode], 'all')) as PriorityRow[];
  return rows.map((r) => ({
    organizationId: r.id,
    name: r.name,
    employees: Number(r.employees),
    stage: r.stage,
    sectorCode: r.sector_code,
    sectorName: r.sector_name,
    level: r.level,
    lastInterview: isoDay(r.interview_date),
  }));
}
