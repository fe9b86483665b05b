// Small DOM helpers: elements, tables, the confirm dialog and the answer line. No framework.
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== undefined && c !== null && c !== false) node.append(c instanceof Node ? c : String(c));
  return node;
}

export const fmt = {
  time: (t) => (t ? new Date(t).toISOString().replace('T', ' ').slice(0, 19) + 'Z' : '—'),
  num: (n) => (n === undefined || n === null ? '—' : Number(n).toLocaleString('en')),
};

export function status(s) { return el('span', { class: `status ${s}` }, s); }

/** A table with a caption; columns: [{ label, value(row) -> node|string, num? , narrow? }]. */
export function table(caption, columns, rows, empty = 'Nothing to show.') {
  if (!rows || rows.length === 0) return el('p', { class: 'muted' }, `${caption}: ${empty}`);
  return el('div', { class: 'table-wrap' }, el('table', {},
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, columns.map((c) => el('th', { scope: 'col', class: cls(c) }, c.label)))),
    el('tbody', {}, rows.map((r) => el('tr', {}, columns.map((c) => el('td', { class: cls(c) }, c.value(r) ?? '—')))))));
}
const cls = (c) => [c.num && 'num', c.narrow && 'hide-narrow'].filter(Boolean).join(' ') || undefined;

/** Shows what the hub answered, for every action (role=status, announced by screen readers). */
export function answer(text, bad = false) {
  const box = document.getElementById('answer');
  box.replaceChildren(el('p', { class: bad ? 'bad' : undefined, 'data-testid': 'answer' }, text));
}

/**
 * Asks before an action: the dialog names what will happen; fields (label, name, value, required, list) are asked
 * for in it. Resolves with the field values, or null when cancelled (Escape or Cancel).
 */
export function confirmAction(title, text, fields = [], okLabel = 'Confirm') {
  const dialog = document.getElementById('confirm');
  dialog.querySelector('#confirm-title').textContent = title;
  dialog.querySelector('#confirm-text').textContent = text;
  dialog.querySelector('#confirm-ok').textContent = okLabel;
  const box = dialog.querySelector('#confirm-fields');
  box.replaceChildren(...fields.map((f, i) => {
    const id = `confirm-field-${i}`;
    const input = f.kind === 'textarea'
      ? el('textarea', { id, name: f.name, rows: 3 }, f.value || '')
      : el('input', { id, name: f.name, value: f.value || '', required: f.required, list: f.list, type: 'text', autocomplete: 'off' });
    if (f.oninput) input.addEventListener('input', f.oninput);
    return el('div', {}, el('label', { for: id }, f.label), input, f.after || '');
  }));
  return new Promise((resolve) => {
    dialog.addEventListener('close', function onClose() {
      dialog.removeEventListener('close', onClose);
      if (dialog.returnValue !== 'ok') return resolve(null);
      const values = {};
      for (const f of fields) values[f.name] = dialog.querySelector(`[name="${f.name}"]`).value.trim();
      resolve(values);
    });
    dialog.returnValue = '';
    dialog.showModal();
    (box.querySelector('input, textarea') || dialog.querySelector('#confirm-ok')).focus();
  });
}

/** A bar or line chart with Chart.js (loaded as a classic script, global Chart); the canvas gets a text alternative. */
export function chart(canvas, config, description) {
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', description);
  if (!window.Chart) return null;
  return new window.Chart(canvas, { ...config, options: { responsive: true, maintainAspectRatio: false, animation: false, ...config.options } });
}

export const palette = {
  Completed: '#1b6e33', Shipped: '#2f8f4e', AwaitingShipment: '#b26b00', PreparingPickup: '#c98a1a', ReadyForPickup: '#d9a441',
  Backordered: '#7a4d00', NeedsAttention: '#a4161a', Failed: '#6b0f12', Received: '#0b5cad', Pending: '#6a8fbf', Cancelled: '#6b7480', Terminated: '#3d434b',
};
