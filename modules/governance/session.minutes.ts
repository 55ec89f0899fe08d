import { conflict, decodeId, escapeHtml as h, find, load, loadMany, type Context } from '../../server/kit/index.js';
import { Partner } from '../partners/index.js';
import { Person } from '../accounts/index.js';
import { StrategyDecision, SupportAction, SupportRequest } from '../support/index.js';
import { BodyMember, GovernanceBody } from './governance-body.entity.js';
import { AgendaItem, CommitteeSession, HIDDEN_DECISION_TEXT, HIDDEN_REQUEST_TITLE, SessionAttendance, SessionVote } from './session.entity.js';
import { ATTENDANCE_LABELS, BODY_KIND_LABELS, DecisionMode, DecisionOutcome, MAJORITY_LABELS, MEETING_MODE_LABELS, OUTCOME_LABELS, SessionState, VoteChoice } from './governance.enums.js';
import { quorumOf, tally } from './session.rules.js';

/*
 * The minutes (procès-verbal) of a closed session, in French: attendance, quorum, each item with its
 * decision (and the votes' tally), and the action plans validated for the requests approved (support's
 * strategy and actions). Regenerated from the records on each read, as the viewer may see them: the
 * same records give the same page (no clock, no random), and what the viewer may not see of a request
 * is not shown. Rendered to PDF by the kit (renderPdf).
 */

const DATE_TIME = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });
const DATE = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' });
const TIME = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });
const CHOICE: Record<VoteChoice, string> = { FOR: 'pour', AGAINST: 'contre', ABSTAIN: 'abstention' };
const day = (d: string) => DATE.format(new Date(`${d}T12:00:00Z`));

interface Records {
  session: CommitteeSession;
  body: GovernanceBody;
  members: BodyMember[];
  attendance: SessionAttendance[];
  items: AgendaItem[];
  votes: SessionVote[];
  strategies: StrategyDecision[];
  actions: SupportAction[];
  name: Map<string, string>;
  person: Map<string, string>;
  /** The support requests of the agenda the viewer may see (an item's title copied from a hidden one is not shown). */
  visibleRequests: Set<string>;
}

async function records(ctx: Context, sessionId: string): Promise<Records | null> {
  const session = await load(ctx, CommitteeSession, sessionId);
  if (!session) return null;
  if (session.state !== SessionState.CLOSED) throw conflict('Le procès-verbal est établi à la clôture de la séance.', 'id');
  const body = (await load(ctx, GovernanceBody, session.body.id))!;
  const [members, attendance, items] = await Promise.all([
    find(ctx, BodyMember, {
      where: { body: body.id },
      orderBy: [
        ['rank', 'asc'],
        ['id', 'asc'],
      ],
      limit: 100,
    }),
    find(ctx, SessionAttendance, {
      where: { session: sessionId },
      orderBy: [
        ['recordedAt', 'asc'],
        ['id', 'asc'],
      ],
      limit: 100,
    }),
    find(ctx, AgendaItem, {
      where: { session: sessionId },
      orderBy: [
        ['rank', 'asc'],
        ['id', 'asc'],
      ],
      limit: 100,
    }),
  ]);
  const requestIds = items.filter((i) => i.outcome === DecisionOutcome.APPROVED && i.supportRequest).map((i) => i.supportRequest!.id);
  const [votes, strategies, actions] = await Promise.all([
    find(ctx, SessionVote, {
      where: { item: { $in: items.map((i) => i.id) } },
      orderBy: [
        ['castAt', 'asc'],
        ['id', 'asc'],
      ],
      limit: 2_000,
    }),
    find(ctx, StrategyDecision, {
      where: { request: { $in: requestIds } },
      orderBy: [
        ['validatedAt', 'asc'],
        ['id', 'asc'],
      ],
      limit: 100,
    }),
    find(ctx, SupportAction, {
      where: { request: { $in: requestIds } },
      orderBy: [
        ['dueOn', 'asc'],
        ['id', 'asc'],
      ],
      limit: 1_000,
    }),
  ]);
  const partnerIds = [...new Set([...members.map((m) => m.partner.id), ...attendance.map((a) => a.partner.id), ...votes.map((v) => v.partner.id), ...actions.map((a) => a.owner.id)])];
  const personIds = [...new Set(attendance.flatMap((a) => (a.person ? [a.person.id] : [])))];
  const agendaRequestIds = items.flatMap((i) => (i.supportRequest ? [i.supportRequest.id] : []));
  const [partners, people, requests] = await Promise.all([loadMany(ctx, Partner, partnerIds), loadMany(ctx, Person, personIds), loadMany(ctx, SupportRequest, agendaRequestIds)]);
  const visibleRequests = new Set(requests.flatMap((q) => (q ? [q.id] : [])));
  const name = new Map(partners.flatMap((p) => (p ? [[p.id, p.name] as const] : [])));
  const person = new Map(people.flatMap((p) => (p ? [[p.id, p.name] as const] : [])));
  return { session, body, members, attendance, items, votes, strategies, actions, name, person, visibleRequests };
}

