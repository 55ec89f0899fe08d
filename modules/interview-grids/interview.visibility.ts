import { visibleTo, type RowRule } from '../../server/kit/index.js';
import { GridVersion } from './grid-version.entity.js';
import { Interview, InterviewAnswer } from './interview.entity.js';
import { AnswerConfidentiality, GridVersionStatus } from './interview.enums.js';
import { InterviewPermissions } from './interview.permissions.js';

/**
 * Interviews follow the organization's consent rule (as its contacts do): partners' people see the
 * interviews of organizations that consented to share their file, and always those their own partner
 * held; administrators see every interview.
 */
export const interviewRows: RowRule<Interview> = (rights) => {
  if (rights.viewer.isAdmin) return true;
  if (!rights.can(InterviewPermissions.read)) return false;
  const own = rights.viewer.partnerIds;
  return own.length ? { $or: [{ organization: { consentToShare: true } }, { partner: { $in: own } }] } : { organization: { consentToShare: true } };
};

/** An interview filter read from an answer (`$or` kept at the top, where rules read in JavaScript expect it). */
function throughInterview(filter: Record<string, unknown>): object {
  const alternatives = filter.$or as object[] | undefined;
  return alternatives ? { $or: alternatives.map((f) => ({ interview: f })) } : { interview: filter };
}

/**
 * Answers: those of an interview the viewer sees, then by the question's confidentiality. Shared: all of
 * them. partnerAndCommittee (financial figures): the interviewing partner's people, the committee
 * (`interview-grids.committee.read`) and administrators. interviewerOnly: the interviewing partner's
 * people only (not administrators of the platform, unless they belong to that partner).
 */
export const answerRows: RowRule<InterviewAnswer> = (rights) => {
  const interviews = interviewRows(rights);
  if (interviews === false) return false;
  const own = rights.viewer.partnerIds;
  const ownPartner = own.length ? { interview: { partner: { $in: own } } } : null;
  const allowed: object[] = [{ confidentiality: AnswerConfidentiality.SHARED }];
  if (rights.viewer.isAdmin || rights.can(InterviewPermissions.committee.read)) allowed.push({ confidentiality: AnswerConfidentiality.PARTNER_AND_COMMITTEE });
  else if (ownPartner) allowed.push({ confidentiality: AnswerConfidentiality.PARTNER_AND_COMMITTEE, ...ownPartner });
  if (ownPartner) allowed.push({ confidentiality: AnswerConfidentiality.INTERVIEWER_ONLY, ...ownPartner });
  const byConfidentiality = { $or: allowed };
  return interviews === true ? byConfidentiality : { $and: [throughInterview(interviews as Record<string, unknown>), byConfidentiality] };
};

/** Grid versions: published ones for everyone who may call the API; drafts for those who manage grids. */
const gridRows: RowRule<GridVersion> = (rights) => rights.can(InterviewPermissions.grids.manage) || { status: GridVersionStatus.PUBLISHED };

export const INTERVIEW_VISIBILITY = [visibleTo(Interview, { rows: interviewRows }), visibleTo(InterviewAnswer, { rows: answerRows }), visibleTo(GridVersion, { rows: gridRows })];
