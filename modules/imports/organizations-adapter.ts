import { getMetadataStorage } from 'type-graphql';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { Organization } from '../organizations/index.js';

/*
 * ADAPTER: TO BE MOVED INTO modules/organizations BY ITS OWNER, then deleted here.
 *
 * What an import needs of the organizations module that its index.ts does not export yet:
 *
 * 1. Its input classes, `CreateOrganizationInput` and `UpdateOrganizationInput`, so that a row is checked
 *    by the very class-validator rules a GraphQL call is checked by (`inputProblems` of the kit), and no
 *    rule is written twice. Wanted: `export { CreateOrganizationInput, UpdateOrganizationInput } from
 *    './organization.inputs.js'` in modules/organizations/index.ts. Meanwhile they are found by their
 *    GraphQL names in type-graphql's metadata (the classes are decorated when the module loads).
 *
 * 2. A batch lookup by identifier: `OrganizationService.findByIdentifiers(em, { sirets, rnas })`, one
 *    statement for a whole file (the import matches rows on SIRET, else RNA, else name and commune).
 *    Meanwhile `findBySirets` below reads the entity the index exports.
 *
 * The service's own checks (sector, commune of the perimeter, SIRET not taken, year not in the future)
 * are run by calling `OrganizationService.create` / `update` inside the import's one transaction, which
 * is rolled back for a dry run or a refused file: a `validate(ctx, input)` that runs them without writing
 * would save the rollback, but is not needed for correctness.
 */

type InputClass = new () => object;

function inputClass(name: string): InputClass {
  const storage = getMetadataStorage() as unknown as { inputTypes: { name: string; target: Function }[] };
  const found = storage.inputTypes.find((t) => t.name === name);
  if (!found) throw new Error(`The organizations module declares no input type ${name}: the import cannot check rows`);
  return found.target as InputClass;
}

export const OrganizationsAdapter = {
  /** A `CreateOrganizationInput` holding `values` (unknown keys are not set). */
  createInput(values: Record<string, unknown>): Record<string, unknown> {
    return Object.assign(new (inputClass('CreateOrganizationInput'))(), values) as Record<string, unknown>;
  },

  /** An `UpdateOrganizationInput` holding `values`. */
  updateInput(values: Record<string, unknown>): Record<string, unknown> {
    return Object.assign(new (inputClass('UpdateOrganizationInput'))(), values) as Record<string, unknown>;
  },

  /** The organizations holding these SIRETs, description included (an import compares it). */
  findBySirets(em: SqlEntityManager, sirets: readonly string[]): Promise<Organization[]> {
    if (sirets.length === 0) return Promise.resolve([]);
    return em.find(Organization, { siret: { $in: [...sirets] } }, { populate: ['description'] });
  },

  /** Organizations with no SIRET named `names` in `communeIds` (rows without identifier match on name and commune). */
  findUnidentified(em: SqlEntityManager, names: readonly string[], communeIds: readonly string[]): Promise<Organization[]> {
    if (names.length === 0) return Promise.resolve([]);
    return em.find(Organization, { siret: null, name: { $in: [...names] }, commune: { $in: [...communeIds] } }, { populate: ['description'] });
  },
};
