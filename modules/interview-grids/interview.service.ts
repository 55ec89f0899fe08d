import type { GraphQLResolveInfo } from 'graphql';
import { OptimisticLockError, type EntityManager, type FilterQuery } from '@mikro-orm/core';
import {
  AppError,
  ErrorCode,
  badInput,
  conflict,
  decodeId,
  forbidden,
  list,
  load,
  loadChildren,
  notFound,
  todayInFrance,
  type ConnectionArgs,
  type Context,
  type Order,
  type Page,
  type Transaction,
} from '../../server/kit/index.js';
import { Organization } from '../organizations/index.js';
import { Partner } from '../partners/index.js';
import { answerProblem, isAnswered, type AnswerValue, type GridDefinition, type GridRule } from './grid.js';
import { ruleProblems, type RuleProblem } from './grid-rules.js';
import { definitionProblems } from './grid-check.js';
import { DEFAULT_GRID_CODE } from './default-grid.js';
import { GridVersion } from './grid-version.entity.js';
import { Interview, InterviewAnswer, INTERVIEW_LABEL } from './interview.entity.js';
import { AnswerConfidentiality, GridVersionStatus, InterviewStatus } from './interview.enums.js';
import { GridRulesChanged, InterviewCompleted, InterviewValidated } from './interview.events.js';
import type { CreateGridVersionInput, GridRuleInput, InterviewFilter, SaveAnswersInput, SetGridRulesInput, StartInterviewInput, UpdateGridVersionInput } from './interview.inputs.js';
import { InterviewPermissions } from './interview.permissions.js';

/** The list's order: the latest first, ending with the unique id (the keyset needs it). */
const ORDER: Order<Interview> = [
  ['date', 'desc'],
  ['id', 'desc'],
];
const GRID_ORDER: Order<GridVersion> = [
  ['code', 'asc'],
  ['version', 'desc'],
  ['id', 'asc'],
];
/** `Organization.interviews`: the latest ones, at most this many. */
export const ORGANIZATION_INTERVIEWS_MAX = 50;
const GRID_LABEL = 'Version de grille';
const EARLIEST_DAY = '2000-01-01';

/** Several problems at once: the first one's message and field, and all of them in `extensions.fields`. */
export function problemsError(summary: string, problems: readonly RuleProblem[]): AppError {
  const head = problems[0]!;
  return new AppError(ErrorCode.BadUserInput, problems.length === 1 ? head.message : `${summary} (${problems.length} problèmes) : ${head.message}`, { field: head.field, fields: problems });
}

/** A day one day ahead of France's today: a French evening can already be tomorrow in UTC. */
function latestDay(): string {
  return todayInFrance(new Date(Date.now() + 24 * 3600 * 1000));
}

/** The interview `globalId` the viewer may see, then re-read for a write in `tx` with its grid (NOT_FOUND when hidden). */
async function interviewForWrite(ctx: Context, tx: Transaction, interviewId: string): Promise<Interview> {
  const interview = await tx.em.findOne(Interview, { id: interviewId }, { populate: ['gridVersion'] });
  if (!interview) throw notFound(INTERVIEW_LABEL, interviewId);
  if (!ctx.viewer.hasRoleIn(interview.partner.id)) throw forbidden('Seules les personnes du partenaire qui mène l’entretien peuvent le modifier.');
  return interview;
}

async function visibleInterviewId(ctx: Context, globalId: string, field: string): Promise<string> {
  const id = decodeId(globalId, 'Interview', field);
  if (!(await load(ctx, Interview, id))) throw notFound(INTERVIEW_LABEL, globalId);
  return id;
}

/** Flushes, turning a concurrent change (the version moved under us) into CONFLICT. */
async function flushLocked(tx: Transaction): Promise<void> {
  try {
    await tx.em.flush();
  } catch (error) {
    if (error instanceof OptimisticLockError) throw conflict('L’entretien a été modifié entre-temps : rechargez-le avant d’enregistrer.', 'input.expectedVersion');
    throw error;
  }
}

function toRule(input: GridRuleInput): GridRule {
  return { code: input.code, kind: input.kind, severity: input.severity, sectionCode: input.sectionCode, label: input.label, explanation: input.explanation, condition: input.condition };
}

