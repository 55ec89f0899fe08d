import { Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { AmendmentChangeKind, AmendmentStatus, CHARTER_LIMITS as L } from './charter.entity.js';

const ID_MESSAGE = "L'identifiant est limité à 100 caractères.";
const DAY_MESSAGE = 'La date s’écrit AAAA-MM-JJ.';

@InputType('CharterDecisionInput', { description: 'A body’s decision on the charter: which body, when, its reference.' })
export class CharterDecisionInput {
  @Field(() => ID, { description: 'The deciding body (its chair or secretary, or an administrator, records the decision).' })
  @MaxLength(100, { message: ID_MESSAGE })
  bodyId!: string;

  @Field(() => String, { description: 'Day of the decision (YYYY-MM-DD), not in the future.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: DAY_MESSAGE })
  @MaxLength(10, { message: DAY_MESSAGE })
  decidedOn!: string;

  @Field(() => String, { description: 'Reference of the decision, e.g. « IP-2026-04 ».' })
  @Length(1, L.reference, { message: `La référence de la décision doit compter de 1 à ${L.reference} caractères.` })
  reference!: string;
}

@InputType('CharterArticleInput', { description: 'An article of a charter version.' })
export class CharterArticleInput {
  @Field(() => String, { description: 'Title (French).' })
  @Length(2, L.articleTitle, { message: `Le titre d’un article doit compter de 2 à ${L.articleTitle} caractères.` })
  title!: string;

  @Field(() => String, { description: 'Text (French).' })
  @Length(10, L.articleText, { message: `Le texte d’un article doit compter de 10 à ${L.articleText} caractères.` })
  text!: string;
}

@InputType('CreateCharterInput', { description: 'The platform’s charter, its first version and the decision that adopted it.' })
export class CreateCharterInput {
  @Field(() => String, { description: 'Title (French).' })
  @Length(5, L.title, { message: `Le titre de la charte doit compter de 5 à ${L.title} caractères.` })
  title!: string;

  @Field(() => [CharterArticleInput], { description: 'The articles of version 1, numbered in this order.' })
  @ArrayMinSize(1, { message: 'Une charte compte au moins un article.' })
  @ArrayMaxSize(L.articles, { message: `Une charte compte ${L.articles} articles au plus.` })
  @ValidateNested({ each: true })
  articles!: CharterArticleInput[];

  @Field(() => CharterDecisionInput, { description: 'The body’s decision that adopted version 1.' })
  @ValidateNested()
  adoption!: CharterDecisionInput;
}

@InputType('AmendmentChangeInput', { description: 'One change of an amendment; article numbers are those of the current version.' })
export class AmendmentChangeInput {
  @Field(() => AmendmentChangeKind, { description: 'What it does.' })
  kind!: AmendmentChangeKind;

  @Field(() => Int, { description: 'The article concerned (INSERT: the new article comes before it; the number of articles + 1 appends).' })
  @Min(1, { message: 'Les articles sont numérotés à partir de 1.' })
  @Max(L.articles + 1, { message: `Une charte compte ${L.articles} articles au plus.` })
  articleNumber!: number;

  @Field(() => String, { nullable: true, description: 'The new title (REPLACE, INSERT).' })
  @IsOptional()
  @Length(2, L.articleTitle, { message: `Le titre d’un article doit compter de 2 à ${L.articleTitle} caractères.` })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'The new text (REPLACE, INSERT).' })
  @IsOptional()
  @Length(10, L.articleText, { message: `Le texte d’un article doit compter de 10 à ${L.articleText} caractères.` })
  text?: string | null;
}

@InputType('ProposeCharterAmendmentInput', { description: 'An amendment of the current charter version, proposed for a partner.' })
export class ProposeCharterAmendmentInput {
  @Field(() => ID, { description: 'The partner proposing it (the viewer manages it).' })
  @MaxLength(100, { message: ID_MESSAGE })
  partnerId!: string;

  @Field(() => String, { description: 'Title (French).' })
  @Length(5, L.title, { message: `Le titre de l’amendement doit compter de 5 à ${L.title} caractères.` })
  title!: string;

  @Field(() => String, { description: 'Why (French: exposé des motifs).' })
  @Length(10, L.rationale, { message: `L’exposé des motifs doit compter de 10 à ${L.rationale} caractères.` })
  rationale!: string;

  @Field(() => [AmendmentChangeInput], { description: 'Its changes.' })
  @ArrayMinSize(1, { message: 'Un amendement change au moins un article.' })
  @ArrayMaxSize(L.changes, { message: `Un amendement compte ${L.changes} changements au plus.` })
  @ValidateNested({ each: true })
  changes!: AmendmentChangeInput[];
}

@InputType('SignCharterInput', { description: 'A partner’s signature of the current charter version.' })
export class SignCharterInput {
  @Field(() => ID, { description: 'The partner signing (the viewer manages it, or is an administrator).' })
  @MaxLength(100, { message: ID_MESSAGE })
  partnerId!: string;

  @Field(() => String, { nullable: true, description: 'Day of the signature (YYYY-MM-DD, not in the future); today by default.' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: DAY_MESSAGE })
  @MaxLength(10, { message: DAY_MESSAGE })
  signedOn?: string | null;

  @Field(() => ID, { nullable: true, description: 'The person who signed, a manager of the partner (an administrator recording a paper signature); the viewer by default.' })
  @IsOptional()
  @MaxLength(100, { message: ID_MESSAGE })
  signatoryId?: string | null;
}

@InputType('CharterAmendmentFilter', { description: 'Which amendments to list.' })
export class CharterAmendmentFilter {
  @Field(() => AmendmentStatus, { nullable: true, description: 'Only those with this status.' })
  @IsOptional()
  status?: AmendmentStatus | null;
}
