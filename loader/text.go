package loader

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Scraped page text is the visible text of a news page as a scraper saved it:
// navigation, a site name and tagline, the title, a timestamp line, a teaser
// that repeats the start of the body, the body with "More information" link
// lists in it, a "Source: <outlet>" line and footer blocks ("You may like",
// "Trends 24h", "Latest", "©"). Plain text is the same without the frame. One
// parser handles both with general rules about the shape of lines, never
// about a particular site:
//
//   - a paragraph is body-like when it is long (15+ words) or a sentence
//     (8+ words ending in . … : or ;);
//   - the body starts at the first body-like paragraph; the lines above it are
//     the header, where the title is the last headline-like line (3–25 words,
//     capitalised, not a sentence, preferring 5+ words) and the timestamp is a
//     line holding a date;
//   - when the header holds no title, a headline-like line after the last
//     body paragraph is taken (pages that print the headline below the text);
//   - footer markers cut the rest; link-list headings drop the list under them;
//     captions, credits, bylines, metadata lines and short non-sentences are
//     dropped from the body;
//   - a paragraph whose text reappears in the paragraphs after it (the teaser)
//     is dropped; a teaser that starts with a standfirst keeps that
//     standfirst, once.

// textResult is what parseText finds in a page text.
type textResult struct {
	Title      string
	Published  time.Time
	Publisher  string
	Paragraphs []string
}

var (
	rxBullet      = regexp.MustCompile(`^\s*[•·*▪►‣◦–—-]\s*`)
	rxBreadcrumb  = regexp.MustCompile(`\s+[>»›]\s+`)
	rxLabelPrefix = regexp.MustCompile(`^[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\s]+[:：]\s*`)
	rxSourceLine  = regexp.MustCompile(`(?i)^(?:source|sources|via)\s*[:：]\s*(\S.{0,60})$`)
	rxDateLabel   = regexp.MustCompile(`(?i)^\s*(?:date|dated|published|posted|updated|last updated|first published|on)?\s*[:：]?\s*`)
	rxDatelineAg  = regexp.MustCompile(`^\s*[A-Z][A-Z .'-]{1,40}(?:,\s*[A-Z][a-z]{2,}\.?\s+\d{1,2})?\s*\(([^()]{2,80})\)\s*(?:[-–—:]|[A-Z])`)
	rxSlashAgency = regexp.MustCompile(`^[^\n]{0,60}?/([A-Z][A-Za-z-]{1,15})/`)
	rxMetaLabel   = regexp.MustCompile(`(?i)\b(?:updated|created|published|posted)\s*:`)
	rxCreditLine  = regexp.MustCompile(`(?i)^\(?\s*(?:reporting|writing|editing|additional reporting|compiled|translated)\s+by\b`)
)

// footerStarts are lines (lower-cased, trimmed) at or after which a page holds
// nothing of the article any more.
var footerStarts = []string{
	"you may like", "you may also like", "trends 24h", "latest", "latest news",
	"most read", "most popular", "recommended for you", "popular now",
	"all news articles on", "©", "copyright ©", "copyright (c)", "back to top",
	"the information on this site is from external sources",
	"share this article", "leave a comment", "comments",
}

// listHeadings introduce lists of links (related stories) inside or after the
// body; the heading and the list items under it are dropped.
var listHeadings = []string{
	"more information", "related", "related articles", "related stories",
	"related news", "related content", "read more", "read also", "see also",
	"also read", "more on this", "more on this story", "more stories",
	"recommended", "recommended stories", "top stories", "相关文章", "相关新闻",
}

// boilerPrefixes start lines that are captions, credits or page furniture.
var boilerPrefixes = []string{
	"photo:", "photo credit", "photos:", "image:", "picture:", "credit:",
	"file photo", "advertisement", "- advertisement", "©", "copyright",
	"all rights reserved", "follow us", "sign up", "subscribe", "click here",
	"read also:", "read more:", "also read:", "see also:", "related:",
	"share this", "share on", "skip to", "toggle navigation",
}

