import { escapeHtml } from '../../server/kit/index.js';
import type { AnswerValue, GridQuestion, GridSection } from '../interview-grids/index.js';
import { LEVEL_LABELS, type RadarLevel, type RadarTrend } from './level.js';
import { formatAnswer, type RadarSignal } from './rules.js';
import type { AxisScore } from './scoring.js';

/*
 * An organization's interview and radar as one printable French HTML page (A4, inline CSS and SVG, no script):
 * what the PDF export renders. Built from plain data the caller already filtered for the viewer: questions
 * whose answers the viewer may not read are absent from `questions`, signals already redacted.
 */

export interface RadarReport {
  organizationName: string;
  /** "Association · Recyclage et réemploi · Le Portel". */
  organizationLine: string;
  interviewDate: string;
  gridTitle: string;
  level: RadarLevel;
  axes: readonly AxisScore[];
  signals: readonly Pick<RadarSignal, 'kind' | 'severity' | 'label' | 'explanation' | 'axis'>[];
  trend: RadarTrend | null;
  sections: readonly GridSection[];
  questions: readonly GridQuestion[];
  answers: Readonly<Record<string, AnswerValue>>;
  svg: string;
  /** Date the document is printed ('YYYY-MM-DD'). */
  printedOn: string;
}

const dateFr = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const scoreFr = (score: number | null): string => (score === null ? 'non évalué' : `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(score)}/100`);
const percentFr = (share: number): string => `${Math.round(share * 100)}\u00a0%`;
const SEVERITY_FR: Record<RadarSignal['severity'], string> = { info: 'information', watch: 'vigilance', high: 'élevé', critical: 'critique' };
const deltaFr = (delta: number | null): string =>
  delta === null ? '—' : `${delta > 0 ? '+' : delta < 0 ? '−' : ''}${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(Math.abs(delta))}`;

const STYLE = `
  @page { size: A4; margin: 1.6cm 1.5cm; }
  body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 10.5pt; color: #222; }
  h1 { font-size: 18pt; margin: 0 0 2pt; color: #1d3557; } h2 { font-size: 13pt; color: #1d3557; border-bottom: 1px solid #1d3557; margin-top: 16pt; }
  h3 { font-size: 11pt; margin: 10pt 0 4pt; } .sub { color: #555; margin: 0 0 8pt; }
  .level { display: inline-block; padding: 2pt 8pt; border-radius: 4pt; font-weight: bold; color: #fff; }
  .level-low { background: #2a9d8f; } .level-watch { background: #e9c46a; color: #222; } .level-high { background: #f4a261; color: #222; } .level-critical { background: #c0392b; }
  table { border-collapse: collapse; width: 100%; margin: 4pt 0; } th, td { border: 1px solid #ccc; padding: 3pt 5pt; text-align: left; vertical-align: top; }
  th { background: #eef2f7; } td.n { text-align: right; white-space: nowrap; } .radar { text-align: center; } .radar svg { width: 15cm; height: auto; }
  .risk { color: #8b1e12; } .margin { color: #1d6b3a; } .muted { color: #777; font-style: italic; } section { break-inside: avoid-page; }
  footer { margin-top: 14pt; color: #777; font-size: 8.5pt; }`;

export function radarReportHtml(r: RadarReport): string {
  const axisRows = r.axes
    .map((a) => {
      const t = r.trend?.axes.find((x) => x.axis === a.axis);
      return `<tr><td>${escapeHtml(a.label)}</td><td class="n">${scoreFr(a.score)}</td><td class="n">${percentFr(a.coverage)}</td>${r.trend ? `<td class="n">${deltaFr(t?.delta ?? null)}</td>` : ''}</tr>`;
    })
    .join('');
  const signals = r.signals.length
    ? `<table><tr><th>Signal</th><th>Nature</th><th>Niveau</th><th>Explication</th></tr>${r.signals
        .map(
          (s) =>
            `<tr><td>${escapeHtml(s.label)}</td><td class="${s.kind}">${s.kind === 'risk' ? 'Risque' : 'Marge de progrès'}</td><td>${SEVERITY_FR[s.severity]}</td><td>${escapeHtml(s.explanation)}</td></tr>`,
        )
        .join('')}</table>`
    : '<p class="muted">Aucun signal.</p>';
  const answers = [...r.sections]
    .sort((a, b) => a.order - b.order)
    .map((section) => {
      const rows = r.questions
        .filter((q) => q.sectionCode === section.code)
        .map((q) => `<tr><td>${escapeHtml(q.label)}</td><td>${escapeHtml(formatAnswer(q, r.answers[q.code]))}</td></tr>`)
        .join('');
      return rows ? `<section><h3>${escapeHtml(section.label)}</h3><table><tr><th style="width:60%">Question</th><th>Réponse</th></tr>${rows}</table></section>` : '';
    })
    .join('');
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(`Diagnostic — ${r.organizationName}`)}</title><style>${STYLE}</style></head><body>
<h1>${escapeHtml(r.organizationName)}</h1>
<p class="sub">${escapeHtml(r.organizationLine)}</p>
<p>Entretien du ${dateFr(r.interviewDate)} — ${escapeHtml(r.gridTitle)}. Niveau d’alerte : <span class="level level-${r.level}">${escapeHtml(LEVEL_LABELS[r.level])}</span></p>
<h2>Radar</h2>
<div class="radar">${r.svg}</div>
<table><tr><th>Axe</th><th>Score</th><th>Couverture</th>${r.trend ? '<th>Évolution</th>' : ''}</tr>${axisRows}</table>
${r.trend ? `<p>Niveau précédent : ${escapeHtml(LEVEL_LABELS[r.trend.previousLevel])}. Nouveaux signaux : ${r.trend.newSignals.length} ; signaux levés : ${r.trend.resolvedSignals.length}.</p>` : ''}
<h2>Risques et marges de progrès</h2>
${signals}
<h2>Réponses à l’entretien</h2>
${answers || '<p class="muted">Aucune réponse consultable.</p>'}
<footer>Document confidentiel, imprimé le ${dateFr(r.printedOn)}. Un axe « non évalué » n’a reçu aucune réponse : il ne traduit pas une difficulté. Chaque partenaire décide seul de son intervention.</footer>
</body></html>`;
}
