package export

import (
	"context"
	"fmt"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/demarche/demarche/store"
)

// jsonString writes s as a JSON string. Invalid UTF-8 becomes U+FFFD.
func jsonString(w *out, s string) {
	const hex = "0123456789abcdef"
	w.WriteByte('"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			w.WriteString(s[start:i])
			switch c {
			case '"', '\\':
				w.WriteByte('\\')
				w.WriteByte(c)
			case '\n':
				w.WriteString(`\n`)
			case '\r':
				w.WriteString(`\r`)
			case '\t':
				w.WriteString(`\t`)
			default:
				w.WriteString(`\u00`)
				w.WriteByte(hex[c>>4])
				w.WriteByte(hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			w.WriteString(s[start:i])
			w.WriteString(`\ufffd`)
			i++
			start = i
			continue
		}
		i += size
	}
	w.WriteString(s[start:])
	w.WriteByte('"')
}

// jsonValue writes a column value as JSON (dates as "YYYY-MM-DD" strings).
func jsonValue(w *out, v any) {
	switch x := v.(type) {
	case string:
		jsonString(w, x)
	case int:
		w.WriteString(strconv.Itoa(x))
	case float64:
		w.WriteString(strconv.FormatFloat(x, 'g', -1, 64))
	case time.Time:
		jsonString(w, x.UTC().Format(time.DateOnly))
	case []string:
		w.WriteByte('[')
		for i, s := range x {
			if i > 0 {
				w.WriteByte(',')
			}
			jsonString(w, s)
		}
		w.WriteByte(']')
	default:
		jsonString(w, fmt.Sprint(v))
	}
}

// jsonFields writes `"name":value` pairs of the set columns, each preceded by a comma.
func jsonFields(w *out, cols []column, values []any, skip string) {
	for i, c := range cols {
		if values[i] == nil || c.name == skip {
			continue
		}
		w.WriteByte(',')
		jsonString(w, c.name)
		w.WriteByte(':')
		jsonValue(w, values[i])
	}
}

// writeCytoscape writes g as Cytoscape.js JSON. Node data carry "value" (the id)
// and edge data "key" (the edge id) as well, which networkx's cytoscape_graph
// needs to read a directed multigraph back.
func writeCytoscape(ctx context.Context, w *out, g *graph) error {
	w.WriteString(`{"format_version":"1.0","generated_by":"demarche","target_cytoscapejs_version":"~3.0",`)
	w.WriteString(`"data":{"name":"demarche `)
	w.WriteString(g.name)
	w.WriteString(`"},"directed":true,"multigraph":true,"elements":{"nodes":[`)
	first := true
	sep := func() {
		if !first {
			w.WriteByte(',')
		}
		first = false
		w.WriteByte('\n')
	}
	for _, sec := range g.nodes {
		err := sec.walk(ctx, func(e *element) error {
			if err := w.check(ctx); err != nil {
				return err
			}
			sep()
			w.WriteString(`{"data":{"id":`)
			jsonString(w, e.id)
			w.WriteString(`,"value":`)
			jsonString(w, e.id)
			jsonFields(w, sec.cols, e.values, "")
			w.WriteString("}}")
			return nil
		})
		if err != nil {
			return fmt.Errorf("%s: %w", sec.file, err)
		}
	}
	w.WriteString("\n],\"edges\":[")
	first = true
	for _, sec := range g.rels {
		err := sec.walk(ctx, func(e *element) error {
			if err := w.check(ctx); err != nil {
				return err
			}
			sep()
			w.WriteString(`{"data":{"id":`)
			jsonString(w, e.id)
			w.WriteString(`,"key":`)
			jsonString(w, e.id)
			w.WriteString(`,"source":`)
			jsonString(w, e.source)
			w.WriteString(`,"target":`)
			jsonString(w, e.target)
			w.WriteString(`,"kind":`)
			jsonString(w, e.typ)
			w.WriteString(`,"interaction":`)
			jsonString(w, e.typ)
			jsonFields(w, sec.cols, e.values, "")
			w.WriteString("}}")
			return nil
		})
		if err != nil {
			return fmt.Errorf("%s: %w", sec.file, err)
		}
	}
	w.WriteString("\n]}}\n")
	return nil
}

// writeJSONL writes g as JSON Lines in the shape of APOC's JSON export: one
// {"type":"node",...} line per node, then one {"type":"relationship",...} line
// per relationship whose start and end carry the end nodes' labels.
func writeJSONL(ctx context.Context, w *out, s store.Store, g *graph) error {
	for _, sec := range g.nodes {
		err := sec.walk(ctx, func(e *element) error {
			if err := w.check(ctx); err != nil {
				return err
			}
			w.WriteString(`{"type":"node","id":`)
			jsonString(w, e.id)
			w.WriteString(`,"labels":`)
			jsonValue(w, e.labels)
			w.WriteString(`,"properties":{"id":`)
			jsonString(w, e.id)
			jsonFields(w, sec.cols, e.values, "label")
			w.WriteString("}}\n")
			return nil
		})
		if err != nil {
			return fmt.Errorf("%s: %w", sec.file, err)
		}
	}
	for _, sec := range g.rels {
		err := walkWithEnds(ctx, s, sec, func(e *element, from, to *store.Actor) error {
			if err := w.check(ctx); err != nil {
				return err
			}
			w.WriteString(`{"type":"relationship","id":`)
			jsonString(w, e.id)
			w.WriteString(`,"label":`)
			jsonString(w, e.typ)
			w.WriteString(`,"start":{"id":`)
			jsonString(w, e.source)
			w.WriteString(`,"labels":`)
			jsonValue(w, endLabels(sec.from, from))
			w.WriteString(`},"end":{"id":`)
			jsonString(w, e.target)
			w.WriteString(`,"labels":`)
			jsonValue(w, endLabels(sec.to, to))
			w.WriteString(`},"properties":{`)
			first := true
			for i, c := range sec.cols {
				if e.values[i] == nil {
					continue
				}
				if !first {
					w.WriteByte(',')
				}
				first = false
				jsonString(w, c.name)
				w.WriteByte(':')
				jsonValue(w, e.values[i])
			}
			w.WriteString("}}\n")
			return nil
		})
		if err != nil {
			return fmt.Errorf("%s: %w", sec.file, err)
		}
	}
	return nil
}
