import 'reflect-metadata';
import { graphql, GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { Arg, Authorized, Ctx, Field, FieldResolver, ObjectType, Query, Resolver, Root, buildSchema, type AuthCheckerFn } from 'type-graphql';
import { installLeanResolvers } from './lean-resolvers.js';

interface TestContext {
  user: string | null;
  checks: number;
}

@ObjectType('LeanThing', { description: 'A thing.' })
class LeanThing {
  @Field(() => String, { description: 'Name.' })
  name!: string;
}

@Resolver(() => LeanThing)
class LeanThingResolver {
  @Query(() => [LeanThing], { description: 'Things.' })
  leanThings(): LeanThing[] {
    return ['a', 'b'].map((name) => Object.assign(new LeanThing(), { name }));
  }

  @FieldResolver(() => String, { description: 'Label.' })
  label(@Root() thing: LeanThing, @Ctx() ctx: TestContext): string {
    return `${thing.name}:${ctx.user ?? '-'}`;
  }

  @Authorized('secret.read')
  @FieldResolver(() => String, { description: 'Secret.' })
  async secret(@Root() thing: LeanThing): Promise<string> {
    return `s-${thing.name}`;
  }

  @FieldResolver(() => String, { description: 'With an argument.' })
  shout(@Root() thing: LeanThing, @Arg('times', () => Number, { description: 'Times.' }) times: number): string {
    return thing.name.repeat(times);
  }

  @FieldResolver(() => String, { description: 'With a boolean argument and its default.' })
  loud(@Root() thing: LeanThing, @Arg('upper', () => Boolean, { defaultValue: false, description: 'Upper case.' }) upper: boolean): string {
    return upper ? thing.name.toUpperCase() : thing.name;
  }

  @FieldResolver(() => String, { description: 'With a string argument (validated by type-graphql: not direct).' })
  echo(@Root() thing: LeanThing, @Arg('text', () => String, { description: 'Text.' }) text: string): string {
    return `${thing.name}${text}`;
  }
}

const authChecker: AuthCheckerFn<TestContext, string> = ({ context }) => {
  context.checks++;
  if (!context.user) throw new GraphQLError('anonymous', { extensions: { code: 'UNAUTHENTICATED' } });
  return context.user === 'boss';
};

async function schemas() {
  const options = { resolvers: [LeanThingResolver] as [typeof LeanThingResolver], authChecker, emitSchemaFile: false } as const;
  const plain = await buildSchema(options);
  const lean = await buildSchema(options);
  return { plain, lean, installed: installLeanResolvers(lean, authChecker as AuthCheckerFn<never, string>) };
}

describe('lean field resolvers', () => {
  it('replace the field resolvers without arguments but numbers and booleans, or middlewares other than @Authorized', async () => {
    const { installed } = await schemas();
    expect(installed.sort()).toEqual(['LeanThing.label', 'LeanThing.loud', 'LeanThing.secret', 'LeanThing.shout']);
  });

  it('answer and refuse exactly as type-graphql does', async () => {
    const { plain, lean } = await schemas();
    const source = '{ leanThings { name label secret shout(times: 2) loud quiet: loud(upper: false) upper: loud(upper: true) echo(text: "!") } }';
    for (const user of ['boss', 'intern', null]) {
      const run = async (schema: typeof plain) => {
        const ctx: TestContext = { user, checks: 0 };
        const result = await graphql({ schema, source, contextValue: ctx });
        return { result: JSON.parse(JSON.stringify(result)), checks: ctx.checks };
      };
      const [a, b] = [await run(plain), await run(lean)];
      expect(b.result).toEqual(a.result);
      if (user === 'boss') expect(b.result.data.leanThings[0]).toEqual({ name: 'a', label: 'a:boss', secret: 's-a', shout: 'aa', loud: 'a', quiet: 'a', upper: 'A', echo: 'a!' });
      else expect(b.result.errors[0].message).toBe(user ? "Access denied! You don't have permission for this action!" : 'anonymous');
      // The checker runs once per row; a refusal (false) goes through type-graphql's own path, which checks
      // again. A checker that throws stops the list at its first row instead of after every row.
      if (user === 'intern') expect(b.checks).toBe(2 * a.checks);
      else if (user === 'boss') expect(b.checks).toBe(a.checks);
      else expect(b.checks).toBeLessThanOrEqual(a.checks);
    }
  });
});
