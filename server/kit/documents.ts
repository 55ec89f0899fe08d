import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { serviceUnavailable } from '../errors.js';

/** Renders at once at most; others wait their turn (Chromium pages cost memory and CPU). */
export const PDF_CONCURRENCY = 2;
/** One render's longest time, waiting included. */
export const PDF_TIMEOUT_MS = 30_000;

/** Where Chromium is: CHROMIUM_PATH, else Debian's. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

let browser: Promise<Browser> | null = null;
let running = 0;
const waiting: (() => void)[] = [];

/** The browser, launched on first use (once per process), launched again if it crashed. */
function theBrowser(): Promise<Browser> {
  if (!browser) {
    const path = chromiumPath();
    if (!existsSync(path)) throw serviceUnavailable(`La génération de PDF est indisponible : Chromium est introuvable sur le serveur (${path}).`);
    // Imported on first use: a server that renders no PDF never loads Playwright.
    const launching = import('playwright-core').then(({ chromium }) =>
      chromium.launch({
        executablePath: path,
        headless: true,
        // No GPU, no shared memory in containers; the renderer runs no JavaScript and loads nothing anyway.
        args: ['--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-extensions'],
      }),
    );
    browser = launching;
    launching.then(
      (b) => b.on('disconnected', () => void (browser === launching && (browser = null))),
      () => void (browser === launching && (browser = null)),
    );
  }
  return browser;
}

/** Waits for a free render slot (at most PDF_CONCURRENCY at once); the returned function frees it. */
async function slot(): Promise<() => void> {
  if (running >= PDF_CONCURRENCY) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  let freed = false;
  return () => {
    if (freed) return;
    freed = true;
    running--;
    waiting.shift()?.();
  };
}

/**
 * HTML (self-contained: inline CSS, images as data: URLs; nothing is fetched) → PDF bytes, A4, through
 * headless Chromium: JavaScript disabled, every network request aborted, PDF_CONCURRENCY renders at
 * once, PDF_TIMEOUT_MS each. Without Chromium: SERVICE_UNAVAILABLE (503) with a French message.
 */
export async function renderPdf(html: string, options: { landscape?: boolean } = {}): Promise<Uint8Array> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(serviceUnavailable('La génération du PDF a pris trop de temps ; réessayez dans un moment.')), PDF_TIMEOUT_MS);
  });
  const taken = slot();
  const free = await Promise.race([taken, timeout]).catch((err: unknown) => {
    clearTimeout(timer);
    void taken.then((release) => release()); // the turn came too late: handed on at once
    throw err;
  });
  let close: (() => Promise<void>) | null = null;
  let over = false;
  try {
    return await Promise.race([
      (async () => {
        const context = await (await theBrowser()).newContext({ javaScriptEnabled: false, offline: true, serviceWorkers: 'block', acceptDownloads: false });
        close = () => context.close().catch(() => undefined);
        if (over) throw new Error('render timed out');
        await context.route('**/*', (route) => route.abort('blockedbyclient'));
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load', timeout: PDF_TIMEOUT_MS });
        await page.emulateMedia({ media: 'print' });
        const pdf = await page.pdf({ format: 'A4', landscape: options.landscape ?? false, printBackground: true, preferCSSPageSize: true });
        return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      })(),
      timeout,
    ]);
  } finally {
    over = true;
    clearTimeout(timer);
    await (close as (() => Promise<void>) | null)?.();
    free();
  }
}

/** Renders under way now (at most PDF_CONCURRENCY), for tests and metrics. */
export function pdfRendersRunning(): number {
  return running;
}

/** Closes the browser if one was launched (at server shutdown); the next render launches another. */
export async function closeDocuments(): Promise<void> {
  const launched = browser;
  browser = null;
  if (!launched) return;
  await launched.then((b) => b.close()).catch(() => undefined);
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML (content and quoted attribute values). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}
