/**
 * What the demo generator needs to know of each commune of the perimeter: its size, whether it is on the
 * sea or the port, its postal code, a few streets and its priority districts (QPV).
 *
 * Source: populations are INSEE legal populations (recensement 2021) rounded to an order of magnitude;
 * postal codes from La Poste's list as we know it; QPV as below. Streets are plausible, not surveyed.
 */

export interface CommuneFacts {
  /** Inhabitants, rounded (INSEE order of magnitude). */
  population: number;
  /** On the sea: beaches, dunes or cliffs (nautical sports, pêche à pied, seaside tourism). */
  coastal: boolean;
  /** Part of the port of Boulogne-sur-Mer (fishing, fish trade, ship chandlers). */
  port: boolean;
  postalCode: string;
}

/** The 22 communes of the CAB and the 31 of the CCDS. A commune not listed is treated as a small inland village. */
export const COMMUNE_FACTS: Readonly<Record<string, CommuneFacts>> = {
  // Communauté d'agglomération du Boulonnais (about 113,000 inhabitants)
  Baincthun: { population: 1300, coastal: false, port: false, postalCode: '62360' },
  'Boulogne-sur-Mer': { population: 40000, coastal: true, port: true, postalCode: '62200' },
  Condette: { population: 2700, coastal: false, port: false, postalCode: '62360' },
  'Conteville-lès-Boulogne': { population: 500, coastal: false, port: false, postalCode: '62126' },
  Dannes: { population: 1300, coastal: true, port: false, postalCode: '62187' },
  Echinghen: { population: 400, coastal: false, port: false, postalCode: '62360' },
  'Équihen-Plage': { population: 2800, coastal: true, port: false, postalCode: '62224' },
  'Hesdigneul-lès-Boulogne': { population: 900, coastal: false, port: false, postalCode: '62360' },
  "Hesdin-l'Abbé": { population: 2000, coastal: false, port: false, postalCode: '62360' },
  Isques: { population: 1200, coastal: false, port: false, postalCode: '62360' },
  'La Capelle-lès-Boulogne': { population: 1500, coastal: false, port: false, postalCode: '62360' },
  'Le Portel': { population: 9000, coastal: true, port: true, postalCode: '62480' },
  Nesles: { population: 1000, coastal: false, port: false, postalCode: '62152' },
  'Neufchâtel-Hardelot': { population: 3700, coastal: true, port: false, postalCode: '62152' },
  Outreau: { population: 13500, coastal: false, port: true, postalCode: '62230' },
  'Pernes-lès-Boulogne': { population: 400, coastal: false, port: false, postalCode: '62126' },
  Pittefaux: { population: 400, coastal: false, port: false, postalCode: '62126' },
  'Saint-Étienne-au-Mont': { population: 5000, coastal: true, port: false, postalCode: '62360' },
  'Saint-Léonard': { population: 3400, coastal: false, port: false, postalCode: '62360' },
  'Saint-Martin-Boulogne': { population: 11500, coastal: false, port: false, postalCode: '62280' },
  Wimereux: { population: 6800, coastal: true, port: false, postalCode: '62930' },
  Wimille: { population: 4300, coastal: true, port: false, postalCode: '62126' },
  // Communauté de communes de Desvres-Samer (about 21,000 inhabitants)
  Alincthun: { population: 350, coastal: false, port: false, postalCode: '62142' },
  Bellebrune: { population: 350, coastal: false, port: false, postalCode: '62142' },
  'Belle-et-Houllefort': { population: 500, coastal: false, port: false, postalCode: '62142' },
  Bournonville: { population: 300, coastal: false, port: false, postalCode: '62240' },
  Brunembert: { population: 300, coastal: false, port: false, postalCode: '62240' },
  Carly: { population: 550, coastal: false, port: false, postalCode: '62830' },
  Colembert: { population: 850, coastal: false, port: false, postalCode: '62142' },
  Courset: { population: 350, coastal: false, port: false, postalCode: '62240' },
  Crémarest: { population: 800, coastal: false, port: false, postalCode: '62240' },
  Desvres: { population: 5000, coastal: false, port: false, postalCode: '62240' },
  Doudeauville: { population: 600, coastal: false, port: false, postalCode: '62830' },
  Halinghen: { population: 300, coastal: false, port: false, postalCode: '62830' },
  Henneveux: { population: 250, coastal: false, port: false, postalCode: '62142' },
  Lacres: { population: 250, coastal: false, port: false, postalCode: '62830' },
  'Le Wast': { population: 200, coastal: false, port: false, postalCode: '62142' },
  Longfossé: { population: 1100, coastal: false, port: false, postalCode: '62240' },
  Longueville: { population: 250, coastal: false, port: false, postalCode: '62142' },
  Lottinghen: { population: 500, coastal: false, port: false, postalCode: '62240' },
  Menneville: { population: 500, coastal: false, port: false, postalCode: '62240' },
  Nabringhen: { population: 150, coastal: false, port: false, postalCode: '62142' },
  Quesques: { population: 350, coastal: false, port: false, postalCode: '62240' },
  Questrecques: { population: 200, coastal: false, port: false, postalCode: '62830' },
  'Saint-Martin-Choquel': { population: 400, coastal: false, port: false, postalCode: '62240' },
  Samer: { population: 3900, coastal: false, port: false, postalCode: '62830' },
  Selles: { population: 300, coastal: false, port: false, postalCode: '62240' },
  Senlecques: { population: 150, coastal: false, port: false, postalCode: '62240' },
  Tingry: { population: 350, coastal: false, port: false, postalCode: '62830' },
  Verlincthun: { population: 400, coastal: false, port: false, postalCode: '62830' },
  'Vieil-Moutier': { population: 200, coastal: false, port: false, postalCode: '62240' },
  'Wierre-au-Bois': { population: 250, coastal: false, port: false, postalCode: '62830' },
  Wirwignes: { population: 700, coastal: false, port: false, postalCode: '62240' },
};

