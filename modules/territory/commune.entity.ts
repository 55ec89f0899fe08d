import { Entity, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { OptionalProps } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Intercommunality } from './intercommunality.entity.js';
import { UuidEntity, Node } from '../../server/kit/index.js';

@Entity({ tableName: 'commune' })
@ObjectType('Commune', {
  implements: Node,
  simpleResolvers: true,
  description: "A commune (municipality) of the platform's perimeter.",
})
export class Commune extends UuidEntity {
  [OptionalProps]?: 'globalId';

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
