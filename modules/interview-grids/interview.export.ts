import { CSV_TYPE, decodeId, load, loadChildren, toCsv, type Column, type Context, type ModuleRoute } from '../../server/kit/index.js';
import type { AnswerValue } from './grid.js';
import { GridVersion } from './grid-version.entity.js';
import { Interview, InterviewAnswer, MAX_ANSWERS } from './interview.entity.js';

const CONFIDENTIALITY_LABELS: Record<string, string> = {
  shared: 'Partagée',
  partnerAndCommittee: 'Partenaire et comité',
  interviewerOnly: 'Partenaire de l’entretien',
};
const YES_PARTLY_NO: Record<string, string> = { yes: 'Oui', partly: 'En partie', no: 'Non' };

interface Row {
  section: string;
  code: string;
  question: string;
  answer: string | number | null;
  confidentiality: string;
}

const COLUMNS: Column<Row>[] = [
  { header: 'Rubrique', value: (r) => r.section },
  { header: 'Code', value: (r) => r.code },
  { header: 'Question', value: (r) => r.question },
  { header: 'Réponse', value: (r) => r.answer },
  { header: 'Confidentialité', value: (r) => r.confidentiality },
];

/**
 * The answers of one interview as a French CSV, read through the kit with the viewer's visibility: an
 * answer the viewer may not read through GraphQL is not in the file either (confidentiality on every path).
 */
async function answersCsv(ctx: Context, globalId: string): Promise<string | null> {
  const id = decodeId(globalId, 'Interview', 'id');
  const interview = await load(ctx, Interview, id);
  if (!interview) return null;
  const [grid, answers] = await Promise.all([
    load(ctx, GridVersion, interview.gridVersion.id),
    loadChildren(ctx, InterviewAnswer, 'interview', id, {
      orderBy: [
        ['questionCode', 'asc'],
        ['id', 'asc'],
      ],
      limit: MAX_ANSWERS,
    }),
  ]);
  const definition = grid?.definition;
  const byCode = new Map(answers.map((a) => [a.questionCode, a]));
  const sections = new Map((definition?.sections ?? []).map((s) => [s.code, s.label]));
  const rows: Row[] = [];
  for (const question of definition?.questions ?? []) {
    const answer = byCode.get(question.code);
    if (!answer) continue;
    const value: AnswerValue = answer.value;
    const shown =
      value === null
        ? null
        : Array.isArray(value)
          ? value.map((c) => question.options?.find((o) => o.code === c)?.label ?? c).join(', ')
          : question.type === 'yesPartlyNo' && typeof value === 'string'
            ? (YES_PARTLY_NO[value] ?? value)
            : question.type === 'singleChoice' && typeof value === 'string'
              ? (question.options?.find((o) => o.code === value)?.label ?? value)
              : typeof value === 'boolean'
                ? value
                  ? 'Oui'
                  : 'Non'
                : value;
    rows.push({
      section: sections.get(question.sectionCode) ?? question.sectionCode,
      code: question.code,
      question: question.label,
      answer: shown,
      confidentiality: CONFIDENTIALITY_LABELS[answer.confidentiality] ?? answer.confidentiality,
    });
  }
  return toCsv(COLUMNS, rows);
}

/** GET /files/interview-grids/interviews/:id/answers.csv: the answers the viewer may read. */
export const INTERVIEW_ROUTES: ModuleRoute[] = [
  {
    method: 'GET',
    path: '/interviews/:id/answers.csv',
    handle: async (ctx, request) => {
      const csv = await answersCsv(ctx, request.params.id ?? '');
      return csv === null ? null : { contentType: CSV_TYPE, body: csv, filename: 'entretien.csv' };
    },
  },
];
