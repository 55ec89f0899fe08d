/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** An agrément or conventionnement held by an organization, apart from its legal form. */
export type AccreditationKind =
  /** Entreprise adaptée (EA) */
  | 'EA'
  /** Établissement et service d'aide par le travail (ESAT) */
  | 'ESAT'
  /** Agrément Entreprise solidaire d'utilité sociale (ESUS) */
  | 'ESUS'
  /** Reconnaissance d'intérêt général (reçus fiscaux de dons) */
  | 'GENERAL_INTEREST'
  /** Agrément Jeunesse et éducation populaire (JEP) */
  | 'JEP'
  /** Services à la personne (déclaration ou agrément SAP) */
  | 'SAP'
  /** Atelier et chantier d'insertion (ACI), conventionné par l'État */
  | 'SIAE_ACI'
  /** Association intermédiaire (AI), conventionnée par l’État */
  | 'SIAE_AI'
  /** Entreprise d'insertion (EI), conventionnée par l'État */
  | 'SIAE_EI'
  /** Entreprise de travail temporaire d'insertion (ETTI), conventionnée par l'État */
  | 'SIAE_ETTI';

/** Status of an action of the shared action plan. */
export type ActionStatus =
  /** abandonnée */
  | 'CANCELLED'
  /** réalisée */
  | 'DONE'
  /** en cours */
  | 'IN_PROGRESS'
  /** prévue */
  | 'PLANNED';

/** What an agenda item is about. */
export type AgendaItemKind =
  /** Any other item. */
  | 'OTHER'
  /** A support request to review. */
  | 'SUPPORT_REQUEST';

/** Where an agenda item stands. */
export type AgendaItemState =
  /** Decided (approved or rejected). */
  | 'DECIDED'
  /** Deferred to a later session. */
  | 'DEFERRED'
  /** In discussion (the session’s current item). */
  | 'IN_DISCUSSION'
  /** Not discussed yet. */
  | 'PENDING';

/** A member’s attendance at a session (PRESENT and REMOTE count for the quorum). */
export type AttendanceStatus =
  /** Absent. */
  | 'ABSENT'
  /** Excusé. */
  | 'EXCUSED'
  /** Présent. */
  | 'PRESENT'
  /** À distance. */
  | 'REMOTE';

/** The holder's decision to share (or not) its contact people and file with the platform's partners, with who, when and how. */
export type ConsentInput = {
  /** True: the holder consents; false: the holder refuses or withdraws consent. */
  given: boolean;
  /** How the holder expressed it; consent given must be written (ORAL only for a withdrawal). */
  method: ConsentMethod;
  /** Where the proof is kept, any detail (French). */
  note?: string | null | undefined;
  /** The day the holder expressed it (not in the future). */
  obtainedOn: unknown;
  /** The partner on whose behalf you record it: one of yours; required when you belong to several partners. */
  partnerId?: string | number | null | undefined;
  /** What the data is shared for, as told to the holder (French); omitted: the platform’s collective review and support. */
  purpose?: string | null | undefined;
  /** Until when the data is kept, for consent given; omitted: 3 years after the day it was obtained (CNIL guidance). */
  retainUntil?: unknown;
  /** What the decision covers: which data, shared with whom (French); omitted: contacts and file, with the platform’s partners. */
  scope?: string | null | undefined;
};

/** How the holder expressed consent. Consent given must be written; a withdrawal may also be oral. */
export type ConsentMethod =
  /** Courriel du porteur, conservé par le partenaire. */
  | 'EMAIL'
  /** Formulaire en ligne validé par le porteur. */
  | 'ONLINE_FORM'
  /** Déclaration orale (retrait du consentement seulement). */
  | 'ORAL'
  /** Convention ou contrat d'accompagnement signé comportant la clause de partage. */
  | 'SIGNED_AGREEMENT'
  /** Formulaire de consentement signé par le porteur. */
  | 'WRITTEN_FORM';

