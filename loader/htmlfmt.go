package loader

import (
	"bytes"
	"encoding/json"
	"net/url"
	"regexp"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

var rxHTMLTag = regexp.MustCompile(`(?i)<(p|br|div|a|span|b|i|em|strong|h[1-6]|ul|ol|li|blockquote|img|figure|table)\b[^>]*>|</[a-z][a-z0-9]*>`)

// looksHTML reports whether a text field holds HTML markup.
func looksHTML(s string) bool { return len(rxHTMLTag.FindAllStringIndex(s, 2)) >= 2 }

// pageMeta is what a page's head says about the article.
type pageMeta struct {
	Title, Canonical, SiteName string
	Published                  time.Time
}

// parseHTML reads a web page: the main content through go-readability (a
// port of Mozilla's Readability, maintained by readeck), the metadata from
// <link rel=canonical>, Open Graph and article: meta tags and JSON-LD.
func parseHTML(source string, data []byte) (Article, error) {
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return Article{}, err
	}
	meta := readMeta(doc)
	var pageURL *url.URL
	for _, u := range []string{meta.Canonical, source} {
		if p, err := url.Parse(u); err == nil && (p.Scheme == "http" || p.Scheme == "https") {
			pageURL = p
			break
		}
	}
	a := Article{Title: meta.Title, Publisher: meta.SiteName, Published: meta.Published}
	if pageURL != nil {
		a.URL = pageURL.String()
	}
	ra, rerr := readability.FromDocument(doc, pageURL)
	if rerr == nil && ra.Node != nil {
		if a.Title == "" {
			a.Title = ra.Title()
		}
		if a.Publisher == "" {
			a.Publisher = ra.SiteName()
		}
		if a.Published.IsZero() {
			if t, err := ra.PublishedTime(); err == nil {
				a.Published = t
			}
		}
		a.Paragraphs = nodeParagraphs(ra.Node)
	}
	if len(a.Paragraphs) == 0 {
		// Readability found no main content: keep the page's own paragraphs.
		if body := findFirst(doc, atom.Body); body != nil {
			a.Paragraphs = nodeParagraphs(body)
		}
	}
	if a.Title == "" {
		if t := findFirst(doc, atom.Title); t != nil {
			a.Title = cleanTitle(textOf(t))
		}
	}
	a.Paragraphs = cleanParagraphs(withoutTitle(a.Paragraphs, a.Title))
	return a, nil
}

// cleanParagraphs drops furniture and repeats from paragraphs taken from
// markup, where the structure already separated them.
func cleanParagraphs(paras []string) []string {
	var out []string
	inList := false
	for _, p := range paras {
		switch {
		case isListHeading(p):
			inList = true
			continue
		case inList && !isBodyLike(p):
			continue
		case isBoiler(p) || isMetaLine(p):
			continue
		case !isBodyLike(p) && (wordCount(p) <= 2 || !endsSentence(p)):
			continue // navigation, subheadings, captions
		}
		inList = false
		out = append(out, p)
	}
	return dropRepeats(out)
}

// htmlParagraphs turns an HTML fragment (a feed item's content, a JSON body)
// into paragraphs.
func htmlParagraphs(fragment string) []string {
	doc, err := html.Parse(strings.NewReader(fragment))
	if err != nil {
		return splitParagraphs(fragment)
	}
	return cleanParagraphs(nodeParagraphs(doc))
}

var blockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Blockquote: true, atom.Pre: true,
	atom.Table: true, atom.Tr: true, atom.Td: true, atom.Th: true, atom.Dd: true, atom.Dt: true,
	atom.Header: true, atom.Figure: true, atom.Hr: true, atom.Body: true,
}

var skipAtoms = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Nav: true, atom.Footer: true,
	atom.Aside: true, atom.Form: true, atom.Button: true, atom.Svg: true, atom.Iframe: true,
	atom.Figcaption: true, atom.Template: true, atom.Select: true, atom.Head: true,
}

