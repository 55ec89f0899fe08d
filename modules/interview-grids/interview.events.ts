import { defineEvent } from '../../server/kit/index.js';

/** An interview was completed (its answers checked): the radar scores it. Durable, published in the transaction. */
export const InterviewCompleted = defineEvent<{ interviewId: string; organizationId: string }>('interview-grids.interview-completed', {
  stream: (p) => `organization:${p.organizationId}`,
});

/** A completed interview was validated (by the committee or its partner). */
export const InterviewValidated = defineEvent<{ interviewId: string; organizationId: string }>('interview-grids.interview-validated', {
  stream: (p) => `organization:${p.organizationId}`,
});

/** The rules of a grid version were replaced: radars of its interviews are recomputed in the background. */
export const GridRulesChanged = defineEvent<{ gridVersionId: string }>('interview-grids.grid-rules-changed');
