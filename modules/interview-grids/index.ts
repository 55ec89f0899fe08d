import { defineModule } from '../../server/kit/index.js';
import { DEFAULT_GRID, DEFAULT_GRID_CODE } from './default-grid.js';
import { GridRulesChanged, InterviewCompleted, InterviewValidated } from './interview.events.js';

// What other modules may use of this one (they import this file only, and list 'interview-grids' in dependsOn).
export type { AnswerValue, Confidentiality, GridDefinition, GridOption, GridQuestion, GridRule, GridSection, GridThreshold, QuestionType } from './grid.js';
export { scoreOf, answerProblem, isAnswered, QUESTION_TYPES, CONFIDENTIALITIES } from './grid.js';
export { citedCodes, ruleProblems, ruleHolds, explain, type RuleProblem } from './grid-rules.js';
export { DEFAULT_GRID, DEFAULT_GRID_CODE, GridRulesChanged, InterviewCompleted, InterviewValidated };

/** Interview grids (versioned templates of questions and rules) and interviews of organizations by partners. */
export default defineModule({
  name: 'interview-grids',
  description: 'Interview grids (versioned sections, questions, scoring and rules) and the interviews partners hold with organizations.',
  dependsOn: ['organizations', 'partners', 'accounts'],
  entities: [],
  resolvers: [],
});
