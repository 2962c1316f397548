package faulttest

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/demarche/demarche/store"
)

// injections are strings that would change a query built by concatenation:
// Cypher (quotes, comments, a clause that deletes everything), Lucene
// full-text syntax, SQL and FTS5 syntax, and odd bytes.
var injections = []string{
	`'`,
	`"`,
	`x' OR 1=1 //`,
	`"}) DETACH DELETE n //`,
	`'}) DETACH DELETE n //`,
	"`) MATCH (n) DETACH DELETE n //",
	`x"}) WITH 1 AS a MATCH (n) DETACH DELETE n RETURN 1 AS b //`,
	`$param {id: 1}`,
	`name:China~ AND (accus* OR "unterminated`,
	`*:* OR title:[a TO z] ^ \ / && || ! ( ) { } [ ] ~ ? :`,
	`'); DROP TABLE articles; --`,
	`" OR "" = "`,
	`NEAR(a b) * "x" OR ^`,
	"\x00\u2028\ufffd",
}

// schemaQuery reads what the injection test needs of the schema.
const schemaQuery = `{ __schema {
  queryType { name } mutationType { name }
  types { kind name
    fields { name args { name type { ...T } } type { ...T } }
    inputFields { name type { ...T } }
    enumValues { name } } } }
fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }`

type typeRef struct {
	Kind   string   `json:"kind"`
	Name   string   `json:"name"`
	OfType *typeRef `json:"ofType"`
}

func (t typeRef) named() typeRef {
	for t.OfType != nil {
		t = *t.OfType
	}
	return t
}

func (t typeRef) String() string {
	switch t.Kind {
	case "NON_NULL":
		return t.OfType.String() + "!"
	case "LIST":
		return "[" + t.OfType.String() + "]"
	}
	return t.Name
}

type inputValue struct {
	Name string  `json:"name"`
	Type typeRef `json:"type"`
}

type fieldDef struct {
	Name string       `json:"name"`
	Args []inputValue `json:"args"`
	Type typeRef      `json:"type"`
}

type typeDef struct {
	Kind        string       `json:"kind"`
	Name        string       `json:"name"`
	Fields      []fieldDef   `json:"fields"`
	InputFields []inputValue `json:"inputFields"`
	EnumValues  []struct {
		Name string `json:"name"`
	} `json:"enumValues"`
}

type schema struct {
	query, mutation string
	types           map[string]typeDef
}

func introspect(t *testing.T, h http.Handler) schema {
	t.Helper()
	var resp struct {
		Schema struct {
			QueryType    struct{ Name string } `json:"queryType"`
			MutationType struct{ Name string } `json:"mutationType"`
			Types        []typeDef             `json:"types"`
		} `json:"__schema"`
	}
	code, g, body := post(h, schemaQuery, nil, false)
	if code != 200 || len(g.Errors) > 0 {
		t.Fatalf("introspection: %d %s", code, body)
	}
	if err := jsonUnmarshal(g.Data, &resp); err != nil {
		t.Fatal(err)
	}
	s := schema{query: resp.Schema.QueryType.Name, mutation: resp.Schema.MutationType.Name, types: map[string]typeDef{}}
	for _, td := range resp.Schema.Types {
		s.types[td.Name] = td
	}
	return s
}

// stringy says whether a named input type takes free text (strings, ids and
// custom scalars, which arrive as strings).
func stringy(t typeRef) bool {
	return t.Kind == "SCALAR" && t.Name != "Int" && t.Name != "Float" && t.Name != "Boolean"
}

// filler returns a valid value for a required input of type t.
func (s schema) filler(t typeRef, depth int) any {
	switch t.Kind {
	case "NON_NULL":
		return s.filler(*t.OfType, depth)
	case "LIST":
		return []any{s.filler(*t.OfType, depth)}
	case "ENUM":
		return s.types[t.Name].EnumValues[0].Name
	case "INPUT_OBJECT":
		obj := map[string]any{}
		if depth > 3 {
			return obj
		}
		for _, f := range s.types[t.Name].InputFields {
			if f.Type.Kind == "NON_NULL" {
				obj[f.Name] = s.filler(f.Type, depth+1)
			}
		}
		return obj
	}
	switch t.Name {
	case "Int":
		return 1
	case "Float":
		return 1.0
	case "Boolean":
		return false
	case "Date":
		return "2023-01-01"
	case "Time":
		return "2023-01-01T00:00:00Z"
	}
	return "x"
}

// slot is one place a string goes: an argument, or a field path inside an
// input object argument.
type slot struct {
	arg  string
	path []string
}

