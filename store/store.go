package store

import (
	"context"
	"time"
)

// Page selects a window of a list: Offset items skipped, at most Limit returned
// (Limit <= 0 means the backend's default of 50).
type Page struct {
	Offset int
	Limit  int
}

// ActorOrder orders ListActors.
type ActorOrder string

// The actor orders. Count orders use the statements selected by ActorFilter.Count
// and break ties by name.
const (
	ByName               ActorOrder = "NAME"
	ByStatementsMade     ActorOrder = "STATEMENTS_MADE"
	ByStatementsReceived ActorOrder = "STATEMENTS_RECEIVED"
	ByStatementsTotal    ActorOrder = "STATEMENTS_TOTAL"
)

// ActorFilter selects actors. Zero fields select everything.
type ActorFilter struct {
	IDs           []string
	Kinds         []ActorKind
	NameContains  string // case-insensitive, over the name and the aliases
	Country       string // ISO alpha-3
	AffiliationID string // direct members of this actor
	OrderBy       ActorOrder
	// Count restricts which statements the count orders count (kinds, date range,
	// rollup); its actor fields are ignored.
	Count StatementFilter
}

// StatementOrder orders ListStatements.
type StatementOrder string

// The statement orders; ties break by id.
const (
	DateDesc StatementOrder = "DATE_DESC"
	DateAsc  StatementOrder = "DATE_ASC"
)

// StatementFilter selects statements. Zero fields select everything. Actor fields
// hold actor ids; several ids in one field mean any of them.
type StatementFilter struct {
	IDs      []string
	Kinds    []StatementKind
	Speakers []string
	Targets  []string
	Either   []string // the actor is the speaker or the target
	Incident string
	From, To time.Time // inclusive day range on the statement date; zero = open
	// Publisher matches (case-insensitive, exact) the publisher of any report's article.
	Publisher string
	// TextContains matches (case-insensitive substring) any report's evidence or quote.
	TextContains string
	ArticleID    string // statements with a report in this article
	// Rollup makes the actor fields match an actor or any actor affiliated to it,
	// directly or through others (a spokesperson's statements count for the ministry
	// and the state).
	Rollup  bool
	OrderBy StatementOrder
	// WithoutReports tells ListStatements, GetStatements and WalkStatements that the
	// caller does not need Statement.Reports: a backend may leave them empty (it may
	// also fill them). It selects nothing.
	WithoutReports bool
}

// IncidentFilter selects incidents.
type IncidentFilter struct {
	IDs          []string
	NameContains string
	Year         int
}

// ArticleFilter selects articles; ordered by published date descending, then id.
type ArticleFilter struct {
	IDs           []string
	Publisher     string
	From, To      time.Time
	TitleContains string
}

// KindCount is a number of statements of one kind.
type KindCount struct {
	Kind  StatementKind
	Count int
}

// Counterpart is an actor that another actor has statements with.
type Counterpart struct {
	ActorID  string
	Made     []KindCount // statements from the actor to the counterpart, by kind
	Received []KindCount // statements from the counterpart to the actor, by kind
	Total    int
}

// Bucket is one timeline bucket.
type Bucket struct {
	Start time.Time
	Kind  StatementKind
	Count int
}

// Path is a chain of direct edges from one actor to another. Edges are listed in
// path order; an edge may point against the walking direction.
type Path struct {
	ActorIDs []string // len(Edges)+1 actors, from the start to the end
	Edges    []Edge
}

// Subgraph is a set of actors and the direct edges between them.
type Subgraph struct {
	Actors []Actor
	Edges  []Edge
}

// Stats counts every node label and edge type in the graph, keyed by the Neo4j
// names ("Article", "State", "Statement", "ACCUSES", "REPORTED_IN", ...).
type Stats struct {
	Nodes map[string]int
	Edges map[string]int
}

// SearchHit is one full-text search result.
type SearchHit struct {
	Type  string // "Actor", "Incident" or "Statement"
	ID    string
	Text  string // the name or evidence sentence that matched
	Score float64
}

