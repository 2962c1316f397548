package graph

import (
	"context"
	"regexp"
	"slices"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/demarche/demarche/graph/model"
	"github.com/demarche/demarche/store"
)

// This file reads the GraphQL selection of the field being resolved, so that
// resolvers ask the store only for what the query selects: no reports when no
// report-derived field is asked for, no page when only totalCount is, the
// actors of a page fetched together with the page's owner.

// idPattern matches the form of actor ids ("state:USA", "person:chn/zhao-lijian"):
// an argument of that form is looked up by id first, one batched GetActors,
// before falling back to ResolveActor's name and alias search.
var idPattern = regexp.MustCompile(`^[a-z]+:[^\s:][^\s]*$`)

// looksLikeID reports whether an actor argument has the form of an id.
func looksLikeID(ref string) bool { return idPattern.MatchString(ref) }

// subFields collects the fields a selection set asks for on an object of one
// of the given types (fragments and @skip/@include applied).
func subFields(ctx context.Context, sel ast.SelectionSet, types ...string) []graphql.CollectedField {
	if len(sel) == 0 || !graphql.HasOperationContext(ctx) {
		return nil
	}
	return graphql.CollectFields(graphql.GetOperationContext(ctx), sel, types)
}

// selectedFields is the selection of the field being resolved; nil outside a
// resolver.
func selectedFields(ctx context.Context, types ...string) []graphql.CollectedField {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || fc.Field.Field == nil {
		return nil
	}
	return subFields(ctx, fc.Field.Selections, types...)
}

// named lists the collected fields with one of the given schema names (a field
// may be asked for several times under different aliases).
func named(fields []graphql.CollectedField, names ...string) []graphql.CollectedField {
	var out []graphql.CollectedField
	for _, f := range fields {
		if slices.Contains(names, f.Name) {
			out = append(out, f)
		}
	}
	return out
}

// selects reports whether any of the names is among the fields.
func selects(fields []graphql.CollectedField, names ...string) bool {
	return len(named(fields, names...)) > 0
}

// reportFields are the Statement fields computed from its reports.
var reportFields = []string{"evidence", "quote", "article", "reports"}

// statementSel says what a selection of statements needs from the store.
type statementSel struct {
	// items: the statements themselves (edges); false when only the total and
	// the page info are asked for, which the count alone answers.
	items bool
	// reports: a report-derived field (evidence, quote, article, reports).
	reports bool
	// speakers and targets: an actor field of either end, to load with the page.
	speakers, targets bool
}

// allStatements is the selection assumed when the query cannot be read.
var allStatements = statementSel{items: true, reports: true}

// nodeSelection reads what the selected fields of a Statement need.
func nodeSelection(fields []graphql.CollectedField) statementSel {
	return statementSel{
		items:    true,
		reports:  selects(fields, reportFields...),
		speakers: selects(fields, "speaker", "speakers"),
		targets:  selects(fields, "target", "targets"),
	}
}

// connectionSelection reads what the fields of a StatementConnection need.
func connectionSelection(ctx context.Context, fields []graphql.CollectedField) statementSel {
	if fields == nil {
		return allStatements
	}
	var s statementSel
	for _, edges := range named(fields, "edges") {
		s.items = true
		for _, node := range named(subFields(ctx, edges.Selections, statementEdgeImplementors...), "node") {
			n := nodeSelection(subFields(ctx, node.Selections, statementImplementors...))
			s.reports = s.reports || n.reports
			s.speakers = s.speakers || n.speakers
			s.targets = s.targets || n.targets
		}
	}
	return s
}

// currentConnection is what the connection field being resolved needs.
func currentConnection(ctx context.Context) statementSel {
	if graphql.GetFieldContext(ctx) == nil {
		return allStatements
	}
	return connectionSelection(ctx, selectedFields(ctx, statementConnectionImplementors...))
}

// preloadActors queues the speakers and targets of statements on the request's
// actor loader without waiting, so that the page's actor fields, which resolve
// concurrently and may be scheduled late under load, find them in one batch.
func (l *loaders) preloadActors(ctx context.Context, items []store.Statement, sel statementSel) {
	for _, s := range items {
		if sel.speakers {
			for _, id := range s.SpeakerIDs {
				l.actors.LoadThunk(ctx, id)
			}
		}
		if sel.targets {
			for _, id := range s.TargetIDs {
				l.actors.LoadThunk(ctx, id)
			}
		}
	}
}

// pageOf is the number of items of page p when total items match.
func pageOf(p store.Page, total int) int {
	limit := p.Limit
	if limit <= 0 {
		limit = DefaultPageSize
	}
	return max(0, min(limit, total-p.Offset))
}

// countConnection is a connection without edges: its total and page info come
// from the count alone.
func countConnection(p store.Page, total int) *model.StatementConnection {
	return &model.StatementConnection{Edges: []model.StatementEdge{}, PageInfo: pageInfo(p, pageOf(p, total), total), TotalCount: total}
}

// sumCounts adds counts by kind.
func sumCounts(ks []store.KindCount) int {
	n := 0
	for _, k := range ks {
		n += k.Count
	}
	return n
}
