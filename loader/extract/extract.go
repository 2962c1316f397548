package extract

import (
	"strings"
	"time"
)

// Document is one article to extract from. Body holds the text; when
// Paragraphs is set it is used instead of Body.
type Document struct {
	Title      string
	Published  time.Time // zero when unknown
	Publisher  string
	URL        string
	Language   string // ISO 639-1
	Body       string
	Paragraphs []string
}

// Option configures Extract.
type Option func(*config)

type config struct {
	lex     *Lexicon
	minConf float64
}

// DefaultMinConfidence is the confidence below which a statement is left out
// unless WithMinConfidence says otherwise; tuned on the dev set for precision.
const DefaultMinConfidence = 0.6

// WithLexicon makes Extract use lex (from LoadLexicon or ParseLexicon, which
// merge it over the default lexicon) instead of the default lexicon. A
// Lexicon built in code is merged over the default here; one that does not
// validate is ignored.
func WithLexicon(lex *Lexicon) Option {
	return func(c *config) {
		if lex == nil {
			return
		}
		if lex.idx == nil {
			merged := &Lexicon{}
			merged.merge(defaultLexicon)
			merged.merge(lex)
			if merged.Validate() != nil {
				return
			}
			merged.idx = buildIndex(merged)
			lex = merged
		}
		c.lex = lex
	}
}

// WithMinConfidence sets the confidence below which statements are left out.
func WithMinConfidence(min float64) Option {
	return func(c *config) { c.minConf = min }
}

// Extract finds the actors, incidents and statements of one article. It is
// deterministic: the same document and options give the same Result.
func Extract(doc Document, opts ...Option) Result {
	cfg := config{lex: defaultLexicon, minConf: DefaultMinConfidence}
	for _, o := range opts {
		o(&cfg)
	}
	a := newAnalysis(cfg.lex, doc)
	a.segment()        // 1
	a.findMentions()   // 2, 3
	a.resolveCoref()   // 4
	a.findIncidents()  // 6
	a.findStatements() // 5, 6
	return a.assemble(cfg.minConf)
}

// articleInfo fills the result's article fields from the document.
func articleInfo(doc Document) ArticleInfo {
	info := ArticleInfo{Title: strings.TrimSpace(doc.Title), Publisher: doc.Publisher, URL: doc.URL, Language: doc.Language}
	if !doc.Published.IsZero() {
		info.Published = doc.Published.Format(time.RFC3339)
	}
	if info.Language == "" {
		info.Language = "en"
	}
	return info
}
