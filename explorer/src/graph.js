// The network view: Cytoscape.js draws actors as nodes and direct links as
// edges, coloured by statement kind and as thick as their statement count.

import cytoscape from 'cytoscape';
import { KIND_COLORS } from './api.js';

const SHAPES = {
  STATE: 'ellipse',
  ORGANIZATION: 'round-rectangle',
  AGENCY: 'round-diamond',
  PERSON: 'ellipse',
  GROUP: 'round-hexagon',
  INCIDENT: 'star',
};

const FILLS = {
  STATE: '#4c6a92',
  ORGANIZATION: '#5b8a72',
  AGENCY: '#7a7fa8',
  PERSON: '#a58a5c',
  GROUP: '#8c6d8c',
  INCIDENT: '#444444',
};

/** The edge width for a statement count: grows with the count, flattening out. */
export function edgeWidth(count) {
  return Math.min(14, 1.5 + 2.5 * Math.log2(1 + count));
}

const style = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      shape: (n) => SHAPES[n.data('kind')] || 'ellipse',
      'background-color': (n) => FILLS[n.data('kind')] || '#777',
      width: (n) => (n.data('kind') === 'PERSON' ? 22 : 30),
      height: (n) => (n.data('kind') === 'PERSON' ? 22 : 30),
      color: '#1d2330',
      'font-size': 11,
      'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif',
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-wrap': 'wrap',
      'text-max-width': 110,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.8,
      'text-background-padding': 1,
      'border-width': 1.5,
      'border-color': '#ffffff',
    },
  },
  {
    selector: 'node[?center]',
    style: { width: 46, height: 46, 'border-width': 4, 'border-color': '#1d2330', 'font-size': 13, 'font-weight': 'bold' },
  },
  {
    selector: 'node:selected',
    style: { 'border-width': 4, 'border-color': '#f2b705' },
  },
  {
    selector: 'edge',
    style: {
      width: (e) => edgeWidth(e.data('count')),
      'line-color': (e) => KIND_COLORS[e.data('kind')] || '#999',
      'target-arrow-color': (e) => KIND_COLORS[e.data('kind')] || '#999',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.9,
      'curve-style': 'bezier',
      'control-point-step-size': 28,
      opacity: 0.85,
    },
  },
  {
    selector: 'edge[?role]',
    style: {
      'line-style': 'dashed', 'line-color': '#9aa0aa', 'target-arrow-color': '#9aa0aa', width: 1.5, opacity: 0.7,
      label: 'data(role)', 'font-size': 9, color: '#5f6b7a', 'text-rotation': 'autorotate',
      'text-background-color': '#fff', 'text-background-opacity': 0.8,
    },
  },
  {
    selector: 'edge:selected',
    style: {
      opacity: 1,
      'underlay-color': '#f2b705',
      'underlay-opacity': 0.55,
      'underlay-padding': 4,
      label: (e) => `${e.data('kind').toLowerCase()} ×${e.data('count')}`,
      'font-size': 10,
      color: '#1d2330',
      'text-background-color': '#fff',
      'text-background-opacity': 0.9,
      'text-rotation': 'autorotate',
    },
  },
  { selector: '.faded', style: { opacity: 0.15 } },
];

/** Creates the Cytoscape instance in container. */
export function createGraph(container) {
  return cytoscape({
    container,
    style,
    elements: [],
    minZoom: 0.2,
    maxZoom: 4,
    boxSelectionEnabled: false,
    selectionType: 'single',
  });
}

/**
 * Radial positions for an ego network: the center in the middle, each
 * level (link distance) on a ring around it, the first ring evenly spread
 * and every further node placed near the angle of its neighbours one ring in,
 * so a branch grows outwards instead of crossing the middle. Deterministic,
 * so a shared view looks the same.
 */
export function radialPositions(nodes, edges) {
  const level = new Map(nodes.map((n) => [n.id, n.level || 0]));
  const adj = new Map(nodes.map((n) => [n.id, new Set()]));
  for (const e of edges) {
    if (adj.has(e.source) && adj.has(e.target)) {
      adj.get(e.source).add(e.target);
      adj.get(e.target).add(e.source);
    }
  }
  const byLevel = new Map();
  for (const n of nodes) {
    const l = level.get(n.id);
    if (!byLevel.has(l)) byLevel.set(l, []);
    byLevel.get(l).push(n.id);
  }
  const pos = {};
  const angle = new Map();
  for (const id of byLevel.get(0) || []) pos[id] = { x: 0, y: 0 };
  const TAU = 2 * Math.PI;
  const spacing = 80;
  let radius = 0;
  const levels = [...byLevel.keys()].filter((l) => l > 0).sort((a, b) => a - b);
  for (const l of levels) {
    const ids = byLevel.get(l);
    const n = ids.length;
    radius = Math.max(radius + (l === 1 ? 170 : 150), (n * spacing) / TAU);
    let placed;
    if (l === 1) {
      placed = ids.map((id, i) => [id, -Math.PI / 2 + (TAU * i) / n]);
    } else {
      const desired = ids.map((id) => {
        let sx = 0;
        let sy = 0;
        for (const m of adj.get(id)) {
          if (level.get(m) === l - 1 && angle.has(m)) {
            sx += Math.cos(angle.get(m));
            sy += Math.sin(angle.get(m));
          }
        }
        const a = sx || sy ? Math.atan2(sy, sx) : -Math.PI / 2;
        return [id, ((a % TAU) + TAU) % TAU];
      }).sort((x, y) => x[1] - y[1] || (x[0] < y[0] ? -1 : 1));
      const gap = Math.min(TAU / n, spacing / radius);
      const out = [];
      for (const [i, [, a]] of desired.entries()) out.push(i ? Math.max(a, out[i - 1] + gap) : a);
      if (n > 1 && out[n - 1] - out[0] > TAU - gap) {
        for (let i = 1; i < n; i++) out[i] = out[0] + (TAU * i) / n;
      }
      const shift = desired.reduce((sum, [, a], i) => sum + a - out[i], 0) / n;
      placed = desired.map(([id], i) => [id, out[i] + shift]);
    }
    for (const [id, a] of placed) {
      angle.set(id, a);
      pos[id] = { x: radius * Math.cos(a), y: radius * Math.sin(a) };
    }
  }
  return pos;
}

/**
 * Replaces the graph with nodes ({id, label, kind, center, level}) and edges
 * ({id, source, target, kind, count, ...}) and lays them out radially.
 */
export function renderGraph(cy, nodes, edges) {
  cy.batch(() => {
    cy.elements().remove();
    cy.add(nodes.map((n) => ({ group: 'nodes', data: n })));
    cy.add(edges.map((e) => ({ group: 'edges', data: e })));
  });
  const pos = radialPositions(nodes, edges);
  cy.layout({ name: 'preset', positions: (n) => pos[n.id()], animate: false, fit: true, padding: 50 }).run();
  // A lone pair or a small ring should not be blown up to fill the pane.
  if (cy.zoom() > 1.4) {
    cy.zoom(1.4);
    cy.center();
  }
}
