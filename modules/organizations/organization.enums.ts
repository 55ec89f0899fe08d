import { registerEnumType } from 'type-graphql';
import { registerLabelledEnum } from '../../server/kit/index.js';

/**
 * Legal form (forme juridique) of an organization: the legal entity, not what the State approved it for.
 * Insertion kinds (ACI, AI, EI, ETTI) and other approvals are accreditations (`AccreditationKind`).
 */
export enum LegalForm {
  ASSOCIATION = 'ASSOCIATION',
  SCOP = 'SCOP',
  SCIC = 'SCIC',
  COOPERATIVE = 'COOPERATIVE',
  MUTUAL_HEALTH = 'MUTUAL_HEALTH',
  MUTUAL_INSURANCE = 'MUTUAL_INSURANCE',
  FOUNDATION = 'FOUNDATION',
  SARL = 'SARL',
  SAS = 'SAS',
  SA = 'SA',
  COMMUNE = 'COMMUNE',
  CCAS = 'CCAS',
  INDIVIDUAL = 'INDIVIDUAL',
}

/** French labels, for screens and letters. */
export const LEGAL_FORM_LABELS: Record<LegalForm, string> = {
  ASSOCIATION: 'Association loi 1901',
  SCOP: 'Société coopérative et participative (SCOP)',
  SCIC: "Société coopérative d'intérêt collectif (SCIC)",
  COOPERATIVE: 'Autre coopérative',
  MUTUAL_HEALTH: 'Mutuelle santé (code de la mutualité)',
  MUTUAL_INSURANCE: "Mutuelle d'assurance (code des assurances)",
  FOUNDATION: 'Fondation',
  SARL: 'SARL (société commerciale de l’ESS)',
  SAS: 'SAS (société commerciale de l’ESS)',
  SA: 'SA (société commerciale de l’ESS)',
  COMMUNE: 'Commune',
  CCAS: "Centre communal d'action sociale (CCAS)",
  INDIVIDUAL: 'Personne physique (porteur de projet individuel)',
};

registerLabelledEnum(LegalForm, {
  name: 'LegalForm',
  description: 'Legal form (forme juridique) of an organization. Insertion structures (ACI, AI, EI, ETTI) are accreditations held by an entity of one of these forms, not forms.',
  labels: LEGAL_FORM_LABELS,
});

/** The SSE family (famille de l'ESS) a legal form belongs to, as CRESS and INSEE count them. */
export enum EssFamily {
  ASSOCIATION = 'ASSOCIATION',
  COOPERATIVE = 'COOPERATIVE',
  MUTUAL = 'MUTUAL',
  FOUNDATION = 'FOUNDATION',
  COMMERCIAL_COMPANY = 'COMMERCIAL_COMPANY',
}

export const ESS_FAMILY_LABELS: Record<EssFamily, string> = {
  ASSOCIATION: 'Association',
  COOPERATIVE: 'Coopérative',
  MUTUAL: 'Mutuelle',
  FOUNDATION: 'Fondation',
  COMMERCIAL_COMPANY: "Société commerciale de l'ESS",
};

/** The family of each form; null: outside the SSE (a commune, a CCAS, a person). */
export const ESS_FAMILY_OF: Record<LegalForm, EssFamily | null> = {
  ASSOCIATION: EssFamily.ASSOCIATION,
  SCOP: EssFamily.COOPERATIVE,
  SCIC: EssFamily.COOPERATIVE,
  COOPERATIVE: EssFamily.COOPERATIVE,
  MUTUAL_HEALTH: EssFamily.MUTUAL,
  MUTUAL_INSURANCE: EssFamily.MUTUAL,
  FOUNDATION: EssFamily.FOUNDATION,
  SARL: EssFamily.COMMERCIAL_COMPANY,
  SAS: EssFamily.COMMERCIAL_COMPANY,
  SA: EssFamily.COMMERCIAL_COMPANY,
  COMMUNE: null,
  CCAS: null,
  INDIVIDUAL: null,
};