/** A commune the table does not know: a small inland village, so that nothing large or coastal is put there. */
export const UNKNOWN_COMMUNE: CommuneFacts = { population: 300, coastal: false, port: false, postalCode: '62000' };

export function communeFacts(name: string): CommuneFacts {
  return COMMUNE_FACTS[name] ?? UNKNOWN_COMMUNE;
}

/**
 * Most staff one establishment plausibly has in a commune of this size: a village hall does not house a
 * 130-person youth centre. Five people anywhere (a home-care office, a small school of music), then about
 * one job per 40 inhabitants (Boulogne-sur-Mer: 1,000).
 */
export function staffCapacity(population: number): number {
  return Math.max(5, Math.floor(population / 40));
}

/** A priority district (QPV) with streets inside it, by commune. */
export interface PriorityDistrict {
  name: string;
  streets: readonly string[];
}

/**
 * QPV with streets inside them, by commune, under the names the territory module gives them ("Chemin Vert",
 * "Tour du Renard"): an address is in a QPV only where the commune has one. The 2024 list (décret
 * n° 2023-1314) names four in the CAB: Centre Ville and Damrémont (Boulogne-sur-Mer), Chemin Vert –
 * Beaurepaire – Malborough (Boulogne-sur-Mer, Saint-Martin-Boulogne) and Résidences Sud du Boulonnais
 * (Boulogne-sur-Mer, Outreau with the Tour du Renard, Le Portel); none in the CCDS.
 */
export const PRIORITY_DISTRICTS: Readonly<Record<string, readonly PriorityDistrict[]>> = {
  'Boulogne-sur-Mer': [{ name: 'Chemin Vert', streets: ['boulevard de Beaurepaire', 'rue de Malborough', 'place du Chemin-Vert', 'rue de la Porte-Gayole', 'allée des Saules'] }],
  Outreau: [{ name: 'Tour du Renard', streets: ['rue de la Tour-du-Renard', 'place de la Tour-du-Renard', 'rue Jacques-Brel'] }],
};

/** Streets outside any QPV, for the towns; villages get VILLAGE_STREETS. */
export const TOWN_STREETS: Readonly<Record<string, readonly string[]>> = {
  'Boulogne-sur-Mer': [
    'boulevard Daunou',
    'Grande Rue',
    'rue Victor-Hugo',
    'boulevard Mariette',
    'rue Faidherbe',
    'boulevard de Clocheville',
    'rue de Brequerecque',
    'place Dalton',
    'boulevard Sainte-Beuve',
    'rue de Wicardenne',
    'boulevard Eurvin',
    'rue Saint-Pierre',
    'quai Gambetta',
    'rue Félix-Adam',
  ],
  'Saint-Martin-Boulogne': ['route de Saint-Omer', 'rue de la Colonne', 'avenue John-Kennedy', 'rue du Mont-Lambert', 'rue Pasteur'],
  Outreau: ['rue Jean-Jaurès', 'rue de la République', 'avenue Roger-Salengro', 'rue Pierre-Curie'],
  'Le Portel': ['rue du Général-de-Gaulle', 'avenue Jean-Jaurès', 'rue Victor-Hugo', 'boulevard de la Mer'],
  Wimereux: ['rue Carnot', 'rue du Baston', 'digue de mer', 'route Nationale'],
  Wimille: ['rue du Centre', 'rue de la Fontaine', 'route de Wimereux'],
  'Saint-Étienne-au-Mont': ['rue de Pont-de-Briques', 'rue de la Liane', "chemin d'Écault"],
  'Saint-Léonard': ['rue de Boulogne', 'rue Pasteur', 'rue du Moulin'],
  'Neufchâtel-Hardelot': ['avenue François-Ier', 'rue de la Gare', 'boulevard de la Plage'],
  'Équihen-Plage': ['rue du Moulin', 'rue de la Mer', 'place du Marché'],
  Condette: ['rue de la Mairie', 'rue du Château', 'rue des Écoles'],
  Desvres: ['rue de Lattre-de-Tassigny', 'place Léon-Blum', 'rue des Potiers', 'rue de Samer', 'route de Boulogne'],
  Samer: ['place Foch', 'rue de Desvres', 'rue du Breuil', 'route de Montreuil'],
};

/** Streets a village has. */
export const VILLAGE_STREETS: readonly string[] = [
  "rue de l'Église",
  'place de la Mairie',
  'rue Principale',
  'rue du Moulin',
  'chemin des Prés',
  'rue de la Forge',
  'route de Desvres',
  'route de Boulogne',
];
