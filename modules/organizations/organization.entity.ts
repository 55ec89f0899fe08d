import { ArrayType, Collection, Entity, Enum, Index, ManyToOne, OneToMany, Property, type Ref } from '@mikro-orm/core';
import { OptionalProps } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { GraphQLDateTime, GraphQLLocalDate } from 'graphql-scalars';
import { Needs, SearchText, KeysOf, LocalDateType } from '../../server/kit/index.js';
import { Commune } from '../territory/index.js';
import { Sector } from '../sectors/index.js';
import { ESS_FAMILY_OF, EssFamily, LegalForm, Stage, TargetPublic } from './organization.enums.js';
import { OrganizationContact } from './organization-contact.entity.js';
import { OrganizationConsent } from './organization-consent.entity.js';
import { Accreditation } from './accreditation.entity.js';
import { OrganizationFigures } from './organization-figures.entity.js';
import { MAX_CONTACTS } from './organization.inputs.js';
import { UuidEntity, Node, MaxItems } from '../../server/kit/index.js';

/** Most consent decisions `consentHistory` shows (the latest ones). */
const MAX_CONSENT_HISTORY = 20;
/** Accreditations an organization may hold at once, history included. */
export const MAX_ACCREDITATIONS = 20;
/** Years of figures `figures` shows (the latest ones). */
export const MAX_FIGURE_YEARS = 10;
/** Sectors an organization may have (the main one first). */
export const MAX_SECTORS = 5;
/** Publics an organization may name. */
export const MAX_PUBLICS = 9;

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
    | 'headOffice'
    | 'nafCode'
    | 'rna'
    | 'creationDate'
    | 'address'
    | 'postalCode'
    | 'priorityDistrict'
    | 'sectorCodes'
    | 'publics'
    | 'accreditations'
    | 'figures'
    | 'essFamily'
    | 'siren'
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

  @Field(() => EssFamily, {
    nullable: true,
    description: 'SSE family of its legal form (association, cooperative, mutual, foundation, commercial company of the SSE); null for a commune, a CCAS or a person.',
  })
  @Needs('legalForm')
  get essFamily(): EssFamily | null {
    return ESS_FAMILY_OF[this.legalForm] ?? null;
  }

  @Field(() => String, { nullable: true, description: 'SIRET number of the establishment (14 digits, checked); null for a project not yet registered.' })
  @Property({ type: 'string', length: 14, nullable: true, unique: true })
  siret: string | null = null;

  @Field(() => String, { nullable: true, description: 'SIREN number of the legal entity (the first 9 digits of the SIRET: establishments of one entity share it).' })
  @Needs('siret')
  get siren(): string | null {
    return this.siret ? this.siret.slice(0, 9) : null;
  }

  @Field(() => Boolean, { nullable: true, description: 'True for the head office (siège), false for a secondary establishment; null when not known.' })
  @Property({ type: 'boolean', nullable: true })
  headOffice: boolean | null = null;

  @Field(() => String, { nullable: true, description: 'NAF rev. 2 activity code (code APE) of the establishment, e.g. "88.99B".' })
  @Property({ type: 'string', length: 6, nullable: true })
  nafCode: string | null = null;

  @Field(() => String, { nullable: true, description: 'RNA number of an association (répertoire national des associations): W and 9 characters, e.g. "W623001234".' })
  @Property({ type: 'string', length: 10, nullable: true, unique: true })
  rna: string | null = null;

  @Field(() => Sector, { description: 'Main sector (filière): the first of `sectors`.' })
  @ManyToOne(() => Sector, { ref: true, index: true, fieldName: 'sector_code' })
  sector!: Ref<Sector>;

  /** Codes of every sector, the main one first. */
  @Property({ type: ArrayType, default: '{}' })
  @KeysOf(() => Sector)
  sectorCodes: string[] = [];

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

  @Field(() => Int, { nullable: true, description: 'Year of creation (of `creationDate` when known); null for a project not yet created.' })
  @Property({ type: 'integer', nullable: true })
  foundedYear: number | null = null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Day of creation (registration, publication in the Journal officiel); null when only the year is known.' })
  @Property({ type: LocalDateType, nullable: true })
  creationDate: string | null = null;

  @Field(() => String, { nullable: true, description: 'Street address of the establishment, e.g. "12 rue de la Paix".' })
  @Property({ type: 'string', length: 200, nullable: true })
  address: string | null = null;

  @Field(() => String, { nullable: true, description: 'Postal code (5 digits).' })
  @Property({ type: 'string', length: 5, nullable: true })
  postalCode: string | null = null;

  @Field(() => String, { nullable: true, description: 'The priority district (quartier prioritaire de la politique de la ville, QPV) the address is in, e.g. "Chemin Vert"; null when none.' })
  @Property({ type: 'string', length: 100, nullable: true })
  priorityDistrict: string | null = null;

  @MaxItems(MAX_PUBLICS)
  @Field(() => [TargetPublic], { description: 'Publics the organization serves.' })
  @Enum({ items: () => TargetPublic, array: true, default: [] })
  publics: TargetPublic[] = [];

  @Field(() => Stage, { description: 'Stage: creation, development or consolidation.' })
  @Enum({ items: () => Stage, nativeEnumName: 'stage' })
  stage!: Stage;

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

  @Field(() => [Accreditation], { description: 'Agréments and conventionnements, valid or not (each says whether it is valid at the reference date), newest first.' })
  @MaxItems(MAX_ACCREDITATIONS)
  @OneToMany(() => Accreditation, (a) => a.organization, { orderBy: { since: 'desc', id: 'asc' } })
  accreditations = new Collection<Accreditation>(this);

  @Field(() => [OrganizationFigures], {
    description: `People and money, one entry a year, newest first (at most ${MAX_FIGURE_YEARS}). Partners' people and administrators only; empty for others.`,
  })
  @MaxItems(MAX_FIGURE_YEARS)
  @OneToMany(() => OrganizationFigures, (f) => f.organization, { orderBy: { year: 'desc' } })
  figures = new Collection<OrganizationFigures>(this);

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
