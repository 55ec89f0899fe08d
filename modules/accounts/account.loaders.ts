import type DataLoader from 'dataloader';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, childrenLoader } from '../../server/loaders.js';
import { Membership } from './membership.entity.js';
import { Person } from './person.entity.js';

declare module '../../server/context.js' {
  interface Loaders {
    personById: DataLoader<string, Person | null>;
    membershipsByPersonId: DataLoader<string, Membership[]>;
    membershipsByPartnerId: DataLoader<string, Membership[]>;
  }
}

export const accountLoaders = (em: SqlEntityManager) => ({
  personById: byIdLoader(em, Person),
  membershipsByPersonId: childrenLoader(em, Membership, 'person', { createdAt: 'asc', id: 'asc' }),
  membershipsByPartnerId: childrenLoader(em, Membership, 'partner', { role: 'asc', createdAt: 'asc', id: 'asc' }),
});
