import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { Authorized, type Context } from '../../server/kit/index.js';
import { ImportOrganizationsInput } from './import.inputs.js';
import { ImportPermissions } from './import.permissions.js';
import { OrganizationImportReport } from './import.types.js';
import { ImportService } from './import.service.js';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from './import.limits.js';

@Resolver()
export class ImportResolver {
  @Authorized(ImportPermissions.organizations)
  @Mutation(() => OrganizationImportReport, {
    description:
      `Imports organizations from a spreadsheet (CSV or XLSX, at most ${MAX_IMPORT_BYTES / 1_048_576} MiB and ${MAX_IMPORT_ROWS} rows) with French headers: ` +
      'every row is checked by the rules of createOrganization; known organizations (same SIRET, else same RNA number, else same name and commune for rows and organizations with neither) are updated, ' +
      'others created, all in one transaction, with organizations.changed events. Nothing is written for a dry run, a file missing a required column, ' +
      'or any refused row unless skipInvalidRows. A file that cannot be read is refused as BAD_USER_INPUT. ' +
      'An upload (contentBase64) must also fit the HTTP body limit (MAX_BODY_BYTES, 1 MiB by default: a file of about 750 KB); larger files go through `path`.',
  })
  importOrganizations(
    @Arg('input', () => ImportOrganizationsInput, { description: 'The file and how to import it.' }) input: ImportOrganizationsInput,
    @Ctx() ctx: Context,
  ): Promise<OrganizationImportReport> {
    return ImportService.fromInput(ctx, input);
  }
}