// parseText reads scraped page text or plain text.
func parseText(text string) textResult {
	paras := splitParagraphs(text)
	var res textResult

	// Lines that carry the publisher; they are dropped from the body wherever they are.
	for i, p := range paras {
		if m := rxSourceLine.FindStringSubmatch(p); m != nil && len(strings.Fields(m[1])) <= 6 {
			res.Publisher = PublisherName(strings.TrimRight(m[1], " ."))
			paras[i] = ""
		}
	}

	bodyStart := -1
	for i, p := range paras {
		if p != "" && isBodyLike(p) {
			bodyStart = i
			break
		}
	}
	if bodyStart < 0 {
		// No sentence anywhere: a fragment. Keep what is not furniture; a first
		// headline-like line followed by more text is the title.
		var kept []string
		for _, p := range paras {
			if p == "" || isBoiler(p) || isFooterStart(p) || isListHeading(p) || isMetaLine(p) {
				continue
			}
			if n := wordCount(p); n < 5 && !(n >= 3 && endsSentence(p)) {
				continue // navigation, labels
			}
			if _, ok := dateLine(p); !ok {
				kept = append(kept, p)
			}
		}
		if len(kept) > 1 && isHeadlineLike(cleanTitle(kept[0])) {
			res.Title = cleanTitle(kept[0])
			kept = kept[1:]
		}
		res.Paragraphs = dropRepeats(kept)
		res.Published = headerDate(paras)
		return res
	}

	// A site frame puts the timestamp line under the title: a short
	// sentence-like line above a nearby timestamp (a tagline) is header.
	if wordCount(paras[bodyStart]) < 15 {
		for j := bodyStart + 1; j < len(paras) && j <= bodyStart+4; j++ {
			if _, ok := dateLine(paras[j]); ok {
				for k := j + 1; k < len(paras); k++ {
					if paras[k] != "" && isBodyLike(paras[k]) {
						bodyStart = k
						break
					}
				}
				break
			}
			if paras[j] != "" && isBodyLike(paras[j]) {
				break
			}
		}
	}

	// Footer: the first footer marker after the body start ends the article.
	end := len(paras)
	for i := bodyStart + 1; i < len(paras); i++ {
		if isFooterStart(paras[i]) {
			end = i
			break
		}
	}

	// Title from the header: the last headline-like line, preferring 5+ words.
	titleIdx := -1
	for _, minWords := range []int{5, 3} {
		for i := bodyStart - 1; i >= 0; i-- {
			if t := cleanTitle(paras[i]); paras[i] != "" && isHeadlineLike(t) && wordCount(t) >= minWords {
				titleIdx = i
				break
			}
		}
		if titleIdx >= 0 {
			break
		}
	}
	if titleIdx >= 0 {
		res.Title = cleanTitle(paras[titleIdx])
	}

	res.Published = headerDate(paras[:bodyStart])

	// Body paragraphs.
	var body []string
	lastBody := -1
	inList := false
	for i := bodyStart; i < end; i++ {
		p := paras[i]
		if p == "" {
			continue
		}
		if isListHeading(p) {
			inList = true
			continue
		}
		bullet := rxBullet.MatchString(p)
		if inList {
			if bullet || !isBodyLike(p) {
				continue
			}
			inList = false
		}
		if isBoiler(p) || isMetaLine(p) {
			if res.Published.IsZero() && isMetaLine(p) {
				if t, _, ok := findDate(p); ok {
					res.Published = t
				}
			}
			continue
		}
		if _, ok := dateLine(p); ok {
			continue
		}
		if !isBodyLike(p) && wordCount(p) <= 4 {
			continue // captions, bylines, navigation, tags
		}
		if bullet {
			if !isBodyLike(p) && !endsSentence(p) {
				continue // a stray link list
			}
			p = strings.TrimSpace(rxBullet.ReplaceAllString(p, ""))
		}
		body = append(body, p)
		if isBodyLike(p) {
			lastBody = len(body) - 1
		}
	}
	// Pages that print the headline after the text: a headline-like line
	// after the last body paragraph is the title, not body.
	if res.Title == "" && lastBody >= 0 {
		for j := lastBody + 1; j < len(body); j++ {
			if t := cleanTitle(body[j]); isHeadlineLike(t) && wordCount(t) >= 5 {
				res.Title = t
				body = append(body[:j:j], body[j+1:]...)
				break
			}
		}
	}
	if res.Title != "" {
		nt := alnumKey(res.Title)
		kept := body[:0]
		for _, p := range body {
			if alnumKey(cleanTitle(p)) != nt {
				kept = append(kept, p)
			}
		}
		body = kept
	}
	res.Paragraphs = dropRepeats(body)

	for i, p := range res.Paragraphs {
		if i == 2 {
			break
		}
		if res.Published.IsZero() && i == 0 {
			if t, ok := datelineDate(p); ok {
				res.Published = t
			}
		}
		if res.Publisher == "" {
			res.Publisher = datelinePublisher(p)
		}
	}
	return res
}

