package loader

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/itlightning/dateparse"
)

// layouts are tried before the general-purpose parser: they are the formats
// news data actually uses, and parsing them exactly avoids any ambiguity.
var layouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04Z07:00",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	time.RFC822Z,
	time.RFC822,
	time.RFC850,
	"January 2, 2006",
	"January 2 2006",
	"Jan 2, 2006",
	"Jan. 2, 2006",
	"2 January 2006",
	"2 January, 2006",
	"2 Jan 2006",
	"02-01-2006 15:04",
	"02-01-2006",
	"02.01.2006 15:04",
	"02.01.2006",
	"2006/01/02 15:04",
	"2006/01/02",
}

var (
	rxOrdinal   = regexp.MustCompile(`(?i)\b(\d{1,2})(st|nd|rd|th)\b`)
	rxSpaces    = regexp.MustCompile(`\s+`)
	rxWeekday   = regexp.MustCompile(`(?i)^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+`)
	rxTrailZone = regexp.MustCompile(`\s+(IST|CET|CEST|EET|EEST|MSK|JST|KST|HKT|SGT|AEST|AEDT|BST|PST|PDT|EST|EDT|CST|CDT|MST|MDT|UTC|GMT)$`)
)

// ParseDate reads a publication date in the forms news data uses: ISO-8601 /
// RFC 3339 ("2021-07-20T12:49:34.954Z", "2021-07-20"), RFC 1123 and RFC 822
// ("Tue, 20 Jul 2021 12:49:34 GMT"), "July 20, 2021", "20 July 2021",
// "21st December, 2020", "24-03-2022 05:34 IST" and, through
// github.com/itlightning/dateparse, most other unambiguous forms. A date
// without a zone is taken as UTC; a stated offset is kept, so the date part
// is the day the source printed.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(rxSpaces.ReplaceAllString(s, " "))
	if s == "" {
		return time.Time{}, fmt.Errorf("parse date: empty")
	}
	clean := rxOrdinal.ReplaceAllString(s, "$1")
	for _, c := range []string{clean, rxWeekday.ReplaceAllString(clean, "")} {
		for _, l := range layouts {
			if t, err := time.Parse(l, c); err == nil {
				return t, nil
			}
		}
	}
	// A trailing zone abbreviation that Go cannot resolve: the local wall
	// time is the best information there is, so keep the date.
	if m := rxTrailZone.FindStringIndex(clean); m != nil {
		for _, l := range layouts {
			if t, err := time.Parse(l, clean[:m[0]]); err == nil {
				return t, nil
			}
		}
	}
	t, err := dateparse.ParseIn(clean, time.UTC, dateparse.RetryAmbiguousDateWithSwap(true))
	if err != nil {
		return time.Time{}, fmt.Errorf("parse date %q: %w", s, err)
	}
	if t.Year() < 1800 || t.Year() > 2200 {
		return time.Time{}, fmt.Errorf("parse date %q: year %d out of range", s, t.Year())
	}
	return t, nil
}

const monthNames = `(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`

// rxDateInText finds a full date (with a year) inside running text: ISO dates
// and timestamps, "July 20, 2021", "20 July 2021", "21st December, 2020",
// "24-03-2022".
var rxDateInText = regexp.MustCompile(`\b(?:` +
	`\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?` +
	`|\d{1,2}(?:st|nd|rd|th)?\s+` + monthNames + `,?\s+\d{4}` +
	`|` + monthNames + `\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}` +
	`|\d{2}-\d{2}-\d{4}|\d{1,2}\.\d{1,2}\.\d{4}|\d{4}/\d{2}/\d{2}` +
	`)`)

// findDate returns the first parseable full date in s and where it is.
func findDate(s string) (time.Time, []int, bool) {
	for _, m := range rxDateInText.FindAllStringIndex(s, 4) {
		if t, err := ParseDate(s[m[0]:m[1]]); err == nil {
			return t, m, true
		}
	}
	return time.Time{}, nil, false
}
