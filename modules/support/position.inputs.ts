import { Field, ID, InputType, Int } from 'type-graphql';
import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { PositionKind } from './support.enums.js';
import { POSITION_LIMITS as L } from './partner-position.entity.js';
import { SUPPORT_LIMITS } from './support-request.entity.js';

const ID_MESSAGE = "L'identifiant est limité à 100 caractères.";
const AMOUNT_MESSAGE = `Le montant doit être compris entre 0 et ${SUPPORT_LIMITS.amount.toLocaleString('fr-FR')} €.`;

@InputType('PositionInput', { description: "A partner's position on a support request." })
export class PositionInput {
  @Field(() => ID, { nullable: true, description: "The partner taking the position; by default the viewer's own (required when the viewer belongs to several)." })
  @IsOptional()
  @MaxLength(100, { message: ID_MESSAGE })
  partnerId?: string | null;

  @Field(() => PositionKind, { description: 'The position.' })
  kind!: PositionKind;

  @Field(() => ID, { nullable: true, description: 'The scheme the partner would mobilise (one of its own).' })
  @IsOptional()
  @MaxLength(100, { message: ID_MESSAGE })
  schemeId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Amount, in euros.' })
  @IsOptional()
  @Min(0, { message: AMOUNT_MESSAGE })
  @Max(SUPPORT_LIMITS.amount, { message: AMOUNT_MESSAGE })
  amount?: number | null;

  @Field(() => String, { nullable: true, description: 'Conditions (French).' })
  @IsOptional()
  @MaxLength(L.conditions, { message: `Les conditions sont limitées à ${L.conditions} caractères.` })
  conditions?: string | null;

  @Field(() => String, { nullable: true, description: 'Comment (French).' })
  @IsOptional()
  @MaxLength(L.comment, { message: `Le commentaire est limité à ${L.comment} caractères.` })
  comment?: string | null;

  @Field(() => ID, { nullable: true, description: 'For a redirection, the partner the holder is sent to.' })
  @IsOptional()
  @MaxLength(100, { message: ID_MESSAGE })
  redirectToId?: string | null;
}
