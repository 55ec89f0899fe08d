import { Field, Float, Int, ObjectType } from 'type-graphql';
import { RadarLevelEnum, SignalKindEnum, SignalSeverityEnum } from './radar.enums.js';

@ObjectType('RadarAxis', { description: 'One axis of a radar (a section of the grid).' })
export class RadarAxis {
  @Field(() => String, { description: 'Code of the section, e.g. "finances".' })
  axis!: string;

  @Field(() => String, { description: 'French label of the axis.' })
  label!: string;

  @Field(() => Float, { nullable: true, description: 'Score 0–100 over the answered scored questions; null when none is answered (not assessed, never "bad").' })
  score!: number | null;

  @Field(() => Float, { description: "Share 0–1 of the axis's scored weight that is answered." })
  coverage!: number;

  @Field(() => Boolean, { description: 'False when the score rests on under half of the axis (partial: shown, never alarming).' })
  reliable!: boolean;
}

@ObjectType('RadarSignal', { description: 'A risk or a margin of progress a grid rule found in the answers.' })
export class RadarSignalView {
  @Field(() => String, { description: 'Code of the rule; "confidential" when the viewer may not read it.' })
  code!: string;

  @Field(() => SignalKindEnum, { description: 'Risk or margin.' })
  kind!: SignalKindEnum;

  @Field(() => SignalSeverityEnum, { description: 'Severity.' })
  severity!: SignalSeverityEnum;

  @Field(() => String, { description: 'Code of the axis it concerns.' })
  axis!: string;

  @Field(() => String, { description: 'French title (« Signal confidentiel » when redacted).' })
  label!: string;

  @Field(() => String, { description: 'French explanation citing the answers, or why it is withheld from the viewer.' })
  explanation!: string;

  @Field(() => Boolean, { description: 'True when the viewer may not read the answers it rests on: label and explanation are withheld.' })
  redacted!: boolean;
}

@ObjectType('RadarAxisTrend', { description: 'How one axis moved since the previous radar.' })
export class RadarAxisTrend {
  @Field(() => String, { description: 'Code of the axis.' })
  axis!: string;

  @Field(() => String, { description: 'French label.' })
  label!: string;

  @Field(() => Float, { nullable: true, description: 'Score now.' })
  score!: number | null;

  @Field(() => Float, { nullable: true, description: 'Score at the previous radar.' })
  previousScore!: number | null;

  @Field(() => Float, { nullable: true, description: 'score − previousScore; null when either is not assessed.' })
  delta!: number | null;
}

@ObjectType('RadarTrend', { description: 'What changed since the previous radar of the organization.' })
export class RadarTrendView {
  @Field(() => [RadarAxisTrend], { description: 'Per axis.' })
  axes!: RadarAxisTrend[];

  @Field(() => [RadarSignalView], { description: 'Signals that appeared.' })
  newSignals!: RadarSignalView[];

  @Field(() => [RadarSignalView], { description: 'Signals of the previous radar that are gone.' })
  resolvedSignals!: RadarSignalView[];

  @Field(() => RadarLevelEnum, { description: 'Level now.' })
  level!: RadarLevelEnum;

  @Field(() => RadarLevelEnum, { description: 'Level at the previous radar.' })
  previousLevel!: RadarLevelEnum;
}

@ObjectType('RadarAxisQuartiles', { description: 'Quartiles of one axis over the latest radar of each organization of a sector or of the territory.' })
export class RadarAxisQuartiles {
  @Field(() => String, { description: 'Code of the axis.' })
  axis!: string;

  @Field(() => String, { description: 'French label.' })
  label!: string;

  @Field(() => Int, { description: 'Organizations whose latest radar scores this axis reliably.' })
  organizations!: number;

  @Field(() => Float, { nullable: true, description: 'First quartile; null under 3 organizations (statistical secrecy).' })
  q1!: number | null;

  @Field(() => Float, { nullable: true, description: 'Median; null under 3 organizations.' })
  median!: number | null;

  @Field(() => Float, { nullable: true, description: 'Third quartile; null under 3 organizations.' })
  q3!: number | null;
}
