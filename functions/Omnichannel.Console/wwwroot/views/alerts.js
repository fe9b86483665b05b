import { api } from '../api.js';
import { el, fmt, table } from '../ui.js';

/** Low stock, recount and the order flow's alerts (SLA and others), newest first. */
export async function render({ params }) {
  const days = params.get('days') || '7';
  const alerts = (await api('ops/alerts', { query: { take: 200, days } })).body;
  const link = (a) => (a.source === 'stock'
    ? el('a', { href: `#/stock/${encodeURIComponent(a.subject)}` }, a.subject)
    : el('a', { href: `#/orders/${encodeURIComponent(a.subject)}` }, a.subject));
  return el('div', {},
    el('h2', {}, 'Alerts'),
    el('p', { class: 'muted' }, `Low stock and recount (the ledger's events) and the order flow's alerts (needs attention, backordered, shipment late, pickup late, not collected) of the last ${days} days, newest first.`),
    table('Alerts, newest first', [
      { label: 'When', value: (a) => fmt.time(a.at) },
      { label: 'Kind', value: (a) => a.kind },
      { label: 'About', value: link },
      { label: 'Detail', value: (a) => a.detail },
    ], alerts, 'no alert'));
}
