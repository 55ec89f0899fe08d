import { escapeHtml, find, load, loadMany, type Context } from '../../server/kit/index.js';
import { euros, FundingScheme, FundingSchemeKind, Partner } from '../partners/index.js';
import { Organization } from '../organizations/index.js';
import { PartnerPosition } from './partner-position.entity.js';
import { StrategyDecision, SupportAction } from './strategy.entity.js';
import { ActionStatus, PositionKind, SupportStatus } from './support.enums.js';
import { SupportRequest } from './support-request.entity.js';

/*
 * The territorial answer (réponse de territoire): one letter to the holder, in French, on behalf of the
 * platform and not of one institution, built from the committee's decision, the partners' positions and
 * the action plan; a referral variant when the request was redirected or no partner intervenes. HTML,
 * rendered to PDF by the kit (renderPdf).
 */

const NATURE: Record<FundingSchemeKind, string> = {
  GRANT: 'subvention',
  LOAN: 'prêt',
  HONOUR_LOAN: 'prêt d’honneur',
  GUARANTEE: 'garantie',
  QUASI_EQUITY: 'quasi-fonds propres',
  EQUITY: 'fonds propres',
  SUPPORT_PROGRAMME: 'accompagnement',
};

const DATE = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' });
const day = (d: Date | string) => DATE.format(typeof d === 'string' ? new Date(`${d}T12:00:00Z`) : d);
const h = escapeHtml;

/** The request's reference, as the letter and the exports show it: "DA-2025-3F2A9C1B". */
export const referenceOf = (request: Pick<SupportRequest, 'id' | 'receivedAt'>) => `DA-${request.receivedAt.getUTCFullYear()}-${request.id.slice(0, 8).toUpperCase()}`;

