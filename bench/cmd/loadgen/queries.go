package main

import (
	"encoding/json"
	"fmt"
)

// Flavor is the GraphQL API a target speaks.
type Flavor string

// The two APIs: Demarche's own schema, and the schema @neo4j/graphql generates
// from bench/neo4j-graphql/typeDefs.graphql.
const (
	Demarche     Flavor = "demarche"
	Neo4jGraphQL Flavor = "neo4j-graphql"
)

// Query is one dashboard query: the same question in each API, with the
// parameter sets requests rotate through (the same sequence for every target).
type Query struct {
	Name   string
	Doc    map[Flavor]string
	Params []map[string]any
}

// The parameters: the hottest states of the synthetic world (synth ranks states
// by popularity; these carry most statements) and the dyads between them.
var (
	hotStates = []string{"state:USA", "state:CHN", "state:RUS", "state:GBR", "state:IRN",
		"state:PRK", "state:UKR", "state:DEU", "state:FRA", "state:ISR"}
	dyads = [][2]string{{"state:USA", "state:CHN"}, {"state:CHN", "state:USA"}, {"state:USA", "state:RUS"},
		{"state:RUS", "state:UKR"}, {"state:GBR", "state:RUS"}, {"state:USA", "state:IRN"},
		{"state:ISR", "state:IRN"}, {"state:PRK", "state:USA"}, {"state:DEU", "state:CHN"}, {"state:FRA", "state:RUS"}}
	searchTerms = []string{"sanctions", "espionage", "ransomware", "breach", "pipeline",
		"China", "ministry", "election", "intrusion", "parliament"}
)

func stateParams(key string) []map[string]any {
	out := make([]map[string]any, len(hotStates))
	for i, s := range hotStates {
		out[i] = map[string]any{key: s}
	}
	return out
}

// queries are the five dashboard queries. Each asks both APIs for the same data:
// where the APIs differ in shape (Demarche's dyad returns counts by kind both
// ways; @neo4j/graphql has no group-by, so its typeDefs add a @cypher field for
// that) the request asks for the equivalent fields.
var queries = []Query{
	{
		// An actor's page: the actor, its affiliation, its latest statements made and
		// received (as named, without rollup) with their other end, and the totals.
		Name: "actor",
		Doc: map[Flavor]string{
			Demarche: `query Actor($id: ID!) { actor(id: $id) { id name kind country aliases affiliation { id name }
  made: statementsMade(first: 20, filter: {rollup: false}) { totalCount edges { node { id kind date evidence quote targets { id name } } } }
  received: statementsReceived(first: 20, filter: {rollup: false}) { totalCount edges { node { id kind date evidence quote speakers { id name } } } } } }`,
			Neo4jGraphQL: `query Actor($id: ID!) { actors(where: {id: {eq: $id}}) { id name kind country aliases memberOf { id name } partOf { id name }
  madeConnection { totalCount } made(limit: 20, sort: [{date: DESC}, {id: DESC}]) { id kind date evidence quote targets { id name } }
  receivedConnection { totalCount } received(limit: 20, sort: [{date: DESC}, {id: DESC}]) { id kind date evidence quote speakers { id name } } } }`,
		},
		Params: stateParams("id"),
	},
	{
		// Everything between two states, both ways, rolled up: counts by kind each
		// way, the total, and the 20 latest statements.
		Name: "dyad",
		Doc: map[Flavor]string{
			Demarche: `query Dyad($a: String!, $b: String!) { dyad(a: $a, b: $b) { total aToB { kind count } bToA { kind count }
  statements(first: 20) { totalCount edges { node { id kind date evidence speakers { id name } targets { id name } } } } } }`,
			Neo4jGraphQL: `query Dyad($a: ID!, $b: ID!, $as: String!, $bs: String!) { aToB: dyadKinds(a: $a, b: $b) { kind count } bToA: dyadKinds(a: $b, b: $a) { kind count }
  statementsConnection(where: {OR: [{keySpeaker: {eq: $as}, keyTarget: {eq: $bs}}, {keySpeaker: {eq: $bs}, keyTarget: {eq: $as}}]}) { totalCount }
  statements(where: {OR: [{keySpeaker: {eq: $as}, keyTarget: {eq: $bs}}, {keySpeaker: {eq: $bs}, keyTarget: {eq: $as}}]}, sort: [{date: DESC}, {id: DESC}], limit: 20) {
    id kind date evidence speakers { id name } targets { id name } } }`,
		},
		Params: func() []map[string]any {
			out := make([]map[string]any, len(dyads))
			for i, d := range dyads {
				out[i] = map[string]any{"a": d[0], "b": d[1], "as": d[0], "bs": d[1]}
			}
			return out
		}(),
	},
	{
		// Monthly statement counts of a state by kind, made and received, rolled up.
		Name: "timeline",
		Doc: map[Flavor]string{
			Demarche:     `query Timeline($actor: String!) { timeline(actor: $actor, interval: MONTH) { buckets { start kind made received total } } }`,
			Neo4jGraphQL: `query Timeline($actor: ID!) { monthlyTimeline(actor: $actor) { start kind made received total } }`,
		},
		Params: stateParams("actor"),
	},
	{
		// Ranked full-text search over actors, incidents and statement evidence.
		// Demarche merges the three kinds in one ranked list of 10; @neo4j/graphql
		// generates one query per type, so it asks for the top 10 of each.
		Name: "search",
		Doc: map[Flavor]string{
			Demarche: `query Search($text: String!) { search(text: $text, first: 10) { kind text score
  node { ... on Actor { id name actorKind: kind } ... on Incident { id name } ... on Statement { id statementKind: kind date evidence } } } }`,
			Neo4jGraphQL: `query Search($text: String!) { searchActors(phrase: $text, first: 10) { edges { score node { id name kind } } }
  searchIncidents(phrase: $text, first: 10) { edges { score node { id name } } }
  searchStatements(phrase: $text, first: 10) { edges { score node { id kind date evidence } } } }`,
		},
		Params: func() []map[string]any {
			out := make([]map[string]any, len(searchTerms))
			for i, t := range searchTerms {
				out[i] = map[string]any{"text": t}
			}
			return out
		}(),
	},
	{
		// The actors within two direct links of a state (at most 100, nearest first)
		// and the links among them, for a graph view.
		Name: "neighborhood",
		Doc: map[Flavor]string{
			Demarche: `query Neighborhood($id: String!) { neighborhood(id: $id, depth: 2, limit: 100) { nodes { id name kind }
  links { kind count speaker { id } target { id } } } }`,
			Neo4jGraphQL: `query Neighborhood($id: ID!) { neighborhood(id: $id, limit: 100) { id name kind }
  neighborhoodLinks(id: $id, limit: 100) { kind count speaker target } }`,
		},
		Params: stateParams("id"),
	},
}

// bodies pre-encodes the request bodies of a query for one flavor, one per
// parameter set, so that the load generator only copies bytes.
func bodies(q Query, f Flavor) ([][]byte, error) {
	doc, ok := q.Doc[f]
	if !ok {
		return nil, fmt.Errorf("query %s has no %s form", q.Name, f)
	}
	out := make([][]byte, len(q.Params))
	for i, p := range q.Params {
		vars := p
		if f == Demarche {
			// Demarche's dyad takes only a and b.
			vars = map[string]any{}
			for k, v := range p {
				if k != "as" && k != "bs" {
					vars[k] = v
				}
			}
		}
		b, err := json.Marshal(map[string]any{"query": doc, "variables": vars})
		if err != nil {
			return nil, err
		}
		out[i] = b
	}
	return out, nil
}
