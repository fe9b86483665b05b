// Every data call goes to the hub's own API (/api/...) with the key kept for this tab; on Azure the App Service
// authentication session cookie goes with it (same origin).
const KEY = 'hub.console.key';
const OPERATOR = 'hub.console.operator';
export const apiBase = new URL('../', location.href);

export const session = {
  get key() { return sessionStorage.getItem(KEY); },
  get operator() { return sessionStorage.getItem(OPERATOR) || ''; },
  save(key, operator) { sessionStorage.setItem(KEY, key); sessionStorage.setItem(OPERATOR, operator || ''); },
  clear() { sessionStorage.removeItem(KEY); sessionStorage.removeItem(OPERATOR); },
};

export class ApiError extends Error {
  constructor(status, problem) {
    super(describe(status, problem));
    this.status = status;
    this.problem = problem;
  }
}

function describe(status, problem) {
  if (!problem) return `The hub answered ${status}.`;
  // A 400's detail already joins its field errors; the fields are the words only when there is no detail.
  const fields = problem.errors ? Object.values(problem.errors).flat().join(' ') : '';
  return [problem.title, problem.detail || fields].filter(Boolean).join(': ') || `The hub answered ${status}.`;
}

/** Calls the hub; JSON in, JSON out; a problem+json answer throws ApiError with the hub's words. */
export async function api(path, { method = 'GET', body, query } = {}) {
  const url = new URL(path, apiBase);
  for (const [k, v] of Object.entries(query || {})) if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, v);
  const headers = { 'x-functions-key': session.key || '', accept: 'application/json' };
  if (session.operator) headers['x-hub-operator'] = session.operator;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  const text = await response.text();
  let json = null;
  if (text) { try { json = JSON.parse(text); } catch { json = { detail: text.slice(0, 300) }; } }
  if (!response.ok) throw new ApiError(response.status, json);
  return { status: response.status, body: json, headers: response.headers };
}
