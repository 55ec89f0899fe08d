import { fill, h, type Child } from './dom.js';
import { dayOf, euros, labels, timeOf } from './labels.js';
import type { ScreenMatch, ScreenPosition, ScreenRequest } from './model.js';
import { positionsOf, type ScreenState, type ShownItem } from './state.js';
import type { ConnectionStatus } from './feed.js';

/** The item shown: the one chosen in the agenda, else the one in discussion, else the first. */
export function shownItem(state: ScreenState, selectedId: string | null): ShownItem | null {
  const byId = (id: string | null) => (id ? (state.items.find((i) => i.id === id) ?? null) : null);
  return byId(selectedId) ?? byId(state.currentItemId) ?? state.items[0] ?? null;
}

/** Draws the whole screen from the state (cheap: a few dozen elements), keeping the agenda's focus. */
export function render(state: ScreenState, selectedId: string | null): void {
  const focused = (document.activeElement as HTMLElement | null)?.dataset?.item ?? null;
  document.body.dataset.lastSeq = String(state.lastSeq);
  fill('instance', state.bodyName);
  fill('titre', state.title);
  const etat = fill('etat', labels.sessionState(state.state));
  etat.dataset.etat = state.state;
  fill('quorum', state.quorum.reached ? 'Quorum atteint' : 'Quorum non atteint', ` : ${state.quorum.present} / ${state.quorum.required}`).dataset.atteint = String(state.quorum.reached);
  renderAgenda(state, selectedId);
  const item = shownItem(state, selectedId);
  fill('point', item ? itemView(state, item) : h('p', { class: 'vide' }, 'Aucun point à l’ordre du jour.'));
  fill(
    'fil',
    state.log
      .slice(-12)
      .reverse()
      .map((entry) => h('li', { 'data-seq': entry.seq }, h('time', { datetime: entry.at }, timeOf(entry.at)), ' ', entry.text)),
  );
  renderPresence(state);
  state.fresh.clear();
  if (focused) document.querySelector<HTMLElement>(`[data-item="${CSS.escape(focused)}"]`)?.focus();
}

function renderAgenda(state: ScreenState, selectedId: string | null): void {
  const shown = shownItem(state, selectedId);
  fill(
    'agenda',
    state.items.map((item) =>
      h(
        'li',
        {},
        h(
          'button',
          {
            type: 'button',
            'data-item': item.id,
            'data-etat': item.state,
            'aria-current': item.id === state.currentItemId ? 'step' : null,
            'aria-pressed': item.id === shown?.id ? 'true' : 'false',
          },
          h('span', { class: 'rang' }, `${item.rank}.`),
          ' ',
          h('span', { class: 'intitule' }, item.title),
          h('span', { class: 'etiquette' }, item.id === state.currentItemId ? 'en cours' : labels.itemState(item.state)),
        ),
      ),
    ),
  );
}

function itemView(state: ScreenState, item: ShownItem): Child[] {
  const isCurrent = item.id === state.currentItemId;
  const request = state.details.get(item.id);
  return [
    h('h2', { id: 'point-titre' }, `Point ${item.rank} : ${item.title}`),
    h('p', { class: 'etat-point', 'data-etat': item.state }, isCurrent ? 'Point en cours — ' : '', labels.itemState(item.state)),
    !isCurrent && state.currentItemId ? h('p', { class: 'aide' }, 'Vous consultez un autre point que celui en cours : Échap pour y revenir.') : null,
    item.supportRequest && !request
      ? h('p', { class: 'vide' }, 'Chargement de la demande…')
      : request
        ? h(
            'div',
            { class: 'colonnes' },
            h('div', {}, requestView(request), matchesView(request.matches)),
            h('div', {}, decisionView(state, item), positionsView(state, positionsOf(state, item)), actionsView(request)),
          )
        : decisionView(state, item),
  ];
}