// splitParagraphs splits text into trimmed paragraphs: every non-blank line is
// one, except blocks of hard-wrapped lines, which are joined.
func splitParagraphs(text string) []string {
	text = strings.TrimPrefix(text, "\ufeff")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	text = strings.ReplaceAll(text, "\u00a0", " ")
	text = strings.ReplaceAll(text, "\u2028", "\n")
	text = strings.ReplaceAll(text, "\u2029", "\n\n")
	var paras, block []string
	flush := func() {
		if len(block) == 0 {
			return
		}
		if hardWrapped(block) {
			paras = append(paras, strings.Join(block, " "))
		} else {
			paras = append(paras, block...)
		}
		block = block[:0]
	}
	for _, l := range strings.Split(text, "\n") {
		l = strings.Join(strings.Fields(l), " ")
		if l == "" {
			flush()
			continue
		}
		block = append(block, l)
	}
	flush()
	return paras
}

// hardWrapped reports whether a block's lines are one paragraph wrapped at a
// fixed width (plain-text e-mail style) rather than one paragraph each.
func hardWrapped(lines []string) bool {
	if len(lines) < 2 {
		return false
	}
	open := 0
	last := utf8.RuneCountInString(lines[len(lines)-1])
	maxW := 0
	for _, l := range lines[:len(lines)-1] {
		n := utf8.RuneCountInString(l)
		if n < 40 || n > 100 || rxBullet.MatchString(l) || strings.Contains(l, " | ") {
			return false
		}
		maxW = max(maxW, n)
		if !endsSentence(l) {
			open++
		}
	}
	return last <= maxW+5 && !rxBullet.MatchString(lines[len(lines)-1]) && open*2 >= len(lines)-1
}

// headerDate finds the timestamp line in the header paragraphs.
func headerDate(paras []string) time.Time {
	for _, p := range paras {
		if t, ok := dateLine(p); ok {
			return t
		}
	}
	for _, p := range paras {
		if isMetaLine(p) {
			if t, _, ok := findDate(p); ok {
				return t
			}
		}
	}
	return time.Time{}
}

// dateLine reports whether p is a timestamp line: an optional label, a date,
// and at most three more words (navigation glued to it by the scraper).
func dateLine(p string) (time.Time, bool) {
	if wordCount(p) > 10 {
		return time.Time{}, false
	}
	rest := rxDateLabel.ReplaceAllString(p, "")
	if t, err := ParseDate(rest); err == nil && strings.ContainsAny(rest, "0123456789") {
		return t, true
	}
	t, m, ok := findDate(rest)
	if !ok || m[0] > 0 {
		return time.Time{}, false
	}
	if wordCount(rest[m[1]:]) > 3 {
		return time.Time{}, false
	}
	return t, true
}

