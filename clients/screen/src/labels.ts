/** French labels of the values the screen shows (the schema's enums). */

const SESSION_STATE: Record<string, string> = {
  SCHEDULED: 'Séance programmée',
  OPEN: 'Séance ouverte',
  SUSPENDED: 'Séance suspendue',
  CLOSED: 'Séance close',
};
const ITEM_STATE: Record<string, string> = {
  PENDING: 'à examiner',
  IN_DISCUSSION: 'en discussion',
  DECIDED: 'décidé',
  DEFERRED: 'reporté',
};
const POSITION_KIND: Record<string, string> = {
  WILL_SUPPORT: 'intervient',
  CONDITIONAL: 'intervient sous conditions',
  NEEDS_INFORMATION: 'attend des informations',
  OUTSIDE_CRITERIA: 'hors de ses critères',
  REDIRECTS: 'oriente vers un autre partenaire',
  ABSTAINS: 's’abstient',
};
const OUTCOME: Record<string, string> = { APPROVED: 'Approuvé', REJECTED: 'Rejeté', DEFERRED: 'Reporté' };
const MODE: Record<string, string> = { CONSENSUS: 'Consensus', VOTE: 'Vote' };
const VOTE: Record<string, string> = { FOR: 'pour', AGAINST: 'contre', ABSTAIN: 'abstention' };
const ATTENDANCE: Record<string, string> = { PRESENT: 'présent', REMOTE: 'à distance', EXCUSED: 'excusé', ABSENT: 'absent' };
const STAGE: Record<string, string> = {
  EMERGENCE: 'Émergence',
  CREATION: 'Création',
  DEVELOPMENT: 'Développement',
  CONSOLIDATION: 'Consolidation',
  RECOVERY: 'Difficulté, rebond',
};
const NEED: Record<string, string> = {
  INVESTMENT: 'investissement',
  OPERATIONS: 'fonctionnement',
  WORKING_CAPITAL: 'fonds de roulement',
  TECHNICAL_SUPPORT: 'accompagnement technique',
};
const ACTION: Record<string, string> = { PLANNED: 'prévue', IN_PROGRESS: 'en cours', DONE: 'réalisée', CANCELLED: 'abandonnée' };
const AXIS: Record<string, string> = {
  ACCREDITATION: 'agrément',
  AGE: 'ancienneté',
  AMOUNT: 'montant',
  CO_FINANCING: 'cofinancement',
  EMPLOYER: 'employeur',
  GEOGRAPHY: 'territoire',
  LEGAL_FORM: 'forme juridique',
  NEED_TYPE: 'type de besoin',
  PARTNER: 'critères du partenaire',
  PUBLICS: 'publics',
  SECTOR: 'filière',
  SIZE: 'effectif',
  STAGE: 'stade',
};

const pick = (table: Record<string, string>, value: string | null | undefined): string => (value ? (table[value] ?? value) : '');

export const labels = {
  sessionState: (v: string) => pick(SESSION_STATE, v),
  itemState: (v: string) => pick(ITEM_STATE, v),
  positionKind: (v: string) => pick(POSITION_KIND, v),
  outcome: (v: string) => pick(OUTCOME, v),
  mode: (v: string) => pick(MODE, v),
  vote: (v: string) => pick(VOTE, v),
  attendance: (v: string) => pick(ATTENDANCE, v),
  stage: (v: string) => pick(STAGE, v),
  need: (v: string) => pick(NEED, v),
  action: (v: string) => pick(ACTION, v),
  axis: (v: string) => pick(AXIS, v),
};

const EUROS = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const TIME = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const DAY = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long' });

/** 12 000 € */
export const euros = (amount: number): string => EUROS.format(amount);
/** 14:05:09 */
export const timeOf = (iso: string): string => TIME.format(new Date(iso));
/** 2 décembre 2026 (a LocalDate `YYYY-MM-DD` or a DateTime). */
export const dayOf = (iso: string): string => DAY.format(new Date(iso.length === 10 ? `${iso}T12:00:00` : iso));
