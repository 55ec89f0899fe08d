import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDocuments, chromiumPath, renderPdf } from '../../server/kit/documents.js';
import { assertNotBlank, keepTestOutput, pdfText, pdfToPng } from '../../test/render.js';
import type { GridQuestion } from '../interview-grids/index.js';
import { radarReportHtml } from './radar-report.js';
import { radarSvg } from './radar-svg.js';

afterAll(async () => closeDocuments());

const questions: GridQuestion[] = [
  {
    code: 'fin_public_funding_share',
    sectionCode: 'finances',
    label: 'Part des financements publics dans les produits',
    type: 'percentage',
    required: false,
    weight: 3,
    confidentiality: 'partnerAndCommittee',
  },
  { code: 'hr_training', sectionCode: 'hr', label: 'Plan de formation', type: 'yesPartlyNo', required: false, weight: 1, confidentiality: 'shared' },
];
const axes = [
  { axis: 'hr', label: 'Ressources humaines', score: 50, coverage: 1 },
  { axis: 'finances', label: 'Situation financière', score: 0, coverage: 0.6 },
  { axis: 'market', label: 'Marché', score: null, coverage: 0 },
];

describe.skipIf(!existsSync(chromiumPath()))('radarReportHtml', () => {
  it('prints the interview and the radar as a French A4 PDF that is not blank', async () => {
    const html = radarReportHtml({
      organizationName: 'Les Jardins <d’Été>',
      organizationLine: 'Association · Agriculture urbaine · Outreau',
      interviewDate: '2026-03-12',
      gridTitle: 'Diagnostic ESS',
      level: 'high',
      axes,
      signals: [
        { kind: 'risk', severity: 'high', axis: 'finances', label: 'Dépendance aux financements publics', explanation: 'Les financements publics représentent 78 % des produits (au-delà de 70 %).' },
      ],
      trend: null,
      sections: [
        { code: 'hr', label: 'Ressources humaines', order: 1 },
        { code: 'finances', label: 'Situation financière', order: 2 },
      ],
      questions,
      answers: { fin_public_funding_share: 78, hr_training: 'partly' },
      svg: radarSvg({ title: 'Les Jardins', axes }),
      printedOn: '2026-07-01',
    });
    expect(html).toContain('Les Jardins &lt;d’Été&gt;');
    const pdf = await renderPdf(html);
    const text = pdfText(pdf);
    for (const expected of ['Les Jardins <d’Été>', 'Entretien du 12/03/2026', 'élevé', 'Les financements publics représentent 78 % des produits', 'en partie', 'non évalué', '78 %'])
      expect(text.replace(/\s+/g, ' ')).toContain(expected.replace(/\s+/g, ' '));
    const png = await pdfToPng(pdf);
    assertNotBlank(png);
    await keepTestOutput('radar/report.pdf', pdf);
    await keepTestOutput('radar/report.png', png);
  });
});
