// The explorer page: search an actor or incident, draw its ego network, read
// the statements behind an edge, chart them by month, filter, share and
// export the view. It uses only the public API (POST /graphql, GET /export).

import './style.css';
import * as api from './api.js';
import { KINDS, KIND_COLORS } from './api.js';
import { createGraph, renderGraph } from './graph.js';
import { drawTimeline } from './timeline.js';
import { emptyState, formatState, parseEdgeId, parseState } from './state.js';

const $ = (id) => document.getElementById(id);

/** The view the URL describes. */
let state = parseState(window.location.search);
/** What the graph shows: { type: 'actor'|'incident', center, nodes: Map, links: [] }. */
let view = null;
/** The statement list being shown, to page on with "More". */
let listing = null;

const cy = createGraph($('graph'));
// For tests and for poking around from the console.
window.demarcheExplorer = { cy, get state() { return { ...state }; }, get view() { return view; } };

// ---------------------------------------------------------------- helpers

function h(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) e.append(c);
  return e;
}

function kindLabel(kind) {
  return kind.charAt(0) + kind.slice(1).toLowerCase();
}

function kindBadge(kind) {
  return h('span', { class: 'badge', style: `background:${KIND_COLORS[kind]}`, text: kind.toLowerCase() });
}

function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

function setStatus(text, { error = false } = {}) {
  const s = $('status');
  s.textContent = text;
  s.classList.toggle('error', error);
  s.hidden = !text;
}

function errorText(err) {
  if (err && err.code === 'NOT_FOUND') return 'Not found.';
  return err && err.message ? err.message : String(err);
}

/** A controller per kind of request: a newer request aborts the older one. */
const controllers = {};
function fresh(name) {
  if (controllers[name]) controllers[name].abort();
  controllers[name] = new AbortController();
  return controllers[name].signal;
}
const aborted = (err) => err && err.name === 'AbortError';

