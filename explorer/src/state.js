// The view as a URL query string, so a view can be shared and reloaded:
//   ?actor=state:CHN&depth=1&kinds=ACCUSES,DENIES&from=2023-01-01&to=2023-12-31
//    &edge=state:CHN|DENIES|state:USA&with=state:USA&rollup=false
// or ?incident=ID instead of actor. Unknown or malformed values are dropped.

import { KINDS } from './api.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The default view: nothing selected, every kind, no dates. */
export function emptyState() {
  return { actor: '', incident: '', depth: 1, kinds: [...KINDS], from: '', to: '', edge: '', with: '', rollup: true };
}

/** Reads a view from a query string. */
export function parseState(search) {
  const q = new URLSearchParams(search);
  const s = emptyState();
  s.actor = q.get('actor') || '';
  s.incident = s.actor ? '' : q.get('incident') || '';
  const depth = Number.parseInt(q.get('depth') || '1', 10);
  s.depth = depth >= 1 && depth <= 3 ? depth : 1;
  if (q.has('kinds')) {
    const want = new Set(q.get('kinds').split(',').map((k) => k.trim().toUpperCase()));
    s.kinds = KINDS.filter((k) => want.has(k));
  }
  for (const f of ['from', 'to']) {
    const v = q.get(f) || '';
    s[f] = DATE.test(v) ? v : '';
  }
  s.edge = q.get('edge') || '';
  s.with = q.get('with') || '';
  s.rollup = q.get('rollup') !== 'false';
  return s;
}

/** Writes a view as a query string (with its leading "?"; "" for the empty view). */
export function formatState(s) {
  const q = new URLSearchParams();
  if (s.actor) q.set('actor', s.actor);
  else if (s.incident) q.set('incident', s.incident);
  if (s.depth !== 1) q.set('depth', String(s.depth));
  if (s.kinds.length !== KINDS.length) q.set('kinds', s.kinds.join(','));
  if (s.from) q.set('from', s.from);
  if (s.to) q.set('to', s.to);
  if (s.edge) q.set('edge', s.edge);
  if (s.with) q.set('with', s.with);
  if (!s.rollup) q.set('rollup', 'false');
  const str = q.toString().replaceAll('%3A', ':').replaceAll('%2C', ',').replaceAll('%7C', '|');
  return str ? `?${str}` : '';
}

/** Splits a link id "speaker|KIND|target" into its parts; null when malformed. */
export function parseEdgeId(id) {
  const parts = id.split('|');
  if (parts.length !== 3 || !KINDS.includes(parts[1])) return null;
  return { speaker: parts[0], kind: parts[1], target: parts[2] };
}
