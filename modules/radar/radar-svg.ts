import { escapeHtml } from '../../server/kit/index.js';
import { MIN_RELIABLE_COVERAGE, type AxisScore } from './scoring.js';

/*
 * The radar as an SVG picture for a committee screen or a printed page: one spoke per axis with its French
 * label, rings every 25 points, the current polygon (filled), the previous one (outlined) and optionally the
 * sector median (dashed), a legend, and an accessible <title>/<desc> that says every score in words.
 * An axis not assessed (no answer) is left out of the polygons and labelled "non évalué", never drawn at 0.
 */

export interface RadarSvgOptions {
  /** Heading of the picture (the organization's name, the interview's date…). */
  title: string;
  axes: readonly AxisScore[];
  /** The previous radar's axes (matched by code). */
  previous?: readonly Pick<AxisScore, 'axis' | 'score'>[] | null;
  /** Label of the previous polygon in the legend ("Entretien du 12/03/2023"). */
  previousLabel?: string;
  /** Median score per axis code, dashed. */
  median?: Readonly<Record<string, number | null>> | null;
  /** Label of the median in the legend ("Médiane du secteur"). */
  medianLabel?: string;
  /** Label of the current polygon in the legend. */
  currentLabel?: string;
}

const WIDTH = 720;
const HEIGHT = 600;
const CX = WIDTH / 2;
const CY = 300;
const RADIUS = 190;
const CURRENT = '#1d5fa8';
const PREVIOUS = '#d97a00';
const MEDIAN = '#555555';

const scoreFr = (score: number): string => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(score);
const xy = (i: number, n: number, value: number): [number, number] => {
  const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
  const r = (RADIUS * Math.max(0, Math.min(100, value))) / 100;
  return [Math.round((CX + r * Math.cos(angle)) * 10) / 10, Math.round((CY + r * Math.sin(angle)) * 10) / 10];
};

function polygon(values: readonly (number | null)[], attributes: string): string {
  const points = values.flatMap((v, i) => (v === null ? [] : [xy(i, values.length, v).join(',')]));
  if (points.length === 0) return '';
  if (points.length <= 2) return `<polyline points="${points.join(' ')}" ${attributes}/>`;
  return `<polygon points="${points.join(' ')}" ${attributes}/>`;
}

/** Splits a French label longer than `max` characters into two lines of balanced length. */
function wrap(label: string, max = 18): string[] {
  const words = label.split(' ');
  if (label.length <= max || words.length < 2) return [label];
  let best: string[] = [label];
  let bestLength = Infinity;
  for (let k = 1; k < words.length; k++) {
    const lines = [words.slice(0, k).join(' '), words.slice(k).join(' ')];
    const longest = Math.max(...lines.map((l) => l.length));
    if (longest < bestLength) [best, bestLength] = [lines, longest];
  }
  return best;
}

