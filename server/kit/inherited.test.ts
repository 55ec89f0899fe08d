import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLResolveInfo } from 'graphql';
import { ArrayType, Collection, Entity, ManyToOne, OneToMany, OptionalProps, Property, type Ref } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { Arg, Args, Ctx, Field, ID, Info, ObjectType, Query, Resolver } from 'type-graphql';
import { ConnectionArgs, KeysOf, MaxItems, Node, Needs, UuidEntity, connectionType, defineModule, find, list, load, orderBy, toConnection, type Context } from './index.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { installRelationResolvers } from './schema.js';
import { fieldReads } from './fields.js';
import { entityInfo } from './entities.js';

/*
 * Fields and relations declared on an abstract base entity (one that holds what several entities
 * share, as PositionContent for PartnerPosition and PositionVersion) are read like the entity's own, on
 * every path: a page (joined), a short list, a row loaded by key, `node(id)`, rows gathered by a
 * OneToMany and their relations at the next level (through the loaders). A probe module with its own
 * tables, booted through the gateway, on PGlite and on PostgreSQL.
 */

@Entity({ tableName: 'inherit_probe_owner' })
@ObjectType('InheritProbeOwner', { implements: Node, simpleResolvers: true, description: 'An owner.' })
class InheritProbeOwner extends UuidEntity {
  [OptionalProps]?: 'globalId' | 'notes';

  @Field(() => String, { description: 'Name.' })
  @Property({ type: 'text' })
  name!: string;

  @MaxItems(10)
  @Field(() => [InheritProbeNote], { description: 'Its notes.' })
  @OneToMany(() => InheritProbeNote, (n) => n.owner, { orderBy: { label: 'asc' } })
  notes = new Collection<InheritProbeNote>(this);
}

@ObjectType('InheritProbeContentBase', { description: 'What notes and drafts share.' })
abstract class InheritProbeContent extends UuidEntity {
  [OptionalProps]?: 'globalId' | 'reviewer' | 'watchers' | 'shout' | 'copyTo' | 'stage';

  @Field(() => String, { description: 'Label.' })
  @Property({ type: 'text' })
  label!: string;

  @Field(() => InheritProbeOwner, { description: 'The owner (declared on the base).' })
  @ManyToOne(() => InheritProbeOwner, { ref: true, deleteRule: 'cascade' })
  owner!: Ref<InheritProbeOwner>;

  @Field(() => InheritProbeOwner, { nullable: true, description: 'Who reviewed it (declared on the base).' })
  @ManyToOne(() => InheritProbeOwner, { ref: true, nullable: true, deleteRule: 'set null' })
  reviewer: Ref<InheritProbeOwner> | null = null;

  /** Keys of owners who follow it (an array of keys declared on the base). */
  @KeysOf(() => InheritProbeOwner)
  @Property({ type: ArrayType, default: '{}' })
  watchers: string[] = [];

  @Needs('label')
  @Field(() => String, { description: 'The label, shouted (a getter on the base).' })
  get shout(): string {
    return this.label.toUpperCase();
  }
}

@Entity({ tableName: 'inherit_probe_note' })
@ObjectType('InheritProbeNote', { implements: Node, simpleResolvers: true, description: 'A note.' })
class InheritProbeNote extends InheritProbeContent {
  @Field(() => InheritProbeOwner, { nullable: true, description: 'Another owner (declared on the note).' })
  @ManyToOne(() => InheritProbeOwner, { ref: true, nullable: true, deleteRule: 'set null' })
  copyTo: Ref<InheritProbeOwner> | null = null;
}

@Entity({ tableName: 'inherit_probe_draft' })
@ObjectType('InheritProbeDraft', { implements: Node, simpleResolvers: true, description: 'A draft.' })
class InheritProbeDraft extends InheritProbeContent {
  @Field(() => String, { description: 'Where it stands.' })
  @Property({ type: 'text', default: 'open' })
  stage: string = 'open';
}

@ObjectType('InheritProbeNoteConnection', { description: 'A page of notes.' })
class InheritProbeNoteConnection extends connectionType(InheritProbeNote, 'InheritProbeNote') {}

@Resolver()
class InheritProbeResolver {
  @Query(() => InheritProbeNoteConnection, { description: 'Notes.' })
  async inheritNotes(@Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<InheritProbeNoteConnection> {
    return toConnection(InheritProbeNoteConnection, await list(ctx, InheritProbeNote, { orderBy: orderBy<InheritProbeNote>('label', 'id'), args, info }));
  }

  @MaxItems(10)
  @Query(() => [InheritProbeDraft], { description: 'Drafts.' })
  inheritDrafts(@Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<InheritProbeDraft[]> {
    return find(ctx, InheritProbeDraft, { orderBy: orderBy<InheritProbeDraft>('label', 'id'), limit: 10, info });
  }

  @MaxItems(10)
  @Query(() => [InheritProbeOwner], { description: 'Owners.' })
  inheritOwners(@Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<InheritProbeOwner[]> {
    return find(ctx, InheritProbeOwner, { orderBy: orderBy<InheritProbeOwner>('name', 'id'), limit: 10, info });
  }

  @Query(() => InheritProbeDraft, { nullable: true, description: 'One draft, loaded by key.' })
  inheritDraft(@Arg('id', () => ID, { description: 'Key.' }) id: string, @Ctx() ctx: Context): Promise<InheritProbeDraft | null> {
    return load(ctx, InheritProbeDraft, id);
  }
}

const ENTITIES = [InheritProbeOwner, InheritProbeNote, InheritProbeDraft];

const probe = defineModule({
  name: 'probe-inherit',
  description: 'Test probe for relations inherited from an abstract base entity.',
  dependsOn: [],
  entities: ENTITIES,
  resolvers: [InheritProbeResolver],
  demo: async ({ em }: { em: SqlEntityManager }) => {
    // The probe's tables are in no migration: created here, before its rows.
    await em.getPlatform().getSchemaGenerator(em.getDriver(), em).updateSchema({ safe: true, dropTables: false });
    const ada = em.create(InheritProbeOwner, { name: 'Ada' });
    const bob = em.create(InheritProbeOwner, { name: 'Bob' });
    em.create(InheritProbeNote, { label: 'n1', owner: ada, reviewer: bob, copyTo: bob });
    em.create(InheritProbeNote, { label: 'n2', owner: bob });
    em.create(InheritProbeDraft, { label: 'd1', owner: bob, reviewer: ada });
    await em.flush();
  },
});

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ modules: ['probe-inherit'], available: [probe] });
});
afterAll(async () => t?.close());

