import { defineEvent } from '../../server/kit/index.js';

/** An organization's radar was computed or recomputed (ids only). */
export const RadarUpdated = defineEvent<{ radarId: string; organizationId: string; interviewId: string }>('radar.updated');
