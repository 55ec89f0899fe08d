import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsEmail, IsOptional, IsUrl, Length, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { LegalForm, Stage } from '../organizations/index.js';
import { AccreditationKind, TargetPublic } from '../organizations/index.js';
import { FundingSchemeKind, NeedType, PartnerKind, StateAidFrame } from './partner.enums.js';
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

@InputType('ProjectInput', { description: "A project of an organization, matched against partners' criteria and schemes with the organization's own situation." })
export class ProjectInput {
  @Field(() => LegalForm, { nullable: true, description: 'The legal form the project leads to, when it changes (a SARL taken over by its employees as a SCOP): criteria are checked against it.' })
  @IsOptional()
  targetLegalForm?: LegalForm | null;

  @Field(() => Stage, { nullable: true, description: "Stage of the project; null: the organization's." })
  @IsOptional()
  stage?: Stage | null;

  @Field(() => Int, { nullable: true, description: 'Amount sought, in euros (at most 1,000,000,000).' })
  @IsOptional()
  @Min(0, { message: 'Le montant ne peut pas être négatif.' })
  @Max(MAX_AMOUNT, { message: AMOUNT_MESSAGE })
  amount?: number | null;

  @Field(() => [NeedType], { nullable: true, description: 'What the money or help is for.' })
  @IsOptional()
  @ArrayMaxSize(4, { message: 'Au plus 4 types de besoin.' })
  needTypes?: NeedType[] | null;

  @Field(() => [TargetPublic], { nullable: true, description: "Publics the project serves; null: the organization's." })
  @IsOptional()
  @ArrayMaxSize(20, { message: 'Au plus 20 publics.' })
  publics?: TargetPublic[] | null;

  @Field(() => Boolean, { nullable: true, description: 'True when another funder is already committed; null: not known.' })
  @IsOptional()
  coFinancingSecured?: boolean | null;
}

@InputType('PartnerSupportQuery', { description: "A situation to match against partners' criteria and schemes (a project holder not yet in the directory); what is left out is not held against it." })
export class PartnerSupportQuery {
  @Field(() => String, { nullable: true, description: 'Sector code or id.' })
  @IsOptional()
  @MaxLength(100, { message: 'La filière est limitée à 100 caractères.' })
  sector?: string | null;

  @Field(() => Stage, { nullable: true, description: 'Stage of the project.' })
  @IsOptional()
  stage?: Stage | null;

  @Field(() => LegalForm, { nullable: true, description: 'Legal form of the holder today.' })
  @IsOptional()
  legalForm?: LegalForm | null;

  @Field(() => LegalForm, { nullable: true, description: 'The legal form the project leads to, when it changes: criteria are checked against it.' })
  @IsOptional()
  targetLegalForm?: LegalForm | null;

  @Field(() => ID, { nullable: true, description: 'Commune of the project.' })
  @IsOptional()
  @MaxLength(100, { message: ID_MESSAGE })
  communeId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Amount sought, in euros (at most 1,000,000,000).' })
  @IsOptional()
  @Min(0, { message: 'Le montant ne peut pas être négatif.' })
  @Max(MAX_AMOUNT, { message: AMOUNT_MESSAGE })
  amount?: number | null;

  @Field(() => Int, { nullable: true, description: 'Number of employees (0: no employee).' })
  @IsOptional()
  @Min(0, { message: 'Le nombre de salariés ne peut pas être négatif.' })
  @Max(1_000_000, { message: 'Le nombre de salariés ne peut pas dépasser 1 000 000.' })
  employees?: number | null;

  @Field(() => Int, { nullable: true, description: 'Age of the structure in whole years (0: not yet created or less than a year).' })
  @IsOptional()
  @Min(0, { message: "L'âge de la structure ne peut pas être négatif." })
  @Max(1_000, { message: "L'âge de la structure ne peut pas dépasser 1 000 ans." })
  ageYears?: number | null;

  @Field(() => [TargetPublic], { nullable: true, description: 'Publics the project serves.' })
  @IsOptional()
  @ArrayMaxSize(20, { message: 'Au plus 20 publics.' })
  publics?: TargetPublic[] | null;

  @Field(() => [NeedType], { nullable: true, description: 'What the money or help is for.' })
  @IsOptional()
  @ArrayMaxSize(4, { message: 'Au plus 4 types de besoin.' })
  needTypes?: NeedType[] | null;