function pushState({ replace = false } = {}) {
  const url = `${window.location.pathname}${formatState(state)}`;
  if (url === `${window.location.pathname}${window.location.search}`) return;
  if (replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
}

function nodeName(id) {
  const n = view && view.nodes.get(id);
  return n ? n.name : id;
}

// ---------------------------------------------------------------- filters

function buildKindFilters() {
  const box = $('kind-filters');
  for (const k of KINDS) {
    box.append(
      h('label', { class: 'kind', 'data-kind': k },
        h('input', { type: 'checkbox', value: k, onchange: onKindsChanged }),
        h('span', { class: 'swatch', style: `background:${KIND_COLORS[k]}` }),
        h('span', { class: 'kind-name', text: kindLabel(k) }),
        h('span', { class: 'kind-count' })),
    );
  }
}

function syncControls() {
  for (const cb of $('kind-filters').querySelectorAll('input')) cb.checked = state.kinds.includes(cb.value);
  $('date-from').value = state.from;
  $('date-to').value = state.to;
  $('depth').value = String(state.depth);
  $('depth').disabled = Boolean(state.incident);
  $('rollup').checked = state.rollup;
}

function onKindsChanged() {
  state.kinds = [...$('kind-filters').querySelectorAll('input:checked')].map((cb) => cb.value);
  filtersChanged();
}

function filtersChanged() {
  pushState({ replace: true });
  loadView();
}

// ---------------------------------------------------------------- search

let searchTimer = 0;
let suggestions = [];
let active = -1;

function closeSuggestions() {
  $('search-results').hidden = true;
  $('search-input').setAttribute('aria-expanded', 'false');
  active = -1;
}

function renderSuggestions(items, text) {
  suggestions = items;
  active = items.length ? 0 : -1;
  const list = $('search-results');
  list.replaceChildren();
  if (!items.length) {
    list.append(h('li', { class: 'none', text: `Nothing matches “${text}”.` }));
  }
  items.forEach((it, i) => {
    const n = it.node;
    const kind = it.type === 'incident' ? `incident${n.year ? `, ${n.year}` : ''}` : n.kind.toLowerCase();
    const also = it.matched && it.matched !== n.name ? ` · “${it.matched}”` : '';
    list.append(
      h('li', {
        role: 'option', id: `sugg-${i}`, class: i === active ? 'active' : '', 'data-id': n.id, 'data-type': it.type,
        'aria-selected': i === active ? 'true' : 'false',
        onmousedown: (ev) => { ev.preventDefault(); choose(it); },
      },
      h('span', { class: 'sugg-name', text: n.name }),
      h('span', { class: 'sugg-kind', text: `${kind}${also}` })),
    );
  });
  list.hidden = false;
  $('search-input').setAttribute('aria-expanded', 'true');
}

function moveActive(delta) {
  if (!suggestions.length) return;
  active = (active + delta + suggestions.length) % suggestions.length;
  for (const [i, li] of [...$('search-results').children].entries()) {
    li.classList.toggle('active', i === active);
    li.setAttribute('aria-selected', i === active ? 'true' : 'false');
  }
  $('search-input').setAttribute('aria-activedescendant', `sugg-${active}`);
}

async function runSearch(text) {
  const signal = fresh('search');
  try {
    const items = await api.suggest(text, { signal });
    if ($('search-input').value.trim() === text) renderSuggestions(items, text);
    return items;
  } catch (err) {
    if (!aborted(err)) setStatus(`Search failed: ${errorText(err)}`, { error: true });
    return [];
  }
}

function choose(it) {
  closeSuggestions();
  $('search-input').value = it.node.name;
  state = { ...state, actor: '', incident: '', edge: '', with: '' };
  if (it.type === 'incident') state.incident = it.node.id;
  else state.actor = it.node.id;
  pushState();
  loadView();
}

function wireSearch() {
  const input = $('search-input');
  input.addEventListener('input', () => {
    clearTimeout(searchTimer);
    const text = input.value.trim();
    if (!text) {
      closeSuggestions();
      return;
    }
    searchTimer = setTimeout(() => runSearch(text), 180);
  });
  input.addEventListener('keydown', async (ev) => {
    if (ev.key === 'ArrowDown') { ev.preventDefault(); moveActive(1); }
    else if (ev.key === 'ArrowUp') { ev.preventDefault(); moveActive(-1); }
    else if (ev.key === 'Escape') closeSuggestions();
    else if (ev.key === 'Enter') {
      ev.preventDefault();
      const text = input.value.trim();
      if (!text) return;
      clearTimeout(searchTimer);
      let items = suggestions;
      if ($('search-results').hidden || !items.length) items = await runSearch(text);
      const pick = items[active >= 0 && active < items.length ? active : 0];
      if (pick) choose(pick);
    }
  });
  input.addEventListener('blur', () => setTimeout(closeSuggestions, 100));
  input.addEventListener('focus', () => { if (suggestions.length && input.value.trim()) $('search-results').hidden = false; });
}

// ---------------------------------------------------------------- graph

/** Levels (link distance from the center, either way) by breadth-first search. */
function levels(centerId, nodeIds, links) {
  const adj = new Map(nodeIds.map((id) => [id, []]));
  for (const l of links) {
    if (adj.has(l.source) && adj.has(l.target)) {
      adj.get(l.source).push(l.target);
      adj.get(l.target).push(l.source);
    }
  }
  const level = new Map([[centerId, 0]]);
  const queue = [centerId];
  while (queue.length) {
    const id = queue.shift();
    for (const next of adj.get(id) || []) {
      if (!level.has(next)) {
        level.set(next, level.get(id) + 1);
        queue.push(next);
      }
    }
  }
  return level;
}

/** Sums statements into direct links, one per speaker, kind and target, as the store does. */
function linksFromStatements(stmts, keep = () => true) {
  const acc = new Map();
  for (const s of stmts) {
    for (const sp of s.speakers) {
      for (const tg of s.targets) {
        if (!keep(sp.id, tg.id)) continue;
        const id = `${sp.id}|${s.kind}|${tg.id}`;
        let l = acc.get(id);
        if (!l) {
          l = { id, source: sp.id, target: tg.id, kind: s.kind, count: 0, first: s.date, last: s.date, articles: new Set() };
          acc.set(id, l);
        }
        l.count += 1;
        if (s.date < l.first) l.first = s.date;
        if (s.date > l.last) l.last = s.date;
        for (const r of s.reports) l.articles.add(r.article.id);
      }
    }
  }
  return [...acc.values()].map(({ articles, ...l }) => ({ ...l, reports: articles.size }));
}

async function loadActorView(signal) {
  const nb = await api.neighborhood(state.actor, { depth: state.depth, kinds: state.kinds }, { signal });
  const center = nb.center;
  const nodes = new Map(nb.nodes.map((n) => [n.id, n]));
  nodes.set(center.id, center);
  let links = nb.links.map((l) => ({
    id: l.id, source: l.speaker.id, target: l.target.id, kind: l.kind, count: l.count, reports: l.reports, first: l.first, last: l.last,
  }));
  if (!state.kinds.length) links = [];
  else if (state.from || state.to) {
    // The neighborhood has no date filter: recount its links from the statements in range.
    const ids = [...nodes.keys()];
    const { statements } = await api.allStatements(
      { speakers: ids, targets: ids, kinds: state.kinds, from: state.from || null, to: state.to || null, rollup: false },
      { fields: api.LINK_FIELDS },
      { signal },
    );
    links = linksFromStatements(statements, (a, b) => nodes.has(a) && nodes.has(b));
  }
  return { type: 'actor', center, nodes, links };
}

async function loadIncidentView(signal) {
  const inc = await api.incident(state.incident, { signal });
  if (!inc) throw new api.APIError('No such incident.', 'NOT_FOUND');
  const center = { id: inc.id, name: inc.name, kind: 'INCIDENT', year: inc.year };
  const nodes = new Map([[center.id, center]]);
  let statements = [];
  if (state.kinds.length) {
    ({ statements } = await api.allStatements(
      { incident: inc.id, kinds: state.kinds, from: state.from || null, to: state.to || null },
      { fields: api.LINK_FIELDS },
      { signal },
    ));
  }
  for (const s of statements) for (const a of [...s.speakers, ...s.targets]) nodes.set(a.id, a);
  const roles = [];
  for (const [role, actors] of [['attributed', inc.attributedTo], ['targeted', inc.targeted]]) {
    for (const a of actors) {
      nodes.set(a.id, a);
      roles.push({ id: `${role}|${inc.id}|${a.id}`, source: inc.id, target: a.id, role, kind: '', count: 1 });
    }
  }
  return { type: 'incident', center, nodes, links: linksFromStatements(statements), roles, incident: inc };
}

function describeView() {
  const actors = view.nodes.size - 1;
  const total = view.links.reduce((a, l) => a + l.count, 0);
  const what = view.type === 'incident' ? 'incident' : `ego network, depth ${state.depth}`;
  const filters = [];
  if (state.kinds.length < KINDS.length) filters.push(state.kinds.length ? state.kinds.map((k) => k.toLowerCase()).join(', ') : 'no kinds');
  if (state.from || state.to) filters.push(`${state.from || '…'} to ${state.to || '…'}`);
  return [
    h('strong', { text: view.center.name }),
    ` — ${what} · ${plural(actors, 'actor')} · ${plural(view.links.length, 'link')} · ${plural(total, 'statement')}`,
    filters.length ? h('span', { class: 'filters-note', text: ` · ${filters.join(' · ')}` }) : '',
  ];
}

function renderView() {
  const { center } = view;
  // Drop actors no link reaches (the date filter can strand some), except the center.
  const edgeList = [...view.links, ...(view.roles || [])];
  const level = levels(center.id, [...view.nodes.keys()], edgeList);
  const nodes = [...view.nodes.values()]
    .filter((n) => level.has(n.id))
    .map((n) => ({ id: n.id, label: n.name, kind: n.kind, center: n.id === center.id, level: level.get(n.id) }));
  const shown = new Set(nodes.map((n) => n.id));
  view.nodes = new Map([...view.nodes].filter(([id]) => shown.has(id)));
  const edges = [
    ...view.links.map((l) => ({ ...l })),
    ...(view.roles || []).map((r) => ({ ...r })),
  ];
  renderGraph(cy, nodes, edges);
  cy.edges('[?role]').unselectify();

  const g = $('graph');
  g.dataset.center = center.id;
  g.dataset.nodes = nodes.map((n) => n.id).join(' ');
  g.dataset.edges = String(view.links.length);
  $('graph-empty').hidden = true;
  $('graph-title').replaceChildren(...describeView());
  document.title = `${center.name} · Demarche explorer`;
  $('search-input').value = center.name;

  // Kind counts in the filter list double as the legend.
  const byKind = {};
  for (const l of view.links) byKind[l.kind] = (byKind[l.kind] || 0) + l.count;
  for (const lab of $('kind-filters').children) lab.querySelector('.kind-count').textContent = byKind[lab.dataset.kind] || '';

  renderLinkList();
  updateExports();
}

function renderLinkList() {
  const list = $('link-list');
  list.replaceChildren();
  const sorted = [...view.links].sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
  if (!sorted.length) list.append(h('li', { class: 'hint', text: 'No links with these filters.' }));
  for (const l of sorted) {
    list.append(
      h('li', {},
        h('button', {
          type: 'button', class: 'link-item', 'data-edge-id': l.id,
          title: `${dayText(l.first)}${l.last !== l.first ? ` to ${dayText(l.last)}` : ''}`,
          onclick: () => selectEdge(l.id),
        },
        h('span', { class: 'swatch', style: `background:${KIND_COLORS[l.kind]}` }),
        h('span', { class: 'link-text', text: `${nodeName(l.source)} ${l.kind.toLowerCase()} ${nodeName(l.target)}` }),
        h('span', { class: 'link-count', text: `×${l.count}` }))),
    );
  }
}

function updateExports() {
  const ready = Boolean(view) && !loading;
  for (const [id, format] of [['export-graphml', 'graphml'], ['export-gexf', 'gexf']]) {
    const a = $(id);
    if (ready) {
      a.href = api.exportURL(format, {
        actorIds: [...view.nodes.keys()],
        incidentId: view.type === 'incident' ? view.center.id : '',
        kinds: state.kinds,
        from: state.from,
        to: state.to,
      });
      a.removeAttribute('aria-disabled');
    } else {
      a.removeAttribute('href');
      a.setAttribute('aria-disabled', 'true');
    }
  }
  $('export-png').disabled = !ready;
}

function exportPNG() {
  if (!view) return;
  const blob = cy.png({ output: 'blob', bg: '#ffffff', full: true, scale: 2 });
  const url = URL.createObjectURL(blob);
  const slug = view.center.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'graph';
  const a = h('a', { href: url, download: `demarche-${slug}.png` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function showEmpty() {
  view = null;
  cy.elements().remove();
  const g = $('graph');
  g.dataset.center = '';
  g.dataset.nodes = '';
  g.dataset.edges = '';
  $('graph-title').replaceChildren();
  $('graph-empty').hidden = false;
  $('link-list').replaceChildren();
  for (const lab of $('kind-filters').children) lab.querySelector('.kind-count').textContent = '';
  document.title = 'Demarche explorer';
  clearDetails();
  updateExports();
}

/** Loads the graph the state asks for, then the selection it names. */
async function loadView() {
  syncControls();
  if (!state.actor && !state.incident) {
    fresh('graph');
    setLoading(false);
    showEmpty();
    return;
  }
  const signal = fresh('graph');
  setStatus('Loading…');
  setLoading(true);
  try {
    view = state.actor ? await loadActorView(signal) : await loadIncidentView(signal);
  } catch (err) {
    // An aborted load was replaced by a newer one, which owns the loading state.
    if (aborted(err)) return;
    setLoading(false);
    showEmpty();
    setStatus(`Could not load ${state.actor || state.incident}: ${errorText(err)}`, { error: true });
    return;
  }
  if (state.actor && state.actor !== view.center.id) {
    // A name in the URL: keep the stable id instead.
    state.actor = view.center.id;
    pushState({ replace: true });
  }
  setStatus('');
  setLoading(false);
  renderView();
  restoreSelection();
}

// While a view loads, the graph says so (data-loading) and the export links
// are disabled: they would otherwise export the previous view's filters.
let loading = false;
function setLoading(on) {
  loading = on;
  if (on) $('graph').dataset.loading = 'true';
  else delete $('graph').dataset.loading;
  updateExports();
}

function restoreSelection() {
  if (state.edge && cy.getElementById(state.edge).nonempty()) {
    selectEdge(state.edge, { push: false });
  } else if (state.with && view.nodes.has(state.with) && state.with !== view.center.id) {
    selectNode(state.with, { push: false });
  } else {
    if (state.edge || state.with) {
      state.edge = '';
      state.with = '';
      pushState({ replace: true });
    }
    clearDetails();
  }
}

// ---------------------------------------------------------------- details

function clearDetails() {
  listing = null;
  cy.elements().unselect();
  cy.elements().removeClass('faded');
  $('statements-title').textContent = 'Statements';
  $('statements-hint').hidden = false;
  $('statements').replaceChildren();
  $('statements-more').hidden = true;
  $('timeline-section').hidden = true;
  if (view && view.type === 'actor') {
    showTimeline(view.center.id, null);
  }
}

function focusOn(eles) {
  cy.elements().removeClass('faded');
  cy.elements().not(eles).addClass('faded');
}

/** Selects the link with this id: its statements and the timeline between its ends. */
function selectEdge(id, { push = true } = {}) {
  const e = parseEdgeId(id);
  const edge = cy.getElementById(id);
  if (!e || edge.empty()) return;
  cy.elements().unselect();
  edge.select();
  focusOn(edge.union(edge.connectedNodes()));
  state.edge = id;
  state.with = '';
  if (push) pushState({ replace: true });
  $('statements-title').replaceChildren(
    kindBadge(e.kind), ' ', h('span', { text: `${nodeName(e.speaker)} → ${nodeName(e.target)}` }),
  );
  const filter = {
    speakers: [e.speaker], targets: [e.target], kinds: [e.kind], rollup: false,
    from: state.from || null, to: state.to || null,
  };
  if (view.type === 'incident') filter.incident = view.center.id;
  startListing((after, signal) => api.statementsPage(filter, { after }, { signal }));
  if (view.type === 'actor') {
    const other = e.speaker === view.center.id ? e.target : e.target === view.center.id ? e.speaker : null;
    if (other) showTimeline(view.center.id, other);
    else showTimeline(e.speaker, e.target);
  } else {
    showTimeline(e.speaker, e.target);
  }
}

/** Selects an actor: everything between it and the center. */
function selectNode(id, { push = true } = {}) {
  const node = cy.getElementById(id);
  if (node.empty() || id === view.center.id) return;
  cy.elements().unselect();
  node.select();
  const between = node.edgesWith(cy.getElementById(view.center.id));
  focusOn(node.union(between).union(between.connectedNodes()));
  state.edge = '';
  state.with = id;
  if (push) pushState({ replace: true });
  $('statements-title').textContent = `${view.center.name} ↔ ${nodeName(id)}`;
  const opts = { kinds: state.kinds, from: state.from, to: state.to };
  if (view.type === 'incident') {
    const filter = { incident: view.center.id, involving: [id], kinds: state.kinds, from: state.from || null, to: state.to || null, rollup: false };
    startListing((after, signal) => api.statementsPage(filter, { after }, { signal }));
    $('timeline-section').hidden = true;
  } else {
    startListing((after, signal) => api.dyadPage(view.center.id, id, { ...opts, rollup: false, after }, { signal }));
    showTimeline(view.center.id, id);
  }
}

async function startListing(fetchPage) {
  listing = { fetchPage, after: null, shown: 0 };
  $('statements').replaceChildren();
  $('statements-hint').hidden = true;
  await moreStatements(true);
}

async function moreStatements(first = false) {
  if (!listing) return;
  const mine = listing;
  const signal = fresh('statements');
  $('statements-more').hidden = true;
  try {
    const page = await mine.fetchPage(mine.after, signal);
    if (listing !== mine) return;
    const list = $('statements');
    if (first && !page.edges.length) list.append(h('li', { class: 'hint', text: 'No statements with these filters.' }));
    for (const { node } of page.edges) list.append(renderStatement(node));
    mine.after = page.pageInfo.endCursor;
    mine.shown += page.edges.length;
    $('statements-more').hidden = !page.pageInfo.hasNextPage;
    $('statements-more').textContent = `More (${mine.shown} of ${page.totalCount})`;
    list.dataset.total = String(page.totalCount);
  } catch (err) {
    if (!aborted(err)) $('statements').append(h('li', { class: 'error', text: `Could not load statements: ${errorText(err)}` }));
  }
}

/** A day as the page shows it; the zero day means the articles gave none. */
function dayText(day) {
  return !day || day.startsWith('0001-') ? 'undated' : day;
}

function renderStatement(s) {
  const a = s.article;
  const published = a.published && !a.published.startsWith('0001-') ? a.published.slice(0, 10) : '';
  // Article URLs come from loaded documents: link only web addresses.
  const title = a.url && /^https?:\/\//i.test(a.url)
    ? h('a', { href: a.url, target: '_blank', rel: 'noopener noreferrer', class: 'article-link', text: a.title })
    : h('span', { class: 'article-link', text: a.title });
  const more = s.reports.length > 1 ? ` · reported by ${s.reports.length} articles` : '';
  return h('li', { class: 'statement', 'data-statement-id': s.id },
    h('div', { class: 'statement-head' },
      kindBadge(s.kind),
      h('time', { datetime: s.date, text: dayText(s.date) }),
      h('span', { class: 'who', text: `${s.speaker.name} → ${s.target ? s.target.name : '(no target named)'}` })),
    h('p', { class: 'evidence', text: s.evidence }),
    s.quote ? h('blockquote', { class: 'quote', text: `“${s.quote}”` }) : null,
    h('div', { class: 'source' },
      title,
      h('span', { class: 'meta', text: [a.publisher, published].filter(Boolean).join(', ') + more }),
      s.incident ? h('span', { class: 'meta', text: `about ${s.incident.name}` }) : null),
  );
}

async function showTimeline(a, b) {
  const section = $('timeline-section');
  const signal = fresh('timeline');
  try {
    const t = await api.timeline(a, b, { kinds: state.kinds, from: state.from, to: state.to, rollup: state.rollup }, { signal });
    const aName = t.actor.name;
    const bName = t.counterpart ? t.counterpart.name : 'everyone';
    $('timeline-title').textContent = t.counterpart
      ? `${aName} and ${bName} by month`
      : `${aName}: all statements by month`;
    drawTimeline($('timeline'), t.buckets, aName, bName);
    section.hidden = false;
  } catch (err) {
    if (aborted(err)) return;
    $('timeline-title').textContent = 'Timeline';
    $('timeline').replaceChildren(h('p', { class: 'error', text: `Could not load the timeline: ${errorText(err)}` }));
    section.hidden = false;
  }
}

// ---------------------------------------------------------------- wiring

function wire() {
  cy.on('tap', 'edge', (ev) => {
    if (ev.target.data('role')) return;
    selectEdge(ev.target.id());
  });
  cy.on('tap', 'node', (ev) => {
    const id = ev.target.id();
    if (view && id !== view.center.id) selectNode(id);
  });
  cy.on('dbltap', 'node', (ev) => {
    const id = ev.target.id();
    if (!view || id === view.center.id || ev.target.data('kind') === 'INCIDENT') return;
    state = { ...state, actor: id, incident: '', edge: '', with: '' };
    pushState();
    loadView();
  });
  cy.on('tap', (ev) => {
    if (ev.target === cy && (state.edge || state.with)) {
      state.edge = '';
      state.with = '';
      pushState({ replace: true });
      clearDetails();
    }
  });
  cy.on('mouseover', 'node, edge[!role]', () => { $('graph').style.cursor = 'pointer'; });
  cy.on('mouseout', 'node, edge', () => { $('graph').style.cursor = ''; });

  $('kinds-all').addEventListener('click', () => { state.kinds = [...KINDS]; filtersChanged(); });
  $('kinds-none').addEventListener('click', () => { state.kinds = []; filtersChanged(); });
  for (const f of ['from', 'to']) {
    $(`date-${f}`).addEventListener('change', (ev) => { state[f] = ev.target.value; filtersChanged(); });
  }
  $('dates-clear').addEventListener('click', () => { state.from = ''; state.to = ''; filtersChanged(); });
  $('depth').addEventListener('change', (ev) => { state.depth = Number(ev.target.value); filtersChanged(); });
  $('rollup').addEventListener('change', (ev) => {
    state.rollup = ev.target.checked;
    pushState({ replace: true });
    if (view) restoreSelection();
  });
  $('export-png').addEventListener('click', exportPNG);
  for (const id of ['export-graphml', 'export-gexf']) {
    $(id).addEventListener('click', (ev) => { if (!view) ev.preventDefault(); });
  }
  $('statements-more').addEventListener('click', () => moreStatements());
  window.addEventListener('popstate', () => {
    state = parseState(window.location.search);
    loadView();
  });
  window.addEventListener('resize', () => cy.resize());
}

async function loadStats() {
  try {
    const s = await api.stats();
    $('stats').textContent = `${plural(s.actors, 'actor')} · ${plural(s.statements, 'statement')} · ${plural(s.articles, 'article')}`;
  } catch (err) {
    $('stats').textContent = `API unavailable: ${errorText(err)}`;
  }
}

async function loadSuggestions() {
  try {
    const top = await api.topActors();
    if (!top.length) {
      $('suggestions').textContent = 'The graph is empty: load some articles first (demarche load).';
      return;
    }
    $('suggestions').replaceChildren(
      'Try: ',
      ...top.flatMap((a, i) => [
        i ? ', ' : '',
        h('button', { type: 'button', class: 'link', onclick: () => choose({ type: 'actor', node: a }), text: a.name }),
      ]),
    );
  } catch {
    // The header already says when the API is down.
  }
}

buildKindFilters();
wire();
wireSearch();
loadStats();
loadSuggestions();
if (!state.actor && !state.incident && window.location.search) state = emptyState();
loadView();
