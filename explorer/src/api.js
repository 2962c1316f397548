// The explorer's client of the public API: POST /graphql and the /export
// download URLs. Nothing here talks to a private endpoint.

/** The statement kinds, in the order the schema lists them. */
export const KINDS = ['ACCUSES', 'DENIES', 'INDICTS', 'CRITICIZES', 'SANCTIONS', 'DEMANDS', 'THREATENS'];

/** One colour per statement kind (edges, legend, timeline bars). */
export const KIND_COLORS = {
  ACCUSES: '#d62728',
  DENIES: '#1f77b4',
  INDICTS: '#9467bd',
  CRITICIZES: '#ff7f0e',
  SANCTIONS: '#8c564b',
  DEMANDS: '#2ca02c',
  THREATENS: '#e7298a',
};

/** The server's page size cap: lists are fetched in pages of this size. */
const PAGE = 100;

/** An error the API answered, with its extensions.code when it gave one. */
export class APIError extends Error {
  constructor(message, code) {
    super(message);
    this.name = 'APIError';
    this.code = code;
  }
}

/**
 * Runs one GraphQL operation and returns its data, throwing APIError when the
 * answer carries errors.
 */
export async function gql(query, variables = {}, { signal } = {}) {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query, variables }),
    signal,
  });
  let body;
  try {
    body = await res.json();
  } catch {
    throw new APIError(`the API answered ${res.status} ${res.statusText}`);
  }
  if (body.errors && body.errors.length) {
    const e = body.errors[0];
    throw new APIError(e.message, e.extensions && e.extensions.code);
  }
  if (!res.ok) throw new APIError(`the API answered ${res.status} ${res.statusText}`);
  return body.data;
}

const ACTOR_FIELDS = 'id name kind country role';

const STATEMENT_FIELDS = `
  id kind date evidence quote confidence
  speaker { ${ACTOR_FIELDS} }
  target { ${ACTOR_FIELDS} }
  speakers { id name kind }
  targets { id name kind }
  incident { id name }
  article { id title url publisher published }
  reports { article { id } }`;

/** Counts of the whole graph, for the header. */
export async function stats(opts) {
  const d = await gql('query Stats { stats { actors statements articles incidents links } }', {}, opts);
  return d.stats;
}

/**
 * Search suggestions: ranked full-text hits on actors and incidents, then
 * actors whose name contains the text, without duplicates.
 */
export async function suggest(text, opts) {
  const d = await gql(
    `query Suggest($text: String!) {
      search(text: $text, kinds: [ACTOR, INCIDENT], first: 8) {
        kind text
        node { __typename ... on Actor { ${ACTOR_FIELDS} } ... on Incident { id name year } }
      }
      actors(filter: { nameContains: $text }, orderBy: { by: STATEMENTS_TOTAL }, first: 8) {
        edges { node { ${ACTOR_FIELDS} } }
      }
    }`,
    { text },
    opts,
  );
  const out = [];
  const seen = new Set();
  const add = (type, node, matched) => {
    if (seen.has(node.id)) return;
    seen.add(node.id);
    out.push({ type, node, matched });
  };
  for (const h of d.search) add(h.kind === 'INCIDENT' ? 'incident' : 'actor', h.node, h.text);
  for (const e of d.actors.edges) add('actor', e.node, e.node.name);
  return out.slice(0, 10);
}

/** The busiest actors, offered on the empty page. */
export async function topActors(opts) {
  const d = await gql(
    `query Top { actors(orderBy: { by: STATEMENTS_TOTAL }, filter: { kinds: [STATE, ORGANIZATION] }, first: 6) {
      edges { node { ${ACTOR_FIELDS} } } } }`,
    {},
    opts,
  );
  return d.actors.edges.map((e) => e.node);
}

/** The actors within depth links of an actor and the links among them. */
export async function neighborhood(id, { depth = 1, kinds } = {}, opts) {
  const d = await gql(
    `query Ego($id: String!, $depth: Int, $kinds: [StatementKind!]) {
      neighborhood(id: $id, depth: $depth, kinds: $kinds, limit: 100) {
        center { ${ACTOR_FIELDS} }
        nodes { ${ACTOR_FIELDS} }
        links { id kind count reports first last speaker { id } target { id } }
      }
    }`,
    { id, depth, kinds: kinds && kinds.length ? kinds : null },
    opts,
  );
  return d.neighborhood;
}

