/**
 * Sectors (filières) of the social and solidarity economy in the Boulonnais: reference data, loaded by
 * `npm run setup` on a real deployment and with the demo. Insertion is not among them: it is a mode
 * that crosses sectors (an ACI running a recyclerie is in reuse, and in insertion by its conventionnement).
 * Codes are stable ASCII identifiers; names and descriptions are shown to people, in French.
 */

export interface SectorSeed {
  code: string;
  name: string;
  description: string;
  /** NAF rev. 2 codes of the sector's activities (INSEE's nomenclature, as CRESS panoramas group them). */
  nafCodes: string[];
}

export const SECTORS: SectorSeed[] = [
  {
    code: 'services-a-la-personne',
    name: 'Services à la personne',
    description: "Aide à domicile, garde d'enfants, portage de repas et accompagnement des personnes âgées ou en situation de handicap.",
    nafCodes: ['56.29B', '78.30Z', '81.21Z', '88.10A', '88.10B', '88.91A', '88.91B'],
  },
  {
    code: 'recyclage-reemploi',
    name: 'Recyclage et réemploi',
    description: 'Ressourceries, recycleries et ateliers de réparation qui collectent, remettent en état et revendent objets et matériaux pour réduire les déchets.',
    nafCodes: ['38.11Z', '38.21Z', '38.32Z', '47.79Z', '95.22Z', '95.29Z'],
  },
  {
    code: 'culture',
    name: 'Culture',
    description: "Spectacle vivant, musique, arts plastiques, patrimoine, lecture et éducation artistique portés par des associations et des coopératives d'artistes.",
    nafCodes: ['59.14Z', '85.52Z', '90.01Z', '90.02Z', '90.03A', '90.04Z', '91.01Z', '91.02Z', '91.03Z', '94.99Z'],
  },
  {
    code: 'sport-loisirs',
    name: 'Sport et loisirs',
    description: 'Clubs sportifs, associations de loisirs et de jeunesse, activités de pleine nature et sports nautiques sur le littoral.',
    nafCodes: ['85.51Z', '93.11Z', '93.12Z', '93.19Z', '93.29Z', '94.99Z'],
  },
  {
    code: 'education-formation',
    name: 'Éducation et formation',
    description: "Éducation populaire, accompagnement scolaire, formation professionnelle et lutte contre l'illettrisme.",
    nafCodes: ['62.01Z', '70.22Z', '73.11Z', '85.52Z', '85.59A', '85.59B', '85.60Z', '88.91A', '88.91B', '88.99A', '94.99Z'],
  },
  {
    code: 'action-sociale-sante',
    name: 'Action sociale et santé',
    description: 'Hébergement et accompagnement social, établissements médico-sociaux, aide alimentaire, prévention et accès aux soins.',
    nafCodes: ['47.78A', '81.21Z', '82.92Z', '86.21Z', '86.23Z', '86.90D', '87.10A', '87.10B', '87.20A', '87.30A', '87.90A', '87.90B', '88.10C', '88.99A', '88.99B', '94.99Z'],
  },
  {
    code: 'environnement',
    name: 'Environnement',
    description: "Protection de la nature et du littoral, éducation à l'environnement, énergies renouvelables et maîtrise de l'énergie.",
    nafCodes: ['02.10Z', '35.11Z', '39.00Z', '43.99C', '71.12B', '81.29B', '81.30Z', '94.99Z'],
  },
  {
    code: 'agriculture-alimentation',
    name: 'Agriculture et alimentation',
    description: 'Circuits courts, agriculture biologique, jardins partagés, coopératives agricoles et épiceries solidaires.',
    nafCodes: ['01.13Z', '01.50Z', '01.61Z', '10.51C', '10.71C', '46.21Z', '47.11B', '47.21Z', '56.10A', '56.21Z', '56.29B'],
  },
  {
    code: 'habitat-logement',
    name: 'Habitat et logement',
    description: "Logement très social, habitat participatif, amélioration de l'habitat et lutte contre la précarité énergétique.",
    nafCodes: ['41.10A', '41.20A', '43.32A', '43.34Z', '43.39Z', '43.91A', '55.90Z', '68.20A', '68.32A', '71.12B', '78.20Z', '87.90A'],
  },
  {
    code: 'finance-solidaire-assurance',
    name: 'Finance solidaire, banque et assurance',
    description: "Banques coopératives, mutuelles de santé et d'assurance, clubs d'épargne solidaire et financeurs solidaires.",
    nafCodes: ['64.19Z', '64.92Z', '65.11Z', '65.12Z', '66.19B'],
  },
  {
    code: 'tourisme-social',
    name: 'Tourisme social et solidaire',
    description: "Centres de vacances, hébergements collectifs et séjours accessibles au plus grand nombre sur la Côte d'Opale et dans le bocage boulonnais.",
    nafCodes: ['50.10Z', '55.20Z', '55.30Z', '79.12Z', '79.90Z'],
  },
  {
    code: 'commerce-equitable',
    name: 'Commerce équitable et consommation responsable',
    description: 'Boutiques et coopératives de commerce équitable, nord-sud et local, et sensibilisation à la consommation responsable.',
    nafCodes: ['46.90Z', '47.19B', '47.29Z', '47.91B'],
  },
  {
    code: 'mobilite',
    name: 'Mobilité',
    description: "Garages et auto-écoles solidaires, location de véhicules, covoiturage et vélo pour faciliter l'accès à l'emploi et à la formation.",
    nafCodes: ['45.20A', '49.39B', '77.11A', '77.21Z', '85.53Z'],
  },
  {
    code: 'peche-economie-maritime',
    name: 'Pêche et économie maritime',
    description: 'Coopératives maritimes, avitaillement, formation aux métiers de la mer et valorisation des produits de la pêche du premier port de pêche français.',
    nafCodes: ['03.11Z', '10.20Z', '46.38A', '46.71Z', '46.90Z', '52.22Z', '85.59A', '94.99Z'],
  },
];

/** The codes of the reference sectors, in their order. */
export const SECTOR_CODES: readonly string[] = SECTORS.map((s) => s.code);
