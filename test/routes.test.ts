import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { badInput, defineModule, forbidden } from '../server/kit/index.js';
import { ALL_MODULES } from '../modules/index.js';
import { startTestApp, TOKENS, type TestApp } from './harness.js';

/*
 * Module routes (`routes` in the manifest): downloads and uploads at /files/<module>/<path>, with the
 * bearer token of GraphQL, the same Context, errors as JSON in French, unexpected errors masked.
 */

const probe = defineModule({
  name: 'probe-files',
  description: 'Test probe for module routes.',
  dependsOn: ['accounts'],
  entities: [],
  resolvers: [],
  routes: [
    {
      method: 'GET',
      path: '/whoami.txt',
      handle: async (ctx) => {
        if (!ctx.viewer.isAuthenticated) throw forbidden('Connectez-vous pour télécharger ce document.');
        return { contentType: 'text/plain; charset=utf-8', body: `personne ${ctx.viewer.personId}` };
      },
    },
    {
      method: 'GET',
      path: '/items/:id/rapport.csv',
      handle: async (_ctx, request) =>
        request.params.id === 'absent'
          ? null
          : { contentType: 'text/csv; charset=utf-8', body: `id;q\n${request.params.id};${request.query.q ?? ''}\n`, filename: `Rapport été ${request.params.id}.csv` },
    },
    { method: 'GET', path: '/page.html', handle: async () => ({ contentType: 'text/html; charset=utf-8', body: '<p>Lettre</p>' }) },
    { method: 'GET', path: '/bad', handle: async () => Promise.reject(badInput('id', 'Identifiant invalide.')) },
    { method: 'GET', path: '/boom', handle: async () => Promise.reject(new Error('password=hunter2 at db.internal')) },
    {
      method: 'POST',
      path: '/upload',
      maxBytes: 16,
      handle: async (_ctx, request) => ({ contentType: 'application/json', body: JSON.stringify({ size: request.body?.length, type: request.contentType }) }),
    },
  ],
});

const logLines: any[] = [];
let t: TestApp;
let base: string;
beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) logLines.push(JSON.parse(line));
      done();
    },
  });
  t = await startTestApp({ modules: ['probe-files'], available: [...ALL_MODULES, probe], logger: pino({ level: 'info' }, sink) });
  base = t.url.replace(/\/graphql$/, '/files/probe-files');
});
afterAll(async () => t?.close());

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

describe('module routes', () => {
  it('runs a GET with the viewer of the bearer token', async () => {
    const res = await fetch(`${base}/whoami.txt`, { headers: auth(TOKENS.admin) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toMatch(/^personne [0-9a-f-]{36}$/);
    // Remembered viewer (second request): still the same answer.
    expect(await (await fetch(`${base}/whoami.txt`, { headers: auth(TOKENS.admin) })).text()).toMatch(/^personne /);
  });

  it('serves HTML (and SVG) under a policy that runs no script and loads nothing', async () => {
    const page = await fetch(`${base}/page.html`, { headers: auth(TOKENS.admin) });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; sandbox");
    expect((await fetch(`${base}/whoami.txt`, { headers: auth(TOKENS.admin) })).headers.get('content-security-policy')).toBeNull();
  });

  it('answers AppErrors as JSON in French with their status', async () => {
    const anonymous = await fetch(`${base}/whoami.txt`);
    expect(anonymous.status).toBe(403);
    expect(await anonymous.json()).toEqual({ error: { code: 'FORBIDDEN', message: 'Connectez-vous pour télécharger ce document.' } });
    const bad = await fetch(`${base}/bad`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: { code: 'BAD_USER_INPUT', message: 'Identifiant invalide.', field: 'id' } });
  });

  it('refuses an unknown token (401) and a malformed header, never accepting ?access_token=', async () => {
    const unknown = await fetch(`${base}/whoami.txt`, { headers: auth('mlg_nope_0000000000000000000000000') });
    expect(unknown.status).toBe(401);
    expect(((await unknown.json()) as any).error.code).toBe('UNAUTHENTICATED');
    const malformed = await fetch(`${base}/whoami.txt`, { headers: { authorization: 'Basic abc' } });
    expect(malformed.status).toBe(401);
    const query = await fetch(`${base}/whoami.txt?access_token=${TOKENS.admin}`);
    expect(query.status).toBe(403);
  });

  it('gives path parameters, the query and an attachment name; null is 404', async () => {
    const res = await fetch(`${base}/items/abc/rapport.csv?q=%C3%A9t%C3%A9`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('id;q\nabc;été\n');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="Rapport ete abc.csv"; filename*=UTF-8''Rapport%20%C3%A9t%C3%A9%20abc.csv`);
    const absent = await fetch(`${base}/items/absent/rapport.csv`);
    expect(absent.status).toBe(404);
    expect(((await absent.json()) as any).error.code).toBe('NOT_FOUND');
    const unknownPath = await fetch(`${base}/nowhere`);
    expect(unknownPath.status).toBe(404);
    expect(((await unknownPath.json()) as any).error.message).toBe('Adresse introuvable.');
  });

  it('masks unexpected errors and logs them', async () => {
    const before = logLines.length;
    const res = await fetch(`${base}/boom`);
    expect(res.status).toBe(500);
    const body = (await res.json()) as any;
    expect(body.error.code).toBe('INTERNAL_SERVER_ERROR');
    expect(body.error.message).toContain(res.headers.get('x-request-id'));
    expect(JSON.stringify(body)).not.toContain('hunter2');
    expect(JSON.stringify(logLines.slice(before))).toContain('hunter2');
  });

  it('hands a POST its raw body and refuses one over maxBytes with 413', async () => {
    const ok = await fetch(`${base}/upload`, { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: Buffer.from('%PDF-1.4 petit') });
    expect(await ok.json()).toEqual({ size: 14, type: 'application/pdf' });
    const big = await fetch(`${base}/upload`, { method: 'POST', body: Buffer.alloc(17) });
    expect(big.status).toBe(413);
    expect(((await big.json()) as any).error.code).toBe('PAYLOAD_TOO_LARGE');
    const wrongMethod = await fetch(`${base}/whoami.txt`, { method: 'POST', body: 'x' });
    expect(wrongMethod.status).toBe(404);
  });
});
