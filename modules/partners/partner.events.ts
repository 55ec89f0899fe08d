import { defineEvent } from '../../server/kit/index.js';

/** A partner, its criteria or its funding schemes changed. */
export const PartnerChanged = defineEvent<{ partnerId: string; change: 'CREATED' | 'UPDATED' }>('partners.changed');