registerLabelledEnum(EssFamily, {
  name: 'EssFamily',
  description: "SSE family (famille de l'ESS): association, cooperative, mutual, foundation or commercial company of the SSE (loi du 31 juillet 2014).",
  labels: ESS_FAMILY_LABELS,
});

/** An agrément or conventionnement the State (or a département) grants to a legal entity, with dates. */
export enum AccreditationKind {
  SIAE_ACI = 'SIAE_ACI',
  SIAE_AI = 'SIAE_AI',
  SIAE_EI = 'SIAE_EI',
  SIAE_ETTI = 'SIAE_ETTI',
  ESUS = 'ESUS',
  EA = 'EA',
  ESAT = 'ESAT',
  SAP = 'SAP',
  JEP = 'JEP',
  GENERAL_INTEREST = 'GENERAL_INTEREST',
}

export const ACCREDITATION_LABELS: Record<AccreditationKind, string> = {
  SIAE_ACI: "Atelier et chantier d'insertion (ACI), conventionné par l'État",
  SIAE_AI: 'Association intermédiaire (AI), conventionnée par l’État',
  SIAE_EI: "Entreprise d'insertion (EI), conventionnée par l'État",
  SIAE_ETTI: "Entreprise de travail temporaire d'insertion (ETTI), conventionnée par l'État",
  ESUS: "Agrément Entreprise solidaire d'utilité sociale (ESUS)",
  EA: 'Entreprise adaptée (EA)',
  ESAT: "Établissement et service d'aide par le travail (ESAT)",
  SAP: 'Services à la personne (déclaration ou agrément SAP)',
  JEP: 'Agrément Jeunesse et éducation populaire (JEP)',
  GENERAL_INTEREST: "Reconnaissance d'intérêt général (reçus fiscaux de dons)",
};

/** The insertion conventionnements (SIAE): posts in full-time equivalents, automatic ESUS. */
export const SIAE_KINDS: readonly AccreditationKind[] = [AccreditationKind.SIAE_ACI, AccreditationKind.SIAE_AI, AccreditationKind.SIAE_EI, AccreditationKind.SIAE_ETTI];

/** The legal forms that may hold each accreditation (an AI is always an association; an ACI may be run by an association, a commune or a CCAS…). */
export const ACCREDITATION_HOLDERS: Record<AccreditationKind, readonly LegalForm[]> = {
  SIAE_ACI: [LegalForm.ASSOCIATION, LegalForm.COMMUNE, LegalForm.CCAS],
  SIAE_AI: [LegalForm.ASSOCIATION],
  SIAE_EI: [LegalForm.ASSOCIATION, LegalForm.SARL, LegalForm.SAS, LegalForm.SA, LegalForm.SCOP, LegalForm.SCIC, LegalForm.COOPERATIVE],
  SIAE_ETTI: [LegalForm.SARL, LegalForm.SAS, LegalForm.SA, LegalForm.SCOP, LegalForm.SCIC, LegalForm.COOPERATIVE, LegalForm.ASSOCIATION],
  ESUS: [
    LegalForm.ASSOCIATION,
    LegalForm.SCOP,
    LegalForm.SCIC,
    LegalForm.COOPERATIVE,
    LegalForm.MUTUAL_HEALTH,
    LegalForm.MUTUAL_INSURANCE,
    LegalForm.FOUNDATION,
    LegalForm.SARL,
    LegalForm.SAS,
    LegalForm.SA,
  ],
  EA: [LegalForm.ASSOCIATION, LegalForm.SARL, LegalForm.SAS, LegalForm.SA, LegalForm.SCOP, LegalForm.SCIC, LegalForm.COOPERATIVE, LegalForm.FOUNDATION, LegalForm.MUTUAL_HEALTH],
  ESAT: [LegalForm.ASSOCIATION, LegalForm.FOUNDATION, LegalForm.MUTUAL_HEALTH, LegalForm.CCAS],
  SAP: [LegalForm.ASSOCIATION, LegalForm.SCOP, LegalForm.SCIC, LegalForm.COOPERATIVE, LegalForm.SARL, LegalForm.SAS, LegalForm.SA, LegalForm.CCAS, LegalForm.INDIVIDUAL, LegalForm.MUTUAL_HEALTH],
  JEP: [LegalForm.ASSOCIATION, LegalForm.FOUNDATION],
  GENERAL_INTEREST: [LegalForm.ASSOCIATION, LegalForm.FOUNDATION],
};