async function ok(query: string, variables?: Record<string, unknown>): Promise<any> {
  const res = await t.gql(query, variables);
  expect(res.errors).toBeUndefined();
  return res.data;
}

describe('fields and relations declared on an abstract base entity', () => {
  it('are fields of each entity for the kit (reads, relation resolvers)', () => {
    for (const entity of [InheritProbeNote, InheritProbeDraft]) {
      const reads = fieldReads(entity);
      expect(reads.get('owner')).toEqual({ property: 'owner' });
      expect(reads.get('reviewer')).toEqual({ property: 'reviewer' });
      expect(reads.get('shout')).toEqual({ needs: ['label'] });
    }
    const em = t.app.gateway.orm.em.fork() as SqlEntityManager;
    for (const entity of [InheritProbeNote, InheritProbeDraft]) {
      const relations = entityInfo(em, entity).relations;
      expect(relations.get('owner')?.kind).toBe('one');
      expect(relations.get('watchers')?.kind).toBe('keys');
    }
    const installed = installRelationResolvers(t.app.schema);
    expect(installed).toEqual(
      expect.arrayContaining(['InheritProbeNote.owner', 'InheritProbeNote.reviewer', 'InheritProbeNote.copyTo', 'InheritProbeDraft.owner', 'InheritProbeDraft.reviewer', 'InheritProbeOwner.notes']),
    );
  });

  it('a page joins them (list)', async () => {
    const data = await ok('{ inheritNotes(first: 10) { edges { node { label shout owner { name } reviewer { name } copyTo { name } } } } }');
    expect(data.inheritNotes.edges.map((e: any) => e.node)).toEqual([
      { label: 'n1', shout: 'N1', owner: { name: 'Ada' }, reviewer: { name: 'Bob' }, copyTo: { name: 'Bob' } },
      { label: 'n2', shout: 'N2', owner: { name: 'Bob' }, reviewer: null, copyTo: null },
    ]);
  });

  it('a short list of the other entity joins them (find)', async () => {
    const data = await ok('{ inheritDrafts { label shout stage owner { name } reviewer { name } } }');
    expect(data.inheritDrafts).toEqual([{ label: 'd1', shout: 'D1', stage: 'open', owner: { name: 'Bob' }, reviewer: { name: 'Ada' } }]);
  });

  it('a row loaded by key, and node(id), load them', async () => {
    const { inheritDrafts, inheritNotes } = await ok('{ inheritDrafts { id } inheritNotes(first: 1) { edges { node { id } } } }');
    const draftId = inheritDrafts[0].id as string;
    const noteId = inheritNotes.edges[0].node.id as string;
    const key = Buffer.from(draftId, 'base64').toString().split(':')[1];
    const byKey = await ok('query ($id: ID!) { inheritDraft(id: $id) { label owner { name } reviewer { name notes { label } } } }', { id: key });
    expect(byKey.inheritDraft).toEqual({ label: 'd1', owner: { name: 'Bob' }, reviewer: { name: 'Ada', notes: [{ label: 'n1' }] } });
    const nodes = await ok(
      `query ($ids: [ID!]!) { nodes(ids: $ids) {
        ... on InheritProbeNote { label shout owner { name } reviewer { name } }
        ... on InheritProbeDraft { label shout owner { name } reviewer { name } }
      } }`,
      { ids: [noteId, draftId] },
    );
    expect(nodes.nodes).toEqual([
      { label: 'n1', shout: 'N1', owner: { name: 'Ada' }, reviewer: { name: 'Bob' } },
      { label: 'd1', shout: 'D1', owner: { name: 'Bob' }, reviewer: { name: 'Ada' } },
    ]);
  });

  it('rows gathered by a OneToMany load them at the next level', async () => {
    const data = await ok('{ inheritOwners { name notes { label owner { name } reviewer { name } } } }');
    expect(data.inheritOwners).toEqual([
      { name: 'Ada', notes: [{ label: 'n1', owner: { name: 'Ada' }, reviewer: { name: 'Bob' } }] },
      { name: 'Bob', notes: [{ label: 'n2', owner: { name: 'Bob' }, reviewer: null }] },
    ]);
  });
});