/** A new organization or project holder. */
export type CreateOrganizationInput = {
  /** Street address, e.g. "12 rue de la Paix". */
  address?: string | null | undefined;
  /** Commune id. */
  communeId: string | number;
  /** The holder's consent, with who, when and how (needs `organizations.consent.record`, as `recordOrganizationConsent`); omitted: no consent. */
  consent?: ConsentInput | null | undefined;
  /** Contact people. */
  contacts?: Array<OrganizationContactInput> | null | undefined;
  /** Day of creation (not in the future). */
  creationDate?: unknown;
  /** What the organization does (French). */
  description?: string | null | undefined;
  /** Public e-mail address. */
  email?: string | null | undefined;
  /** Number of employees (0 by default, at most 100,000); null is refused. */
  employees?: number | null | undefined;
  /** Year of creation (set from `creationDate` when that is given). */
  foundedYear?: number | null | undefined;
  /** True for the head office, false for a secondary establishment. */
  headOffice?: boolean | null | undefined;
  /** Legal form. */
  legalForm: LegalForm;
  /** NAF rev. 2 code (code APE), e.g. "88.99B" or "8899B". */
  nafCode?: string | null | undefined;
  /** Name. */
  name: string;
  /** Other sectors (codes or ids) besides the main one, at most 4. */
  otherSectors?: Array<string> | null | undefined;
  /** Public phone number. */
  phone?: string | null | undefined;
  /** Postal code (5 digits). */
  postalCode?: string | null | undefined;
  /** Name of the priority district (QPV) the address is in; null when none. */
  priorityDistrict?: string | null | undefined;
  /** Publics the organization serves. */
  publics?: Array<TargetPublic> | null | undefined;
  /** RNA number of an association: W and 9 characters, e.g. "W623001234". */
  rna?: string | null | undefined;
  /** Sector code or id. */
  sector: string;
  /** SIRET (14 digits, spaces allowed); null or omitted for a project not yet registered. */
  siret?: string | null | undefined;
  /** Stage. */
  stage: Stage;
  /** Website URL (http or https, at most 300 characters). */
  website?: string | null | undefined;
};

/** An axis of intervention criteria or of a scheme’s eligibility, checked by the matching. */
export type CriterionAxis =
  /** Accreditations of which the holder must hold one (agréments, conventionnements). */
  | 'ACCREDITATION'
  /** Age of the structure in years, at the reference date (youngest, oldest). */
  | 'AGE'
  /** Amount sought (smallest, largest). */
  | 'AMOUNT'
  /** Another funder must take part (co-financing secured). */
  | 'CO_FINANCING'
  /** Reserved to employers (at least one employee). */
  | 'EMPLOYER'
  /** Where the project is: communes, intercommunalities, départements, régions. */
  | 'GEOGRAPHY'
  /** Legal forms covered, checked against the target legal form of the project when one is given. */
  | 'LEGAL_FORM'
  /** Types of need financed (any of them). */
  | 'NEED_TYPE'
  /** The partner's own criteria (a scheme is proposed only when some criteria of its partner are met). */
  | 'PARTNER'
  /** Publics served (any of them). */
  | 'PUBLICS'
  /** Sectors (filières) covered. */
  | 'SECTOR'
  /** Number of employees (smallest, largest). */
  | 'SIZE'
  /** Stages of the project covered. */
  | 'STAGE';

/** How a decision is taken. */
export type DecisionMode =
  /** By consensus, without recorded votes. */
  | 'CONSENSUS'
  /** By recorded votes of the voting members, under the body’s majority. */
  | 'VOTE';

/** What a body decided on an item. */
export type DecisionOutcome =
  /** Adopté / validé. */
  | 'APPROVED'
  /** Ajourné. */
  | 'DEFERRED'
  /** Rejeté. */
  | 'REJECTED';

/** SSE family (famille de l'ESS): association, cooperative, mutual, foundation or commercial company of the SSE (loi du 31 juillet 2014). */
export type EssFamily =
  /** Association */
  | 'ASSOCIATION'
  /** Société commerciale de l'ESS */
  | 'COMMERCIAL_COMPANY'
  /** Coopérative */
  | 'COOPERATIVE'
  /** Fondation */
  | 'FOUNDATION'
  /** Mutuelle */
  | 'MUTUAL';

/** Kind of funding scheme (dispositif). */
export type FundingSchemeKind =
  /** Fonds propres: shares of the capital (parts sociales, actions), with a seat among the members. */
  | 'EQUITY'
  /** Subvention. */
  | 'GRANT'
  /** Garantie: guarantee of part of a bank loan (its rate in `guaranteeRate`). */
  | 'GUARANTEE'
  /** Prêt d'honneur: interest-free personal loan to the holder. */
  | 'HONOUR_LOAN'
  /** Prêt (including solidarity loans). */
  | 'LOAN'
  /** Quasi-fonds propres: prêt participatif, contrat d'apport associatif, titres participatifs (long-term money counted with equity, no voting right). */
  | 'QUASI_EQUITY'
  /** Programme d'accompagnement: coaching, training, incubation (non-financial). */
  | 'SUPPORT_PROGRAMME';

/** Format of an imported file. */
export type ImportFormat =
  /** Comma- or semicolon-separated text (UTF-8 with or without BOM, or Windows-1252). */
  | 'CSV'
  /** Excel workbook (.xlsx); its first visible sheet holding something is read. */
  | 'XLSX';

