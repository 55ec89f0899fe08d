/**
 * French words the demo generator builds names and people from: "de Boulogne-sur-Mer", "du Portel",
 * evocative names of the coast and of the bocage, first and last names of the Boulonnais, roles.
 */

import type { Random } from '../../../server/kit/index.js';

/** Names whose initial h is mute ("d'Hesdin-l'Abbé"). */
const ELIDED_H = new Set(["Hesdin-l'Abbé", 'Hesdigneul-lès-Boulogne']);

/** "de Boulogne-sur-Mer", "du Portel", "d'Outreau", "de La Capelle-lès-Boulogne". */
export function ofCommune(commune: string): string {
  if (commune.startsWith('Le ')) return `du ${commune.slice(3)}`;
  if (commune.startsWith('Les ')) return `des ${commune.slice(4)}`;
  if (/^[AEIOUYÀÂÉÈÊËÎÏÔÙÛÜ]/.test(commune) || ELIDED_H.has(commune)) return `d'${commune}`;
  return `de ${commune}`;
}

/** "à Boulogne-sur-Mer", "au Portel", "à La Capelle-lès-Boulogne". */
export function atCommune(commune: string): string {
  if (commune.startsWith('Le ')) return `au ${commune.slice(3)}`;
  if (commune.startsWith('Les ')) return `aux ${commune.slice(4)}`;
  return `à ${commune}`;
}

/** "Les Dunes" → "des Dunes", "Le Phare" → "du Phare", "La Marée" → "de la Marée", "L'Estran" → "de l'Estran". */
export function ofPhrase(phrase: string): string {
  if (phrase.startsWith('Les ')) return `des ${phrase.slice(4)}`;
  if (phrase.startsWith('Le ')) return `du ${phrase.slice(3)}`;
  if (phrase.startsWith('La ')) return `de la ${phrase.slice(3)}`;
  if (phrase.startsWith("L'")) return `de l'${phrase.slice(2)}`;
  return `de ${phrase}`;
}

/** Evocative names anywhere in the Boulonnais. */
const COMMON_EVOCATIVE = [
  'La Passerelle',
  "Le Trait d'union",
  "L'Arc-en-ciel",
  'Les Hirondelles',
  'Le Tremplin',
  "L'Envol",
  'La Ruche',
  'La Rose des vents',
  'La Liane',
  'La Source',
  "L'Horizon",
  'Le Beffroi',
  "L'Éclaircie",
  'Les Marronniers',
  'La Boussole',
  'Les Coquelicots',
];
/** Evocative names of the coast: only for coastal communes. */
const COASTAL_EVOCATIVE = [
  'Les Embruns',
  'La Mouette',
  'Les Dunes',
  "L'Escale",
  'Le Phare',
  'La Marée',
  'Les Falaises',
  "L'Estran",
  'Le Goéland',
  'Les Oyats',
  'La Vigie',
  'Le Grand Large',
  'Le Sémaphore',
  'Le Cormoran',
  "L'Ancre",
];
/** Evocative names of the bocage and the inland. */
const INLAND_EVOCATIVE = ['Le Bocage', 'Le Sillon', 'La Forêt', 'Le Moulin', 'Les Genêts', 'Le Chardon', 'La Bruyère', 'Les Pommiers', 'Le Verger', 'La Haie', 'Les Tilleuls', 'Le Fournil'];

export const EVOCATIVE_COASTAL: readonly string[] = [...COMMON_EVOCATIVE, ...COASTAL_EVOCATIVE];
export const EVOCATIVE_INLAND: readonly string[] = [...COMMON_EVOCATIVE, ...INLAND_EVOCATIVE];

