import { registerEnumType } from 'type-graphql';

/** How the holder gave (or withdrew) consent. */
export enum ConsentMethod {
  WRITTEN_FORM = 'WRITTEN_FORM',
  SIGNED_AGREEMENT = 'SIGNED_AGREEMENT',
  EMAIL = 'EMAIL',
  ONLINE_FORM = 'ONLINE_FORM',
  ORAL = 'ORAL',
}

/** Ways that leave a written trace: the only ones accepted to record consent given. */
export const WRITTEN_CONSENT_METHODS: ReadonlySet<ConsentMethod> = new Set([ConsentMethod.WRITTEN_FORM, ConsentMethod.SIGNED_AGREEMENT, ConsentMethod.EMAIL, ConsentMethod.ONLINE_FORM]);

registerEnumType(ConsentMethod, {
  name: 'ConsentMethod',
  description: 'How the holder expressed consent. Consent given must be written; a withdrawal may also be oral.',
  valuesConfig: {
    WRITTEN_FORM: { description: 'Formulaire de consentement signé par le porteur.' },
    SIGNED_AGREEMENT: { description: "Convention ou contrat d'accompagnement signé comportant la clause de partage." },
    EMAIL: { description: 'Courriel du porteur, conservé par le partenaire.' },
    ONLINE_FORM: { description: 'Formulaire en ligne validé par le porteur.' },
    ORAL: { description: 'Déclaration orale (retrait du consentement seulement).' },
  },
});
