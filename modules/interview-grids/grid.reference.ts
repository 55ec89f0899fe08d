import type { ReferenceContext, ReferenceResult } from '../../server/kit/index.js';
import { DEFAULT_GRID, DEFAULT_GRID_CODE } from './default-grid.js';
import { GridVersion } from './grid-version.entity.js';
import { GridVersionStatus } from './interview.enums.js';

/**
 * The default grid, published as version 1, when no version of it exists (`npm run setup` and the demo).
 * A grid already there is left as it is: administrators edit it through new versions.
 */
export async function loadDefaultGrid({ em }: Pick<ReferenceContext, 'em'>): Promise<ReferenceResult> {
  if ((await em.count(GridVersion, { code: DEFAULT_GRID_CODE })) > 0) return { lines: [`interview-grids: grid ${DEFAULT_GRID_CODE} already there`] };
  em.create(GridVersion, { code: DEFAULT_GRID.code, version: DEFAULT_GRID.version, title: DEFAULT_GRID.title, status: GridVersionStatus.PUBLISHED, publishedAt: new Date(), definition: DEFAULT_GRID });
  await em.flush();
  return { lines: [`interview-grids: grid ${DEFAULT_GRID_CODE} version 1 published (${DEFAULT_GRID.questions.length} questions, ${DEFAULT_GRID.rules.length} rules)`] };
}
