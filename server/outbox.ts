import type { SqlEntityManager } from '@mikro-orm/postgresql';

/*
 * The SQL of durable events (tables in server/event.entity.ts). One statement per step, parameters
 * bound (structured ones as one JSON value), so that a write costs one round trip more and a dispatch
 * step a handful.
 *
 * Orders, and why they hold under concurrent writers and several processes:
 *
 * - Per stream, `seq` is taken by the writer inside its transaction, from `event_stream` (`last_seq =
 *   last_seq + n ... returning`). The row stays locked until the writer commits, so a second writer of
 *   the same stream waits for the first to commit before it takes the next number: numbers have no gap
 *   and their order is the commit order. A reader of "stream S after seq k" never sees k+2 without k+1.
 *   A transaction writing several streams locks their rows in name order (no deadlock between two).
 * - Globally, `position` is given after commit, by one dispatcher at a time (a PostgreSQL advisory lock
 *   held until its transaction commits), to the events committed so far, in id order. An event that
 *   commits later, whatever its id, gets a greater position than any already given: a reader of
 *   "events after position X" never skips one. Ids are taken before commit and are not an order.
 *   PGlite has one connection: its transactions are serial anyway, and the lock costs nothing.
 */

/** An event as `tx.publish` queued it. */
export interface EmittedEvent {
  name: string;
  payload: Record<string, unknown>;
  stream: string | null;
}

/** An event as the dispatcher delivers it (and as it travels on the pubsub). */
export interface StoredEvent<P = Record<string, unknown>> {
  /** The event's id: the key of an idempotent subscriber. */
  id: string;
  name: string;
  stream: string | null;
  /** Its number in its stream (1, 2, 3… in commit order), or null without a stream. */
  seq: number | null;
  /** Its place in the global order (null before the dispatcher gave it one). */
  position: number | null;
  payload: P;
}

/**
 * Leads the dispatcher's own statements: background work of no operation, which statement counts
 * (tests, benchmarks) leave out (server/database.ts).
 */
export const DISPATCHER_STATEMENT = '/* events */ ';

/** The advisory lock of dispatch steps (any 64-bit number of our own; "maillage" in ASCII). */
const DISPATCH_LOCK = '7809634870016762726';

interface EventRow {
  id: string | number;
  name: string;
  stream: string | null;
  seq: string | number | null;
  position: string | number | null;
  payload: Record<string, unknown> | string;
}

function toStored(row: EventRow): StoredEvent {
  return {
    id: String(row.id),
    name: row.name,
    stream: row.stream,
    seq: row.seq === null ? null : Number(row.seq),
    position: row.position === null ? null : Number(row.position),
    payload: typeof row.payload === 'string' ? (JSON.parse(row.payload) as Record<string, unknown>) : row.payload,
  };
}

/**
 * Writes `events` on the transaction's connection, in one statement: the stream counters they need
 * are raised (locking those rows until commit), each event gets its number in its stream.
 */
export async function insertEvents(em: SqlEntityManager, events: readonly EmittedEvent[]): Promise<void> {
  const input = JSON.stringify(events.map((e, ord) => ({ ord, name: e.name, stream: e.stream, payload: e.payload })));
  await em.execute(
    `with input as (select * from jsonb_to_recordset(?::jsonb) as x(ord int, name text, stream text, payload jsonb)),
     counts as (select stream, count(*)::bigint as n from input where stream is not null group by stream),
     bumped as (
       insert into event_stream as s (stream, last_seq) select stream, n from counts order by stream
       on conflict (stream) do update set last_seq = s.last_seq + excluded.last_seq
       returning s.stream, s.last_seq),
     numbered as (
       select i.ord, i.name, i.stream, i.payload,
         b.last_seq - count(*) over (partition by i.stream) + row_number() over (partition by i.stream order by i.ord) as seq
       from input i left join bumped b on b.stream = i.stream)
     insert into event (name, stream, seq, payload) select name, stream, seq, payload from numbered order by ord`,
    [input],
    'run',
  );
}

/** A delivery claimed by a dispatcher: the event and the subscriber to run. */
export interface ClaimedDelivery {
  event: StoredEvent;
  subscriber: string;
  /** Failed attempts before this one. */
  attempts: number;
}

/**
 * One dispatch step, in one short transaction under the dispatch lock: gives positions to committed
 * events that have none (at most `limit`), creates their deliveries for `subscribers`, hands them to
 * `publish` (the pubsub) before commit, and claims the deliveries due for `subscribers` (for `leaseMs`).
 *
 * Publishing before commit: a crash before commit publishes again at the next step (at least once),
 * never loses one; the event's own rows were committed by its writer already.
 *
 * Per stream and subscriber, a delivery is claimed only when every earlier one is done or claimable
 * in the same step: a failing delivery holds back the later ones of its stream (kept in order), and
 * two processes never run two events of one stream for one subscriber at once.
 */
