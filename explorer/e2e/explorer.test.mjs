// End-to-end test of the explorer page in headless Chromium (Debian's
// chromium driven by playwright-core). scripts/explorer-e2e starts
// `demarche serve --load examples/` and runs this with EXPLORER_URL set to the
// server's base URL and ARTIFACTS_DIR to where the screenshots go.
//
// Expectations come from the server's own GraphQL answers, so the test checks
// that the page shows what the API says, whatever the examples hold.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const BASE = (process.env.EXPLORER_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');
const ARTIFACTS = process.env.ARTIFACTS_DIR || path.resolve('.artifacts/explorer');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ACTOR = process.env.EXPLORER_ACTOR || 'China';

let context;
let page;
let userDataDir;
const problems = [];

async function gql(query, variables = {}) {
  const res = await fetch(`${BASE}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  assert.ok(!body.errors, `GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

async function shot(name) {
  const file = path.join(ARTIFACTS, name);
  await page.screenshot({ path: file, fullPage: false });
  console.log(`# screenshot ${file}`);
  return file;
}

/** The graph as the page shows it: node ids and labels, edge ids and kinds. */
function graphOnPage() {
  return page.evaluate(() => {
    const { cy } = window.demarcheExplorer;
    return {
      center: document.getElementById('graph').dataset.center,
      nodes: cy.nodes().map((n) => ({ id: n.id(), label: n.data('label') })),
      edges: cy.edges('[!role]').map((e) => ({ id: e.id(), kind: e.data('kind'), count: e.data('count') })),
    };
  });
}

/** Waits until the graph is centred on id and drawn. */
async function waitForCenter(id) {
  await page.waitForFunction(
    (want) => {
      const g = document.getElementById('graph');
      return g && g.dataset.center === want && !g.dataset.loading && window.demarcheExplorer.cy.nodes().length > 0;
    },
    id,
    { timeout: 15000 },
  );
}

/** Clicks an edge where Cytoscape drew it, as a person would. */
async function clickEdge(id) {
  const pos = await page.evaluate((edgeId) => {
    const { cy } = window.demarcheExplorer;
    const e = cy.getElementById(edgeId);
    const p = e.renderedMidpoint();
    const box = cy.container().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
  await page.mouse.click(pos.x, pos.y);
}

before(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  userDataDir = await mkdtemp(path.join(tmpdir(), 'explorer-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
  });
  page = context.pages()[0] || (await context.newPage());
  page.setDefaultTimeout(15000);
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('requestfailed', (req) => {
    if (!req.failure() || req.failure().errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${req.url()}`);
  });
});

after(async () => {
  if (context) await context.close();
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
});

describe('explorer', () => {
  let center;
  let expected;

  test('loads /explore/ with the graph stats', async () => {
    const res = await page.goto(`${BASE}/explore/`);
    assert.equal(res.status(), 200);
    await page.waitForFunction(() => /\d+ actors?/.test(document.getElementById('stats').textContent));
    const stats = (await gql('{ stats { actors statements } }')).stats;
    const text = await page.textContent('#stats');
    assert.match(text, new RegExp(`${stats.actors} actors`));
    assert.match(text, new RegExp(`${stats.statements} statements`));
    await page.waitForSelector('#suggestions button');
    await shot('01-start.png');
  });

  test(`searches "${ACTOR}" and shows its counterparts`, async () => {
    const nb = (await gql(
      `query($id: String!) { neighborhood(id: $id) { center { id name } nodes { id name } links { id kind count } } }`,
      { id: ACTOR },
    )).neighborhood;
    center = nb.center;
    expected = nb;
    assert.ok(nb.nodes.length > 1, `the examples should give ${ACTOR} counterparts`);

    await page.fill('#search-input', ACTOR.slice(0, 4));
    const option = page.locator(`#search-results li[data-id="${center.id}"]`);
    await option.waitFor();
    await shot('02-search.png');
    await option.click();
    await waitForCenter(center.id);

    const g = await graphOnPage();
    const labels = g.nodes.map((n) => n.label).sort();
    assert.deepEqual(labels, nb.nodes.map((n) => n.name).sort(), 'the graph shows the center and every counterpart');
    assert.deepEqual(g.edges.map((e) => e.id).sort(), nb.links.map((l) => l.id).sort(), 'one edge per link');
    for (const e of g.edges) {
      const l = nb.links.find((x) => x.id === e.id);
      assert.equal(e.count, l.count, `${e.id} count`);
    }
    // The counterparts also appear in the side list, readable without the canvas.
    const listed = await page.locator('#link-list .link-item').count();
    assert.equal(listed, nb.links.length);
    assert.match(page.url(), new RegExp(`actor=${center.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    await shot('03-graph.png');
  });

  test('clicking an edge lists the statements behind it with their evidence', async () => {
    // The busiest link of the center, or its first.
    const link = [...expected.links].sort((a, b) => b.count - a.count || a.id.localeCompare(b.id))[0];
    const [speaker, kind, target] = link.id.split('|');
    const want = (await gql(
      `query($f: StatementFilter) { statements(filter: $f, first: 100) { totalCount edges { node { id evidence date } } } }`,
      { f: { speakers: [speaker], targets: [target], kinds: [kind], rollup: false } },
    )).statements;
    assert.ok(want.totalCount > 0);

    await clickEdge(link.id);
    await page.waitForSelector('#statements li.statement');
    const shown = await page.$$eval('#statements li.statement', (lis) => lis.map((li) => ({
      id: li.dataset.statementId,
      evidence: li.querySelector('.evidence').textContent,
      date: li.querySelector('time').textContent,
      article: li.querySelector('.article-link').textContent,
    })));
    assert.deepEqual(shown.map((s) => s.id).sort(), want.edges.map((e) => e.node.id).sort().slice(0, 20));
    for (const s of shown) {
      const w = want.edges.find((e) => e.node.id === s.id).node;
      assert.ok(s.evidence.length > 10, 'evidence sentence shown');
      assert.equal(s.evidence, w.evidence);
      assert.equal(s.date, w.date.startsWith('0001-') ? 'undated' : w.date);
      assert.ok(s.article.length > 0, 'article shown');
    }
    const selected = await page.evaluate(() => window.demarcheExplorer.cy.edges(':selected').map((e) => e.id()));
    assert.deepEqual(selected, [link.id]);
    assert.ok(new URL(page.url()).searchParams.get('edge') === link.id, 'the URL keeps the selected edge');
    // The timeline between the center and the other end is drawn as the API counts it.
    const other = speaker === center.id ? target : speaker;
    const t = (await gql(
      `query($a: String!, $b: String) { timeline(actor: $a, counterpart: $b) { counterpart { name } buckets { made received } } }`,
      { a: center.id, b: other },
    )).timeline;
    await page.waitForFunction((name) => document.getElementById('timeline-title').textContent.includes(name)
      && document.querySelector('#timeline svg, #timeline p'), t.counterpart.name);
    const bars = await page.locator('#timeline svg rect').count();
    const cells = t.buckets.reduce((n, b) => n + (b.made ? 1 : 0) + (b.received ? 1 : 0), 0);
    assert.equal(bars, cells, 'one bar segment per month, kind and direction');
    await shot('04-edge-statements.png');
  });

  test('a shared URL restores the view', async () => {
    const url = page.url();
    const edge = new URL(url).searchParams.get('edge');
    await page.goto('about:blank');
    await page.goto(url);
    await waitForCenter(center.id);
    await page.waitForSelector('#statements li.statement');
    const selected = await page.evaluate(() => window.demarcheExplorer.cy.edges(':selected').map((e) => e.id()));
    assert.deepEqual(selected, [edge]);
  });

  test('kind and date filters narrow the graph and stay in the URL', async () => {
    // Keep only the kind of the first link.
    const kind = expected.links[0].kind;
    await page.click('#kinds-none');
    await page.check(`#kind-filters input[value="${kind}"]`);
    await page.waitForFunction((k) => {
      const { cy } = window.demarcheExplorer;
      return new URL(window.location.href).searchParams.get('kinds') === k
        && cy.edges('[!role]').length > 0 && cy.edges('[!role]').every((e) => e.data('kind') === k);
    }, kind);
    const g = await graphOnPage();
    assert.equal(g.edges.length, expected.links.filter((l) => l.kind === kind).length);

    // A date range: the counts come from the statements in range.
    await page.click('#kinds-all');
    // From the day of the center's latest linked statement: at least its link stays.
    const linked = (await gql(
      `query($id: String!) { neighborhood(id: $id) { links { speaker { id } target { id } statements { date } } } }`,
      { id: center.id },
    )).neighborhood.links.filter((l) => l.speaker.id === center.id || l.target.id === center.id);
    const from = linked.flatMap((l) => l.statements.map((st) => st.date)).sort().pop();
    await page.fill('#date-from', from);
    await page.dispatchEvent('#date-from', 'change');
    await page.waitForFunction((f) => new URL(window.location.href).searchParams.get('from') === f, from);
    await page.waitForFunction(() => !document.getElementById('status').textContent);
    const inRange = (await gql(
      `query($id: String!, $from: Date) { statements(filter: { involving: [$id], rollup: false, from: $from }, first: 100) { totalCount } }`,
      { id: center.id, from },
    )).statements.totalCount;
    const shown = await page.evaluate(() => window.demarcheExplorer.cy.edges('[!role]')
      .filter((e) => e.source().id() === window.demarcheExplorer.view.center.id || e.target().id() === window.demarcheExplorer.view.center.id)
      .reduce((a, e) => a + e.data('count'), 0));
    assert.ok(shown >= 1 && shown <= inRange, `edges at the center sum ${shown}, statements in range ${inRange}`);
    assert.ok((await page.textContent('#graph-title')).includes(from));
    await shot('05-filtered.png');
    await page.click('#dates-clear');
    await page.waitForFunction(() => !new URL(window.location.href).searchParams.has('from'));
    // The export links follow the view once it has reloaded without the date filter.
    await waitForCenter(center.id);
    assert.ok(!(await page.getAttribute('#export-graphml', 'href')).includes('from='), 'the export link drops the cleared date');
  });

  test('exports the view as GraphML, GEXF and PNG', async () => {
    await waitForCenter(center.id);
    for (const [id, marker] of [['#export-graphml', '<graphml'], ['#export-gexf', '<gexf']]) {
      const href = await page.getAttribute(id, 'href');
      assert.match(href, /^\/export\/(graphml|gexf)\?/);
      const res = await fetch(`${BASE}${href}`);
      assert.equal(res.status, 200, `${href}`);
      const body = await res.text();
      assert.ok(body.includes(marker), `${href} answers ${marker}`);
      for (const n of expected.nodes) assert.ok(body.includes(n.id), `${href} holds ${n.id}`);
    }
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
    const file = path.join(ARTIFACTS, 'graph-export.png');
    await download.saveAs(file);
    const { readFile } = await import('node:fs/promises');
    const png = await readFile(file);
    assert.equal(png.subarray(1, 4).toString(), 'PNG');
    console.log(`# exported ${file} (${png.length} bytes)`);
  });

  test('no errors in the page', async () => {
    await writeFile(path.join(ARTIFACTS, 'page-problems.txt'), problems.join('\n'));
    assert.deepEqual(problems, []);
  });
});
