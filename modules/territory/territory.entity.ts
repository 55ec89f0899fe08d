import { randomUUID } from 'node:crypto';
import { Collection, Entity, OneToMany, PrimaryKey, Property } from '@mikro-orm/core';
import { OptionalProps } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Node, toGlobalId } from '../../server/relay.js';
import { MaxItems } from '../../server/limits.js';
import { Intercommunality } from './intercommunality.entity.js';

@Entity({ tableName: 'territory' })
@ObjectType('Territory', {
 implements: Node,
 simpleResolvers: true, description: "A platform's perimeter (territoire): here the Boulonnais, made of intercommunalities." })
export class Territory {
  [OptionalProps]?: 'globalId' | 'description' | 'intercommunalities';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID, { name: 'id', description: 'Opaque global id.', simple: false })
  get globalId(): string {
    return toGlobalId('Territory', this.id);
  }

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
