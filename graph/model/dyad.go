package model

import "github.com/demarche/demarche/store"

// Dyad is everything between two actors. Filter holds the resolved actor ids,
// kinds, date range and rollup, so that its statements field can page through
// both directions.
type Dyad struct {
	A, B  *store.Actor
	AToB  []store.KindCount
	BToA  []store.KindCount
	Total int
	// Filter selects the statements between the two (Speakers and Targets
	// unset: the statements resolver fills them for each direction).
	Filter store.StatementFilter
	// Counted says AToB, BToA and Total were computed (the query selects them).
	Counted bool
}
