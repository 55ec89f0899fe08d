import { Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsBoolean, IsEmail, IsOptional, IsUrl, Length, Matches, Max, MaxLength, Min, ValidateNested, registerDecorator, type ValidationOptions } from 'class-validator';
import { LegalForm, OrganizationOrder, Stage } from './organization.enums.js';
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

  @Field(() => Boolean, { nullable: true, description: 'Filter on the ESUS accreditation.' })
  @IsOptional()
  esus?: boolean | null;

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

  @Field(() => Int, { nullable: true, description: 'Year of creation.' })
  @IsOptional()
  @Min(1800, { message: "L'année de création doit être postérieure à 1800." })
  foundedYear?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'ESUS accreditation (false by default); null is refused.' })
  @OmitOrSet("L'agrément ESUS vaut true ou false : omettez-le pour le laisser inchangé.")
  esus?: boolean | null;

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
