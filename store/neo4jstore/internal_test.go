package neo4jstore

import (
	"errors"
	"fmt"
	"reflect"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/demarche/demarche/store"
)

// These tests need no Neo4j: they cover the pure parts of the store.

func TestLuceneQueryEscapesSyntax(t *testing.T) {
	for in, want := range map[string]string{
		"Zhao Lijian":            "zhao lijian",
		`Justice (Department`:    `justice \(department`,
		`a+b -c && d || !e`:      `a\+b \-c \&\& d \|\| \!e`,
		`"quoted" title:x* y~ ?`: `\"quoted\" title\:x\* y\~ \?`,
		`path/to\it [1 TO 2]`:    `path\/to\\it \[1 to 2\]`,
		"China AND NOT Russia":   "china and not russia",
		"   ":                    "",
	} {
		if got := luceneQuery(in); got != want {
			t.Errorf("luceneQuery(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRoundsSplitRepeats(t *testing.T) {
	g := func(id string) *store.ArticleGraph { return &store.ArticleGraph{Article: store.Article{ID: id}} }
	got := rounds([]*store.ArticleGraph{g("a"), g("b"), g("a"), g("c"), g("a"), g("b")})
	want := [][]int{{0, 1, 3}, {2, 5}, {4}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rounds = %v, want %v", got, want)
	}
}

func TestMergeActorKeepsNonEmptyAndSmaller(t *testing.T) {
	old := store.Actor{ID: "p", Kind: store.Person, Name: "Zhao Lijian", Aliases: []string{"Zhao"}, Role: "spokesperson"}
	in := store.Actor{ID: "p", Kind: store.Person, Name: "Lijian Zhao", Aliases: []string{"Zhao", " "},
		Country: "CHN", AffiliationID: "agency:mfa", Role: "deputy director"}
	got := mergeActor(old, in)
	want := store.Actor{ID: "p", Kind: store.Person, Name: "Zhao Lijian", Aliases: []string{"Lijian Zhao", "Zhao"},
		Country: "CHN", AffiliationID: "agency:mfa", Role: "deputy director"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("mergeActor = %+v, want %+v", got, want)
	}
	// An actor never becomes its own parent.
	if got := mergeActor(store.Actor{ID: "x", Name: "X"}, store.Actor{ID: "x", Name: "X", AffiliationID: "x"}); got.AffiliationID != "" {
		t.Errorf("self affiliation kept: %+v", got)
	}
}

func TestMapErr(t *testing.T) {
	conn := &neo4j.ConnectivityError{Inner: errors.New("connection refused")}
	for _, c := range []struct {
		in   error
		want error
	}{
		{conn, store.ErrUnavailable},
		{&neo4j.TransactionExecutionLimit{Cause: "timeout", Errors: []error{conn}}, store.ErrUnavailable},
		{&neo4j.Neo4jError{Code: "Neo.TransientError.General.DatabaseUnavailable"}, store.ErrUnavailable},
		{fmt.Errorf("actor %q: %w", "x", store.ErrNotFound), store.ErrNotFound},
		{&neo4j.TransactionExecutionLimit{Cause: "x", Errors: []error{fmt.Errorf("w: %w", store.ErrInvalid)}}, store.ErrInvalid},
	} {
		if got := mapErr(c.in); !errors.Is(got, c.want) {
			t.Errorf("mapErr(%v) = %v, want %v", c.in, got, c.want)
		}
	}
	syntax := &neo4j.Neo4jError{Code: "Neo.ClientError.Statement.SyntaxError"}
	if got := mapErr(syntax); errors.Is(got, store.ErrUnavailable) || errors.Is(got, store.ErrInvalid) {
		t.Errorf("a syntax error maps to %v", got)
	}
}

func TestSkipNullRowsFiltersTheUnwoundVariable(t *testing.T) {
	for in, want := range map[string]string{
		"UNWIND $rows AS r MATCH (a {id: r.id}) SET a += r": "UNWIND $rows AS r WITH * WHERE r IS NOT NULL MATCH (a {id: r.id}) SET a += r",
		"UNWIND $rows AS k\n\tMATCH (s {key: k.s})":         "UNWIND $rows AS k WITH * WHERE k IS NOT NULL\n\tMATCH (s {key: k.s})",
	} {
		got, ok := skipNullRows(in)
		if !ok || got != want {
			t.Errorf("skipNullRows(%q) = %q, %v; want %q, true", in, got, ok, want)
		}
	}
	for _, in := range []string{"UNWIND $ids AS id MATCH (a {id: id})", "MATCH (a) RETURN a", "UNWIND $rows AS "} {
		if got, ok := skipNullRows(in); ok || got != in {
			t.Errorf("skipNullRows(%q) = %q, %v; want it unchanged", in, got, ok)
		}
	}
}

func TestPadRowsKeepsOnePlanCacheBucket(t *testing.T) {
	rows := []map[string]any{{"id": "a"}, {"id": "b"}}
	padded, ok := padRows(rows).([]any)
	if !ok || len(padded) != padFloor {
		t.Fatalf("padRows(2 rows) = %d entries, want %d", len(padded), padFloor)
	}
	if !reflect.DeepEqual(padded[1], rows[1]) || padded[2] != nil || padded[padFloor-1] != nil {
		t.Errorf("padRows must keep the rows first, then nulls: %v %v %v", padded[1], padded[2], padded[padFloor-1])
	}
	big := make([]map[string]any, padFloor+5)
	if got, ok := padRows(big).([]map[string]any); !ok || len(got) != len(big) {
		t.Errorf("padRows(%d rows) changed a list already in the bucket", len(big))
	}
}