function requestView(request: ScreenRequest): HTMLElement {
  const holder = request.organization?.name ?? request.holderName ?? 'Porteur non renseigné';
  const needs = [request.financialNeed ? 'financier' : null, request.technicalNeed ? 'technique' : null].filter(Boolean).join(' et ');
  const rows: [string, string][] = [
    ['Porteur', holder],
    ['Commune', request.commune.name],
    ['Filière', request.sector.name],
    ['Stade', labels.stage(request.stage)],
    ['Montant sollicité', request.amountSought !== null && request.amountSought !== undefined ? euros(request.amountSought) : '—'],
    ['Besoin', [needs, request.needTypes.map(labels.need).join(', ')].filter(Boolean).join(' : ') || '—'],
    ['Reçue par', request.receivingPartner.name],
  ];
  const description = request.description.length > 420 ? `${request.description.slice(0, 400).trimEnd()}…` : request.description;
  return h(
    'section',
    { class: 'demande', 'aria-labelledby': 'demande-titre' },
    h('h3', { id: 'demande-titre' }, `La demande : ${request.title}`),
    h(
      'dl',
      {},
      rows.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]),
    ),
    description ? h('p', { class: 'description' }, description) : null,
  );
}

function matchesView(matches: ScreenMatch[]): HTMLElement {
  return h(
    'section',
    { class: 'correspondances', 'aria-labelledby': 'correspondances-titre' },
    h('h3', { id: 'correspondances-titre' }, 'Partenaires dont les critères correspondent'),
    matches.length === 0
      ? h('p', { class: 'vide' }, 'Aucun partenaire ne correspond.')
      : h(
          'ul',
          {},
          matches.map((match) => {
            const schemes = match.schemes.filter((s) => s.eligible).map((s) => s.scheme.name);
            const checks = [...match.criteria.flatMap((c) => c.checks), ...match.schemes.flatMap((s) => s.checks)];
            const reasons = [...new Set(checks.filter((c) => c.reason).map((c) => `${labels.axis(c.axis)} : ${c.reason}`))].slice(0, 2);
            const met = [...new Set(checks.filter((c) => c.passed).map((c) => labels.axis(c.axis)))];
            return h(
              'li',
              { 'data-match': match.partner.id },
              h('strong', {}, match.partner.name),
              match.eligible ? '' : ' (ne correspond pas)',
              schemes.length ? h('span', { class: 'detail' }, `Dispositifs : ${schemes.join(', ')}`) : null,
              met.length ? h('span', { class: 'detail' }, `Critères remplis : ${met.join(', ')}`) : null,
              reasons.map((r) => h('span', { class: 'detail raison' }, r)),
            );
          }),
        ),
  );
}

function positionsView(state: ScreenState, positions: ScreenPosition[]): HTMLElement {
  return h(
    'section',
    { class: 'positions', 'aria-labelledby': 'positions-titre' },
    h('h3', { id: 'positions-titre' }, `Positions des partenaires (${positions.length})`),
    h(
      'ul',
      { id: 'positions', 'aria-live': 'polite' },
      positions.length === 0 ? h('li', { class: 'vide' }, 'Aucune position enregistrée.') : null,
      positions.map((p) =>
        h(
          'li',
          {
            'data-position': p.partner.id,
            'data-revision': p.revision,
            class: state.fresh.has(`${p.partner.id}:${p.revision}`) ? 'nouveau' : null,
            'data-kind': p.kind,
          },
          h('strong', {}, p.partner.name),
          ' — ',
          h('span', { class: 'avis' }, labels.positionKind(p.kind)),
          p.amount !== null && p.amount !== undefined ? ` — ${euros(p.amount)}` : '',
          p.scheme ? ` (${p.scheme.name})` : '',
          p.redirectTo ? ` → ${p.redirectTo.name}` : '',
          p.revision > 1 ? h('span', { class: 'etiquette' }, 'modifiée') : null,
          p.conditions ? h('span', { class: 'detail' }, `Conditions : ${p.conditions}`) : null,
          p.comment ? h('span', { class: 'detail' }, p.comment) : null,
        ),
      ),
    ),
  );
}

