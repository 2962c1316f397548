package neo4jstore

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/demarche/demarche/store"
)

// This file converts between the store's types and Cypher parameter maps and
// record values. Lists are never sent as nil (Cypher would store null).

func day(t time.Time) time.Time { return store.Day.Truncate(t) }

func dateParam(t time.Time) dbtype.Date { return dbtype.Date(day(t)) }

func nonNil(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}

func actorProps(a store.Actor) map[string]any {
	return map[string]any{
		"id":            a.ID,
		"kind":          string(a.Kind),
		"name":          a.Name,
		"aliases":       nonNil(a.Aliases),
		"country":       a.Country,
		"affiliationId": a.AffiliationID,
		"role":          a.Role,
		"names":         actorNames(a),
	}
}

// actorNames is the normalized name and aliases, which ResolveActor compares against.
func actorNames(a store.Actor) []string {
	set := map[string]bool{store.NormalizeName(a.Name): true}
	for _, al := range a.Aliases {
		set[store.NormalizeName(al)] = true
	}
	out := make([]string, 0, len(set))
	for n := range set {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

func articleProps(a store.Article, incidentIDs []string) map[string]any {
	var published any
	if !a.Published.IsZero() {
		published = a.Published.UTC()
	}
	return map[string]any{
		"id":          a.ID,
		"url":         a.URL,
		"title":       a.Title,
		"publisher":   a.Publisher,
		"language":    a.Language,
		"published":   published,
		"hash":        a.Hash,
		"body":        a.Body,
		"incidentIds": nonNil(incidentIDs),
	}
}

func incidentProps(in store.Incident) map[string]any {
	return map[string]any{
		"id":           in.ID,
		"name":         in.Name,
		"aliases":      nonNil(in.Aliases),
		"year":         int64(in.Year),
		"attributedTo": nonNil(in.AttributedTo),
		"targeted":     nonNil(in.Targeted),
	}
}

func reportProps(r store.Report) map[string]any {
	return map[string]any{
		"articleId":  r.ArticleID,
		"idx":        int64(r.Index),
		"kind":       string(r.Kind),
		"speakerId":  r.SpeakerID,
		"targetId":   r.TargetID,
		"incidentId": r.IncidentID,
		"date":       dateParam(r.Date),
		"evidence":   r.Evidence,
		"quote":      r.Quote,
		"confidence": r.Confidence,
	}
}

// statementProps are the Statement node's own properties; key is its statement key.
func statementProps(st store.Statement, key store.StatementKey) map[string]any {
	var evidence, quote string
	if len(st.Reports) > 0 {
		evidence, quote = st.Reports[0].Evidence, st.Reports[0].Quote
	}
	return map[string]any{
		"id":         st.ID,
		"kind":       string(st.Kind),
		"cameo":      st.Kind.CAMEO(),
		"plover":     st.Kind.PLOVER(),
		"date":       dateParam(st.Date),
		"confidence": st.Confidence,
		"incidentId": st.IncidentID,
		"speakerIds": nonNil(st.SpeakerIDs),
		"targetIds":  nonNil(st.TargetIDs),
		"keySpeaker": key.Speaker,
		"keyTarget":  key.Target,
		"evidence":   evidence,
		"quote":      quote,
		"reports":    int64(len(st.Reports)),
		"sig":        statementSig(st),
		// last and articleIds let a later write regroup incrementally (only the
		// statements still open at its earliest report) and recompute direct edges
		// without reading the reports of the statements it leaves alone.
		"last":       dateParam(lastDate(st)),
		"articleIds": articleIDs(st),
	}
}

// lastDate is the date of the statement's latest report.
func lastDate(st store.Statement) time.Time {
	last := st.Date
	for _, r := range st.Reports {
		if r.Date.After(last) {
			last = r.Date
		}
	}
	return last
}

// articleIDs lists the distinct articles reporting the statement, sorted.
func articleIDs(st store.Statement) []string {
	set := make(map[string]bool, len(st.Reports))
	for _, r := range st.Reports {
		set[r.ArticleID] = true
	}
	return nonNil(keysOf(set))
}

// statementSig fingerprints everything a statement node and its edges hold, so that
// unchanged statements are not rewritten.
func statementSig(st store.Statement) string {
	h := sha1.New()
	w := func(parts ...string) {
		for _, p := range parts {
			h.Write([]byte(p))
			h.Write([]byte{0})
		}
		h.Write([]byte{1})
	}
	w(st.ID, string(st.Kind), st.IncidentID, st.Date.UTC().Format(time.RFC3339), strconv.FormatFloat(st.Confidence, 'g', -1, 64))
	w(st.SpeakerIDs...)
	w(st.TargetIDs...)
	for _, r := range st.Reports {
		w(r.ArticleID, strconv.Itoa(r.Index), string(r.Kind), r.SpeakerID, r.TargetID, r.IncidentID,
			r.Date.UTC().Format(time.RFC3339), r.Evidence, r.Quote, strconv.FormatFloat(r.Confidence, 'g', -1, 64))
	}
	return hex.EncodeToString(h.Sum(nil))
}

func edgeProps(e store.Edge) map[string]any {
	return map[string]any{
		"s":            e.SpeakerID,
		"t":            e.TargetID,
		"k":            string(e.Kind),
		"count":        int64(e.Count),
		"reports":      int64(e.Reports),
		"first":        dateParam(e.First),
		"last":         dateParam(e.Last),
		"statementIds": nonNil(e.StatementIDs),
	}
}

// Record decoding. Values come from map projections (n{.*}), so missing keys are nil.

func mstr(m map[string]any, k string) string {
	s, _ := m[k].(string)
	return s
}

func mstrs(m map[string]any, k string) []string {
	xs, _ := m[k].([]any)
	if len(xs) == 0 {
		return nil
	}
	out := make([]string, 0, len(xs))
	for _, x := range xs {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func mint(m map[string]any, k string) int {
	switch v := m[k].(type) {
	case int64:
		return int(v)
	case float64:
		return int(v)
	}
	return 0
}

func mfloat(m map[string]any, k string) float64 {
	switch v := m[k].(type) {
	case float64:
		return v
	case int64:
		return float64(v)
	}
	return 0
}

func mtime(m map[string]any, k string) time.Time {
	return toTime(m[k])
}

func toTime(v any) time.Time {
	switch t := v.(type) {
	case dbtype.Date:
		return day(t.Time())
	case time.Time:
		return t.UTC()
	case dbtype.LocalDateTime:
		return t.Time().UTC()
	}
	return time.Time{}
}

func mmap(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

// get returns the record's value under key as a map.
func get(rec *neo4j.Record, key string) map[string]any {
	v, _ := rec.Get(key)
	return mmap(v)
}

func getStr(rec *neo4j.Record, key string) string {
	v, _ := rec.Get(key)
	s, _ := v.(string)
	return s
}

func getInt(rec *neo4j.Record, key string) int {
	v, _ := rec.Get(key)
	switch n := v.(type) {
	case int64:
		return int(n)
	case float64:
		return int(n)
	}
	return 0
}

// anyStrings keeps the strings of a decoded list.
func anyStrings(xs []any) []string {
	out := make([]string, 0, len(xs))
	for _, x := range xs {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func getStrs(rec *neo4j.Record, key string) []string {
	v, _ := rec.Get(key)
	return mstrs(map[string]any{"v": v}, "v")
}

func actorOf(m map[string]any) store.Actor {
	return store.Actor{
		ID:            mstr(m, "id"),
		Kind:          store.ActorKind(mstr(m, "kind")),
		Name:          mstr(m, "name"),
		Aliases:       mstrs(m, "aliases"),
		Country:       mstr(m, "country"),
		AffiliationID: mstr(m, "affiliationId"),
		Role:          mstr(m, "role"),
	}
}

func articleOf(m map[string]any) store.Article {
	return store.Article{
		ID:        mstr(m, "id"),
		URL:       mstr(m, "url"),
		Title:     mstr(m, "title"),
		Publisher: mstr(m, "publisher"),
		Language:  mstr(m, "language"),
		Published: mtime(m, "published"),
		Hash:      mstr(m, "hash"),
		Body:      mstr(m, "body"),
	}
}

func incidentOf(m map[string]any) store.Incident {
	return store.Incident{
		ID:           mstr(m, "id"),
		Name:         mstr(m, "name"),
		Aliases:      mstrs(m, "aliases"),
		Year:         mint(m, "year"),
		AttributedTo: mstrs(m, "attributedTo"),
		Targeted:     mstrs(m, "targeted"),
	}
}

func reportOf(m map[string]any) store.Report {
	return store.Report{
		ArticleID:  mstr(m, "articleId"),
		Index:      mint(m, "idx"),
		Kind:       store.StatementKind(mstr(m, "kind")),
		SpeakerID:  mstr(m, "speakerId"),
		TargetID:   mstr(m, "targetId"),
		IncidentID: mstr(m, "incidentId"),
		Date:       mtime(m, "date"),
		Evidence:   mstr(m, "evidence"),
		Quote:      mstr(m, "quote"),
		Confidence: mfloat(m, "confidence"),
	}
}

// statementOf decodes a statement map with its reports (a list of report maps) and
// respondsTo ids.
func statementOf(m map[string]any, reports []any, respondsTo []string) store.Statement {
	st := store.Statement{
		ID:         mstr(m, "id"),
		Kind:       store.StatementKind(mstr(m, "kind")),
		SpeakerIDs: mstrs(m, "speakerIds"),
		TargetIDs:  mstrs(m, "targetIds"),
		IncidentID: mstr(m, "incidentId"),
		Date:       mtime(m, "date"),
		Confidence: mfloat(m, "confidence"),
	}
	for _, r := range reports {
		if rm := mmap(r); rm != nil {
			st.Reports = append(st.Reports, reportOf(rm))
		}
	}
	store.SortReports(st.Reports)
	if len(respondsTo) > 0 {
		st.RespondsTo = slices.Sorted(slices.Values(respondsTo))
	}
	return st
}

func edgeOf(kind store.StatementKind, m map[string]any) store.Edge {
	return store.Edge{
		SpeakerID:    mstr(m, "s"),
		Kind:         kind,
		TargetID:     mstr(m, "t"),
		Count:        mint(m, "count"),
		Reports:      mint(m, "reports"),
		First:        mtime(m, "first"),
		Last:         mtime(m, "last"),
		StatementIDs: mstrs(m, "statementIds"),
	}
}

// kindOf checks a relationship type read back from the graph.
func kindOf(t string) (store.StatementKind, error) {
	k := store.StatementKind(t)
	if !k.Valid() {
		return "", fmt.Errorf("neo4jstore: unexpected edge type %q", t)
	}
	return k, nil
}
