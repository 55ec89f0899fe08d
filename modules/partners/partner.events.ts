import { defineEvent } from '../../server/events.js';

/** A partner, its criteria or its funding schemes changed. */
export const PartnerChanged = defineEvent<{ partnerId: string; change: 'CREATED' | 'UPDATED' }>('partners.changed');
