import { api, ApiError } from '../api.js';
import { el, fmt, table, chart } from '../ui.js';
import { products, search } from './catalogue.js';

const PAGE = 25;

/** #/stock: find a SKU; #/stock/{sku}: consolidated and per location, listings, movements (paged), on hand over time. */
export async function render({ args, params }) {
  const sku = args[0];
  const finder = find(sku);
  if (!sku) return el('div', {}, el('h2', {}, 'Stock'), finder);

  let view;
  try {
    view = (await api(`stock/${encodeURIComponent(sku)}`)).body;
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return el('div', {}, el('h2', {}, 'Stock'), finder, el('p', { class: 'error', role: 'alert' }, `SKU '${sku}' is not in the catalogue.`));
    throw e;
  }
  const ct = params.get('ct') || undefined;
  const [moves, sync] = await Promise.all([
    api(`stock/${encodeURIComponent(sku)}/movements`, { query: { pageSize: PAGE, continuationToken: ct } }),
    api('sync/status', { query: { limit: 5000 } }),
  ]);
  const synced = sync.body.channels.flatMap((c) => c.items.filter((i) => i.sku === view.sku).map((i) => ({ ...i, channel: c.channel })));
  const pushed = (l) => synced.find((i) => i.channel === l.channel && i.account === l.account && i.channelItemId === l.channelItemId);
  const canvas = el('canvas', { id: 'onhand-chart' });
  const items = moves.body.items;

  const content = el('article', { 'aria-labelledby': 'stock-title' },
    el('h2', { id: 'stock-title' }, `${view.sku} · ${view.title}`),
    finder,
    el('section', { class: 'card', 'aria-label': 'Consolidated' },
      el('h3', {}, 'Consolidated'),
      el('div', { class: 'grid' },
        figure('Available', view.available, view.lowStock ? 'bad' : '', 'available'),
        figure('On hand', view.onHand), figure('Reserved', view.reserved), figure('Incoming', view.incoming),
        figure('Unsellable', view.unsellable), figure('In transit', view.inTransit), figure('Safety stock', view.safetyStock),
        figure('Reorder point', view.reorderPoint ?? '—')),
      view.lowStock ? el('p', { class: 'error' }, 'Low stock: available is below the reorder point.') : ''),
    el('section', { class: 'card', 'aria-label': 'Per location' }, el('h3', {}, 'Per location'),
      table('Balances per location', [
        { label: 'Location', value: (b) => b.location },
        { label: 'On hand', value: (b) => fmt.num(b.onHand), num: true }, { label: 'Reserved', value: (b) => fmt.num(b.reserved), num: true },
        { label: 'Available', value: (b) => fmt.num(b.available), num: true }, { label: 'Incoming', value: (b) => fmt.num(b.incoming), num: true, narrow: true },
        { label: 'Unsellable', value: (b) => fmt.num(b.unsellable), num: true, narrow: true }, { label: 'In transit', value: (b) => fmt.num(b.inTransit), num: true, narrow: true },
      ], view.locations, 'no stock anywhere')),
    el('section', { class: 'card', 'aria-label': 'Listings' }, el('h3', {}, 'Listings'),
      table('Available to sell per listing, and what the channel was last sent', [
        { label: 'Channel', value: (l) => `${l.channel}/${l.account}` }, { label: 'Listing', value: (l) => l.channelItemId },
        { label: 'Available to sell', value: (l) => fmt.num(l.availableToSell), num: true },
        { label: 'Last pushed', value: (l) => (pushed(l)?.lastPushed ?? '—'), num: true },
        { label: 'Pushed at', value: (l) => fmt.time(pushed(l)?.lastPushedAt), narrow: true },
        { label: 'Sync', value: (l) => (pushed(l)?.failing ? el('strong', { class: 'error' }, `failing: ${pushed(l).lastError}`) : pushed(l)?.pending != null ? `pending ${pushed(l).pending}` : 'in step') },
      ], view.channels, 'not listed on any channel')),
    el('section', { class: 'card', 'aria-label': 'On hand over time' }, el('h3', {}, 'On hand over time'),
      el('div', { class: 'chart small' }, canvas),
      el('p', { class: 'muted' }, 'After each movement on this page, over all locations.')),
    el('section', { class: 'card', 'aria-label': 'Movements' }, el('h3', {}, 'Movements'),
      table('Movements, newest first', [
        { label: 'When', value: (m) => fmt.time(m.at) }, { label: 'Kind', value: (m) => m.kind }, { label: 'Location', value: (m) => m.location },
        { label: 'Qty', value: (m) => fmt.num(m.quantity), num: true }, { label: 'Change', value: (m) => fmt.num(m.difference), num: true, narrow: true },
        { label: 'Source', value: (m) => (m.source?.orderId ? el('a', { href: `#/orders/${encodeURIComponent(m.source.orderId)}` }, m.source.orderId) : [m.source?.channel, m.source?.user].filter(Boolean).join(' ') || m.idempotencyKey) },
      ], items, 'none'),
      el('div', { class: 'pager' },
        ct ? el('a', { href: `#/stock/${encodeURIComponent(sku)}` }, 'Newest') : '',
        moves.body.continuationToken ? el('a', { href: `#/stock/${encodeURIComponent(sku)}?ct=${encodeURIComponent(moves.body.continuationToken)}` }, 'Older movements') : '')));

  setTimeout(() => {
    const points = [...items].reverse().map((m) => ({ at: fmt.time(m.at).slice(5, 16), onHand: m.balancesAfter.reduce((n, b) => n + b.onHand, 0) }));
    chart(canvas, {
      type: 'line',
      data: { labels: points.map((p) => p.at), datasets: [{ label: 'On hand (all locations touched)', data: points.map((p) => p.onHand), borderColor: '#0b5cad', backgroundColor: '#0b5cad', stepped: true }] },
      options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    }, `Line chart of on hand of ${view.sku} after each of the ${points.length} movements listed below.`);
  }, 0);
  return content;
}

const figure = (label, n, tone = '', id) => el('div', { class: `tile ${tone}`, 'data-testid': id ? `stock-${id}` : undefined }, el('span', { class: 'n' }, typeof n === 'number' ? fmt.num(n) : n), label);

function find(current) {
  const list = 'stock-skus';
  const results = el('datalist', { id: list });
  const input = el('input', { id: 'stock-sku', name: 'sku', value: current || '', list, required: true, autocomplete: 'off' });
  input.addEventListener('input', async () => {
    const found = search(await products(), input.value);
    results.replaceChildren(...found.map((p) => el('option', { value: p.sku }, `${p.sku} — ${p.title}`)));
  });
  const form = el('form', { class: 'card filters', role: 'search', 'aria-label': 'Find a SKU' },
    el('div', {}, el('label', { for: 'stock-sku' }, 'SKU (search by SKU, title, GTIN or brand)'), input, results),
    el('div', {}, el('button', { type: 'submit' }, 'Show stock')));
  form.addEventListener('submit', (e) => { e.preventDefault(); location.hash = `#/stock/${encodeURIComponent(input.value.trim())}`; });
  return form;
}
