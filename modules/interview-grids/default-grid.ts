/**
 * The default interview grid, designed with the partners: the DLA « diagnostic partagé » axes (human
 * resources, governance, finances, market, social utility, ESS values, development) plus territorial roots,
 * with the indicators and alert levels an SSE adviser uses (see /work/shared/DOMAIN.md). Its rules are JSON
 * Logic over the answers, written with the helpers below so that an unanswered question never fires a rule.
 */
import type { Confidentiality, GridDefinition, GridOption, GridQuestion, GridRule, GridSection, GridThreshold, QuestionType } from './grid.js';

export const DEFAULT_GRID_CODE = 'diagnostic-ess';

const SECTIONS: GridSection[] = [
  { code: 'hr', label: 'Ressources humaines', description: 'Effectifs, contrats aidés, compétences, bénévolat, succession.', order: 1 },
  { code: 'governance', label: 'Gouvernance', description: 'Instances, renouvellement, vie démocratique, projet.', order: 2 },
  { code: 'finances', label: 'Situation et perspectives financières', description: 'Trésorerie, fonds propres, résultats, dépendance aux financements publics.', order: 3 },
  { code: 'market', label: 'Positionnement économique', description: 'Clients, concurrence, demande, prix, saisonnalité.', order: 4 },
  { code: 'socialUtility', label: 'Utilité sociale', description: 'Publics, besoins couverts, mesure de l’impact.', order: 5 },
  { code: 'essValues', label: 'Valeurs de l’ESS', description: 'Lucrativité limitée, écarts de salaires, agréments, bonnes pratiques.', order: 6 },
  { code: 'development', label: 'Projet de développement', description: 'Stade, projets, besoins de financement et d’accompagnement.', order: 7 },
  { code: 'territory', label: 'Ancrage territorial', description: 'Réseaux, mutualisations, achats et emplois locaux, relations avec les collectivités.', order: 8 },
];

type Extra = { help?: string; required?: boolean; confidentiality?: Confidentiality; options?: GridOption[]; thresholds?: GridThreshold[] };

function q(sectionCode: string, code: string, type: QuestionType, weight: number, label: string, extra: Extra = {}): GridQuestion {
  return {
    code,
    sectionCode,
    label,
    help: extra.help ?? null,
    type,
    required: extra.required ?? false,
    weight,
    options: extra.options ?? null,
    thresholds: extra.thresholds ?? null,
    confidentiality: extra.confidentiality ?? 'shared',
  };
}

/** « Oui » is bad news (arrears, dependency on one person): yes 0, partly `partly`, no 1. */
const YES_IS_BAD = (partly = 0.5): GridOption[] => [
  { code: 'yes', label: 'Oui', points: 0 },
  { code: 'partly', label: 'En partie', points: partly },
  { code: 'no', label: 'Non', points: 1 },
];
const opt = (code: string, label: string, points: number): GridOption => ({ code, label, points });
/** Bands `[min, max)` from ascending cut points: bands(p0, c1, p1, c2, p2…). */
function bands(...spec: number[]): GridThreshold[] {
  const out: GridThreshold[] = [];
  for (let i = 0; i < spec.length; i += 2) out.push({ min: i === 0 ? null : spec[i - 1]!, max: i + 1 < spec.length ? spec[i + 1]! : null, points: spec[i]! });
  return out;
}
const FIN: Extra = { confidentiality: 'partnerAndCommittee' };