export const InterviewService = {
  /** A page of interviews the viewer may see: one statement, only the columns asked for. */
  list(ctx: Context, filter: InterviewFilter | null | undefined, args: ConnectionArgs, info: GraphQLResolveInfo): Promise<Page<Interview>> {
    const where: FilterQuery<Interview>[] = [];
    if (filter?.organizationId) where.push({ organization: decodeId(filter.organizationId, 'Organization', 'filter.organizationId') });
    if (filter?.partnerId) where.push({ partner: decodeId(filter.partnerId, 'Partner', 'filter.partnerId') });
    if (filter?.status) where.push({ status: filter.status });
    return list(ctx, Interview, { where: where.length ? { $and: where } : {}, orderBy: ORDER, args, info });
  },

  /** The latest interviews of an organization (batched with the other organizations of the page). */
  ofOrganization(ctx: Context, organization: Organization, first: number): Promise<Interview[]> {
    const limit = Math.max(0, Math.min(first, ORGANIZATION_INTERVIEWS_MAX));
    return loadChildren(ctx, Interview, 'organization', organization.id, { orderBy: ORDER, limit: ORGANIZATION_INTERVIEWS_MAX }).then((rows) => rows.slice(0, limit));
  },

  gridVersions(ctx: Context, code: string | null | undefined, args: ConnectionArgs, info: GraphQLResolveInfo): Promise<Page<GridVersion>> {
    return list(ctx, GridVersion, { where: code ? { code } : {}, orderBy: GRID_ORDER, args, info });
  },

  /** The grid version `globalId`, or the latest published version of `code` (default grid when both are null). */
  async gridVersion(ctx: Context, globalId: string | null | undefined, code: string | null | undefined): Promise<GridVersion | null> {
    if (globalId) return load(ctx, GridVersion, decodeId(globalId, 'GridVersion', 'id'));
    const latest = await ctx.em.findOne(GridVersion, { code: code ?? DEFAULT_GRID_CODE, status: GridVersionStatus.PUBLISHED }, { orderBy: { version: 'desc' }, fields: ['id'] });
    return latest ? load(ctx, GridVersion, latest.id) : null;
  },

  /** Starts a draft interview of an organization for one of the viewer's partners, with a published grid. */
  async start(ctx: Context, input: StartInterviewInput): Promise<Interview> {
    const organizationId = decodeId(input.organizationId, 'Organization', 'input.organizationId');
    const partnerId = input.partnerId ? decodeId(input.partnerId, 'Partner', 'input.partnerId') : null;
    const gridVersionId = input.gridVersionId ? decodeId(input.gridVersionId, 'GridVersion', 'input.gridVersionId') : null;
    const date = input.date ?? todayInFrance();
    if (date > latestDay()) throw badInput('input.date', 'La date de l’entretien ne peut pas être dans le futur.');
    if (date < EARLIEST_DAY) throw badInput('input.date', 'La date de l’entretien doit être postérieure au 1er janvier 2000.');
    let partner = partnerId;
    if (!partner) {
      const own = ctx.viewer.partnerIds;
      if (own.length !== 1)
        throw badInput('input.partnerId', own.length ? 'Vous êtes membre de plusieurs partenaires : précisez pour lequel vous menez cet entretien.' : 'Précisez le partenaire qui mène cet entretien.');
      partner = own[0]!;
    }
    if (!ctx.viewer.hasRoleIn(partner)) throw new AppError(ErrorCode.Forbidden, "Vous n'êtes pas membre de ce partenaire.", { field: 'input.partnerId' });
    return ctx.transaction(async (tx) => {
      if ((await tx.em.count(Organization, { id: organizationId })) === 0) throw notFound('Organisation', input.organizationId);
      if ((await tx.em.count(Partner, { id: partner })) === 0) throw notFound('Partenaire', input.partnerId ?? undefined);
      const grid = gridVersionId
        ? await tx.em.findOne(GridVersion, { id: gridVersionId }, { fields: ['id', 'status'] })
        : await tx.em.findOne(GridVersion, { code: DEFAULT_GRID_CODE, status: GridVersionStatus.PUBLISHED }, { orderBy: { version: 'desc' }, fields: ['id', 'status'] });
      if (!grid) throw gridVersionId ? notFound(GRID_LABEL, input.gridVersionId ?? undefined) : conflict('Aucune grille publiée : publiez une grille avant de mener un entretien.');
      if (grid.status !== GridVersionStatus.PUBLISHED) throw badInput('input.gridVersionId', 'Un entretien suit une version publiée de la grille, pas un brouillon.');
      const interview = tx.em.create(Interview, { organization: organizationId, partner, gridVersion: grid.id, interviewer: ctx.viewer.personId, date });
      await tx.em.flush();
      return interview;
    });
  },

  /**
   * Saves some answers of a draft interview (a null value clears one). Every value is checked against
   * its question; every problem is reported at once and nothing is saved then. A save naming a version
   * older than the interview's is refused with CONFLICT: the other person's answers are never overwritten.
   */
  async saveAnswers(ctx: Context, input: SaveAnswersInput): Promise<Interview> {
    const id = await visibleInterviewId(ctx, input.interviewId, 'input.interviewId');
    return ctx.transaction(async (tx) => {
      const interview = await interviewForWrite(ctx, tx, id);
      if (interview.status !== InterviewStatus.DRAFT) throw conflict('Cet entretien est terminé : ses réponses ne changent plus.');
      if (interview.version !== input.expectedVersion) {
        throw conflict(`L’entretien a été modifié entre-temps (version ${interview.version}, et non ${input.expectedVersion}) : rechargez-le avant d’enregistrer.`, 'input.expectedVersion');
      }
      const questions = new Map(interview.gridVersion.getEntity().definition.questions.map((q) => [q.code, q]));
      const problems: RuleProblem[] = [];
      const seen = new Set<string>();
      input.answers.forEach((answer, i) => {
        const question = questions.get(answer.questionCode);
        if (!question) return void problems.push({ field: `input.answers.${i}.questionCode`, message: `La question « ${answer.questionCode} » n’existe pas dans cette grille.` });
        if (seen.has(answer.questionCode)) problems.push({ field: `input.answers.${i}.questionCode`, message: `La question « ${answer.questionCode} » reçoit deux réponses.` });
        seen.add(answer.questionCode);
        const problem = answerProblem(question, answer.value);
        if (problem) problems.push({ field: `input.answers.${i}.value`, message: `${question.label} : ${problem}` });
      });
      if (problems.length) throw problemsError('Des réponses sont refusées', problems);
      const existing = new Map((await tx.em.find(InterviewAnswer, { interview: id, questionCode: { $in: [...seen] } })).map((a) => [a.questionCode, a]));
      const now = new Date();
      for (const answer of input.answers) {
        const value = (answer.value ?? null) as AnswerValue;
        const current = existing.get(answer.questionCode);
        if (!isAnswered(value)) {
          if (current) tx.em.remove(current);
        } else if (current) {
          current.value = value;
          current.updatedAt = now;
          current.updatedById = ctx.viewer.personId;
        } else {
          const question = questions.get(answer.questionCode)!;
          tx.em.create(InterviewAnswer, {
            interview: id,
            questionCode: answer.questionCode,
            value,
            confidentiality: question.confidentiality as AnswerConfidentiality,
            updatedAt: now,
            updatedById: ctx.viewer.personId,
          });
        }
      }
      interview.updatedAt = now; // bumps `version` (optimistic lock) even when only answers changed
      await flushLocked(tx);
      return interview;
    });
  },

  /** Completes a draft: every required question answered and every answer of its type, else every problem at once. */
  async complete(ctx: Context, globalId: string, expectedVersion: number | null | undefined): Promise<Interview> {
    const id = await visibleInterviewId(ctx, globalId, 'id');
    return ctx.transaction(async (tx) => {
      const interview = await interviewForWrite(ctx, tx, id);
      if (interview.status !== InterviewStatus.DRAFT) throw conflict('Cet entretien est déjà terminé.');
      if (expectedVersion != null && interview.version !== expectedVersion) throw conflict(`L’entretien a été modifié entre-temps (version ${interview.version}) : rechargez-le.`, 'expectedVersion');
      const grid = interview.gridVersion.getEntity().definition;
      const answers = new Map((await tx.em.find(InterviewAnswer, { interview: id })).map((a) => [a.questionCode, a.value]));
      const problems: RuleProblem[] = [];
      for (const question of grid.questions) {
        const value = answers.get(question.code);
        if (!isAnswered(value)) {
          if (question.required) problems.push({ field: `answers.${question.code}`, message: `Réponse obligatoire : « ${question.label} ».` });
          continue;
        }
        const problem = answerProblem(question, value);
        if (problem) problems.push({ field: `answers.${question.code}`, message: `${question.label} : ${problem}` });
      }
      if (problems.length) throw problemsError('L’entretien ne peut pas être terminé', problems);
      interview.status = InterviewStatus.COMPLETED;
      interview.completedAt = new Date();
      interview.updatedAt = interview.completedAt;
      await flushLocked(tx);
      tx.publish(InterviewCompleted, { interviewId: id, organizationId: interview.organization.id });
      return interview;
    });
  },

  /** Validates a completed interview: a manager of the interviewing partner, or an administrator. */
  async validate(ctx: Context, globalId: string): Promise<Interview> {
    const id = await visibleInterviewId(ctx, globalId, 'id');
    return ctx.transaction(async (tx) => {
      const interview = await tx.em.findOne(Interview, { id });
      if (!interview) throw notFound(INTERVIEW_LABEL, globalId);
      if (!ctx.viewer.hasRoleIn(interview.partner.id, 'MANAGER')) throw forbidden('Seuls les gestionnaires du partenaire qui a mené l’entretien (ou les administrateurs) le valident.');
      if (interview.status !== InterviewStatus.COMPLETED) throw conflict(interview.status === InterviewStatus.DRAFT ? 'Terminez l’entretien avant de le valider.' : 'Cet entretien est déjà validé.');
      interview.status = InterviewStatus.VALIDATED;
      interview.validatedAt = new Date();
      interview.updatedAt = interview.validatedAt;
      await flushLocked(tx);
      tx.publish(InterviewValidated, { interviewId: id, organizationId: interview.organization.id });
      return interview;
    });
  },

  /** Replaces the rules of a grid version (published or not: rules are what the radar reads), all checked first. */
  async setGridRules(ctx: Context, input: SetGridRulesInput): Promise<GridVersion> {
    const id = decodeId(input.gridVersionId, 'GridVersion', 'input.gridVersionId');
    return ctx.transaction(async (tx) => {
      const grid = await tx.em.findOne(GridVersion, { id });
      if (!grid) throw notFound(GRID_LABEL, input.gridVersionId);
      const rules = input.rules.map(toRule);
      const problems = ruleProblems(grid.definition, rules, 'input.rules');
      if (problems.length) throw problemsError('Des règles sont refusées', problems);
      grid.definition = { ...grid.definition, rules };
      await tx.em.flush();
      tx.publish(GridRulesChanged, { gridVersionId: id });
      return grid;
    });
  },

  /** The next version of a grid, as a draft: a copy of `fromGridVersionId`, or the definition given. */
  async createGridVersion(ctx: Context, input: CreateGridVersionInput): Promise<GridVersion> {
    const fromId = decodeId(input.fromGridVersionId, 'GridVersion', 'input.fromGridVersionId');
    return ctx.transaction(async (tx) => {
      const from = await tx.em.findOne(GridVersion, { id: fromId });
      if (!from) throw notFound(GRID_LABEL, input.fromGridVersionId);
      const draft = await tx.em.findOne(GridVersion, { code: from.code, status: GridVersionStatus.DRAFT }, { fields: ['id', 'version'] });
      if (draft) throw conflict(`La grille a déjà un brouillon (version ${draft.version}) : modifiez-le ou publiez-le.`, 'input.fromGridVersionId');
      const latest = await tx.em.findOne(GridVersion, { code: from.code }, { orderBy: { version: 'desc' }, fields: ['version'] });
      const version = (latest?.version ?? 0) + 1;
      const given = (input.definition ?? from.definition) as Record<string, unknown>;
      const problems = definitionProblems(given, 'input.definition');
      if (problems.length) throw problemsError('La grille est refusée', problems);
      const title = input.title ?? (given.title as string);
      const definition = { ...(given as unknown as GridDefinition), code: from.code, version, title };
      const created = tx.em.create(GridVersion, { code: from.code, version, title, definition });
      await tx.em.flush();
      return created;
    });
  },

  /** Replaces the definition of a draft; a published version never changes (CONFLICT). */
  async updateGridVersion(ctx: Context, input: UpdateGridVersionInput): Promise<GridVersion> {
    const id = decodeId(input.id, 'GridVersion', 'input.id');
    return ctx.transaction(async (tx) => {
      const grid = await tx.em.findOne(GridVersion, { id });
      if (!grid) throw notFound(GRID_LABEL, input.id);
      if (grid.status !== GridVersionStatus.DRAFT) throw conflict('Une version publiée ne change plus : créez la version suivante (createGridVersion).', 'input.id');
      const problems = definitionProblems(input.definition, 'input.definition');
      if (problems.length) throw problemsError('La grille est refusée', problems);
      const given = input.definition as GridDefinition;
      grid.definition = { ...given, code: grid.code, version: grid.version };
      grid.title = given.title;
      await tx.em.flush();
      return grid;
    });
  },

  /** Publishes a draft: from then on it never changes, and new interviews may follow it. */
  async publishGridVersion(ctx: Context, globalId: string): Promise<GridVersion> {
    const id = decodeId(globalId, 'GridVersion', 'id');
    return ctx.transaction(async (tx) => {
      const grid = await tx.em.findOne(GridVersion, { id });
      if (!grid) throw notFound(GRID_LABEL, globalId);
      if (grid.status !== GridVersionStatus.DRAFT) throw conflict('Cette version est déjà publiée.', 'id');
      const problems = definitionProblems(grid.definition, 'definition');
      if (problems.length) throw problemsError('La grille ne peut pas être publiée', problems);
      grid.status = GridVersionStatus.PUBLISHED;
      grid.publishedAt = new Date();
      await tx.em.flush();
      return grid;
    });
  },

  /** The interview `id` as the viewer may see it (a subscription's payload); NOT_FOUND when hidden or gone. */
  async visible(ctx: Context, id: string): Promise<Interview> {
    const found = await load(ctx, Interview, id);
    if (!found) throw notFound(INTERVIEW_LABEL);
    return found;
  },

  /** True when the viewer may read interviews at all (subscriptions refuse the others at once). */
  mayRead(ctx: Context): boolean {
    return ctx.can(InterviewPermissions.read);
  },
};