/** A spreadsheet of organizations to import: its content in base64, or the path of a file in the import folder (IMPORT_DIR). Exactly one of them. */
export type ImportOrganizationsInput = {
  /** The file's content in base64 (at most 5242880 bytes once decoded, and within the HTTP body limit MAX_BODY_BYTES). */
  contentBase64?: string | null | undefined;
  /** True: check every row and report, write nothing. */
  dryRun?: boolean | null | undefined;
  /** File name (shown in the report; its extension helps name the format). Defaults to the path's last part. */
  fileName?: string | null | undefined;
  /** Path of a file inside the import folder (IMPORT_DIR), relative to it; anything outside it is refused, links included. */
  path?: string | null | undefined;
  /** True: write the valid rows and report the refused ones; false (default): one refused row refuses the file. */
  skipInvalidRows?: boolean | null | undefined;
};

/** Legal form (forme juridique) of an organization. Insertion structures (ACI, AI, EI, ETTI) are accreditations held by an entity of one of these forms, not forms. */
export type LegalForm =
  /** Association loi 1901 */
  | 'ASSOCIATION'
  /** Centre communal d'action sociale (CCAS) */
  | 'CCAS'
  /** Commune */
  | 'COMMUNE'
  /** Autre coopérative */
  | 'COOPERATIVE'
  /** Fondation */
  | 'FOUNDATION'
  /** Personne physique (porteur de projet individuel) */
  | 'INDIVIDUAL'
  /** Mutuelle santé (code de la mutualité) */
  | 'MUTUAL_HEALTH'
  /** Mutuelle d'assurance (code des assurances) */
  | 'MUTUAL_INSURANCE'
  /** SA (société commerciale de l’ESS) */
  | 'SA'
  /** SARL (société commerciale de l’ESS) */
  | 'SARL'
  /** SAS (société commerciale de l’ESS) */
  | 'SAS'
  /** Société coopérative d'intérêt collectif (SCIC) */
  | 'SCIC'
  /** Société coopérative et participative (SCOP) */
  | 'SCOP';

/** Majority a vote needs, counted on the votes cast FOR or AGAINST (abstentions do not count). */
export type Majority =
  /** More FOR than AGAINST. */
  | 'SIMPLE'
  /** At least two thirds of the votes cast FOR. */
  | 'TWO_THIRDS'
  /** Every vote cast FOR, at least one. */
  | 'UNANIMITY';

/** How a body or a session meets. */
export type MeetingMode =
  /** Hybride. */
  | 'HYBRID'
  /** En présentiel. */
  | 'IN_PERSON'
  /** À distance. */
  | 'REMOTE';

/** Role of a person in a partner organization. */
export type MembershipRole =
  /** Gestionnaire: manages the partner's record, people and positions. */
  | 'MANAGER'
  /** Membre: represents the partner in the platform's bodies; sees partners-only material. */
  | 'MEMBER';

/** What a project needs, or a scheme finances (type de besoin). */
export type NeedType =
  /** Investissement: equipment, works, premises, vehicles. */
  | 'INVESTMENT'
  /** Fonctionnement: running costs, posts, an action or a project. */
  | 'OPERATIONS'
  /** Accompagnement technique: diagnosis, advice, training, coaching (non-financial). */
  | 'TECHNICAL_SUPPORT'
  /** Besoin en fonds de roulement: cash to bridge the gap between expenses and receipts (subsidies paid late). */
  | 'WORKING_CAPITAL';

/** A contact person of an organization. */
export type OrganizationContactInput = {
  /** E-mail address. */
  email?: string | null | undefined;
  /** First name. */
  firstName: string;
  /** True for the project holder. */
  isHolder?: boolean | null | undefined;
  /** Last name. */
  lastName: string;
  /** Phone number. */
  phone?: string | null | undefined;
  /** Role in the organization (French). */
  role?: string | null | undefined;
};

/** Filters on the organizations directory; all given filters apply together. */
export type OrganizationFilter = {
  /** Organizations holding one of these accreditations, valid at the reference date. */
  accreditations?: Array<AccreditationKind> | null | undefined;
  /** Commune ids (any of them). */
  communeIds?: Array<string | number> | null | undefined;
  /** True: employers only; false: non-employers only. */
  employer?: boolean | null | undefined;
  /** SSE families (any of them). */
  essFamilies?: Array<EssFamily> | null | undefined;
  /** Filter on ESUS: a valid ESUS accreditation, or a valid insertion conventionnement (automatic ESUS), at the reference date. */
  esus?: boolean | null | undefined;
  /** True: established in a priority district (QPV); false: elsewhere. */
  inPriorityDistrict?: boolean | null | undefined;
  /** True: organizations working in insertion (a valid SIAE conventionnement, whatever their sectors); false: the others. */
  insertion?: boolean | null | undefined;
  /** Only organizations of the communes of this intercommunality. */
  intercommunalityId?: string | number | null | undefined;
  /** Legal forms (any of them). */
  legalForms?: Array<LegalForm> | null | undefined;
  /** Words of the name or description, accents and case ignored. */
  search?: string | null | undefined;
  /** Sector codes or ids (any of them). */
  sectors?: Array<string> | null | undefined;
  /** Stages (any of them). */
  stages?: Array<Stage> | null | undefined;
};

