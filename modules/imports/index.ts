import { defineModule } from '../../server/kit/index.js';
import { ImportPermissions } from './import.permissions.js';
import { ImportResolver } from './import.resolver.js';
import { ImportService } from './import.service.js';

export { ImportPermissions, ImportService };
export { ImportFormat, OrganizationImportReport } from './import.types.js';
export { SpreadsheetError } from './spreadsheet.js';
export { COLUMN_SPECS, REQUIRED_FIELDS } from './columns.js';
export { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from './import.limits.js';

/** Imports of organizations from advisers' spreadsheets (CSV, XLSX) with a French column mapping. */
export default defineModule({
  name: 'imports',
  description: "Imports organizations from advisers' spreadsheets (CSV or XLSX) with a French column mapping, every row checked, all or nothing.",
  dependsOn: ['platform', 'territory', 'sectors', 'organizations'],
  entities: [],
  resolvers: [ImportResolver],
  permissions: ImportPermissions,
});