registerLabelledEnum(AccreditationKind, {
  name: 'AccreditationKind',
  description: 'An agrément or conventionnement held by an organization, apart from its legal form.',
  labels: ACCREDITATION_LABELS,
});

/** Publics a project or a scheme is for. */
export enum TargetPublic {
  YOUTH = 'YOUTH',
  LONG_TERM_UNEMPLOYED = 'LONG_TERM_UNEMPLOYED',
  MINIMUM_INCOME = 'MINIMUM_INCOME',
  DISABLED = 'DISABLED',
  SENIORS = 'SENIORS',
  WOMEN = 'WOMEN',
  PRIORITY_DISTRICTS = 'PRIORITY_DISTRICTS',
  FAMILIES = 'FAMILIES',
  JOB_SEEKERS = 'JOB_SEEKERS',
}

export const TARGET_PUBLIC_LABELS: Record<TargetPublic, string> = {
  YOUTH: 'Jeunes (16–25 ans)',
  LONG_TERM_UNEMPLOYED: 'Demandeurs d’emploi de longue durée',
  MINIMUM_INCOME: 'Allocataires de minima sociaux (RSA)',
  DISABLED: 'Personnes en situation de handicap',
  SENIORS: 'Personnes âgées',
  WOMEN: 'Femmes (entrepreneuriat, égalité)',
  PRIORITY_DISTRICTS: 'Habitants des quartiers prioritaires (QPV)',
  FAMILIES: 'Familles',
  JOB_SEEKERS: 'Demandeurs d’emploi créateurs d’entreprise',
};

registerLabelledEnum(TargetPublic, { name: 'TargetPublic', description: 'A public a project serves or a scheme is reserved for (public cible).', labels: TARGET_PUBLIC_LABELS });

/** Where a project or an organization stands, at a date (a request's or an interview's). */
export enum Stage {
  EMERGENCE = 'EMERGENCE',
  CREATION = 'CREATION',
  DEVELOPMENT = 'DEVELOPMENT',
  CONSOLIDATION = 'CONSOLIDATION',
  RECOVERY = 'RECOVERY',
}

export const STAGE_LABELS: Record<Stage, string> = {
  EMERGENCE: 'Émergence',
  CREATION: 'Création',
  DEVELOPMENT: 'Développement',
  CONSOLIDATION: 'Consolidation',
  RECOVERY: 'Difficulté, rebond',
};

registerEnumType(Stage, {
  name: 'Stage',
  description: 'Stage of a project or organization (phase), at the date it was assessed.',
  valuesConfig: {
    EMERGENCE: { description: 'Émergence: an idea and a holder, before the project is set up.' },
    CREATION: { description: 'Création: the project is being set up or has just started.' },
    DEVELOPMENT: { description: 'Développement: growing its activity, jobs or reach.' },
    CONSOLIDATION: { description: 'Consolidation: securing its model, often a critical period.' },
    RECOVERY: { description: 'Difficulté, rebond: in difficulty, restructuring or recovering.' },
  },
});

/** Orders of the organizations directory. */
export enum OrganizationOrder {
  NAME = 'NAME',
  NAME_DESC = 'NAME_DESC',
  EMPLOYEES_DESC = 'EMPLOYEES_DESC',
  UPDATED_AT_DESC = 'UPDATED_AT_DESC',
}

registerEnumType(OrganizationOrder, {
  name: 'OrganizationOrder',
  description: 'How to sort the organizations directory (ties are broken by id).',
  valuesConfig: {
    NAME: { description: 'By name, A to Z.' },
    NAME_DESC: { description: 'By name, Z to A.' },
    EMPLOYEES_DESC: { description: 'Largest employers first.' },
    UPDATED_AT_DESC: { description: 'Most recently updated first.' },
  },
});