/** How to sort the organizations directory (ties are broken by id). */
export type OrganizationOrder =
  /** Largest employers first. */
  | 'EMPLOYEES_DESC'
  /** By name, A to Z. */
  | 'NAME'
  /** By name, Z to A. */
  | 'NAME_DESC'
  /** Most recently updated first. */
  | 'UPDATED_AT_DESC';

/** Kind of partner of the platform. */
export type PartnerKind =
  /** Expert: support structure bringing expertise (regional networks, federations). */
  | 'EXPERT'
  /** Financeur: public body, solidarity finance or bank that can mobilise funding schemes. */
  | 'FUNDER'
  /** Structure porteuse: runs the platform (the Maison de l'Emploi et de la Formation). */
  | 'HOST'
  /** Représentant de l'ESS: association, cooperative bank or mutual insurer witnessing for the sector. */
  | 'SSE_REPRESENTATIVE'
  /** Partenaire technique: incubator, business nursery, seed service, local development agency. */
  | 'TECHNICAL_PARTNER';

/** A situation to match against partners' criteria and schemes (a project holder not yet in the directory); what is left out is not held against it. */
export type PartnerSupportQuery = {
  /** Accreditations the holder holds today; omitted or empty: none (an accreditation is a fact one holds, not an unknown). */
  accreditations?: Array<AccreditationKind> | null | undefined;
  /** Age of the structure in whole years (0: not yet created or less than a year). */
  ageYears?: number | null | undefined;
  /** Amount sought, in euros (at most 1,000,000,000). */
  amount?: number | null | undefined;
  /** True when another funder is already committed. */
  coFinancingSecured?: boolean | null | undefined;
  /** Commune of the project. */
  communeId?: string | number | null | undefined;
  /** Number of employees (0: no employee). */
  employees?: number | null | undefined;
  /** Legal form of the holder today. */
  legalForm?: LegalForm | null | undefined;
  /** What the money or help is for. */
  needTypes?: Array<NeedType> | null | undefined;
  /** Publics the project serves. */
  publics?: Array<TargetPublic> | null | undefined;
  /** Sector code or id. */
  sector?: string | null | undefined;
  /** Stage of the project. */
  stage?: Stage | null | undefined;
  /** The legal form the project leads to, when it changes: criteria are checked against it. */
  targetLegalForm?: LegalForm | null | undefined;
};

/** A partner's position on a support request. */
export type PositionKind =
  /** s’abstient (conflit d’intérêts) */
  | 'ABSTAINS'
  /** intervient sous conditions (si un autre partenaire intervient) */
  | 'CONDITIONAL'
  /** attend des informations ou des pièces */
  | 'NEEDS_INFORMATION'
  /** n’intervient pas : hors de ses critères */
  | 'OUTSIDE_CRITERIA'
  /** oriente vers un autre partenaire */
  | 'REDIRECTS'
  /** intervient */
  | 'WILL_SUPPORT';

/** What happened in a session. */
export type SessionEventKind =
  /** An item was added to the agenda of the open session. */
  | 'AGENDA_ITEM_ADDED'
  /** A member's attendance changed during the session. */
  | 'ATTENDANCE_CHANGED'
  /** The item in discussion was decided (consensus or votes) or deferred. */
  | 'ITEM_DECIDED'
  /** An item of the agenda came into discussion. */
  | 'ITEM_STARTED'
  /** A partner recorded or changed its position on the request in discussion. */
  | 'POSITION_RECORDED'
  /** The session was closed; its minutes are ready. */
  | 'SESSION_CLOSED'
  /** The session was opened. */
  | 'SESSION_OPENED'
  /** The suspended session was resumed. */
  | 'SESSION_RESUMED'
  /** The session was suspended. */
  | 'SESSION_SUSPENDED'
  /** A voting member cast or changed its vote on the item in discussion. */
  | 'VOTE_CAST';

/** Live state of a session: SCHEDULED → OPEN (an item in discussion) ⇄ SUSPENDED → CLOSED. */
export type SessionState =
  /** Close: the minutes are written; nothing changes any more. */
  | 'CLOSED'
  /** Ouverte: its items are discussed one at a time. */
  | 'OPEN'
  /** Programmée, pas encore ouverte. */
  | 'SCHEDULED'
  /** Suspendue: nothing is decided until it resumes. */
  | 'SUSPENDED';

/** Stage of a project or organization (phase), at the date it was assessed. */
export type Stage =
  /** Consolidation: securing its model, often a critical period. */
  | 'CONSOLIDATION'
  /** Création: the project is being set up or has just started. */
  | 'CREATION'
  /** Développement: growing its activity, jobs or reach. */
  | 'DEVELOPMENT'
  /** Émergence: an idea and a holder, before the project is set up. */
  | 'EMERGENCE'
  /** Difficulté, rebond: in difficulty, restructuring or recovering. */
  | 'RECOVERY';

