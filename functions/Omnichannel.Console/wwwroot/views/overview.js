import { api } from '../api.js';
import { el, fmt, table, chart, palette, answer, confirmAction } from '../ui.js';

const DAYS = 14;
const tile = (label, n, href, tone, id) =>
  el('a', { class: `tile ${n > 0 ? tone : ''}`, href, 'data-testid': id }, el('span', { class: 'n' }, fmt.num(n)), label);

export async function render({ refresh, params }) {
  const [counts, quarantine, sync, poison] = await Promise.all([
    api('ops/orders-by-day', { query: { days: DAYS } }),
    api('webhooks/quarantine', { query: { take: 1000 } }),
    api('sync/status', { query: { limit: 5000 } }),
    api('ops/poison-queues'),
  ]);
  const c = counts.body;
  const t = (s) => c.totals[s] || 0;
  const listings = sync.body.channels.flatMap((ch) => ch.items.map((i) => ({ ...i, channel: ch.channel })));
  const failing = listings.filter((l) => l.failing);
  const pending = listings.filter((l) => l.pending !== null && l.pending !== undefined)
    .sort((a, b) => (a.lastPushedAt || '').localeCompare(b.lastPushedAt || ''));
  const drift = listings.filter((l) => l.lastDriftAt).sort((a, b) => b.lastDriftAt.localeCompare(a.lastDriftAt))[0];
  const poisonMessages = poison.body.reduce((n, q) => n + q.approximateMessages, 0);
  const lateTo = encodeURIComponent(c.lateBefore);

  const canvas = el('canvas', { id: 'orders-chart' });
  const section = el('div', {},
    el('h2', {}, 'Overview'),
    el('p', { class: 'muted' }, `Orders whose flow started in the last ${DAYS} days (UTC), by their status now${c.truncated ? ' (counting stopped early: the window holds more flows than one count takes)' : ''}.`),
    el('div', { class: 'grid' },
      tile('Needs attention', t('NeedsAttention'), '#/orders?status=NeedsAttention', 'bad', 'count-NeedsAttention'),
      tile('Failed', t('Failed'), '#/orders?status=Failed', 'bad', 'count-Failed'),
      tile('Backordered', t('Backordered'), '#/orders?status=Backordered', 'warn', 'count-Backordered'),
      tile('Late shipments', c.lateShipments, `#/orders?status=AwaitingShipment&to=${lateTo}`, 'warn', 'count-late'),
      tile('Awaiting shipment', t('AwaitingShipment'), '#/orders?status=AwaitingShipment', '', 'count-AwaitingShipment'),
      tile('Completed', t('Completed'), '#/orders?status=Completed', '', 'count-Completed'),
      tile('Quarantined webhooks', quarantine.body.length, '#/?focus=quarantine', 'bad', 'count-quarantine'),
      tile('Failing listings', failing.length, '#/?focus=sync', 'bad', 'count-failing'),
      tile('Poison messages', poisonMessages, '#/?focus=poison', 'bad', 'count-poison')),
    el('section', { class: 'card', 'aria-labelledby': 'chart-title' },
      el('h3', { id: 'chart-title' }, 'Orders by day and status'),
      el('div', { class: 'chart' }, canvas),
      dayTable(c)),
    el('section', { class: 'card', id: 'sync', 'aria-labelledby': 'sync-title' },
      el('h3', { id: 'sync-title' }, 'Channel sync health'),
      el('dl', { class: 'facts' },
        el('dt', {}, 'Listings'), el('dd', {}, `${fmt.num(listings.length)}${sync.body.truncated ? '+' : ''} on ${sync.body.channels.length} channels`),
        el('dt', {}, 'Failing'), el('dd', {}, fmt.num(failing.length)),
        el('dt', {}, 'Oldest pending push'), el('dd', {}, pending[0] ? `${pending[0].channel} ${pending[0].channelItemId} (${pending[0].sku}): ${pending[0].pending} waiting, last pushed ${fmt.time(pending[0].lastPushedAt)}` : 'none pending'),
        el('dt', {}, 'Last reconciliation drift'), el('dd', {}, drift ? `${fmt.time(drift.lastDriftAt)}: ${drift.channel} ${drift.channelItemId} (${drift.sku}) showed ${drift.lastDriftShown}` : 'none')),
      table('Failing listings', [
        { label: 'Channel', value: (l) => l.channel },
        { label: 'Listing', value: (l) => l.channelItemId },
        { label: 'SKU', value: (l) => el('a', { href: `#/stock/${encodeURIComponent(l.sku)}` }, l.sku) },
        { label: 'Failures', value: (l) => fmt.num(l.consecutiveFailures), num: true },
        { label: 'Last error', value: (l) => l.lastError, narrow: true },
      ], failing.slice(0, 50), 'none failing')),
    el('section', { class: 'card', id: 'quarantine', 'aria-labelledby': 'quarantine-title' },
      el('h3', { id: 'quarantine-title' }, 'Quarantined webhooks'),
      table('Authentic payloads the hub could not read, newest first', [
        { label: 'Received', value: (q) => fmt.time(q.receivedAt) },
        { label: 'Channel', value: (q) => `${q.channel}/${q.store}` },
        { label: 'Reason', value: (q) => q.reason, narrow: true },
        { label: 'Action', value: (q) => el('button', { type: 'button', class: 'secondary', onclick: () => requeue(q, refresh), 'aria-label': `Requeue the ${q.channel} webhook received ${fmt.time(q.receivedAt)}` }, 'Requeue') },
      ], quarantine.body.slice(0, 100), 'none quarantined')),
    el('section', { class: 'card', id: 'poison', 'aria-labelledby': 'poison-title' },
      el('h3', { id: 'poison-title' }, 'Poison queues'),
      table('Messages that failed every attempt', [
        { label: 'Queue', value: (q) => q.name },
        { label: 'Messages', value: (q) => fmt.num(q.approximateMessages), num: true },
      ], poison.body, 'no poison queue')));

  setTimeout(() => {
    // Tiles for sections of this page link to #/?focus={section}: the hash is the page's route, so no bare anchors.
    const focus = params.get('focus') && document.getElementById(params.get('focus'));
    if (focus) { focus.setAttribute('tabindex', '-1'); focus.scrollIntoView(); focus.focus({ preventScroll: true }); }
    const statuses = Object.keys(palette).filter((s) => c.days.some((d) => d.counts[s]));
    chart(canvas, {
      type: 'bar',
      data: { labels: c.days.map((d) => d.date.slice(5)), datasets: statuses.map((s) => ({ label: s, data: c.days.map((d) => d.counts[s] || 0), backgroundColor: palette[s] })) },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
    }, `Stacked bar chart of orders per day over the last ${DAYS} days by status; the same figures are in the table below it.`);
  }, 0);
  return section;
}

function dayTable(c) {
  const statuses = Object.keys(palette).filter((s) => c.days.some((d) => d.counts[s]));
  const details = el('details', {}, el('summary', {}, 'The chart as a table'),
    table('Orders per day (UTC) by status', [{ label: 'Day', value: (d) => d.date }, ...statuses.map((s) => ({ label: s, value: (d) => fmt.num(d.counts[s] || 0), num: true }))], c.days));
  return details;
}

async function requeue(q, refresh) {
  const ok = await confirmAction('Requeue the webhook', `Read the ${q.channel}/${q.store} payload received ${fmt.time(q.receivedAt)} again and forward its orders? It was quarantined because: ${q.reason}`, [], 'Requeue');
  if (!ok) return;
  try {
    const r = await api(`webhooks/quarantine/${encodeURIComponent(q.channel)}/${encodeURIComponent(q.id)}/requeue`, { method: 'POST' });
    answer(r.status === 202 ? `Requeued: ${r.body.forwarded} order(s) forwarded to the order flow.` : `Nothing new: the order was seen before; the payload left the quarantine.`);
    await refresh();
  } catch (e) {
    answer(`Not requeued: ${e.message}`, true);
  }
}
