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
    style: { 'line-style': 'dashed', 'line-color': '#9aa0aa', 'target-arrow-color': '#9aa0aa', width: 1.5, opacity: 0.7 },
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
    wheelSensitivity: 0.3,
    minZoom: 0.2,
    maxZoom: 4,
    boxSelectionEnabled: false,
    selectionType: 'single',
  });
}

/**
 * Replaces the graph with nodes ({id, label, kind, center, level}) and edges
 * ({id, source, target, kind, count, ...}) and lays them out in rings around
 * the center by distance (deterministic, so a shared view looks the same).
 */
export function renderGraph(cy, nodes, edges) {
  cy.batch(() => {
    cy.elements().remove();
    cy.add(nodes.map((n) => ({ group: 'nodes', data: n })));
    cy.add(edges.map((e) => ({ group: 'edges', data: e })));
  });
  const maxLevel = Math.max(0, ...nodes.map((n) => n.level || 0));
  const ring = Math.max(...[1, 2, 3, 4].map((l) => nodes.filter((n) => (n.level || 0) === l).length));
  cy.layout({
    name: 'concentric',
    concentric: (n) => maxLevel + 1 - (n.data('level') || 0),
    levelWidth: () => 1,
    minNodeSpacing: ring > 12 ? 30 : 60,
    spacingFactor: ring <= 3 ? 1.6 : 1.1,
    startAngle: (3 / 2) * Math.PI,
    avoidOverlap: true,
    animate: false,
    fit: true,
    padding: 40,
  }).run();
}