/** Status of a support request in the collective review. */
export type SupportStatus =
  /** clôturée */
  | 'CLOSED'
  /** en suivi */
  | 'IN_FOLLOW_UP'
  /** qualifiée */
  | 'QUALIFIED'
  /** reçue */
  | 'RECEIVED'
  /** réorientée */
  | 'REDIRECTED'
  /** inscrite à l’examen collectif */
  | 'SCHEDULED'
  /** stratégie validée */
  | 'STRATEGY_VALIDATED'
  /** en cours d’examen */
  | 'UNDER_REVIEW'
  /** retirée par le porteur */
  | 'WITHDRAWN';

/** A public a project serves or a scheme is reserved for (public cible). */
export type TargetPublic =
  /** Personnes en situation de handicap */
  | 'DISABLED'
  /** Familles */
  | 'FAMILIES'
  /** Demandeurs d’emploi créateurs d’entreprise */
  | 'JOB_SEEKERS'
  /** Demandeurs d’emploi de longue durée */
  | 'LONG_TERM_UNEMPLOYED'
  /** Allocataires de minima sociaux (RSA) */
  | 'MINIMUM_INCOME'
  /** Habitants des quartiers prioritaires (QPV) */
  | 'PRIORITY_DISTRICTS'
  /** Personnes âgées */
  | 'SENIORS'
  /** Femmes (entrepreneuriat, égalité) */
  | 'WOMEN'
  /** Jeunes (16–25 ans) */
  | 'YOUTH';

/** A voting member’s vote. */
export type VoteChoice =
  /** Abstention. */
  | 'ABSTAIN'
  /** Contre. */
  | 'AGAINST'
  /** Pour. */
  | 'FOR';

export type ImportOrganizationsMutationVariables = Exact<{
  input: ImportOrganizationsInput;
}>;


export type ImportOrganizationsMutation = { importOrganizations: { fileName: string, format: ImportFormat, encoding: string | null, delimiter: string | null, sheet: string | null, headerRow: number, rows: number, created: number, updated: number, unchanged: number, refused: number, refusedRows: Array<number>, problemsOmitted: number, dryRun: boolean, written: boolean, summary: string, problems: Array<{ row: number | null, column: string | null, header: string | null, field: string | null, message: string }>, columns: Array<{ column: string, header: string, recognised: boolean, field: string | null, label: string | null, note: string | null }> } };

export type PortalOrganizationsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: OrganizationFilter | null | undefined;
  orderBy?: OrganizationOrder | null | undefined;
}>;


export type PortalOrganizationsQuery = { organizations: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, legalForm: LegalForm, siret: string | null, employees: number, stage: Stage, esus: boolean, sector: { code: string, name: string }, commune: { name: string } } }> } };

export type PartnersForSituationQueryVariables = Exact<{
  situation: PartnerSupportQuery;
}>;


