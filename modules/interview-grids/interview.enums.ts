import { registerEnumType } from 'type-graphql';

/** Whether a grid version may still change (draft) or is frozen (published). */
export enum GridVersionStatus {
  DRAFT = 'draft',
  PUBLISHED = 'published',
}

/** Where an interview stands: answers are saved while draft, checked on completion, then validated. */
export enum InterviewStatus {
  DRAFT = 'draft',
  COMPLETED = 'completed',
  VALIDATED = 'validated',
}

/** Who may read the answer to a question (copied from the question when the answer is saved). */
export enum AnswerConfidentiality {
  SHARED = 'shared',
  PARTNER_AND_COMMITTEE = 'partnerAndCommittee',
  INTERVIEWER_ONLY = 'interviewerOnly',
}

registerEnumType(GridVersionStatus, {
  name: 'GridVersionStatus',
  description: 'Status of a grid version: a published version never changes.',
  valuesConfig: { DRAFT: { description: 'Brouillon.' }, PUBLISHED: { description: 'Publiée.' } },
});

registerEnumType(InterviewStatus, {
  name: 'InterviewStatus',
  description: 'Status of an interview: draft, then completed (answers checked), then validated.',
  valuesConfig: { DRAFT: { description: 'Brouillon.' }, COMPLETED: { description: 'Terminé.' }, VALIDATED: { description: 'Validé.' } },
});

registerEnumType(AnswerConfidentiality, {
  name: 'AnswerConfidentiality',
  description: 'Who may read an answer.',
  valuesConfig: {
    SHARED: { description: 'Partagée : toute personne qui voit l’entretien.' },
    PARTNER_AND_COMMITTEE: { description: 'Partenaire de l’entretien, comité et administrateurs.' },
    INTERVIEWER_ONLY: { description: 'Partenaire de l’entretien seulement.' },
  },
});