// slots lists the string places of an input of type t under arg.
func (s schema) slots(arg string, t typeRef, path []string, depth int) []slot {
	n := t.named()
	switch {
	case stringy(n):
		return []slot{{arg: arg, path: slices.Clone(path)}}
	case n.Kind == "INPUT_OBJECT" && depth < 3:
		var out []slot
		for _, f := range s.types[n.Name].InputFields {
			out = append(out, s.slots(arg, f.Type, append(path, f.Name), depth+1)...)
		}
		return out
	}
	return nil
}

// value builds a value of type t with text at path (fillers elsewhere).
func (s schema) value(t typeRef, path []string, text string) any {
	switch t.Kind {
	case "NON_NULL":
		return s.value(*t.OfType, path, text)
	case "LIST":
		return []any{s.value(*t.OfType, path, text)}
	}
	if len(path) == 0 {
		return text
	}
	obj, _ := s.filler(t, 0).(map[string]any)
	for _, f := range s.types[t.Name].InputFields {
		if f.Name == path[0] {
			obj[f.Name] = s.value(f.Type, path[1:], text)
		}
	}
	return obj
}

// selection is what to select under a field of type t.
func selection(t typeRef) string {
	switch t.named().Kind {
	case "OBJECT", "INTERFACE", "UNION":
		return " { __typename }"
	}
	return ""
}

// call is one GraphQL operation that puts an injection string in one slot.
type call struct {
	name  string // Type.field(arg.path)
	query string
	vars  map[string]any
	op    string // "query" or "mutation"
}

// routes finds, for each object type, a path of fields from the root (so
// nested fields with arguments are reached too): fields without required
// arguments first, then fields whose required arguments are strings, given
// the ids in sample (real actors, so the nested fields run).
func (s schema) routes(sample []string) map[string][]string {
	routes := map[string][]string{s.query: nil}
	for _, withArgs := range []bool{false, true} {
		queue := slices.Collect(maps.Keys(routes))
		slices.Sort(queue)
		for len(queue) > 0 {
			tn := queue[0]
			queue = queue[1:]
			for _, f := range s.types[tn].Fields {
				n := f.Type.named()
				if n.Kind != "OBJECT" {
					continue
				}
				if _, seen := routes[n.Name]; seen {
					continue
				}
				var args []string
				ok := true
				for _, a := range f.Args {
					if a.Type.Kind != "NON_NULL" {
						continue
					}
					if !withArgs || !stringy(a.Type.named()) || len(sample) == 0 {
						ok = false
						break
					}
					args = append(args, fmt.Sprintf("%s: %q", a.Name, sample[len(args)%len(sample)]))
				}
				if !ok {
					continue
				}
				step := f.Name
				if len(args) > 0 {
					step += "(" + strings.Join(args, ", ") + ")"
				}
				routes[n.Name] = append(slices.Clone(routes[tn]), step)
				queue = append(queue, n.Name)
			}
		}
	}
	return routes
}

// calls builds one operation per (field, string slot, injection string), for
// every field with arguments of every object type reachable from the root,
// and every mutation.
func (s schema) calls(sample []string) []call {
	var out []call
	build := func(op, typeName string, route []string, f fieldDef) {
		for _, a := range f.Args {
			for _, sl := range s.slots(a.Name, a.Type, nil, 0) {
				for _, text := range injections {
					vars := map[string]any{}
					var decl, args []string
					for _, b := range f.Args {
						if b.Name != a.Name && b.Type.Kind != "NON_NULL" {
							continue
						}
						v := s.filler(b.Type, 0)
						if b.Name == a.Name {
							v = s.value(b.Type, sl.path, text)
						}
						vars[b.Name] = v
						decl = append(decl, fmt.Sprintf("$%s: %s", b.Name, b.Type))
						args = append(args, fmt.Sprintf("%s: $%s", b.Name, b.Name))
					}
					q := fmt.Sprintf("%s(%s)%s", f.Name, strings.Join(args, ", "), selection(f.Type))
					for i := len(route) - 1; i >= 0; i-- {
						q = route[i] + " { " + q + " }"
					}
					out = append(out, call{
						name:  fmt.Sprintf("%s.%s(%s)", typeName, f.Name, strings.Join(append([]string{sl.arg}, sl.path...), ".")),
						query: fmt.Sprintf("%s Inject(%s) { %s }", op, strings.Join(decl, ", "), q),
						vars:  vars, op: op,
					})
				}
			}
		}
	}
	routes := s.routes(sample)
	for tn, route := range routes {
		for _, f := range s.types[tn].Fields {
			if !strings.HasPrefix(f.Name, "__") {
				build("query", tn, route, f)
			}
		}
	}
	for _, f := range s.types[s.mutation].Fields {
		build("mutation", s.mutation, nil, f)
	}
	slices.SortFunc(out, func(a, b call) int { return strings.Compare(a.name, b.name) })
	return out
}

