import DataLoader from 'dataloader';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, childrenLoader, type KeyedLoader } from '../../server/loaders.js';
import { readMany } from '../../server/read.js';
import { FundingScheme } from './funding-scheme.entity.js';
import { InterventionCriteria } from './intervention-criteria.entity.js';
import { Partner } from './partner.entity.js';

declare module '../../server/context.js' {
  interface Loaders {
    partnerById: KeyedLoader<Partner | null>;
    criteriaByPartnerId: KeyedLoader<InterventionCriteria[]>;
    fundingSchemesByPartnerId: KeyedLoader<FundingScheme[]>;
    fundingSchemeById: KeyedLoader<FundingScheme | null>;
    /** Every criteria of active partners, loaded once per operation (matching). */
    activeCriteria: DataLoader<'all', InterventionCriteria[]>;
  }
}

export const partnerLoaders = (em: SqlEntityManager) => ({
  partnerById: byIdLoader(em, Partner),
  criteriaByPartnerId: childrenLoader(em, InterventionCriteria, 'partner', { label: 'asc', id: 'asc' }),
  fundingSchemesByPartnerId: childrenLoader(em, FundingScheme, 'partner', { name: 'asc', id: 'asc' }),
  fundingSchemeById: byIdLoader(em, FundingScheme),
  activeCriteria: new DataLoader<'all', InterventionCriteria[]>(async (keys) => {
    const all = await readMany(em, InterventionCriteria, { partner: { active: true } });
    return keys.map(() => all);
  }),
});
