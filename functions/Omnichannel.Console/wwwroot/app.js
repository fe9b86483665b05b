import { api, ApiError, session } from './api.js';
import { el, answer } from './ui.js';
import * as overview from './views/overview.js';
import * as orders from './views/orders.js';
import * as order from './views/order.js';
import * as stock from './views/stock.js';
import * as alerts from './views/alerts.js';

// Hash routes: #/ overview, #/orders?status=..., #/orders/{id}, #/stock, #/stock/{sku}, #/alerts.
const routes = [
  [/^\/?$/, overview.render, 'Overview'],
  [/^\/orders\/(.+)$/, order.render, 'Order'],
  [/^\/orders$/, orders.render, 'Orders'],
  [/^\/stock\/(.+)$/, stock.render, 'Stock'],
  [/^\/stock$/, stock.render, 'Stock'],
  [/^\/alerts$/, alerts.render, 'Alerts'],
];

const form = document.getElementById('key-form');
const nav = document.getElementById('nav');
const view = document.getElementById('view');

function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, search = ''] = raw.split('?');
  return { path, params: new URLSearchParams(search) };
}

async function show() {
  if (!session.key) return askKey();
  form.hidden = true;
  nav.hidden = false;
  const { path, params } = parseHash();
  const match = routes.map(([re, render, title]) => [path.match(re), render, title]).find(([m]) => m);
  for (const a of nav.querySelectorAll('a')) {
    const section = a.getAttribute('href').replace('#', '');
    const current = section === '/' ? path === '/' || path === '' : path.startsWith(section);
    if (current) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  if (!match) { view.replaceChildren(el('p', {}, 'No such page. ', el('a', { href: '#/' }, 'Back to the overview'))); return; }
  const [m, render, title] = match;
  document.title = `${title} · Hub operations`;
  view.replaceChildren(el('p', { class: 'muted', 'aria-busy': 'true' }, 'Loading…'));
  try {
    const content = await render({ params, args: m.slice(1).map(decodeURIComponent), refresh: show });
    view.replaceChildren(content);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) { session.clear(); return askKey('The key was refused. Enter a valid admin or function key.'); }
    view.replaceChildren(el('p', { class: 'error', role: 'alert' }, `Could not load this page: ${e.message}`));
  }
}

function askKey(message = '') {
  nav.hidden = true;
  view.replaceChildren();
  form.hidden = false;
  document.getElementById('key-error').textContent = message;
  document.getElementById('key').focus();
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const key = form.key.value.trim();
  session.save(key, form.operator.value.trim());
  try {
    await api('ops/poison-queues'); // any keyed route: proves the key before anything is shown
    form.key.value = '';
    answer(`Signed in${session.operator ? ` as ${session.operator}` : ''}. The key is kept for this tab only.`);
    await show();
  } catch (e) {
    session.clear();
    askKey(e instanceof ApiError && e.status === 401 ? 'The key was refused. Enter a valid admin or function key.' : `The hub did not answer: ${e.message}`);
  }
});

// The skip link moves focus without touching the hash (the hash is the route).
document.querySelector('.skip').addEventListener('click', (e) => { e.preventDefault(); document.getElementById('main').focus(); });
document.getElementById('sign-out').addEventListener('click', () => { session.clear(); answer('Key forgotten.'); askKey(); });
window.addEventListener('hashchange', () => { show(); document.getElementById('main').focus({ preventScroll: true }); });
show();
