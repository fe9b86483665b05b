import { api } from '../api.js';
import { el, fmt, table, status, answer, confirmAction } from '../ui.js';
import { products, search } from './catalogue.js';

const RUNNING = ['Pending', 'Received', 'NeedsAttention', 'Backordered', 'AwaitingShipment', 'PreparingPickup', 'ReadyForPickup', 'Shipped'];
const EVENTS = ['StockAvailable', 'SkuMapped', 'ShipmentConfirmed', 'ReadyForPickup', 'PickedUp', 'OrderCancelled', 'OrderUpdated'];

/** One order: the canonical order, lines with their match, reservations, parcels, channel reports, returns, timeline; and its actions. */
export async function render({ args, refresh }) {
  const id = args[0];
  const detail = (await api(`orders/${encodeURIComponent(id)}`)).body;
  const s = detail.summary;
  const o = detail.order;
  const facts = detail.facts || { matched: [], unmatched: [], reservations: [], parcels: [], reports: [] };
  const matchOf = (line) => facts.matched.find((m) => m.channelLineId === line.channelLineId);
  const unmatched = (line) => facts.unmatched.some((u) => u.channelLineId === line.channelLineId);
  const pickup = o?.fulfilment?.kind === 'PickupInStore';

  return el('article', { 'aria-labelledby': 'order-title' },
    el('h2', { id: 'order-title' }, `Order ${s.id} `, status(s.status)),
    el('div', { class: 'card' },
      el('dl', { class: 'facts' },
        el('dt', {}, 'Channel'), el('dd', {}, `${s.channel} / ${s.store}, channel order ${s.channelOrderId}`),
        el('dt', {}, 'Started'), el('dd', {}, fmt.time(s.createdAt)),
        el('dt', {}, 'Last progress'), el('dd', {}, fmt.time(s.lastUpdatedAt)),
        s.detail ? [el('dt', {}, 'Detail'), el('dd', {}, s.detail)] : '',
        s.failure ? [el('dt', {}, 'Failure'), el('dd', { class: 'error', 'data-testid': 'failure' }, s.failure)] : '',
        (s.flags || []).length ? [el('dt', {}, 'Flags'), el('dd', {}, s.flags.join(', '))] : '',
        o ? [el('dt', {}, 'Placed'), el('dd', {}, fmt.time(o.placedAt))] : '',
        o?.buyer ? [el('dt', {}, 'Buyer'), el('dd', {}, [o.buyer.name, o.buyer.email].filter(Boolean).join(', '))] : '',
        o ? [el('dt', {}, 'Fulfilment'), el('dd', {}, [o.fulfilment?.kind, o.fulfilment?.location].filter(Boolean).join(' at ') || 'ship')] : '',
        o?.shippingAddress ? [el('dt', {}, 'Ship to'), el('dd', {}, [o.shippingAddress.name, o.shippingAddress.city, o.shippingAddress.countryCode].filter(Boolean).join(', '))] : ''),
      actions(s, o, pickup, refresh)),
    section('Lines', o ? table('Lines and what they matched', [
      { label: 'Line', value: (l) => l.channelLineId },
      { label: 'Item', value: (l) => [l.title, l.channelSku && `seller SKU ${l.channelSku}`].filter(Boolean).join(' · ') },
      { label: 'Qty', value: (l) => fmt.num(l.quantity), num: true },
      { label: 'Matched SKU', value: (l) => (matchOf(l) ? el('a', { href: `#/stock/${encodeURIComponent(matchOf(l).sku)}` }, matchOf(l).sku) : unmatched(l) ? el('strong', { class: 'error' }, 'no match') : '—') },
      { label: 'How', value: (l) => matchOf(l)?.matchedBy },
      { label: 'Action', value: (l) => (RUNNING.includes(s.status) && (unmatched(l) || !matchOf(l)) ? el('button', { type: 'button', class: 'secondary', onclick: () => mapLine(s.id, l, refresh) }, 'Map to a SKU') : '') },
    ], o.lines) : el('p', { class: 'muted' }, 'The order is not stored yet.')),
    section('Reservations', table(facts.released ? 'Reserved per location (since released)' : 'Reserved per location', [
      { label: 'Location', value: (a) => a.location }, { label: 'Line', value: (a) => a.channelLineId }, { label: 'SKU', value: (a) => a.sku }, { label: 'Qty', value: (a) => fmt.num(a.quantity), num: true },
    ], facts.reservations, 'nothing reserved')),
    section('Parcels', table('Parcels shipped', [
      { label: 'Shipped', value: (p) => fmt.time(p.shippedAt) }, { label: 'From', value: (p) => p.location }, { label: 'Carrier', value: (p) => p.carrier },
      { label: 'Tracking', value: (p) => (p.trackingUrl ? el('a', { href: p.trackingUrl, rel: 'noreferrer noopener', target: '_blank' }, p.trackingNumber) : p.trackingNumber || '—') },
      { label: 'Lines', value: (p) => p.lines.map((a) => `line ${a.channelLineId} × ${a.quantity}`).join(', ') },
    ], facts.parcels, 'none yet')),
    section('Reports to the channel', table('What the channel was told', [
      { label: 'When', value: (r) => fmt.time(r.at) }, { label: 'What', value: (r) => r.kind }, { label: 'Channel id', value: (r) => r.channelId || r.detail }, { label: 'Key', value: (r) => r.key, narrow: true },
    ], facts.reports, 'nothing reported yet')),
    section('Fulfilment requests', table('Handed to locations', [
      { label: 'Requested', value: (f) => fmt.time(f.requestedAt) }, { label: 'Location', value: (f) => f.location }, { label: 'How', value: (f) => f.mode },
      { label: 'Items', value: (f) => f.items.map((i) => `${i.sku} × ${i.quantity}`).join(', ') },
    ], detail.fulfilment, 'none')),
    section('Returns', table('Returns', [
      { label: 'Return', value: (r) => r.return.returnId }, { label: 'Status', value: (r) => r.status }, { label: 'Location', value: (r) => r.return.location },
      { label: 'Detail', value: (r) => r.detail },
      { label: 'Action', value: (r) => (r.status === 'failed' ? el('button', { type: 'button', class: 'secondary', onclick: () => run(`Replay return ${r.return.returnId}`, `Resume the failed return ${r.return.returnId} at its failed step?`, `orders/${encodeURIComponent(s.id)}/returns/${encodeURIComponent(r.return.returnId)}/replay`, null, refresh) }, 'Replay return') : '') },
    ], detail.returns, 'none')),
    section('Timeline', table('The flow step by step, with operations\' actions', [
      { label: 'When', value: (t) => fmt.time(t.at) },
      { label: 'What', value: (t) => t.what },
      { label: 'Step', value: (t) => t.step },
      { label: 'Attempt', value: (t) => t.attempt, num: true, narrow: true },
      { label: 'Detail', value: (t) => [t.detail, t.by && `by ${t.by}`].filter(Boolean).join(' — ') },
    ], detail.timeline, 'no history')));
}