/** What the radar needs of a completed interview, read in one batch (no N+1). */
export interface InterviewForScoring {
  interviewId: string;
  organizationId: string;
  gridVersionId: string;
  grid: GridDefinition;
  date: string;
  answers: Record<string, AnswerValue>;
}

/**
 * The interviews `interviewIds` (any status; unknown ids left out), with their grid and every answer,
 * in three statements whatever their number. No visibility: for the platform's own computations (the
 * radar), never to hand answers to a viewer.
 */
export async function interviewsForScoring(em: EntityManager, interviewIds: readonly string[]): Promise<InterviewForScoring[]> {
  // Read outside the identity map: a caller writing radars in the same EntityManager would otherwise have every
  // answer and grid definition compared at each flush (the demo's 380 radars took 100 s instead of 2).
  const ids = [...new Set(interviewIds)];
  if (ids.length === 0) return [];
  const interviews = await em.find(Interview, { id: { $in: ids } }, { fields: ['id', 'organization', 'gridVersion', 'date'], orderBy: { date: 'asc', id: 'asc' }, disableIdentityMap: true });
  if (interviews.length === 0) return [];
  const gridIds = [...new Set(interviews.map((i) => i.gridVersion.id))];
  const [grids, answers] = await Promise.all([
    em.find(GridVersion, { id: { $in: gridIds } }, { fields: ['id', 'definition'], disableIdentityMap: true }),
    em.find(InterviewAnswer, { interview: { $in: interviews.map((i) => i.id) } }, { fields: ['interview', 'questionCode', 'value'], disableIdentityMap: true }),
  ]);
  const gridById = new Map(grids.map((g) => [g.id, g.definition]));
  const answersBy = new Map<string, Record<string, AnswerValue>>(interviews.map((i) => [i.id, {}]));
  for (const a of answers) answersBy.get(a.interview.id)![a.questionCode] = a.value;
  return interviews.map((i) => ({
    interviewId: i.id,
    organizationId: i.organization.id,
    gridVersionId: i.gridVersion.id,
    grid: gridById.get(i.gridVersion.id)!,
    date: String(i.date).slice(0, 10),
    answers: answersBy.get(i.id)!,
  }));
}

/** The previous completed or validated interview of the same organization before `interviewId` (by date, then id), or null. */
export async function previousInterviewId(em: EntityManager, interviewId: string): Promise<string | null> {
  const current = await em.findOne(Interview, { id: interviewId }, { fields: ['id', 'organization', 'date'] });
  if (!current) return null;
  const previous = await em.findOne(
    Interview,
    {
      organization: current.organization.id,
      status: { $in: [InterviewStatus.COMPLETED, InterviewStatus.VALIDATED] },
      $or: [{ date: { $lt: current.date } }, { date: current.date, id: { $lt: current.id } }],
    },
    { fields: ['id'], orderBy: { date: 'desc', id: 'desc' } },
  );
  return previous?.id ?? null;
}
