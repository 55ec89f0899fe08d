import type { DemoContext } from '../../server/module.js';
import { slugify } from '../../server/text.js';
import { Commune } from './commune.entity.js';
import { Intercommunality } from './intercommunality.entity.js';
import { Territory } from './territory.entity.js';
import { TERRITORY } from './demo/territory.data.js';

/** The Boulonnais: the CAB's 22 communes and Desvres-Samer's 31. */
export async function seedTerritory({ em }: DemoContext): Promise<void> {
  if ((await em.count(Territory, {})) > 0) return;
  const territory = em.create(Territory, { name: TERRITORY.name, description: TERRITORY.description });
  for (const seed of TERRITORY.intercommunalities) {
    const intercommunality = em.create(Intercommunality, { name: seed.name, shortName: seed.shortName, territory });
    for (const name of seed.communes) em.create(Commune, { name, slug: slugify(name), intercommunality });
  }
  await em.flush();
}