const section = (title, content) => el('section', { class: 'card', 'aria-label': title }, el('h3', {}, title), content);

function actions(s, o, pickup, refresh) {
  const base = `orders/${encodeURIComponent(s.id)}`;
  const running = RUNNING.includes(s.status);
  const buttons = [];
  if (s.status === 'Failed') buttons.push(el('button', { type: 'button', onclick: () => run('Replay the order', `Replay ${s.id} from its failed step? Steps already done stay done (their keys make them no-ops).`, `${base}/replay`, null, refresh) }, 'Replay'));
  if (running && s.status === 'AwaitingShipment' && !pickup) buttons.push(el('button', { type: 'button', onclick: () => ship(s, refresh) }, 'Confirm shipment'));
  if (running && s.status === 'PreparingPickup') buttons.push(el('button', { type: 'button', onclick: () => run('Ready for pickup', `Tell the hub (and the channel) that ${s.id} is ready at the store?`, `${base}/ready-for-pickup`, {}, refresh) }, 'Ready for pickup'));
  if (running && s.status === 'ReadyForPickup') buttons.push(el('button', { type: 'button', onclick: () => run('Picked up', `Record that the buyer collected ${s.id}?`, `${base}/picked-up`, {}, refresh) }, 'Picked up'));
  if (running) buttons.push(el('button', { type: 'button', class: 'secondary', onclick: () => raise(s, refresh) }, 'Raise an event'));
  if (running) buttons.push(el('button', { type: 'button', class: 'danger', onclick: () => cancel(s, refresh) }, 'Cancel order'));
  return buttons.length ? el('div', { class: 'actions', role: 'group', 'aria-label': 'Actions' }, buttons) : el('p', { class: 'muted' }, 'No action: the flow has ended.');
}

