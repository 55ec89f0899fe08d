import { ArrayMaxSize, IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';

const weight = (what: string) => ({ message: `Le poids ${what} doit être un entier de 0 à 100.` });

@InputType('ContactPriorityWeightsInput', { description: 'New contact priority weights (each 0–100, not all 0) and priority sectors.' })
export class ContactPriorityWeightsInput {
  @Field(() => Int, { description: 'Weight of the alert level.' })
  @IsInt(weight('du niveau de risque'))
  @Min(0, weight('du niveau de risque'))
  @Max(100, weight('du niveau de risque'))
  risk!: number;

  @Field(() => Int, { description: 'Weight of the time since the last interview.' })
  @IsInt(weight('de l’ancienneté du dernier entretien'))
  @Min(0, weight('de l’ancienneté du dernier entretien'))
  @Max(100, weight('de l’ancienneté du dernier entretien'))
  staleness!: number;

  @Field(() => Int, { description: 'Weight of the jobs at stake.' })
  @IsInt(weight('de la taille'))
  @Min(0, weight('de la taille'))
  @Max(100, weight('de la taille'))
  size!: number;

  @Field(() => Int, { description: 'Weight of a priority sector.' })
  @IsInt(weight('de la filière prioritaire'))
  @Min(0, weight('de la filière prioritaire'))
  @Max(100, weight('de la filière prioritaire'))
  sector!: number;

  @Field(() => Int, { description: 'Weight of the stage.' })
  @IsInt(weight('du stade'))
  @Min(0, weight('du stade'))
  @Max(100, weight('du stade'))
  stage!: number;

  @Field(() => [String], { description: 'Codes of the priority sectors (at most 50).' })
  @ArrayMaxSize(50, { message: 'Au plus 50 filières prioritaires.' })
  @IsString({ each: true, message: 'Un code de filière est un texte.' })
  @MaxLength(64, { each: true, message: 'Un code de filière compte au plus 64 caractères.' })
  prioritySectorCodes!: string[];
}
