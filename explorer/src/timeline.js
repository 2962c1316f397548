// A small SVG chart of the statements between two actors by month and kind:
// bars above the axis are the statements the first actor made to the second,
// bars below those it received from it, each stacked by kind.

import { KINDS, KIND_COLORS } from './api.js';

const SVG = 'http://www.w3.org/2000/svg';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function el(name, attrs = {}, text) {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** The months from the first to the last, as "YYYY-MM" keys. */
export function monthRange(first, last) {
  const out = [];
  let [y, m] = first.split('-').map(Number);
  const [ly, lm] = last.split('-').map(Number);
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/**
 * Draws the timeline into container (replacing what it held). aName and
 * bName label the two directions.
 */
export function drawTimeline(container, allBuckets, aName, bName) {
  container.replaceChildren();
  // The zero day stands for "undated": it has no place on a time axis.
  const buckets = allBuckets.filter((b) => !b.start.startsWith('0001-'));
  if (!buckets.length) {
    const p = document.createElement('p');
    p.className = 'hint';
    p.textContent = 'No dated statements between them with these filters.';
    container.append(p);
    return;
  }
  const keys = buckets.map((b) => b.start.slice(0, 7)).sort();
  const months = monthRange(keys[0], keys[keys.length - 1]);
  const index = new Map(months.map((m, i) => [m, i]));
  const made = months.map(() => ({}));
  const received = months.map(() => ({}));
  for (const b of buckets) {
    const i = index.get(b.start.slice(0, 7));
    made[i][b.kind] = (made[i][b.kind] || 0) + b.made;
    received[i][b.kind] = (received[i][b.kind] || 0) + b.received;
  }
  const sum = (o) => Object.values(o).reduce((a, b) => a + b, 0);
  const maxUp = Math.max(1, ...made.map(sum));
  const maxDown = Math.max(1, ...received.map(sum));

  const W = 360;
  const H = 190;
  const left = 26;
  const right = 8;
  const top = 16;
  const bottom = 30;
  const plotH = H - top - bottom;
  const upH = (plotH * maxUp) / (maxUp + maxDown);
  const axisY = top + upH;
  const unit = plotH / (maxUp + maxDown);
  const slot = (W - left - right) / months.length;
  const barW = Math.max(2, Math.min(28, slot * 0.7));

  const svg = el('svg', {
    viewBox: `0 0 ${W} ${H}`,
    class: 'timeline-chart',
    role: 'img',
    'aria-label': `Statements by month: ${aName} to ${bName} above the axis, ${bName} to ${aName} below`,
  });
  svg.append(el('text', { x: left, y: 10, class: 'dir' }, `▲ ${aName} → ${bName}`));
  svg.append(el('text', { x: left, y: H - 2, class: 'dir' }, `▼ ${bName} → ${aName}`));
  svg.append(el('text', { x: left - 4, y: top + 8, class: 'tick', 'text-anchor': 'end' }, String(maxUp)));
  svg.append(el('text', { x: left - 4, y: top + plotH, class: 'tick', 'text-anchor': 'end' }, String(maxDown)));

  const every = Math.ceil(months.length / 8);
  months.forEach((m, i) => {
    const x = left + i * slot + (slot - barW) / 2;
    let y = axisY;
    for (const k of KINDS) {
      const n = made[i][k] || 0;
      if (!n) continue;
      const h = n * unit;
      y -= h;
      const r = el('rect', { x, y, width: barW, height: h, fill: KIND_COLORS[k], 'data-kind': k, 'data-month': m });
      r.append(el('title', {}, `${m}: ${aName} ${k.toLowerCase()} ${bName} ×${n}`));
      svg.append(r);
    }
    y = axisY;
    for (const k of KINDS) {
      const n = received[i][k] || 0;
      if (!n) continue;
      const h = n * unit;
      const r = el('rect', { x, y, width: barW, height: h, fill: KIND_COLORS[k], opacity: 0.75, 'data-kind': k, 'data-month': m });
      r.append(el('title', {}, `${m}: ${bName} ${k.toLowerCase()} ${aName} ×${n}`));
      svg.append(r);
      y += h;
    }
    if (i % every === 0) {
      const [yy, mm] = m.split('-');
      const label = mm === '01' || i === 0 ? `${MONTHS[Number(mm) - 1]} ${yy}` : MONTHS[Number(mm) - 1];
      svg.append(el('text', { x: left + i * slot + slot / 2, y: H - 16, class: 'tick', 'text-anchor': 'middle' }, label));
    }
  });
  svg.append(el('line', { x1: left, x2: W - right, y1: axisY, y2: axisY, class: 'axis' }));
  container.append(svg);
}
