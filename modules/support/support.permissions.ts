import { definePermissions } from '../../server/kit/index.js';

/** What the support module lets roles do (administrators hold every permission); name them as `SupportPermissions.receive`. */
export const SupportPermissions = definePermissions('support', {
  read: { roles: ['MEMBER', 'MANAGER'], description: "See support requests: those shared by their holder, and those one's partner received (partners' people)." },
  receive: { roles: ['MEMBER', 'MANAGER'], description: "Record a support request received by one's own partner." },
  update: { roles: ['MEMBER', 'MANAGER'], description: 'Change a support request one may see: its content and its status.' },
  decide: { roles: ['MANAGER'], description: 'Validate the shared strategy of a request for the committee (managers of partners sitting in the technical committee).' },
  position: { roles: ['MEMBER', 'MANAGER'], description: "Record one's own partner's position on a support request one may see." },
});
