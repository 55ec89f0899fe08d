import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsBoolean, IsEmail, IsOptional, IsUrl, Length, Matches, Max, MaxLength, Min, ValidateNested, registerDecorator, type ValidationOptions } from 'class-validator';
import { AccreditationKind, EssFamily, LegalForm, OrganizationOrder, Stage, TargetPublic } from './organization.enums.js';
import { GraphQLLocalDate } from 'graphql-scalars';
import { ConsentInput } from './organization-consent.inputs.js';
import { isValidSiret } from './siret.js';
import { OmitOrSet } from '../../server/kit/index.js';

/** class-validator rule: a valid SIRET (Luhn), spaces allowed. */
function IsSiret(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isSiret',
      target: object.constructor,
      propertyName,
      options: { message: 'Le SIRET doit compter 14 chiffres et être valide (clé de contrôle).', ...options },
      validator: { validate: (value: unknown) => value == null || (typeof value === 'string' && isValidSiret(value.replace(/\s/g, ''))) },
    });
}

const PHONE = /^[+0-9 ().-]{6,30}$/;
/** NAF rev. 2: 2 digits, a dot (optional on input), 2 digits, a letter. */
export const NAF = /^\d{2}\.?\d{2}[A-Za-z]$/;
/** RNA: W then 9 digits or capitals (some départements' numbers hold letters, e.g. Corsica's 2A/2B). */
export const RNA = /^W[0-9A-Z]{9}$/;

/*
 * Every string has a maximum no longer than its column (test/input.test.ts checks it): a longer value
 * reached PostgreSQL and answered INTERNAL_SERVER_ERROR. Strings are trimmed before these rules run
 * (server/validation.ts). Ids (global ids, about 60 characters) are capped at 100.
 */
const EMAIL_MESSAGE = "L'adresse e-mail n'est pas valide (254 caractères au plus).";
/** Contact people an organization may have: the input, `addOrganizationContact` and the cost of `contacts` share it. */
export const MAX_CONTACTS = 20;

const ID_MESSAGE = "L'identifiant est limité à 100 caractères.";

@InputType('OrganizationFilter', { description: 'Filters on the organizations directory; all given filters apply together.' })
export class OrganizationFilter {
  @Field(() => [String], { nullable: true, description: 'Sector codes or ids (any of them).' })
  @IsOptional()
  @ArrayMaxSize(50, { message: 'Au plus 50 filières.' })
  @MaxLength(100, { each: true, message: 'Chaque filière est limitée à 100 caractères.' })
  sectors?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Commune ids (any of them).' })
  @IsOptional()
  @ArrayMaxSize(100, { message: 'Au plus 100 communes.' })
  @MaxLength(100, { each: true, message: ID_MESSAGE })
  communeIds?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'Only organizations of the communes of this intercommunality.' })
  @IsOptional()
  @MaxLength(100, { message: ID_MESSAGE })
  intercommunalityId?: string | null;

  @Field(() => [LegalForm], { nullable: true, description: 'Legal forms (any of them).' })
  @IsOptional()
  legalForms?: LegalForm[] | null;

  @Field(() => [Stage], { nullable: true, description: 'Stages (any of them).' })
  @IsOptional()
  stages?: Stage[] | null;

  @Field(() => Boolean, { nullable: true, description: 'True: employers only; false: non-employers only.' })
  @IsOptional()
  employer?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Filter on ESUS: a valid ESUS accreditation, or a valid insertion conventionnement (automatic ESUS), at the reference date.' })
  @IsOptional()
  esus?: boolean | null;

  @Field(() => [AccreditationKind], { nullable: true, description: 'Organizations holding one of these accreditations, valid at the reference date.' })
  @IsOptional()
  @ArrayMaxSize(10, { message: 'Au plus 10 agréments.' })
  accreditations?: AccreditationKind[] | null;

  @Field(() => Boolean, { nullable: true, description: 'True: organizations working in insertion (a valid SIAE conventionnement, whatever their sectors); false: the others.' })
  @IsOptional()
  insertion?: boolean | null;

  @Field(() => [EssFamily], { nullable: true, description: 'SSE families (any of them).' })
  @IsOptional()
  essFamilies?: EssFamily[] | null;

  @Field(() => Boolean, { nullable: true, description: 'True: established in a priority district (QPV); false: elsewhere.' })
  @IsOptional()
  inPriorityDistrict?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Words of the name or description, accents and case ignored.' })
  @IsOptional()
  @MaxLength(100, { message: 'La recherche est limitée à 100 caractères.' })
  search?: string | null;
}

