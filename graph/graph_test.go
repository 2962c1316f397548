package graph

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/demarche/demarche/graph/model"
	"github.com/demarche/demarche/store"
)

func ptr[T any](v T) *T { return &v }

func TestCursorsRoundTrip(t *testing.T) {
	for _, off := range []int{0, 1, 19, 12345} {
		got, err := decodeCursor(encodeCursor(off))
		if err != nil || got != off {
			t.Errorf("offset %d: got %d, %v", off, got, err)
		}
	}
	for _, bad := range []string{"", "xyz", encodeCursor(-1), "b2Zmc2V0OmFi"} {
		if _, err := decodeCursor(bad); err == nil {
			t.Errorf("cursor %q accepted", bad)
		}
	}
}

func TestPageArguments(t *testing.T) {
	r := &Resolver{MaxPageSize: 50}
	p, err := r.page(nil, nil)
	if err != nil || p != (store.Page{Limit: DefaultPageSize}) {
		t.Errorf("defaults: %+v %v", p, err)
	}
	p, err = r.page(ptr(10), ptr(encodeCursor(29)))
	if err != nil || p != (store.Page{Offset: 30, Limit: 10}) {
		t.Errorf("second page: %+v %v", p, err)
	}
	for _, first := range []int{-1, 51} {
		var ce *codedError
		if _, err := r.page(ptr(first), nil); !errors.As(err, &ce) || ce.code != CodeBadUserInput {
			t.Errorf("first %d: %v", first, err)
		}
	}
	pi := pageInfo(store.Page{Offset: 30, Limit: 10}, 10, 45)
	if !pi.HasNextPage || !pi.HasPreviousPage || *pi.StartCursor != encodeCursor(30) || *pi.EndCursor != encodeCursor(39) {
		t.Errorf("page info %+v", pi)
	}
	if pi := pageInfo(store.Page{}, 0, 0); pi.HasNextPage || pi.StartCursor != nil {
		t.Errorf("empty page info %+v", pi)
	}
}

func TestMergeBucketsJoinsByStartAndKind(t *testing.T) {
	jul, aug := time.Date(2021, 7, 1, 0, 0, 0, 0, time.UTC), time.Date(2021, 8, 1, 0, 0, 0, 0, time.UTC)
	got := mergeBuckets(
		[]store.Bucket{{Start: jul, Kind: store.Denies, Count: 2}, {Start: aug, Kind: store.Accuses, Count: 1}},
		[]store.Bucket{{Start: jul, Kind: store.Accuses, Count: 3}, {Start: jul, Kind: store.Denies, Count: 1}},
	)
	want := []model.TimelineBucket{
		{Start: jul, Kind: store.Accuses, Made: 0, Received: 3, Total: 3},
		{Start: jul, Kind: store.Denies, Made: 2, Received: 1, Total: 3},
		{Start: aug, Kind: store.Accuses, Made: 1, Received: 0, Total: 1},
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

func TestCountCounterpartsRollsUpBothEnds(t *testing.T) {
	anc := ancestry{rollup: true, parent: map[string]string{"zhao": "mfa", "mfa": "chn", "doj": "usa"}}
	stmts := []store.Statement{
		{ID: "1", Kind: store.Denies, SpeakerIDs: []string{"zhao"}, TargetIDs: []string{"doj"}},
		{ID: "2", Kind: store.Accuses, SpeakerIDs: []string{"usa"}, TargetIDs: []string{"chn"}},
		{ID: "3", Kind: store.Criticizes, SpeakerIDs: []string{"gbr"}, TargetIDs: []string{"mfa"}},
	}
	got := countCounterparts("chn", stmts, anc)
	want := []store.Counterpart{
		{ActorID: "usa", Made: []store.KindCount{{Kind: store.Denies, Count: 1}}, Received: []store.KindCount{{Kind: store.Accuses, Count: 1}}, Total: 2},
		{ActorID: "gbr", Made: []store.KindCount{}, Received: []store.KindCount{{Kind: store.Criticizes, Count: 1}}, Total: 1},
	}
	if len(got) != 2 || got[0].ActorID != "usa" || got[0].Total != 2 || got[1].ActorID != "gbr" ||
		!slices.Equal(got[0].Made, want[0].Made) || !slices.Equal(got[0].Received, want[0].Received) || !slices.Equal(got[1].Received, want[1].Received) {
		t.Errorf("got %+v", got)
	}
	exact := countCounterparts("chn", stmts, ancestry{})
	if len(exact) != 1 || exact[0].ActorID != "usa" || exact[0].Total != 1 {
		t.Errorf("without rollup: %+v", exact)
	}
}

func TestErrorPresenterCodes(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		err  error
		code string
		msg  string
	}{
		{badInput("first must be at most %d", 100), CodeBadUserInput, "first must be at most 100"},
		{notFound("no actor %q", "x"), CodeNotFound, `no actor "x"`},
		{errors.Join(errors.New("statement s1"), store.ErrNotFound), CodeNotFound, ""},
		{errors.Join(errors.New("bad"), store.ErrInvalid), CodeBadUserInput, ""},
		{errors.Join(errors.New("dial tcp: refused"), store.ErrUnavailable), CodeUnavailable, "the knowledge graph is unavailable, try again later"},
		{errors.New("sql: connection reset"), CodeInternal, "internal error"},
	}
	for _, tc := range cases {
		got := ErrorPresenter(ctx, tc.err)
		if got.Extensions["code"] != tc.code || tc.msg != "" && got.Message != tc.msg {
			t.Errorf("%v: %+v", tc.err, got)
		}
	}
	u := Unauthenticated("no token")
	if got := ErrorPresenter(ctx, u); got.Extensions["code"] != CodeUnauthenticated || got.Message != "no token" {
		t.Errorf("unauthenticated: %+v", got)
	}
	var _ *gqlerror.Error = u
}

func TestMatchesFiltersLikeTheStore(t *testing.T) {
	day := func(n int) time.Time { return time.Date(2021, 7, n, 0, 0, 0, 0, time.UTC) }
	s := store.Statement{ID: "s", Kind: store.Denies, SpeakerIDs: []string{"zhao"}, TargetIDs: []string{"usa"}, Date: day(20),
		Reports: []store.Report{{ArticleID: "a1", Evidence: "Zhao denied it.", Quote: "baseless"}}}
	r := &Resolver{}
	for _, tc := range []struct {
		f    store.StatementFilter
		want bool
	}{
		{store.StatementFilter{}, true},
		{store.StatementFilter{Kinds: []store.StatementKind{store.Accuses}}, false},
		{store.StatementFilter{From: day(21)}, false},
		{store.StatementFilter{To: day(20)}, true},
		{store.StatementFilter{ArticleID: "a2"}, false},
		{store.StatementFilter{TextContains: "BASELESS"}, true},
		{store.StatementFilter{Incident: "x"}, false},
	} {
		if got := r.matches(context.Background(), tc.f, s); got != tc.want {
			t.Errorf("%+v: %v", tc.f, got)
		}
	}
}
