import { Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsOptional, Length, Max, MaxLength, Min } from 'class-validator';
import { LegalForm, Stage } from '../organizations/index.js';
import { NeedType } from '../partners/index.js';
import { OmitOrSet } from '../../server/kit/index.js';
import { IntakeChannel, SupportStatus } from './support.enums.js';
import { SUPPORT_LIMITS as L } from './support-request.entity.js';

const ID_MESSAGE = "L'identifiant est limité à 100 caractères.";
const AMOUNT_MESSAGE = `Le montant demandé doit être compris entre 0 et ${L.amount.toLocaleString('fr-FR')} €.`;

@InputType('ReceiveSupportRequestInput', { description: 'A support request received by a partner.' })
export class ReceiveSupportRequestInput {
  @Field(() => String, { description: `Short title of the project (at most ${L.title} characters).` })
  @Length(2, L.title, { message: `Le titre doit compter de 2 à ${L.title} caractères.` })
  title!: string;

  @Field(() => ID, { nullable: true, description: 'The holder when it is an organization of the directory; else give `holderName`.' })
  @IsOptional()
  @MaxLength(100, { message: ID_MESSAGE })
  organizationId?: string | null;

  @Field(() => String, { nullable: true, description: 'Name of the project holder (a person) when the project is not yet an organization.' })
  @IsOptional()
  @Length(2, L.holderName, { message: `Le nom du porteur doit compter de 2 à ${L.holderName} caractères.` })
  holderName?: string | null;

  @Field(() => String, { nullable: true, description: 'How to reach the holder (e-mail or phone).' })
  @IsOptional()
  @MaxLength(L.holderContact, { message: `Le contact du porteur est limité à ${L.holderContact} caractères.` })
  holderContact?: string | null;

  @Field(() => ID, { nullable: true, description: "The receiving partner; by default the viewer's own (required when the viewer belongs to several, or is an administrator)." })
  @IsOptional()
  @MaxLength(100, { message: ID_MESSAGE })
  receivingPartnerId?: string | null;

  @Field(() => IntakeChannel, { description: 'How the request reached the platform.' })
  intakeChannel!: IntakeChannel;

  @Field(() => Stage, { description: 'Stage of the project.' })
  stage!: Stage;

  @Field(() => LegalForm, { nullable: true, description: 'The legal form the project leads to (a takeover as a SCOP, the form a holder will create).' })
  @IsOptional()
  targetLegalForm?: LegalForm | null;

  @Field(() => Boolean, { nullable: true, description: 'Technical help is sought (false when left out).' })
  @IsOptional()
  technicalNeed?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Financial help is sought (false when left out).' })
  @IsOptional()
  financialNeed?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Amount sought, in euros.' })
  @IsOptional()
  @Min(0, { message: AMOUNT_MESSAGE })
  @Max(L.amount, { message: AMOUNT_MESSAGE })
  amountSought?: number | null;

  @Field(() => [NeedType], { nullable: true, description: 'What the help is for.' })
  @IsOptional()
  @ArrayMaxSize(4, { message: 'Quatre types de besoin au plus.' })
  needTypes?: NeedType[] | null;

  @Field(() => String, { nullable: true, description: 'Use of the funds (French).' })
  @IsOptional()
  @MaxLength(L.useOfFunds, { message: `L'utilisation des fonds est limitée à ${L.useOfFunds} caractères.` })
  useOfFunds?: string | null;

  @Field(() => String, { description: 'Sector code or id.' })
  @Length(1, 100, { message: 'La filière doit compter de 1 à 100 caractères.' })
  sector!: string;

  @Field(() => ID, { description: 'Id of the commune of the project.' })
  @MaxLength(100, { message: ID_MESSAGE })
  communeId!: string;

  @Field(() => String, { nullable: true, description: 'The request in the holder’s words (French).' })
  @IsOptional()
  @MaxLength(L.description, { message: `La description est limitée à ${L.description} caractères.` })
  description?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'The holder consented to share the request with the platform’s partners (false when left out).' })
  @IsOptional()
  consentToShare?: boolean | null;
}

@InputType('UpdateSupportRequestInput', { description: 'Changes to a support request; fields left out stay as they are.' })
export class UpdateSupportRequestInput {
  @Field(() => String, { nullable: true, description: 'Title; null is refused.' })
  @OmitOrSet('Le titre ne peut pas être vide.')
  @Length(2, L.title, { message: `Le titre doit compter de 2 à ${L.title} caractères.` })
  title?: string | null;

