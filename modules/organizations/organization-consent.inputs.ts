import { Field, ID, InputType } from 'type-graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { ConsentMethod } from './organization-consent.enums.js';

@InputType('ConsentInput', {
  description: "The holder's decision to share (or not) its contact people and file with the platform's partners, with who, when and how.",
})
export class ConsentInput {
  @Field(() => Boolean, { description: 'True: the holder consents; false: the holder refuses or withdraws consent.' })
  given!: boolean;

  @Field(() => ConsentMethod, { description: 'How the holder expressed it; consent given must be written (ORAL only for a withdrawal).' })
  method!: ConsentMethod;

  @Field(() => GraphQLLocalDate, { description: 'The day the holder expressed it (not in the future).' })
  obtainedOn!: string;

  @Field(() => String, { nullable: true, description: 'What the data is shared for, as told to the holder (French); omitted: the platform’s collective review and support.' })
  @IsOptional()
  @MaxLength(500, { message: 'La finalité est limitée à 500 caractères.' })
  purpose?: string | null;

  @Field(() => String, { nullable: true, description: 'What the decision covers: which data, shared with whom (French); omitted: contacts and file, with the platform’s partners.' })
  @IsOptional()
  @MaxLength(500, { message: 'La portée est limitée à 500 caractères.' })
  scope?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Until when the data is kept, for consent given; omitted: 3 years after the day it was obtained (CNIL guidance).' })
  @IsOptional()
  retainUntil?: string | null;

  @Field(() => String, { nullable: true, description: 'Where the proof is kept, any detail (French).' })
  @IsOptional()
  @MaxLength(1000, { message: 'La note est limitée à 1 000 caractères.' })
  note?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The partner on whose behalf you record it: one of yours; required when you belong to several partners.',
  })
  @IsOptional()
  @MaxLength(100, { message: "L'identifiant du partenaire est limité à 100 caractères." })
  partnerId?: string | null;
}
