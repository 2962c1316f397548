package loader

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

//go:embed outlets.tsv
var outletsTSV string

var (
	outletsOnce   sync.Once
	outletByKey   map[string]string
	outletDateOrd map[string]string // outlet name → "dmy" or "mdy"
)

func loadOutlets() {
	outletByKey = make(map[string]string)
	outletDateOrd = make(map[string]string)
	for _, line := range strings.Split(outletsTSV, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, aliases, _ := strings.Cut(line, "\t")
		aliases, order, _ := strings.Cut(aliases, "\t")
		name = strings.TrimSpace(name)
		outletByKey[outletKey(name)] = name
		if o := strings.TrimSpace(order); o == "dmy" || o == "mdy" {
			outletDateOrd[name] = o
		}
		for _, a := range strings.Split(aliases, ",") {
			if k := outletKey(a); k != "" {
				outletByKey[k] = name
			}
		}
	}
}

// PublisherName maps a publisher as found in the input (a slug such as
// "elparis", a domain, an abbreviation, or a name in any case) to the outlet's
// name ("El País") using the embedded outlets.tsv. An unknown publisher is
// returned trimmed, as given.
func PublisherName(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return ""
	}
	outletsOnce.Do(loadOutlets)
	k := outletKey(raw)
	if name, ok := outletByKey[k]; ok {
		return name
	}
	if strings.HasPrefix(k, "www") {
		if name, ok := outletByKey[strings.TrimPrefix(k, "www")]; ok {
			return name
		}
	}
	return raw
}

// outletDateOrder is the order ("dmy" or "mdy") in which a known outlet
// prints all-number dates, or "" when outlets.tsv does not say.
func outletDateOrder(publisher string) string {
	outletsOnce.Do(loadOutlets)
	return outletDateOrd[PublisherName(publisher)]
}

// isKnownOutlet reports whether s names an outlet in outlets.tsv.
func isKnownOutlet(s string) bool {
	outletsOnce.Do(loadOutlets)
	_, ok := outletByKey[outletKey(s)]
	return ok
}

// outletKey is raw lower-cased, without accents and without anything but
// letters and digits: "El País" and "elpais" give the same key.
func outletKey(raw string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, foldAccents(strings.ToLower(raw)))
}

// foldAccents removes combining marks: "País" → "Pais".
func foldAccents(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		return s
	}
	return out
}
