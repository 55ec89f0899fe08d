import { Commune } from './commune.entity.js';
import { Intercommunality } from './intercommunality.entity.js';
import { Territory } from './territory.entity.js';
import { TERRITORY } from './demo/territory.data.js';
import { type ReferenceContext, type ReferenceResult, slugify } from '../../server/kit/index.js';

/**
 * The platform's real perimeter, the Boulonnais: the CAB's 22 communes and Desvres-Samer's 31. Loaded
 * by `npm run setup` on a real deployment and with the demo data. Adds what is missing by natural key
 * (territory and intercommunality names, commune slugs), so running it again adds nothing, and a commune
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
  const existing = new Set((await em.find(Commune, { slug: { $in: slugs } }, { fields: ['slug'] })).map((c) => c.slug));
  for (const seed of TERRITORY.intercommunalities) {
    let intercommunality = intercommunalities.get(seed.name);
    if (!intercommunality) {
      intercommunality = em.create(Intercommunality, { name: seed.name, shortName: seed.shortName, territory });
      added.intercommunalities++;
    }
    for (const name of seed.communes) {
      const slug = slugify(name);
      if (existing.has(slug)) continue;
      em.create(Commune, { name, slug, intercommunality });
      existing.add(slug);
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
