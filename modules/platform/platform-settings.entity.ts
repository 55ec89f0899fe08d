import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { OptionalProps } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { GraphQLDateTime, GraphQLLocalDate } from 'graphql-scalars';
import { LocalDateType } from '../../server/kit/index.js';

/** The one row of the platform's settings. */
export const SETTINGS_ID = 'platform';

/**
 * Settings of the whole platform, one row. The reference date decides which schemes and accreditations
 * are valid and how old a structure is: today unless an administrator fixes it (to replay 2012's data,
 * or to prepare next year's leaflet).
 */
@Entity({ tableName: 'platform_settings' })
@ObjectType('PlatformSettings', { simpleResolvers: true, description: 'Settings of the platform as a whole.' })
export class PlatformSettings {
  [OptionalProps]?: 'fixedReferenceDate' | 'dataDescribes' | 'updatedAt' | 'effectiveReferenceDate';

  @PrimaryKey({ type: 'string', length: 20 })
  id: string = SETTINGS_ID;

  /** Null: today. */
  @Field(() => GraphQLLocalDate, { name: 'fixedReferenceDate', nullable: true, description: 'The reference date an administrator fixed; null when the platform follows today.' })
  @Property({ type: LocalDateType, nullable: true })
  fixedReferenceDate: string | null = null;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'The day the demonstration data describes (its figures, accreditations and schemes are as of that day); null on a deployment without demo data.',
  })
  @Property({ type: LocalDateType, nullable: true })
  dataDescribes: string | null = null;

  @Field(() => GraphQLDateTime, { description: 'When the settings last changed.' })
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
