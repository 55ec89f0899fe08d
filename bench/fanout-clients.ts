/**
 * The fan-out bench's subscribers (bench/fanout.ts forks this file): N graphql-ws clients on `ws`, in a
 * process of their own so that the server's memory per connection is measured without theirs. Driven by
 * IPC messages; every receipt is stamped with the machine's clock (performance.timeOrigin + now), which
 * the parent compares with the moment it had the mutation's answer.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { request } from 'node:http';

export type ClientCommand =
  /** Opens `count` more subscribers (numbered after those already open). */
  | { type: 'open'; url: string; count: number; tokens: (string | null)[]; query: string; variables: Record<string, unknown> }
  | { type: 'mark' }
  /** Sends the mutation from here, so the moment its answer is in is not late behind the server's own work (the server is the bench's process). */
  | { type: 'mutate'; url: string; body: string; token: string }
  | { type: 'await'; timeoutMs: number }
  | { type: 'close' };

export type ClientReport =
  | { type: 'opened'; opened: number; failed: number; firstError: string | null }
  | { type: 'marked' }
  | { type: 'mutated'; sentAt: number; answeredAt: number; status: number; text: string }
  | { type: 'arrived'; times: number[]; missing: number; withErrors: number; firstError: string | null }
  | { type: 'closed' };

/** Clients opened at a time (the server's listen backlog is 511). */
const BATCH = 250;

const clients: Client[] = [];
/** Per subscriber: receipt times of its events, and whether each had errors (or no data). */
const receipts: { at: number; error: string | null }[][] = [];
let marks: number[] = [];
/** Clients the server refused: no event is awaited from them (counted as refused, not missing). */
const refused = new Set<number>();

const now = () => performance.timeOrigin + performance.now();
const send = (report: ClientReport) => process.send!(report);

/** Opens one client and its subscription; resolves once connected (or with the refusal). */
function openOne(index: number, command: Extract<ClientCommand, { type: 'open' }>): Promise<string | null> {
  const token = command.tokens[index % command.tokens.length] ?? null;
  receipts[index] = [];
  return new Promise((resolve) => {
    const client = createClient({
      url: command.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      retryAttempts: 0,
      lazy: false,
      keepAlive: 0,
      onNonLazyError: (err) => resolve(describe(err)),
      on: {
        connected: () => {
          client.subscribe(
            { query: command.query, variables: command.variables },
            {
              next: (value) => void receipts[index]!.push({ at: now(), error: value.errors?.length || !value.data ? JSON.stringify(value.errors ?? 'no data').slice(0, 200) : null }),
              error: (err) => void receipts[index]!.push({ at: now(), error: describe(err) }),
              complete: () => {},
            },
          );
          resolve(null);
        },
      },
    });
    clients[index] = client;
  });
}

function describe(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (err && typeof err === 'object' && 'code' in err) return `closed ${JSON.stringify((err as { code: unknown }).code)} ${JSON.stringify((err as { reason?: unknown }).reason ?? '')}`;
  return JSON.stringify(err).slice(0, 200);
}

async function open(command: Extract<ClientCommand, { type: 'open' }>): Promise<void> {
  let failed = 0;
  let firstError: string | null = null;
  const end = clients.length + command.count;
  for (let start = clients.length; start < end; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, end - start) }, (_, k) => openOne(start + k, command));
    for (const [k, error] of (await Promise.all(batch)).entries()) {
      if (error === null) continue;
      refused.add(start + k);
      failed++;
      firstError ??= error;
    }
  }
  send({ type: 'opened', opened: command.count - failed, failed, firstError });
}

/** Waits until every subscriber has an event after the mark (or the timeout), then reports the first one's time. */
async function arrived(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const done = () => receipts.every((r, k) => refused.has(k) || r.length > marks[k]!);
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
  const firsts = receipts.map((r, k) => (refused.has(k) ? null : r[marks[k]!])).filter((f) => f !== null);
  const errors = firsts.filter((f) => f?.error);
  send({
    type: 'arrived',
    times: firsts.filter((f) => f !== undefined).map((f) => f.at),
    missing: firsts.filter((f) => f === undefined).length,
    withErrors: errors.length,
    firstError: errors[0]?.error ?? null,
  });
}

/** One POST; its answer is stamped as soon as its last byte is read (events may follow right behind it). */
function mutate(command: Extract<ClientCommand, { type: 'mutate' }>): void {
  const body = Buffer.from(command.body);
  const sentAt = now();
  const req = request(command.url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': body.length, authorization: `Bearer ${command.token}` } }, (res) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => send({ type: 'mutated', sentAt, answeredAt: now(), status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
  });
  req.on('error', (err) => send({ type: 'mutated', sentAt, answeredAt: now(), status: 0, text: err.message }));
  req.end(body);
}

process.on('message', (command: ClientCommand) => {
  if (command.type === 'open') void open(command);
  else if (command.type === 'mark') {
    marks = receipts.map((r) => r.length);
    send({ type: 'marked' });
  } else if (command.type === 'mutate') void mutate(command);
  else if (command.type === 'await') void arrived(command.timeoutMs);
  else {
    for (const client of clients) void client.dispose();
    send({ type: 'closed' });
    setTimeout(() => process.exit(0), 200);
  }
});
