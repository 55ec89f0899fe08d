import { registerEnumType } from 'type-graphql';

/** What a partner is to the platform. */
export enum PartnerKind {
  FUNDER = 'FUNDER',
  EXPERT = 'EXPERT',
  TECHNICAL_PARTNER = 'TECHNICAL_PARTNER',
  SSE_REPRESENTATIVE = 'SSE_REPRESENTATIVE',
  HOST = 'HOST',
}

registerEnumType(PartnerKind, {
  name: 'PartnerKind',
  description: 'Kind of partner of the platform.',
  valuesConfig: {
    FUNDER: { description: 'Financeur: public body, solidarity finance or bank that can mobilise funding schemes.' },
    EXPERT: { description: 'Expert: support structure bringing expertise (regional networks, federations).' },
    TECHNICAL_PARTNER: { description: 'Partenaire technique: incubator, business nursery, seed service, local development agency.' },
    SSE_REPRESENTATIVE: { description: "Représentant de l'ESS: association, cooperative bank or mutual insurer witnessing for the sector." },
    HOST: { description: "Structure porteuse: runs the platform (the Maison de l'Emploi et de la Formation)." },
  },
});

/** Kinds of funding schemes (dispositifs). */
export enum FundingSchemeKind {
  GRANT = 'GRANT',
  LOAN = 'LOAN',
  HONOUR_LOAN = 'HONOUR_LOAN',
  GUARANTEE = 'GUARANTEE',
  EQUITY = 'EQUITY',
  SUPPORT_PROGRAMME = 'SUPPORT_PROGRAMME',
}

registerEnumType(FundingSchemeKind, {
  name: 'FundingSchemeKind',
  description: 'Kind of funding scheme (dispositif).',
  valuesConfig: {
    GRANT: { description: 'Subvention.' },
    LOAN: { description: 'Prêt (including solidarity loans).' },
    HONOUR_LOAN: { description: "Prêt d'honneur: interest-free personal loan to the holder." },
    GUARANTEE: { description: 'Garantie: guarantee of a bank loan.' },
    EQUITY: { description: 'Apport en fonds propres or quasi-equity (titres participatifs, parts sociales).' },
    SUPPORT_PROGRAMME: { description: "Programme d'accompagnement: coaching, training, incubation (non-financial)." },
  },
});
