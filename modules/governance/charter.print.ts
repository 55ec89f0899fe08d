import { escapeHtml, find, loadMany, type Context } from '../../server/kit/index.js';
import { Partner } from '../partners/index.js';
import { Person } from '../accounts/index.js';
import { GovernanceBody } from './governance-body.entity.js';
import { CharterArticle, CharterSignature, CHARTER_LIMITS } from './charter.entity.js';
import { CharterService } from './charter.service.js';

/*
 * The printable charter: the current version's articles, the decision that adopted it, and each
 * partner's signature with the commitments it signed; the partners that have not signed it yet are
 * named. HTML in French, rendered to PDF by the kit (renderPdf).
 */

const DATE = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' });
const day = (d: string) => DATE.format(new Date(`${d}T12:00:00Z`));
const h = escapeHtml;
const items = (title: string, values: readonly string[]) => (values.length ? `<p class="c"><b>${title}</b></p><ul>${values.map((v) => `<li>${h(v)}</li>`).join('')}</ul>` : '');

/** The current charter as the viewer sees it, as a self-contained HTML page; null when hidden or not written. */
export async function charterDocument(ctx: Context): Promise<{ html: string; title: string } | null> {
  const charter = await CharterService.current(ctx);
  const version = charter && (await CharterService.currentVersion(ctx, charter));
  if (!charter || !version) return null;
  const [articles, signatures, signatories] = await Promise.all([
    find(ctx, CharterArticle, {
      where: { version: version.id },
      orderBy: [
        ['number', 'asc'],
        ['id', 'asc'],
      ],
      limit: CHARTER_LIMITS.articles,
    }),
    find(ctx, CharterSignature, {
      where: { version: version.id },
      orderBy: [
        ['signedOn', 'asc'],
        ['id', 'asc'],
      ],
      limit: CHARTER_LIMITS.signatures,
    }),
    CharterService.signatories(ctx, charter, false),
  ]);
  const [partners, people, bodies] = await Promise.all([
    loadMany(
      ctx,
      Partner,
      signatures.map((s) => s.partner.id),
    ),
    loadMany(
      ctx,
      Person,
      signatures.flatMap((s) => (s.signatory ? [s.signatory.id] : [])),
    ),
    loadMany(ctx, GovernanceBody, version.adoptedBy ? [version.adoptedBy.id] : []),
  ]);
  const partnerName = new Map(partners.flatMap((p) => (p ? [[p.id, p.name] as const] : [])));
  const personName = new Map(people.flatMap((p) => (p ? [[p.id, p.name] as const] : [])));
  const body = bodies[0]?.name ?? 'l’instance compétente';

  const articleHtml = articles.map(
    (a) =>
      `<section><h2>Article ${a.number} – ${h(a.title)}</h2>${a.text
        .split(/\n{2,}/)
        .map((p) => `<p>${h(p)}</p>`)
        .join('')}</section>`,
  );
  const signatureHtml = signatures.map(
    (s) => `<div class="sig"><h3>${h(partnerName.get(s.partner.id) ?? '')}</h3>
      <p>Signé le ${h(day(s.signedOn))}${s.signatory ? ` par ${h(personName.get(s.signatory.id) ?? '')}` : ''}.</p>
      ${items('Ses apports à la plate-forme', s.contributions)}${items('Ses contraintes', s.constraints)}${items('Ses besoins', s.needs)}</div>`,
  );
  const missing = signatories.map((s) => h(s.partner.name));
  const title = `${charter.title} – version ${version.number}`;
  const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${h(title)}</title><style>
  body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 10.5pt; color: #1a1a1a; margin: 18mm 16mm; }
  header { border-bottom: 2px solid #1d5c8c; margin-bottom: 8mm; padding-bottom: 3mm; } header strong { color: #1d5c8c; font-size: 14pt; }
  h1 { font-size: 16pt; margin: 4mm 0; } h2 { font-size: 11.5pt; color: #1d5c8c; margin: 6mm 0 2mm; } h3 { font-size: 10.5pt; margin: 0 0 1mm; }
  .sig { border: 1px solid #9ab; padding: 2mm 3mm; margin: 3mm 0; page-break-inside: avoid; } .c { margin: 1mm 0; } ul { margin: 0 0 1mm; }
  .small { font-size: 8.5pt; color: #444; }
  </style></head><body>
  <header><strong>Plate-forme ESS du Boulonnais</strong><br>Charte de partenariat</header>
  <h1>${h(charter.title)}</h1>
  <p>Version ${version.number}, adoptée le ${h(day(version.decidedOn))} par décision de l’instance « ${h(body)} » (référence ${h(version.decisionReference)}). ${h(version.summary)}</p>
  ${articleHtml.join('')}
  <h2>Signatures des partenaires</h2>
  ${signatureHtml.length ? signatureHtml.join('') : '<p>Aucun partenaire n’a encore signé cette version.</p>'}
  ${missing.length ? `<p class="small">N’ont pas encore signé cette version : ${missing.join(', ')}.</p>` : '<p class="small">Tous les partenaires actifs ont signé cette version.</p>'}
  </body></html>`;
  return { html, title };
}
