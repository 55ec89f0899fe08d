import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_MODULES } from '../modules/index.js';
import { startTestApp, TOKENS, type TestApp } from './harness.js';
import { personWithToken, qualifiedSupportRequest } from './people.js';

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

/** The live flow needs the governance module (sessions and their stream). */
const HAS_GOVERNANCE = ALL_MODULES.some((m) => m.name === 'governance');

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
    t = await startTestApp({ config: { screenDir }, modules: [HAS_GOVERNANCE ? 'governance' : 'support'], demoScale: { organizations: 40 } });
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
  it.skipIf(!HAS_GOVERNANCE)('shows positions on two screens within a second, and everything once on the one whose connection was cut', async () => {
    const session = await liveSession();
    const partners = await partnerManagers(5);
    const proxy = await cuttableProxy(Number(new URL(t.url).port));
    const address = (host: string) => `${host}/screen/?session=${encodeURIComponent(session.id)}#token=${TOKENS.admin}`;
    const a = await openScreen(address(origin()));
    const b = await openScreen(address(proxy.url));
    try {
      for (const page of [a.page, b.page]) expect(await page.locator('#point-titre').textContent()).toBe('Point 1 : Garage solidaire');

      // Live: each position on both screens within a second of the mutation's answer.
      const first = await record(session.requestId, partners[0]!, 'WILL_SUPPORT');
      const second = await record(session.requestId, partners[1]!, 'NEEDS_INFORMATION');
      for (const key of [first, second]) for (const page of [a.page, b.page]) expect(await waitForPositions(page, [key], 1000)).toBeLessThan(1000);
      await a.page.screenshot({ path: join(SHOTS, 'ecran-a-en-direct.png') });

      // The second screen's connection is cut: it says so, and goes on trying.
      proxy.cut();
      await b.page.waitForSelector('#connexion[data-etat="reconnexion"]', { timeout: 10_000 });
      await b.page.screenshot({ path: join(SHOTS, 'ecran-b-coupe.png') });
      const meanwhile = [
        await record(session.requestId, partners[2]!, 'WILL_SUPPORT'),
        await record(session.requestId, partners[3]!, 'ABSTAINS'),
        await record(session.requestId, partners[0]!, 'CONDITIONAL', 'si la banque accorde le prêt'),
      ];
      for (const key of meanwhile) expect(await waitForPositions(a.page, [key], 1000)).toBeLessThan(1000);
      expect(await positionsOn(b.page)).toEqual([`${partners[0]!.id}:1`, second]);

      // Restored: it follows the stream again after the last sequence it showed, and misses nothing.
      proxy.restore();
      await b.page.waitForSelector('#connexion[data-etat="connecte"]', { timeout: 15_000 });
      await waitForPositions(b.page, meanwhile, 10_000);
      const last = await record(session.requestId, partners[4]!, 'WILL_SUPPORT');
      for (const page of [a.page, b.page]) await waitForPositions(page, [last], 1000);
      const shownA = await positionsOn(a.page);
      const shownB = await positionsOn(b.page);
      expect(shownB).toEqual(shownA);
      expect(shownB).toEqual([`${partners[0]!.id}:2`, second, meanwhile[0], meanwhile[1], last]);
      expect(new Set(shownB).size).toBe(shownB.length);
      const logA = await logOn(a.page);
      const logB = await logOn(b.page);
      expect(logB).toEqual(logA);
      expect(new Set(logB).size).toBe(logB.length);
      expect(await b.page.locator('body').getAttribute('data-last-seq')).toBe(await a.page.locator('body').getAttribute('data-last-seq'));
      await b.page.screenshot({ path: join(SHOTS, 'ecran-b-reconnecte.png') });

      // The keyboard: along the agenda, show another item, come back to the one in discussion.
      await a.page.locator('#agenda button').first().focus();
      await a.page.keyboard.press('ArrowDown');
      await a.page.keyboard.press('Enter');
      await a.page.waitForFunction(() => (globalThis as any).document.querySelector('#point-titre')?.textContent === 'Point 2 : Questions diverses');
      await a.page.screenshot({ path: join(SHOTS, 'ecran-a-clavier.png') });
      await a.page.keyboard.press('Escape');
      await a.page.waitForFunction(() => (globalThis as any).document.querySelector('#point-titre')?.textContent === 'Point 1 : Garage solidaire');
      expect([...a.errors, ...b.errors]).toEqual([]);
    } finally {
      await Promise.all([a.page.close(), b.page.close()]);
      await proxy.close();
    }
  });

  it.skipIf(!HAS_GOVERNANCE)('shows a decision’s words on a confidential request to the chair only, a neutral text to a member who may not see it', async () => {
    const session = await liveSession({ consent: false });
    const address = (token: string) => `${origin()}/screen/?session=${encodeURIComponent(session.id)}#token=${token}`;
    const chair = await openScreen(address(TOKENS.funder));
    const member = await openScreen(address(TOKENS.expert));
    try {
      const words = 'Report : le plan de financement du garage est à revoir avec la banque.';
      const decided = await t.gql(
        'mutation($input: DecideAgendaItemInput!) { decideAgendaItem(input: $input) { state } }',
        { input: { itemId: session.itemId, mode: 'CONSENSUS', outcome: 'DEFERRED', text: words } },
        TOKENS.funder,
      );
      expect(decided.errors).toBeUndefined();
      const decisionText = (page: Page) => page.waitForSelector('.decision .texte', { timeout: 2_000 }).then((e) => e.textContent());
      expect(await decisionText(chair.page)).toBe(words);
      expect(await decisionText(member.page)).toBe('Décision sur une demande d’accompagnement non partagée avec votre structure : son texte ne vous est pas communiqué.');
      expect(await member.page.locator('#point-titre').textContent()).toBe('Point 1 : Demande d’accompagnement non partagée avec votre structure');
      expect(await member.page.locator('body').textContent()).not.toContain('banque');
      await member.page.screenshot({ path: join(SHOTS, 'ecran-membre-decision-masquee.png') });
      expect([...chair.errors, ...member.errors]).toEqual([]);
    } finally {
      await Promise.all([chair.page.close(), member.page.close()]);
    }
  });

  it.skipIf(!HAS_GOVERNANCE)('shows the chair who has a screen open, live, and no such panel to a member', async () => {
    const session = await liveSession();
    const address = (token: string) => `${origin()}/screen/?session=${encodeURIComponent(session.id)}#token=${token}`;
    const who = async (token: string) => (await t.gql('{ viewer { person { id name } } }', {}, token)).data.viewer.person as { id: string; name: string };
    const [chairPerson, expertPerson] = await Promise.all([who(TOKENS.funder), who(TOKENS.expert)]);
    // The demo funder chairs the technical committee: its screen shows the panel, itself in it once its stream is followed.
    const chair = await openScreen(address(TOKENS.funder));
    try {
      await chair.page.waitForSelector('#presents:not([hidden])', { timeout: 5_000 });
      await waitForPresence(chair.page, (ids) => ids.includes(chairPerson.id), 5_000);
      expect(await presentOn(chair.page)).not.toContain(expertPerson.id);

      // Another screen opens (the expert, a member of the committee): the chair sees it within a second.
      const member = await openScreen(address(TOKENS.expert));
      expect(await waitForPresence(chair.page, (ids) => ids.includes(expertPerson.id), 1_000)).toBeLessThan(1_000);
      const entry = chair.page.locator(`#presents-liste li[data-presence="${expertPerson.id}"]`);
      expect(await entry.locator('.nom').textContent()).toBe(expertPerson.name);
      expect(await entry.locator('.partenaire').textContent()).toMatch(/\S/); // the partner it sits for
      expect(await chair.page.locator('#presents-titre').textContent()).toContain('Présents à l’écran');
      await chair.page.screenshot({ path: join(SHOTS, 'ecran-president-presents.png') });

      // The member's screen has no presence panel, and no error: the API answered null.
      expect(await member.page.locator('#presents').isHidden()).toBe(true);
      expect(await member.page.locator('#aller-presents').isHidden()).toBe(true);
      expect(await member.page.locator('#erreur').textContent()).toBe('');
      expect(await member.page.locator('#connexion').getAttribute('data-etat')).toBe('connecte');
      await member.page.screenshot({ path: join(SHOTS, 'ecran-membre-sans-presents.png') });

      // The keyboard reaches the panel: the skip link, then the panel takes the focus.
      await chair.page.locator('#aller-presents').focus();
      await chair.page.keyboard.press('Enter');
      expect(await chair.page.evaluate(() => (globalThis as any).document.activeElement?.id)).toBe('presents');

      // The member closes its screen: the chair's panel drops it within a second.
      await member.page.close();
      expect(await waitForPresence(chair.page, (ids) => !ids.includes(expertPerson.id) && ids.includes(chairPerson.id), 1_000)).toBeLessThan(1_000);
      await chair.page.screenshot({ path: join(SHOTS, 'ecran-president-presents-apres-depart.png') });
      expect([...chair.errors, ...member.errors]).toEqual([]);
    } finally {
      await chair.page.close();
    }
  });
});

