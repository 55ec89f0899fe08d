import { createRandom, type DemoContext, type DemoResult, type Random } from '../../server/kit/index.js';
import { LegalForm, Organization, Stage } from '../organizations/index.js';
import { Partner } from '../partners/index.js';
import { Membership } from '../accounts/index.js';
import type { AnswerValue, GridDefinition, GridQuestion } from './grid.js';
import { DEFAULT_GRID_CODE } from './default-grid.js';
import { loadDefaultGrid } from './grid.reference.js';
import { GridVersion } from './grid-version.entity.js';
import { Interview, InterviewAnswer } from './interview.entity.js';
import { AnswerConfidentiality, GridVersionStatus, InterviewStatus } from './interview.enums.js';

/*
 * Demo interviews: about 300 organizations of the demo directory interviewed by partners' people, about
 * 80 of them twice, one to two years apart. Each organization has a fragility (0 solid, 1 fragile) that
 * every answer follows, with some noise: a fragile association depends on public funding, has little cash,
 * a board not renewed, subsidised contracts ending… Between two interviews some improve, some degrade.
 * Deterministic (a fixed seed, organizations by name), written in bulk (a few statements).
 */

export const DEMO_INTERVIEWED = 300;
export const DEMO_INTERVIEWED_TWICE = 80;
const SEED = 2012;

const LEGAL_FORM_ANSWER: Partial<Record<LegalForm, string>> = {
  [LegalForm.ASSOCIATION]: 'association',
  [LegalForm.SCOP]: 'scop',
  [LegalForm.SCIC]: 'scic',
  [LegalForm.COOPERATIVE]: 'cooperative',
  [LegalForm.MUTUAL_HEALTH]: 'mutuelle',
  [LegalForm.MUTUAL_INSURANCE]: 'mutuelle',
  [LegalForm.FOUNDATION]: 'fondation',
};

const STAGE_ANSWER: Record<Stage, string> = {
  [Stage.EMERGENCE]: 'emergence',
  [Stage.CREATION]: 'creation',
  [Stage.DEVELOPMENT]: 'development',
  [Stage.CONSOLIDATION]: 'consolidation',
  [Stage.RECOVERY]: 'difficulty',
};

const NEEDS = [
  'Consolider le modèle économique et diversifier les financements.',
  'Structurer la fonction employeur (fiches de poste, entretiens annuels).',
  'Préparer le renouvellement du bureau et l’accueil de nouveaux administrateurs.',
  'Construire un plan de trésorerie et négocier une avance remboursable.',
  'Étudier un rapprochement avec une structure voisine.',
  'Mesurer l’utilité sociale pour la présenter aux financeurs.',
  'Accompagner le projet d’investissement (local, véhicule, équipement).',
];
const STORIES = [
  'Une salariée en parcours a signé un CDI chez un client après 18 mois.',
  'Le chantier a remis en état les jardins partagés du quartier.',
  'Les familles accueillies sont revenues bénévoles l’année suivante.',
  'La recyclerie a détourné 120 tonnes de l’enfouissement.',
  'Les ateliers ont permis à des seniors isolés de reprendre des sorties.',
];
const OPINIONS_SOLID = ['Situation saine, réserves suffisantes pour le projet.', 'Gestion rigoureuse, comptes certifiés sans réserve.'];
const OPINIONS_FRAGILE = ['Trésorerie très tendue : suivre mensuellement.', 'Dépendance forte à la subvention départementale, non garantie l’an prochain.', 'Retard URSSAF en cours d’étalement.'];
const NOTES = [
  'Président proche de la retraite, pas de successeur identifié.',
  'Directrice motivée mais épuisée.',
  'Relation de confiance, à recontacter au printemps.',
  'Conflit latent entre bureau et équipe salariée.',
];

const clamp = (v: number, min: number, max: number) => (v < min ? min : v > max ? max : v);
const round1 = (v: number) => Math.round(v * 10) / 10;

/** Adds `days` to a 'YYYY-MM-DD' day. */
function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The option whose points are closest to `score` (0 bad … 1 good). */
function optionFor(question: GridQuestion, score: number): string {
  const options = question.options?.length
    ? question.options
    : [
        { code: 'yes', points: 1 },
        { code: 'partly', points: 0.5 },
        { code: 'no', points: 0 },
      ];
  let best = options[0]!;
  for (const o of options) if (Math.abs(o.points - score) < Math.abs(best.points - score)) best = o;
  return best.code;
}

interface Profile {
  legalForm: LegalForm;
  stage: Stage;
  employees: number;
}

