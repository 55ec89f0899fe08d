import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, childrenLoader, type KeyedLoader } from '../../server/loaders.js';
import { Membership } from './membership.entity.js';
import { Person } from './person.entity.js';

declare module '../../server/context.js' {
  interface Loaders {
    personById: KeyedLoader<Person | null>;
    membershipsByPersonId: KeyedLoader<Membership[]>;
    membershipsByPartnerId: KeyedLoader<Membership[]>;
  }
}

export const accountLoaders = (em: SqlEntityManager) => ({
  personById: byIdLoader(em, Person),
  membershipsByPersonId: childrenLoader(em, Membership, 'person', { createdAt: 'asc', id: 'asc' }),
  membershipsByPartnerId: childrenLoader(em, Membership, 'partner', { role: 'asc', createdAt: 'asc', id: 'asc' }),
});