export type PartnersForSituationQuery = { partners: { totalCount: number, edges: Array<{ node: { id: string, name: string, kind: PartnerKind, fundingSchemes: Array<{ name: string, kind: FundingSchemeKind, minAmount: number | null, maxAmount: number | null }> } }> } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { viewer: { isAuthenticated: boolean, permissions: Array<string>, person: { name: string, memberships: Array<{ role: MembershipRole, partner: { id: string, name: string } }> } | null } };

export type RegisterOrganizationMutationVariables = Exact<{
  input: CreateOrganizationInput;
}>;


export type RegisterOrganizationMutation = { createOrganization: { id: string, name: string, stage: Stage, commune: { name: string } } };

export type PartnerChangedSubscriptionVariables = Exact<{
  id?: string | number | null | undefined;
}>;


export type PartnerChangedSubscription = { partnerChanged: { id: string, name: string, updatedAt: string } };

export type ScreenPositionFragment = { id: string, kind: PositionKind, amount: number | null, conditions: string, comment: string, revision: number, recordedAt: string, request: { id: string }, partner: { id: string, name: string }, scheme: { name: string } | null, redirectTo: { name: string } | null };

export type ScreenDecisionFragment = { mode: DecisionMode, outcome: DecisionOutcome, text: string, votesFor: number, votesAgainst: number, abstentions: number, votes: Array<{ choice: VoteChoice, partner: { id: string, name: string } }> };

export type ScreenCheckFragment = { axis: CriterionAxis, passed: boolean, reason: string | null };

export type ScreenItemFragment = { id: string, rank: number, title: string, kind: AgendaItemKind, state: AgendaItemState, decision: { mode: DecisionMode, outcome: DecisionOutcome, text: string, votesFor: number, votesAgainst: number, abstentions: number, votes: Array<{ choice: VoteChoice, partner: { id: string, name: string } }> } | null, supportRequest: { id: string, title: string, description: string, amountSought: number | null, financialNeed: boolean, technicalNeed: boolean, needTypes: Array<NeedType>, stage: Stage, holderName: string | null, status: SupportStatus, organization: { name: string } | null, commune: { name: string }, sector: { name: string }, receivingPartner: { name: string }, matches: Array<{ eligible: boolean, partner: { id: string, name: string }, criteria: Array<{ eligible: boolean, checks: Array<{ axis: CriterionAxis, passed: boolean, reason: string | null }> }>, schemes: Array<{ eligible: boolean, scheme: { name: string }, checks: Array<{ axis: CriterionAxis, passed: boolean, reason: string | null }> }> }>, positions: Array<{ id: string, kind: PositionKind, amount: number | null, conditions: string, comment: string, revision: number, recordedAt: string, request: { id: string }, partner: { id: string, name: string }, scheme: { name: string } | null, redirectTo: { name: string } | null }>, actions: Array<{ id: string, title: string, dueOn: unknown, status: ActionStatus, owner: { name: string } }> } | null };

export type ScreenAgendaItemFragment = { id: string, rank: number, title: string, kind: AgendaItemKind, state: AgendaItemState, decision: { mode: DecisionMode, outcome: DecisionOutcome, text: string, votesFor: number, votesAgainst: number, abstentions: number } | null, supportRequest: { id: string } | null };

export type ScreenAttendanceFragment = { status: AttendanceStatus, partner: { id: string, name: string } };

export type ScreenPresenceFragment = { since: string, connections: number, person: { id: string, name: string } | null, partner: { id: string, name: string } | null };

export type ScreenSessionQueryVariables = Exact<{
  id: string | number;
}>;


export type ScreenSessionQuery = { committeeSession: { id: string, title: string, state: SessionState, scheduledAt: string, mode: MeetingMode, lastSeq: number, body: { name: string, decisionMode: DecisionMode, majority: Majority }, quorum: { required: number, present: number, reached: boolean }, currentItem: { id: string } | null, agenda: Array<{ id: string, rank: number, title: string, kind: AgendaItemKind, state: AgendaItemState, decision: { mode: DecisionMode, outcome: DecisionOutcome, text: string, votesFor: number, votesAgainst: number, abstentions: number } | null, supportRequest: { id: string } | null }>, attendance: Array<{ status: AttendanceStatus, partner: { id: string, name: string } }>, presence: Array<{ since: string, connections: number, person: { id: string, name: string } | null, partner: { id: string, name: string } | null }> | null } | null };

export type ScreenPresenceChangedSubscriptionVariables = Exact<{
  sessionId: string | number;
}>;


export type ScreenPresenceChangedSubscription = { sessionPresenceChanged: { id: string, presence: Array<{ since: string, connections: number, person: { id: string, name: string } | null, partner: { id: string, name: string } | null }> | null } };

export type ScreenItemDetailsQueryVariables = Exact<{
  id: string | number;
}>;


export type ScreenItemDetailsQuery = { node:
    | { id: string, rank: number, title: string, kind: AgendaItemKind, state: AgendaItemState, decision: { mode: DecisionMode, outcome: DecisionOutcome, text: string, votesFor: number, votesAgainst: number, abstentions: number, votes: Array<{ choice: VoteChoice, partner: { id: string, name: string } }> } | null, supportRequest: { id: string, title: string, description: string, amountSought: number | null, financialNeed: boolean, technicalNeed: boolean, needTypes: Array<NeedType>, stage: Stage, holderName: string | null, status: SupportStatus, organization: { name: string } | null, commune: { name: string }, sector: { name: string }, receivingPartner: { name: string }, matches: Array<{ eligible: boolean, partner: { id: string, name: string }, criteria: Array<{ eligible: boolean, checks: Array<{ axis: CriterionAxis, passed: boolean, reason: string | null }> }>, schemes: Array<{ eligible: boolean, scheme: { name: string }, checks: Array<{ axis: CriterionAxis, passed: boolean, reason: string | null }> }> }>, positions: Array<{ id: string, kind: PositionKind, amount: number | null, conditions: string, comment: string, revision: number, recordedAt: string, request: { id: string }, partner: { id: string, name: string }, scheme: { name: string } | null, redirectTo: { name: string } | null }>, actions: Array<{ id: string, title: string, dueOn: unknown, status: ActionStatus, owner: { name: string } }> } | null }
    | Record<PropertyKey, never>
   | null };

export type ScreenSessionEventsSubscriptionVariables = Exact<{
  sessionId: string | number;
  after?: number | null | undefined;
}>;


export type ScreenSessionEventsSubscription = { sessionEvents: { seq: number, kind: SessionEventKind, at: string, session: { id: string, state: SessionState, lastSeq: number, currentItem: { id: string } | null, quorum: { required: number, present: number, reached: boolean } }, item: { id: string, rank: number, title: string, kind: AgendaItemKind, state: AgendaItemState, decision: { mode: DecisionMode, outcome: DecisionOutcome, text: string, votesFor: number, votesAgainst: number, abstentions: number, votes: Array<{ choice: VoteChoice, partner: { id: string, name: string } }> } | null } | null, position: { id: string, kind: PositionKind, amount: number | null, conditions: string, comment: string, revision: number, recordedAt: string, request: { id: string }, partner: { id: string, name: string }, scheme: { name: string } | null, redirectTo: { name: string } | null } | null, vote: { choice: VoteChoice, partner: { id: string, name: string } } | null, decision: { mode: DecisionMode, outcome: DecisionOutcome, text: string, votesFor: number, votesAgainst: number, abstentions: number, votes: Array<{ choice: VoteChoice, partner: { id: string, name: string } }> } | null, attendance: { status: AttendanceStatus, partner: { id: string, name: string } } | null } };

export const ScreenDecisionFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScreenDecision"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SessionDecision"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"votesFor"}},{"kind":"Field","name":{"kind":"Name","value":"votesAgainst"}},{"kind":"Field","name":{"kind":"Name","value":"abstentions"}},{"kind":"Field","name":{"kind":"Name","value":"votes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"choice"}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<ScreenDecisionFragment, unknown>;
export const ScreenCheckFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScreenCheck"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CriterionCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"axis"}},{"kind":"Field","name":{"kind":"Name","value":"passed"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]} as unknown as DocumentNode<ScreenCheckFragment, unknown>;
export const ScreenPositionFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScreenPosition"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PartnerPosition"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"conditions"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"request"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"scheme"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"redirectTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ScreenPositionFragment, unknown>;
export const ScreenItemFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScreenItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AgendaItem"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"decision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ScreenDecision"}}]}},{"kind":"Field","name":{"kind":"Name","value":"supportRequest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"amountSought"}},{"kind":"Field","name":{"kind":"Name","value":"financialNeed"}},{"kind":"Field","name":{"kind":"Name","value":"technicalNeed"}},{"kind":"Field","name":{"kind":"Name","value":"needTypes"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"holderName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"commune"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sector"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"receivingPartner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"matches"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"8"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eligible"}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"criteria"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eligible"}},{"kind":"Field","name":{"kind":"Name","value":"checks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ScreenCheck"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"schemes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eligible"}},{"kind":"Field","name":{"kind":"Name","value":"scheme"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"checks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ScreenCheck"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"positions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ScreenPosition"}}]}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScreenDecision"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SessionDecision"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"votesFor"}},{"kind":"Field","name":{"kind":"Name","value":"votesAgainst"}},{"kind":"Field","name":{"kind":"Name","value":"abstentions"}},{"kind":"Field","name":{"kind":"Name","value":"votes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"choice"}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScreenCheck"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CriterionCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"axis"}},{"kind":"Field","name":{"kind":"Name","value":"passed"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScreenPosition"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PartnerPosition"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"conditions"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"request"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"scheme"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"redirectTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ScreenItemFragment, unknown>;
export const ScreenAgendaItemFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScreenAgendaItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AgendaItem"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"decision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"votesFor"}},{"kind":"Field","name":{"kind":"Name","value":"votesAgainst"}},{"kind":"Field","name":{"kind":"Name","value":"abstentions"}}]}},{"kind":"Field","name":{"kind":"Name","value":"supportRequest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ScreenAgendaItemFragment, unknown>;
export const ScreenAttendanceFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScreenAttendance"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SessionAttendance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ScreenAttendanceFragment, unknown>;
export const ScreenPresenceFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScreenPresence"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SessionPresence"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"connections"}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ScreenPresenceFragment, unknown>;
export const ImportOrganizationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImportOrganizations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ImportOrganizationsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importOrganizations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"encoding"}},{"kind":"Field","name":{"kind":"Name","value":"delimiter"}},{"kind":"Field","name":{"kind":"Name","value":"sheet"}},{"kind":"Field","name":{"kind":"Name","value":"headerRow"}},{"kind":"Field","name":{"kind":"Name","value":"rows"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"refused"}},{"kind":"Field","name":{"kind":"Name","value":"refusedRows"}},{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"row"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"header"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"problemsOmitted"}},{"kind":"Field","name":{"kind":"Name","value":"columns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"header"}},{"kind":"Field","name":{"kind":"Name","value":"recognised"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"written"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}}]}}]}}]} as unknown as DocumentNode<ImportOrganizationsMutation, ImportOrganizationsMutationVariables>;
export const PortalOrganizationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortalOrganizations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OrganizationFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OrganizationOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"legalForm"}},{"kind":"Field","name":{"kind":"Name","value":"siret"}},{"kind":"Field","name":{"kind":"Name","value":"employees"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"esus"}},{"kind":"Field","name":{"kind":"Name","value":"sector"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"commune"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PortalOrganizationsQuery, PortalOrganizationsQueryVariables>;
export const PartnersForSituationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartnersForSituation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"situation"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PartnerSupportQuery"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partners"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"canSupport"},"value":{"kind":"Variable","name":{"kind":"Name","value":"situation"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"fundingSchemes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"minAmount"}},{"kind":"Field","name":{"kind":"Name","value":"maxAmount"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PartnersForSituationQuery, PartnersForSituationQueryVariables>;
export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"isAuthenticated"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"memberships"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const RegisterOrganizationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterOrganization"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateOrganizationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createOrganization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"commune"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<RegisterOrganizationMutation, RegisterOrganizationMutationVariables>;
export const PartnerChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"PartnerChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partnerChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<PartnerChangedSubscription, PartnerChangedSubscriptionVariables>;
export const ScreenSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ScreenSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"committeeSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledAt"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"lastSeq"}},{"kind":"Field","name":{"kind":"Name","value":"body"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"decisionMode"}},{"kind":"Field","name":{"kind":"Name","value":"majority"}}]}},{"kind":"Field","name":{"kind":"Name","value":"quorum"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"present"}},{"kind":"Field","name":{"kind":"Name","value":"reached"}}]}},{"kind":"Field","name":{"kind":"Name","value":"currentItem"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"agenda"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ScreenAgendaItem"}}]}},{"kind":"Field","name":{"kind":"Name","value":"attendance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ScreenAttendance"}}]}},{"kind":"Field","name":{"kind":"Name","value":"presence"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ScreenPresence"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScreenAgendaItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AgendaItem"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"decision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"votesFor"}},{"kind":"Field","name":{"kind":"Name","value":"votesAgainst"}},{"kind":"Field","name":{"kind":"Name","value":"abstentions"}}]}},{"kind":"Field","name":{"kind":"Name","value":"supportRequest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScreenAttendance"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SessionAttendance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScreenPresence"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SessionPresence"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"connections"}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ScreenSessionQuery, ScreenSessionQueryVariables>;
export const ScreenPresenceChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ScreenPresenceChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessionPresenceChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sessionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"presence"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ScreenPresence"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScreenPresence"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SessionPresence"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"connections"}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ScreenPresenceChangedSubscription, ScreenPresenceChangedSubscriptionVariables>;
export const ScreenItemDetailsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ScreenItemDetails"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AgendaItem"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ScreenItem"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScreenDecision"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SessionDecision"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"votesFor"}},{"kind":"Field","name":{"kind":"Name","value":"votesAgainst"}},{"kind":"Field","name":{"kind":"Name","value":"abstentions"}},{"kind":"Field","name":{"kind":"Name","value":"votes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"choice"}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScreenCheck"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CriterionCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"axis"}},{"kind":"Field","name":{"kind":"Name","value":"passed"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScreenPosition"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PartnerPosition"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"conditions"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"request"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"scheme"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"redirectTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScreenItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AgendaItem"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"decision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ScreenDecision"}}]}},{"kind":"Field","name":{"kind":"Name","value":"supportRequest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"amountSought"}},{"kind":"Field","name":{"kind":"Name","value":"financialNeed"}},{"kind":"Field","name":{"kind":"Name","value":"technicalNeed"}},{"kind":"Field","name":{"kind":"Name","value":"needTypes"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"holderName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"commune"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sector"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"receivingPartner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"matches"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"8"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eligible"}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"criteria"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eligible"}},{"kind":"Field","name":{"kind":"Name","value":"checks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ScreenCheck"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"schemes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eligible"}},{"kind":"Field","name":{"kind":"Name","value":"scheme"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"checks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ScreenCheck"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"positions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ScreenPosition"}}]}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ScreenItemDetailsQuery, ScreenItemDetailsQueryVariables>;
export const ScreenSessionEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ScreenSessionEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessionEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sessionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"session"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"lastSeq"}},{"kind":"Field","name":{"kind":"Name","value":"currentItem"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"quorum"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"present"}},{"kind":"Field","name":{"kind":"Name","value":"reached"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"decision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ScreenDecision"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"position"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ScreenPosition"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vote"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"choice"}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"decision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ScreenDecision"}}]}},{"kind":"Field","name":{"kind":"Name","value":"attendance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ScreenAttendance"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScreenDecision"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SessionDecision"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"votesFor"}},{"kind":"Field","name":{"kind":"Name","value":"votesAgainst"}},{"kind":"Field","name":{"kind":"Name","value":"abstentions"}},{"kind":"Field","name":{"kind":"Name","value":"votes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"choice"}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScreenPosition"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PartnerPosition"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"conditions"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"request"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"scheme"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"redirectTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ScreenAttendance"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SessionAttendance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ScreenSessionEventsSubscription, ScreenSessionEventsSubscriptionVariables>;