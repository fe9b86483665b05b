import { api, ApiError } from '../api.js';
import { el, fmt, table, status } from '../ui.js';

export const STATUSES = ['Pending', 'Received', 'NeedsAttention', 'Backordered', 'AwaitingShipment', 'PreparingPickup', 'ReadyForPickup', 'Shipped', 'Completed', 'Cancelled', 'Failed', 'Terminated'];
const PAGE = 25;

const dayStart = (d) => (d ? `${d}T00:00:00Z` : undefined);
const dayEnd = (d) => (d ? `${d}T23:59:59.999Z` : undefined);

/** Orders, filtered by status, channel, store, date (flow start, UTC days), order id or SKU, paged. */
export async function render({ params }) {
  const f = Object.fromEntries(['status', 'channel', 'store', 'from', 'to', 'id', 'sku', 'ct'].map((k) => [k, params.get(k) || '']));
  const form = filters(f);
  let rows = [];
  let next = null;
  let note = '';
  if (f.id) {
    try {
      rows = [(await api(`orders/${encodeURIComponent(f.id)}`)).body.summary];
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 404)) throw e;
      note = `No order '${f.id}'. Order ids read {channel}_{store}_{channel order id}, e.g. shopify_main_1001.`;
    }
  } else if (f.sku) {
    // Orders that reserved, shipped or returned this SKU: the ledger's movements name their order.
    const moves = await api(`stock/${encodeURIComponent(f.sku)}/movements`, { query: { pageSize: 200 } });
    const ids = [...new Set(moves.body.items.map((m) => m.source?.orderId).filter(Boolean))].slice(0, PAGE);
    const found = await Promise.all(ids.map((id) => api(`orders/${encodeURIComponent(id)}`).then((r) => r.body.summary, () => null)));
    rows = found.filter(Boolean).filter((o) => (!f.status || o.status === f.status) && (!f.channel || o.channel === f.channel.toLowerCase()));
    note = 'Orders whose stock moved for this SKU (its newest 200 movements).';
  } else {
    const page = await api('orders', { query: { status: f.status, channel: f.channel, store: f.store, from: dayStart(f.from), to: f.to.includes('T') ? f.to : dayEnd(f.to), pageSize: PAGE, continuationToken: f.ct } });
    rows = page.body.orders;
    next = page.body.continuationToken;
  }
  if (f.to.includes('T')) note = `Only orders started before ${fmt.time(f.to)} (waiting beyond the shipment SLA).`;

  const here = new URLSearchParams(Object.entries(f).filter(([k, v]) => v && k !== 'ct'));
  return el('div', {},
    el('h2', {}, 'Orders'),
    form,
    note ? el('p', { class: 'muted' }, note) : '',
    table(`Orders${f.status ? ` (${f.status})` : ''}`, [
      { label: 'Order', value: (o) => el('a', { href: `#/orders/${encodeURIComponent(o.id)}` }, o.id) },
      { label: 'Status', value: (o) => status(o.status) },
      { label: 'Channel', value: (o) => `${o.channel}/${o.store}`, narrow: true },
      { label: 'Started', value: (o) => fmt.time(o.createdAt), narrow: true },
      { label: 'Detail', value: (o) => o.failure || o.detail || (o.flags || []).join(', '), narrow: true },
    ], rows, 'no order matches'),
    el('div', { class: 'pager' },
      f.ct ? el('a', { href: `#/orders?${here}` }, 'First page') : '',
      next ? el('a', { href: `#/orders?${new URLSearchParams([...here, ['ct', next]])}`, 'data-testid': 'next-page' }, 'Next page') : ''));
}

function filters(f) {
  const input = (name, label, type = 'text', extra = {}) => el('div', {}, el('label', { for: `f-${name}` }, label), el('input', { id: `f-${name}`, name, type, value: f[name], ...extra }));
  const form = el('form', { class: 'card filters', role: 'search', 'aria-label': 'Filter orders' },
    el('div', {}, el('label', { for: 'f-status' }, 'Status'),
      el('select', { id: 'f-status', name: 'status' }, el('option', { value: '' }, 'any'), STATUSES.map((s) => el('option', { value: s, selected: s === f.status }, s)))),
    input('channel', 'Channel', 'text', { placeholder: 'shopify' }),
    input('store', 'Store', 'text', { placeholder: 'main' }),
    input('from', 'Started from (UTC day)', 'date'),
    input('to', 'Started until (UTC day)', f.to.includes('T') ? 'text' : 'date'),
    input('id', 'Order id'),
    input('sku', 'SKU'),
    el('div', {}, el('button', { type: 'submit' }, 'Filter')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const q = new URLSearchParams([...new FormData(form)].filter(([, v]) => v));
    location.hash = `#/orders?${q}`;
  });
  return form;
}
