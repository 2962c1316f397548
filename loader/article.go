package loader

import (
	"strings"
	"time"
)

// Article is one clean article as read from any input format, before extraction.
type Article struct {
	Title     string
	URL       string    // canonical URL when known
	Publisher string    // the outlet's name ("El País"), not a slug
	Published time.Time // zero when unknown
	Language  string    // ISO 639-1 code detected from the body ("en")
	// Paragraphs holds the body, boilerplate removed, each paragraph once.
	Paragraphs []string
	// Source names where the article came from for error messages: a file path,
	// "path:line" for JSON Lines, a feed item's link, or "-" for stdin.
	Source string
}

// Body is the article's text: its paragraphs separated by blank lines.
func (a Article) Body() string { return strings.Join(a.Paragraphs, "\n\n") }