  @Field(() => ID, { nullable: true, description: 'The organization the holder now is (a project holder whose structure was created); null is refused once set.' })
  @IsOptional()
  @MaxLength(100, { message: ID_MESSAGE })
  organizationId?: string | null;

  @Field(() => String, { nullable: true, description: 'Name of the project holder.' })
  @IsOptional()
  @Length(2, L.holderName, { message: `Le nom du porteur doit compter de 2 à ${L.holderName} caractères.` })
  holderName?: string | null;

  @Field(() => String, { nullable: true, description: 'How to reach the holder.' })
  @IsOptional()
  @MaxLength(L.holderContact, { message: `Le contact du porteur est limité à ${L.holderContact} caractères.` })
  holderContact?: string | null;

  @Field(() => Stage, { nullable: true, description: 'Stage; null is refused.' })
  @OmitOrSet('Le stade ne peut pas être vide.')
  stage?: Stage | null;

  @Field(() => LegalForm, { nullable: true, description: 'The legal form the project leads to; null clears it.' })
  @IsOptional()
  targetLegalForm?: LegalForm | null;

  @Field(() => Boolean, { nullable: true, description: 'Technical help is sought.' })
  @OmitOrSet('Le besoin technique ne peut pas être vide.')
  technicalNeed?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Financial help is sought.' })
  @OmitOrSet('Le besoin financier ne peut pas être vide.')
  financialNeed?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Amount sought, in euros; null clears it.' })
  @IsOptional()
  @Min(0, { message: AMOUNT_MESSAGE })
  @Max(L.amount, { message: AMOUNT_MESSAGE })
  amountSought?: number | null;

  @Field(() => [NeedType], { nullable: true, description: 'What the help is for; null clears it.' })
  @IsOptional()
  @ArrayMaxSize(4, { message: 'Quatre types de besoin au plus.' })
  needTypes?: NeedType[] | null;

  @Field(() => String, { nullable: true, description: 'Use of the funds; null clears it.' })
  @IsOptional()
  @MaxLength(L.useOfFunds, { message: `L'utilisation des fonds est limitée à ${L.useOfFunds} caractères.` })
  useOfFunds?: string | null;

  @Field(() => String, { nullable: true, description: 'Sector code or id; null is refused.' })
  @OmitOrSet('La filière ne peut pas être vide.')
  @Length(1, 100, { message: 'La filière doit compter de 1 à 100 caractères.' })
  sector?: string | null;

  @Field(() => ID, { nullable: true, description: 'Commune of the project; null is refused.' })
  @OmitOrSet('La commune ne peut pas être vide.')
  @MaxLength(100, { message: ID_MESSAGE })
  communeId?: string | null;

  @Field(() => String, { nullable: true, description: 'Description; null clears it.' })
  @IsOptional()
  @MaxLength(L.description, { message: `La description est limitée à ${L.description} caractères.` })
  description?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'The holder’s consent to share; null is refused. Only the receiving partner’s people (and administrators) change it: FORBIDDEN for the others.',
  })
  @OmitOrSet('Le consentement ne peut pas être vide.')
  consentToShare?: boolean | null;
}

@InputType('SupportRequestFilter', { description: 'Filters on support requests; all given filters apply together.' })
export class SupportRequestFilter {
  @Field(() => [SupportStatus], { nullable: true, description: 'Statuses (any of them).' })
  @IsOptional()
  @ArrayMaxSize(9, { message: 'Neuf statuts au plus.' })
  statuses?: SupportStatus[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Only requests still being handled (not closed, withdrawn or redirected).' })
  @IsOptional()
  open?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'Only those received by this partner.' })
  @IsOptional()
  @MaxLength(100, { message: ID_MESSAGE })
  partnerId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only those of this sector (code or id).' })
  @IsOptional()
  @MaxLength(100, { message: 'La filière est limitée à 100 caractères.' })
  sector?: string | null;

  @Field(() => [Stage], { nullable: true, description: 'Stages (any of them).' })
  @IsOptional()
  @ArrayMaxSize(5, { message: 'Cinq stades au plus.' })
  stages?: Stage[] | null;

  @Field(() => ID, { nullable: true, description: 'Only those of this organization.' })
  @IsOptional()
  @MaxLength(100, { message: ID_MESSAGE })
  organizationId?: string | null;
}
