import { getMetadataStorage } from 'type-graphql';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { Accreditation, Organization, type AccreditationKind } from '../organizations/index.js';

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
 * 2. Batch lookups for a whole file, one statement each: `findByIdentifiers(em, { sirets, rnas })` (the
 *    import matches rows on SIRET, else RNA, else name and commune: `findUnidentified`) and the kinds of
 *    accreditation each organization holds (`accreditationKinds`). Meanwhile they read the entities the
 *    index exports. Same for `AccreditationInput` (point 1) and `addAccreditation`'s checks.
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

  /** An `AccreditationInput` holding `values`. */
  accreditationInput(values: Record<string, unknown>): Record<string, unknown> {
    return Object.assign(new (inputClass('AccreditationInput'))(), values) as Record<string, unknown>;
  },

  /** The organizations holding one of these SIRETs or RNA numbers, description included (an import compares it). */
  findByIdentifiers(em: SqlEntityManager, ids: { sirets: readonly string[]; rnas: readonly string[] }): Promise<Organization[]> {
    const or = [...(ids.sirets.length ? [{ siret: { $in: [...ids.sirets] } }] : []), ...(ids.rnas.length ? [{ rna: { $in: [...ids.rnas] } }] : [])];
    if (or.length === 0) return Promise.resolve([]);
    return em.find(Organization, { $or: or }, { populate: ['description'] });
  },

  /** Organizations with neither SIRET nor RNA named `names` in `communeIds` (rows without identifier match on name and commune). */
  findUnidentified(em: SqlEntityManager, names: readonly string[], communeIds: readonly string[]): Promise<Organization[]> {
    if (names.length === 0) return Promise.resolve([]);
    return em.find(Organization, { siret: null, rna: null, name: { $in: [...names] }, commune: { $in: [...communeIds] } }, { populate: ['description'] });
  },

  /** The kinds of accreditation each organization holds, whatever their dates. */
  async accreditationKinds(em: SqlEntityManager, organizationIds: readonly string[]): Promise<Map<string, Set<AccreditationKind>>> {
    const out = new Map<string, Set<AccreditationKind>>();
    if (organizationIds.length === 0) return out;
    for (const a of await em.find(Accreditation, { organization: { $in: [...organizationIds] } }, { fields: ['kind', 'organization'] })) {
      const kinds = out.get(a.organization.id) ?? new Set<AccreditationKind>();
      kinds.add(a.kind);
      out.set(a.organization.id, kinds);
    }
    return out;
  },
};