const QUESTIONS: GridQuestion[] = [
  // Ressources humaines
  q('hr', 'hr_headcount', 'number', 0, 'Nombre de salariés (personnes physiques)', { required: true, help: 'Au jour de l’entretien, tous contrats confondus.' }),
  q('hr', 'hr_fte', 'number', 0, 'Effectif en équivalents temps plein (ETP)', { required: true }),
  q('hr', 'hr_subsidised_share', 'percentage', 2, 'Part des salariés en contrats aidés (PEC, adultes-relais, FONJEP…)', {
    help: 'Au-delà de 30 % de la masse salariale, l’emploi dépend fortement des politiques publiques.',
    thresholds: bands(1, 10, 0.6, 30, 0.3, 50, 0),
  }),
  q('hr', 'hr_subsidised_ending_share', 'percentage', 2, 'Part de l’effectif dont l’aide au poste ou le contrat aidé prend fin dans les 12 mois', {
    thresholds: bands(1, 10, 0.5, 25, 0),
  }),
  q('hr', 'hr_subsidised_next_end', 'date', 0, 'Date de fin du prochain contrat aidé'),
  q('hr', 'hr_leader_succession', 'singleChoice', 2, 'Succession du dirigeant (ou du président)', {
    help: 'Dirigeant de plus de 60 ans ou départ annoncé : la transmission est-elle préparée ?',
    options: [
      opt('none_needed', 'Pas d’enjeu à 3 ans', 1),
      opt('prepared', 'Départ prévu et préparé', 0.8),
      opt('under_discussion', 'En réflexion', 0.4),
      opt('leaving_unprepared', 'Départ proche, non préparé', 0),
    ],
  }),
  q('hr', 'hr_key_person', 'yesPartlyNo', 2, 'L’activité repose-t-elle sur une seule personne clé ?', { options: YES_IS_BAD() }),
  q('hr', 'hr_training_plan', 'yesPartlyNo', 1, 'Plan de développement des compétences formalisé'),
  q('hr', 'hr_turnover', 'percentage', 1, 'Taux de rotation du personnel sur les 12 derniers mois', { thresholds: bands(1, 10, 0.5, 25, 0) }),
  q('hr', 'hr_volunteers', 'number', 1, 'Nombre de bénévoles réguliers', { thresholds: bands(0, 1, 0.4, 5, 0.7, 20, 1) }),
  q('hr', 'hr_work_climate', 'scale0to4', 1, 'Climat social et conditions de travail', { help: '0 : très dégradés ; 4 : très bons.' }),

  // Gouvernance
  q('governance', 'gov_legal_form', 'singleChoice', 0, 'Statut juridique', {
    required: true,
    options: [
      opt('association', 'Association', 0),
      opt('scop', 'SCOP', 0),
      opt('scic', 'SCIC', 0),
      opt('cooperative', 'Autre coopérative', 0),
      opt('mutuelle', 'Mutuelle', 0),
      opt('fondation', 'Fondation', 0),
      opt('commercialEss', 'Société commerciale de l’ESS', 0),
    ],
  }),
  q('governance', 'gov_general_assembly', 'yesPartlyNo', 2, 'Assemblée générale tenue dans les délais l’an dernier (comptes approuvés)', { required: true }),
  q('governance', 'gov_years_since_board_renewal', 'number', 2, 'Années écoulées depuis le dernier renouvellement (même partiel) du conseil', {
    required: true,
    thresholds: bands(1, 2, 0.6, 3, 0.1),
  }),
  q('governance', 'gov_active_board_members', 'number', 1, 'Nombre d’administrateurs (ou associés) réellement actifs', { thresholds: bands(0, 3, 0.6, 6, 1) }),
  q('governance', 'gov_project_updated', 'yesPartlyNo', 1, 'Projet associatif ou coopératif actualisé depuis moins de 5 ans'),
  q('governance', 'gov_roles_separation', 'yesPartlyNo', 1, 'Rôles clairement répartis entre élus bénévoles et direction salariée'),
  q('governance', 'gov_member_participation', 'scale0to4', 1, 'Participation des membres ou sociétaires à la vie démocratique', { help: '0 : inexistante ; 4 : forte et régulière.' }),
  q('governance', 'gov_scop_employee_capital', 'percentage', 0, 'Pour une SCOP : part du capital détenue par les salariés', { help: 'Au moins 51 % exigés.' }),

  // Situation et perspectives financières
  q('finances', 'fin_revenue', 'money', 0, 'Produits d’exploitation (ou chiffre d’affaires) du dernier exercice', { ...FIN, required: true }),
  q('finances', 'fin_public_funding_share', 'percentage', 3, 'Part des financements publics (subventions, aides au poste) dans les produits', {
    ...FIN,
    required: true,
    help: 'Au-delà de 70 à 80 %, la structure dépend des décisions publiques.',
    thresholds: bands(1, 30, 0.7, 50, 0.4, 70, 0.15, 80, 0),
  }),
  q('finances', 'fin_main_funder_share', 'percentage', 2, 'Part du premier financeur dans les produits', { ...FIN, thresholds: bands(1, 30, 0.5, 50, 0) }),
  q('finances', 'fin_cash_months', 'number', 3, 'Trésorerie nette, en mois de charges', {
    ...FIN,
    required: true,
    help: 'Moins d’un mois : alerte ; de 1 à 3 mois : vigilance ; 3 mois et plus : confortable.',
    thresholds: bands(0, 1, 0.3, 3, 0.7, 6, 1),
  }),
  q('finances', 'fin_equity', 'money', 0, 'Fonds propres (ou fonds associatifs) au dernier bilan', { ...FIN, required: true }),
  q('finances', 'fin_equity_ratio', 'number', 2, 'Fonds propres rapportés aux produits annuels (en %)', {
    ...FIN,
    help: 'Sous 10 % des produits, la structure est fragile.',
    thresholds: bands(0, 0, 0.3, 10, 0.7, 25, 1),
  }),
  q('finances', 'fin_last_result', 'money', 1, 'Résultat net du dernier exercice', { ...FIN, thresholds: bands(0.2, 0, 1) }),
  q('finances', 'fin_deficits_in_row', 'number', 2, 'Nombre d’exercices déficitaires consécutifs', { ...FIN, thresholds: bands(1, 1, 0.5, 2, 0) }),
  q('finances', 'fin_arrears', 'yesPartlyNo', 3, 'Dettes sociales ou fiscales en retard (URSSAF, impôts, caisses de retraite)', { ...FIN, required: true, options: YES_IS_BAD(0.3) }),
  q('finances', 'fin_working_capital_covered', 'yesPartlyNo', 2, 'Le fonds de roulement couvre-t-il le besoin en fonds de roulement ?', FIN),
  q('finances', 'fin_debt_above_equity', 'yesPartlyNo', 1, 'Les dettes financières dépassent-elles les fonds propres ?', { ...FIN, options: YES_IS_BAD() }),
  q('finances', 'fin_multi_year_agreements', 'singleChoice', 1, 'Conventions pluriannuelles d’objectifs (CPO) ou conventionnements', {
    ...FIN,
    options: [opt('running', 'En cours pour plus de 12 mois', 1), opt('ending', 'Arrivent à échéance dans les 12 mois', 0.2), opt('none', 'Aucune', 0.4)],
  }),
  q('finances', 'fin_cash_plan', 'yesPartlyNo', 1, 'Plan de trésorerie à 12 mois tenu à jour', FIN),
  q('finances', 'fin_adviser_opinion', 'text', 0, 'Appréciation confidentielle du chargé d’accompagnement sur la situation financière', { confidentiality: 'interviewerOnly' }),

  // Positionnement économique
  q('market', 'mkt_main_customer_share', 'percentage', 2, 'Part du premier client dans le chiffre d’affaires', { ...FIN, thresholds: bands(1, 20, 0.6, 35, 0.3, 50, 0) }),
  q('market', 'mkt_own_revenue_share', 'percentage', 1, 'Part des recettes d’activité (ventes, prestations) dans les produits', { thresholds: bands(0.3, 20, 0.7, 50, 1) }),
  q('market', 'mkt_public_procurement_share', 'percentage', 0, 'Part des marchés publics (dont clauses sociales) dans le chiffre d’affaires'),
  q('market', 'mkt_competition', 'singleChoice', 1, 'Pression concurrentielle, y compris des entreprises lucratives', {
    options: [opt('low', 'Faible', 1), opt('moderate', 'Modérée', 0.6), opt('strong', 'Forte', 0.2)],
  }),
  q('market', 'mkt_seasonality', 'yesPartlyNo', 1, 'Activité fortement saisonnière (tourisme littoral, agriculture…)', {
    options: [opt('yes', 'Oui', 0.3), opt('partly', 'En partie', 0.6), opt('no', 'Non', 1)],
  }),
  q('market', 'mkt_demand_trend', 'singleChoice', 2, 'Évolution de la demande sur 2 ans', {
    required: true,
    options: [opt('growing', 'En hausse', 1), opt('stable', 'Stable', 0.7), opt('declining', 'En baisse', 0.1)],
  }),
  q('market', 'mkt_unmet_demand', 'yesPartlyNo', 1, 'Demande non satisfaite (listes d’attente, commandes refusées)'),
  q('market', 'mkt_new_market', 'yesPartlyNo', 1, 'Nouveau marché ou nouveau public identifié'),
  q('market', 'mkt_prices_cover_costs', 'yesPartlyNo', 2, 'Les prix pratiqués couvrent-ils les coûts complets ?'),

  // Utilité sociale
  q('socialUtility', 'su_publics', 'multipleChoice', 0, 'Publics bénéficiaires', {
    options: [
      opt('jobseekers', 'Demandeurs d’emploi', 0),
      opt('youth', 'Jeunes', 0),
      opt('seniors', 'Personnes âgées', 0),
      opt('disabled', 'Personnes en situation de handicap', 0),
      opt('priorityDistricts', 'Habitants des quartiers prioritaires', 0),
      opt('families', 'Familles', 0),
      opt('allPublic', 'Tout public', 0),
    ],
  }),
  q('socialUtility', 'su_beneficiaries', 'number', 0, 'Nombre de bénéficiaires ou d’usagers par an'),
  q('socialUtility', 'su_local_need', 'scale0to4', 2, 'Réponse à un besoin local peu ou pas couvert', { required: true, help: '0 : besoin déjà couvert ; 4 : seule réponse du territoire.' }),
  q('socialUtility', 'su_evidence', 'singleChoice', 2, 'Mesure de l’utilité sociale', {
    required: true,
    options: [opt('none', 'Aucune', 0), opt('informal', 'Retours informels', 0.3), opt('indicators', 'Indicateurs suivis', 0.7), opt('evaluation', 'Évaluation formalisée (VALOR’ESS, DLA…)', 1)],
  }),
  q('socialUtility', 'su_exit_rate', 'percentage', 1, 'Pour une SIAE : taux de sorties dynamiques (emploi, formation)', {
    help: 'Objectif usuel : environ 60 %.',
    thresholds: bands(0.2, 40, 0.6, 60, 1),
  }),
  q('socialUtility', 'su_beneficiaries_involved', 'scale0to4', 1, 'Implication des bénéficiaires dans le projet'),
  q('socialUtility', 'su_impact_story', 'text', 0, 'Exemple marquant d’utilité sociale'),

  // Valeurs de l'ESS
  q('essValues', 'ess_pay_ratio', 'number', 1, 'Écart entre la plus haute et la plus basse rémunération (de 1 à …)', {
    help: 'Agrément ESUS : 1 à 7 en moyenne, 1 à 10 au plus.',
    thresholds: bands(1, 5, 0.6, 10, 0.2),
  }),
  q('essValues', 'ess_surplus_reinvested', 'yesPartlyNo', 1, 'Excédents majoritairement réinvestis dans le projet'),
  q('essValues', 'ess_esus', 'singleChoice', 1, 'Agrément ESUS', {
    options: [opt('holds', 'Détenu', 1), opt('inProgress', 'Demande en cours', 0.6), opt('eligibleNotRequested', 'Éligible, non demandé', 0.3), opt('notEligible', 'Non éligible', 0.3)],
  }),
  q('essValues', 'ess_good_practices', 'yesPartlyNo', 1, 'Guide des bonnes pratiques de l’ESS présenté en assemblée'),
  q('essValues', 'ess_environment', 'scale0to4', 1, 'Démarche environnementale (achats, déchets, mobilité)'),
  q('essValues', 'ess_gender_equality', 'yesPartlyNo', 1, 'Égalité femmes-hommes dans les instances et l’encadrement'),

  // Projet de développement
  q('development', 'dev_stage', 'singleChoice', 0, 'Stade de développement', {
    required: true,
    options: [
      opt('emergence', 'Émergence', 0),
      opt('creation', 'Création', 0),
      opt('development', 'Développement', 0),
      opt('consolidation', 'Consolidation', 0),
      opt('difficulty', 'Difficulté, rebond', 0),
    ],
  }),
  q('development', 'dev_project', 'yesPartlyNo', 2, 'Projet de développement formalisé à 3 ans'),
  q('development', 'dev_project_kinds', 'multipleChoice', 0, 'Nature des projets', {
    options: [
      opt('newActivity', 'Nouvelle activité', 0),
      opt('newSite', 'Nouveau site', 0),
      opt('investment', 'Investissement matériel', 0),
      opt('hiring', 'Recrutements', 0),
      opt('employeeTakeover', 'Reprise ou transformation en SCOP / SCIC', 0),
      opt('pooling', 'Mutualisation, rapprochement', 0),
      opt('digital', 'Outils numériques', 0),
    ],
  }),
  q('development', 'dev_investment_need', 'money', 0, 'Besoin de financement du projet (investissement et BFR)', FIN),
  q('development', 'dev_financing_plan', 'yesPartlyNo', 1, 'Plan de financement du projet établi'),
  q('development', 'dev_support_used', 'multipleChoice', 0, 'Accompagnements déjà mobilisés', {
    options: [
      opt('dla', 'DLA', 0),
      opt('franceActive', 'France Active (Pas-de-Calais Actif)', 0),
      opt('urscop', 'URSCOP', 0),
      opt('initiative', 'Plateforme Initiative', 0),
      opt('cigales', 'Cigales', 0),
      opt('cab', 'Agglomération (CAB)', 0),
    ],
  }),
  q('development', 'dev_team_capacity', 'scale0to4', 1, 'Capacité de l’équipe à porter le projet'),
  q('development', 'dev_needs', 'text', 0, 'Besoins d’accompagnement exprimés'),
  q('development', 'dev_interviewer_notes', 'text', 0, 'Notes personnelles du chargé d’accompagnement', { confidentiality: 'interviewerOnly' }),

  // Ancrage territorial
  q('territory', 'ter_networks', 'scale0to4', 2, 'Ancrage dans les réseaux locaux (CRESS, collectifs, têtes de réseau)'),
  q('territory', 'ter_pooling_opportunity', 'yesPartlyNo', 1, 'Opportunité de mutualisation (locaux, emplois partagés, achats, véhicules)'),
  q('territory', 'ter_local_purchasing', 'percentage', 1, 'Part des achats faits auprès de fournisseurs du territoire', { thresholds: bands(0.3, 20, 0.7, 50, 1) }),
  q('territory', 'ter_local_employees', 'percentage', 1, 'Part des salariés habitant le territoire', { thresholds: bands(0.4, 50, 0.8, 80, 1) }),
  q('territory', 'ter_priority_area', 'yesPartlyNo', 1, 'Activité en quartier prioritaire (QPV) ou en zone de revitalisation rurale'),
  q('territory', 'ter_authorities', 'scale0to4', 1, 'Relations avec les collectivités (Agglomération, communes, Département)'),
];

