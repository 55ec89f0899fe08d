import { Collection, Entity, ManyToOne, OneToMany, Property, type Ref } from '@mikro-orm/core';
import { OptionalProps } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Territory } from './territory.entity.js';
import { Commune } from './commune.entity.js';
import { UuidEntity, Node, MaxItems } from '../../server/kit/index.js';

@Entity({ tableName: 'intercommunality' })
@ObjectType('Intercommunality', {
  implements: Node,
  simpleResolvers: true,
  description: "A grouping of communes (EPCI), e.g. the Communauté d'agglomération du Boulonnais (CAB).",
})
export class Intercommunality extends UuidEntity {
  [OptionalProps]?: 'globalId' | 'communes';

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
