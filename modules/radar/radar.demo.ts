import type { DemoContext, DemoResult } from '../../server/kit/index.js';
import { Interview, InterviewStatus } from '../interview-grids/index.js';
import { Radar } from './radar.entity.js';
import { RadarService } from './radar.service.js';

const BATCH = 200;

/**
 * Radars of the demo interviews (interview-grids' demo runs first): every completed or validated interview
 * without a radar gets one, oldest first so that a second interview finds its previous radar. Idempotent.
 */
export async function seedRadars({ em }: DemoContext): Promise<DemoResult> {
  const interviews = await em.find(Interview, { status: { $in: [InterviewStatus.COMPLETED, InterviewStatus.VALIDATED] } }, { fields: ['id'], orderBy: { date: 'asc', id: 'asc' } });
  const done = new Set((await em.find(Radar, {}, { fields: ['interview'] })).map((r) => r.interview.id));
  const todo = interviews.map((i) => i.id).filter((id) => !done.has(id));
  for (let i = 0; i < todo.length; i += BATCH) {
    const sources = (await RadarService.sources(em, todo.slice(i, i + BATCH))).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.interviewId < b.interviewId ? -1 : 1));
    await em.transactional(async (tx) => void (await RadarService.recordMany(tx as typeof em, sources)));
    em.clear();
  }
  return { lines: todo.length ? [`${todo.length} radars calculés pour les entretiens de démonstration`] : [] };
}
