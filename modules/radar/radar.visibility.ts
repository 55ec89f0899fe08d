import { visibleTo, type RowRule } from '../../server/kit/index.js';
import { Radar } from './radar.entity.js';
import { RadarPermissions } from './radar.permissions.js';

/**
 * A radar is seen by whoever sees its interview (interview-grids' rule): administrators; partners' people for
 * organizations that consented to share their file, and always for the interviews their own partner held.
 * Anonymous callers and signed-in people of no partner see none. Within a radar, signals citing confidential
 * answers are narrowed further per viewer (radar-confidentiality.ts).
 */
export const radarRows: RowRule<Radar> = (rights) => {
  if (rights.viewer.isAdmin) return true;
  if (!rights.can(RadarPermissions.read)) return false;
  const own = rights.viewer.partnerIds;
  return own.length ? { $or: [{ organization: { consentToShare: true } }, { partner: { $in: own } }] } : { organization: { consentToShare: true } };
};

export const RADAR_VISIBILITY = [visibleTo(Radar, { rows: radarRows })];