  @Field(() => [AccreditationKind], { nullable: true, description: 'Accreditations the holder holds today; omitted or empty: none (an accreditation is a fact one holds, not an unknown).' })
  @IsOptional()
  @ArrayMaxSize(20, { message: 'Au plus 20 agréments.' })
  accreditations?: AccreditationKind[] | null;

  @Field(() => Boolean, { nullable: true, description: 'True when another funder is already committed.' })
  @IsOptional()
  coFinancingSecured?: boolean | null;
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
export const PARTNER_LISTS = { criteria: 10, fundingSchemes: 20, sectorsPerCriteria: 20, communesPerCriteria: 100, intercommunalitiesPerCriteria: 20, represents: 10 } as const;

@InputType('EligibilityRulesInput', { description: 'Eligibility rules shared by intervention criteria and schemes (extended by their inputs).' })
export class EligibilityInput {
  @Field(() => [AccreditationKind], { nullable: true, description: 'Accreditations of which the holder must hold one; empty: none required.' })
  @IsOptional()
  @ArrayMaxSize(10, { message: 'Au plus 10 agréments.' })
  accreditations?: AccreditationKind[] | null;

  @Field(() => [TargetPublic], { nullable: true, description: 'Publics the project must serve (any of them); empty: any public.' })
  @IsOptional()
  @ArrayMaxSize(20, { message: 'Au plus 20 publics.' })
  publics?: TargetPublic[] | null;

  @Field(() => [NeedType], { nullable: true, description: 'Types of need (any of them); empty: every need.' })
  @IsOptional()
  @ArrayMaxSize(4, { message: 'Au plus 4 types de besoin.' })
  needTypes?: NeedType[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Reserved to employers (false by default).' })
  @IsOptional()
  employerRequired?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Fewest employees.' })
  @IsOptional()
  @Min(0, { message: 'Le nombre de salariés ne peut pas être négatif.' })
  @Max(1_000_000, { message: 'Le nombre de salariés ne peut pas dépasser 1 000 000.' })
  minEmployees?: number | null;

  @Field(() => Int, { nullable: true, description: 'Most employees.' })
  @IsOptional()
  @Min(0, { message: 'Le nombre de salariés ne peut pas être négatif.' })
  @Max(1_000_000, { message: 'Le nombre de salariés ne peut pas dépasser 1 000 000.' })
  maxEmployees?: number | null;

  @Field(() => Int, { nullable: true, description: 'Youngest age of the structure, in years.' })
  @IsOptional()
  @Min(0, { message: "L'âge ne peut pas être négatif." })
  @Max(1_000, { message: "L'âge ne peut pas dépasser 1 000 ans." })
  minAgeYears?: number | null;

  @Field(() => Int, { nullable: true, description: 'Oldest age of the structure, in years.' })
  @IsOptional()
  @Min(0, { message: "L'âge ne peut pas être négatif." })
  @Max(1_000, { message: "L'âge ne peut pas dépasser 1 000 ans." })
  maxAgeYears?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Only with another funder (false by default).' })
  @IsOptional()
  coFinancingRequired?: boolean | null;
}

@InputType('InterventionCriteriaInput', { description: 'A set of intervention criteria; empty lists mean no restriction.' })
export class InterventionCriteriaInput extends EligibilityInput {
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

  @Field(() => [ID], { nullable: true, description: 'Communes covered; with the other places empty or omitted: the whole territory.' })
  @IsOptional()
  @ArrayMaxSize(PARTNER_LISTS.communesPerCriteria, { message: `Au plus ${PARTNER_LISTS.communesPerCriteria} communes.` })
  @MaxLength(100, { each: true, message: ID_MESSAGE })
  communeIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Intercommunalities covered (every commune of them).' })
  @IsOptional()
  @ArrayMaxSize(20, { message: 'Au plus 20 intercommunalités.' })
  @MaxLength(100, { each: true, message: ID_MESSAGE })
  intercommunalityIds?: string[] | null;

  @Field(() => [String], { nullable: true, description: "INSEE codes of départements covered, e.g. ['62']." })
  @IsOptional()
  @ArrayMaxSize(20, { message: 'Au plus 20 départements.' })
  @MaxLength(3, { each: true, message: 'Un code de département compte 3 caractères au plus.' })
  @Matches(/^(\d{2}|2A|2B|97\d)$/, { each: true, message: 'Un code de département compte 2 caractères (ou 3 outre-mer), par exemple 62.' })
  departmentCodes?: string[] | null;

