import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Counts the requests a server is working on, from arrival to `res.end()`.
 *
 * When autocannon stops, it drops its sockets but the server still works out the requests in flight
 * (GraphQL executes them to the end, then writes to a closed socket). Without waiting for those, the
 * next run starts behind a backlog. `res.end()` is called even when the socket is gone, unlike
 * `finish`; `close` fires at the abort, before the work is done, so neither serves here.
 */
export class InFlight {
  inFlight = 0;
  /** Requests whose answer the server finished (sent or not), since creation. */
  completed = 0;
  /** performance.now() of the last request's arrival. */
  lastArrival = 0;
  /** performance.now() of the last `res.end()`. */
  lastCompletion = 0;

  constructor(server: Server) {
    // Prepended so `end` is wrapped before the application's own listener can answer.
    server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => {
      this.inFlight++;
      this.lastArrival = performance.now();
      const end = res.end.bind(res);
      let done = false;
      res.end = ((...args: Parameters<ServerResponse['end']>) => {
        if (!done) {
          done = true;
          this.inFlight--;
          this.completed++;
          this.lastCompletion = performance.now();
        }
        return end.apply(res, args);
      }) as ServerResponse['end'];
    });
  }

  /**
   * Resolves once no request is in flight and none arrived for `quietMs` (or after `timeoutMs`,
   * returning false). The quiet time matters when the event loop was blocked (PGlite runs its
   * queries synchronously): requests the client already wrote are read, and counted, only later.
   */
  async idle(quietMs = 300, timeoutMs = 120_000): Promise<boolean> {
    const deadline = performance.now() + timeoutMs;
    while (this.inFlight > 0 || performance.now() - this.lastArrival < quietMs) {
      if (performance.now() > deadline) return false;
      await sleep(20);
    }
    return true;
  }
}
