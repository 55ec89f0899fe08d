import { randomUUID } from 'node:crypto';
import { Collection, Entity, ManyToOne, OneToMany, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { OptionalProps } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Node, toGlobalId } from '../../server/relay.js';
import { MaxItems } from '../../server/limits.js';
import { Territory } from './territory.entity.js';
import { Commune } from './commune.entity.js';

@Entity({ tableName: 'intercommunality' })
@ObjectType('Intercommunality', {
 implements: Node,
 simpleResolvers: true, description: 'A grouping of communes (EPCI), e.g. the Communauté d\'agglomération du Boulonnais (CAB).' })
export class Intercommunality {
  [OptionalProps]?: 'globalId' | 'communes';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID, { name: 'id', description: 'Opaque global id.', simple: false })
  get globalId(): string {
    return toGlobalId('Intercommunality', this.id);
  }

  @Field(() => String, { description: 'Full name, e.g. "Communauté de communes de Desvres-Samer".' })
  @Property({ type: 'string', length: 200, unique: true })
  name!: string;

  @Field(() => String, { description: 'Short name, e.g. "CAB" or "CCDS".' })
  @Property({ type: 'string', length: 20 })
  shortName!: string;

  @Field(() => Territory, { description: 'The territory it belongs to.' })
  @ManyToOne(() => Territory, { ref: true, index: true, deleteRule: 'cascade' })
  territory!: Ref<Territory>;

  @Field(() => [Commune], { description: 'Its communes, by name.' })
  @MaxItems(200) // the largest French EPCI has 158 communes
  @OneToMany(() => Commune, (c) => c.intercommunality, { orderBy: { name: 'asc', id: 'asc' } })
  communes = new Collection<Commune>(this);
}
