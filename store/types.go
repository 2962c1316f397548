package store

import (
	"errors"
	"fmt"
	"time"
)

// Sentinel errors every backend returns (wrapped with %w where useful).
var (
	// ErrNotFound means the requested article, actor, statement or incident does not exist.
	ErrNotFound = errors.New("not found")
	// ErrInvalid means the caller passed something the store cannot accept (an empty id,
	// a report whose speaker is not among the article's actors, merging an actor into itself).
	ErrInvalid = errors.New("invalid input")
	// ErrUnavailable means the backend cannot be reached (Neo4j down); callers may retry.
	ErrUnavailable = errors.New("store unavailable")
)

// ActorKind is the kind of an actor node.
type ActorKind string

// The actor kinds. Neo4j labels an actor `Actor` plus the matching label
// (State, Organization, Agency, Person, Group).
const (
	State        ActorKind = "STATE"
	Organization ActorKind = "ORGANIZATION"
	Agency       ActorKind = "AGENCY"
	Person       ActorKind = "PERSON"
	Group        ActorKind = "GROUP"
)

// ActorKinds lists every actor kind in a stable order.
var ActorKinds = []ActorKind{State, Organization, Agency, Person, Group}

// Valid reports whether k is one of the actor kinds.
func (k ActorKind) Valid() bool {
	for _, x := range ActorKinds {
		if x == k {
			return true
		}
	}
	return false
}

// Label is the Neo4j label of the kind ("State", "Organization", ...).
func (k ActorKind) Label() string {
	switch k {
	case State:
		return "State"
	case Organization:
		return "Organization"
	case Agency:
		return "Agency"
	case Person:
		return "Person"
	case Group:
		return "Group"
	}
	return "Actor"
}

// StatementKind is the kind of a statement between two actors.
type StatementKind string

// The statement kinds. Each is also the type of the direct actor-to-actor edge.
const (
	Accuses    StatementKind = "ACCUSES"
	Denies     StatementKind = "DENIES"
	Indicts    StatementKind = "INDICTS"
	Criticizes StatementKind = "CRITICIZES"
	Sanctions  StatementKind = "SANCTIONS"
	Demands    StatementKind = "DEMANDS"
	Threatens  StatementKind = "THREATENS"
)

// StatementKinds lists every statement kind in a stable order.
var StatementKinds = []StatementKind{Accuses, Denies, Indicts, Criticizes, Sanctions, Demands, Threatens}

// Valid reports whether k is one of the statement kinds.
func (k StatementKind) Valid() bool {
	_, ok := kindCodes[k]
	return ok
}

// kindCodes maps a kind to its CAMEO root code and PLOVER category.
var kindCodes = map[StatementKind][2]string{
	Accuses:    {"112", "ACCUSE"},
	Denies:     {"016", "REJECT"},
	Indicts:    {"173", "ACCUSE"},
	Criticizes: {"111", "ACCUSE"},
	Sanctions:  {"163", "SANCTION"},
	Demands:    {"10", "REQUEST"},
	Threatens:  {"13", "THREATEN"},
}

// CAMEO is the CAMEO event code of the kind (ACCUSES is 112).
func (k StatementKind) CAMEO() string { return kindCodes[k][0] }

// PLOVER is the PLOVER event category of the kind (ACCUSES is ACCUSE).
func (k StatementKind) PLOVER() string { return kindCodes[k][1] }

// Article is one news article as loaded. Its ID is stable: derived from the
// canonical URL when known, else from a hash of the normalized text.
type Article struct {
	ID        string
	URL       string
	Title     string
	Publisher string
	Language  string
	Published time.Time // zero when unknown
	// Hash identifies the article's content; a re-load with the same hash is a no-op,
	// a different hash replaces everything the article contributed.
	Hash string
	// Body is the clean article text (paragraphs separated by blank lines).
	Body string
}

// Actor is a state, organization, agency, person or group.
type Actor struct {
	ID      string
	Kind    ActorKind
	Name    string
	Aliases []string // sorted, without Name
	// Country is the ISO 3166 alpha-3 code: the state's own for a STATE, the state an
	// agency or person belongs to when known, else empty.
	Country string
	// AffiliationID is the parent actor: person → agency or state, agency → state.
	AffiliationID string
	// Role is a person's role as stated ("spokesperson", "foreign minister").
	Role string
}

// Incident is a named event that statements are about.
type Incident struct {
	ID      string
	Name    string
	Aliases []string
	Year    int // 0 when unknown
	// AttributedTo and Targeted are actor ids stated as behind and hit by the incident.
	AttributedTo []string
	Targeted     []string
}

