import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TOKENS, type TestApp } from './harness.js';
import { personWithToken } from './people.js';

/*
 * The committee screen (clients/screen) in a real browser: Debian's Chromium driven by playwright-core.
 * The page is built by Vite into a folder of this test's own and served by the app at /screen/. Two
 * screens follow one session; the second reaches the server through a TCP proxy the test can cut (a
 * WebSocket ignores Playwright's offline mode): positions recorded through the API show on both within a
 * second, and the cut screen, once reconnected, shows everything that happened meanwhile, once.
 * Screenshots go to test-output/screen/.
 */

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const SHOTS = join(process.cwd(), 'test-output', 'screen');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

if (!HAS_CHROMIUM) console.warn(`test/screen.test.ts skipped: ${CHROMIUM} is absent (apt-get install -y chromium; .ci/run installs it).`);

/** A TCP proxy to `port` whose connections the test can cut, and refuse until restored. */
interface CuttableProxy {
  url: string;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

async function cuttableProxy(port: number): Promise<CuttableProxy> {
  let cut = false;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    if (cut) return void client.destroy();
    const upstream = connect(port, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined).on('close', () => {
        sockets.delete(s);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}`,
    cut: () => {
      cut = true;
      for (const s of sockets) s.destroy();
    },
    restore: () => void (cut = false),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Builds the screen with Vite into a temporary folder (the checkout's dist/screen is left alone). */
async function buildScreen(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'maillage-screen-'));
  await promisify(execFile)(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'clients/screen/vite.config.ts', '--outDir', outDir, '--emptyOutDir', '--minify', 'false'], {
    cwd: process.cwd(),
  });
  return outDir;
}

/** The positions a screen shows: `partner id:revision`, in their order. */
const positionsOn = (page: Page): Promise<string[]> =>
  page.$$eval('#positions li[data-position]', (items) => items.map((li) => `${li.getAttribute('data-position')}:${li.getAttribute('data-revision')}`));

/** Waits until the screen shows every one of `expected` (partner id:revision), at most `timeout` ms; how long it took. */
async function waitForPositions(page: Page, expected: string[], timeout: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    const shown = await positionsOn(page);
    if (expected.every((e) => shown.includes(e))) return Date.now() - started;
    if (Date.now() - started > timeout) throw new Error(`after ${timeout} ms the screen shows ${shown.join(', ')}, not ${expected.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let t: TestApp;
let browser: Browser;
let screenDir: string;

describe.skipIf(!HAS_CHROMIUM)('committee screen in Chromium', () => {
  beforeAll(async () => {
    screenDir = await buildScreen();
    t = await startTestApp({ config: { screenDir }, modules: ['support'], demoScale: { organizations: 40 } });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    await mkdir(SHOTS, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    if (screenDir) await rm(screenDir, { recursive: true, force: true });
  });

  const origin = () => new URL(t.url).origin;

  it('is served at /screen/ with its own content security policy, and asks for a session and a token', async () => {
    const res = await fetch(`${origin()}/screen/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("connect-src 'self'");
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toContain('<html lang="fr">');
    expect((await fetch(`${origin()}/screen`, { redirect: 'manual' })).status).toBe(301);
    expect((await fetch(`${origin()}/screen/absent.js`)).status).toBe(404);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(`${err.message} ${err.stack ?? ''}`));
    await page.goto(`${origin()}/screen/`);
    expect(await page.locator('#acces').isVisible()).toBe(true);
    await page.locator('#acces-session').fill('inconnue');
    await page.locator('#acces-jeton').fill('mlg_mauvais_jeton_0000000000000000');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#connexion[data-etat="refuse"]', { timeout: 10_000 });
    expect(await page.locator('#erreur').textContent()).toMatch(/refusé|introuvable/i);
    await page.screenshot({ path: join(SHOTS, 'refus.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});

export { TOKENS, personWithToken, cuttableProxy, positionsOn, waitForPositions };
