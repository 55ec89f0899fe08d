import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { OptionalProps } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { GraphQLDateTime, GraphQLLocalDate } from 'graphql-scalars';
import { Organization } from './organization.entity.js';
import { ConsentMethod } from './organization-consent.enums.js';
import { UuidEntity, Node, LocalDateType } from '../../server/kit/index.js';

/** What consent is asked for, unless the recorder says otherwise. */
export const DEFAULT_CONSENT_PURPOSE = 'Examen collectif de la demande et accompagnement par les partenaires de la plate-forme ESS';
/** What consent opens, unless the recorder says otherwise. */
export const DEFAULT_CONSENT_SCOPE = 'Coordonnées des personnes contacts et dossier de la structure, partagés avec les partenaires de la plate-forme';

/**
 * One entry of an organization's consent history: the holder gave or withdrew consent to share its
 * contact people and file with the platform's partners, who recorded it, for which partner, when and how.
 * Entries are only added, never changed: `Organization.consentToShare` is the latest one.
 */
@Entity({ tableName: 'organization_consent' })
@ObjectType('OrganizationConsent', {
  implements: Node,
  simpleResolvers: true,
  description: "An entry of an organization's consent history: the holder gave or withdrew consent, recorded by whom, when and how.",
})
export class OrganizationConsent extends UuidEntity {
  [OptionalProps]?: 'globalId' | 'obtainedOnDay' | 'note' | 'purpose' | 'scope' | 'retainUntil' | 'recordedById' | 'recordedByPartnerId' | 'recordedAt';

  @Field(() => Organization, { description: 'The organization whose holder decided.' })
  @ManyToOne(() => Organization, { ref: true, index: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  @Field(() => Boolean, { description: 'True: consent given; false: consent refused or withdrawn.' })
  @Property({ type: 'boolean' })
  given!: boolean;

  @Field(() => ConsentMethod, { description: 'How the holder expressed it.' })
  @Enum({ items: () => ConsentMethod, nativeEnumName: 'consent_method' })
  method!: ConsentMethod;

  /** A `YYYY-MM-DD` string as written; PGlite's driver reads it back as a Date at UTC midnight. */
  @Property({ type: 'date' })
  obtainedOn!: string | Date;

  @Field(() => GraphQLLocalDate, { name: 'obtainedOn', description: 'The day the holder expressed it (as written on the form, the e-mail…).' })
  get obtainedOnDay(): string {
    return typeof this.obtainedOn === 'string' ? this.obtainedOn.slice(0, 10) : this.obtainedOn.toISOString().slice(0, 10);
  }

  @Field(() => String, { description: 'What the data is shared for (French), as told to the holder.' })
  @Property({ type: 'text', default: DEFAULT_CONSENT_PURPOSE })
  purpose: string = DEFAULT_CONSENT_PURPOSE;

  @Field(() => String, { description: 'What the decision covers: which data, shared with whom (French).' })
  @Property({ type: 'text', default: DEFAULT_CONSENT_SCOPE })
  scope: string = DEFAULT_CONSENT_SCOPE;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Until when the shared data is kept (retention) unless renewed; null for a refusal or a withdrawal.' })
  @Property({ type: LocalDateType, nullable: true })
  retainUntil: string | null = null;

  @Field(() => String, { description: 'Where the proof is kept, any detail (French); may be empty.' })
  @Property({ type: 'text', default: '' })
  note: string = '';

  /** The person who recorded it (accounts module; no foreign key, the organizations module comes first). Null for imported data. */
  @Property({ type: 'uuid', nullable: true })
  recordedById: string | null = null;

  /** The partner on whose behalf it was recorded; null for an administrator acting for the platform. */
  @Property({ type: 'uuid', nullable: true })
  recordedByPartnerId: string | null = null;

  @Field(() => GraphQLDateTime, { description: 'When it was recorded in the platform.' })
  @Property({ type: 'datetime' })
  recordedAt: Date = new Date();
}