/** A session of the demo technical committee, open, its first item (a qualified request) in discussion. */
async function liveSession({ consent = true }: { consent?: boolean } = {}): Promise<{ id: string; requestId: string; itemId: string }> {
  const admin = TOKENS.admin;
  const bodies = await t.gql('{ governanceBodies { id kind } }', {}, admin);
  const bodyId = bodies.data.governanceBodies.find((b: any) => b.kind === 'TECHNICAL_COMMITTEE').id;
  const scheduled = await t.gql(
    'mutation($input: ScheduleSessionInput!) { scheduleSession(input: $input) { id } }',
    { input: { bodyId, title: 'Comité technique de décembre', scheduledAt: new Date().toISOString(), mode: 'HYBRID' } },
    admin,
  );
  expect(scheduled.errors).toBeUndefined();
  const id = scheduled.data.scheduleSession.id;
  const requestId = await qualifiedRequest(consent);
  const add = 'mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }';
  const item = await t.gql(add, { input: { sessionId: id, kind: 'SUPPORT_REQUEST', supportRequestId: requestId, title: 'Garage solidaire' } }, admin);
  expect(item.errors).toBeUndefined();
  expect((await t.gql(add, { input: { sessionId: id, kind: 'OTHER', title: 'Questions diverses' } }, admin)).errors).toBeUndefined();
  expect((await t.gql('mutation($id: ID!) { openSession(id: $id) { state } }', { id }, admin)).errors).toBeUndefined();
  const started = await t.gql('mutation($id: ID!) { startAgendaItem(itemId: $id) { id } }', { id: item.data.addAgendaItem.id }, admin);
  expect(started.errors).toBeUndefined();
  return { id, requestId, itemId: item.data.addAgendaItem.id };
}

