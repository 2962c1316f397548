package export

import (
	"context"
	"fmt"
	"strconv"
	"time"
)

// gexfType is the GEXF attribute type of a column type.
func gexfType(t colType) string {
	switch t {
	case tInt:
		return "integer"
	case tDouble:
		return "double"
	}
	return "string"
}

// gexfTitle renames the node column "label": a GEXF node's label attribute is
// its display name (readers such as networkx store it as "label").
func gexfTitle(name string) string {
	if name == "label" {
		return "type"
	}
	return name
}

// writeGEXF writes g as a dynamic GEXF 1.3 graph (timeformat "date"): direct
// edges live from their first to their last statement, statements and reports
// from their day, articles from their publication, so Gephi's timeline plays
// the graph. Node labels are names; the Neo4j label is the attribute "type".
func writeGEXF(ctx context.Context, w *out, g *graph) error {
	w.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
		`<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"` +
		` xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">` + "\n" +
		"  <meta>\n    <creator>Demarche</creator>\n    <description>diplomatic statements knowledge graph</description>\n  </meta>\n" +
		`  <graph mode="dynamic" defaultedgetype="directed" timeformat="date">` + "\n")
	nodeCols, relCols := columns(g.nodes), columns(g.rels)
	attrs := func(class string, cols []column, extra ...column) map[string]string {
		ids := map[string]string{}
		fmt.Fprintf(w, `    <attributes class="%s" mode="static">`+"\n", class)
		for i, c := range append(extra, cols...) {
			id := strconv.Itoa(i)
			ids[c.name] = id
			fmt.Fprintf(w, `      <attribute id="%s" title="%s" type="%s"/>`+"\n", id, gexfTitle(c.name), gexfType(c.typ))
		}
		w.WriteString("    </attributes>\n")
		return ids
	}
	nodeIDs := attrs("node", nodeCols)
	relIDs := attrs("edge", relCols, column{"kind", tString})
	attvalues := func(ids map[string]string, cols []column, values []any, kind string) {
		w.WriteString("        <attvalues>\n")
		if kind != "" {
			fmt.Fprintf(w, `          <attvalue for="%s" value="%s"/>`+"\n", ids["kind"], kind)
		}
		for i, c := range cols {
			v, ok := formatValue(values[i])
			if !ok {
				continue
			}
			w.WriteString(`          <attvalue for="`)
			w.WriteString(ids[c.name])
			w.WriteString(`" value="`)
			xmlText(w, v)
			w.WriteString("\"/>\n")
		}
		w.WriteString("        </attvalues>\n")
	}
	interval := func(start, end time.Time) {
		if !start.IsZero() {
			fmt.Fprintf(w, ` start="%s"`, start.UTC().Format(time.DateOnly))
		}
		if !end.IsZero() {
			fmt.Fprintf(w, ` end="%s"`, end.UTC().Format(time.DateOnly))
		}
	}
	w.WriteString("    <nodes>\n")
	for _, sec := range g.nodes {
		err := sec.walk(ctx, func(e *element) error {
			if err := w.check(ctx); err != nil {
				return err
			}
			w.WriteString(`      <node id="`)
			xmlText(w, e.id)
			w.WriteString(`" label="`)
			xmlText(w, e.name)
			w.WriteString(`"`)
			interval(e.start, e.end)
			w.WriteString(">\n")
			attvalues(nodeIDs, sec.cols, e.values, "")
			w.WriteString("      </node>\n")
			return nil
		})
		if err != nil {
			return fmt.Errorf("%s: %w", sec.file, err)
		}
	}
	w.WriteString("    </nodes>\n    <edges>\n")
	for _, sec := range g.rels {
		err := sec.walk(ctx, func(e *element) error {
			if err := w.check(ctx); err != nil {
				return err
			}
			w.WriteString(`      <edge id="`)
			xmlText(w, e.id)
			w.WriteString(`" source="`)
			xmlText(w, e.source)
			w.WriteString(`" target="`)
			xmlText(w, e.target)
			w.WriteString(`" label="`)
			w.WriteString(e.typ)
			w.WriteString(`"`)
			if e.weight > 0 {
				w.WriteString(` weight="` + strconv.FormatFloat(e.weight, 'g', -1, 64) + `"`)
			}
			interval(e.start, e.end)
			w.WriteString(">\n")
			attvalues(relIDs, sec.cols, e.values, e.typ)
			w.WriteString("      </edge>\n")
			return nil
		})
		if err != nil {
			return fmt.Errorf("%s: %w", sec.file, err)
		}
	}
	w.WriteString("    </edges>\n  </graph>\n</gexf>\n")
	return nil
}
