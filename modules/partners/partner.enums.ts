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
  QUASI_EQUITY = 'QUASI_EQUITY',
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
    GUARANTEE: { description: 'Garantie: guarantee of part of a bank loan (its rate in `guaranteeRate`).' },
    QUASI_EQUITY: { description: "Quasi-fonds propres: prêt participatif, contrat d'apport associatif, titres participatifs (long-term money counted with equity, no voting right)." },
    EQUITY: { description: 'Fonds propres: shares of the capital (parts sociales, actions), with a seat among the members.' },
    SUPPORT_PROGRAMME: { description: "Programme d'accompagnement: coaching, training, incubation (non-financial)." },
  },
});

/** What the money or the help is for (type de besoin). */
export enum NeedType {
  INVESTMENT = 'INVESTMENT',
  WORKING_CAPITAL = 'WORKING_CAPITAL',
  OPERATIONS = 'OPERATIONS',
  TECHNICAL_SUPPORT = 'TECHNICAL_SUPPORT',
}

export const NEED_TYPE_LABELS: Record<NeedType, string> = {
  INVESTMENT: 'investissement',
  WORKING_CAPITAL: 'besoin en fonds de roulement',
  OPERATIONS: 'fonctionnement',
  TECHNICAL_SUPPORT: 'accompagnement technique',
};

/** The same, with their article, for a sentence ("le dispositif finance l'investissement et le besoin en fonds de roulement"). */
export const NEED_TYPE_PHRASES: Record<NeedType, string> = {
  INVESTMENT: "l'investissement",
  WORKING_CAPITAL: 'le besoin en fonds de roulement',
  OPERATIONS: 'le fonctionnement',
  TECHNICAL_SUPPORT: "l'accompagnement technique",
};

registerEnumType(NeedType, {
  name: 'NeedType',
  description: 'What a project needs, or a scheme finances (type de besoin).',
  valuesConfig: {
    INVESTMENT: { description: 'Investissement: equipment, works, premises, vehicles.' },
    WORKING_CAPITAL: { description: 'Besoin en fonds de roulement: cash to bridge the gap between expenses and receipts (subsidies paid late).' },
    OPERATIONS: { description: 'Fonctionnement: running costs, posts, an action or a project.' },
    TECHNICAL_SUPPORT: { description: 'Accompagnement technique: diagnosis, advice, training, coaching (non-financial).' },
  },
});

/** The axes on which criteria or a scheme restrict who they are for. */
export enum CriterionAxis {
  PARTNER = 'PARTNER',
  SECTOR = 'SECTOR',
  STAGE = 'STAGE',
  LEGAL_FORM = 'LEGAL_FORM',
  ACCREDITATION = 'ACCREDITATION',
  EMPLOYER = 'EMPLOYER',
  SIZE = 'SIZE',
  AGE = 'AGE',
  PUBLICS = 'PUBLICS',
  NEED_TYPE = 'NEED_TYPE',
  AMOUNT = 'AMOUNT',
  CO_FINANCING = 'CO_FINANCING',
  GEOGRAPHY = 'GEOGRAPHY',
}

/** How many axes there are: the most checks one set of criteria or one scheme gives. */
export const CRITERION_AXES = Object.keys(CriterionAxis).length;

registerEnumType(CriterionAxis, {
  name: 'CriterionAxis',
  description: 'An axis of intervention criteria or of a scheme’s eligibility, checked by the matching.',
  valuesConfig: {
    PARTNER: { description: "The partner's own criteria (a scheme is proposed only when some criteria of its partner are met)." },
    SECTOR: { description: 'Sectors (filières) covered.' },
    STAGE: { description: 'Stages of the project covered.' },
    LEGAL_FORM: { description: 'Legal forms covered, checked against the target legal form of the project when one is given.' },
    ACCREDITATION: { description: 'Accreditations of which the holder must hold one (agréments, conventionnements).' },
    EMPLOYER: { description: 'Reserved to employers (at least one employee).' },
    SIZE: { description: 'Number of employees (smallest, largest).' },
    AGE: { description: 'Age of the structure in years, at the reference date (youngest, oldest).' },
    PUBLICS: { description: 'Publics served (any of them).' },
    NEED_TYPE: { description: 'Types of need financed (any of them).' },
    AMOUNT: { description: 'Amount sought (smallest, largest).' },
    CO_FINANCING: { description: 'Another funder must take part (co-financing secured).' },
    GEOGRAPHY: { description: 'Where the project is: communes, intercommunalities, départements, régions.' },
  },
});

/** A legal frame of State aid, with ceilings that change over time (`StateAidRule`). */
export enum StateAidFrame {
  DE_MINIMIS_GENERAL = 'DE_MINIMIS_GENERAL',
  DE_MINIMIS_SIEG = 'DE_MINIMIS_SIEG',
}

registerEnumType(StateAidFrame, {
  name: 'StateAidFrame',
  description: 'European State-aid frame a public scheme is granted under (the ceilings in force are `StateAidRule` rows).',
  valuesConfig: {
    DE_MINIMIS_GENERAL: { description: 'Aides de minimis (general regulation): a ceiling per undertaking over three years.' },
    DE_MINIMIS_SIEG: { description: "Aides de minimis SIEG: services d'intérêt économique général, a higher ceiling over three years." },
  },
});