/** Confirms, sends, and answers with what the hub said (202 accepted, or the problem's words). */
async function run(title, text, path, body, refresh, fields = [], build = null) {
  const values = await confirmAction(title, text, fields);
  if (!values) return;
  try {
    const target = typeof path === 'function' ? path(values) : path;
    const r = await api(target, { method: 'POST', body: build ? build(values) : body ?? undefined });
    answer(`${title}: accepted (${r.status}). The order's timeline records it with your name.`);
    await refresh();
  } catch (e) {
    answer(`${title}: refused. ${e.message}`, true);
  }
}

const cancel = (s, refresh) => run('Cancel the order', `Cancel ${s.id}? What is reserved is released; after shipping the order is only flagged.`, `orders/${encodeURIComponent(s.id)}/cancel`, null, refresh,
  [{ label: 'Reason', name: 'reason', value: 'cancelled by operations', required: true }], (v) => ({ reason: v.reason }));

const ship = (s, refresh) => run('Confirm the shipment', `Confirm that a parcel of ${s.id} left (everything reserved at its location unless the flow says otherwise)?`, `shipments/${encodeURIComponent(s.id)}`, null, refresh,
  [{ label: 'Carrier', name: 'carrier', required: true }, { label: 'Tracking number', name: 'trackingNumber', required: true }, { label: 'Location (only when it ships from several)', name: 'location' }],
  (v) => ({ carrier: v.carrier, trackingNumber: v.trackingNumber, location: v.location || undefined }));

function raise(s, refresh) {
  const list = 'event-names';
  return run('Raise an event', `Send an event to the durable instance ${s.id}. The flow acts on the events it waits for (${EVENTS.join(', ')}).`, (v) => `orders/${encodeURIComponent(s.id)}/events/${encodeURIComponent(v.name)}`, null, refresh,
    [{ label: 'Event name', name: 'name', required: true, list, value: s.status === 'Backordered' ? 'StockAvailable' : '', after: el('datalist', { id: list }, EVENTS.map((e) => el('option', { value: e }))) },
      { label: 'Payload (JSON, optional)', name: 'payload', kind: 'textarea' }],
    (v) => ({ payload: v.payload ? JSON.parse(v.payload) : undefined }));
}

async function mapLine(orderId, line, refresh) {
  const all = await products();
  const list = 'sku-results';
  const results = el('datalist', { id: list });
  const hint = el('p', { class: 'muted', 'aria-live': 'polite' }, 'Type part of a SKU, title, GTIN or brand.');
  const title = 'Map the line to a SKU';
  const values = await confirmAction(title, `Line ${line.channelLineId} (${line.title || line.channelSku || 'no title'}) matched nothing. The listing is saved for future orders and the flow matches again.`, [
    { label: 'SKU (search the catalogue)', name: 'sku', required: true, list, value: line.channelSku || '',
      oninput: (e) => {
        const found = search(all, e.target.value);
        results.replaceChildren(...found.map((p) => el('option', { value: p.sku }, `${p.sku} — ${p.title}`)));
        hint.textContent = `${found.length} product(s) match: ${found.slice(0, 5).map((p) => `${p.sku} (${p.title})`).join(', ')}`;
      },
      after: [results, hint] },
  ], 'Map');
  if (!values) return;
  try {
    const r = await api(`orders/${encodeURIComponent(orderId)}/map-sku`, { method: 'POST', body: { lineId: line.channelLineId, sku: values.sku } });
    answer(`${title}: accepted (${r.status}): line ${line.channelLineId} → ${values.sku}.`);
    await refresh();
  } catch (e) {
    answer(`${title}: refused. ${e.message}`, true);
  }
}
