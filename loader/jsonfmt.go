package loader

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"time"
)

// Field names accepted in JSON records, compared lower-cased without "_" and
// "-". They cover the shapes of common news datasets and APIs (NewsAPI,
// GDELT-style exports, the Guardian API, newspaper3k/trafilatura dumps,
// Common Crawl news extracts).
var (
	titleKeys     = []string{"title", "headline", "heading", "webtitle"}
	bodyKeys      = []string{"text", "body", "content", "article", "articlebody", "fulltext", "maintext", "articletext", "story", "bodytext"}
	summaryKeys   = []string{"description", "summary", "abstract", "snippet", "lead", "teaser"}
	urlKeys       = []string{"url", "canonicalurl", "canonical", "link", "sourceurl", "articleurl", "weburl", "uri", "permalink", "href"}
	dateKeys      = []string{"published", "publishedat", "pubdate", "date", "datepublished", "publishdate", "publisheddate", "publicationdate", "publishedtime", "webpublicationdate", "datetime", "created", "createdat", "time", "timestamp", "seendate"}
	publisherKeys = []string{"publisher", "source", "site", "sitename", "outlet", "sourcename", "publication", "newspaper", "media", "domain"}
	languageKeys  = []string{"language", "lang", "languagecode"}
	wrapperKeys   = []string{"articles", "items", "data", "results", "entries", "documents", "docs", "news", "stories", "records", "response"}
)

// parseJSON reads one JSON value (an article object, an array of them, or an
// object wrapping such an array) or JSON Lines.
func parseJSON(source string, data []byte, format Format) ([]Article, error) {
	if format == FormatJSONL {
		return parseJSONLines(source, data)
	}
	var v any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return nil, jsonError(source, data, dec, err, 0)
	}
	if _, err := dec.Token(); err != io.EOF {
		// More after the first value: try it as JSON Lines.
		return parseJSONLines(source, data)
	}
	recs, err := records(v)
	if err != nil {
		return nil, newError(source, 0, err)
	}
	var arts []Article
	var errs []error
	for i, r := range recs {
		a, err := recordArticle(r)
		if err != nil {
			errs = append(errs, newError(fmt.Sprintf("%s[%d]", source, i), 0, err))
			continue
		}
		if len(recs) > 1 {
			a.Source = fmt.Sprintf("%s[%d]", source, i)
		}
		arts = append(arts, a)
	}
	if len(arts) == 0 && len(errs) == 1 {
		return nil, newError(source, 0, errors.Unwrap(errs[0]))
	}
	return arts, errors.Join(errs...)
}

// parseJSONLines reads one JSON object per line; a bad line is an *Error
// naming that line and the others are still read.
func parseJSONLines(source string, data []byte) ([]Article, error) {
	var arts []Article
	var errs []error
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), len(data)+1)
	line := 0
	for sc.Scan() {
		line++
		l := bytes.TrimSpace(sc.Bytes())
		if len(l) == 0 {
			continue
		}
		src := fmt.Sprintf("%s:%d", source, line)
		var v any
		dec := json.NewDecoder(bytes.NewReader(l))
		dec.UseNumber()
		if err := dec.Decode(&v); err != nil {
			e := jsonError(source, l, dec, err, line)
			errs = append(errs, e)
			continue
		}
		if _, err := dec.Token(); err != io.EOF {
			errs = append(errs, newError(source, line, fmt.Errorf("%w: more than one value on the line", ErrBadJSON)))
			continue
		}
		m, ok := v.(map[string]any)
		if !ok {
			errs = append(errs, newError(source, line, fmt.Errorf("%w: a line must hold a JSON object", ErrBadJSON)))
			continue
		}
		a, err := recordArticle(m)
		if err != nil {
			errs = append(errs, newError(source, line, err))
			continue
		}
		a.Source = src
		arts = append(arts, a)
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, newError(source, line+1, err))
	}
	return arts, errors.Join(errs...)
}

// jsonError turns a decoding error into an *Error with the line it is on.
// line is the JSON Lines line number, or 0 for a whole-file value.
func jsonError(source string, data []byte, dec *json.Decoder, err error, line int) *Error {
	var syn *json.SyntaxError
	offset := dec.InputOffset()
	truncated := errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF)
	if errors.As(err, &syn) {
		offset = syn.Offset
		if int(syn.Offset) >= len(bytes.TrimRight(data, " \t\r\n")) {
			truncated = true
		}
	}
	if truncated {
		offset = int64(len(bytes.TrimRight(data, " \t\r\n")))
	}
	if line == 0 {
		if offset > int64(len(data)) {
			offset = int64(len(data))
		}
		line = 1 + bytes.Count(data[:offset], []byte("\n"))
	}
	if truncated {
		return newError(source, line, fmt.Errorf("%w: unexpected end of input", ErrTruncatedJSON))
	}
	return newError(source, line, fmt.Errorf("%w: %v", ErrBadJSON, err))
}