/** Plausible answers of an organization of fragility `f` (0 solid … 1 fragile) on `date`. */
export function demoAnswers(grid: GridDefinition, org: Profile, f: number, date: string, random: Random): Record<string, AnswerValue> {
  const noise = (spread: number) => (random.next() - 0.5) * 2 * spread;
  const good = () => clamp(1 - f + noise(0.25), 0, 1);
  const association = org.legalForm === LegalForm.ASSOCIATION;
  const headcount = Math.max(0, Math.round(org.employees * (1 + noise(0.15))));
  const publicShare = Math.round(clamp((association ? 35 : 5) + f * (association ? 50 : 35) + noise(10), 0, 100));
  const revenue = Math.round((headcount * 42_000 + 15_000 + random.int(0, 40_000)) / 100) * 100;
  const equityRatio = round1(clamp((1 - f) * 45 - 12 + noise(8), -40, 150));
  const subsidised = headcount === 0 ? 0 : Math.round(clamp(f * 55 + noise(15), 0, 100));
  const ending = Math.round(clamp(subsidised * (0.3 + f * 0.6) + noise(5), 0, subsidised));
  const cash = round1(clamp((1 - f) * 7 + noise(1.5), 0.2, 14));
  const deficits = f > 0.6 ? random.int(1, 3) : f > 0.35 ? random.int(0, 1) : 0;
  const projectKinds = ['newActivity', 'newSite', 'investment', 'hiring', 'employeeTakeover', 'pooling', 'digital'].filter(() => random.chance(0.22));
  const values: Record<string, AnswerValue> = {
    hr_headcount: headcount,
    hr_fte: round1(headcount * (0.65 + random.next() * 0.3)),
    hr_subsidised_share: subsidised,
    hr_subsidised_ending_share: ending,
    hr_subsidised_next_end: subsidised > 0 ? addDays(date, random.int(20, 540)) : null,
    hr_turnover: Math.round(clamp(6 + f * 28 + noise(6), 0, 100)),
    hr_volunteers: association ? Math.round(clamp((1 - f) * 45 + noise(12), 0, 300)) : random.int(0, 3),
    gov_legal_form: LEGAL_FORM_ANSWER[org.legalForm] ?? 'commercialEss',
    gov_years_since_board_renewal: Math.round(clamp(f * 5 + noise(1.2), 0, 12)),
    gov_active_board_members: Math.round(clamp(2 + (1 - f) * 9 + noise(2), 1, 30)),
    gov_scop_employee_capital: org.legalForm === LegalForm.SCOP ? Math.round(clamp(80 - f * 35 + noise(8), 30, 100)) : null,
    fin_revenue: revenue,
    fin_public_funding_share: publicShare,
    fin_main_funder_share: Math.round(clamp(publicShare * 0.55 + f * 20 + noise(8), 5, 100)),
    fin_cash_months: cash,
    fin_equity: Math.round((revenue * equityRatio) / 100 / 100) * 100,
    fin_equity_ratio: equityRatio,
    fin_last_result: Math.round((revenue * ((1 - f) * 0.07 - 0.035 + noise(0.02))) / 100) * 100,
    fin_deficits_in_row: deficits,
    mkt_main_customer_share: Math.round(clamp(12 + f * 48 + noise(12), 1, 100)),
    mkt_own_revenue_share: Math.round(clamp(100 - publicShare - random.int(0, 10), 0, 100)),
    mkt_public_procurement_share: random.int(0, 40),
    su_publics: ['jobseekers', 'youth', 'seniors', 'disabled', 'priorityDistricts', 'families', 'allPublic'].filter(() => random.chance(0.25)),
    su_beneficiaries: random.int(15, 2500),
    su_exit_rate: random.chance(0.3) ? Math.round(clamp(30 + (1 - f) * 45 + noise(8), 0, 100)) : null,
    su_impact_story: random.chance(0.6) ? random.pick(STORIES) : null,
    ess_pay_ratio: round1(clamp(1.6 + random.next() * 2.5 + (random.chance(0.05) ? 9 : 0), 1, 20)),
    ess_esus:
      org.legalForm === LegalForm.ASSOCIATION || random.chance(0.6)
        ? optionFor(
            grid.questions.find((q) => q.code === 'ess_esus')!,
            random.chance(0.15) ? 1 : 0.3,
          )
        : 'notEligible',
    dev_stage: f > 0.75 ? 'difficulty' : STAGE_ANSWER[org.stage],
    dev_project_kinds: projectKinds,
    dev_investment_need: projectKinds.length ? Math.round(random.int(8, 250)) * 1000 : null,
    dev_support_used: ['dla', 'franceActive', 'urscop', 'initiative', 'cigales', 'cab'].filter(() => random.chance(0.18)),
    dev_needs: random.pick(NEEDS),
    fin_adviser_opinion: random.chance(0.5) ? random.pick(f > 0.5 ? OPINIONS_FRAGILE : OPINIONS_SOLID) : null,
    dev_interviewer_notes: random.chance(0.35) ? random.pick(NOTES) : null,
    ter_local_purchasing: Math.round(clamp(25 + random.next() * 55, 0, 100)),
    ter_local_employees: Math.round(clamp(55 + random.next() * 45, 0, 100)),
  };
  const answers: Record<string, AnswerValue> = {};
  for (const q of grid.questions) {
    let value: AnswerValue | undefined = values[q.code];
    if (value === undefined) {
      if (q.type === 'yesPartlyNo' || q.type === 'singleChoice') value = optionFor(q, good());
      else if (q.type === 'scale0to4') value = Math.round(good() * 4);
      else continue;
    }
    if (value === null || (!q.required && random.chance(0.06))) continue; // an optional question sometimes left out
    answers[q.code] = value;
  }
  return answers;
}

