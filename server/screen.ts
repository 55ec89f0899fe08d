import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';
import { sendRouteError } from './routes.js';

/**
 * Where `npm run screen:build` (Vite) writes the committee screen: `dist/screen` of the checkout,
 * found from this file whether it runs from `server/` (tsx) or from `dist/server/` (compiled build).
 */
export function defaultScreenDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const parent = dirname(here);
  const root = basename(parent) === 'dist' ? dirname(parent) : parent;
  return join(root, 'dist', 'screen');
}

/** The security headers of the screen's files: its own scripts only, GraphQL over the same origin. */
const SCREEN_HEADERS: Record<string, string> = {
  'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/**
 * The committee screen's static files (clients/screen, built by Vite into `dir`), mounted at /screen:
 * hashed assets cached for good, the page itself always revalidated. Without a build, a French
 * 503 tells the operator which command builds it.
 */
export function screenRoutes(dir: string): Router {
  const router = Router({ caseSensitive: true, strict: true });
  router.use((_req, res, next) => {
    for (const [name, value] of Object.entries(SCREEN_HEADERS)) res.setHeader(name, value);
    next();
  });
  router.use(
    express.static(dir, {
      index: 'index.html',
      redirect: true,
      dotfiles: 'ignore',
      setHeaders: (res, path) => {
        const hashed = path.includes(`${join(dir, 'assets')}`);
        res.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
  );
  router.use((_req, res) => {
    if (!existsSync(join(dir, 'index.html'))) {
      sendRouteError(res, 503, 'SERVICE_UNAVAILABLE', "L'écran de séance n'est pas construit : lancez npm run screen:build.");
      return;
    }
    sendRouteError(res, 404, 'NOT_FOUND', 'Adresse introuvable.');
  });
  return router;
}