@InputType('OrganizationContactInput', { description: 'A contact person of an organization.' })
export class OrganizationContactInput {
  @Field(() => String, { description: 'First name.' })
  @Length(1, 100, { message: 'Le prénom doit compter de 1 à 100 caractères.' })
  firstName!: string;

  @Field(() => String, { description: 'Last name.' })
  @Length(1, 100, { message: 'Le nom doit compter de 1 à 100 caractères.' })
  lastName!: string;

  @Field(() => String, { nullable: true, description: 'Role in the organization (French).' })
  @IsOptional()
  @MaxLength(100, { message: 'La fonction est limitée à 100 caractères.' })
  role?: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail address.' })
  @IsOptional()
  @IsEmail({}, { message: EMAIL_MESSAGE })
  @MaxLength(254, { message: EMAIL_MESSAGE })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Phone number.' })
  @IsOptional()
  @Matches(PHONE, { message: "Le numéro de téléphone n'est pas valide." })
  @MaxLength(30, { message: "Le numéro de téléphone n'est pas valide." })
  phone?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'True for the project holder.' })
  @IsOptional()
  @IsBoolean({ message: 'isHolder doit valoir true ou false.' })
  isHolder?: boolean | null;
}

/** Fields optional both at creation and on update. Not a schema type of its own: its fields are inherited. */
@InputType('OrganizationDetailsInput', { description: 'Optional details of an organization.' })
abstract class OrganizationDetailsInput {
  @Field(() => String, { nullable: true, description: 'SIRET (14 digits, spaces allowed); null or omitted for a project not yet registered.' })
  @IsOptional()
  @IsSiret()
  @MaxLength(20, { message: 'Le SIRET doit compter 14 chiffres et être valide (clé de contrôle).' })
  siret?: string | null;

  @Field(() => Int, { nullable: true, description: 'Number of employees (0 by default, at most 100,000); null is refused.' })
  @OmitOrSet('Le nombre de salariés ne peut pas être vide : omettez-le pour le laisser inchangé.')
  @Min(0, { message: 'Le nombre de salariés ne peut pas être négatif.' })
  @Max(100_000, { message: 'Le nombre de salariés semble erroné.' })
  employees?: number | null;

