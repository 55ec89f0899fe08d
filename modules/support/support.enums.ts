import { registerLabelledEnum } from '../../server/kit/index.js';

/** How a request reached the platform (circuit de captage). */
export enum IntakeChannel {
  PARTNER_OFFICE = 'PARTNER_OFFICE',
  PROACTIVE_VISIT = 'PROACTIVE_VISIT',
  WEB_FORM = 'WEB_FORM',
  EVENT = 'EVENT',
  PARTNER_REFERRAL = 'PARTNER_REFERRAL',
  PLATFORM_OUTREACH = 'PLATFORM_OUTREACH',
}

export const INTAKE_CHANNEL_LABELS: Record<IntakeChannel, string> = {
  PARTNER_OFFICE: 'Accueil chez un partenaire',
  PROACTIVE_VISIT: 'Visite de la démarche proactive',
  WEB_FORM: 'Formulaire en ligne',
  EVENT: 'Événement (Mois de l’ESS, forum…)',
  PARTNER_REFERRAL: 'Orientation par un autre partenaire',
  PLATFORM_OUTREACH: 'Captage de projets par la plate-forme',
};

registerLabelledEnum(IntakeChannel, { name: 'IntakeChannel', description: 'How a support request reached the platform (circuit de captage).', labels: INTAKE_CHANNEL_LABELS });

/** Where a request stands in the collective review. */
export enum SupportStatus {
  RECEIVED = 'RECEIVED',
  QUALIFIED = 'QUALIFIED',
  SCHEDULED = 'SCHEDULED',
  UNDER_REVIEW = 'UNDER_REVIEW',
  STRATEGY_VALIDATED = 'STRATEGY_VALIDATED',
  IN_FOLLOW_UP = 'IN_FOLLOW_UP',
  CLOSED = 'CLOSED',
  WITHDRAWN = 'WITHDRAWN',
  REDIRECTED = 'REDIRECTED',
}

export const SUPPORT_STATUS_LABELS: Record<SupportStatus, string> = {
  RECEIVED: 'reçue',
  QUALIFIED: 'qualifiée',
  SCHEDULED: 'inscrite à l’examen collectif',
  UNDER_REVIEW: 'en cours d’examen',
  STRATEGY_VALIDATED: 'stratégie validée',
  IN_FOLLOW_UP: 'en suivi',
  CLOSED: 'clôturée',
  WITHDRAWN: 'retirée par le porteur',
  REDIRECTED: 'réorientée',
};

registerLabelledEnum(SupportStatus, { name: 'SupportStatus', description: 'Status of a support request in the collective review.', labels: SUPPORT_STATUS_LABELS });

/** Statuses from which nothing moves. */
export const FINAL_STATUSES: readonly SupportStatus[] = [SupportStatus.CLOSED, SupportStatus.WITHDRAWN, SupportStatus.REDIRECTED];
/** Statuses of a request still being handled (the committee's working list). */
export const OPEN_STATUSES: readonly SupportStatus[] = Object.values(SupportStatus).filter((s) => !FINAL_STATUSES.includes(s));

/** A partner's position on a request (positionnement). */
export enum PositionKind {
  WILL_SUPPORT = 'WILL_SUPPORT',
  CONDITIONAL = 'CONDITIONAL',
  OUTSIDE_CRITERIA = 'OUTSIDE_CRITERIA',
  NEEDS_INFORMATION = 'NEEDS_INFORMATION',
  REDIRECTS = 'REDIRECTS',
  ABSTAINS = 'ABSTAINS',
}

export const POSITION_KIND_LABELS: Record<PositionKind, string> = {
  WILL_SUPPORT: 'intervient',
  CONDITIONAL: 'intervient sous conditions (si un autre partenaire intervient)',
  OUTSIDE_CRITERIA: 'n’intervient pas : hors de ses critères',
  NEEDS_INFORMATION: 'attend des informations ou des pièces',
  REDIRECTS: 'oriente vers un autre partenaire',
  ABSTAINS: 's’abstient (conflit d’intérêts)',
};

registerLabelledEnum(PositionKind, { name: 'PositionKind', description: "A partner's position on a support request.", labels: POSITION_KIND_LABELS });

/** Where an action of the plan stands. */
export enum ActionStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  PLANNED: 'prévue',
  IN_PROGRESS: 'en cours',
  DONE: 'réalisée',
  CANCELLED: 'abandonnée',
};

registerLabelledEnum(ActionStatus, { name: 'ActionStatus', description: 'Status of an action of the shared action plan.', labels: ACTION_STATUS_LABELS });

/** What a document attached to a request is (the documents a financial request needs, and others). */
export enum DocumentKind {
  STATUTES = 'STATUTES',
  ANNUAL_ACCOUNTS = 'ANNUAL_ACCOUNTS',
  CASH_PLAN = 'CASH_PLAN',
  BUDGET = 'BUDGET',
  FINANCING_PLAN = 'FINANCING_PLAN',
  GENERAL_ASSEMBLY_MINUTES = 'GENERAL_ASSEMBLY_MINUTES',
  BUSINESS_PLAN = 'BUSINESS_PLAN',
  QUOTE = 'QUOTE',
  OTHER = 'OTHER',
}

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  STATUTES: 'statuts à jour',
  ANNUAL_ACCOUNTS: 'comptes annuels (bilan et compte de résultat)',
  CASH_PLAN: 'plan de trésorerie sur 12 mois',
  BUDGET: 'budget prévisionnel',
  FINANCING_PLAN: 'plan de financement du projet',
  GENERAL_ASSEMBLY_MINUTES: 'procès-verbal de la dernière assemblée générale',
  BUSINESS_PLAN: 'dossier de présentation du projet',
  QUOTE: 'devis',
  OTHER: 'autre document',
};

registerLabelledEnum(DocumentKind, { name: 'DocumentKind', description: 'What a document attached to a support request is.', labels: DOCUMENT_KIND_LABELS });

/** Why a partner was asked for its position on a request (as Conseillers-Entreprises sends a need to selected experts). */
export enum InvitationReason {
  MATCHED = 'MATCHED',
  RECEIVING = 'RECEIVING',
  ADDED = 'ADDED',
}

export const INVITATION_REASON_LABELS: Record<InvitationReason, string> = {
  MATCHED: 'proposé par le rapprochement avec ses critères',
  RECEIVING: 'a reçu la demande',
  ADDED: 'sollicité par le comité',
};

registerLabelledEnum(InvitationReason, { name: 'InvitationReason', description: 'Why a partner was asked for its position on a support request.', labels: INVITATION_REASON_LABELS });