/** The letter's HTML for request `id` as the viewer sees it; null when hidden or gone. */
export async function answerLetter(ctx: Context, id: string): Promise<{ html: string; reference: string } | null> {
  const request = await load(ctx, SupportRequest, id);
  if (!request) return null;
  const [positions, actions, decisions] = await Promise.all([
    find(ctx, PartnerPosition, {
      where: { request: id },
      orderBy: [
        ['firstRecordedAt', 'asc'],
        ['id', 'asc'],
      ],
      limit: 100,
    }),
    find(ctx, SupportAction, {
      where: { request: id },
      orderBy: [
        ['dueOn', 'asc'],
        ['id', 'asc'],
      ],
      limit: 100,
    }),
    find(ctx, StrategyDecision, {
      where: { request: id },
      orderBy: [
        ['validatedAt', 'asc'],
        ['id', 'asc'],
      ],
      limit: 1,
    }),
  ]);
  const partnerIds = [...new Set([...positions.map((p) => p.partner.id), ...actions.map((a) => a.owner.id), ...positions.flatMap((p) => (p.redirectTo ? [p.redirectTo.id] : []))])];
  const schemeIds = [...new Set([...positions.flatMap((p) => (p.scheme ? [p.scheme.id] : [])), ...actions.flatMap((a) => (a.scheme ? [a.scheme.id] : []))])];
  const [partners, schemes, organization] = await Promise.all([
    loadMany(ctx, Partner, partnerIds),
    loadMany(ctx, FundingScheme, schemeIds),
    request.organization ? load(ctx, Organization, request.organization.id) : null,
  ]);
  const partnerName = new Map(partners.flatMap((p) => (p ? [[p.id, p.shortName ?? p.name] as const] : [])));
  const scheme = new Map(schemes.flatMap((s) => (s ? [[s.id, s] as const] : [])));
  const decision = decisions[0] ?? null;
  const holder = organization?.name ?? request.holderName ?? 'Madame, Monsieur';
  const reference = referenceOf(request);
  const supporting = positions.filter((p) => p.kind === PositionKind.WILL_SUPPORT || p.kind === PositionKind.CONDITIONAL);
  const referral = request.status === SupportStatus.REDIRECTED || (!decision && supporting.length === 0);
  const done = new Set(actions.filter((a) => a.status === ActionStatus.DONE && a.scheme).map((a) => `${a.owner.id}:${a.scheme!.id}`));

  const rows = supporting.map((p) => {
    const s = p.scheme ? scheme.get(p.scheme.id) : null;
    const status = s && done.has(`${p.partner.id}:${s.id}`) ? 'acquis' : p.kind === PositionKind.CONDITIONAL ? 'sollicité, sous conditions' : 'sollicité';
    return `<tr><td>${h(partnerName.get(p.partner.id) ?? '')}</td><td>${h(s?.name ?? 'Accompagnement')}</td><td class="n">${p.amount != null ? h(euros(p.amount)) : '—'}</td><td>${h(s ? NATURE[s.kind] : 'accompagnement')}</td><td>${status}</td><td>${h(p.conditions)}</td></tr>`;
  });
  const redirections = positions
    .filter((p) => p.kind === PositionKind.REDIRECTS)
    .map((p) => `<li>${h(partnerName.get(p.partner.id) ?? '')} vous oriente ${p.redirectTo ? `vers ${h(partnerName.get(p.redirectTo.id) ?? '')}` : ''}${p.comment ? ` : ${h(p.comment)}` : ''}.</li>`);
  const plan = actions.map((a) => `<tr><td>${h(a.title)}</td><td>${h(partnerName.get(a.owner.id) ?? '')}</td><td>${h(day(a.dueOn))}</td></tr>`);

  const body = referral
    ? `<p>Les partenaires de la plate-forme ont examiné ensemble votre demande « ${h(request.title)} ». Elle ne relève pas, en l’état, de leurs interventions.</p>
       ${redirections.length ? `<p>Pour la suite de votre projet, ils vous orientent :</p><ul>${redirections.join('')}</ul>` : '<p>Nous vous invitons à reprendre contact avec nous si votre projet évolue.</p>'}`
    : `<h2>Votre demande</h2>
       <p>Vous nous avez sollicités le ${h(day(request.receivedAt))} pour « ${h(request.title)} »${request.amountSought != null ? `, avec un besoin de financement de ${h(euros(request.amountSought))}` : ''}. ${h(request.description)}</p>
       ${decision ? `<h2>Le diagnostic partagé</h2><p>${h(decision.diagnosis)}</p><h2>La stratégie proposée</h2><p>${h(decision.strategy)}</p>` : ''}
       ${rows.length ? `<h2>Le plan de financement</h2><table><thead><tr><th>Partenaire</th><th>Dispositif</th><th>Montant</th><th>Nature</th><th>Statut</th><th>Conditions</th></tr></thead><tbody>${rows.join('')}</tbody></table>` : ''}
       ${plan.length ? `<h2>Qui fait quoi, et quand</h2><table><thead><tr><th>Action</th><th>Partenaire</th><th>Échéance</th></tr></thead><tbody>${plan.join('')}</tbody></table>` : ''}
       <h2>Votre contact et la prochaine étape</h2>
       <p>Votre interlocuteur unique : ${h(decision?.contactPerson ?? partnerName.get(request.receivingPartner.id) ?? 'la plate-forme')}.${decision?.nextStep ? ` Prochaine étape : ${h(decision.nextStep)}` : ''}</p>`;

  const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Réponse de territoire ${h(reference)}</title><style>
  body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 10.5pt; color: #1a1a1a; margin: 18mm 16mm; }
  header { border-bottom: 2px solid #1d5c8c; margin-bottom: 8mm; padding-bottom: 3mm; }
  header strong { color: #1d5c8c; font-size: 14pt; }
  h1 { font-size: 15pt; margin: 4mm 0; } h2 { font-size: 11.5pt; color: #1d5c8c; margin: 6mm 0 2mm; }
  table { border-collapse: collapse; width: 100%; font-size: 9.5pt; } th, td { border: 1px solid #9ab; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }
  th { background: #e8f0f6; } td.n { text-align: right; white-space: nowrap; } .small { font-size: 8.5pt; color: #444; margin-top: 8mm; }
  </style></head><body>
  <header><strong>Plate-forme ESS du Boulonnais</strong><br>Réponse de territoire, au nom de l’ensemble des partenaires</header>
  <p>Référence : ${h(reference)}<br>Le ${h(day(decision?.validatedAt ?? new Date()))}</p>
  <p>À l’attention de ${h(holder)}</p>
  <h1>${referral ? 'Votre demande d’accompagnement : notre orientation' : 'Votre demande d’accompagnement : la réponse du territoire'}</h1>
  ${body}
  <p>Chaque partenaire décide seul de son intervention, sous réserve de l’accord de ses propres instances (comité d’engagement, commission permanente) ; cette lettre présente la réponse commune qu’ils ont construite ensemble.</p>
  <p>Pour la plate-forme ESS du Boulonnais et ses partenaires.</p>
  <p class="small">Protection des données : les informations de votre demande sont partagées avec les partenaires de la plate-forme selon votre consentement, pour l’examen de votre projet seulement. Vous pouvez y accéder, les faire rectifier ou retirer votre consentement auprès de votre interlocuteur.</p>
  </body></html>`;
  return { html, reference };
}
