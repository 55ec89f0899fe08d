import { defineEvent } from '../../server/kit/index.js';

/** An organization was created, changed, or its contacts changed. */
export const OrganizationChanged = defineEvent<{ organizationId: string; change: 'CREATED' | 'UPDATED' }>('organizations.changed');