/** One incident with the actors it is attributed to and those it targeted. */
export async function incident(id, opts) {
  const d = await gql(
    `query Incident($id: ID!) { incident(id: $id) {
      id name aliases year attributedTo { ${ACTOR_FIELDS} } targeted { ${ACTOR_FIELDS} } } }`,
    { id },
    opts,
  );
  return d.incident;
}

/**
 * Every statement a filter selects (following pages up to max), with the
 * total count the server reports.
 */
export async function allStatements(filter, { max = 2000, fields = STATEMENT_FIELDS } = {}, opts) {
  const out = [];
  let after = null;
  let total = 0;
  for (;;) {
    const d = await gql(
      `query Statements($filter: StatementFilter, $first: Int, $after: String) {
        statements(filter: $filter, first: $first, after: $after) {
          totalCount pageInfo { hasNextPage endCursor } edges { node { ${fields} } }
        }
      }`,
      { filter, first: PAGE, after },
      opts,
    );
    const c = d.statements;
    total = c.totalCount;
    for (const e of c.edges) out.push(e.node);
    if (!c.pageInfo.hasNextPage || out.length >= max) break;
    after = c.pageInfo.endCursor;
  }
  return { statements: out, total };
}

/** Only what aggregating statements into links needs. */
export const LINK_FIELDS = 'id kind date speakers { id name kind country role } targets { id name kind country role } reports { article { id } }';

/** One page of statements, newest first. */
export async function statementsPage(filter, { first = 20, after = null } = {}, opts) {
  const d = await gql(
    `query StatementPage($filter: StatementFilter, $first: Int, $after: String) {
      statements(filter: $filter, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { ${STATEMENT_FIELDS} } }
      }
    }`,
    { filter, first, after },
    opts,
  );
  return d.statements;
}

/** One page of the statements between two actors, both ways. */
export async function dyadPage(a, b, { kinds, from, to, rollup = false, first = 20, after = null } = {}, opts) {
  const d = await gql(
    `query Dyad($a: String!, $b: String!, $kinds: [StatementKind!], $from: Date, $to: Date, $rollup: Boolean, $first: Int, $after: String) {
      dyad(a: $a, b: $b, kinds: $kinds, from: $from, to: $to, rollup: $rollup) {
        total
        statements(first: $first, after: $after) {
          totalCount pageInfo { hasNextPage endCursor } edges { node { ${STATEMENT_FIELDS} } }
        }
      }
    }`,
    { a, b, kinds: kinds && kinds.length ? kinds : null, from: from || null, to: to || null, rollup, first, after },
    opts,
  );
  return d.dyad.statements;
}

/** Monthly statement counts between two actors, by kind. */
export async function timeline(actor, counterpart, { kinds, from, to, rollup = true } = {}, opts) {
  const d = await gql(
    `query Timeline($actor: String!, $counterpart: String, $kinds: [StatementKind!], $from: Date, $to: Date, $rollup: Boolean) {
      timeline(actor: $actor, counterpart: $counterpart, kinds: $kinds, interval: MONTH, from: $from, to: $to, rollup: $rollup) {
        actor { id name } counterpart { id name }
        buckets { start kind made received total }
      }
    }`,
    { actor, counterpart, kinds: kinds && kinds.length ? kinds : null, from: from || null, to: to || null, rollup },
    opts,
  );
  return d.timeline;
}

/**
 * The /export/{format} URL of a view: its actors (speaker and target both
 * among them) or its incident, with the view's kinds and dates.
 */
export function exportURL(format, { actorIds, incidentId, kinds, from, to }) {
  const q = new URLSearchParams();
  if (incidentId) {
    q.set('incident', incidentId);
  } else {
    q.set('speaker', actorIds.join(','));
    q.set('target', actorIds.join(','));
    q.set('rollup', 'false');
  }
  if (kinds && kinds.length && kinds.length < KINDS.length) q.set('kinds', kinds.join(','));
  if (from) q.set('from', from);
  if (to) q.set('to', to);
  return `/export/${format}?${q}`;
}
