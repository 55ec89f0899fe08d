import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { OptionalProps } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Node, toGlobalId } from '../../server/relay.js';
import { Intercommunality } from './intercommunality.entity.js';

@Entity({ tableName: 'commune' })
@ObjectType('Commune', {
 implements: Node,
 simpleResolvers: true, description: "A commune (municipality) of the platform's perimeter." })
export class Commune {
  [OptionalProps]?: 'globalId';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID, { name: 'id', description: 'Opaque global id.', simple: false })
  get globalId(): string {
    return toGlobalId('Commune', this.id);
  }

  @Field(() => String, { description: 'Official name, e.g. "Boulogne-sur-Mer".' })
  @Property({ type: 'string', length: 120 })
  @Index()
  name!: string;

  @Field(() => String, { description: 'ASCII slug, stable, e.g. "boulogne-sur-mer".' })
  @Property({ type: 'string', length: 120, unique: true })
  slug!: string;

  @Field(() => Intercommunality, { description: 'The intercommunality the commune belongs to.' })
  @ManyToOne(() => Intercommunality, { ref: true, index: true, deleteRule: 'cascade' })
  intercommunality!: Ref<Intercommunality>;
}
