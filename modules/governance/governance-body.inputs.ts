import { Field, ID, InputType, Int } from 'type-graphql';
import { IsBoolean, IsEnum, IsInt, IsOptional, Length, Max, MaxLength, Min } from 'class-validator';
import { BODY_LIMITS } from './governance-body.entity.js';
import { BodyKind, DecisionMode, Majority, MeetingMode, MemberRole } from './governance.enums.js';

const ID_MESSAGE = "L'identifiant est limité à 100 caractères.";

@InputType('CreateGovernanceBodyInput', { description: 'A new governance body (administrators).' })
export class CreateGovernanceBodyInput {
  @Field(() => BodyKind, { description: 'Kind of body.' })
  @IsEnum(BodyKind, { message: "Type d'instance inconnu." })
  kind!: BodyKind;

  @Field(() => String, { description: `Name (at most ${BODY_LIMITS.name} characters).` })
  @Length(1, BODY_LIMITS.name, { message: `Le nom doit compter de 1 à ${BODY_LIMITS.name} caractères.` })
  name!: string;

  @Field(() => String, { nullable: true, description: `What it does (at most ${BODY_LIMITS.description} characters).` })
  @IsOptional()
  @MaxLength(BODY_LIMITS.description, { message: `La description est limitée à ${BODY_LIMITS.description} caractères.` })
  description?: string | null;

  @Field(() => Int, { description: 'Quorum: voting members present needed to decide (1 at least).' })
  @IsInt({ message: 'Le quorum est un nombre entier.' })
  @Min(1, { message: 'Le quorum est d’au moins un membre.' })
  @Max(BODY_LIMITS.quorum, { message: `Le quorum est d’au plus ${BODY_LIMITS.quorum} membres.` })
  quorum!: number;

  @Field(() => DecisionMode, { description: 'Decision mode.' })
  @IsEnum(DecisionMode, { message: 'Mode de décision inconnu.' })
  decisionMode!: DecisionMode;

  @Field(() => Majority, { description: 'Majority of a vote.' })
  @IsEnum(Majority, { message: 'Majorité inconnue.' })
  majority!: Majority;

  @Field(() => String, { description: `Rhythm, e.g. « mensuel » (at most ${BODY_LIMITS.rhythm} characters).` })
  @Length(1, BODY_LIMITS.rhythm, { message: `Le rythme doit compter de 1 à ${BODY_LIMITS.rhythm} caractères.` })
  rhythm!: string;

  @Field(() => MeetingMode, { description: 'Meeting mode.' })
  @IsEnum(MeetingMode, { message: 'Mode de réunion inconnu.' })
  meetingMode!: MeetingMode;

  @Field(() => Boolean, { nullable: true, description: 'Whether its decisions adopt or reject charter amendments (default: true for a steering board, false for a technical committee).' })
  @IsOptional()
  @IsBoolean({ message: 'Indiquez oui ou non.' })
  adoptsCharter?: boolean | null;
}

@InputType('UpdateGovernanceBodyInput', { description: 'Changes to a body; fields left out stay.' })
export class UpdateGovernanceBodyInput {
  @Field(() => String, { nullable: true, description: 'Name.' })
  @IsOptional()
  @Length(1, BODY_LIMITS.name, { message: `Le nom doit compter de 1 à ${BODY_LIMITS.name} caractères.` })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'What it does.' })
  @IsOptional()
  @MaxLength(BODY_LIMITS.description, { message: `La description est limitée à ${BODY_LIMITS.description} caractères.` })
  description?: string | null;

  @Field(() => Int, { nullable: true, description: 'Quorum.' })
  @IsOptional()
  @IsInt({ message: 'Le quorum est un nombre entier.' })
  @Min(1, { message: 'Le quorum est d’au moins un membre.' })
  @Max(BODY_LIMITS.quorum, { message: `Le quorum est d’au plus ${BODY_LIMITS.quorum} membres.` })
  quorum?: number | null;

  @Field(() => DecisionMode, { nullable: true, description: 'Decision mode.' })
  @IsOptional()
  @IsEnum(DecisionMode, { message: 'Mode de décision inconnu.' })
  decisionMode?: DecisionMode | null;

  @Field(() => Majority, { nullable: true, description: 'Majority of a vote.' })
  @IsOptional()
  @IsEnum(Majority, { message: 'Majorité inconnue.' })
  majority?: Majority | null;

  @Field(() => String, { nullable: true, description: 'Rhythm.' })
  @IsOptional()
  @Length(1, BODY_LIMITS.rhythm, { message: `Le rythme doit compter de 1 à ${BODY_LIMITS.rhythm} caractères.` })
  rhythm?: string | null;

  @Field(() => MeetingMode, { nullable: true, description: 'Meeting mode.' })
  @IsOptional()
  @IsEnum(MeetingMode, { message: 'Mode de réunion inconnu.' })
  meetingMode?: MeetingMode | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether its decisions adopt or reject charter amendments (administrators only: the governance model is theirs).' })
  @IsOptional()
  @IsBoolean({ message: 'Indiquez oui ou non.' })
  adoptsCharter?: boolean | null;
}

@InputType('BodyMemberInput', { description: 'A partner to seat on a body (or whose seat changes).' })
export class BodyMemberInput {
  @Field(() => ID, { description: 'The body.' })
  @MaxLength(100, { message: ID_MESSAGE })
  bodyId!: string;

  @Field(() => ID, { description: 'The partner.' })
  @MaxLength(100, { message: ID_MESSAGE })
  partnerId!: string;

  @Field(() => ID, { nullable: true, description: 'Its representative (a person of that partner).' })
  @IsOptional()
  @MaxLength(100, { message: ID_MESSAGE })
  personId?: string | null;

  @Field(() => MemberRole, { description: 'Its role.' })
  @IsEnum(MemberRole, { message: 'Rôle inconnu.' })
  role!: MemberRole;

  @Field(() => Boolean, { nullable: true, description: 'Whether it votes (default: true, except observers, who never do).' })
  @IsOptional()
  @IsBoolean({ message: 'Indiquez oui ou non.' })
  votes?: boolean | null;
}
