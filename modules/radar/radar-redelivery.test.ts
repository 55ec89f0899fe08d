import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, startTestApp } from '../../test/harness.js';
import { Viewer } from '../../server/auth.js';
import { DEFAULT_GRID, GridVersion, Interview, InterviewAnswer, InterviewCompleted, InterviewStatus } from '../interview-grids/index.js';
import { Organization } from '../organizations/index.js';
import { Partner } from '../partners/index.js';
import { Radar } from './radar.entity.js';
import { answersAt } from './radar.fixtures.js';

/*
 * The radar is computed by a durable listener of InterviewCompleted: a process that stops between the
 * interview's commit and the radar's computation loses nothing, the next one delivers the event again.
 * The first process runs with delivery off (the stop lands exactly there), on a database that outlives it
 * (PGlite on disk, or a PostgreSQL database with TEST_DATABASE_URL).
 */
describe('a stop between the interview commit and the radar computation', () => {
  it('loses nothing: the event is delivered after restart and the radar computed once', async () => {
    const shared = !!process.env.TEST_DATABASE_URL;
    const folder = shared ? null : await mkdtemp(join(tmpdir(), 'maillage-radar-'));
    const database = shared ? await createTestDatabase() : { url: null, drop: async () => {} };
    const keep = { url: database.url, drop: async () => {} };
    const config = folder ? { dataDir: join(folder, 'pglite') } : {};
    const options = { modules: ['radar'], database: keep, config, demoScale: { organizations: 120, employers: 50, partners: 12 } };
    try {
      const first = await startTestApp({ ...options, events: { dispatch: false } });
      const ctx = first.app.contextFor(Viewer.system());
      const before = await ctx.em.count(Radar, {});
      // The interview's completion as interview-grids commits it: status and answers, InterviewCompleted in the same transaction.
      const interviewId = await ctx.transaction(async (tx) => {
        const organization = await tx.em.findOneOrFail(Organization, { name: { $ne: '' } }, { orderBy: { name: 'asc' } });
        const grid = await tx.em.findOneOrFail(GridVersion, { code: DEFAULT_GRID.code }, { orderBy: { version: 'desc' } });
        const partner = await tx.em.findOneOrFail(Partner, { name: { $ne: '' } }, { orderBy: { name: 'asc' } });
        const interview = tx.em.create(Interview, { organization, gridVersion: grid, partner, date: '2026-06-30', status: InterviewStatus.COMPLETED });
        for (const [code, value] of Object.entries(answersAt(DEFAULT_GRID, 0))) {
          const question = DEFAULT_GRID.questions.find((q) => q.code === code)!;
          tx.em.create(InterviewAnswer, { interview, questionCode: code, value, confidentiality: question.confidentiality as never });
        }
        await tx.em.flush();
        tx.publish(InterviewCompleted, { interviewId: interview.id, organizationId: organization.id });
        return interview.id;
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await first.app.contextFor(Viewer.system()).em.count(Radar, { interview: interviewId })).toBe(0);
      await first.close();

      const second = await startTestApp(options);
      try {
        const radarOf = async () => second.app.contextFor(Viewer.system()).em.find(Radar, { interview: interviewId });
        await expect.poll(async () => (await radarOf()).length, { timeout: 20_000, interval: 100 }).toBe(1);
        const [radar] = await radarOf();
        expect(radar!.level).toBe('critical');
        expect(radar!.signals.map((s) => s.code)).toContain('cash_crisis');
        expect(await second.app.contextFor(Viewer.system()).em.count(Radar, {})).toBe(before + 1);
      } finally {
        await second.close();
      }
    } finally {
      await database.drop();
      if (folder) await rm(folder, { recursive: true, force: true });
    }
  }, 180_000);
});