// Report is what one article says about one statement: the source of truth from
// which statements and direct edges are derived.
type Report struct {
	ArticleID  string
	Index      int // position of the report within its article, for stable ordering
	Kind       StatementKind
	SpeakerID  string
	TargetID   string // empty when the text names no target (a denial of "the accusations")
	IncidentID string // empty when none
	Date       time.Time
	Evidence   string
	Quote      string
	Confidence float64
}

// Statement is one act (an accusation, a denial...), reported by one or more articles.
type Statement struct {
	ID         string
	Kind       StatementKind
	SpeakerIDs []string // the most specific actors any report names as the speaker, sorted
	TargetIDs  []string // likewise for targets; empty when no report names one
	IncidentID string
	Date       time.Time // the earliest report's date
	Confidence float64   // the highest report confidence
	// RespondsTo holds, for a denial, the ids of the accusations it answers.
	RespondsTo []string
	Reports    []Report // ordered by date, then article id, then index
}

// CAMEO is the CAMEO code of the statement's kind.
func (s *Statement) CAMEO() string { return s.Kind.CAMEO() }

// Evidence is the first report's evidence sentence.
func (s *Statement) Evidence() string {
	if len(s.Reports) == 0 {
		return ""
	}
	return s.Reports[0].Evidence
}

// Edge is a direct typed edge between two actors: one per (speaker, kind, target),
// kept in step with the statements.
type Edge struct {
	SpeakerID    string
	Kind         StatementKind
	TargetID     string
	Count        int // statements
	Reports      int // articles reporting them
	First, Last  time.Time
	StatementIDs []string
}

// ArticleGraph is everything extracted from one article, ready to be written in
// one transaction by Store.PutArticle.
type ArticleGraph struct {
	Article   Article
	Actors    []Actor // every actor the article mentions, with their affiliation parents
	Incidents []Incident
	Reports   []Report
}

// Validate checks the graph is self-consistent: ids present, kinds valid, report ends
// among the actors and incidents. It wraps ErrInvalid.
func (g *ArticleGraph) Validate() error {
	if g.Article.ID == "" {
		return fmt.Errorf("%w: article without id", ErrInvalid)
	}
	actors := map[string]bool{}
	for _, a := range g.Actors {
		if a.ID == "" || a.Name == "" {
			return fmt.Errorf("%w: actor without id or name", ErrInvalid)
		}
		if !a.Kind.Valid() {
			return fmt.Errorf("%w: actor %q has kind %q", ErrInvalid, a.ID, a.Kind)
		}
		actors[a.ID] = true
	}
	incidents := map[string]bool{}
	for _, in := range g.Incidents {
		if in.ID == "" || in.Name == "" {
			return fmt.Errorf("%w: incident without id or name", ErrInvalid)
		}
		incidents[in.ID] = true
	}
	for i, r := range g.Reports {
		if !r.Kind.Valid() {
			return fmt.Errorf("%w: report %d has kind %q", ErrInvalid, i, r.Kind)
		}
		if !actors[r.SpeakerID] {
			return fmt.Errorf("%w: report %d speaker %q is not among the article's actors", ErrInvalid, i, r.SpeakerID)
		}
		if r.TargetID != "" && !actors[r.TargetID] {
			return fmt.Errorf("%w: report %d target %q is not among the article's actors", ErrInvalid, i, r.TargetID)
		}
		if r.IncidentID != "" && !incidents[r.IncidentID] {
			return fmt.Errorf("%w: report %d incident %q is not among the article's incidents", ErrInvalid, i, r.IncidentID)
		}
	}
	return nil
}

// PutResult says what PutArticle changed.
type PutResult struct {
	Unchanged bool // the same article with the same hash was already stored
	Replaced  bool // an earlier version of the article was replaced
	// NewActors and MergedActors count actors created and actors that already existed.
	NewActors, MergedActors int
	NewIncidents            int
	Reports                 int
	// Statements lists the ids of the statements the article's reports now belong to.
	Statements []string
}

// Interval is a timeline bucket size.
type Interval string

// The timeline intervals.
const (
	Day   Interval = "DAY"
	Week  Interval = "WEEK"
	Month Interval = "MONTH"
	Year  Interval = "YEAR"
)

// Truncate returns the start of the bucket holding t (weeks start on Monday), in UTC.
func (iv Interval) Truncate(t time.Time) time.Time {
	t = t.UTC()
	y, m, d := t.Date()
	switch iv {
	case Year:
		return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	case Month:
		return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	case Week:
		day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		off := (int(day.Weekday()) + 6) % 7
		return day.AddDate(0, 0, -off)
	default:
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
}