/** Interviews of the demo directory (idempotent: nothing when interviews exist). */
export async function seedInterviews({ em, scale }: DemoContext): Promise<DemoResult | void> {
  await loadDefaultGrid({ em });
  if ((await em.count(Interview, {})) > 0) return;
  const started = performance.now();
  const grid = await em.findOneOrFail(GridVersion, { code: DEFAULT_GRID_CODE, status: GridVersionStatus.PUBLISHED }, { orderBy: { version: 'asc' } });
  const organizations = await em.find(Organization, {}, { orderBy: { name: 'asc', id: 'asc' }, fields: ['id', 'name', 'legalForm', 'stage', 'employees'] });
  const partners = await em.find(Partner, { active: true }, { orderBy: { name: 'asc' }, fields: ['id', 'slug', 'kind'] });
  const memberships = await em.find(Membership, {}, { orderBy: { createdAt: 'asc' }, fields: ['person', 'partner'] });
  if (organizations.length === 0 || partners.length === 0) return;
  const personOf = new Map<string, string>();
  for (const m of memberships) if (!personOf.has(m.partner.id)) personOf.set(m.partner.id, m.person.id);
  // Mostly the partners with people (the demo accounts), the others too, their interviewer unknown.
  const staffed = partners.filter((p) => personOf.has(p.id));
  const random = createRandom(SEED);
  // A scaled directory (tests of the visibility matrix) gets a handful of interviews with a few answers each.
  const scaled = scale !== null;
  const total = Math.min(organizations.length, scaled ? Math.max(4, Math.round(scale.organizations / 50)) : DEMO_INTERVIEWED);
  const twice = scaled ? Math.max(2, Math.round(total / 3)) : DEMO_INTERVIEWED_TWICE;
  const step = organizations.length / total;
  const chosen = Array.from({ length: total }, (_, i) => organizations[Math.floor(i * step)]!);
  const interviews: Record<string, unknown>[] = [];
  const answers: Record<string, unknown>[] = [];
  const questions = new Map(grid.definition.questions.map((q) => [q.code, q]));
  const keep = scaled ? new Set(['hr_headcount', 'fin_cash_months', 'fin_public_funding_share', 'gov_years_since_board_renewal', 'dev_interviewer_notes', 'mkt_demand_trend']) : null;
  const now = new Date();
  chosen.forEach((org, i) => {
    const fragility = clamp(random.next() ** 1.3 + (org.stage === Stage.RECOVERY ? 0.3 : 0), 0, 1);
    const trend = random.weighted([
      [-0.3, 3],
      [0, 2],
      [0.3, 3],
    ] as const);
    const dates = [`202${random.int(1, 3)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`];
    if (i < twice) dates.push(addDays(dates[0]!, random.int(365, 730)));
    const partner = staffed.length && random.chance(0.75) ? random.pick(staffed) : random.pick(partners);
    dates.forEach((date, round) => {
      const f = clamp(fragility + (round === 1 ? trend + (random.next() - 0.5) * 0.1 : 0), 0, 1);
      const id = crypto.randomUUID();
      const validated = round === 0 || random.chance(0.5);
      interviews.push({
        id,
        organization: org.id,
        gridVersion: grid.id,
        partner: partner.id,
        interviewer: personOf.get(partner.id) ?? null,
        date,
        status: validated ? InterviewStatus.VALIDATED : InterviewStatus.COMPLETED,
        version: 2,
        completedAt: new Date(`${date}T17:00:00Z`),
        validatedAt: validated ? new Date(`${addDays(date, random.int(7, 40))}T10:00:00Z`) : null,
        createdAt: new Date(`${date}T09:00:00Z`),
        updatedAt: now,
      });
      const given = demoAnswers(grid.definition, { legalForm: org.legalForm, stage: org.stage, employees: org.employees }, f, date, random);
      for (const [questionCode, value] of Object.entries(given)) {
        if (keep && !keep.has(questionCode)) continue;
        answers.push({
          id: crypto.randomUUID(),
          interview: id,
          questionCode,
          value,
          confidentiality: questions.get(questionCode)!.confidentiality as AnswerConfidentiality,
          updatedAt: now,
          updatedById: null,
        });
      }
    });
  });
  await em.insertMany(Interview, interviews as never[]);
  for (let i = 0; i < answers.length; i += 4000) await em.insertMany(InterviewAnswer, answers.slice(i, i + 4000) as never[]);
  const ms = Math.round(performance.now() - started);
  return { lines: [`interview-grids: ${interviews.length} interviews of ${total} organizations (${Math.min(twice, total)} twice), ${answers.length} answers in ${ms} ms`] };
}