  @Field(() => [String], { nullable: true, description: "INSEE codes of régions covered, e.g. ['32'] (Hauts-de-France)." })
  @IsOptional()
  @ArrayMaxSize(20, { message: 'Au plus 20 régions.' })
  @MaxLength(2, { each: true, message: 'Un code de région compte 2 chiffres.' })
  @Matches(/^\d{2}$/, { each: true, message: 'Un code de région compte 2 chiffres, par exemple 32.' })
  regionCodes?: string[] | null;
}

@InputType('FundingSchemeInput', { description: 'A funding scheme a partner can mobilise.' })
export class FundingSchemeInput extends EligibilityInput {
  @Field(() => String, { description: 'Name (French).' })
  @Length(2, 200, { message: 'Le nom doit compter de 2 à 200 caractères.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Short name, e.g. "DLA".' })
  @IsOptional()
  @MaxLength(60, { message: 'Le sigle est limité à 60 caractères.' })
  shortName?: string | null;

  @Field(() => [LegalForm], { nullable: true, description: 'Legal forms eligible; empty: every legal form.' })
  @IsOptional()
  legalForms?: LegalForm[] | null;

  @Field(() => Float, { nullable: true, description: 'For a guarantee, the share of the loan guaranteed, in percent (0 to 100).' })
  @IsOptional()
  @Min(0, { message: 'La quotité garantie ne peut pas être négative.' })
  @Max(100, { message: 'La quotité garantie ne peut pas dépasser 100 %.' })
  guaranteeRate?: number | null;

  @Field(() => String, { nullable: true, description: 'Who decides (French).' })
  @IsOptional()
  @MaxLength(200, { message: "L'instance de décision est limitée à 200 caractères." })
  decidingBody?: string | null;

  @Field(() => String, { nullable: true, description: 'When decisions are taken (French).' })
  @IsOptional()
  @MaxLength(1000, { message: 'Le calendrier est limité à 1 000 caractères.' })
  calendar?: string | null;

  @Field(() => Int, { nullable: true, description: 'Typical delay to the decision, in days.' })
  @IsOptional()
  @Min(0, { message: 'Le délai ne peut pas être négatif.' })
  @Max(3650, { message: 'Le délai ne peut pas dépasser 3 650 jours.' })
  typicalDelayDays?: number | null;

  @Field(() => Int, { nullable: true, description: 'Yearly envelope, in euros (at most 1,000,000,000).' })
  @IsOptional()
  @Min(0, { message: "L'enveloppe ne peut pas être négative." })
  @Max(MAX_AMOUNT, { message: AMOUNT_MESSAGE })
  yearlyEnvelope?: number | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'First day the scheme is offered.' })
  @IsOptional()
  validFrom?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Last day the scheme is offered.' })
  @IsOptional()
  validUntil?: string | null;

  @Field(() => StateAidFrame, { nullable: true, description: 'State-aid frame (de minimis).' })
  @IsOptional()
  stateAidFrame?: StateAidFrame | null;

  @Field(() => String, { nullable: true, description: 'Legal frame (French).' })
  @IsOptional()
  @MaxLength(2000, { message: 'Le cadre juridique est limité à 2 000 caractères.' })
  legalFrame?: string | null;

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

  @Field(() => String, { nullable: true, description: "Today's name when it changed (null: unchanged)." })
  @IsOptional()
  @MaxLength(200, { message: 'Le nom actuel est limité à 200 caractères.' })
  currentName?: string | null;

  @Field(() => Int, { nullable: true, description: 'Year the current name took effect.' })
  @IsOptional()
  @Min(1800, { message: "L'année du changement de nom doit être comprise entre 1800 et 2100." })
  @Max(2100, { message: "L'année du changement de nom doit être comprise entre 1800 et 2100." })
  nameChangedYear?: number | null;

  @Field(() => [PartnerKind], { nullable: true, description: 'Every role of the partner (its main role, `kind`, is kept first); null is refused.' })
  @OmitOrSet('Les rôles ne peuvent pas être null : omettez-les pour les garder.')
  @ArrayMaxSize(5, { message: 'Au plus 5 rôles.' })
  roles?: PartnerKind[] | null;

  @Field(() => [ID], { nullable: true, description: 'Partners this one speaks for, replacing the current list (an empty list clears it; null is refused).' })
  @OmitOrSet('Cette liste ne peut pas être null : envoyez [] pour la vider, ou omettez-la pour la garder.')
  @ArrayMaxSize(PARTNER_LISTS.represents, { message: `Au plus ${PARTNER_LISTS.represents} partenaires représentés.` })
  @MaxLength(100, { each: true, message: ID_MESSAGE })
  representsIds?: string[] | null;

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