// JSON Logic, guarded: a comparison with an unanswered question is false, never a surprise.
const v = (code: string) => ({ var: code });
const given = (code: string) => ({ '!==': [v(code), null] });
const cmp = (op: '>' | '>=' | '<' | '<=', code: string, n: number) => ({ and: [given(code), { [op]: [v(code), n] }] });
const is = (code: string, ...values: string[]) => (values.length === 1 ? { '===': [v(code), values[0]] } : { in: [v(code), values] });
const has = (code: string, option: string) => ({ and: [given(code), { in: [option, v(code)] }] });
const all = (...conditions: unknown[]) => ({ and: conditions });

function rule(kind: GridRule['kind'], severity: GridRule['severity'], sectionCode: string, code: string, label: string, explanation: string, condition: unknown): GridRule {
  return { code, kind, severity, sectionCode, label, explanation, condition };
}

const RULES: GridRule[] = [
  rule(
    'risk',
    'high',
    'finances',
    'public_funding_dependency',
    'Dépendance aux financements publics',
    'Les financements publics représentent {{fin_public_funding_share}} % des produits (au-delà de 70 %).',
    cmp('>', 'fin_public_funding_share', 70),
  ),
  rule(
    'risk',
    'high',
    'finances',
    'low_cash',
    'Trésorerie tendue',
    'La trésorerie couvre {{fin_cash_months}} mois de charges (moins de 3 mois).',
    all(cmp('>=', 'fin_cash_months', 1), cmp('<', 'fin_cash_months', 3)),
  ),
  rule('risk', 'critical', 'finances', 'cash_crisis', 'Trésorerie en alerte', 'La trésorerie couvre {{fin_cash_months}} mois de charges (moins d’un mois).', cmp('<', 'fin_cash_months', 1)),
  rule('risk', 'critical', 'finances', 'negative_equity', 'Fonds propres négatifs', 'Les fonds propres s’élèvent à {{fin_equity}} € au dernier bilan.', cmp('<', 'fin_equity', 0)),
  rule('risk', 'critical', 'finances', 'tax_social_arrears', 'Dettes sociales ou fiscales', 'Des dettes sociales ou fiscales sont en retard : alerte immédiate.', is('fin_arrears', 'yes', 'partly')),
  rule('risk', 'high', 'finances', 'repeated_deficits', 'Déficits répétés', '{{fin_deficits_in_row}} exercices déficitaires consécutifs.', cmp('>=', 'fin_deficits_in_row', 2)),
  rule(
    'risk',
    'watch',
    'finances',
    'main_funder_dependency',
    'Dépendance à un financeur',
    'Le premier financeur apporte {{fin_main_funder_share}} % des produits (plus de la moitié).',
    cmp('>', 'fin_main_funder_share', 50),
  ),
  rule(
    'risk',
    'watch',
    'finances',
    'working_capital_gap',
    'Fonds de roulement insuffisant',
    'Le fonds de roulement ne couvre pas le besoin en fonds de roulement.',
    is('fin_working_capital_covered', 'no'),
  ),
  rule(
    'risk',
    'watch',
    'finances',
    'agreements_ending',
    'Conventions arrivant à échéance',
    'Les conventions pluriannuelles ou conventionnements prennent fin dans les 12 mois.',
    is('fin_multi_year_agreements', 'ending'),
  ),
  rule(
    'risk',
    'high',
    'market',
    'customer_concentration',
    'Dépendance à un client',
    'Le premier client représente {{mkt_main_customer_share}} % du chiffre d’affaires (plus de la moitié).',
    cmp('>', 'mkt_main_customer_share', 50),
  ),
  rule('risk', 'watch', 'market', 'declining_demand', 'Demande en baisse', 'La demande est en baisse sur deux ans.', is('mkt_demand_trend', 'declining')),
  rule(
    'risk',
    'watch',
    'governance',
    'board_not_renewed',
    'Conseil non renouvelé',
    'Le conseil n’a pas été renouvelé depuis {{gov_years_since_board_renewal}} ans (3 ans ou plus).',
    cmp('>=', 'gov_years_since_board_renewal', 3),
  ),
  rule(
    'risk',
    'watch',
    'governance',
    'no_general_assembly',
    'Assemblée générale non tenue',
    'L’assemblée générale de l’an dernier ne s’est pas tenue dans les délais.',
    is('gov_general_assembly', 'no'),
  ),
  rule(
    'risk',
    'high',
    'governance',
    'scop_capital_below_majority',
    'Capital salarié sous 51 %',
    'Les salariés détiennent {{gov_scop_employee_capital}} % du capital de la SCOP (51 % exigés).',
    all(is('gov_legal_form', 'scop'), cmp('<', 'gov_scop_employee_capital', 51)),
  ),
  rule(
    'risk',
    'high',
    'hr',
    'subsidised_contracts_ending',
    'Fin de contrats aidés',
    '{{hr_subsidised_ending_share}} % de l’effectif voit son contrat aidé ou son aide au poste finir dans les 12 mois (prochaine fin : {{hr_subsidised_next_end}}).',
    cmp('>=', 'hr_subsidised_ending_share', 25),
  ),
  rule(
    'risk',
    'watch',
    'hr',
    'subsidised_jobs_dependency',
    'Emplois aidés nombreux',
    '{{hr_subsidised_share}} % des salariés sont en contrats aidés (plus de 30 %).',
    cmp('>', 'hr_subsidised_share', 30),
  ),
  rule('risk', 'high', 'hr', 'unprepared_succession', 'Succession non préparée', 'Le départ du dirigeant est proche et n’est pas préparé.', is('hr_leader_succession', 'leaving_unprepared')),
  rule('risk', 'watch', 'hr', 'key_person_dependency', 'Dépendance à une personne clé', 'L’activité repose sur une seule personne.', is('hr_key_person', 'yes')),
  rule(
    'risk',
    'watch',
    'essValues',
    'pay_ratio_above_esus',
    'Écart de salaires au-delà de l’ESUS',
    'L’écart de rémunérations est de 1 à {{ess_pay_ratio}}, au-delà du plafond de l’agrément ESUS (1 à 10).',
    all(is('ess_esus', 'holds', 'inProgress'), cmp('>', 'ess_pay_ratio', 10)),
  ),
  rule('margin', 'info', 'market', 'unmet_demand', 'Demande non satisfaite', 'Une demande reste sans réponse : un développement de l’activité est possible.', is('mkt_unmet_demand', 'yes', 'partly')),
  rule('margin', 'info', 'market', 'new_market', 'Nouveau marché identifié', 'Un nouveau marché ou un nouveau public est identifié.', is('mkt_new_market', 'yes', 'partly')),
  rule(
    'margin',
    'info',
    'territory',
    'pooling_opportunity',
    'Mutualisation possible',
    'Une mutualisation (locaux, emplois partagés, achats) est envisageable avec d’autres structures du territoire.',
    is('ter_pooling_opportunity', 'yes', 'partly'),
  ),
  rule(
    'margin',
    'info',
    'essValues',
    'esus_eligible',
    'Agrément ESUS à demander',
    'La structure semble éligible à l’agrément ESUS sans l’avoir demandé : il ouvre l’épargne solidaire.',
    is('ess_esus', 'eligibleNotRequested'),
  ),
  rule(
    'margin',
    'info',
    'development',
    'self_financing_capacity',
    'Capacité d’autofinancement',
    'Avec {{fin_cash_months}} mois de trésorerie et un projet formalisé, une part du projet peut être autofinancée.',
    all(cmp('>=', 'fin_cash_months', 6), is('dev_project', 'yes')),
  ),
  rule(
    'margin',
    'info',
    'development',
    'employee_takeover',
    'Reprise ou transformation coopérative',
    'Un projet de reprise ou de transformation en SCOP / SCIC : orienter vers l’URSCOP.',
    has('dev_project_kinds', 'employeeTakeover'),
  ),
  rule('margin', 'info', 'hr', 'volunteer_base', 'Base bénévole mobilisable', '{{hr_volunteers}} bénévoles réguliers peuvent porter une nouvelle action.', cmp('>=', 'hr_volunteers', 20)),
];

/** The default grid, version 1: what `reference` loads when no grid of this code exists. */
export const DEFAULT_GRID: GridDefinition = {
  code: DEFAULT_GRID_CODE,
  version: 1,
  title: 'Diagnostic partagé ESS',
  sections: SECTIONS,
  questions: QUESTIONS,
  rules: RULES,
};
