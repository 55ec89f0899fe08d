import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { Entity, ManyToOne, PrimaryKey, type Ref } from '@mikro-orm/core';
import { Authorized, Field, ID, ObjectType, Query, Resolver, buildSchema } from 'type-graphql';
import { installRelationResolvers } from './schema.js';

@Entity({ tableName: 'guarded_owner' })
@ObjectType('GuardedOwner', { description: 'An owner.' })
class GuardedOwner {
  @Field(() => ID, { description: 'Key.' })
  @PrimaryKey({ type: 'uuid' })
  id!: string;
}

@Entity({ tableName: 'guarded_thing' })
@ObjectType('GuardedThing', { description: 'A thing whose relation field is (wrongly) guarded.' })
class GuardedThing {
  @Field(() => ID, { description: 'Key.' })
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Authorized()
  @Field(() => GuardedOwner, { description: 'Its owner, for signed-in callers only (or so it says).' })
  @ManyToOne(() => GuardedOwner, { ref: true })
  owner!: Ref<GuardedOwner>;
}

@Resolver()
class GuardedResolver {
  @Query(() => [GuardedThing], { description: 'Things.' })
  guardedThings(): GuardedThing[] {
    return [];
  }
}

describe('relation fields resolved by the kit', () => {
  it('refuse @Authorized on a relation field, which the kit resolver would drop, at schema build', async () => {
    const schema = await buildSchema({ resolvers: [GuardedResolver], authChecker: () => true, emitSchemaFile: false });
    expect(() => installRelationResolvers(schema)).toThrow(/GuardedThing\.owner: the kit resolves relation fields; declare who sees the target with a visibility rule/);
  });
});
