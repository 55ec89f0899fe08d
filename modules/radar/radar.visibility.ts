import { visibleTo } from '../../server/kit/index.js';
import { Radar } from './radar.entity.js';
import { RadarPermissions } from './radar.permissions.js';

/**
 * Radars are for partners' people (and administrators): anonymous callers and signed-in people of no partner
 * see none, on every read path. Within a radar, the explanations of signals that cite confidential answers
 * are narrowed further per viewer (radar-confidentiality.ts).
 */
export const RADAR_VISIBILITY = [visibleTo(Radar, { rows: (rights) => rights.can(RadarPermissions.read) })];
