import { type Context } from '../../server/kit/index.js';
import { sessionStream } from './governance.events.js';

/*
 * The module's one SQL file (the architecture test allows one per module): the last sequence of the
 * session streams of a page, in one statement. Replaying and following a stream is the kit's
 * `followStream`.
 */

/** The last sequence number of each session's stream (0 when nothing happened yet), in one statement. */
export async function lastSeqs(ctx: Context, sessionIds: readonly string[]): Promise<Map<string, number>> {
  const rows = (await ctx.em.execute(
    'select stream, last_seq from event_stream where stream in (select jsonb_array_elements_text(?::jsonb))',
    [JSON.stringify(sessionIds.map(sessionStream))],
    'all',
  )) as { stream: string; last_seq: string | number }[];
  const byStream = new Map(rows.map((r) => [r.stream, Number(r.last_seq)]));
  return new Map(sessionIds.map((id) => [id, byStream.get(sessionStream(id)) ?? 0]));
}
