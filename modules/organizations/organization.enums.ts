import { registerEnumType } from 'type-graphql';

/** Legal form (forme juridique) of an SSE organization. */
export enum LegalForm {
  ASSOCIATION = 'ASSOCIATION',
  MUTUAL = 'MUTUAL',
  SCOP = 'SCOP',
  SCIC = 'SCIC',
  COOPERATIVE = 'COOPERATIVE',
  SARL = 'SARL',
  SAS = 'SAS',
  FOUNDATION = 'FOUNDATION',
  SIAE_ACI = 'SIAE_ACI',
  SIAE_EI = 'SIAE_EI',
  SIAE_ETTI = 'SIAE_ETTI',
  SIAE_AI = 'SIAE_AI',
}

/** French labels, for screens and letters. */
export const LEGAL_FORM_LABELS: Record<LegalForm, string> = {
  ASSOCIATION: 'Association loi 1901',
  MUTUAL: 'Mutuelle',
  SCOP: 'Société coopérative et participative (SCOP)',
  SCIC: "Société coopérative d'intérêt collectif (SCIC)",
  COOPERATIVE: 'Autre coopérative',
  SARL: 'SARL (entreprise de l’ESS)',
  SAS: 'SAS (entreprise de l’ESS)',
  FOUNDATION: 'Fondation',
  SIAE_ACI: "Atelier et chantier d'insertion (ACI)",
  SIAE_EI: "Entreprise d'insertion (EI)",
  SIAE_ETTI: "Entreprise de travail temporaire d'insertion (ETTI)",
  SIAE_AI: 'Association intermédiaire (AI)',
};

registerEnumType(LegalForm, {
  name: 'LegalForm',
  description: "Legal form (forme juridique) of an organization. SIAE_* are the kinds of insertion structures (structures d'insertion par l'activité économique).",
  valuesConfig: Object.fromEntries(Object.entries(LEGAL_FORM_LABELS).map(([k, v]) => [k, { description: v }])) as never,
});

/** Where a project or an organization stands. */
export enum Stage {
  CREATION = 'CREATION',
  DEVELOPMENT = 'DEVELOPMENT',
  CONSOLIDATION = 'CONSOLIDATION',
}

export const STAGE_LABELS: Record<Stage, string> = {
  CREATION: 'Création',
  DEVELOPMENT: 'Développement',
  CONSOLIDATION: 'Consolidation',
};

registerEnumType(Stage, {
  name: 'Stage',
  description: 'Stage of a project or organization (phase): creation, development or consolidation.',
  valuesConfig: {
    CREATION: { description: 'Création: the project is being set up or has just started.' },
    DEVELOPMENT: { description: 'Développement: growing its activity, jobs or reach.' },
    CONSOLIDATION: { description: 'Consolidation: securing its model, often a critical period.' },
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