export async function dispatchStep(
  em: SqlEntityManager,
  options: { subscribers: readonly { name: string; subscriber: string }[]; limit: number; leaseMs: number; publish: (events: StoredEvent[]) => void },
): Promise<{ positioned: number; claimed: ClaimedDelivery[] }> {
  return em.transactional(async (tx) => {
    const t = tx as SqlEntityManager;
    await t.execute(`${DISPATCHER_STATEMENT}select pg_advisory_xact_lock(${DISPATCH_LOCK})`, [], 'run');
    const rows = (await t.execute(
      `${DISPATCHER_STATEMENT}with base as (select coalesce(max("position"), 0) as p from event),
       todo as (select id, row_number() over (order by id) as rn from event where "position" is null order by id limit ?),
       subs as (select * from jsonb_to_recordset(?::jsonb) as s(name text, subscriber text)),
       positioned as (
         update event e set "position" = base.p + todo.rn, published_at = now() from todo, base where e.id = todo.id
         returning e.id, e.name, e.stream, e.seq, e."position", e.payload),
       created as (
         insert into event_delivery (event_id, subscriber, stream, "position", next_at)
         select p.id, s.subscriber, p.stream, p."position", now() from positioned p join subs s on s.name = p.name
         on conflict do nothing)
       select * from positioned order by "position"`,
      [options.limit, JSON.stringify(options.subscribers)],
      'all',
    )) as EventRow[];
    const positioned = rows.map(toStored);
    if (positioned.length > 0) options.publish(positioned);
    const names = JSON.stringify([...new Set(options.subscribers.map((s) => s.subscriber))]);
    const claimed = (await t.execute(
      `${DISPATCHER_STATEMENT}update event_delivery d set locked_until = now() + ? * interval '1 millisecond'
       from event e
       where e.id = d.event_id and (d.event_id, d.subscriber) in (
         select d1.event_id, d1.subscriber from event_delivery d1
         where d1.done_at is null and d1.next_at <= now() and (d1.locked_until is null or d1.locked_until < now())
           and d1.subscriber in (select jsonb_array_elements_text(?::jsonb))
           and (d1.stream is null or not exists (
             select 1 from event_delivery d2
             where d2.subscriber = d1.subscriber and d2.stream = d1.stream and d2."position" < d1."position" and d2.done_at is null
               and not (d2.next_at <= now() and (d2.locked_until is null or d2.locked_until < now()))))
         order by d1."position" limit ?)
       returning d.subscriber, d.attempts, e.id, e.name, e.stream, e.seq, e."position", e.payload`,
      [options.leaseMs, names, options.limit],
      'all',
    )) as (EventRow & { subscriber: string; attempts: number })[];
    const deliveries = claimed.map((row) => ({ event: toStored(row), subscriber: row.subscriber, attempts: Number(row.attempts) })).sort((a, b) => a.event.position! - b.event.position!);
    return { positioned: positioned.length, claimed: deliveries };
  });
}

/** A delivery done: never run again. */
export async function markDelivered(em: SqlEntityManager, delivery: ClaimedDelivery): Promise<void> {
  await em.execute(
    `${DISPATCHER_STATEMENT}update event_delivery set done_at = now(), locked_until = null, last_error = null where event_id = ? and subscriber = ?`,
    [delivery.event.id, delivery.subscriber],
    'run',
  );
}

/** A delivery failed: tried again after `delayMs`. */
export async function markFailed(em: SqlEntityManager, delivery: ClaimedDelivery, delayMs: number, error: string): Promise<void> {
  await em.execute(
    `${DISPATCHER_STATEMENT}update event_delivery set attempts = attempts + 1, locked_until = null, next_at = now() + ? * interval '1 millisecond', last_error = ? where event_id = ? and subscriber = ?`,
    [delayMs, error.slice(0, 2000), delivery.event.id, delivery.subscriber],
    'run',
  );
}

/** Deliveries claimed but not run (an earlier one of their stream failed): claimable again now. */
export async function release(em: SqlEntityManager, deliveries: readonly ClaimedDelivery[]): Promise<void> {
  if (deliveries.length === 0) return;
  await em.execute(
    `${DISPATCHER_STATEMENT}update event_delivery d set locked_until = null from jsonb_to_recordset(?::jsonb) as r(event_id bigint, subscriber text)
     where d.event_id = r.event_id and d.subscriber = r.subscriber`,
    [JSON.stringify(deliveries.map((d) => ({ event_id: d.event.id, subscriber: d.subscriber })))],
    'run',
  );
}

/** True when a step has work: events without a position, or deliveries due (one cheap statement for the poll). */
export async function dispatchDue(em: SqlEntityManager): Promise<boolean> {
  const [row] = (await em.execute(
    `${DISPATCHER_STATEMENT}select exists (select 1 from event where "position" is null)
         or exists (select 1 from event_delivery where done_at is null and next_at <= now() and (locked_until is null or locked_until < now())) as due`,
    [],
    'all',
  )) as { due: boolean }[];
  return Boolean(row?.due);
}

/** The events of `stream` after `afterSeq`, in order (replay for live screens), at most `limit`. */
export async function readStream(em: SqlEntityManager, stream: string, afterSeq: number, limit = 1000): Promise<StoredEvent[]> {
  const rows = (await em.execute(`select id, name, stream, seq, "position", payload from event where stream = ? and seq > ? order by seq limit ?`, [stream, afterSeq, limit], 'all')) as EventRow[];
  return rows.map(toStored);
}