// records finds the article objects in a decoded JSON value.
func records(v any) ([]map[string]any, error) {
	switch t := v.(type) {
	case map[string]any:
		if isArticleRecord(t) {
			return []map[string]any{t}, nil
		}
		for _, k := range wrapperKeys {
			if inner, ok := field(t, k); ok {
				if recs, err := records(inner); err == nil {
					return recs, nil
				}
			}
		}
		return nil, errors.New("no article fields (title, text, body, content, url...) in the JSON object")
	case []any:
		var out []map[string]any
		for i, e := range t {
			m, ok := e.(map[string]any)
			if !ok {
				return nil, fmt.Errorf("%w: array item %d is not an object", ErrBadJSON, i)
			}
			out = append(out, m)
		}
		if len(out) == 0 {
			return nil, ErrEmpty
		}
		return out, nil
	}
	return nil, fmt.Errorf("%w: expected an object or an array of objects", ErrBadJSON)
}

func isArticleRecord(m map[string]any) bool {
	for _, keys := range [][]string{titleKeys, bodyKeys, summaryKeys} {
		for _, k := range keys {
			if _, ok := field(m, k); ok {
				return true
			}
		}
	}
	return false
}

// field looks a key up ignoring case, "_" and "-".
func field(m map[string]any, key string) (any, bool) {
	if v, ok := m[key]; ok && v != nil {
		return v, true
	}
	for k, v := range m {
		if v != nil && fieldKey(k) == key {
			return v, true
		}
	}
	return nil, false
}

var keyReplacer = strings.NewReplacer("_", "", "-", "", " ", "")

func fieldKey(k string) string { return strings.ToLower(keyReplacer.Replace(k)) }

// stringField returns the first of keys holding a non-empty string (or a
// name inside an object, as in "source": {"name": "BBC News"}).
func stringField(m map[string]any, keys []string) string {
	for _, k := range keys {
		v, ok := field(m, k)
		if !ok {
			continue
		}
		if s := asString(v); s != "" {
			return s
		}
	}
	return ""
}

func asString(v any) string {
	switch t := v.(type) {
	case string:
		return strings.TrimSpace(t)
	case json.Number:
		return t.String()
	case map[string]any:
		for _, k := range []string{"name", "title", "value", "text", "href", "url", "id"} {
			if s, ok := t[k].(string); ok && strings.TrimSpace(s) != "" {
				return strings.TrimSpace(s)
			}
		}
	case []any:
		for _, e := range t {
			if s := asString(e); s != "" {
				return s
			}
		}
	}
	return ""
}

// bodyField returns the body as text: a string, or a list of paragraphs.
func bodyField(m map[string]any, keys []string) string {
	for _, k := range keys {
		v, ok := field(m, k)
		if !ok {
			continue
		}
		switch t := v.(type) {
		case string:
			if strings.TrimSpace(t) != "" {
				return t
			}
		case []any:
			var parts []string
			for _, e := range t {
				if s := asString(e); s != "" {
					parts = append(parts, s)
				}
			}
			if len(parts) > 0 {
				return strings.Join(parts, "\n\n")
			}
		case map[string]any:
			if s := asString(t); s != "" {
				return s
			}
		}
	}
	return ""
}

func dateField(m map[string]any) (time.Time, bool) {
	for _, k := range dateKeys {
		v, ok := field(m, k)
		if !ok {
			continue
		}
		switch t := v.(type) {
		case json.Number:
			f, err := t.Float64()
			if err != nil || f <= 0 {
				continue
			}
			if f > 1e12 { // milliseconds
				f /= 1000
			}
			sec, frac := math.Modf(f)
			return time.Unix(int64(sec), int64(frac*1e9)).UTC(), true
		default:
			if s := asString(v); s != "" {
				if d, err := ParseDate(s); err == nil {
					return d, true
				}
			}
		}
	}
	return time.Time{}, false
}

// recordArticle turns one JSON record into an Article. A body that is HTML is
// read as HTML; a body that is page text goes through the page-text parser,
// whose title, date and publisher fill what the record lacks.
func recordArticle(m map[string]any) (Article, error) {
	a := Article{
		Title:     stringField(m, titleKeys),
		URL:       stringField(m, urlKeys),
		Publisher: stringField(m, publisherKeys),
	}
	if lang := strings.ToLower(stringField(m, languageKeys)); len(lang) >= 2 && (len(lang) == 2 || lang[2] == '-' || lang[2] == '_') {
		a.Language = lang[:2]
	}
	if t, ok := dateField(m); ok {
		a.Published = t
	}
	body := bodyField(m, bodyKeys)
	if body == "" {
		body = bodyField(m, summaryKeys)
	}
	if body == "" {
		return a, fmt.Errorf("%w: the record has no text, body or content field", ErrNoArticle)
	}
	if looksHTML(body) {
		a.Paragraphs = htmlParagraphs(body)
	} else {
		r := parseText(body)
		a.Paragraphs = r.Paragraphs
		if a.Title == "" {
			a.Title = r.Title
		}
		if a.Published.IsZero() {
			a.Published = r.Published
		}
		if a.Publisher == "" {
			a.Publisher = r.Publisher
		}
	}
	a.Paragraphs = withoutTitle(a.Paragraphs, a.Title)
	if !strings.HasPrefix(a.URL, "http://") && !strings.HasPrefix(a.URL, "https://") {
		a.URL = ""
	}
	return a, nil
}

// withoutTitle drops paragraphs that are the title again.
func withoutTitle(paras []string, title string) []string {
	k := alnumKey(title)
	if k == "" {
		return paras
	}
	out := paras[:0]
	for _, p := range paras {
		if alnumKey(p) != k {
			out = append(out, p)
		}
	}
	return out
}