export function radarSvg(options: RadarSvgOptions): string {
  const { axes } = options;
  const n = Math.max(axes.length, 3);
  const previousBy = new Map((options.previous ?? []).map((a) => [a.axis, a.score]));
  const current = axes.map((a) => a.score);
  const previous = options.previous ? axes.map((a) => previousBy.get(a.axis) ?? null) : null;
  const median = options.median ? axes.map((a) => options.median![a.axis] ?? null) : null;
  const currentLabel = options.currentLabel ?? 'Entretien actuel';
  const previousLabel = options.previousLabel ?? 'Entretien précédent';
  const medianLabel = options.medianLabel ?? 'Médiane du secteur';

  const parts: string[] = [];
  // Rings and their graduations.
  for (const ring of [25, 50, 75, 100]) {
    const pts = Array.from({ length: n }, (_, i) => xy(i, n, ring).join(',')).join(' ');
    parts.push(`<polygon points="${pts}" fill="none" stroke="#c8c8c8" stroke-width="1"/>`);
    parts.push(`<text x="${CX + 4}" y="${Math.round(CY - (RADIUS * ring) / 100 + 12)}" font-size="11" fill="#888888">${ring}</text>`);
  }
  // Spokes and labels.
  axes.forEach((a, i) => {
    const [x, y] = xy(i, n, 100);
    parts.push(`<line x1="${CX}" y1="${CY}" x2="${x}" y2="${y}" stroke="#c8c8c8" stroke-width="1"/>`);
    const [lx, ly] = xy(i, n, 118);
    const anchor = Math.abs(lx - CX) < 10 ? 'middle' : lx > CX ? 'start' : 'end';
    const status = a.score === null ? 'non évalué' : `${scoreFr(a.score)}/100${a.coverage < MIN_RELIABLE_COVERAGE ? ' (partiel)' : ''}`;
    const lines = [...wrap(a.label), status];
    const height = (lines.length - 1) * 15;
    // Above the top spoke the block ends at the label point, below the bottom one it starts there, else it is centred.
    const top = anchor === 'middle' ? (ly < CY ? ly - height : ly + 10) : ly - height / 2 + 4;
    const tspans = lines
      .map((line, k) => {
        const last = k === lines.length - 1;
        const style = last ? (a.score === null ? ' font-style="italic" fill="#888888"' : ` font-weight="bold" fill="${CURRENT}"`) : ' fill="#222222"';
        return `<tspan x="${lx}" y="${Math.round(top + k * 15)}"${style}>${escapeHtml(line)}</tspan>`;
      })
      .join('');
    parts.push(`<text font-size="13" text-anchor="${anchor}">${tspans}</text>`);
  });
  if (median) parts.push(polygon(median, `fill="none" stroke="${MEDIAN}" stroke-width="2" stroke-dasharray="6 4"`));
  if (previous) parts.push(polygon(previous, `fill="none" stroke="${PREVIOUS}" stroke-width="2.5"`));
  parts.push(polygon(current, `fill="${CURRENT}" fill-opacity="0.25" stroke="${CURRENT}" stroke-width="3"`));
  current.forEach((v, i) => {
    if (v === null) return;
    const [x, y] = xy(i, n, v);
    parts.push(`<circle cx="${x}" cy="${y}" r="4" fill="${CURRENT}"/>`);
  });

  // Legend.
  const legend: [string, string][] = [[currentLabel, `<rect width="22" height="12" fill="${CURRENT}" fill-opacity="0.25" stroke="${CURRENT}" stroke-width="2"/>`]];
  if (previous) legend.push([previousLabel, `<line x1="0" y1="6" x2="22" y2="6" stroke="${PREVIOUS}" stroke-width="2.5"/>`]);
  if (median) legend.push([medianLabel, `<line x1="0" y1="6" x2="22" y2="6" stroke="${MEDIAN}" stroke-width="2" stroke-dasharray="6 4"/>`]);
  const step = WIDTH / legend.length;
  legend.forEach(([label, swatch], k) => {
    const x = Math.round(k * step + 30);
    parts.push(`<g transform="translate(${x},${HEIGHT - 40})">${swatch}<text x="30" y="11" font-size="13" fill="#222222">${escapeHtml(label)}</text></g>`);
  });

  const words = axes.map((a) => `${a.label} : ${a.score === null ? 'non évalué' : `${scoreFr(a.score)} sur 100`}`);
  const desc =
    `Radar du diagnostic sur ${axes.length} axes. ${words.join(' ; ')}.` +
    (previous ? ' Le polygone orange montre l’entretien précédent.' : '') +
    (median ? ' Le tracé en pointillés montre la médiane du secteur.' : '');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="radar-title radar-desc" font-family="DejaVu Sans, Arial, sans-serif">`,
    `<title id="radar-title">${escapeHtml(options.title)}</title>`,
    `<desc id="radar-desc">${escapeHtml(desc)}</desc>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${CX}" y="28" font-size="18" font-weight="bold" text-anchor="middle" fill="#222222">${escapeHtml(options.title)}</text>`,
    ...parts.filter(Boolean),
    '</svg>',
  ].join('\n');
}
