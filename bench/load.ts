import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import type autocannon from 'autocannon';
import { LoadChecker } from './check.js';

/** How often each target's answer is checked during the load. */
export const CHECK_INTERVAL_MS = 100;

/** One request with `body`, carrying `token` (the scenario's viewer: test/harness.ts TOKENS). */
export async function post(url: string, body: string, token: string): Promise<{ status: number; text: string }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  });
  return { status: res.status, text: await res.text() };
}

/**
 * Loads `url` with `body` for `duration` s while a checker compares one answer every CHECK_INTERVAL_MS
 * with the reference; the first wrong answer kills autocannon and rejects. Autocannon's own count of
 * non-2xx answers, connection errors and timeouts must be zero too.
 */
export async function checkedLoad(
  label: string,
  url: string,
  body: string,
  token: string,
  reference: string,
  connections: number,
  duration: number,
): Promise<{ result: autocannon.Result; checked: number }> {
  const controller = new AbortController();
  const send = (target: string) => post(target, body, token);
  const checker = new LoadChecker(label, url, reference, send, (err) => controller.abort(err), CHECK_INTERVAL_MS).start();
  let result: autocannon.Result;
  try {
    result = await load(url, body, token, connections, duration, controller.signal);
  } finally {
    await checker.stop();
  }
  if (checker.failure) throw checker.failure;
  if (checker.checked === 0) throw new Error(`${label}: no answer could be checked during the load`);
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(`${label}: autocannon counted ${result.non2xx} non-2xx answers, ${result.errors} connection errors and ${result.timeouts} timeouts`);
  }
  return { result, checked: checker.checked };
}

/**
 * Runs autocannon in a process of its own, so the load generator's CPU (measured: about a fifth of the
 * server's when in process) is neither counted against the server nor taken from its event loop.
 * `signal` kills it (a sampled answer was wrong): the promise then rejects with the signal's reason.
 */
function load(url: string, body: string, token: string, connections: number, duration: number, signal: AbortSignal): Promise<autocannon.Result> {
  const cli = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
  const args = [
    cli,
    '--json',
    '-c',
    String(connections),
    '-d',
    String(duration),
    '-t',
    '30',
    '-m',
    'POST',
    '-H',
    'content-type=application/json',
    '-H',
    `authorization=Bearer ${token}`,
    '-b',
    body,
    url,
  ];
  return new Promise((resolve, reject) => {
    // With Node's defaults: the server's V8 tuning (NODE_OPTIONS in `npm run bench`) is not the load tool's.
    const { NODE_OPTIONS: _serverOptions, ...env } = process.env;
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
    const abort = () => {
      child.kill('SIGKILL');
      reject(signal.reason);
    };
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      signal.removeEventListener('abort', abort);
      if (signal.aborted) return;
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}: ${err.slice(-500)}`));
      try {
        resolve(JSON.parse(out.slice(out.indexOf('{'))) as autocannon.Result);
      } catch {
        reject(new Error(`autocannon output not JSON: ${out.slice(0, 300)} ${err.slice(-300)}`));
      }
    });
  });
}
