import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { Organization } from './organization.entity.js';
import { Accreditation } from './accreditation.entity.js';
import type { AccreditationKind } from './organization.enums.js';

/**
 * Batch-shaped reads for whoever writes many organizations at once (an import): one statement per file,
 * not per row. They read without visibility rules, inside the writer's transaction.
 */
export const OrganizationLookups = {
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
