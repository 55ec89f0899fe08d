import { ArrayType, Entity, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { OptionalProps } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Intercommunality } from './intercommunality.entity.js';
import { UuidEntity, Node, MaxItems } from '../../server/kit/index.js';

@Entity({ tableName: 'commune' })
@ObjectType('Commune', {
  implements: Node,
  simpleResolvers: true,
  description: "A commune (municipality) of the platform's perimeter.",
})
export class Commune extends UuidEntity {
  [OptionalProps]?: 'globalId' | 'ruralRevitalisationZone' | 'priorityDistricts';

  @Field(() => String, { description: 'Official name, e.g. "Boulogne-sur-Mer".' })
  @Property({ type: 'string', length: 120 })
  @Index()
  name!: string;

  @Field(() => String, { description: 'ASCII slug, stable, e.g. "boulogne-sur-mer".' })
  @Property({ type: 'string', length: 120, unique: true })
  slug!: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Classified as a rural revitalisation zone (ZRR, since July 2024 France Ruralités Revitalisation) at the time of the data; null when not recorded.',
  })
  @Property({ type: 'boolean', nullable: true })
  ruralRevitalisationZone: boolean | null = null;

  @MaxItems(20)
  @Field(() => [String], { description: 'Priority districts of the city policy (quartiers prioritaires, QPV) in the commune, e.g. "Chemin Vert".' })
  @Property({ type: ArrayType, default: '{}' })
  priorityDistricts: string[] = [];

  @Field(() => Intercommunality, { description: 'The intercommunality the commune belongs to.' })
  @ManyToOne(() => Intercommunality, { ref: true, index: true, deleteRule: 'cascade' })
  intercommunality!: Ref<Intercommunality>;
}
