import { describe, expect, it } from 'vitest';
import { assertNotBlank, keepTestOutput, svgToPng } from '../../test/render.js';
import { radarSvg } from './radar-svg.js';
import type { AxisScore } from './scoring.js';

const AXES: AxisScore[] = [
  { axis: 'hr', label: 'Ressources humaines', score: 62.5, coverage: 1 },
  { axis: 'governance', label: 'Gouvernance', score: 40, coverage: 0.8 },
  { axis: 'finances', label: 'Situation financière et perspectives', score: 18.3, coverage: 1 },
  { axis: 'market', label: 'Positionnement sur le marché', score: 55, coverage: 0.3 },
  { axis: 'socialUtility', label: 'Utilité sociale', score: 80, coverage: 1 },
  { axis: 'essValues', label: 'Valeurs de l’ESS', score: null, coverage: 0 },
  { axis: 'development', label: 'Projet de développement', score: 70, coverage: 1 },
  { axis: 'territory', label: 'Ancrage territorial', score: 90, coverage: 1 },
];

describe('radarSvg', () => {
  it('draws the current, previous and median polygons with French labels, a legend and an accessible description', async () => {
    const svg = radarSvg({
      title: 'Recyclerie <du> Portel',
      axes: AXES,
      previous: AXES.map((a) => ({ axis: a.axis, score: a.score === null ? null : Math.max(0, a.score - 10) })),
      previousLabel: 'Entretien du 12/03/2023',
      median: Object.fromEntries(AXES.map((a) => [a.axis, 50])),
    });
    expect(svg).toContain('role="img"');
    expect(svg).toContain('<title id="radar-title">Recyclerie &lt;du&gt; Portel</title>');
    expect(svg).toContain('Situation financière et perspectives : 18,3 sur 100');
    expect(svg).toContain('Valeurs de l’ESS : non évalué');
    expect(svg).toContain('55/100 (partiel)');
    expect(svg).toContain('stroke-dasharray="6 4"');
    expect(svg).toContain('Entretien du 12/03/2023');
    expect(svg).toContain('Médiane du secteur');
    // The unassessed axis is left out of the current polygon: 7 points, not 8.
    const current = /<polygon points="([^"]+)" fill="#1d5fa8"/.exec(svg)![1]!;
    expect(current.split(' ')).toHaveLength(7);
    const png = await svgToPng(svg);
    assertNotBlank(png, 0.02);
    await keepTestOutput('radar/radar.svg', svg);
    await keepTestOutput('radar/radar.png', png);
  });

  it('draws a lone current radar without legend entries for what is missing', async () => {
    const svg = radarSvg({ title: 'Premier entretien', axes: AXES.slice(0, 3) });
    expect(svg).not.toContain('Entretien précédent');
    expect(svg).not.toContain('Médiane');
    assertNotBlank(await svgToPng(svg));
  });
});
