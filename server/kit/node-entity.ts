import { randomUUID } from 'node:crypto';
import { PrimaryKey } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { toGlobalId } from '../relay.js';

/**
 * The base of entities keyed by a uuid: the key, and the opaque global id of `node(id)` built from the
 * class's name (each entity's GraphQL type bears its class's name). Extend it, and declare the type
 * with `implements: Node`.
 */
// Registered only so that subclasses inherit its field; type-graphql 2 emits only referenced types.
@ObjectType('UuidEntityBase', { description: 'Fields of every entity keyed by a uuid.' })
export abstract class UuidEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID, { name: 'id', description: 'Opaque global id of the record.', simple: false })
  get globalId(): string {
    return toGlobalId(this.constructor.name, this.id);
  }
}
