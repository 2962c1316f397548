package loader

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	// The US zones ("ET", "PT") follow daylight saving from the IANA database:
	// embedded, so a page's date is read alike on a machine without one.
	_ "time/tzdata"

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
	"2.1.2006",
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
// "21st December, 2020", "24-03-2022 05:34 IST", the timestamps news sites
// print ("3:14 PM EST, Tue March 4, 2025", "March 4, 2025 at 3:14 p.m. EDT",
// "Tue 4 Mar 2025 14.10 GMT", "March 4, 2025 3:14 PM GMT+8"; see parseStamp)
// and, through github.com/itlightning/dateparse, most other unambiguous
// forms. A date without a zone is taken as UTC; a stated offset or a known
// zone abbreviation is kept with the wall time as printed, so the date part
// is the day the source printed. Relative times ("2 hours ago") are errors.
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
	if t, ok := parseStamp(clean); ok {
		return t, nil
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

// dateOnlyLayouts are the calendar dates parseStamp accepts once the clock
// time, zone, weekday and joining words are taken out of a timestamp.
var dateOnlyLayouts = []string{
	"January 2 2006", "Jan 2 2006", "2 January 2006", "2 Jan 2006",
	"2006-01-02", "2006.01.02", "2006/01/02", "02-01-2006", "02.01.2006",
}

var (
	// rxClock is a clock time: "3:14 PM", "3:14pm", "3:14 p.m.", "14:10",
	// "14:10:05", and the dotted "14.10" British sites print.
	rxClock = regexp.MustCompile(`(?i)(?:^|[\s,|(])(\d{1,2})(?::(\d{2})(?::(\d{2}))?|\.(\d{2}))(?:\s*([ap])\.?\s?m\b\.?)?(?:$|[\s,|)])`)
	// rxZone is a zone after the clock time: "GMT+8", "UTC+05:30", "+0530",
	// or an abbreviation from zoneAbbrevs.
	rxZone      = regexp.MustCompile(`^\s*(?:\(?\s*(?:(GMT|UTC)\s*(?:([+-])(\d{1,2})(?::?(\d{2}))?)?|([+-])(\d{2}):?(\d{2})|([A-Z]{2,5}))\s*\)?)(?:$|[\s,|])`)
	rxMonthDot  = regexp.MustCompile(`(?i)\b(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.`)
	rxStampJunk = regexp.MustCompile(`(?i)(?:^|\s)(?:at|on|-|–|—|\|)(?:\s|$)|,|\|`)
)

// zoneAbbrevs are the zone abbreviations news sites print, as offsets from
// UTC in minutes, or as an IANA zone for the ones without a season ("ET").
// IST is India's, the common one in English-language news.
var zoneAbbrevs = map[string]int{
	"UTC": 0, "GMT": 0, "Z": 0, "BST": 60, "IST": 330, "CET": 60, "CEST": 120,
	"WET": 0, "WEST": 60, "EET": 120, "EEST": 180, "MSK": 180, "TRT": 180,
	"GST": 240, "PKT": 300, "ICT": 420, "WIB": 420, "HKT": 480, "SGT": 480,
	"PHT": 480, "AWST": 480, "JST": 540, "KST": 540, "AEST": 600, "AEDT": 660,
	"NZST": 720, "NZDT": 780, "EST": -300, "EDT": -240, "CST": -360, "CDT": -300,
	"MST": -420, "MDT": -360, "PST": -480, "PDT": -420, "AKST": -540, "AKDT": -480,
	"HST": -600,
}

var seasonalZones = map[string]struct {
	iana string
	std  int
}{
	"ET": {"America/New_York", -300}, "CT": {"America/Chicago", -360},
	"MT": {"America/Denver", -420}, "PT": {"America/Los_Angeles", -480},
}

// parseStamp reads a timestamp that joins a calendar date, a clock time and
// a zone in any order with commas, "at" or bars between them: "3:14 PM EST,
// Tue March 4, 2025", "March 4, 2025 at 3:14 p.m. EDT", "Tue 4 Mar 2025
// 14.10 GMT", "3:14pm, 4 Mar 2025", "March 4, 2025 3:14 PM GMT+8". The wall
// time is kept as printed, with the zone's offset when the zone is known.
func parseStamp(s string) (time.Time, bool) {
	var hour, minute, sec int
	loc := time.UTC
	rest := s
	if m := rxClock.FindStringSubmatchIndex(s); m != nil {
		sub := func(i int) string {
			if m[2*i] < 0 {
				return ""
			}
			return s[m[2*i]:m[2*i+1]]
		}
		hour, minute, sec = atoi(sub(1)), atoi(sub(2)), atoi(sub(3))
		if sub(4) != "" {
			minute = atoi(sub(4))
		}
		if ap := strings.ToLower(sub(5)); ap != "" {
			if hour < 1 || hour > 12 {
				return time.Time{}, false
			}
			hour %= 12
			if ap == "p" {
				hour += 12
			}
		}
		if hour > 23 || minute > 59 || sec > 59 {
			return time.Time{}, false
		}
		end := m[1]
		if end > m[0] && strings.ContainsAny(s[end-1:end], " ,|)") {
			end-- // the delimiter after the time belongs to what follows
		}
		after := s[end:]
		if z := rxZone.FindStringSubmatchIndex(after); z != nil {
			zs := func(i int) string {
				if z[2*i] < 0 {
					return ""
				}
				return after[z[2*i]:z[2*i+1]]
			}
			switch {
			case zs(3) != "":
				loc = fixedZone(zs(1)+zs(2)+zs(3)+zs(4), zs(2), zs(3), zs(4))
			case zs(6) != "":
				loc = fixedZone(zs(5)+zs(6)+zs(7), zs(5), zs(6), zs(7))
			case zs(1) != "":
				// GMT / UTC
			default:
				l, ok := abbrevZone(zs(8))
				if !ok {
					return time.Time{}, false
				}
				loc = l
			}
			zend := z[1]
			if zend > 0 && strings.ContainsAny(after[zend-1:zend], " ,|") {
				zend--
			}
			after = after[zend:]
		}
		rest = s[:m[0]] + " " + after
	}
	rest = rxWeekday.ReplaceAllString(strings.TrimSpace(rest), "")
	rest = rxStampJunk.ReplaceAllString(rest, " ")
	rest = rxMonthDot.ReplaceAllString(rest, "$1 ")
	rest = strings.Join(strings.Fields(rxWeekday.ReplaceAllString(strings.TrimSpace(rest), "")), " ")
	for _, l := range dateOnlyLayouts {
		if d, err := time.Parse(l, rest); err == nil {
			return time.Date(d.Year(), d.Month(), d.Day(), hour, minute, sec, 0, loc), true
		}
	}
	return time.Time{}, false
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}

// fixedZone is a zone of a stated offset ("+8", "+05:30").
func fixedZone(name, sign, hours, minutes string) *time.Location {
	off := atoi(hours)*3600 + atoi(minutes)*60
	if sign == "-" {
		off = -off
	}
	return time.FixedZone(name, off)
}

// abbrevZone resolves a zone abbreviation from zoneAbbrevs or seasonalZones.
func abbrevZone(abbr string) (*time.Location, bool) {
	if off, ok := zoneAbbrevs[abbr]; ok {
		if off == 0 {
			return time.UTC, true
		}
		return time.FixedZone(abbr, off*60), true
	}
	if z, ok := seasonalZones[abbr]; ok {
		if l, err := time.LoadLocation(z.iana); err == nil {
			return l, true
		}
		return time.FixedZone(abbr, z.std*60), true
	}
	return nil, false
}
