import { api } from '../api.js';

let cached = null;

/** The catalogue's products (up to 5,000, read once per page load), for the SKU search of "map a line". */
export async function products() {
  if (cached) return cached;
  const all = [];
  let token;
  do {
    const page = await api('products', { query: { pageSize: 1000, continuationToken: token } });
    all.push(...page.body.items);
    token = page.body.continuationToken;
  } while (token && all.length < 5000);
  cached = all;
  return all;
}

/** Products whose SKU, title, GTIN, ASIN or brand contain every word of the query (any case), best first. */
export function search(all, query, limit = 20) {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const text = (p) => [p.sku, p.title, p.gtin, p.asin, p.mpn, p.brand].filter(Boolean).join(' ').toLowerCase();
  return all.filter((p) => words.every((w) => text(p).includes(w)))
    .sort((a, b) => Number(b.sku.toLowerCase().startsWith(words[0])) - Number(a.sku.toLowerCase().startsWith(words[0])))
    .slice(0, limit);
}
