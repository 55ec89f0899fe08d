import type { AnswerValue, GridDefinition } from '../interview-grids/index.js';

/*
 * TEMPORARY mirror of what `interview-grids` promises but has not merged yet (see /work/notes/grids-contract.md):
 * what the radar reads of a completed interview. Replaced by the import from '../interview-grids/index.js' once
 * `interviewsForScoring` is there.
 */
export interface InterviewForScoring {
  interviewId: string;
  organizationId: string;
  gridVersionId: string;
  grid: GridDefinition;
  /** YYYY-MM-DD */
  date: string;
  answers: Record<string, AnswerValue>;
}
