import { defineModule, type Context } from '../../server/kit/index.js';
import type { SetGridRulesInput } from './interview.inputs.js';
import { DEFAULT_GRID, DEFAULT_GRID_CODE } from './default-grid.js';
import { GridVersion } from './grid-version.entity.js';
import { Interview, InterviewAnswer } from './interview.entity.js';
import { GridRulesChanged, InterviewCompleted, InterviewValidated } from './interview.events.js';
import { InterviewPermissions } from './interview.permissions.js';
import { InterviewResolver, OrganizationInterviewsResolver } from './interview.resolver.js';
import { InterviewService, interviewsForScoring, previousInterviewId, type InterviewForScoring } from './interview.service.js';
import { INTERVIEW_VISIBILITY } from './interview.visibility.js';
import { loadDefaultGrid } from './grid.reference.js';
import { seedInterviews } from './interview.demo.js';
import { INTERVIEW_ROUTES } from './interview.export.js';

// What other modules may use of this one (they import this file only, and list 'interview-grids' in dependsOn).
export type { AnswerValue, Confidentiality, GridDefinition, GridOption, GridQuestion, GridRule, GridSection, GridThreshold, QuestionType } from './grid.js';
export { scoreOf, answerProblem, isAnswered, QUESTION_TYPES, CONFIDENTIALITIES } from './grid.js';
export { citedCodes, ruleProblems, ruleHolds, explain, type RuleProblem } from './grid-rules.js';
export { AnswerConfidentiality, GridVersionStatus, InterviewStatus } from './interview.enums.js';
export { DEFAULT_GRID, DEFAULT_GRID_CODE, GridRulesChanged, InterviewCompleted, InterviewValidated };
export { GridVersion, Interview, InterviewAnswer, InterviewPermissions, InterviewService, interviewsForScoring, previousInterviewId, type InterviewForScoring };
/** Replace the rules of a grid version (admin), validating every cited question code: the service behind `setGridRules`. */
export function setGridRules(ctx: Context, input: SetGridRulesInput): Promise<GridVersion> {
  return InterviewService.setGridRules(ctx, input);
}

/** Interview grids (versioned templates of questions and rules) and interviews of organizations by partners. */
export default defineModule({
  name: 'interview-grids',
  description: 'Interview grids (versioned sections, questions, scoring and rules) and the interviews partners hold with organizations.',
  dependsOn: ['organizations', 'partners', 'accounts'],
  entities: [GridVersion, Interview, InterviewAnswer],
  resolvers: [InterviewResolver, OrganizationInterviewsResolver],
  permissions: InterviewPermissions,
  visibility: INTERVIEW_VISIBILITY,
  routes: INTERVIEW_ROUTES,
  reference: loadDefaultGrid,
  demo: seedInterviews,
});
