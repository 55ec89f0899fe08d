import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { OptionalProps } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { Person } from './person.entity.js';
import { UuidEntity, Node } from '../../server/kit/index.js';

@Entity({ tableName: 'api_token' })
@ObjectType('ApiToken', {
  implements: Node,
  simpleResolvers: true,
  description: 'An API token of a person. Only its hash is stored; the token itself is shown once, at creation.',
})
export class ApiToken extends UuidEntity {
  [OptionalProps]?: 'globalId' | 'parentToken' | 'createdAt' | 'expiresAt' | 'revokedAt';

  @ManyToOne(() => Person, { ref: true, index: true, deleteRule: 'cascade' })
  person!: Ref<Person>;

  /**
   * The token that created this one (null for tokens issued at setup or for the demo). A token creates
   * only tokens that expire no later than itself, and revoking it revokes those it created, transitively.
   */
  @ManyToOne(() => ApiToken, { ref: true, nullable: true, index: true, deleteRule: 'cascade' })
  parentToken: Ref<ApiToken> | null = null;

  @Field(() => String, { description: 'What the token is for, e.g. "Portail Inséraction 62".' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  /** SHA-256 of the token, hex: compared when authenticating, never read into rows (lazy and hidden). */
  @Property({ type: 'string', length: 64, unique: true, lazy: true, hidden: true })
  tokenHash!: string;

  @Field(() => String, { description: 'First characters of the token, to recognise it.' })
  @Property({ type: 'string', length: 16 })
  prefix!: string;

  @Field(() => GraphQLDateTime, { description: 'When it was created.' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When it stops working; null: never.' })
  @Property({ type: 'datetime', nullable: true })
  expiresAt: Date | null = null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When it was revoked; null: still valid.' })
  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;
}