var rxDatelineEnd = regexp.MustCompile(`\s[-–—]{1,2}\s|/\.`)

// datelineDate finds a date in a paragraph's dateline ("BEIJING (Agency -
// 21st December, 2020)", "WASHINGTON, July 20, 2021 -"), not in its text.
func datelineDate(p string) (time.Time, bool) {
	if len(p) > 160 {
		p = p[:160]
	}
	end := rxDatelineEnd.FindStringIndex(p)
	if i := strings.Index(p, ")"); i >= 0 {
		end = []int{i, i + 1}
	}
	if end == nil {
		return time.Time{}, false
	}
	t, m, ok := findDate(p[:end[1]])
	if !ok || m[1] > end[1] {
		return time.Time{}, false
	}
	return t, true
}

// datelinePublisher finds a news agency in a dateline: "LONDON (Reuters) -",
// "MOSCOW, Oct. 5 (Xinhua) --", "BEIJING (UrduPoint News / Sputnik - 21st
// December, 2020)", "MOSCOW, May 8. /TASS/.".
func datelinePublisher(first string) string {
	if m := rxDatelineAg.FindStringSubmatch(first); m != nil {
		ag := m[1]
		if i := strings.Index(ag, " - "); i > 0 {
			ag = ag[:i]
		}
		ag = strings.TrimSpace(ag)
		if wordCount(ag) <= 5 {
			return PublisherName(ag)
		}
	}
	if m := rxSlashAgency.FindStringSubmatch(first); m != nil {
		return PublisherName(m[1])
	}
	return ""
}

// cleanTitle removes what scrapers glue to a headline: a breadcrumb trail
// ("Security News > 2020 > October > Title"), a label in another script
// ("国际英语新闻:Title") and a trailing " | Site" part.
func cleanTitle(p string) string {
	p = strings.TrimSpace(p)
	if parts := rxBreadcrumb.Split(p, -1); len(parts) >= 3 {
		p = strings.TrimSpace(parts[len(parts)-1])
	}
	if loc := rxLabelPrefix.FindStringIndex(p); loc != nil {
		rest := p[loc[1]:]
		if r, _ := utf8.DecodeRuneInString(rest); r < utf8.RuneSelf && rest != "" {
			p = rest
		}
	}
	if parts := strings.Split(p, " | "); len(parts) == 2 {
		a, b := strings.TrimSpace(parts[0]), strings.TrimSpace(parts[1])
		if wordCount(b) <= 3 && wordCount(a) >= 3 {
			p = a
		} else if wordCount(a) <= 3 && wordCount(b) >= 3 {
			p = b
		}
	}
	return p
}

func wordCount(s string) int { return len(strings.Fields(s)) }

// endsSentence reports whether p ends like a sentence: with . … : ; or with
// ? ! (after any closing quotes and brackets).
func endsSentence(p string) bool {
	p = strings.TrimRight(strings.TrimSpace(p), `"'”’»)]`+"\u201d\u2019 ")
	if p == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(p)
	return strings.ContainsRune(".…:;!?。", r)
}

