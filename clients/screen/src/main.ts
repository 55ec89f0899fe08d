/**
 * The committee screen: `/screen/?session=<id>#token=<jeton>` (the token stays out of the address sent
 * to the server, and is kept for the tab only), or the form when either is missing.
 */
import './style.css';
import { followSession, type Feed } from './feed.js';
import { applyEvent, fromSnapshot, mergeDetails, setDetails, setPresence, type ScreenState } from './state.js';
import { render, renderStatus, shownItem } from './view.js';

const TOKEN_KEY = 'maillage.screen.token';

let state: ScreenState | null = null;
/** The agenda item chosen with the keyboard; null follows the item in discussion. */
let selectedId: string | null = null;
let feed: Feed | null = null;
let drawing = false;

function draw(): void {
  if (drawing) return;
  drawing = true;
  queueMicrotask(() => {
    drawing = false;
    if (!state) return;
    render(state, selectedId);
    const shown = shownItem(state, selectedId);
    if (shown?.supportRequest && !state.details.has(shown.id)) loadDetails(shown.id);
  });
}

/** Item ids whose details were asked and have not come yet. */
const asked = new Set<string>();

function loadDetails(itemId: string): void {
  if (asked.has(itemId) || !feed) return;
  if (feed.details(itemId)) {
    asked.add(itemId);
    setTimeout(() => asked.delete(itemId), 5000); // asked again later if the answer was lost
  }
}

function start(sessionId: string, token: string): void {
  document.getElementById('acces')!.hidden = true;
  let refreshing: ReturnType<typeof setTimeout> | null = null;
  feed = followSession(
    { url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`, token, sessionId, lastSeq: () => state?.lastSeq ?? null },
    {
      snapshot: (session) => {
        if (state) mergeDetails(state, session);
        else state = fromSnapshot(session);
        document.getElementById('ecran')!.hidden = false;
        draw();
      },
      details: (item) => {
        asked.delete(item.id);
        if (!state) return;
        setDetails(state, item);
        draw();
      },
      event: (event) => {
        if (!state) return;
        const { applied, needsDetails } = applyEvent(state, event);
        if (applied) draw();
        if (!needsDetails) return;
        if (!refreshing) refreshing = setTimeout(() => ((refreshing = null), feed?.refresh()), 200);
        if (event.item && state.details.has(event.item.id)) loadDetails(event.item.id); // the action plan validated with a decision
      },
      presence: (present) => {
        if (!state) return;
        setPresence(state, present);
        draw();
      },
      status: renderStatus,
    },
  );
}

/** ↑ ↓ Début Fin move along the agenda, Entrée shows the item, Échap goes back to the item in discussion. */
function onKey(event: KeyboardEvent): void {
  if (!state) return;
  const buttons = [...document.querySelectorAll<HTMLButtonElement>('#agenda button')];
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const move = (index: number) => buttons[Math.max(0, Math.min(buttons.length - 1, index))]?.focus();
  if (event.key === 'Escape') {
    selectedId = null;
    draw();
    document.getElementById('point')?.focus();
  } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    const from = at >= 0 ? at : state.items.findIndex((i) => i.id === shownItem(state!, selectedId)?.id);
    move(from + (event.key === 'ArrowDown' ? 1 : -1));
  } else if ((event.key === 'Home' || event.key === 'End') && at >= 0) {
    event.preventDefault();
    move(event.key === 'Home' ? 0 : buttons.length - 1);
  } else return;
}

function onAgendaClick(event: MouseEvent): void {
  const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-item]');
  if (!button) return;
  selectedId = button.dataset.item === state?.currentItemId ? null : (button.dataset.item ?? null);
  draw();
}

function main(): void {
  const sessionId = new URLSearchParams(location.search).get('session');
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(null, '', `${location.pathname}${location.search}`); // not left on the projected address bar
  }
  const token = fromHash ?? sessionStorage.getItem(TOKEN_KEY);
  document.addEventListener('keydown', onKey);
  document.getElementById('agenda')!.addEventListener('click', onAgendaClick);
  document.getElementById('aller-presents')!.addEventListener('click', (event) => {
    event.preventDefault(); // the focus, not the address: the panel is read with the keyboard like the rest
    document.getElementById('presents')!.focus();
  });
  const form = document.getElementById('acces') as HTMLFormElement;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const field = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
    const session = field('session');
    sessionStorage.setItem(TOKEN_KEY, field('token'));
    location.search = `?session=${encodeURIComponent(session)}`;
  });
  if (sessionId && token) start(sessionId, token);
  else {
    form.hidden = false;
    if (sessionId) (form.elements.namedItem('session') as HTMLInputElement).value = sessionId;
    renderStatus('connexion');
    (form.elements.namedItem(sessionId ? 'token' : 'session') as HTMLInputElement).focus();
  }
  window.addEventListener('pagehide', () => feed?.stop());
}

main();
