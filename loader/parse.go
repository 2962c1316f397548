package loader

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"path"
	"slices"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
)

// DefaultMaxBytes is the input size limit when Options.MaxBytes is zero.
const DefaultMaxBytes = 10 << 20

// Format is an input format. The zero value asks Parse to detect it.
type Format string

// The formats Parse reads. Scraped page text and plain text are one format:
// plain text is page text without the site's frame.
const (
	FormatAuto  Format = ""
	FormatText  Format = "text"
	FormatJSON  Format = "json"  // one object, or an array of objects
	FormatJSONL Format = "jsonl" // one object per line
	FormatHTML  Format = "html"
	FormatFeed  Format = "feed" // RSS 2.0, RSS 1.0 or Atom
)

// Options tune reading. The zero value is ready to use.
type Options struct {
	// MaxBytes is the largest input accepted, before and after gzip
	// decompression; 0 means DefaultMaxBytes, a negative value no limit.
	MaxBytes int64
	// Format forces every input to be read as this format instead of
	// detecting it from the name and the content.
	Format Format
	// HTTPClient fetches http(s) inputs in Read; nil means a client with a
	// 30-second timeout.
	HTTPClient *http.Client
	// Languages, when set, lists the ISO 639-1 codes accepted: an article
	// detected in another language is not returned but reported as an *Error
	// wrapping ErrLanguage (so a caller can count it as skipped rather than
	// failed). Articles too short to tell are accepted.
	Languages []string
	// Stdin is what Read reads for the input "-"; nil means os.Stdin.
	Stdin io.Reader
}

func (o Options) maxBytes() int64 {
	switch {
	case o.MaxBytes == 0:
		return DefaultMaxBytes
	case o.MaxBytes < 0:
		return 1<<63 - 1
	}
	return o.MaxBytes
}

// Parse reads the articles in data, which came from source (a path, URL or
// "-"; used in Article.Source and in errors, and its extension as a format
// hint). It detects the format (see Format), unpacks gzip, and returns clean
// articles: publisher names resolved (PublisherName), language detected
// (DetectLanguage), each body paragraph once and no boilerplate.
//
// A problem with the whole input (empty, binary, not UTF-8, too large,
// truncated JSON) returns no articles and an *Error. In JSON Lines, a JSON
// array and feeds, a bad record does not stop the others: Parse returns the
// good articles together with an error joining one *Error per bad record
// (errors.Join; see Errors to list them).
func Parse(source string, data []byte, opts Options) ([]Article, error) {
	limit := opts.maxBytes()
	if int64(len(data)) > limit {
		return nil, newError(source, 0, fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(data), limit))
	}
	if isGzip(data) {
		un, err := gunzip(data, limit)
		if err != nil {
			return nil, newError(source, 0, err)
		}
		data = un
		source = strings.TrimSuffix(source, ".gz")
	}
	data = decodeUTF16(data)
	if len(bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\ufeff")))) == 0 {
		return nil, newError(source, 0, ErrEmpty)
	}
	if looksBinary(data) {
		return nil, newError(source, 0, ErrBinary)
	}
	format := opts.Format
	if format == FormatAuto {
		format = DetectFormat(source, data)
	}
	if !utf8.Valid(data) {
		if format != FormatHTML && format != FormatFeed {
			line := 1 + bytes.Count(data[:firstInvalid(data)], []byte("\n"))
			return nil, newError(source, line, ErrNotUTF8)
		}
		dec, err := toUTF8(data)
		if err != nil {
			return nil, newError(source, 0, fmt.Errorf("%w: %v", ErrNotUTF8, err))
		}
		data = dec
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))

	var (
		arts []Article
		err  error
	)
	switch format {
	case FormatJSON, FormatJSONL:
		arts, err = parseJSON(source, data, format)
	case FormatHTML:
		var a Article
		a, err = parseHTML(source, data)
		if err == nil {
			arts = []Article{a}
		}
	case FormatFeed:
		arts, err = parseFeed(source, data)
	case FormatText:
		arts = []Article{textArticle(string(data))}
	default:
		return nil, newError(source, 0, fmt.Errorf("unknown format %q", format))
	}
	if err != nil && len(arts) == 0 && !isJoined(err) {
		var le *Error
		if !errors.As(err, &le) {
			err = newError(source, 0, err)
		}
		return nil, err
	}
	var errs []error
	if err != nil {
		errs = append(errs, err)
	}
	out := arts[:0]
	for _, a := range arts {
		if a.Source == "" {
			a.Source = source
		}
		finish(&a)
		if len(a.Paragraphs) == 0 {
			errs = append(errs, newError(a.Source, 0, ErrNoArticle))
			continue
		}
		if len(opts.Languages) > 0 && a.Language != "" && !slices.Contains(opts.Languages, a.Language) {
			errs = append(errs, newError(a.Source, 0, fmt.Errorf("%w: detected %q, accepted %s", ErrLanguage, a.Language, strings.Join(opts.Languages, ", "))))
			continue
		}
		out = append(out, a)
	}
	if len(errs) == 1 && len(out) == 0 {
		return nil, errs[0]
	}
	return out, errors.Join(errs...)
}

// Errors lists the *Error values in an error returned by Parse or Read: one for
// a single failure, several for a joined error.
func Errors(err error) []*Error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []*Error
		for _, e := range j.Unwrap() {
			out = append(out, Errors(e)...)
		}
		return out
	}
	var le *Error
	if errors.As(err, &le) {
		return []*Error{le}
	}
	return []*Error{{Err: err}}
}