// snapshot is what must not change: the counts, and every actor and statement.
type snapshot struct {
	stats      store.Stats
	actors     []string
	statements []string
}

func snap(t *testing.T, s store.Store) snapshot {
	t.Helper()
	ctx := context.Background()
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sn := snapshot{stats: st}
	if err := s.WalkActors(ctx, func(a store.Actor) error {
		sn.actors = append(sn.actors, fmt.Sprintf("%s|%s|%v|%s", a.ID, a.Name, a.Aliases, a.AffiliationID))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if err := s.WalkStatements(ctx, store.StatementFilter{}, func(st store.Statement) error {
		sn.statements = append(sn.statements, fmt.Sprintf("%s|%s|%v|%v|%d", st.ID, st.Kind, st.SpeakerIDs, st.TargetIDs, len(st.Reports)))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return sn
}

func TestInjectionEmbedded(t *testing.T) { testInjection(t, openSQLite(t)) }

func TestInjectionNeo4j(t *testing.T) { testInjection(t, openNeo4j(t, neo4jURI(t))) }

// testInjection sends every injection string in every string argument of the
// API (nested fields and input object fields included, mutations with the
// token) and checks that nothing answers 5xx or an internal error, and that
// the graph is unchanged; ingestArticle, which adds an article by design, runs
// last and must leave every existing actor and statement in place.
func testInjection(t *testing.T, s store.Store) {
	loadExamples(t, s)
	h := newAPI(s)
	sc := introspect(t, h)
	var sample []string
	_ = s.WalkStatements(context.Background(), store.StatementFilter{}, func(st store.Statement) error {
		if len(sample) == 0 && len(st.SpeakerIDs) > 0 && len(st.TargetIDs) > 0 {
			sample = []string{st.SpeakerIDs[0], st.TargetIDs[0]}
		}
		return nil
	})
	calls := sc.calls(sample)
	fields := map[string]bool{}
	for _, c := range calls {
		fields[c.name[:strings.Index(c.name, "(")]] = true
	}
	// The schema's known free-text entry points must be among the calls.
	for _, want := range []string{"Query.search", "Query.actors", "Dyad.statements", "Query.statements", "Query.actor", "Mutation.addAlias", "Mutation.ingestArticle", "Mutation.mergeActors", "Mutation.deleteArticle"} {
		if !fields[want] {
			t.Errorf("no injection call for %s (fields covered: %v)", want, fields)
		}
	}
	t.Logf("%d operations over %d fields: %v", len(calls), len(fields), slices.Sorted(maps.Keys(fields)))

	before := snap(t, s)
	var ingests []call
	for _, c := range calls {
		if strings.HasPrefix(c.name, "Mutation.ingestArticle") {
			ingests = append(ingests, c)
			continue
		}
		check(t, h, c)
	}
	if after := snap(t, s); !reflect.DeepEqual(before, after) {
		t.Fatalf("the graph changed under injection strings:\nbefore %+v\nafter  %+v", before.stats, after.stats)
	}
	for _, c := range ingests {
		check(t, h, c)
	}
	after := snap(t, s)
	for _, a := range before.actors {
		if !slices.Contains(after.actors, a) {
			t.Errorf("actor %s changed or vanished after ingesting injection strings", a)
		}
	}
	for _, st := range before.statements {
		if !slices.Contains(after.statements, st) {
			t.Errorf("statement %s changed or vanished after ingesting injection strings", st)
		}
	}
}

func check(t *testing.T, h http.Handler, c call) {
	t.Helper()
	code, g, body := post(h, c.query, c.vars, c.op == "mutation")
	if code >= 500 {
		t.Errorf("%s with %q: HTTP %d: %s", c.name, c.vars, code, body)
		return
	}
	if ie := g.internalErrors(); len(ie) > 0 {
		t.Errorf("%s with %v: internal error %v", c.name, c.vars, ie)
	}
	for _, e := range g.Errors {
		if e.Extensions["code"] == "UNAUTHENTICATED" || e.Extensions["code"] == "GRAPHQL_VALIDATION_FAILED" {
			t.Errorf("%s never ran: %s (%s)", c.name, e.Message, c.query)
		}
	}
}
