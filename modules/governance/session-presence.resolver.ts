import { Arg, Ctx, Field, FieldResolver, ID, Int, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { decodeId, load, notFound, once, presenceOf, PresenceChanged, subscribeTo, Needs, type Context } from '../../server/kit/index.js';
import { Partner } from '../partners/index.js';
import { Person } from '../accounts/index.js';
import { BodyMember } from './governance-body.entity.js';
import { CommitteeSession, SESSION_LABEL } from './session.entity.js';
import { GovernancePermissions } from './governance.permissions.js';
import { assertRunsBody, runsBody } from './governance.policy.js';
import { sessionStream } from './governance.events.js';

/*
 * Presence on a committee session: who has a screen subscribed to `sessionEvents` (the kit's
 * `trackPresence`, topic = the session's stream name), across processes. Shown to the body's chair and
 * secretary and to administrators only: for anyone else `presence` is null (so that a screen tells
 * « nobody connected » from « not yours to see », and hides its panel), and `sessionPresenceChanged` is
 * refused (FORBIDDEN) at subscribe time.
 */

@ObjectType('SessionPresence', { description: 'Someone connected to a session’s live stream (a screen, a tab), for the partner they sit for.' })
export class SessionPresence {
  @Field(() => Person, { nullable: true, description: 'The person connected; null for a token without a person, or when the viewer may not see them.' })
  person!: Person | null;

  @Field(() => Partner, { nullable: true, description: 'The partner they are there for: theirs seated in the body, else their first partner; null when none.' })
  partner!: Partner | null;

  @Field(() => GraphQLDateTime, { description: 'Since when they are connected (their earliest connection still open).' })
  since!: Date;

  @Field(() => Int, { description: 'Their connections open on the session (screens, tabs), across server processes.' })
  connections!: number;
}

/** The viewer's partner seated in body `bodyId`, if any (for presence). */
export async function seatedPartner(ctx: Context, bodyId: string): Promise<string | null> {
  const partnerIds = ctx.viewer.partnerIds;
  if (partnerIds.length === 0) return null;
  const seats = await ctx.em.find(BodyMember, { body: bodyId, partner: { $in: partnerIds } }, { fields: ['partner'], orderBy: { id: 'asc' }, limit: 1 });
  return seats[0]?.partner.id ?? null;
}

/** Whether the viewer runs body `bodyId`, read once per operation. */
function runsBodyOnce(ctx: Context, bodyId: string): Promise<boolean> {
  return once(ctx, `governance.runsBody:${bodyId}`, () => runsBody(ctx, null, bodyId));
}

@Resolver(() => CommitteeSession)
export class SessionPresenceResolver {
  @FieldResolver(() => [SessionPresence], {
    nullable: true,
    description:
      'Who is connected to the session’s live stream now, earliest first, across server processes; for the body’s chair and secretary and administrators only (null for anyone else, an empty list when nobody is connected).',
  })
  @Needs('body')
  async presence(@Root() session: CommitteeSession, @Ctx() ctx: Context): Promise<SessionPresence[] | null> {
    if (!(await runsBodyOnce(ctx, session.body.id))) return null;
    const present = await presenceOf(ctx, sessionStream(session.id));
    return Promise.all(
      present.map(async (p) => {
        const [person, partner] = await Promise.all([p.personId ? load(ctx, Person, p.personId) : null, p.partnerId ? load(ctx, Partner, p.partnerId) : null]);
        return { person, partner, since: p.since, connections: p.connections };
      }),
    );
  }

  @Subscription(() => CommitteeSession, {
    subscribe: async ({ args, context }) => {
      const ctx = context as Context;
      ctx.require(GovernancePermissions.read);
      const id = (args as { sessionId: string }).sessionId;
      const sessionId = decodeId(id, 'CommitteeSession', 'sessionId');
      const session = await load(ctx, CommitteeSession, sessionId);
      if (!session) throw notFound(SESSION_LABEL, id);
      await assertRunsBody(ctx, null, session.body.id);
      const topic = sessionStream(sessionId);
      return subscribeTo(ctx, PresenceChanged, (p) => p.topic === topic);
    },
    description: 'Pushes the session each time someone connects to or leaves its live stream (read its `presence`); for the body’s chair and secretary and administrators (FORBIDDEN otherwise).',
  })
  async sessionPresenceChanged(@Arg('sessionId', () => ID, { description: 'The session.' }) sessionId: string, @Ctx() ctx: Context): Promise<CommitteeSession> {
    const session = await load(ctx, CommitteeSession, decodeId(sessionId, 'CommitteeSession', 'sessionId'));
    if (!session) throw notFound(SESSION_LABEL, sessionId);
    return session;
  }
}