func isJoined(err error) bool {
	_, ok := err.(interface{ Unwrap() []error })
	return ok
}

// finish normalizes an article: trimmed fields, publisher name, language.
func finish(a *Article) {
	a.Title = strings.Join(strings.Fields(a.Title), " ")
	a.URL = strings.TrimSpace(a.URL)
	a.Publisher = PublisherName(strings.Join(strings.Fields(a.Publisher), " "))
	kept := a.Paragraphs[:0]
	for _, p := range a.Paragraphs {
		if p = strings.TrimSpace(p); p != "" {
			kept = append(kept, p)
		}
	}
	a.Paragraphs = kept
	if a.Language == "" || len(a.Language) != 2 {
		a.Language = DetectLanguage(a.Title + "\n" + a.Body())
	}
}

// textArticle reads scraped page text or plain text into an Article.
func textArticle(text string) Article {
	r := parseText(text)
	return Article{Title: r.Title, Published: r.Published, Publisher: r.Publisher, Paragraphs: r.Paragraphs}
}

// DetectFormat guesses an input's format from its name and its first bytes.
func DetectFormat(source string, data []byte) Format {
	name := strings.ToLower(strings.TrimSuffix(source, ".gz"))
	if i := strings.IndexAny(name, "?#"); i >= 0 && strings.Contains(name, "://") {
		name = name[:i]
	}
	ext := path.Ext(name)
	head := bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\ufeff")))
	if len(head) > 4096 {
		head = head[:4096]
	}
	lower := bytes.ToLower(head)
	switch ext {
	case ".jsonl", ".ndjson":
		return FormatJSONL
	case ".json":
		if jsonLines(data) {
			return FormatJSONL
		}
		return FormatJSON
	case ".rss", ".atom":
		return FormatFeed
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	}
	switch {
	case len(head) > 0 && (head[0] == '{' || head[0] == '['):
		if jsonLines(data) {
			return FormatJSONL
		}
		if jsonStart(head) {
			return FormatJSON
		}
	case bytes.HasPrefix(head, []byte("<")):
		if bytes.Contains(lower, []byte("<rss")) || bytes.Contains(lower, []byte("<feed")) || bytes.Contains(lower, []byte("<rdf:rdf")) {
			if !bytes.Contains(lower, []byte("<html")) {
				return FormatFeed
			}
		}
		return FormatHTML
	}
	if ext == ".xml" {
		return FormatFeed
	}
	return FormatText
}

// jsonStart reports whether head starts a JSON object or array rather than
// text that opens with a brace or bracket ("[Updated] ...").
func jsonStart(head []byte) bool {
	rest := bytes.TrimSpace(head[1:])
	if len(rest) == 0 {
		return true
	}
	if head[0] == '{' {
		return rest[0] == '"' || rest[0] == '}'
	}
	return strings.ContainsRune(`{["0123456789-tfn]`, rune(rest[0]))
}

// jsonLines reports whether data holds several lines that each start a JSON
// object, the first of them complete.
func jsonLines(data []byte) bool {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), len(data)+1)
	n := 0
	for sc.Scan() {
		l := bytes.TrimSpace(sc.Bytes())
		if len(l) == 0 {
			continue
		}
		if l[0] != '{' {
			return false
		}
		if n == 0 && !json.Valid(l) {
			return false
		}
		n++
		if n >= 2 {
			return true
		}
	}
	return false
}

func isGzip(data []byte) bool { return len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b }

func gunzip(data []byte, limit int64) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	defer zr.Close()
	out, err := io.ReadAll(io.LimitReader(zr, limit+1))
	if err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	if int64(len(out)) > limit {
		return nil, fmt.Errorf("%w: more than %d bytes after gzip decompression", ErrTooLarge, limit)
	}
	return out, nil
}

// looksBinary reports NUL bytes or many control characters near the start.
func looksBinary(data []byte) bool {
	head := data
	if len(head) > 8192 {
		head = head[:8192]
	}
	ctrl := 0
	for _, b := range head {
		if b == 0 {
			return true
		}
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			ctrl++
		}
	}
	return ctrl*20 > len(head)
}

// decodeUTF16 turns UTF-16 text with a byte-order mark into UTF-8.
func decodeUTF16(data []byte) []byte {
	if len(data) < 2 || len(data)%2 != 0 {
		return data
	}
	var le bool
	switch {
	case data[0] == 0xff && data[1] == 0xfe:
		le = true
	case data[0] == 0xfe && data[1] == 0xff:
	default:
		return data
	}
	u := make([]uint16, 0, len(data)/2-1)
	for i := 2; i+1 < len(data); i += 2 {
		if le {
			u = append(u, uint16(data[i])|uint16(data[i+1])<<8)
		} else {
			u = append(u, uint16(data[i])<<8|uint16(data[i+1]))
		}
	}
	return []byte(string(utf16.Decode(u)))
}

func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(data)
}

// toUTF8 decodes an HTML or XML document in the charset it declares (or
// that its bytes suggest).
func toUTF8(data []byte) ([]byte, error) {
	r, err := charset.NewReader(bytes.NewReader(data), "")
	if err != nil {
		return nil, err
	}
	out, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	if !utf8.Valid(out) {
		return nil, errors.New("cannot decode")
	}
	return out, nil
}
