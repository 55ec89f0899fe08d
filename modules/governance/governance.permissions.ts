import { definePermissions } from '../../server/kit/index.js';

/**
 * What the governance module lets roles do (administrators hold every permission). `manage` and `run`
 * are further kept by the service to the body's chair and secretary (the person named, or a manager of
 * the partner holding the role); `vote` to the voting members' people.
 */
export const GovernancePermissions = definePermissions('governance', {
  read: { roles: ['MEMBER', 'MANAGER'], description: "See the governance bodies, their sessions and minutes (partners' people)." },
  manage: { roles: ['MEMBER', 'MANAGER'], description: "Change a body's rules and members, schedule its sessions and agenda (its chair and secretary; creating a body: administrators)." },
  run: { roles: ['MEMBER', 'MANAGER'], description: 'Run a session live: open, start items, record attendance, decide, suspend, close (the body’s chair and secretary).' },
  vote: { roles: ['MEMBER', 'MANAGER'], description: "Cast one's own partner's vote in a session of a body it sits on with a vote." },
});
