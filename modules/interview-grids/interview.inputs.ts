import { Field, ID, InputType, Int } from 'type-graphql';
import { GraphQLJSON, GraphQLLocalDate } from 'graphql-scalars';
import { ArrayMaxSize, IsIn, IsOptional, Length, MaxLength, Min, ValidateNested } from 'class-validator';
import { GRID_TITLE_MAX } from './grid-version.entity.js';
import { MAX_ANSWERS, QUESTION_CODE_MAX } from './interview.entity.js';
import { InterviewStatus } from './interview.enums.js';
import { MAX_RULES, RULE_EXPLANATION_MAX, RULE_KINDS, RULE_LABEL_MAX, RULE_SEVERITIES } from './grid-rules.js';

const ID_MESSAGE = "L'identifiant est limité à 100 caractères.";

@InputType('InterviewFilter', { description: 'Filters on interviews; all given filters apply together.' })
export class InterviewFilter {
  @Field(() => ID, { nullable: true, description: 'Only those of this organization.' })
  @IsOptional()
  @MaxLength(100, { message: ID_MESSAGE })
  organizationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only those held by this partner.' })
  @IsOptional()
  @MaxLength(100, { message: ID_MESSAGE })
  partnerId?: string | null;

  @Field(() => InterviewStatus, { nullable: true, description: 'Only those with this status.' })
  @IsOptional()
  status?: InterviewStatus | null;
}

@InputType('StartInterviewInput', { description: 'A new interview of an organization.' })
export class StartInterviewInput {
  @Field(() => ID, { description: 'Id of the organization.' })
  @MaxLength(100, { message: ID_MESSAGE })
  organizationId!: string;

  @Field(() => ID, { nullable: true, description: "The interviewing partner; omitted: the viewer's only partner." })
  @IsOptional()
  @MaxLength(100, { message: ID_MESSAGE })
  partnerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The grid version (published); omitted: the latest published version of the default grid.' })
  @IsOptional()
  @MaxLength(100, { message: ID_MESSAGE })
  gridVersionId?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'The day it is held (not in the future); omitted: today.' })
  @IsOptional()
  date?: string | null;
}

@InputType('AnswerInput', { description: 'The answer to one question; a null value clears it.' })
export class AnswerInput {
  @Field(() => String, { description: 'Code of the question.' })
  @Length(1, QUESTION_CODE_MAX, { message: `Le code de question compte de 1 à ${QUESTION_CODE_MAX} caractères.` })
  questionCode!: string;

  @Field(() => GraphQLJSON, {
    nullable: true,
    description: 'The value, as the question type says ("yes" | "partly" | "no", 0–4, a number, "YYYY-MM-DD", a code, a list of codes, a text); null clears it.',
  })
  value?: unknown;
}

@InputType('SaveAnswersInput', { description: 'Answers to save in a draft interview (some or all of them).' })
export class SaveAnswersInput {
  @Field(() => ID, { description: 'Id of the interview.' })
  @MaxLength(100, { message: ID_MESSAGE })
  interviewId!: string;

  @Field(() => Int, { description: 'The `version` the client last read: a save over a newer version is refused with CONFLICT.' })
  @Min(1, { message: 'La version est un entier positif.' })
  expectedVersion!: number;

  @Field(() => [AnswerInput], { description: `The answers (at most ${MAX_ANSWERS}).` })
  @ArrayMaxSize(MAX_ANSWERS, { message: `Au plus ${MAX_ANSWERS} réponses à la fois.` })
  @ValidateNested({ each: true })
  answers!: AnswerInput[];
}

@InputType('GridRuleInput', { description: 'A risk or margin rule of a grid version.' })
export class GridRuleInput {
  @Field(() => String, { description: 'Stable code (a lower-case letter, then letters, digits, _).' })
  @Length(1, 60, { message: 'Le code compte de 1 à 60 caractères.' })
  code!: string;

  @Field(() => String, { description: 'risk or margin.' })
  @IsIn(RULE_KINDS as string[], { message: 'Une règle est un risque (risk) ou une marge de manœuvre (margin).' })
  @MaxLength(10, { message: 'Une règle est un risque (risk) ou une marge de manœuvre (margin).' })
  kind!: 'risk' | 'margin';

  @Field(() => String, { description: 'info, watch, high or critical.' })
  @IsIn(RULE_SEVERITIES as string[], { message: 'Le niveau est info, watch, high ou critical.' })
  @MaxLength(10, { message: 'Le niveau est info, watch, high ou critical.' })
  severity!: 'info' | 'watch' | 'high' | 'critical';

  @Field(() => String, { description: 'Code of the section it belongs to.' })
  @Length(1, 60, { message: 'Le code de rubrique compte de 1 à 60 caractères.' })
  sectionCode!: string;

  @Field(() => String, { description: 'Label (French).' })
  @Length(1, RULE_LABEL_MAX, { message: `L’intitulé compte de 1 à ${RULE_LABEL_MAX} caractères.` })
  label!: string;

  @Field(() => String, { description: 'Explanation (French), citing answers as {{question_code}}.' })
  @Length(1, RULE_EXPLANATION_MAX, { message: `L’explication compte de 1 à ${RULE_EXPLANATION_MAX} caractères.` })
  explanation!: string;

  @Field(() => GraphQLJSON, { description: 'JSON Logic condition over {"<question_code>": value}.' })
  condition!: unknown;
}

@InputType('SetGridRulesInput', { description: 'The rules replacing those of a grid version.' })
export class SetGridRulesInput {
  @Field(() => ID, { description: 'Id of the grid version.' })
  @MaxLength(100, { message: ID_MESSAGE })
  gridVersionId!: string;

  @Field(() => [GridRuleInput], { description: `The rules (at most ${MAX_RULES}).` })
  @ArrayMaxSize(MAX_RULES, { message: `Au plus ${MAX_RULES} règles.` })
  @ValidateNested({ each: true })
  rules!: GridRuleInput[];
}

@InputType('CreateGridVersionInput', { description: 'The next version of a grid, as a draft copied from a version.' })
export class CreateGridVersionInput {
  @Field(() => ID, { description: 'The version to start from.' })
  @MaxLength(100, { message: ID_MESSAGE })
  fromGridVersionId!: string;

  @Field(() => String, { nullable: true, description: 'A new title; omitted: the same.' })
  @IsOptional()
  @Length(1, GRID_TITLE_MAX, { message: `Le titre compte de 1 à ${GRID_TITLE_MAX} caractères.` })
  title?: string | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The whole definition ({ title, sections, questions, rules }); omitted: a copy of the version started from.' })
  @IsOptional()
  definition?: unknown;
}

@InputType('UpdateGridVersionInput', { description: 'A new definition for a draft grid version.' })
export class UpdateGridVersionInput {
  @Field(() => ID, { description: 'Id of the draft.' })
  @MaxLength(100, { message: ID_MESSAGE })
  id!: string;

  @Field(() => GraphQLJSON, { description: 'The whole definition ({ title, sections, questions, rules }).' })
  definition!: unknown;
}