function decisionView(state: ScreenState, item: ShownItem): HTMLElement {
  const decision = item.decision;
  const title = h('h3', { id: 'decision-titre' }, decision ? (decision.mode === 'VOTE' ? 'Vote et décision' : 'Consensus et décision') : 'Vote ou consensus');
  if (!decision) {
    const votes = [...(state.votes.get(item.id)?.values() ?? [])];
    const count = (choice: string) => votes.filter((v) => v.choice === choice).length;
    return h(
      'section',
      { class: 'decision', 'aria-labelledby': 'decision-titre' },
      title,
      h('p', { class: 'vide' }, `En attente de décision — mode de l’instance : ${labels.mode(state.decisionMode).toLowerCase()}.`),
      votes.length ? h('p', { class: 'decompte' }, `Votes exprimés : pour ${count('FOR')} · contre ${count('AGAINST')} · abstentions ${count('ABSTAIN')}`) : null,
      votes.length
        ? h(
            'ul',
            { class: 'votes' },
            votes.map((v) => h('li', { 'data-vote': v.choice }, `${v.partner.name} : ${labels.vote(v.choice)}`)),
          )
        : null,
    );
  }
  return h(
    'section',
    { class: 'decision', 'aria-labelledby': 'decision-titre', 'data-issue': decision.outcome },
    title,
    h('p', { class: 'issue' }, labels.outcome(decision.outcome)),
    decision.mode === 'VOTE'
      ? h('p', { class: 'decompte' }, `Pour ${decision.votesFor} · Contre ${decision.votesAgainst} · Abstentions ${decision.abstentions}`)
      : h('p', {}, 'Décision prise par consensus.'),
    decision.votes?.length
      ? h(
          'ul',
          { class: 'votes' },
          decision.votes.map((v) => h('li', { 'data-vote': v.choice }, `${v.partner.name} : ${labels.vote(v.choice)}`)),
        )
      : null,
    decision.text ? h('p', { class: 'texte' }, decision.text) : null,
  );
}

function actionsView(request: ScreenRequest): HTMLElement | null {
  if (request.actions.length === 0) return null;
  return h(
    'section',
    { class: 'plan', 'aria-labelledby': 'plan-titre' },
    h('h3', { id: 'plan-titre' }, 'Plan d’action'),
    h(
      'ul',
      {},
      request.actions.map((a) => h('li', { 'data-action': a.id }, h('strong', {}, a.title), ` — ${a.owner.name}, pour le ${dayOf(String(a.dueOn))} (${labels.action(a.status)})`)),
    ),
  );
}

/**
 * « Présents à l'écran »: who has a screen open on the session, for the chair, the secretary and
 * administrators (the API answers null to anyone else: the panel stays hidden, and so does its link).
 */
function renderPresence(state: ScreenState): void {
  const panel = document.getElementById('presents')!;
  const link = document.getElementById('aller-presents');
  panel.hidden = state.presence === null;
  if (link) link.hidden = state.presence === null;
  const present = state.presence;
  if (present === null) {
    fill('presents-liste');
    return;
  }
  fill('presents-nombre', present.length === 0 ? 'aucun écran' : `${present.length} personne${present.length > 1 ? 's' : ''}`);
  fill(
    'presents-liste',
    present.length === 0
      ? h('li', { class: 'vide' }, 'Aucun écran ouvert sur la séance.')
      : present.map((p) =>
          h(
            'li',
            { 'data-presence': p.person?.id ?? '', 'data-partner': p.partner?.id ?? '' },
            h('strong', { class: 'nom' }, p.person?.name ?? 'Accès sans personne nommée'),
            p.partner ? h('span', { class: 'partenaire' }, p.partner.name) : null,
            h('span', { class: 'detail' }, `depuis ${timeOf(p.since)}`, p.connections > 1 ? ` · ${p.connections} écrans` : ''),
          ),
        ),
  ).dataset.nombre = String(present.length);
}

const STATUS_TEXT: Record<ConnectionStatus, string> = {
  connexion: 'Connexion…',
  connecte: 'Connecté',
  reconnexion: 'Reconnexion…',
  refuse: 'Accès refusé',
};

/** The connection indicator (and the refusal's message, when there is one). */
export function renderStatus(status: ConnectionStatus, message?: string): void {
  const indicator = fill('connexion', STATUS_TEXT[status]);
  indicator.dataset.etat = status;
  const error = document.getElementById('erreur')!;
  error.hidden = !message;
  error.textContent = message ?? '';
}
