import { ArrayType, Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { OptionalProps, PrimaryKeyProp } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { MaxItems, Needs, Node, toGlobalId } from '../../server/kit/index.js';

@Entity({ tableName: 'sector' })
@ObjectType('Sector', {
  implements: Node,
  simpleResolvers: true,
  description: 'A sector of activity (filière) studied as a whole: insertion, services à la personne, recyclage…',
})
export class Sector {
  [OptionalProps]?: 'globalId' | 'codeField' | 'description' | 'position' | 'nafCodes';
  [PrimaryKeyProp]?: 'code';

  /** Stable code, e.g. "recyclage-reemploi". */
  @PrimaryKey({ type: 'string', length: 64 })
  code!: string;

  @Field(() => ID, { name: 'id', description: 'Opaque global id of the record.', simple: false })
  get globalId(): string {
    return toGlobalId('Sector', this.code);
  }

  @Field(() => String, { name: 'code', simple: false, description: 'Stable ASCII code, e.g. "recyclage-reemploi"; usable in filters.' })
  @Needs('code')
  get codeField(): string {
    return this.code;
  }

  @Field(() => String, { description: 'Name in French, e.g. "Recyclage et réemploi".' })
  @Property({ type: 'string', length: 120 })
  name!: string;

  @Field(() => String, { description: 'What the sector covers (French).' })
  @Property({ type: 'text', default: '' })
  description: string = '';

  @MaxItems(40)
  @Field(() => [String], { description: 'NAF rev. 2 codes (codes APE) of the activities the sector covers, so figures compare with INSEE and the CRESS, e.g. "38.32Z".' })
  @Property({ type: ArrayType, default: '{}' })
  nafCodes: string[] = [];

  @Field(() => Int, { description: 'Display order.' })
  @Property({ type: 'integer', default: 0 })
  position: number = 0;
}
