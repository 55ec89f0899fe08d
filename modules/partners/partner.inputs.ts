import { Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsEmail, IsOptional, IsUrl, Length, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { LegalForm, Stage } from '../organizations/index.js';
import { FundingSchemeKind, PartnerKind } from './partner.enums.js';
import { OmitOrSet } from '../../server/kit/index.js';

const URL_MESSAGE = "L'adresse du site doit commencer par http:// ou https://.";
const EMAIL_MESSAGE = "L'adresse e-mail n'est pas valide (254 caractères au plus).";
const ID_MESSAGE = "L'identifiant est limité à 100 caractères.";

/**
 * The largest amount any input accepts, in euros: the documented bound, well inside the integer
 * columns' range (2,147,483,647 was accepted and stored).
 */
const MAX_AMOUNT = 1_000_000_000;
const AMOUNT_MESSAGE = 'Le montant ne peut pas dépasser 1 000 000 000 €.';

/*
 * Every string has a maximum no longer than its column (test/input.test.ts checks it); strings are
 * trimmed before these rules run (server/validation.ts).
 */

@InputType('PartnerSupportQuery', { description: 'A situation to match against intervention criteria: which partners can act on it?' })
export class PartnerSupportQuery {
  @Field(() => String, { nullable: true, description: 'Sector code or id.' })
  @IsOptional()
  @MaxLength(100, { message: 'La filière est limitée à 100 caractères.' })
  sector?: string | null;

  @Field(() => Stage, { nullable: true, description: 'Stage of the project.' })
  @IsOptional()
  stage?: Stage | null;

  @Field(() => LegalForm, { nullable: true, description: 'Legal form of the holder.' })
  @IsOptional()
  legalForm?: LegalForm | null;

  @Field(() => ID, { nullable: true, description: 'Commune of the project.' })
  @IsOptional()
  @MaxLength(100, { message: ID_MESSAGE })
  communeId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Amount sought, in euros (at most 1,000,000,000).' })
  @IsOptional()
  @Min(0, { message: 'Le montant ne peut pas être négatif.' })
  @Max(MAX_AMOUNT, { message: AMOUNT_MESSAGE })
  amount?: number | null;
}

@InputType('PartnerFilter', { description: 'Filters on partners; all given filters apply together.' })
export class PartnerFilter {
  @Field(() => [PartnerKind], { nullable: true, description: 'Kinds (any of them).' })
  @IsOptional()
  kinds?: PartnerKind[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Members of the technical committee only (true) or the others (false).' })
  @IsOptional()
  technicalCommittee?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Active partners only (true, the default) or former ones (false).' })
  @IsOptional()
  active?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Words of the name, short name or description, accents and case ignored.' })
  @IsOptional()
  @MaxLength(100, { message: 'La recherche est limitée à 100 caractères.' })
  search?: string | null;

  @Field(() => PartnerSupportQuery, { nullable: true, description: 'Only partners whose intervention criteria cover this situation.' })
  @IsOptional()
  @ValidateNested()
  canSupport?: PartnerSupportQuery | null;
}

/**
 * How many items a partner's lists may hold. The same numbers bound the inputs, the services' additions
 * one by one, and the cost of these lists in the operation limits (`@MaxItems`): a declared bound that
 * nobody enforces would be no bound.
 */
export const PARTNER_LISTS = { criteria: 10, fundingSchemes: 20, sectorsPerCriteria: 20, communesPerCriteria: 100 } as const;

@InputType('InterventionCriteriaInput', { description: 'A set of intervention criteria; empty lists mean no restriction.' })
export class InterventionCriteriaInput {
  @Field(() => String, { description: 'What these criteria cover (French).' })
  @Length(2, 200, { message: 'Le libellé doit compter de 2 à 200 caractères.' })
  label!: string;

  @Field(() => [String], { nullable: true, description: 'Sector codes or ids; empty: every sector.' })
  @IsOptional()
  @ArrayMaxSize(PARTNER_LISTS.sectorsPerCriteria, { message: `Au plus ${PARTNER_LISTS.sectorsPerCriteria} filières.` })
  @MaxLength(100, { each: true, message: 'Chaque filière est limitée à 100 caractères.' })
  sectors?: string[] | null;

  @Field(() => [Stage], { nullable: true, description: 'Stages; empty: every stage.' })
  @IsOptional()
  stages?: Stage[] | null;

  @Field(() => [LegalForm], { nullable: true, description: 'Legal forms; empty: every legal form.' })
  @IsOptional()
  legalForms?: LegalForm[] | null;

  @Field(() => Int, { nullable: true, description: 'Smallest amount, in euros (at most 1,000,000,000).' })
  @IsOptional()
  @Min(0, { message: 'Le montant minimum ne peut pas être négatif.' })
  @Max(MAX_AMOUNT, { message: AMOUNT_MESSAGE })
  minAmount?: number | null;

  @Field(() => Int, { nullable: true, description: 'Largest amount, in euros (at most 1,000,000,000).' })
  @IsOptional()
  @Min(0, { message: 'Le montant maximum ne peut pas être négatif.' })
  @Max(MAX_AMOUNT, { message: AMOUNT_MESSAGE })
  maxAmount?: number | null;

  @Field(() => [ID], { nullable: true, description: 'Communes covered; empty or omitted: the whole territory.' })
  @IsOptional()
  @ArrayMaxSize(PARTNER_LISTS.communesPerCriteria, { message: `Au plus ${PARTNER_LISTS.communesPerCriteria} communes.` })
  @MaxLength(100, { each: true, message: ID_MESSAGE })
  communeIds?: string[] | null;
}

@InputType('FundingSchemeInput', { description: 'A funding scheme a partner can mobilise.' })
export class FundingSchemeInput {
  @Field(() => String, { description: 'Name (French).' })
  @Length(2, 200, { message: 'Le nom doit compter de 2 à 200 caractères.' })
  name!: string;

  @Field(() => FundingSchemeKind, { description: 'Kind of scheme.' })
  kind!: FundingSchemeKind;

  @Field(() => String, { nullable: true, description: 'What the scheme offers (French).' })
  @IsOptional()
  @MaxLength(5000, { message: 'La description est limitée à 5 000 caractères.' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Eligibility (French).' })
  @IsOptional()
  @MaxLength(5000, { message: "Les conditions d'éligibilité sont limitées à 5 000 caractères." })
  eligibility?: string | null;

  @Field(() => Int, { nullable: true, description: 'Smallest amount, in euros (at most 1,000,000,000).' })
  @IsOptional()
  @Min(0, { message: 'Le montant minimum ne peut pas être négatif.' })
  @Max(MAX_AMOUNT, { message: AMOUNT_MESSAGE })
  minAmount?: number | null;

  @Field(() => Int, { nullable: true, description: 'Largest amount, in euros (at most 1,000,000,000).' })
  @IsOptional()
  @Min(0, { message: 'Le montant maximum ne peut pas être négatif.' })
  @Max(MAX_AMOUNT, { message: AMOUNT_MESSAGE })
  maxAmount?: number | null;

  @Field(() => [Stage], { nullable: true, description: 'Stages; empty: every stage.' })
  @IsOptional()
  stages?: Stage[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Still offered (true by default).' })
  @IsOptional()
  active?: boolean | null;
}

@InputType('UpdatePartnerInput', { description: 'Changes to a partner; omitted fields stay as they are.' })
export class UpdatePartnerInput {
  @Field(() => String, { nullable: true, description: 'Name; null is refused.' })
  @OmitOrSet('Le nom ne peut pas être vide.')
  @Length(2, 200, { message: 'Le nom doit compter de 2 à 200 caractères.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Acronym or short name.' })
  @IsOptional()
  @MaxLength(60, { message: 'Le sigle est limité à 60 caractères.' })
  shortName?: string | null;

  @Field(() => String, { nullable: true, description: 'What the partner does (French).' })
  @IsOptional()
  @MaxLength(5000, { message: 'La description est limitée à 5 000 caractères.' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Website URL (http or https, at most 300 characters).' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: URL_MESSAGE })
  @MaxLength(300, { message: "L'adresse du site est limitée à 300 caractères." })
  website?: string | null;

  @Field(() => String, { nullable: true, description: 'Contact e-mail address.' })
  @IsOptional()
  @IsEmail({}, { message: EMAIL_MESSAGE })
  @MaxLength(254, { message: EMAIL_MESSAGE })
  email?: string | null;

  @Field(() => [String], { nullable: true, description: 'Constraints (French), replacing the current list (an empty list clears it; null is refused).' })
  @OmitOrSet('Cette liste ne peut pas être null : envoyez [] pour la vider, ou omettez-la pour la garder.')
  @ArrayMaxSize(30, { message: 'Au plus 30 éléments.' })
  @MinLength(1, { each: true, message: 'Chaque élément doit contenir du texte.' })
  @MaxLength(500, { each: true, message: 'Chaque élément est limité à 500 caractères.' })
  constraints?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Needs (French), replacing the current list (an empty list clears it; null is refused).' })
  @OmitOrSet('Cette liste ne peut pas être null : envoyez [] pour la vider, ou omettez-la pour la garder.')
  @ArrayMaxSize(30, { message: 'Au plus 30 éléments.' })
  @MinLength(1, { each: true, message: 'Chaque élément doit contenir du texte.' })
  @MaxLength(500, { each: true, message: 'Chaque élément est limité à 500 caractères.' })
  needs?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Contributions (French), replacing the current list (an empty list clears it; null is refused).' })
  @OmitOrSet('Cette liste ne peut pas être null : envoyez [] pour la vider, ou omettez-la pour la garder.')
  @ArrayMaxSize(30, { message: 'Au plus 30 éléments.' })
  @MinLength(1, { each: true, message: 'Chaque élément doit contenir du texte.' })
  @MaxLength(500, { each: true, message: 'Chaque élément est limité à 500 caractères.' })
  contributions?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Sits in the technical committee (administrators only); null is refused.' })
  @OmitOrSet('La présence au comité technique vaut true ou false : omettez-la pour la laisser inchangée.')
  technicalCommittee?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Sits in the steering board (administrators only); null is refused.' })
  @OmitOrSet('La présence au comité de pilotage vaut true ou false : omettez-la pour la laisser inchangée.')
  steeringBoard?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Still a partner (administrators only); null is refused.' })
  @OmitOrSet("L'activité du partenaire vaut true ou false : omettez-la pour la laisser inchangée.")
  active?: boolean | null;
}

@InputType('CreatePartnerInput', { description: 'A new partner of the platform.' })
export class CreatePartnerInput extends UpdatePartnerInput {
  @Field(() => String, { description: 'Name.' })
  @Length(2, 200, { message: 'Le nom doit compter de 2 à 200 caractères.' })
  declare name: string;

  @Field(() => String, { description: 'Stable ASCII identifier, e.g. "urscop" (lower case, digits and dashes).' })
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: "L'identifiant ne peut contenir que des minuscules sans accent, des chiffres et des tirets." })
  @MaxLength(80, { message: "L'identifiant est limité à 80 caractères." })
  slug!: string;

  @Field(() => PartnerKind, { description: 'Kind of partner.' })
  kind!: PartnerKind;

  @Field(() => [InterventionCriteriaInput], { nullable: true, description: 'Intervention criteria.' })
  @IsOptional()
  @ArrayMaxSize(PARTNER_LISTS.criteria, { message: `Au plus ${PARTNER_LISTS.criteria} jeux de critères d'intervention.` })
  @ValidateNested({ each: true })
  criteria?: InterventionCriteriaInput[] | null;

  @Field(() => [FundingSchemeInput], { nullable: true, description: 'Funding schemes.' })
  @IsOptional()
  @ArrayMaxSize(PARTNER_LISTS.fundingSchemes, { message: `Au plus ${PARTNER_LISTS.fundingSchemes} dispositifs de financement.` })
  @ValidateNested({ each: true })
  fundingSchemes?: FundingSchemeInput[] | null;
}