// nodeParagraphs collects the text of n, one paragraph per block element.
func nodeParagraphs(n *html.Node) []string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(strings.Join(strings.Fields(" "+n.Data+" "), " "))
			if strings.TrimSpace(n.Data) != "" {
				if last := n.Data[len(n.Data)-1]; last == ' ' || last == '\n' || last == '\t' {
					b.WriteByte(' ')
				}
			}
			return
		case html.ElementNode:
			if skipAtoms[n.DataAtom] {
				return
			}
			if n.DataAtom == atom.Br {
				b.WriteString("\n")
				return
			}
		}
		block := n.Type == html.ElementNode && blockAtoms[n.DataAtom]
		if block {
			b.WriteString("\n\n")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode && c.PrevSibling != nil && c.PrevSibling.Type == html.ElementNode && !blockAtoms[c.PrevSibling.DataAtom] {
				if strings.HasPrefix(c.Data, " ") || strings.HasPrefix(c.Data, "\n") {
					b.WriteByte(' ')
				}
			}
			walk(c)
		}
		if block {
			b.WriteString("\n\n")
		}
	}
	walk(n)
	var out []string
	for _, block := range strings.Split(b.String(), "\n\n") {
		for _, l := range strings.Split(block, "\n") {
			if l = strings.Join(strings.Fields(l), " "); l != "" {
				out = append(out, l)
			}
		}
	}
	return out
}

func findFirst(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findFirst(c, a); f != nil {
			return f
		}
	}
	return nil
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return strings.TrimSpace(a.Val)
		}
	}
	return ""
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val, true
		}
	}
	return "", false
}

// readMeta reads canonical URL, title, site name and publication time from
// a page's link and meta tags and its JSON-LD.
func readMeta(doc *html.Node) pageMeta {
	var m pageMeta
	var ogURL, ogTitle string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && m.Canonical == "" {
					m.Canonical = attr(n, "href")
				}
			case atom.Meta:
				key := strings.ToLower(attr(n, "property"))
				if key == "" {
					key = strings.ToLower(attr(n, "name"))
				}
				if key == "" {
					key = strings.ToLower(attr(n, "itemprop"))
				}
				val := attr(n, "content")
				switch key {
				case "og:url":
					ogURL = val
				case "og:title":
					ogTitle = val
				case "og:site_name":
					if m.SiteName == "" {
						m.SiteName = val
					}
				case "article:published_time", "datepublished", "pubdate", "publishdate", "dc.date.issued", "dcterms.created", "date", "sailthru.date", "parsely-pub-date":
					if m.Published.IsZero() {
						if t, err := ParseDate(val); err == nil {
							m.Published = t
						}
					}
				}
			case atom.Time:
				_, pubdate := attrOK(n, "pubdate")
				if m.Published.IsZero() && (pubdate || strings.EqualFold(attr(n, "itemprop"), "datePublished")) {
					if t, err := ParseDate(attr(n, "datetime")); err == nil {
						m.Published = t
					}
				}
			case atom.Script:
				if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
					readJSONLD(n.FirstChild.Data, &m)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if m.Canonical == "" {
		m.Canonical = ogURL
	}
	if m.Title == "" {
		m.Title = ogTitle
	}
	return m
}

// readJSONLD takes headline, datePublished, publisher.name and url from a
// schema.org NewsArticle (or any object in an @graph holding them).
func readJSONLD(raw string, m *pageMeta) {
	var v any
	if json.Unmarshal([]byte(raw), &v) != nil {
		return
	}
	var visit func(any)
	visit = func(v any) {
		switch t := v.(type) {
		case []any:
			for _, e := range t {
				visit(e)
			}
		case map[string]any:
			if g, ok := t["@graph"]; ok {
				visit(g)
			}
			if d, ok := t["datePublished"].(string); ok && m.Published.IsZero() {
				if pt, err := ParseDate(d); err == nil {
					m.Published = pt
				}
			}
			if h, ok := t["headline"].(string); ok && m.Title == "" {
				m.Title = strings.TrimSpace(h)
			}
			if p, ok := t["publisher"]; ok && m.SiteName == "" {
				m.SiteName = asString(p)
			}
			if _, isArticle := t["datePublished"]; isArticle && m.Canonical == "" {
				if u, ok := t["url"].(string); ok {
					m.Canonical = u
				}
			}
		}
	}
	visit(v)
}

// htmlParagraphsRaw is htmlParagraphs without dropping furniture.
func htmlParagraphsRaw(fragment string) []string {
	doc, err := html.Parse(strings.NewReader(fragment))
	if err != nil {
		return splitParagraphs(fragment)
	}
	return nodeParagraphs(doc)
}
