import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../server/config.js';
import { startTestApp, type TestApp } from './harness.js';

/*
 * One client address holds at most MAX_CONNECTIONS_PER_ADDRESS open connections: kept-alive sockets
 * stay open 65 s, and thousands of idle ones would use up the process's file descriptors for everyone.
 */

let t: TestApp;
let port: number;
beforeAll(async () => {
  t = await startTestApp({ modules: ['territory'], config: { limits: { ...DEFAULT_LIMITS, maxConnectionsPerAddress: 3 } } });
  port = Number(new URL(t.url).port);
});
afterAll(async () => t?.close());

/** A kept-alive connection that asked for /healthz: resolves with the answer's first line, or null when closed unanswered. */
function ask(): Promise<{ socket: Socket; answer: string | null }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.on('connect', () => socket.write('GET /healthz HTTP/1.1\r\nhost: localhost\r\nconnection: keep-alive\r\n\r\n'));
    socket.on('data', (chunk) => {
      data += chunk.toString('latin1');
      if (data.includes('\r\n\r\n')) resolve({ socket, answer: data.split('\r\n')[0]! });
    });
    socket.on('error', () => resolve({ socket, answer: null }));
    socket.on('close', () => resolve({ socket, answer: data ? data.split('\r\n')[0]! : null }));
  });
}

describe('open connections per address', () => {
  it('closes a connection past the cap unanswered, and takes one again once another closed', async () => {
    const held = [await ask(), await ask(), await ask()];
    expect(held.map((h) => h.answer)).toEqual(['HTTP/1.1 200 OK', 'HTTP/1.1 200 OK', 'HTTP/1.1 200 OK']);
    const refused = await ask();
    expect(refused.answer).toBeNull();
    held[0]!.socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const again = await ask();
    expect(again.answer).toBe('HTTP/1.1 200 OK');
    for (const h of [...held, again]) h.socket.destroy();
  });
});
