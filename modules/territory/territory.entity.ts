import { Collection, Entity, OneToMany, Property } from '@mikro-orm/core';
import { OptionalProps } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Intercommunality } from './intercommunality.entity.js';
import { UuidEntity, Node, MaxItems } from '../../server/kit/index.js';

@Entity({ tableName: 'territory' })
@ObjectType('Territory', {
  implements: Node,
  simpleResolvers: true,
  description: "A platform's perimeter (territoire): here the Boulonnais, made of intercommunalities.",
})
export class Territory extends UuidEntity {
  [OptionalProps]?: 'globalId' | 'description' | 'intercommunalities';

  @Field(() => String, { description: 'Name of the territory, e.g. "Boulonnais".' })
  @Property({ type: 'string', length: 200, unique: true })
  name!: string;

  @Field(() => String, { description: 'What the perimeter covers (French).' })
  @Property({ type: 'text', default: '' })
  description: string = '';

  @Field(() => [Intercommunality], { description: 'Intercommunalities of the territory, by name.' })
  @MaxItems(25) // a département has about 20 EPCI
  @OneToMany(() => Intercommunality, (i) => i.territory, { orderBy: { name: 'asc', id: 'asc' } })
  intercommunalities = new Collection<Intercommunality>(this);
}
