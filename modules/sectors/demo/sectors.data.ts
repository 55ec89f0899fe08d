/**
 * Sectors (filières) of the social and solidarity economy in the Boulonnais: reference data, loaded by
 * `npm run setup` on a real deployment and with the demo.
 * Codes are stable ASCII identifiers; names and descriptions are shown to people, in French.
 */

export interface SectorSeed {
  code: string;
  name: string;
  description: string;
}

export const SECTORS: SectorSeed[] = [
  {
    code: 'insertion',
    name: "Insertion par l'activité économique",
    description: "Chantiers d'insertion, entreprises d'insertion, associations intermédiaires et intérim d'insertion qui remettent au travail des personnes éloignées de l'emploi.",
  },
  {
    code: 'services-a-la-personne',
    name: 'Services à la personne',
    description: "Aide à domicile, garde d'enfants, portage de repas et accompagnement des personnes âgées ou en situation de handicap.",
  },
  {
    code: 'recyclage-reemploi',
    name: 'Recyclage et réemploi',
    description: 'Ressourceries, recycleries et ateliers de réparation qui collectent, remettent en état et revendent objets et matériaux pour réduire les déchets.',
  },
  {
    code: 'culture',
    name: 'Culture',
    description: "Spectacle vivant, musique, arts plastiques, patrimoine, lecture et éducation artistique portés par des associations et des coopératives d'artistes.",
  },
  {
    code: 'sport-loisirs',
    name: 'Sport et loisirs',
    description: 'Clubs sportifs, associations de loisirs et de jeunesse, activités de pleine nature et sports nautiques sur le littoral.',
  },
  {
    code: 'education-formation',
    name: 'Éducation et formation',
    description: "Éducation populaire, accompagnement scolaire, formation professionnelle et lutte contre l'illettrisme.",
  },
  {
    code: 'action-sociale-sante',
    name: 'Action sociale et santé',
    description: 'Hébergement et accompagnement social, établissements médico-sociaux, aide alimentaire, prévention et accès aux soins.',
  },
  {
    code: 'environnement',
    name: 'Environnement',
    description: "Protection de la nature et du littoral, éducation à l'environnement, énergies renouvelables et maîtrise de l'énergie.",
  },
  {
    code: 'agriculture-alimentation',
    name: 'Agriculture et alimentation',
    description: 'Circuits courts, agriculture biologique, jardins partagés, coopératives agricoles et épiceries solidaires.',
  },
  {
    code: 'habitat-logement',
    name: 'Habitat et logement',
    description: "Logement très social, habitat participatif, amélioration de l'habitat et lutte contre la précarité énergétique.",
  },
  {
    code: 'finance-solidaire-assurance',
    name: 'Finance solidaire, banque et assurance',
    description: "Banques coopératives, mutuelles de santé et d'assurance, clubs d'épargne solidaire et financeurs solidaires.",
  },
  {
    code: 'tourisme-social',
    name: 'Tourisme social et solidaire',
    description: "Centres de vacances, hébergements collectifs et séjours accessibles au plus grand nombre sur la Côte d'Opale et dans le bocage boulonnais.",
  },
  {
    code: 'commerce-equitable',
    name: 'Commerce équitable et consommation responsable',
    description: 'Boutiques et coopératives de commerce équitable, nord-sud et local, et sensibilisation à la consommation responsable.',
  },
  {
    code: 'mobilite',
    name: 'Mobilité',
    description: "Garages et auto-écoles solidaires, location de véhicules, covoiturage et vélo pour faciliter l'accès à l'emploi et à la formation.",
  },
  {
    code: 'peche-economie-maritime',
    name: 'Pêche et économie maritime',
    description: 'Coopératives maritimes, avitaillement, formation aux métiers de la mer et valorisation des produits de la pêche du premier port de pêche français.',
  },
];

/** The codes of the reference sectors, in their order. */
export const SECTOR_CODES: readonly string[] = SECTORS.map((s) => s.code);