// endsStatement is endsSentence without ? and !, which headlines use, and
// without a trailing ellipsis, which taglines and cut-off teasers use.
func endsStatement(p string) bool {
	p = strings.TrimRight(strings.TrimSpace(p), `"'”’»)]`+" ")
	if p == "" || strings.HasSuffix(p, "...") || strings.HasSuffix(p, "…") {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(p)
	return strings.ContainsRune(".…:;。", r)
}

// isBodyLike reports whether p reads as article text rather than furniture.
func isBodyLike(p string) bool {
	if isBoiler(p) || isMetaLine(p) || rxBullet.MatchString(p) || len(rxBreadcrumb.Split(p, 4)) >= 3 {
		return false
	}
	n := wordCount(p)
	if n >= 15 {
		return true
	}
	if n >= 8 && endsStatement(p) {
		return true
	}
	// Text in scripts without spaces between words.
	return utf8.RuneCountInString(p) >= 60 && n <= 3 && endsSentence(p)
}

// isHeadlineLike reports whether t could be a title.
func isHeadlineLike(t string) bool {
	n := wordCount(t)
	if n < 3 || n > 25 || len(t) > 250 || endsStatement(t) {
		return false
	}
	if isBoiler(t) || isMetaLine(t) || rxBullet.MatchString(t) || isListHeading(t) || isFooterStart(t) {
		return false
	}
	if _, ok := dateLine(t); ok {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t)
	if !(unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune(`"'“‘«`, r) || unicode.Is(unicode.Han, r)) {
		return false
	}
	letters := 0
	for _, r := range t {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters*2 >= utf8.RuneCountInString(t)
}

func lowerTrim(p string) string {
	return strings.ToLower(strings.Trim(strings.TrimSpace(p), " -–—:.|"))
}

func isFooterStart(p string) bool {
	l := lowerTrim(p)
	for _, f := range footerStarts {
		if l == f || (strings.HasPrefix(l, f) && (len(f) > 12 || strings.HasPrefix(f, "©") || strings.HasPrefix(f, "copyright"))) {
			return true
		}
	}
	return false
}

func isListHeading(p string) bool {
	l := lowerTrim(p)
	for _, h := range listHeadings {
		if l == h {
			return true
		}
	}
	return false
}

// isBoiler reports captions, credits and page furniture.
func isBoiler(p string) bool {
	l := strings.ToLower(strings.TrimSpace(p))
	for _, b := range boilerPrefixes {
		if strings.HasPrefix(l, b) {
			return true
		}
	}
	return rxCreditLine.MatchString(l) || lowerTrim(p) == "advertisement"
}

// isMetaLine reports a metadata line such as "PTI | Washington DC | Updated:
// 24-03-2022 05:34 IST": segments separated by bars, or a date label.
func isMetaLine(p string) bool {
	if strings.Count(p, " | ") >= 2 && wordCount(p) <= 25 {
		return true
	}
	return rxMetaLabel.MatchString(p) && wordCount(p) <= 12 && !endsStatement(p)
}

// alnumKey is p lower-cased with only its letters and digits: the form in
// which repeats are recognised despite punctuation and spacing changes.
func alnumKey(p string) string {
	var b strings.Builder
	for _, r := range p {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// dropRepeats removes paragraphs that repeat text found after them (a teaser,
// possibly cut off) and exact duplicates. A teaser that begins with text of
// its own (a standfirst) is replaced by that text.
func dropRepeats(paras []string) []string {
	keys := make([]string, len(paras))
	for i, p := range paras {
		keys[i] = alnumKey(p)
	}
	var out []string
	seen := make(map[string]bool)
	for i, p := range paras {
		k := keys[i]
		if k == "" || seen[k] {
			continue
		}
		if len(k) >= 40 && i < 8 && i+1 < len(paras) {
			rest := strings.Join(keys[i+1:], "")
			if strings.Contains(rest, k) {
				continue
			}
			if next := keys[i+1]; len(next) >= 30 {
				if at := strings.Index(k, next[:30]); at > 0 && strings.HasPrefix(rest, k[at:]) {
					if deck := prefixByAlnum(p, utf8.RuneCountInString(k[:at])); len(alnumKey(deck)) >= 20 {
						seen[alnumKey(deck)] = true
						out = append(out, deck)
					}
					continue
				}
			}
		}
		seen[k] = true
		out = append(out, p)
	}
	return out
}

// prefixByAlnum returns the part of p holding its first n letters and digits.
func prefixByAlnum(p string, n int) string {
	count := 0
	for i, r := range p {
		if count == n {
			if unicode.IsSpace(r) || unicode.IsLetter(r) || unicode.IsDigit(r) {
				return strings.TrimSpace(p[:i])
			}
			continue // closing punctuation belongs to the prefix
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			count++
		}
	}
	return strings.TrimSpace(p)
}
