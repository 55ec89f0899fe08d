/**
 * The radar's computations without the database (`npx tsx bench/radar.bench.ts`, and at the end of
 * `npm run bench`): scoring 10,000 interviews of the default grid (scores, coverage, rules, level; target
 * ≤ 2 s) and ranking 100,000 organizations by contact priority (target ≤ 300 ms). Inputs are generated
 * deterministically; each measure is the best of 3 runs after a warm-up.
 */
import { pathToFileURL } from 'node:url';
import { DEFAULT_GRID, type AnswerValue } from '../modules/interview-grids/index.js';
import { computeRadar } from '../modules/radar/index.js';
import { answersAt } from '../modules/radar/radar.fixtures.js';
import { DEFAULT_PRIORITY_WEIGHTS, rankPriorities, type PriorityInput, type PriorityStage } from '../modules/radar/priority.js';
import type { RadarLevel } from '../modules/radar/level.js';

export const SCORING_TARGET_MS = 2000;
export const RANKING_TARGET_MS = 300;

function best(runs: number, work: () => void): number {
  work(); // warm-up
  let fastest = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

export function runRadarBench(): { scoringMs: number; rankingMs: number; interviews: number; organizations: number } {
  const interviews = 10_000;
  const organizations = 100_000;
  // 101 distinct answer sets (health 0 to 1), then copied so that each interview is its own object.
  const base = Array.from({ length: 101 }, (_, i) => answersAt(DEFAULT_GRID, i / 100));
  const answers: Record<string, AnswerValue>[] = Array.from({ length: interviews }, (_, i) => ({ ...base[(i * 37) % 101]! }));
  let critical = 0;
  const scoringMs = best(3, () => {
    critical = 0;
    for (const a of answers) if (computeRadar({ grid: DEFAULT_GRID, answers: a }).level === 'critical') critical++;
  });
  const levels: (RadarLevel | null)[] = [null, 'low', 'watch', 'high', 'critical'];
  const stages: PriorityStage[] = ['EMERGENCE', 'CREATION', 'DEVELOPMENT', 'CONSOLIDATION', 'RECOVERY'];
  const inputs: PriorityInput[] = Array.from({ length: organizations }, (_, i) => ({
    organizationId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    name: `Organisation ${(i * 7919) % organizations}`,
    employees: (i * 13) % 250,
    stage: stages[i % 5]!,
    sectorCode: `filiere-${i % 20}`,
    sectorName: `Filière ${i % 20}`,
    level: levels[(i * 3) % 5]!,
    lastInterview: i % 4 === 0 ? null : `20${String(18 + (i % 8)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`,
  }));
  let first = '';
  const rankingMs = best(3, () => {
    first = rankPriorities(inputs, DEFAULT_PRIORITY_WEIGHTS, ['filiere-3', 'filiere-7'], '2026-07-01')[0]!.organizationId;
  });
  if (!first || critical === 0) throw new Error('radar bench: the computations produced nothing');
  return { scoringMs, rankingMs, interviews, organizations };
}

export function printRadarBench(): void {
  const r = runRadarBench();
  const verdict = (ms: number, target: number) => (ms <= target ? 'OK' : 'AU-DELÀ DE LA CIBLE');
  console.log(`Radar: scoring ${r.interviews.toLocaleString('en')} interviews ${r.scoringMs.toFixed(0)} ms (target ≤ ${SCORING_TARGET_MS} ms: ${verdict(r.scoringMs, SCORING_TARGET_MS)})`);
  console.log(`Radar: ranking ${r.organizations.toLocaleString('en')} organizations ${r.rankingMs.toFixed(0)} ms (target ≤ ${RANKING_TARGET_MS} ms: ${verdict(r.rankingMs, RANKING_TARGET_MS)})`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) printRadarBench();