function attendanceSection(r: Records): string {
  const byPartner = new Map(r.attendance.map((a) => [a.partner.id, a]));
  const rows = r.members.map((m) => {
    const a = byPartner.get(m.partner.id);
    const who = a?.person ? (r.person.get(a.person.id) ?? '') : '';
    return `<tr><td>${h(r.name.get(m.partner.id) ?? '')}</td><td>${h(who)}</td><td>${m.votes ? 'oui' : 'non'}</td><td>${a ? ATTENDANCE_LABELS[a.status] : 'non renseigné'}</td></tr>`;
  });
  const voting = new Set(r.members.filter((m) => m.votes).map((m) => m.partner.id));
  const q = quorumOf(
    r.body.quorum,
    r.attendance.map((a) => ({ partnerId: a.partner.id, status: a.status })),
    voting,
  );
  return `<h2>Présences</h2>
  <table><thead><tr><th>Membre</th><th>Représenté par</th><th>Voix délibérative</th><th>Présence</th></tr></thead><tbody>${rows.join('')}</tbody></table>
  <p class="quorum">Quorum : ${q.present} membre${q.present > 1 ? 's' : ''} votant${q.present > 1 ? 's' : ''} présent${q.present > 1 ? 's' : ''} ou à distance sur ${q.required} requis — ${q.reached ? 'atteint' : 'non atteint'}.</p>`;
}

function itemSection(r: Records, item: AgendaItem): string {
  const hidden = item.supportRequest !== null && !r.visibleRequests.has(item.supportRequest.id);
  const title = hidden ? HIDDEN_REQUEST_TITLE : item.title;
  const head = `<h3>${item.rank}. ${h(title)}</h3>`;
  if (!item.outcome || !item.decisionMode) return `${head}<p>Point non décidé.</p>`;
  const votes = r.votes.filter((v) => v.item.id === item.id);
  const t = tally(votes.map((v) => v.choice));
  const how =
    item.decisionMode === DecisionMode.CONSENSUS
      ? 'Décision prise par consensus.'
      : `Décision prise par vote (${MAJORITY_LABELS[r.body.majority]}) : ${t.votesFor} pour, ${t.votesAgainst} contre, ${t.abstentions} abstention${t.abstentions > 1 ? 's' : ''}.`;
  const detail = votes.length ? `<ul class="votes">${votes.map((v) => `<li>${h(r.name.get(v.partner.id) ?? '')} : ${CHOICE[v.choice]}</li>`).join('')}</ul>` : '';
  // the decision's words are hidden with the request, as its title (its action plan is not even read: support's rule)
  const text = hidden ? `<p class="masque">${h(HIDDEN_DECISION_TEXT)}</p>` : item.decisionText ? `<p>${h(item.decisionText)}</p>` : '';
  return `${head}<p><strong>Décision : ${OUTCOME_LABELS[item.outcome]}.</strong> ${how}</p>${detail}${text}${planSection(r, item)}`;
}

function planSection(r: Records, item: AgendaItem): string {
  if (item.outcome !== DecisionOutcome.APPROVED || !item.supportRequest) return '';
  const requestId = item.supportRequest.id;
  const strategy = r.strategies.find((s) => s.request.id === requestId);
  const actions = r.actions.filter((a) => a.request.id === requestId);
  if (!strategy && actions.length === 0) return '';
  const rows = actions.map((a) => `<tr><td>${h(a.title)}</td><td>${h(r.name.get(a.owner.id) ?? '')}</td><td>${h(day(a.dueOn))}</td></tr>`);
  return `<div class="plan"><h4>Plan d’action validé</h4>${strategy ? `<p>Stratégie : ${h(strategy.strategy)}</p><p>Interlocuteur unique : ${h(strategy.contactPerson)}</p>` : ''}
  ${rows.length ? `<table><thead><tr><th>Action</th><th>Partenaire</th><th>Échéance</th></tr></thead><tbody>${rows.join('')}</tbody></table>` : ''}</div>`;
}

/** The minutes' HTML of session `globalId` as the viewer sees it; null when hidden or gone; CONFLICT before closing. */
export async function sessionMinutes(ctx: Context, globalId: string): Promise<{ html: string; title: string } | null> {
  const r = await records(ctx, decodeId(globalId, 'CommitteeSession', 'id'));
  if (!r) return null;
  const s = r.session;
  const title = `Procès-verbal — ${r.body.name} — ${DATE.format(s.scheduledAt)}`;
  const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${h(title)}</title><style>
  body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 10.5pt; color: #1a1a1a; margin: 18mm 16mm; }
  h1 { font-size: 15pt; color: #1d5c8c; } h2 { font-size: 12pt; color: #1d5c8c; margin-top: 7mm; } h3 { font-size: 11pt; margin: 5mm 0 1mm; } h4 { font-size: 10pt; margin: 2mm 0; }
  table { border-collapse: collapse; width: 100%; font-size: 9.5pt; } th, td { border: 1px solid #9ab; padding: 1.5mm 2mm; text-align: left; vertical-align: top; } th { background: #e8f0f6; }
  .plan { margin-left: 6mm; } .votes { font-size: 9.5pt; }
  </style></head><body>
  <h1>${h(title)}</h1>
  <p>${h(s.title)} — ${h(BODY_KIND_LABELS[r.body.kind])}, séance ${h(MEETING_MODE_LABELS[s.mode])}, le ${h(DATE_TIME.format(s.scheduledAt))}.${s.openedAt ? ` Ouverte à ${h(TIME.format(s.openedAt))}` : ''}${s.closedAt ? `, close à ${h(TIME.format(s.closedAt))}.` : ''}</p>
  ${attendanceSection(r)}
  <h2>Ordre du jour et décisions</h2>
  ${r.items.length ? r.items.map((i) => itemSection(r, i)).join('\n') : '<p>Aucun point à l’ordre du jour.</p>'}
  </body></html>`;
  return { html, title };
}