/** Words that tell of the sea: a name with one of them belongs in a coastal or port commune. */
export const SEA_WORDS =
  /\b(mer|marins?|littoral|plage|nautique|voile|kayak|surf|plongée|pêcheurs à pied|plaisanciers|embruns|mouette|dunes|estran|goéland|oyats|marée|falaises|sémaphore|cormoran|grand large|côte d'opale|gréements|mareyage|avitaillement)\b/i;

/** What a name template is given: the commune in its forms and an evocative name that suits the place. */
export interface NameParts {
  commune: string;
  /** "de Boulogne-sur-Mer", "du Portel"… */
  de: string;
  /** "du Boulonnais", "du Pays de Desvres-Samer"… */
  area: string;
  /** "Les Dunes" */
  evocative: string;
  /** "des Dunes" */
  ofEvocative: string;
  coastal: boolean;
}

export type NameTemplate = (p: NameParts, r: Random) => string;

export const FEMALE_FIRST_NAMES = [
  'Marie',
  'Nathalie',
  'Isabelle',
  'Sandrine',
  'Valérie',
  'Christine',
  'Sophie',
  'Céline',
  'Stéphanie',
  'Catherine',
  'Véronique',
  'Sylvie',
  'Aurélie',
  'Émilie',
  'Julie',
  'Camille',
  'Léa',
  'Manon',
  'Chloé',
  'Pauline',
  'Hélène',
  'Anne-Sophie',
  'Marie-Thérèse',
  'Brigitte',
  'Françoise',
  'Martine',
  'Élodie',
  'Laëtitia',
  'Agnès',
  'Maryse',
  'Gaëlle',
  'Océane',
  'Noémie',
  'Clémence',
  'Inès',
];
export const MALE_FIRST_NAMES = [
  'Jean',
  'Philippe',
  'Michel',
  'Alain',
  'Patrick',
  'Christophe',
  'Thierry',
  'Frédéric',
  'Laurent',
  'Éric',
  'Stéphane',
  'Olivier',
  'Sébastien',
  'Nicolas',
  'Julien',
  'Maxime',
  'Thomas',
  'Antoine',
  'Hugo',
  'Lucas',
  'Jean-Pierre',
  'Jean-Marc',
  'Bernard',
  'Gérard',
  'Dominique',
  'François',
  'Jérôme',
  'Grégory',
  'Benoît',
  'Rémi',
  'Loïc',
  'Mathéo',
  'Bastien',
  'Régis',
  'Joël',
];
export const LAST_NAMES = [
  'Fourmentin',
  'Lebas',
  'Leprêtre',
  'Caron',
  'Lefebvre',
  'Delattre',
  'Dupont',
  'Vasseur',
  'Leroy',
  'Lemaire',
  'Leclercq',
  'Deseille',
  'Hochart',
  'Bigot',
  'Ledez',
  'Wacheux',
  'Martel',
  'Cazin',
  'Lengaigne',
  'Bourgain',
  'Sauvage',
  'Leleu',
  'Noël',
  'Pruvost',
  'Fasquel',
  'Tétard',
  'Delpierre',
  'Crépin',
  'Dufour',
  'Boulanger',
  'Baillet',
  'Ducrocq',
  'Lecat',
  'Morel',
  'Dumont',
  'Fontaine',
  'Sergeant',
  'Hamy',
  'Huguet',
  'Évrard',
  'Bécart',
  'Testu',
  'Dewaele',
  'Verhaeghe',
  'Pollet',
  'Lefranc',
  'Carpentier',
  'Deneuville',
  'Masson',
  'Lamotte',
  'Delahaye',
  'Lheureux',
  'Routier',
  'Duhamel',
  'Lefèvre',
  'Vandenbussche',
  'Marquant',
  'Hénon',
  'Lavogez',
  'Baheu',
  'Dégardin',
  'Obert',
  'Sailly',
  'Gournay',
  'Coppin',
  'Merlen',
];

export type Gender = 'F' | 'M';
export type GenderedRole = readonly [male: string, female: string];

export const PRESIDENT: GenderedRole = ['Président', 'Présidente'];
export const DIRECTOR: GenderedRole = ['Directeur', 'Directrice'];
export const MANAGER: GenderedRole = ['Gérant', 'Gérante'];
export const BRANCH_MANAGER: GenderedRole = ["Directeur d'agence", "Directrice d'agence"];
export const ESTABLISHMENT_HEAD: GenderedRole = ["Directeur d'établissement", "Directrice d'établissement"];
export const MAYOR_DEPUTY: GenderedRole = ['Vice-président du CCAS', 'Vice-présidente du CCAS'];
export const HOLDER: GenderedRole = ['Porteur de projet', 'Porteuse de projet'];
export const CO_HOLDER: GenderedRole = ['Co-porteur de projet', 'Co-porteuse de projet'];
export const ASSOCIATE: GenderedRole = ['Futur associé', 'Future associée'];

export const VOLUNTEER_ROLES: readonly GenderedRole[] = [
  ['Trésorier', 'Trésorière'],
  ['Secrétaire', 'Secrétaire'],
  ['Vice-président', 'Vice-présidente'],
];
export const STAFF_ROLES: readonly GenderedRole[] = [
  DIRECTOR,
  ['Coordinateur', 'Coordinatrice'],
  ['Chargé de mission', 'Chargée de mission'],
  ['Comptable', 'Comptable'],
  ['Responsable administratif', 'Responsable administrative'],
];
export const SIAE_STAFF_ROLES: readonly GenderedRole[] = [
  ['Encadrant technique', 'Encadrante technique'],
  ["Chargé d'accompagnement socioprofessionnel", "Chargée d'accompagnement socioprofessionnel"],
  ['Chargé de relations entreprises', 'Chargée de relations entreprises'],
  DIRECTOR,
];
export const BRANCH_ROLES: readonly GenderedRole[] = [
  ['Conseiller', 'Conseillère'],
  ['Chargé de clientèle', 'Chargée de clientèle'],
  ['Conseiller des associations', 'Conseillère des associations'],
];

/** Lower-case ASCII: "Marie-Thérèse" → "marie-therese", "Noël" → "noel". */
export function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['\u2019]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A slug of at most `max` characters, cut at a dash when it can. */
export function shortSlug(text: string, max: number): string {
  const slug = asciiSlug(text);
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const lastDash = cut.lastIndexOf('-');
  return lastDash > max / 2 ? cut.slice(0, lastDash) : cut;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
