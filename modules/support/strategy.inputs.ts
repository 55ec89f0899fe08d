import { Field, ID, InputType, Int } from 'type-graphql';
import { IsOptional, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { ActionStatus } from './support.enums.js';
import { STRATEGY_LIMITS as L } from './strategy.entity.js';

const ID_MESSAGE = "L'identifiant est limité à 100 caractères.";

@InputType('StrategyInput', { description: 'The shared strategy the committee validates.' })
export class StrategyInput {
  @Field(() => String, { description: 'The shared diagnosis (French).' })
  @Length(10, L.text, { message: `Le diagnostic doit compter de 10 à ${L.text} caractères.` })
  diagnosis!: string;

  @Field(() => String, { description: 'The short- and medium-term strategy (French).' })
  @Length(10, L.text, { message: `La stratégie doit compter de 10 à ${L.text} caractères.` })
  strategy!: string;

  @Field(() => String, { description: 'The holder’s one contact person.' })
  @Length(2, L.contact, { message: `Le nom de la personne contact doit compter de 2 à ${L.contact} caractères.` })
  contactPerson!: string;

  @Field(() => String, { nullable: true, description: 'The next step (French).' })
  @IsOptional()
  @MaxLength(L.text, { message: `La prochaine étape est limitée à ${L.text} caractères.` })
  nextStep?: string | null;
}

@InputType('SupportActionInput', { description: 'An action of the shared plan.' })
export class SupportActionInput {
  @Field(() => String, { description: 'What is to be done (French).' })
  @Length(3, L.title, { message: `L'action doit compter de 3 à ${L.title} caractères.` })
  title!: string;

  @Field(() => ID, { description: 'The partner in charge.' })
  @MaxLength(100, { message: ID_MESSAGE })
  ownerId!: string;

  @Field(() => String, { description: 'By when (YYYY-MM-DD).' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: "L'échéance s'écrit AAAA-MM-JJ." })
  @MaxLength(10, { message: "L'échéance s'écrit AAAA-MM-JJ." })
  dueOn!: string;

  @Field(() => ID, { nullable: true, description: 'The position it follows from.' })
  @IsOptional()
  @MaxLength(100, { message: ID_MESSAGE })
  positionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The scheme it mobilises.' })
  @IsOptional()
  @MaxLength(100, { message: ID_MESSAGE })
  schemeId?: string | null;
}

@InputType('SatisfactionInput', { description: 'The holder’s feedback after closing.' })
export class SatisfactionInput {
  @Field(() => Int, { description: 'From 1 (not satisfied) to 5 (very satisfied).' })
  @Min(1, { message: 'La note va de 1 à 5.' })
  @Max(5, { message: 'La note va de 1 à 5.' })
  score!: number;

  @Field(() => String, { nullable: true, description: 'Comment (French).' })
  @IsOptional()
  @MaxLength(2_000, { message: 'Le commentaire est limité à 2 000 caractères.' })
  comment?: string | null;
}

export { ActionStatus };
