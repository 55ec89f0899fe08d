import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, Property, type Ref } from '@mikro-orm/core';
import { OptionalProps } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { Needs, SearchText } from '../../server/kit/index.js';
import { Commune } from '../territory/index.js';
import { Sector } from '../sectors/index.js';
import { LegalForm, Stage } from './organization.enums.js';
import { OrganizationContact } from './organization-contact.entity.js';
import { OrganizationConsent } from './organization-consent.entity.js';
import { MAX_CONTACTS } from './organization.inputs.js';
import { UuidEntity, Node, MaxItems } from '../../server/kit/index.js';

/** Most consent decisions `consentHistory` shows (the latest ones). */
const MAX_CONSENT_HISTORY = 20;

@Entity({ tableName: 'organization' })
@Index({ name: 'organization_name_id_index', properties: ['name', 'id'] })
@ObjectType('Organization', {
  implements: Node,
  simpleResolvers: true,
  description: "An SSE organization (structure de l'ESS) or a project holder known to the platform.",
})
export class Organization extends UuidEntity {
  [OptionalProps]?:
    | 'globalId'
    | 'isEmployer'
    | 'contacts'
    | 'consents'
    | 'searchText'
    | 'siret'
    | 'employees'
    | 'foundedYear'
    | 'esus'
    | 'description'
    | 'email'
    | 'phone'
    | 'website'
    | 'consentToShare'
    | 'consentRecordedAt'
    | 'createdAt'
    | 'updatedAt';

  @Field(() => String, { description: 'Name, e.g. "Recyclerie du Boulonnais".' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  /** Lower-case, accent-free name and description for search. */
  @SearchText('name', 'description')
  @Property({ type: 'text', default: '', lazy: true, hidden: true })
  searchText: string = '';

  @Field(() => LegalForm, { description: 'Legal form (forme juridique).' })
  @Enum({ items: () => LegalForm, nativeEnumName: 'legal_form' })
  legalForm!: LegalForm;

  @Field(() => String, { nullable: true, description: 'SIRET number (14 digits); null for a project not yet registered.' })
  @Property({ type: 'string', length: 14, nullable: true, unique: true })
  siret: string | null = null;

  @Field(() => Sector, { description: 'Sector (filière).' })
  @ManyToOne(() => Sector, { ref: true, index: true, fieldName: 'sector_code' })
  sector!: Ref<Sector>;

  @Field(() => Commune, { description: 'Commune where the organization is established.' })
  @ManyToOne(() => Commune, { ref: true, index: true })
  commune!: Ref<Commune>;

  @Field(() => Int, { description: 'Number of employees; 0 for a non-employer.' })
  @Property({ type: 'integer', default: 0 })
  employees: number = 0;

  @Field(() => Boolean, { description: 'True when the organization employs people (employees > 0).' })
  @Needs('employees')
  get isEmployer(): boolean {
    return this.employees > 0;
  }

  @Field(() => Int, { nullable: true, description: 'Year of creation; null for a project not yet created.' })
  @Property({ type: 'integer', nullable: true })
  foundedYear: number | null = null;

  @Field(() => Stage, { description: 'Stage: creation, development or consolidation.' })
  @Enum({ items: () => Stage, nativeEnumName: 'stage' })
  stage!: Stage;

  @Field(() => Boolean, { description: "Holds the ESUS accreditation (entreprise solidaire d'utilité sociale)." })
  @Property({ type: 'boolean', default: false })
  esus: boolean = false;

  @Field(() => String, { description: 'What the organization does (French).' })
  @Property({ type: 'text', default: '', lazy: true })
  description: string = '';

  @Field(() => String, { nullable: true, description: 'Public e-mail address of the organization.' })
  @Property({ type: 'string', length: 254, nullable: true })
  email: string | null = null;

  @Field(() => String, { nullable: true, description: 'Public phone number of the organization.' })
  @Property({ type: 'string', length: 30, nullable: true })
  phone: string | null = null;

  @Field(() => String, { nullable: true, description: 'Website URL.' })
  @Property({ type: 'string', length: 300, nullable: true })
  website: string | null = null;

  @Field(() => Boolean, {
    description: 'The holder agreed that partners of the platform see its contact people and file: the latest decision of `consentHistory`, recorded with `recordOrganizationConsent`.',
  })
  @Property({ type: 'boolean', default: false })
  consentToShare: boolean = false;

  @Field(() => GraphQLDateTime, { nullable: true, description: "When the holder's latest decision was recorded; null when none was." })
  @Property({ type: 'datetime', nullable: true })
  consentRecordedAt: Date | null = null;

  @Field(() => [OrganizationContact], {
    description: "Contact people, holder first. Partners' people only; empty unless the holder consented to share (platform administrators see all).",
  })
  @MaxItems(MAX_CONTACTS)
  @OneToMany(() => OrganizationContact, (c) => c.organization, { orderBy: { isHolder: 'desc', lastName: 'asc', id: 'asc' } })
  contacts = new Collection<OrganizationContact>(this);

  @Field(() => [OrganizationConsent], {
    name: 'consentHistory',
    description: `The holder's latest consent decisions (at most ${MAX_CONSENT_HISTORY}), newest first: who recorded each, when and how. For those who may see the contacts (the same rule); empty otherwise.`,
  })
  @MaxItems(MAX_CONSENT_HISTORY)
  @OneToMany(() => OrganizationConsent, (c) => c.organization, { orderBy: { recordedAt: 'desc', id: 'desc' } })
  consents = new Collection<OrganizationConsent>(this);

  @Field(() => GraphQLDateTime, { description: 'When the record was created.' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => GraphQLDateTime, { description: 'When the record was last changed.' })
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  @Index()
  updatedAt: Date = new Date();
}