/** A support request received by the demo funder, with consent to share (or without: confidential), qualified. */
async function qualifiedRequest(consent = true): Promise<string> {
  const communes = await t.gql('{ communes(first: 5, filter: { search: "Boulogne" }) { edges { node { id name } } } }');
  const communeId = communes.data.communes.edges.find((e: any) => e.node.name === 'Boulogne-sur-Mer').node.id;
  return qualifiedSupportRequest(t, communeId, { consent });
}

/** Managers of `count` demo partners, each with a token of their own (a partner records only its own position). */
async function partnerManagers(count: number): Promise<{ id: string; token: string }[]> {
  const res = await t.gql('{ partners(first: 100) { edges { node { id slug } } } }');
  const slugs: string[] = res.data.partners.edges.map((e: any) => e.node.slug).slice(0, count);
  return Promise.all(
    slugs.map(async (slug, i) => {
      const person = await personWithToken(t, { name: `Représentant ${i + 1}`, membership: { partnerSlug: slug, role: 'MANAGER' } });
      return { id: person.partnerId!, token: person.token };
    }),
  );
}

/** Records `partner`'s position through the API; the key the screens show it under (partner id:revision). */
async function record(requestId: string, partner: { id: string; token: string }, kind: string, conditions?: string): Promise<string> {
  const res = await t.gql(
    'mutation($id: ID!, $input: PositionInput!) { recordPosition(requestId: $id, input: $input) { revision partner { id } } }',
    { id: requestId, input: { kind, ...(conditions ? { conditions } : {}) } },
    partner.token,
  );
  expect(res.errors).toBeUndefined();
  return `${res.data.recordPosition.partner.id}:${res.data.recordPosition.revision}`;
}

/** A screen at `url`, once connected and showing its session; with the page's errors. */
async function openScreen(url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(url);
  await page.waitForSelector('#point-titre, #connexion[data-etat="refuse"]', { timeout: 15_000 });
  expect(await page.locator('#erreur').textContent()).toBe('');
  await page.waitForSelector('#connexion[data-etat="connecte"]', { timeout: 15_000 });
  return { page, errors };
}

/** The people a screen's « Présents à l'écran » panel lists (their person ids), in order. */
const presentOn = (page: Page): Promise<string[]> => page.$$eval('#presents-liste li[data-presence]', (items) => items.map((li) => li.getAttribute('data-presence') ?? ''));

/** Waits until the panel's list satisfies `ok`, at most `timeout` ms; how long it took. */
async function waitForPresence(page: Page, ok: (ids: string[]) => boolean, timeout: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    const shown = await presentOn(page);
    if (ok(shown)) return Date.now() - started;
    if (Date.now() - started > timeout) throw new Error(`after ${timeout} ms the presence panel lists ${shown.join(', ') || 'nobody'}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The sequences of the session's log a screen shows. */
const logOn = (page: Page): Promise<string[]> => page.$$eval('#fil li[data-seq]', (items) => items.map((li) => li.getAttribute('data-seq') ?? ''));
