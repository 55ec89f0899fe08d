import { defineModule, on, startJob } from '../../server/kit/index.js';
import { GridRulesChanged, InterviewCompleted } from '../interview-grids/index.js';
import { seedRadars } from './radar.demo.js';
import { RADAR_ROUTES } from './radar.routes.js';
import { ContactPriorityWeights } from './contact-priority.entity.js';
import { ContactPriorityResolver } from './contact-priority.resolver.js';
import { Radar } from './radar.entity.js';
import { RadarPermissions } from './radar.permissions.js';
import { RadarUpdated } from './radar.events.js';
import { RADAR_RESOLVERS } from './radar.resolver.js';
import { RadarService, computeRadar } from './radar.service.js';
import { RADAR_VISIBILITY } from './radar.visibility.js';

// What other modules may use of this one (they import this file only, and list 'radar' in dependsOn).
export { Radar, RadarUpdated, RadarPermissions, RadarService, computeRadar };

/** Radars of organizations' interviews: per-axis scores and coverage, risk and margin signals, alert level, trend, sector quartiles, contact priorities. */
export default defineModule({
  name: 'radar',
  description: "Radars of organizations' interviews: per-axis scores and coverage, risk and margin signals, alert level, trend, sector quartiles and contact priorities.",
  dependsOn: ['platform', 'organizations', 'partners', 'sectors', 'interview-grids'],
  entities: [Radar, ContactPriorityWeights],
  resolvers: [...RADAR_RESOLVERS, ContactPriorityResolver],
  permissions: RadarPermissions,
  visibility: RADAR_VISIBILITY,
  // Durable: written with the interview's completion, delivered at least once (again after a crash); the
  // radar is one per interview, recomputed in place, so a second delivery changes nothing.
  subscribers: [
    on(InterviewCompleted, async (payload, ctx) => {
      const [source] = await RadarService.sources(ctx.em, [payload.interviewId]);
      if (source) await RadarService.compute(ctx, source);
    }),
    // A grid's rules changed: its radars are recomputed by a background job (progress in backgroundJobChanged).
    on(GridRulesChanged, async ({ gridVersionId }, ctx) => {
      await startJob(ctx, { kind: 'radar.recompute', label: 'Recalcul des radars après la modification des règles de la grille', run: (job) => RadarService.recomputeGrid(job, gridVersionId) });
    }),
  ],
  routes: RADAR_ROUTES,
  demo: seedRadars,
});