// Store is the knowledge graph's storage. Every backend (the embedded SQLite store
// and Neo4j) meets this contract, checked by storetest.RunTests:
//
//   - Writes are atomic per call: after an error nothing of the call is visible.
//   - PutArticle is idempotent: putting the same ArticleGraph twice changes nothing
//     (node and edge counts stay equal). Putting an article whose Hash differs
//     replaces everything that article contributed.
//   - Statements and direct edges are derived from reports by GroupReports and
//     DirectEdges, so the graph does not depend on the order articles were loaded.
//   - Actors are upserted by id: the name first stored is kept (a different name in a
//     later write becomes an alias), aliases are the union of every article's, and a
//     non-empty Country, AffiliationID or Role is kept over an empty one (ties break
//     by the lexically smaller value). Ids merged away by MergeActors are redirected
//     to the kept actor on every later write, so curation survives re-loads.
//   - Lists are ordered as their filter says, and ties break by id, so paging is stable.
//   - Getters return ErrNotFound (wrapped) for a missing id; invalid input wraps
//     ErrInvalid; an unreachable backend wraps ErrUnavailable.
//   - Times are UTC; statement and report dates are days (midnight UTC).
type Store interface {
	// PutArticle writes one article and everything extracted from it in one transaction.
	PutArticle(ctx context.Context, g *ArticleGraph) (PutResult, error)
	// PutArticles writes several articles in one transaction (batched writes: UNWIND
	// in Neo4j), with the same result as putting them one by one in order. If it fails,
	// nothing of the batch is visible and the caller may retry the articles one by one
	// to isolate a bad one.
	PutArticles(ctx context.Context, gs []*ArticleGraph) ([]PutResult, error)
	// DeleteArticle removes an article, its reports and whatever it alone supported:
	// statements left without reports, actors and incidents no article mentions any more.
	DeleteArticle(ctx context.Context, id string) error

	// MergeActors folds merge into keep: its names become aliases of keep, its edges,
	// statements and members move to keep, and later writes naming merge go to keep.
	MergeActors(ctx context.Context, keepID, mergeID string) (Actor, error)
	// AddAlias adds an alias to an actor; ResolveActor then finds it by that alias.
	AddAlias(ctx context.Context, actorID, alias string) (Actor, error)

	GetArticle(ctx context.Context, id string) (Article, error)
	// GetArticleByURL finds an article by its URL.
	GetArticleByURL(ctx context.Context, url string) (Article, error)
	ListArticles(ctx context.Context, f ArticleFilter, p Page) ([]Article, int, error)

	GetActor(ctx context.Context, id string) (Actor, error)
	// GetActors returns the actors with the given ids in the order asked; a missing id
	// gives no entry (the result may be shorter). One round trip whatever len(ids) is.
	GetActors(ctx context.Context, ids []string) ([]Actor, error)
	// ResolveActor returns the actors whose id, name or one of whose aliases equals
	// ref (case-insensitive), most specific first: an exact id match alone if any.
	ResolveActor(ctx context.Context, ref string) ([]Actor, error)
	// ListActors returns a page of actors and the total number that match.
	ListActors(ctx context.Context, f ActorFilter, p Page) ([]Actor, int, error)

	GetIncident(ctx context.Context, id string) (Incident, error)
	GetIncidents(ctx context.Context, ids []string) ([]Incident, error)
	ListIncidents(ctx context.Context, f IncidentFilter, p Page) ([]Incident, int, error)

	GetStatement(ctx context.Context, id string) (Statement, error)
	GetStatements(ctx context.Context, ids []string) ([]Statement, error)
	// ListStatements returns a page of statements (with their reports) and the total.
	ListStatements(ctx context.Context, f StatementFilter, p Page) ([]Statement, int, error)
	// CountStatements counts the statements that match, by kind (kinds with no
	// statement are left out; order follows StatementKinds).
	CountStatements(ctx context.Context, f StatementFilter) ([]KindCount, error)
	// Timeline counts matching statements per bucket and kind, ordered by start then kind.
	Timeline(ctx context.Context, f StatementFilter, iv Interval) ([]Bucket, error)
	// Counterparts lists the actors the given actor has statements with (counts over
	// the statements f selects; with f.Rollup both ends roll up through affiliation),
	// most statements first, ties by id.
	Counterparts(ctx context.Context, actorID string, f StatementFilter) ([]Counterpart, error)

	// Edges streams the direct edges whose kind is in kinds (all when empty), ordered
	// by speaker, kind, target. fn's error stops the walk and is returned.
	Edges(ctx context.Context, kinds []StatementKind, fn func(Edge) error) error
	// Paths returns the shortest paths (at most limit, all of the same, minimal
	// length, up to maxHops) between two actors over direct edges of the given kinds,
	// walking edges in either direction.
	Paths(ctx context.Context, fromID, toID string, maxHops int, kinds []StatementKind, limit int) ([]Path, error)
	// Neighborhood returns the actors within depth hops of id over direct edges of the
	// given kinds (either direction) and the edges among them, at most limit actors
	// (nearest first, then by id).
	Neighborhood(ctx context.Context, id string, depth int, kinds []StatementKind, limit int) (Subgraph, error)

	// Search runs a ranked full-text search over actor names and aliases, incident
	// names and aliases, and statement evidence. types limits the result types
	// ("Actor", "Incident", "Statement"); empty means all. Best first.
	Search(ctx context.Context, text string, types []string, limit int) ([]SearchHit, error)

	// WalkActors, WalkIncidents, WalkStatements and WalkArticles stream every item
	// (statements filtered by f) in id order, for exports; memory stays flat.
	WalkActors(ctx context.Context, fn func(Actor) error) error
	WalkIncidents(ctx context.Context, fn func(Incident) error) error
	WalkStatements(ctx context.Context, f StatementFilter, fn func(Statement) error) error
	WalkArticles(ctx context.Context, fn func(Article) error) error
	// WalkMentions streams the (article, actor) pairs of the MENTIONS edges, ordered
	// by article then actor.
	WalkMentions(ctx context.Context, fn func(articleID, actorID string) error) error

	// Stats counts nodes by label and edges by type.
	Stats(ctx context.Context) (Stats, error)
	// Ping checks the backend answers (readiness).
	Ping(ctx context.Context) error
	// Close releases the store's resources.
	Close() error
}

// Versioned is implemented by stores that can say cheaply whether the graph
// changed, so that callers (the API's response cache) may keep answers between
// writes. Version returns an opaque token of the graph's state:
//
//   - it changes after every committed write that can change any read (PutArticle
//     or PutArticles that changed something, DeleteArticle, MergeActors, AddAlias,
//     and any other write), including writes by other processes on the same store
//     (a backend that notices those late says how late in its documentation, and
//     its own reads lag by no less);
//   - two calls with no committed write in between return the same token;
//   - a token is never reused for a different graph state, also after the data is
//     wiped and rebuilt or the store is reopened.
//
// A token may change when nothing visible changed (an idempotent re-put). Tokens
// are compared for equality only; they have no order.
type Versioned interface {
	Version(ctx context.Context) (string, error)
}
