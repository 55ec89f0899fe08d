import { definePermissions } from '../../server/kit/index.js';

/** What the interview-grids module lets roles do (administrators hold every permission). */
export const InterviewPermissions = definePermissions('interview-grids', {
  read: { roles: ['MEMBER', 'MANAGER'], description: "See interviews (partners' people): those of organizations that consented to share, and their own partner's." },
  conduct: { roles: ['MEMBER', 'MANAGER'], description: "Start an interview for one's partner, save its answers and complete it." },
  validate: { roles: ['MANAGER'], description: "Validate a completed interview of one's partner." },
  committee: {
    // MEMBER is the role that sits in the platform's bodies for a partner and sees confidential material.
    read: { roles: ['MEMBER'], description: 'Sit in the committee: read the answers marked partnerAndCommittee (financial figures) of every interview one may see.' },
  },
  grids: {
    manage: { roles: [], description: 'Create, publish grid versions and set their rules (administrators).' },
  },
});