  @Field(() => Int, { nullable: true, description: 'Year of creation (set from `creationDate` when that is given).' })
  @IsOptional()
  @Min(1800, { message: "L'année de création doit être postérieure à 1800." })
  foundedYear?: number | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Day of creation (not in the future).' })
  @IsOptional()
  creationDate?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'True for the head office, false for a secondary establishment.' })
  @IsOptional()
  headOffice?: boolean | null;

  @Field(() => String, { nullable: true, description: 'NAF rev. 2 code (code APE), e.g. "88.99B" or "8899B".' })
  @IsOptional()
  @Matches(NAF, { message: 'Le code NAF doit avoir la forme 88.99B (deux chiffres, un point, deux chiffres, une lettre).' })
  @MaxLength(6, { message: 'Le code NAF doit avoir la forme 88.99B (deux chiffres, un point, deux chiffres, une lettre).' })
  nafCode?: string | null;

  @Field(() => String, { nullable: true, description: 'RNA number of an association: W and 9 characters, e.g. "W623001234".' })
  @IsOptional()
  @Matches(RNA, { message: 'Le numéro RNA commence par W suivi de 9 caractères (ex. W623001234).' })
  @MaxLength(10, { message: 'Le numéro RNA commence par W suivi de 9 caractères (ex. W623001234).' })
  rna?: string | null;

  @Field(() => String, { nullable: true, description: 'Street address, e.g. "12 rue de la Paix".' })
  @IsOptional()
  @MaxLength(200, { message: "L'adresse est limitée à 200 caractères." })
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'Postal code (5 digits).' })
  @IsOptional()
  @Matches(/^\d{5}$/, { message: 'Le code postal compte 5 chiffres.' })
  @MaxLength(5, { message: 'Le code postal compte 5 chiffres.' })
  postalCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Name of the priority district (QPV) the address is in; null when none.' })
  @IsOptional()
  @MaxLength(100, { message: 'Le nom du quartier prioritaire est limité à 100 caractères.' })
  priorityDistrict?: string | null;

  @Field(() => [String], { nullable: true, description: 'Other sectors (codes or ids) besides the main one, at most 4.' })
  @IsOptional()
  @ArrayMaxSize(4, { message: 'Au plus 4 filières en plus de la principale.' })
  @MaxLength(100, { each: true, message: 'Chaque filière est limitée à 100 caractères.' })
  otherSectors?: string[] | null;

  @Field(() => [TargetPublic], { nullable: true, description: 'Publics the organization serves.' })
  @IsOptional()
  @ArrayMaxSize(9, { message: 'Au plus 9 publics.' })
  publics?: TargetPublic[] | null;

  @Field(() => String, { nullable: true, description: 'What the organization does (French).' })
  @IsOptional()
  @MaxLength(5000, { message: 'La description est limitée à 5 000 caractères.' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Public e-mail address.' })
  @IsOptional()
  @IsEmail({}, { message: EMAIL_MESSAGE })
  @MaxLength(254, { message: EMAIL_MESSAGE })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Public phone number.' })
  @IsOptional()
  @Matches(PHONE, { message: "Le numéro de téléphone n'est pas valide." })
  @MaxLength(30, { message: "Le numéro de téléphone n'est pas valide." })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Website URL (http or https, at most 300 characters).' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: "L'adresse du site doit commencer par http:// ou https://." })
  @MaxLength(300, { message: "L'adresse du site est limitée à 300 caractères." })
  website?: string | null;
}

@InputType('UpdateOrganizationInput', {
  description:
    "Changes to an organization; omitted fields stay as they are. The holder's consent is not changed here: it is the holder's, recorded with who, when and how through `recordOrganizationConsent`.",
})
export class UpdateOrganizationInput extends OrganizationDetailsInput {
  @Field(() => String, { nullable: true, description: 'Name; null is refused.' })
  @OmitOrSet('Le nom ne peut pas être vide.')
  @Length(2, 200, { message: 'Le nom doit compter de 2 à 200 caractères.' })
  name?: string | null;

  @Field(() => LegalForm, { nullable: true, description: 'Legal form; null is refused.' })
  @OmitOrSet('La forme juridique ne peut pas être vide.')
  legalForm?: LegalForm | null;

  @Field(() => String, { nullable: true, description: 'Sector code or id; null is refused.' })
  @OmitOrSet('La filière ne peut pas être vide.')
  @Length(1, 100, { message: 'La filière doit compter de 1 à 100 caractères.' })
  sector?: string | null;

  @Field(() => ID, { nullable: true, description: 'Commune id; null is refused.' })
  @OmitOrSet('La commune ne peut pas être vide.')
  @MaxLength(100, { message: ID_MESSAGE })
  communeId?: string | null;

  @Field(() => Stage, { nullable: true, description: 'Stage; null is refused.' })
  @OmitOrSet('La phase ne peut pas être vide.')
  stage?: Stage | null;
}

@InputType('CreateOrganizationInput', { description: 'A new organization or project holder.' })
export class CreateOrganizationInput extends OrganizationDetailsInput {
  @Field(() => String, { description: 'Name.' })
  @Length(2, 200, { message: 'Le nom doit compter de 2 à 200 caractères.' })
  name!: string;

  @Field(() => LegalForm, { description: 'Legal form.' })
  legalForm!: LegalForm;

  @Field(() => String, { description: 'Sector code or id.' })
  @Length(1, 100, { message: 'La filière doit compter de 1 à 100 caractères.' })
  sector!: string;

  @Field(() => ID, { description: 'Commune id.' })
  @MaxLength(100, { message: ID_MESSAGE })
  communeId!: string;

  @Field(() => Stage, { description: 'Stage.' })
  stage!: Stage;

  @Field(() => [OrganizationContactInput], { nullable: true, description: 'Contact people.' })
  @IsOptional()
  @ArrayMaxSize(MAX_CONTACTS, { message: `Au plus ${MAX_CONTACTS} contacts.` })
  @ValidateNested({ each: true })
  contacts?: OrganizationContactInput[] | null;

  @Field(() => ConsentInput, {
    nullable: true,
    description: "The holder's consent, with who, when and how (needs `organizations.consent.record`, as `recordOrganizationConsent`); omitted: no consent.",
  })
  @IsOptional()
  @ValidateNested()
  consent?: ConsentInput | null;
}

export { OrganizationOrder };

@InputType('AccreditationInput', { description: 'An agrément or conventionnement to record.' })
export class AccreditationInput {
  @Field(() => AccreditationKind, { description: 'What it is.' })
  kind!: AccreditationKind;

  @Field(() => GraphQLLocalDate, { description: 'First day it applies.' })
  since!: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Last day it applies; null or omitted when open-ended.' })
  @IsOptional()
  until?: string | null;

  @Field(() => Float, { nullable: true, description: 'Insertion posts in full-time equivalents (SIAE conventionnements only, at most 1,000).' })
  @IsOptional()
  @Min(0, { message: 'Le nombre de postes ne peut pas être négatif.' })
  @Max(1000, { message: 'Le nombre de postes semble erroné (1 000 au plus).' })
  postsFte?: number | null;

  @Field(() => String, { nullable: true, description: 'Number or reference of the decision.' })
  @IsOptional()
  @MaxLength(60, { message: 'La référence est limitée à 60 caractères.' })
  reference?: string | null;
}

@InputType('OrganizationFiguresInput', { description: "People and money of one year; the year's previous figures are replaced." })
export class OrganizationFiguresInput {
  @Field(() => Int, { description: 'The year they describe (1990 to next year).' })
  @Min(1990, { message: "L'année doit être postérieure à 1990." })
  year!: number;

  @Field(() => Int, { description: 'Employees at the end of the year.' })
  @Min(0, { message: "L'effectif ne peut pas être négatif." })
  @Max(100_000, { message: "L'effectif semble erroné." })
  headcount!: number;

  @Field(() => Float, { nullable: true, description: 'Full-time equivalents (not more than the headcount).' })
  @IsOptional()
  @Min(0, { message: 'Les ETP ne peuvent pas être négatifs.' })
  @Max(100_000, { message: 'Les ETP semblent erronés.' })
  fte?: number | null;

  @Field(() => Int, { nullable: true, description: 'Employees on an insertion pathway (not more than the headcount).' })
  @IsOptional()
  @Min(0, { message: 'Le nombre de salariés en insertion ne peut pas être négatif.' })
  @Max(100_000, { message: 'Le nombre de salariés en insertion semble erroné.' })
  insertionEmployees?: number | null;

  @Field(() => Int, { nullable: true, description: 'Employees on a subsidised contract (not more than the headcount).' })
  @IsOptional()
  @Min(0, { message: 'Le nombre de contrats aidés ne peut pas être négatif.' })
  @Max(100_000, { message: 'Le nombre de contrats aidés semble erroné.' })
  subsidisedContracts?: number | null;

  @Field(() => Int, { nullable: true, description: 'Regular volunteers.' })
  @IsOptional()
  @Min(0, { message: 'Le nombre de bénévoles ne peut pas être négatif.' })
  @Max(1_000_000, { message: 'Le nombre de bénévoles semble erroné.' })
  volunteers?: number | null;

  @Field(() => Int, { nullable: true, description: 'Members.' })
  @IsOptional()
  @Min(0, { message: "Le nombre d'adhérents ne peut pas être négatif." })
  @Max(10_000_000, { message: "Le nombre d'adhérents semble erroné." })
  members?: number | null;

  @Field(() => Int, { nullable: true, description: 'Income (produits or chiffre d’affaires), in euros.' })
  @IsOptional()
  @Min(0, { message: 'Les produits ne peuvent pas être négatifs.' })
  @Max(2_000_000_000, { message: 'Les produits semblent erronés.' })
  income?: number | null;

  @Field(() => Int, { nullable: true, description: 'Payroll, employer contributions included, in euros.' })
  @IsOptional()
  @Min(0, { message: 'La masse salariale ne peut pas être négative.' })
  @Max(2_000_000_000, { message: 'La masse salariale semble erronée.' })
  payroll?: number | null;

  @Field(() => Float, { nullable: true, description: 'Share of public funding in the income, in percent (0–100).' })
  @IsOptional()
  @Min(0, { message: 'La part de financements publics est comprise entre 0 et 100 %.' })
  @Max(100, { message: 'La part de financements publics est comprise entre 0 et 100 %.' })
  publicFundingShare?: number | null;

  @Field(() => [String], { nullable: true, description: 'Main funders, largest first (at most 10).' })
  @IsOptional()
  @ArrayMaxSize(10, { message: 'Au plus 10 financeurs principaux.' })
  @MaxLength(120, { each: true, message: 'Chaque financeur est limité à 120 caractères.' })
  mainFunders?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'Equity at the end of the year, in euros (may be negative).' })
  @IsOptional()
  @Min(-2_000_000_000, { message: 'Les fonds propres semblent erronés.' })
  @Max(2_000_000_000, { message: 'Les fonds propres semblent erronés.' })
  equity?: number | null;
}
