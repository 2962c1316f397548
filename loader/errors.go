package loader

import (
	"errors"
	"fmt"
	"strings"
)

// Problems an input can have. An *Error wraps one of these (or a lower-level
// error), so callers can test with errors.Is.
var (
	ErrEmpty         = errors.New("empty input")
	ErrBinary        = errors.New("binary data, not text")
	ErrNotUTF8       = errors.New("text is not valid UTF-8")
	ErrTruncatedJSON = errors.New("truncated JSON")
	ErrBadJSON       = errors.New("invalid JSON")
	ErrTooLarge      = errors.New("input too large")
	ErrNoArticle     = errors.New("no article text found")
	ErrBadFeed       = errors.New("invalid RSS/Atom feed")
	ErrLanguage      = errors.New("article not in an accepted language")
)

// Error is one input that could not be read: a file, a URL, or one line of a
// JSON Lines file. Its message names the source (and the line) and the problem,
// e.g. "data/a.jsonl:3: truncated JSON: unexpected end of input".
type Error struct {
	Source string // file path, URL, or "-" for stdin
	Line   int    // 1-based line for JSON Lines and JSON syntax errors; 0 when not applicable
	Err    error
}

// Error is one line, whatever the input put in it (a feed item's link, a JSON key).
func (e *Error) Error() string {
	var msg string
	if e.Line > 0 {
		msg = fmt.Sprintf("%s:%d: %v", e.Source, e.Line, e.Err)
	} else {
		msg = fmt.Sprintf("%s: %v", e.Source, e.Err)
	}
	return oneLine.Replace(msg)
}

var oneLine = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ")

func (e *Error) Unwrap() error { return e.Err }

func newError(source string, line int, err error) *Error {
	return &Error{Source: source, Line: line, Err: err}
}
