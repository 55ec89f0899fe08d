/* The platform's real perimeter, as the call for consultation defines it (the CAB and the CCDS). */

export interface IntercommunalitySeed {
  name: string;
  shortName: string;
  communes: string[];
}

export const TERRITORY = {
  name: 'Boulonnais',
  description: "Périmètre de la plate-forme ESS du Boulonnais : la Communauté d'agglomération du Boulonnais et la Communauté de communes de Desvres-Samer.",
  intercommunalities: [
    {
      name: "Communauté d'agglomération du Boulonnais",
      shortName: 'CAB',
      communes: [
        'Baincthun',
        'Boulogne-sur-Mer',
        'Condette',
        'Conteville-lès-Boulogne',
        'Dannes',
        'Echinghen',
        'Équihen-Plage',
        'Hesdigneul-lès-Boulogne',
        "Hesdin-l'Abbé",
        'Isques',
        'La Capelle-lès-Boulogne',
        'Le Portel',
        'Nesles',
        'Neufchâtel-Hardelot',
        'Outreau',
        'Pernes-lès-Boulogne',
        'Pittefaux',
        'Saint-Étienne-au-Mont',
        'Saint-Léonard',
        'Saint-Martin-Boulogne',
        'Wimereux',
        'Wimille',
      ],
    },
    {
      name: 'Communauté de communes de Desvres-Samer',
      shortName: 'CCDS',
      communes: [
        'Alincthun',
        'Bellebrune',
        'Belle-et-Houllefort',
        'Bournonville',
        'Brunembert',
        'Carly',
        'Colembert',
        'Courset',
        'Crémarest',
        'Desvres',
        'Doudeauville',
        'Halinghen',
        'Henneveux',
        'Lacres',
        'Le Wast',
        'Longfossé',
        'Longueville',
        'Lottinghen',
        'Menneville',
        'Nabringhen',
        'Quesques',
        'Questrecques',
        'Saint-Martin-Choquel',
        'Samer',
        'Selles',
        'Senlecques',
        'Tingry',
        'Verlincthun',
        'Vieil-Moutier',
        'Wierre-au-Bois',
        'Wirwignes',
      ],
    },
  ] satisfies IntercommunalitySeed[],
};

/**
 * Priority districts of the city policy (QPV) by commune, as advisers name them. Only those the
 * platform's domain notes confirm; an administrator's data load adds the others.
 */
export const PRIORITY_DISTRICTS: Readonly<Record<string, readonly string[]>> = {
  'Boulogne-sur-Mer': ['Chemin Vert'],
  Outreau: ['Tour du Renard'],
};

/** Names of the communes of the intercommunality `shortName` (CAB, CCDS), in the perimeter's order. */
export function communeNamesOf(shortName: string): readonly string[] {
  const found = TERRITORY.intercommunalities.find((i) => i.shortName === shortName);
  if (!found) throw new Error(`No intercommunality ${shortName} in the perimeter`);
  return found.communes;
}

/** Names of every commune of the perimeter. */
export const PERIMETER_COMMUNES: readonly string[] = TERRITORY.intercommunalities.flatMap((i) => i.communes);
