import { Commune } from './commune.entity.js';
import { Intercommunality } from './intercommunality.entity.js';
import { Territory } from './territory.entity.js';
import { PRIORITY_DISTRICTS, TERRITORY } from './demo/territory.data.js';
import { type ReferenceContext, type ReferenceResult, slugify } from '../../server/kit/index.js';

/**
 * The platform's real perimeter, the Boulonnais: the CAB's 22 communes and Desvres-Samer's 31. Loaded
 * by `npm run setup` on a real deployment and with the demo data. Adds what is missing by natural key
 * (territory and intercommunality names, commune slugs) and the priority districts of communes that have
 * none, so running it again adds nothing, and a commune
 * added to the data reaches an existing deployment on its next setup.
 */
export async function loadTerritory({ em }: ReferenceContext): Promise<ReferenceResult> {
  const added = { territories: 0, intercommunalities: 0, communes: 0 };
  let territory = await em.findOne(Territory, { name: TERRITORY.name });
  if (!territory) {
    territory = em.create(Territory, { name: TERRITORY.name, description: TERRITORY.description });
    added.territories++;
  }
  const names = TERRITORY.intercommunalities.map((i) => i.name);
  const intercommunalities = new Map((await em.find(Intercommunality, { name: { $in: names } })).map((i) => [i.name, i]));
  const slugs = TERRITORY.intercommunalities.flatMap((i) => i.communes.map(slugify));
  const existing = new Map((await em.find(Commune, { slug: { $in: slugs } })).map((c) => [c.slug, c]));
  for (const seed of TERRITORY.intercommunalities) {
    let intercommunality = intercommunalities.get(seed.name);
    if (!intercommunality) {
      intercommunality = em.create(Intercommunality, { name: seed.name, shortName: seed.shortName, territory });
      added.intercommunalities++;
    }
    for (const name of seed.communes) {
      const slug = slugify(name);
      const priorityDistricts = [...(PRIORITY_DISTRICTS[name] ?? [])];
      const commune = existing.get(slug);
      if (commune) {
        if (commune.priorityDistricts.length === 0 && priorityDistricts.length > 0) commune.priorityDistricts = priorityDistricts;
        continue;
      }
      existing.set(slug, em.create(Commune, { name, slug, intercommunality, priorityDistricts }));
      added.communes++;
    }
  }
  await em.flush();
  return {
    lines: [
      `territory ${TERRITORY.name}: ${added.territories} territory, ${added.intercommunalities} intercommunalities and ${added.communes} communes added ` +
        `(${slugs.length} communes in the reference data)`,
    ],
  };
}
