import { definePermissions } from '../../server/kit/index.js';

/** What the imports module lets roles do; name them as `ImportPermissions.organizations`. */
export const ImportPermissions = definePermissions('imports', {
  // Writing many organizations at once: platform administrators (who hold every permission) and
  // partners' managers, as for the partners' own settings; members register organizations one by one.
  organizations: { roles: ['MANAGER'], description: 'Import organizations from a spreadsheet (CSV or XLSX): create new ones, update known ones.' },
});
