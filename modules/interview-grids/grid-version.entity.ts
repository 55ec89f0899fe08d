import { Entity, Enum, Index, OptionalProps, Property, Unique } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { GraphQLDateTime, GraphQLJSON } from 'graphql-scalars';
import { Needs, Node, UuidEntity } from '../../server/kit/index.js';
import type { GridDefinition } from './grid.js';
import { AnswerConfidentiality, GridVersionStatus } from './interview.enums.js';

export const GRID_CODE_MAX = 60;
export const GRID_TITLE_MAX = 200;

@ObjectType('GridOption', { description: 'One option of a choice question.' })
export class GridOptionType {
  @Field(() => String, { description: 'Stable code (what answers hold).' })
  code!: string;

  @Field(() => String, { description: 'Label (French).' })
  label!: string;

  @Field(() => Float, { description: 'Share of the question’s weight it earns, 0 to 1.' })
  points!: number;
}

@ObjectType('GridThreshold', { description: 'A band of a numeric answer: min <= value < max (an open end when null).' })
export class GridThresholdType {
  @Field(() => Float, { nullable: true, description: 'Lower bound, included; null: none.' })
  min?: number | null;

  @Field(() => Float, { nullable: true, description: 'Upper bound, excluded; null: none.' })
  max?: number | null;

  @Field(() => Float, { description: 'Share of the question’s weight it earns, 0 to 1.' })
  points!: number;
}

@ObjectType('GridSection', { description: 'A section of a grid: one axis of the radar.' })
export class GridSectionType {
  @Field(() => String, { description: 'Stable code (hr, governance, finances…).' })
  code!: string;

  @Field(() => String, { description: 'Label (French).' })
  label!: string;

  @Field(() => String, { nullable: true, description: 'What it covers (French).' })
  description?: string | null;

  @Field(() => Int, { description: 'Position in the grid.' })
  order!: number;
}

@ObjectType('GridQuestion', { description: 'A question of a grid.' })
export class GridQuestionType {
  @Field(() => String, { description: 'Stable code (what answers and rules refer to).' })
  code!: string;

  @Field(() => String, { description: 'Code of its section.' })
  sectionCode!: string;

  @Field(() => String, { description: 'The question (French).' })
  label!: string;

  @Field(() => String, { nullable: true, description: 'Help for the interviewer (French).' })
  help?: string | null;

  @Field(() => String, { description: 'How it is answered: yesPartlyNo, scale0to4, number, money, percentage, date, singleChoice, multipleChoice, text.' })
  type!: string;

  @Field(() => Boolean, { description: 'Must be answered to complete an interview.' })
  required!: boolean;

  @Field(() => Float, { description: 'Weight in its section’s score; 0: not scored.' })
  weight!: number;

  @Field(() => [GridOptionType], { nullable: true, description: 'Options of a choice (or the points of yes / partly / no, of a scale).' })
  options?: GridOptionType[] | null;

  @Field(() => [GridThresholdType], { nullable: true, description: 'Bands of a numeric answer.' })
  thresholds?: GridThresholdType[] | null;

  @Field(() => AnswerConfidentiality, { description: 'Who may read its answers.' })
  confidentiality!: AnswerConfidentiality;
}

@ObjectType('GridRule', { description: 'A risk or margin for manoeuvre the radar evaluates on the answers.' })
export class GridRuleType {
  @Field(() => String, { description: 'Stable code.' })
  code!: string;

  @Field(() => String, { description: 'risk or margin.' })
  kind!: string;

  @Field(() => String, { description: 'info, watch, high or critical.' })
  severity!: string;

  @Field(() => String, { description: 'Code of its section.' })
  sectionCode!: string;

  @Field(() => String, { description: 'Label (French).' })
  label!: string;

  @Field(() => String, { description: 'Explanation (French), citing answers as {{question_code}}.' })
  explanation!: string;

  @Field(() => GraphQLJSON, { description: 'JSON Logic condition over {"<question_code>": value}.' })
  condition!: unknown;
}

/**
 * A version of an interview grid: sections, questions and rules as one JSON definition. A published
 * version never changes (interviews keep the version they were held with); editing a published grid
 * creates the next version as a draft. Only its rules may be replaced, by `setGridRules`.
 */
@Entity({ tableName: 'grid_version' })
@Unique({ properties: ['code', 'version'] })
@Index({ properties: ['code', 'version', 'id'] })
@ObjectType('GridVersion', { implements: Node, simpleResolvers: true, description: 'A version of an interview grid (sections, questions, scoring, rules).' })
export class GridVersion extends UuidEntity {
  [OptionalProps]?: 'globalId' | 'status' | 'publishedAt' | 'createdAt' | 'updatedAt' | 'sections' | 'questions' | 'rules';

  @Field(() => String, { description: 'Code of the grid, shared by its versions (diagnostic-ess).' })
  @Property({ type: 'string', length: GRID_CODE_MAX })
  code!: string;

  @Field(() => Int, { description: 'Version number, from 1.' })
  @Property({ type: 'integer' })
  version!: number;

  @Field(() => String, { description: 'Title (French).' })
  @Property({ type: 'string', length: GRID_TITLE_MAX })
  title!: string;

  @Field(() => GridVersionStatus, { description: 'Draft (may change) or published (frozen).' })
  @Enum({ items: () => GridVersionStatus, nativeEnumName: 'grid_version_status', default: GridVersionStatus.DRAFT })
  status: GridVersionStatus = GridVersionStatus.DRAFT;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When it was published; null for a draft.' })
  @Property({ type: 'datetime', nullable: true })
  publishedAt: Date | null = null;

  /** The whole grid (sections, questions, rules), as `GridDefinition`. */
  @Property({ type: 'json' })
  definition!: GridDefinition;

  @Field(() => GraphQLDateTime, { description: 'When it was created.' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => GraphQLDateTime, { description: 'When it last changed.' })
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Field(() => [GridSectionType], { description: 'Sections, in order.' })
  @Needs('definition')
  get sections(): GridSectionType[] {
    return [...(this.definition?.sections ?? [])].sort((a, b) => a.order - b.order) as GridSectionType[];
  }

  @Field(() => [GridQuestionType], { description: 'Questions, section by section.' })
  @Needs('definition')
  get questions(): GridQuestionType[] {
    return (this.definition?.questions ?? []) as unknown as GridQuestionType[];
  }

  @Field(() => [GridRuleType], { description: 'Rules (risks and margins) the radar evaluates.' })
  @Needs('definition')
  get rules(): GridRuleType[] {
    return (this.definition?.rules ?? []) as GridRuleType[];
  }
}
